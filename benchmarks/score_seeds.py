"""Score the extractor on the seed gold (../shared/gold/seeds.jsonl).

    .venv/bin/python benchmarks/score_seeds.py [--data DIR] [--gold FILE] [--show-errors]

Prints direct and indirect recall, and on the found claims: speaker accuracy (resolved
speaker equals the gold speaker, case-insensitive), anonymity accuracy and role accuracy.
A gold claim is found when a predicted claim of the same kind overlaps it by at least half
of the gold span; the prediction overlapping it most is the one scored.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_DATA = REPO / "data"
DEFAULT_GOLD = REPO.parent / "shared" / "gold" / "seeds.jsonl"


def load_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _same(a, b) -> bool:
    norm = lambda v: v.strip().lower() if isinstance(v, str) else ""
    return norm(a) == norm(b)


def score(gold: list[dict], claims: list[dict]) -> tuple[dict, list[str]]:
    """Figures and error lines for predicted claims (dicts with the CLAIM_COLUMNS keys)."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        by_article[str(c["article_id"])].append(c)
    tally: dict[str, int] = defaultdict(int)
    errors: list[str] = []
    for g in gold:
        article = Path(g["file"]).stem
        kind = g["kind"]
        g0, g1 = int(g["quote_start"]), int(g["quote_end"])
        tally[f"{kind}_gold"] += 1
        candidates = [(c, _overlap(g0, g1, int(c["quote_start"]), int(c["quote_end"])))
                      for c in by_article.get(article, []) if c["kind"] == kind]
        best, best_overlap = max(candidates, key=lambda x: x[1], default=(None, 0))
        if best is None or best_overlap * 2 < g1 - g0:
            errors.append(f"missed    {article[:3]} {kind:8} {g['quote'][:70]!r}")
            continue
        tally[f"{kind}_found"] += 1
        tally["found"] += 1
        for field in ("speaker", "anonymity", "role"):
            ok = _same(best.get(field), g.get(field))
            tally[f"{field}_ok"] += ok
            if not ok:
                errors.append(f"{field:9} {article[:3]} {kind:8} gold={g.get(field)!r} pred={best.get(field)!r}"
                              f" mention={best.get('mention')!r} gold_mention={g.get('mention')!r}"
                              f" descriptor={best.get('descriptor')!r}")
    ratio = lambda a, b: tally[a] / tally[b] if tally[b] else 0.0
    figures = {
        "direct_recall": ratio("direct_found", "direct_gold"),
        "indirect_recall": ratio("indirect_found", "indirect_gold"),
        "found": tally["found"],
        "speaker_accuracy": ratio("speaker_ok", "found"),
        "anonymity_accuracy": ratio("anonymity_ok", "found"),
        "role_accuracy": ratio("role_ok", "found"),
    }
    return figures, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)

    from extract import extract_paths

    corpus = extract_paths([str(args.data)])
    gold = load_gold(args.gold)
    figures, errors = score(gold, corpus.claims.to_dict(orient="records"))
    print(f"gold claims: {len(gold)}  predicted: {len(corpus.claims)}  found: {figures['found']}")
    print(f"direct recall      {figures['direct_recall']:.3f}")
    print(f"indirect recall    {figures['indirect_recall']:.3f}")
    print(f"speaker accuracy   {figures['speaker_accuracy']:.3f}  (on found claims)")
    print(f"anonymity accuracy {figures['anonymity_accuracy']:.3f}  (on found claims)")
    print(f"role accuracy      {figures['role_accuracy']:.3f}  (on found claims)")
    if args.show_errors:
        print()
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
