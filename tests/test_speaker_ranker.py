"""tools/speaker_ranker.py: the speaker candidates it lists for a quote, how it labels them
from gold, and how a re-ranker's choice is made (docs/speaker_ranker.md has its figures)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
pytestmark = pytest.mark.skipif(not (EVAL / "score_claims.py").is_file(), reason="needs ../shared/eval/score_claims.py")

TEXT = ("Bridge row goes on\n\nThe council met on Monday over the old bridge.\n\n"
        "Jane Roe, the mayor, said the bridge was “a disgrace to the whole city.” Tom Baker disagreed.\n\n"
        "“We will fix it before the winter comes,” he said.\n\n“Nobody wants to wait for years,” Baker added.")


def span(text, words, start=0):
    at = text.index(words, start)
    return at, at + len(words)


def listed():
    import speaker_ranker
    from extract.pipeline import build_nlp

    return speaker_ranker.claim_candidates(TEXT, build_nlp()(TEXT))


def test_the_rules_mention_comes_first_and_alternatives_name_their_sources():
    first, second, third = listed()
    assert [(TEXT[c.start:c.end], c.sources) for c, _ in first[1]] == \
        [("Jane Roe", ["rules", "subject", "host", "cue-subject"])]
    cands = {TEXT[c.start:c.end]: c.sources for c, _ in second[1]}
    assert list(cands) == ["he", "Tom Baker", "Jane Roe"]
    assert cands["he"][0] == "rules" and "after" in cands["he"]
    assert cands["Tom Baker"] == ["prev-subject"]       # the subject of the sentence before
    assert cands["Jane Roe"] == ["previous"]            # the last speaker, a paragraph back
    features = dict((TEXT[c.start:c.end], f) for c, f in second[1])
    assert features["Tom Baker"]["at=before_prev_para"] == 1.0 and features["Tom Baker"]["rules_kind=pronoun"] == 1.0
    assert features["he"]["rule=after-quote"] == 1.0 and features["he"]["at=after"] == 1.0
    assert [TEXT[c.start:c.end] for c, _ in third[1]] == ["Baker", "he"]


def test_labels_follow_the_gold_source_and_skip_nested_sourcing():
    import speaker_ranker
    from extract.pipeline import build_nlp

    quote = span(TEXT, "“We will fix it before the winter comes,”")
    baker = span(TEXT, "Tom Baker")
    said = span(TEXT, "Jane Roe, the mayor, said the bridge was “a disgrace to the whole city.”")
    council = span(TEXT, "The council")
    gold = [([quote], [baker]),
            # PolNeAR's outer source of a nested report: the rules' inner speaker is left out.
            ([said], [council])]
    (fix, nested) = speaker_ranker.article_quotes(build_nlp(), TEXT, gold)
    cands, labels, trainable = fix
    by_words = {TEXT[c.start:c.end]: label for (c, _), label in zip(cands, labels)}
    assert by_words["Tom Baker"] is True and by_words["Jane Roe"] is False and trainable
    _, nested_labels, nested_trainable = nested
    assert nested_labels == [None] and not nested_trainable


def test_an_alternative_replaces_the_rules_only_past_threshold_and_margin():
    import speaker_ranker
    from speaker_ranker import Candidate

    cands = [(Candidate(0, 1, ["rules"]), {}), (Candidate(2, 3, ["subject"]), {})]
    assert speaker_ranker.choose(cands, [0.5, 0.7], threshold=0.6, margin=0.1) == 1
    assert speaker_ranker.choose(cands, [0.65, 0.7], threshold=0.6, margin=0.1) is None
    assert speaker_ranker.choose(cands, [0.1, 0.5], threshold=0.6, margin=0.1) is None
    # Without a mention from the rules, the best candidate over the threshold fills it in.
    alone = [(Candidate(2, 3, ["subject"]), {}), (Candidate(4, 5, ["previous"]), {})]
    assert speaker_ranker.choose(alone, [0.4, 0.65], threshold=0.6, margin=1.1) == 1
