"""The cheap prechecks of attribution and reported speech (branch fast-attr) skip only work
whose result could not count: each is checked against the work it skips, on generated text
(Hypothesis) and at every cue of real articles."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import attribution, reported
from extract.attribution import _APPOSED, _NAME_APPOSED, _NOISE_ENDS, _TRAILING_NOISE, _WORD, _words

REPO = Path(__file__).resolve().parents[1]
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Made-up pieces of news text: names, descriptions, adverbs, ages, commas and quote marks.
_PIECES = ["Jane Roe", "the nurse", "a spokesman for the firm", "who", "also", "quickly", "loudly",
           "has", "later", "41", "her adviser", "Sam Poe", "the", "said", "told", ",", ", ", "  ",
           "\n", ".", "“", "”", "U.S.", "O’Neil", "well-known", "dubbed", "as", "put it", "by"]
news_text = st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join)


def real_texts(n: int = 20) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "data").glob("*.txt"))]
    train = REPO.parent / "shared" / "data" / "polnear" / "train" / "articles"
    if train.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(train.glob("*.txt"))[:n]]
    return texts


def _skipped_words_start_the_loop(text: str, lo: int, cue_start: int) -> bool:
    """subject_of's loop condition on its first iteration, from the words it would look up."""
    before = _words(text, max(lo, cue_start - 40), cue_start)
    return bool(before) and (before[-1][2] in _TRAILING_NOISE or attribution._manner_adverb(text, before)) \
        and not text[before[-1][1]:cue_start].strip()


@given(news_text)
@SETTINGS
def test_subject_of_skips_the_word_lookup_only_where_no_word_would_be_skipped(text):
    for cue_start in range(len(text) + 1):
        if _skipped_words_start_the_loop(text, 0, cue_start):
            assert text[max(0, cue_start - 40):cue_start].rstrip().endswith(_NOISE_ENDS)


@given(news_text)
@SETTINGS
def test_apposed_needs_two_commas(text):
    for end in range(len(text) + 1):
        window = text[:end]
        if window.count(",") < 2:
            assert _NAME_APPOSED.search(window) is None and _APPOSED.search(window) is None


def test_apposed_still_reads_an_apposition():
    text = "Jane Roe, the hospital’s chief nurse, said"
    mention = attribution._apposed(text, 0, text.index("said"))
    assert mention is not None and text[mention.start:mention.end] == "Jane Roe"


@given(news_text)
@SETTINGS
def test_first_word_by_search_is_the_windows_first_word(text):
    for pos in range(len(text) + 1):
        words = _words(text, pos, min(len(text), pos + 40))
        m = _WORD.search(text, pos, min(len(text), pos + 40))
        assert (m is None) == (not words)
        if m is not None:
            assert (m.start(), m.end(), m.group()) == words[0]


@given(news_text)
@SETTINGS
def test_after_determiner_equals_the_whole_prefix_formula(text):
    for cue in range(len(text) + 1):
        before = _words(text, max(0, cue - 12), cue)
        reference = bool(before) and before[-1][1] == len(text[:cue].rstrip()) \
            and before[-1][2].lower() in reported._ARTICLES
        assert reported._after_determiner(text, 0, cue) == reference


def test_prechecks_at_every_cue_of_real_articles():
    cues = attribution.speech_verbs()
    for text in real_texts():
        for s, e, word in attribution.cues_in(text, 0, len(text), cues):
            lo = max(0, s - 200)
            if _skipped_words_start_the_loop(text, lo, s):
                assert text[max(lo, s - 40):s].rstrip().endswith(_NOISE_ENDS)
            before = _words(text, max(0, s - 12), s)
            reference = bool(before) and before[-1][1] == len(text[:s].rstrip()) \
                and before[-1][2].lower() in reported._ARTICLES
            assert reported._after_determiner(text, 0, s) == reference
            words = _words(text, e, min(len(text), e + 40))
            m = _WORD.search(text, e, min(len(text), e + 40))
            assert (m is None) == (not words) and (m is None or (m.start(), m.end(), m.group()) == words[0])


