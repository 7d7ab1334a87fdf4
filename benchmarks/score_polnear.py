"""Accuracy of the extractor on PolNeAR with the official scorer.

    python benchmarks/score_polnear.py            # dev split (the figure the issue asks for)
    python benchmarks/score_polnear.py --split train --show-errors 20

Runs `python -m extract` on the split's articles into a temporary file and prints the
scorer's report (../shared/eval/score_claims.py), plus how the direct quotes' speakers were
found (which attribution rule) and how often each rule was right.
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
        return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
