"""Copy detection (extract/copies.py): syndicated and translated re-publications."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from extract.copies import find_copies
from extract.matching import link

REPO = Path(__file__).resolve().parents[1]

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old harbour bridge for repairs that engineers say are overdue.",
    "Mayor Ana Ruiz said the closure would last at least six months and that ferries would carry commuters meanwhile.",
    "Shop owners on the waterfront complained that the council had not consulted them before the vote was taken.",
    "The bridge, built in 1911, carries about forty thousand vehicles every day between the two halves of the city.",
    "Engineers found corrosion in the steel cables last spring, according to a report published by the transport office.",
]
OTHER = [
    "A regional football club announced a new coach after a season of poor results and falling attendance at home games.",
    "The coach, a former midfielder, promised supporters an attacking style and more chances for young academy players.",
    "Ticket prices will stay the same next season, the club's chairman told reporters at the training ground on Monday.",
    "Supporters groups welcomed the appointment but asked the board to invest more in the squad before the transfer deadline.",
]


def frame(rows):
    return pd.DataFrame(rows, columns=["article_id", "outlet", "date", "text"])


def test_syndicated_copy_found_and_earlier_is_original():
    copy_text = "\n\n".join(p.replace("Tuesday", "Tuesday evening") for p in PARAGRAPHS[:4])
    articles = frame([("late", "Other Paper", "2020-02-02", copy_text),
                      ("early", "Daily News", "2020-02-01", "\n\n".join(PARAGRAPHS)),
                      ("unrelated", "Sports Daily", "2020-02-01", "\n\n".join(OTHER))])
    table, alignments = find_copies(articles)
    assert table[["article_id", "copy_of"]].values.tolist() == [["late", "early"]]
    assert table["basis"].tolist() == ["date"]
    assert alignments[("late", "early")] == {0: 0, 1: 1, 2: 2, 3: 3}


def test_same_words_in_another_order_is_no_copy():
    articles = frame([("a", "A", None, "\n\n".join(PARAGRAPHS)),
                      ("b", "B", None, "\n\n".join(reversed(PARAGRAPHS)))])
    table, _ = find_copies(articles)
    assert len(table) <= 1  # at most one paragraph aligns in reverse order
    assert table.empty


def test_undecidable_original_is_deterministic():
    text = "\n\n".join(PARAGRAPHS)
    one = frame([("x2", "Unknown", None, text), ("x1", "Unknown", None, text)])
    two = one.iloc[::-1].reset_index(drop=True)
    for articles in (one, two):
        table, _ = find_copies(articles)
        assert table[["article_id", "copy_of", "basis"]].values.tolist() == [["x2", "x1", "undecided"]]


def test_seed_translation_is_the_only_copy():
    from extract.ingest import read_articles

    articles, _ = read_articles([str(REPO / "data")])
    seeds = pd.DataFrame([{"article_id": a.article_id, "outlet": a.outlet, "date": a.date, "text": a.text}
                          for a in articles])
    linked, _ = link(seeds, pd.DataFrame())
    copies = {a: c for a, c in zip(linked["article_id"], linked["copy_of"]) if c}
    assert copies == {"004_3efedd93e49a893d": "001_4ba606e7ab4b9059"}


def test_empty_and_textless_articles():
    table, alignments = find_copies(pd.DataFrame())
    assert table.empty and alignments == {}
    table, _ = find_copies(frame([("a", None, None, None), ("b", None, None, ""), ("c", None, None, float("nan"))]))
    assert table.empty
