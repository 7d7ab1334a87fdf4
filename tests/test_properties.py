"""Properties of extraction over any text (Hypothesis): it never raises, every offset pair
slices to its text, and the output is the same run twice and in another process, claim
ids included."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import Article, extract_articles
from extract.ingest import decode_bytes, html_to_text, read_upload

REPO = Path(__file__).resolve().parents[1]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

QUOTE_MARKS = "\"'“”‘’«»„‟‹›`"
WORDS = ["said", "told", "according to", "Smith", "Senator Jane Doe", "the official", "he", "she", "claimed",
         "Mr.", "U.S.", "reporters", "that", "denied", "Loading...", "Related Content", "original event",
         " date 2020-01-04 ", "\n", "\n\n", "\r\n", "\r", "\t", ",", ".", ":", "—", " "]
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(list(QUOTE_MARKS)),
    st.text(min_size=1, max_size=12),                       # any unicode, surrogates excluded by Hypothesis
    st.text(alphabet=QUOTE_MARKS + " \n", min_size=1, max_size=8),
)
# Text built from speech words, quote marks and random unicode, joined by spaces or not.
texts = st.lists(pieces, max_size=60).map(lambda parts: " ".join(parts)) | st.text(max_size=300)


def check_offsets(text: str, claims: pd.DataFrame) -> None:
    for row in claims.itertuples():
        assert text[row.quote_start:row.quote_end] == row.quote
        if pd.notna(row.speaker_start):
            assert text[int(row.speaker_start):int(row.speaker_end)] == row.mention
        if pd.notna(row.cue_start):
            assert text[int(row.cue_start):int(row.cue_end)] == row.cue
        assert row.quote in text and row.sentence in text


def table(corpus) -> list[dict]:
    frame = corpus.claims.astype(object).where(corpus.claims.notna(), None)
    return frame.to_dict(orient="records")


@FAST
@given(texts)
def test_extraction_never_raises_and_offsets_slice_to_their_text(text):
    corpus = extract_articles([Article("a", text)])
    check_offsets(text, corpus.claims)


@FAST
@given(st.lists(texts, min_size=1, max_size=3))
def test_same_output_run_twice(batch):
    articles = [Article(f"a{i}", t) for i, t in enumerate(batch)]
    first = extract_articles(articles)
    second = extract_articles([Article(a.article_id, a.text) for a in articles])
    pd.testing.assert_frame_equal(first.claims, second.claims)
    pd.testing.assert_frame_equal(first.articles, second.articles)


@FAST
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl", "metadata.csv", "a.exe"]))
def test_any_bytes_uploaded_never_raise(data, name):
    articles, errors = read_upload(name, data)
    if name not in ("metadata.csv", "a.jsonl"):
        assert len(articles) + len(errors) >= 1  # an article, or a reason it is not one
    for article in articles:
        article.text.encode("utf-8")  # writable: no lone surrogates


@FAST
@given(st.binary(max_size=400))
def test_decoding_either_gives_text_or_a_clear_reason(data):
    try:
        text = decode_bytes(data)
    except Exception as exc:  # noqa: BLE001 - the property is about which exceptions escape
        assert type(exc).__name__ == "InputProblem" and str(exc)
    else:
        assert isinstance(text, str)


@FAST
@given(st.text(alphabet="<>/&;\"'=! -abcdiptrscmlkefgh#x\n", max_size=200))
def test_any_html_never_raises(html):
    text, _title = html_to_text(html)
    assert "<script" not in text.lower() or "<script" in html.lower()


# Fixed inputs, generated once, compared across processes (hash seeds differ per process).
CROSS_PROCESS_TEXTS = [
    "“We acted to stop a war,” President Trump said. “We did not act to start one,” he added.",
    "According to officials, the strike was ordered on Thursday. Smith told reporters that it worked.",
    "“Unbalanced ‘quote,” said Jane Doe. 'Single,' Doe said. «Guillemets», dit-il.",
    " date 2020-01-04 Loading...\n\n“Yes,” said the official, who spoke on condition of anonymity.",
]
_CHILD = """
import json, sys
sys.path.insert(0, {repo!r})
from extract import Article, extract_articles
texts = json.loads(sys.stdin.read())
corpus = extract_articles([Article(f"a{{i}}", t) for i, t in enumerate(texts)])
frame = corpus.claims.astype(object).where(corpus.claims.notna(), None)
print(json.dumps(frame.to_dict(orient="records"), sort_keys=True))
"""


def run_in_child(texts_: list[str], hash_seed: str) -> list[dict]:
    result = subprocess.run([sys.executable, "-c", _CHILD.format(repo=str(REPO))], input=json.dumps(texts_),
                            capture_output=True, text=True, timeout=300,
                            env={"PYTHONHASHSEED": hash_seed, "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_same_output_in_other_processes_claim_ids_included():
    here = json.loads(json.dumps(table(extract_articles([Article(f"a{i}", t) for i, t in enumerate(CROSS_PROCESS_TEXTS)])),
                                 sort_keys=True))
    assert len(here) >= 5
    assert run_in_child(CROSS_PROCESS_TEXTS, "1") == here
    assert run_in_child(CROSS_PROCESS_TEXTS, "2") == here
    if "claim_id" in here[0]:
        assert all(row["claim_id"] for row in here)


@settings(max_examples=10, deadline=None)
@given(st.lists(st.sampled_from(CROSS_PROCESS_TEXTS + ["“Filler,” said Bob Roe."]), min_size=2, max_size=5))
def test_claim_ids_do_not_depend_on_what_else_is_in_the_run_order(batch):
    forward = extract_articles([Article(f"a{i}", t) for i, t in enumerate(batch)]).claims
    backward = extract_articles([Article(f"a{i}", t) for i, t in reversed(list(enumerate(batch)))]).claims
    if "claim_id" not in forward:
        return
    key = ["article_id", "quote_start", "quote_end", "kind"]
    a = forward.sort_values(key).reset_index(drop=True)
    b = backward.sort_values(key).reset_index(drop=True)
    assert list(a["claim_id"]) == list(b["claim_id"])
