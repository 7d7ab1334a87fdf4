"""Claim matching (extract/matching.py): the same claim across articles, its rules and ids."""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from extract.matching import RULES, candidate_pairs, claim_outlet_matrix, link, stem_weights, normalise

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def claims_frame(rows: list[tuple]) -> pd.DataFrame:
    """(article_id, outlet, speaker, quote) rows; spans laid end to end in each article."""
    out, offsets = [], {}
    for article, outlet, speaker, quote in rows:
        start = offsets.get(article, 0)
        length = len(quote) if isinstance(quote, str) else 0
        offsets[article] = start + length + 10
        out.append({"article_id": article, "outlet": outlet, "date": None, "kind": "direct", "quote": quote,
                    "quote_start": start, "quote_end": start + length, "speaker": speaker,
                    "anonymity": "named", "role": "official"})
    return pd.DataFrame(out)


def grouped(rows: list[tuple]) -> list[str]:
    _, claims = link(pd.DataFrame(columns=["article_id", "text"]), claims_frame(rows))
    return claims["claim_id"].tolist()


def same(a: tuple, b: tuple) -> bool:
    ids = grouped([("a1", "Outlet A", *a), ("b1", "Outlet B", *b)])
    return ids[0] == ids[1]


# ---- positive rules: one claim

@pytest.mark.parametrize("a, b", [
    (("Mark Esper", "And they will likely regret it,"), ("Mark Esper", "And they will probably regret it.")),
    (("the Pentagon", "at the direction of the president"), ("The Pentagon", "at the behest of the president")),
    (("Mark Esper", "“We are prepared to respond,”"), ("Mark Esper", '"we are prepared to respond."')),
    (("Mark Esper", "We don’t want them here"), ("Mark Esper", "We don't want them here")),
    (("Mark Esper", "we will respond decisively to any attack on our forces in the region"),
     ("Esper", "respond decisively to any attack on our forces")),
    (("Hassam Abbas", "They should get out of Iraq as soon as possible, otherwise we will fight them"),
     (None, "They should get out of Iraq as soon as possible, otherwise we will fight them")),
    (("fighters with Kataib Hezbollah", "We will continue to encircle the American outposts"),
     ("Kataib Hezbollah fighters", "We will continue to encircle the American outposts")),
    (("Reports from Iraq", "Soleimani was killed in a strike near Baghdad International Airport"),
     ("Iraqi reports", "Soleimani was killed in a strike near Baghdad International Airport")),
])
def test_same_claim(a, b):
    assert same(a, b)


# ---- negative rules: different claims

@pytest.mark.parametrize("a, b", [
    # different speakers, same words
    (("Mark Esper", "We are prepared to respond to any attack"), ("Mark Milley", "We are prepared to respond to any attack")),
    # one speaker's different claims
    (("Mark Esper", "And they will likely regret it,"), ("Mark Esper", "We are prepared to deter further bad behavior")),
    # a negation turns the claim around
    (("Mark Esper", "We will respond to the attack on the embassy"), ("Mark Esper", "We will not respond to the attack on the embassy")),
    # a rewording keeps its names and numbers
    (("Donald Trump", "the worst thing that ever happened to the establishment"),
     ("Donald Trump", "the worst thing that ever happened to Israel")),
    (("a poll", "Sanders trails Clinton in California by 4 points"), ("a poll", "Sanders trails Clinton in California by 9 points")),
    # no speaker: a short phrase is nobody's claim
    (("Jake Sullivan", "confidential"), (None, "confidential")),
    # one or two words need the very same speaker
    (("the tea party", "establishment"), ("Party", "establishment")),
    # a fragment must be a real part of the longer quote, not a few words of a paragraph
    (("Ben Carson", "Meet the Press."),
     ("Ben Carson", "he told Meet the Press on Sunday that he is being asked about incidents that happened 20 and 50 years ago")),
    # short quotes must be nearly equal
    (("Donald Trump", "New York values"), ("Donald Trump", "recently in New York")),
    (("Donald Trump", "30 minutes into the debate"), ("Donald Trump", "longer than 30 minutes")),
    # no speaker: similar but not the same words
    (("Mark Esper", "We are prepared to respond to any attack on our people"),
     (None, "We are ready to answer any attack on our people")),
])
def test_different_claims(a, b):
    assert not same(a, b)


def test_speakers_do_not_chain_through_an_unknown_speaker():
    quote = "We will never accept a nuclear armed Iran in the region"
    ids = grouped([("a1", "A", "Jake Sullivan", quote), ("b1", "B", None, quote), ("c1", "C", "Mike Pompeo", quote)])
    assert ids[0] != ids[2]


def test_nested_quote_in_the_same_article_is_its_own_claim():
    long = "it killed Soleimani at the direction of the president"
    short = "at the direction of the president"
    rows = [{"article_id": "a1", "outlet": "A", "quote": long, "quote_start": 0, "quote_end": len(long),
             "speaker": "the Pentagon"},
            {"article_id": "a1", "outlet": "A", "quote": short, "quote_start": 20, "quote_end": 20 + len(short),
             "speaker": "the Pentagon"},
            {"article_id": "b1", "outlet": "B", "quote": short, "quote_start": 5, "quote_end": 5 + len(short),
             "speaker": "the Pentagon"}]
    _, claims = link(pd.DataFrame(columns=["article_id", "text"]), pd.DataFrame(rows))
    ids = claims["claim_id"].tolist()
    assert ids[0] != ids[1]
    assert ids[1] == ids[2]


def test_group_columns():
    rows = [("a1", "Outlet A", "Mark Esper", "And they will likely regret it,"),
            ("b1", "Outlet B", "Mark Esper", "And they will likely regret it,"),
            ("c1", "Outlet C", "Mark Esper", "they will likely regret"),
            ("d1", "Outlet A", "Mark Esper", "And they will probably regret it,")]
    _, claims = link(pd.DataFrame(columns=["article_id", "text"]), claims_frame(rows))
    assert claims["claim_id"].nunique() == 1
    assert set(claims["claim_text"]) == {"And they will likely regret it,"}
    assert claims["version"].tolist() == ["exact", "exact", "truncated", "reworded"]
    assert set(claims["carried_by"]) == {3}


def test_claim_ids_stable_across_runs_and_row_orders():
    rows = [("a1", "A", "Mark Esper", "And they will likely regret it,"),
            ("b1", "B", "Mark Esper", "And they will probably regret it,"),
            ("b1", "B", "Hassam Abbas", "We will surround all their bases with protests in the next few days."),
            ("c1", "C", None, "We will surround all their bases with protests in the next few days")]
    frame = claims_frame(rows)
    _, first = link(pd.DataFrame(columns=["article_id", "text"]), frame)
    shuffled = frame.sample(frac=1, random_state=3)
    _, second = link(pd.DataFrame(columns=["article_id", "text"]), shuffled)
    assert first["claim_id"].tolist() == second.loc[frame.index, "claim_id"].tolist()
    assert list(second.index) == list(shuffled.index)
    assert first["claim_id"].str.fullmatch(r"c[0-9a-f]{12}").all()


def test_empty_missing_and_nan_inputs():
    articles, claims = link(pd.DataFrame(), pd.DataFrame())
    assert claims.empty and "claim_id" in claims and "copy_of" in articles
    frame = claims_frame([("a1", "A", None, "We will surround all their bases"),
                          ("b1", None, float("nan"), float("nan")),
                          ("c1", "C", "", "")])
    frame.loc[1, "quote_start"] = math.nan
    _, out = link(pd.DataFrame(columns=["article_id", "text"]), frame)
    assert out["claim_id"].notna().all() and out["claim_id"].nunique() == 3
    assert claim_outlet_matrix(out).shape[0] == 3
    assert claim_outlet_matrix(pd.DataFrame()).empty


def test_claim_outlet_matrix_counts_articles_per_outlet():
    rows = [("a1", "Outlet A", "Mark Esper", "And they will likely regret it,"),
            ("a2", "Outlet A", "Mark Esper", "And they will likely regret it,"),
            ("b1", "Outlet B", "Mark Esper", "And they will probably regret it,"),
            ("b1", "Outlet B", "Hassam Abbas", "We will surround all their bases with protests.")]
    _, claims = link(pd.DataFrame(columns=["article_id", "text"]), claims_frame(rows))
    matrix = claim_outlet_matrix(claims)
    esper = claims["claim_id"].iloc[0]
    assert matrix.loc[esper, "Outlet A"] == 2 and matrix.loc[esper, "Outlet B"] == 1
    assert matrix.index[0] == esper  # most carried first
    assert matrix.loc[claims["claim_id"].iloc[3], "Outlet A"] == 0


def test_normalise_punctuation_case_and_marks():
    assert normalise("“We don’t,” he said—U.S.") == normalise('"we do not" he said - us')


def test_blocking_limits_comparisons():
    rng = np.random.default_rng(0)
    letters = list("abcdefghijklmnopqrstuvwxyz")
    vocabulary = sorted({"".join(rng.choice(letters, size=8)) for _ in range(5000)})
    bags = [stem_weights(list(rng.choice(vocabulary, size=12))) for _ in range(3000)]
    bags[10] = dict(bags[5])  # one true near-duplicate
    pairs = candidate_pairs(bags, [""] * len(bags), RULES.index_keys, RULES.max_posting, RULES.index_min_hits)
    assert len(pairs) < 0.01 * len(bags) * (len(bags) - 1) / 2
    assert [5, 10] in pairs.tolist()


def _seed_frames():
    from extract.ingest import read_articles

    repo = Path(__file__).resolve().parents[1]
    articles, _ = read_articles([str(repo / "data")])
    frame = pd.DataFrame([{"article_id": a.article_id, "text": a.text, "outlet": a.outlet, "date": a.date}
                          for a in articles])
    with open(SHARED / "gold" / "seeds.jsonl", encoding="utf-8") as fh:
        gold = pd.DataFrame([json.loads(line) for line in fh if line.strip()])
    gold["article_id"] = gold["file"].map(lambda f: Path(f).stem)
    gold["outlet"] = gold["article_id"].map(frame.set_index("article_id")["outlet"])
    return frame, gold


def test_seed_gold_groups_pairwise():
    articles, gold = _seed_frames()
    _, linked = link(articles, gold)
    truth, predicted = gold["claim_group"].tolist(), linked["claim_id"].tolist()
    tp = fp = fn = 0
    for i in range(len(truth)):
        for j in range(i + 1, len(truth)):
            tp += truth[i] == truth[j] and predicted[i] == predicted[j]
            fp += truth[i] != truth[j] and predicted[i] == predicted[j]
            fn += truth[i] == truth[j] and predicted[i] != predicted[j]
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95


def test_copies_count_apart_in_carried_by_independent():
    articles, gold = _seed_frames()
    _, linked = link(articles, gold)
    both = linked[linked["claim_group"] == "esper-they-will-regret-it"]
    assert set(both["carried_by"]) == {2}          # The Daily Beast and the unnamed re-publisher
    assert set(both["carried_by_independent"]) == {1}
