"""Extract a 20,000-article synthetic corpus with both cores, then time opening the result.

    .venv/bin/python benchmarks/bench_scale.py [--corpus /tmp/claimscope-synthetic] [--articles 20000]
                                               [--workers 2] [--out-dir /tmp/claimscope-scale]

Generates the corpus with make_synthetic.py when the folder (or .parquet) does not exist,
runs extract.parallel over it, and prints time, articles/s, peak memory summed over the
driver and the worker processes, and how long loading the claims and articles tables takes:
through extract.store when it exists (what the app opens), else straight from Parquet.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="/tmp/claimscope-synthetic")
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=64)
    parser.add_argument("--out-dir", default="/tmp/claimscope-scale")
    args = parser.parse_args(argv)

    import make_synthetic
    from extract.parallel import extract_to_parquet

    corpus = Path(args.corpus)
    if not corpus.exists():
        t0 = time.perf_counter()
        make_synthetic.main([str(corpus), "--articles", str(args.articles), "--seed", str(args.seed)])
        print(f"generated in {time.perf_counter() - t0:.1f} s")
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    claims_path, articles_path = out_dir / "claims.parquet", out_dir / "articles.parquet"

    stats = extract_to_parquet([corpus], claims_path, articles_path, workers=args.workers, chunk_size=args.chunk_size)
    print(f"corpus: {corpus}")
    print(f"extracted {stats.articles} articles, {stats.claims} claims with {args.workers} workers "
          f"in {stats.seconds:.1f} s: {stats.articles / stats.seconds:.1f} articles/s")
    per_process = ", ".join(f"{mib:.0f}" for mib in stats.peak_mib_by_pid.values())
    print(f"peak memory {stats.peak_mib_total:.0f} MiB summed over {len(stats.peak_mib_by_pid)} processes "
          f"({per_process} MiB; the last is the driver)")
    print(f"output: claims {claims_path.stat().st_size / 2**20:.1f} MiB, articles {articles_path.stat().st_size / 2**20:.1f} MiB")
    if stats.errors:
        print(f"{len(stats.errors)} input errors, first: {stats.errors[0]}")

    # Opening, in a fresh process so nothing is already imported or cached.
    import subprocess
    opener = (
        "import sys, time; t0 = time.perf_counter(); import pandas as pd; "
        f"c = pd.read_parquet({str(claims_path)!r}); a = pd.read_parquet({str(articles_path)!r}); "
        "print(f'{time.perf_counter() - t0:.2f} {len(c)} {len(a)}')"
    )
    done = subprocess.run([sys.executable, "-c", opener], capture_output=True, text=True, check=True)
    seconds, n_claims, n_articles = done.stdout.split()
    print(f"open from Parquet (fresh process, pandas import included): {float(seconds):.2f} s "
          f"for {n_claims} claims and {n_articles} articles (target < 3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
