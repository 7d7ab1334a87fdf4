"""benchmarks/score_polnear.py's indirect breakdown, on a made-up article and brat gold.

The breakdown explains the scorer's indirect precision and recall in the README, so its
categories must add up to the scorer's own counts and sort each claim by the scorer's rules."""
import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

TEXT = ("Smith said the plan would fail. Jones said the vote was “rigged” and unfair. "
        "Lee said the budget was late. The weather was mild, and the harbour was calm. "
        "Park said taxes would rise.")


def _module():
    spec = importlib.util.spec_from_file_location("score_polnear", REPO / "benchmarks" / "score_polnear.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


@pytest.mark.skipif(not (SHARED / "eval" / "score_claims.py").exists(), reason="../shared not beside the repo")
def test_indirect_breakdown_sorts_false_and_missed_claims_by_the_scorers_rules(tmp_path):
    gold_contents = ["the plan would fail", "the vote was “rigged” and unfair", "the budget was late",
                     "taxes would rise"]
    ann = []
    for n, words in enumerate(gold_contents, 1):
        start, end = _span(words)
        ann.append(f"T{n}\tContent {start} {end}\t{words}")
        ann.append(f"E{n}\tAttribution:T{n} Content:T{n}")
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "a.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    claims = [
        _span("the plan would fail"),                                # right
        _span("the vote was “rigged” and unfair"),                   # inside a quoting content
        _span("Lee said the budget was late. The weather was mild"),  # under half in gold: too long
        _span("the harbour was calm"),                               # no gold content at all
    ]                                                               # `taxes would rise`: missed
    claims_path = tmp_path / "claims.jsonl"
    claims_path.write_text("".join(json.dumps({"article_id": "a", "kind": "indirect", "quote_start": s,
                                                "quote_end": e, "speaker": None, "speaker_start": None,
                                                "speaker_end": None}) + "\n" for s, e in claims), encoding="utf-8")
    line = _module().indirect_breakdown(tmp_path / "articles", tmp_path / "gold", claims_path)
    assert line.startswith("false indirect claims: 3;")
    assert "(scored as direct gold only) 1," in line
    assert "under half their characters 1," in line
    assert "overlapping none 1." in line
    # `the budget was late` is covered by the too-long claim, but by under half of the claim:
    # found, as the scorer counts gold; only `taxes would rise` is missed.
    assert line.endswith("indirect misses: 1; partly covered 0, not covered 1")
