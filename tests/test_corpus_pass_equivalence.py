"""The corpus-level passes made to scale keep their results: extract.copies and
extract.matching against the code they replaced (tests/reference_corpus_pass.py), on
generated corpora (Hypothesis: repeated paragraphs and quotes, ties, overlapping spans,
copies) and on real text (the seeds, PolNeAR articles and their quotes)."""
from __future__ import annotations

import random
import re
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reference_corpus_pass as reference
from extract import copies, matching
from extract.matching import RULES

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "data" / "polnear"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Paragraphs of 8 words or more, some close to one another, with their own rare words.
PARAGRAPHS = [
    "The city council voted on Tuesday to close the old harbour bridge for repairs that engineers say are overdue.",
    "Mayor Ana Ruiz said the closure would last at least six months and that ferries would carry commuters meanwhile.",
    "Mayor Ana Ruiz said the closure will probably last six months, and ferries will carry the commuters.",
    "Shop owners on the waterfront complained that the council had not consulted them before the vote was taken.",
    "The bridge, built in 1911, carries about forty thousand vehicles every day between the two halves of the city.",
    "Engineers found corrosion in the steel cables last spring, according to a report by the transport office.",
    "A regional football club announced a new coach after a season of poor results and falling attendance.",
    "The coach, a former midfielder, promised supporters an attacking style and more chances for academy players.",
    "Ticket prices will stay the same next season, the chairman of the club told reporters on Monday.",
    "We will not close the bridge before the ferries are ready, the mayor told the council on Tuesday evening.",
]
SHORT_LINES = ["By Staff Reporter", "Updated Tuesday", "", "Photo: city archive"]
WORDS = ["the", "of", "and", "not", "never", "bridge", "ferries", "council", "mayor", "harbour", "club", "said",
         "will", "probably", "likely", "Ruiz", "Tuesday", "repairs", "six", "months"]


def perturbed(rng: random.Random, text: str) -> str:
    words = text.split()
    for _ in range(rng.choice([0, 0, 1, 2, 4])):
        roll = rng.random()
        at = rng.randrange(len(words))
        if roll < 0.35 and len(words) > 3:
            del words[at]
        elif roll < 0.7:
            words[at] = rng.choice(WORDS)
        else:
            words.insert(at, rng.choice(WORDS))
    out = " ".join(words)
    return out.upper() if rng.random() < 0.05 else out


@st.composite
def corpora(draw, max_articles: int = 7):
    """Articles made of pooled paragraphs (repeated, reordered, perturbed) with their dates
    and outlets; an article id may repeat."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    n = draw(st.integers(0, max_articles))
    rows = []
    for k in range(n):
        picks = draw(st.lists(st.integers(0, len(PARAGRAPHS) + len(SHORT_LINES) - 1), max_size=8))
        lines = [PARAGRAPHS[p] if p < len(PARAGRAPHS) else SHORT_LINES[p - len(PARAGRAPHS)] for p in picks]
        text = "\n\n".join(perturbed(rng, line) if line and rng.random() < 0.3 else line for line in lines)
        article_id = f"a{k}" if rng.random() < 0.9 else "a0"
        rows.append({"article_id": article_id, "outlet": rng.choice([None, "Unknown", "Daily News", "Other Paper"]),
                     "date": rng.choice([None, "2020-02-01", "2020-02-02"]), "text": text if rng.random() < 0.95 else None})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "date", "text"])


# --- copies: the alignment, the copy decision, find_copies ------------------------------

def assert_same_copies(articles: pd.DataFrame) -> None:
    want_stats, got_stats = {}, {}
    want_table, want_alignments = reference.find_copies(articles, stats=want_stats)
    got_table, got_alignments = copies.find_copies(articles, stats=got_stats)
    pd.testing.assert_frame_equal(got_table, want_table, check_exact=True)
    assert got_alignments == want_alignments
    assert got_stats == want_stats


@SETTINGS
@given(corpora())
def test_alignment_and_copy_decision_equal_reference_for_every_pair(articles):
    """Every pair of articles, candidate or not: the same alignment (ties included: a
    paragraph repeated in an article) and the same copy decision as comparing every
    paragraph pair."""
    texts = articles["text"].tolist()
    paras = copies._Paragraphs(texts, RULES)
    bags = [reference._bags(t, RULES) for t in texts]
    ids = [f"x{i}" for i in range(len(texts))]
    pairs = np.asarray(list(combinations(range(len(texts)), 2)), dtype=np.int64).reshape(-1, 2)
    for i, j in pairs.tolist():
        assert paras.align(i, j) == reference.align(bags[i], bags[j], RULES)
    got = set(paras.copy_pairs(pairs, ids))
    want = {(i, j) for i, j in pairs.tolist() if reference._is_copy_pair(bags[i], bags[j], RULES) is not None}
    assert got == want


@SETTINGS
@given(corpora())
def test_find_copies_equals_reference(articles):
    assert_same_copies(articles)


def test_find_copies_equals_reference_where_copies_are_found():
    """Articles that copy another with perturbed paragraphs, beside an unrelated one: copies
    are found (so the comparison has something to compare) and equal the reference's."""
    found = 0
    for seed in range(40):
        rng = random.Random(seed)
        lines = rng.sample(PARAGRAPHS, 5)
        texts = ["\n\n".join(lines), "\n\n".join(perturbed(rng, p) for p in lines[:4]), "\n\n".join(rng.sample(PARAGRAPHS, 4))]
        articles = pd.DataFrame({"article_id": ["o", "c", "u"], "outlet": ["A", "B", "C"],
                                 "date": ["2020-01-01", "2020-01-02", None], "text": texts})
        table, _ = copies.find_copies(articles)
        found += len(table)
        assert_same_copies(articles)
    assert found >= 20


def polnear_texts(limit: int) -> list[str]:
    texts = []
    for split in ("train", "dev"):
        folder = POLNEAR / split / "articles"
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts[:limit]


def resampled(texts: list[str], n: int, seed: int) -> list[str]:
    """Articles built from runs of real paragraphs, as benchmarks/make_synthetic.py does:
    many share paragraphs, some are near copies."""
    rng = random.Random(seed)
    docs = [[line for line in t.splitlines() if line.strip()] for t in texts]
    docs = [d for d in docs if len(d) >= 2]
    out = []
    for _ in range(n):
        frame = rng.choice(docs)
        body = [frame[0]]
        while len(body) < len(frame):
            source = rng.choice(docs)
            start = rng.randrange(1, len(source))
            body.extend(source[start:start + rng.randint(1, 6)][:len(frame) - len(body)])
        out.append("\n\n".join(body))
    return out


def test_find_copies_equals_reference_on_real_and_resampled_articles():
    from extract.ingest import read_articles

    seeds, _ = read_articles([str(REPO / "data")])
    texts = [a.text for a in seeds] + polnear_texts(120)
    texts += resampled(texts, 160, seed=3)
    rng = random.Random(5)
    articles = pd.DataFrame({"article_id": [f"r{i:03d}" for i in range(len(texts))],
                             "outlet": [rng.choice(["A", "B", "Unknown", None]) for _ in texts],
                             "date": [rng.choice(["2016-10-01", "2016-10-02", None]) for _ in texts], "text": texts})
    table, _ = copies.find_copies(articles)
    assert len(table) >= 3
    assert_same_copies(articles)


# --- candidate pairs -----------------------------------------------------------------------

@SETTINGS
@given(st.lists(st.sets(st.sampled_from([f"k{i}" for i in range(30)] + ["a b", "a", "b", ""]), max_size=8), max_size=60),
       st.integers(1, 5), st.integers(1, 12), st.integers(1, 4), st.data())
def test_candidate_pairs_equal_reference(keys, n_keys, max_posting, min_hits, data):
    bags = [dict.fromkeys(sorted(k), 1.0) for k in keys]
    exact = data.draw(st.lists(st.sampled_from(["", "x", "y"]), min_size=len(bags), max_size=len(bags)))
    got = matching.candidate_pairs(bags, exact, n_keys, max_posting, min_hits)
    want = reference.candidate_pairs(bags, exact, n_keys, max_posting, min_hits)
    assert got.tolist() == want.tolist()


@SETTINGS
@given(st.lists(st.sets(st.sampled_from([f"k{i}" for i in range(20)]), max_size=6), min_size=1, max_size=25),
       st.lists(st.integers(1, 4), min_size=25, max_size=25), st.integers(1, 4), st.integers(1, 10), st.integers(1, 3))
def test_indexed_pairs_of_counted_items_equal_those_of_the_repeated_items(keys, counts, n_keys, max_posting, min_hits):
    """An item standing for `count` items with its keys pairs as all of them would."""
    bags = [dict.fromkeys(sorted(k), 1.0) for k in keys]
    counts = counts[:len(bags)]
    codes, probes = matching._indexed_pairs(matching.key_sets(bags), n_keys, max_posting, min_hits,
                                            counts=np.asarray(counts))
    expanded = [b for b, c in zip(bags, counts) for _ in range(c)]
    owner = [i for i, c in enumerate(counts) for _ in range(c)]
    n = len(bags)
    want = reference.candidate_pairs(expanded, [""] * len(expanded), n_keys, max_posting, min_hits).tolist()
    between = {(owner[a], owner[b]) for a, b in want if owner[a] != owner[b]}
    within = {owner[a] for a, b in want if owner[a] == owner[b]}
    assert {(c // n, c % n) for c in codes.tolist()} == between
    assert {i for i in range(n) if counts[i] > 1 and probes[i] > 0} == within
    # ... and then every two items of the one and the other pair, or none.
    for a, b in combinations(range(len(expanded)), 2):
        x, y = sorted((owner[a], owner[b]))
        assert ([a, b] in want) == ((x, y) in between if x != y else x in within)


# --- claim groups: link ----------------------------------------------------------------------

QUOTES = [
    "And they will likely regret it,",
    "we will respond decisively to any attack on our forces in the region",
    "respond decisively to any attack on our forces",
    "at the direction of the president",
    "at the behest of the president",
    "We will not close the bridge before the ferries are ready",
    "close the bridge",
    "New York values",
    "They should get out of Iraq as soon as possible, otherwise we will fight them",
]
SPEAKERS = ["Mark Esper", "Esper", "Defense Secretary Mark Esper", "he", None, "officials", "a senior official",
            "the Pentagon", "The Pentagon", "Pentagon", "Ana Ruiz", "Ruiz", "the mayor", "Donald Trump", "Trump"]


def quote_variant(rng: random.Random, quote: str) -> str:
    roll = rng.random()
    if roll < 0.15:
        words = quote.split()
        start = rng.randrange(len(words))
        return " ".join(words[start:start + rng.randint(2, 8)])
    if roll < 0.25:
        return "“" + quote.replace("'", "’") + "”"
    if roll < 0.35:
        return re.sub(r"[,.]", "", quote).lower()
    if roll < 0.45:
        return perturbed(rng, quote)
    return quote


@st.composite
def linked_inputs(draw):
    """Articles (some copies of others) and claims: quotes taken from the articles' own
    paragraphs at their offsets, and pooled quotes repeated across articles, with speakers
    named, surnamed, anonymous or missing, and spans that overlap."""
    articles = draw(corpora(max_articles=6))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    rows = []
    for article_id, outlet, date, text in articles.itertuples(index=False):
        if isinstance(text, str):
            for m in re.finditer(r"[^\n]+", text):
                if rng.random() < 0.5:
                    words = list(re.finditer(r"\S+", m.group()))
                    a = rng.randrange(len(words))
                    b = min(len(words), a + rng.randint(2, 12))
                    start, end = m.start() + words[a].start(), m.start() + words[b - 1].end()
                    rows.append((article_id, outlet, date, text[start:end], start, end))
        for _ in range(draw(st.integers(0, 5))):
            quote = quote_variant(rng, rng.choice(QUOTES))
            start = rng.randrange(0, 120) if rng.random() < 0.9 else None
            rows.append((article_id, outlet, date, quote, start, None if start is None else start + len(quote)))
    claims = pd.DataFrame([{"article_id": a, "outlet": o, "date": d, "kind": rng.choice(["direct", "indirect"]),
                            "quote": q if rng.random() < 0.97 else None, "quote_start": s, "quote_end": e,
                            "speaker": rng.choice(SPEAKERS), "anonymity": rng.choice(["named", "named", "anonymous"])}
                           for a, o, d, q, s, e in rows],
                          columns=["article_id", "outlet", "date", "kind", "quote", "quote_start", "quote_end",
                                   "speaker", "anonymity"])
    if draw(st.booleans()):   # a corpus read back: its rows in another order
        claims = claims.sample(frac=1.0, random_state=rng.randrange(1000)).reset_index(drop=True)
    return articles, claims


def assert_same_link(articles: pd.DataFrame, claims: pd.DataFrame, rules=RULES) -> dict:
    want_stats, got_stats = {}, {}
    want_articles, want_claims = reference.link(articles, claims, rules, stats=want_stats)
    got_articles, got_claims = matching.link(articles, claims, rules, stats=got_stats)
    pd.testing.assert_frame_equal(got_articles, want_articles, check_exact=True)
    pd.testing.assert_frame_equal(got_claims, want_claims, check_exact=True)
    assert got_stats == want_stats
    return got_stats


@SETTINGS
@given(linked_inputs())
def test_link_equals_reference(inputs):
    articles, claims = inputs
    assert_same_link(articles, claims)


@SETTINGS
@given(linked_inputs(), st.integers(1, 3))
def test_link_equals_reference_in_small_blocks(inputs, block_rows):
    """Row pairs spread and edges joined a few at a time give the same groups."""
    articles, claims = inputs
    want = reference.group_claims(claims.reset_index(drop=True))
    got = matching.group_claims(claims.reset_index(drop=True), block_rows=block_rows)
    assert got.tolist() == want.tolist()


def test_link_equals_reference_on_polnear_quotes_repeated_across_outlets():
    """PolNeAR's attributions (content, source), each repeated in a few articles of other
    outlets with its speaker as written, surnamed or missing: a corpus whose quotes repeat."""
    pairs = []
    for split in ("train", "dev"):
        for ann in sorted((POLNEAR / split / "gold").glob("*.ann"))[:60]:
            text = (POLNEAR / split / "articles" / (ann.stem + ".txt")).read_text(encoding="utf-8")
            spans, events = {}, []
            for line in ann.read_text(encoding="utf-8").splitlines():
                if line.startswith("T") and line.count("\t") >= 1:
                    tid, info = line.split("\t")[:2]
                    offsets = info.split(" ", 1)[1]
                    spans[tid] = " ".join(text[int(a):int(b)] for a, b in (p.split() for p in offsets.split(";")))
                elif line.startswith("E"):
                    events.append(dict(part.split(":") for part in line.split("\t")[1].split()))
            pairs += [(spans.get(e.get("Content")), spans.get(e.get("Source"))) for e in events if e.get("Content") in spans]
    if not pairs:
        pytest.skip("PolNeAR is not beside the repository")
    pairs = pairs[:400]
    rng = random.Random(11)
    rows = []
    for k in range(2500):
        quote, speaker = pairs[rng.randrange(len(pairs))]
        roll = rng.random()
        speaker = None if roll < 0.1 else speaker.split()[-1] if roll < 0.2 and speaker else speaker
        article = rng.randrange(120)
        start = rng.randrange(0, 3000)
        rows.append({"article_id": f"p{article:03d}", "outlet": f"Outlet {article % 7}",
                     "date": f"2016-10-{1 + article % 28:02d}", "kind": "direct", "quote": quote_variant(rng, quote),
                     "quote_start": start, "quote_end": start + len(quote), "speaker": speaker,
                     "anonymity": "named" if rng.random() < 0.8 else "anonymous"})
    claims = pd.DataFrame(rows)
    articles = claims[["article_id", "outlet", "date"]].drop_duplicates("article_id").assign(text="")
    stats = assert_same_link(articles, claims)
    assert stats["full_edges"] > 1000 and stats["contained_edges"] > 10
