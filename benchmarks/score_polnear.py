"""Accuracy of the extractor on PolNeAR with the official scorer.

    python benchmarks/score_polnear.py            # dev split (the figure the issue asks for)
    python benchmarks/score_polnear.py --split train --show-errors 20

Runs `python -m extract` on the split's articles into a temporary file and prints the
scorer's report (../shared/eval/score_claims.py), then two breakdowns by the scorer's own rules:
why gold direct quotes were missed and what the false ones are (`direct_breakdown`), and why
found direct quotes have a wrong speaker: none found, nested sourcing (the codebook credits
the inner speaker, PolNeAR the outer source) or another speaker (`speaker_breakdown`), and
what the false and missed indirect claims are (`indirect_breakdown`).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--show-errors", type=int, default=0)
    args = parser.parse_args()
    articles = SHARED / "data" / "polnear" / args.split / "articles"
    gold = SHARED / "data" / "polnear" / args.split / "gold"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "claims.jsonl"
        subprocess.run([sys.executable, "-m", "extract", str(articles), "--out", str(out), "--quiet", "--no-store"],
                       cwd=ROOT, check=True)
        cmd = [sys.executable, str(SHARED / "eval" / "score_claims.py"), str(articles), str(gold), str(out)]
        if args.show_errors:
            cmd += ["--show-errors", str(args.show_errors)]
        print(f"PolNeAR {args.split}: {len(list(gold.glob('*.ann')))} articles")
        code = subprocess.run(cmd).returncode
        print(direct_breakdown(articles, gold, out))
        print(speaker_breakdown(articles, gold, out))
        print(indirect_breakdown(articles, gold, out))
        return code


def _direct_predictions(claims_path: Path, kind: str = "direct") -> dict[str, list[dict]]:
    import collections
    import json

    preds = collections.defaultdict(list)
    for line in claims_path.read_text(encoding="utf-8").splitlines():
        claim = json.loads(line)
        if claim["kind"] == kind:
            preds[str(claim["article_id"])].append(claim)
    return preds


def direct_breakdown(articles: Path, gold: Path, claims_path: Path) -> str:
    """Why gold direct quotes were missed, and what the false direct claims are.

    Missed: `partly covered` gold quotes overlap our direct claims, which cover less than
    half of them. The scorer's gold quote runs from the first quotation mark of a content
    to its last, so a content that holds several quotes (`“A,” said X, after a long
    aside, “B.”`, or reported speech quoting a few phrases) is one gold quote, where the
    codebook makes the quotes separate claims (and the reported content an indirect one).
    `not covered`: no direct claim overlaps it (a title or scare quote that PolNeAR
    annotated and the quote model rejected, or a quotation not found).
    False: with or without a speaker mention found for it (a quote with an attribution is
    most often a real quote that PolNeAR did not annotate)."""
    import collections

    sys.path.insert(0, str(SHARED / "eval"))
    from score_claims import content_region, covered, load_gold

    preds = _direct_predictions(claims_path)
    tally = collections.Counter()
    for ann in sorted(gold.glob("*.ann")):
        text = (articles / f"{ann.stem}.txt").read_text(encoding="utf-8")
        regions = [r for r in (content_region(text, content) for content, _ in load_gold(ann))
                   if r is not None and r[1] - r[0] >= 3]
        spans = [(p["quote_start"], p["quote_end"]) for p in preds[ann.stem]]
        for region in regions:
            inside = covered(region, spans)
            if inside * 2 < region[1] - region[0]:
                tally["partly covered" if inside else "not covered"] += 1
        for claim, span in zip(preds[ann.stem], spans):
            if span[1] > span[0] and covered(span, regions) * 2 < span[1] - span[0]:
                tally["false, with a speaker" if claim["speaker_start"] is not None else "false, no speaker"] += 1
    return (f"direct misses: {tally['partly covered'] + tally['not covered']}; partly covered (the gold quote "
            f"joins quotes the codebook keeps apart) {tally['partly covered']}, not covered {tally['not covered']}. "
            f"false direct claims: {tally['false, with a speaker'] + tally['false, no speaker']}; with a speaker "
            f"mention {tally['false, with a speaker']}, without {tally['false, no speaker']}")


def speaker_breakdown(articles: Path, gold: Path, claims_path: Path) -> str:
    """Why found direct quotes have a wrong speaker, by the scorer's own rules: no speaker,
    nested sourcing (our mention lies inside the gold content: `X said “…”, according to Y`,
    where the codebook credits X and PolNeAR credits Y), or another speaker."""
    import collections

    sys.path.insert(0, str(SHARED / "eval"))
    from score_claims import content_region, covered, load_gold, overlap, words

    preds = _direct_predictions(claims_path)
    tally = collections.Counter()
    for ann in sorted(gold.glob("*.ann")):
        text = (articles / f"{ann.stem}.txt").read_text(encoding="utf-8")
        for content, source in load_gold(ann):
            region = content_region(text, content)
            if region is None or region[1] - region[0] < 3 or not source:
                continue
            spans = [(p["quote_start"], p["quote_end"]) for p in preds[ann.stem]]
            if covered(region, spans) * 2 < region[1] - region[0]:
                continue    # not found: the scorer judges no speaker for it
            found = [p for p in preds[ann.stem] if overlap((p["quote_start"], p["quote_end"]), region) > 0]
            best = max(found, key=lambda p: overlap((p["quote_start"], p["quote_end"]), region))
            source_text = " ".join(text[s:e] for s, e in source)
            mention = (best["speaker_start"], best["speaker_end"]) if best["speaker_start"] is not None else None
            right = (mention is not None and any(overlap(mention, s) > 0 for s in source)) or \
                bool(words(best.get("speaker") or "") & words(source_text))
            if right:
                tally["right"] += 1
            elif mention is None:
                tally["no speaker"] += 1
            elif overlap(mention, (content[0][0], content[-1][1])) > 0:
                tally["nested"] += 1
            else:
                tally["other speaker"] += 1
    total = sum(tally.values())
    return (f"direct speakers, found quotes with a gold source: {total}; right {tally['right']}, "
            f"no speaker {tally['no speaker']}, nested sourcing (codebook credits the inner speaker) "
            f"{tally['nested']}, another speaker {tally['other speaker']}; right or nested: "
            f"{(tally['right'] + tally['nested']) / max(total, 1):.3f}")


def indirect_breakdown(articles: Path, gold: Path, claims_path: Path) -> str:
    """What the false and missed indirect claims are, by the scorer's own rules.

    False: `inside quoting contents` lie in a gold content that quotes some words, which the
    scorer counts as a direct gold quote only (the codebook makes such a content an indirect
    claim too, so these stay); `too long` overlap a gold indirect content with less than
    half of their characters (content extent); `unmatched` overlap no gold content at all.
    Missed: `partly covered` or `not covered` by any indirect claim."""
    import collections

    sys.path.insert(0, str(SHARED / "eval"))
    from score_claims import content_region, covered, load_gold

    preds = _direct_predictions(claims_path, "indirect")
    tally = collections.Counter()
    for ann in sorted(gold.glob("*.ann")):
        text = (articles / f"{ann.stem}.txt").read_text(encoding="utf-8")
        contents = load_gold(ann)
        everything = [(c[0][0], c[-1][1]) for c, _ in contents]
        indirect = [(c[0][0], c[-1][1]) for c, _ in contents if content_region(text, c) is None]
        spans = [(p["quote_start"], p["quote_end"]) for p in preds[ann.stem]]
        for span in spans:
            size = span[1] - span[0]
            if covered(span, indirect) * 2 >= size:
                continue
            tally["inside quoting contents" if covered(span, everything) * 2 >= size
                  else "too long" if covered(span, indirect) else "unmatched"] += 1
        for g in indirect:
            if g[1] - g[0] >= 3 and covered(g, spans) * 2 < g[1] - g[0]:
                tally["partly covered" if covered(g, spans) else "not covered"] += 1
    false = tally["inside quoting contents"] + tally["too long"] + tally["unmatched"]
    return (f"false indirect claims: {false}; inside contents that quote some words (scored as direct gold only) "
            f"{tally['inside quoting contents']}, overlapping a gold content with under half their characters "
            f"{tally['too long']}, overlapping none {tally['unmatched']}. indirect misses: "
            f"{tally['partly covered'] + tally['not covered']}; partly covered {tally['partly covered']}, "
            f"not covered {tally['not covered']}")


if __name__ == "__main__":
    sys.exit(main())
