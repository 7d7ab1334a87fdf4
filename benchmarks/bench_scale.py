"""Extract a 20,000-article synthetic corpus with both cores, then time opening the result.

    .venv/bin/python benchmarks/bench_scale.py [--corpus /tmp/claimscope-synthetic] [--articles 20000]
                                               [--workers 2] [--out-dir /tmp/claimscope-scale]

Generates the corpus with make_synthetic.py when the folder (or .parquet) does not exist,
runs extract.parallel over it, and prints time (and the part of it taken by the corpus-level
passes: speakers, matching, copies), articles/s, peak memory summed over the driver and the
worker processes, the load average around the run (the machine may be shared), and how long
opening the result takes in a fresh process: every table in full, and what the app needs
first (the claims, and the articles without their text, which is read on demand), straight
from Parquet and through the store's snapshot (extract.store.load_snapshot, key computed from
the input folder included). --open-only skips extraction and times opening the last output.
"""
from __future__ import annotations

import argparse
import os
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
    parser.add_argument("--open-only", action="store_true", help="time opening the last output, no extraction")
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

    if args.open_only:
        return time_opening(corpus, claims_path, articles_path, out_dir / "store")
    load_before = load_average()
    stats = extract_to_parquet([corpus], claims_path, articles_path, workers=args.workers, chunk_size=args.chunk_size)
    print(f"corpus: {corpus}")
    print(f"load average before: {load_before}, after: {load_average()} (on {os.cpu_count()} cores)")
    print(f"extracted {stats.articles} articles, {stats.claims} claims with {args.workers} workers "
          f"in {stats.seconds:.1f} s: {stats.articles / stats.seconds:.1f} articles/s")
    print(f"of which the corpus-level passes (speakers, matching, copies, joined back): {stats.corpus_seconds:.1f} s; "
          f"per-article extraction {(stats.seconds - stats.corpus_seconds):.1f} s = "
          f"{stats.articles / max(stats.seconds - stats.corpus_seconds, 1e-9):.1f} articles/s")
    per_process = ", ".join(f"{mib:.0f}" for mib in stats.peak_mib_by_pid.values())
    print(f"peak memory {stats.peak_mib_total:.0f} MiB summed over {len(stats.peak_mib_by_pid)} processes "
          f"({per_process} MiB; the last is the driver); driver while streaming: "
          f"{stats.driver_peak_streaming_mib:.0f} MiB")
    print(f"output: claims {claims_path.stat().st_size / 2**20:.1f} MiB, articles {articles_path.stat().st_size / 2**20:.1f} MiB")
    if stats.errors:
        print(f"{len(stats.errors)} input errors, first: {stats.errors[0]}")

    return time_opening(corpus, claims_path, articles_path, out_dir / "store")


def time_opening(corpus: Path, claims_path: Path, articles_path: Path, store_dir: Path) -> int:
    for label, article_columns in (("every column", None), ("articles without text", NO_TEXT)):
        seconds, n_claims, n_articles = time_open(claims_path, articles_path, article_columns)
        print(f"open from Parquet, {label} (fresh process, pandas import included): {seconds:.2f} s "
              f"for {n_claims} claims and {n_articles} articles (target < 3 s); load {load_average()}")

    from extract.store import input_signature, save_snapshot, snapshot_key

    t0 = time.perf_counter()
    save_snapshot(snapshot_key(input_signature([corpus])), claims_path, articles_path, store_dir=store_dir)
    print(f"snapshot saved in the store ({store_dir}) in {time.perf_counter() - t0:.1f} s")
    from extract.schema import CLAIM_COLUMNS, MATCH_COLUMNS

    # `sentence` is the largest column and the app does not show it.
    without_sentence = [c for c in CLAIM_COLUMNS + MATCH_COLUMNS if c != "sentence"]
    for label, claim_columns in (("every claim column", None), ("claims without `sentence`", without_sentence)):
        time_snapshot_open(corpus, store_dir, claim_columns, label)
    return 0


def time_snapshot_open(corpus: Path, store_dir: Path, claim_columns: list[str] | None, label: str) -> None:
    import subprocess

    opener = (
        "import sys, time; t0 = time.perf_counter(); "
        f"sys.path.insert(0, {str(REPO)!r}); "
        "from extract.store import input_signature, load_snapshot, snapshot_key, snapshot_text; "
        "t1 = time.perf_counter(); "
        f"key = snapshot_key(input_signature([{str(corpus)!r}])); t2 = time.perf_counter(); "
        f"c = load_snapshot(key, {str(store_dir)!r}, claim_columns={claim_columns!r}); t3 = time.perf_counter(); "
        f"text = snapshot_text(key, c.articles['article_id'].iloc[-1], {str(store_dir)!r}); t4 = time.perf_counter(); "
        "from explorer.data import prepare; t5 = time.perf_counter(); prepare(c.articles, c.claims); "
        "t6 = time.perf_counter(); "
        "print(f'{t3 - t0:.2f} {t1 - t0:.2f} {t2 - t1:.2f} {t3 - t2:.2f} {t4 - t3:.3f} {t6 - t5:.2f} "
        "{len(c.claims)} {len(c.articles)} {len(text)}')"
    )
    done = subprocess.run([sys.executable, "-c", opener], capture_output=True, text=True, check=True)
    total, imports, key, load, text, prepared, n_claims, n_articles, n_chars = done.stdout.split()
    print(f"open through the store's snapshot, {label} (fresh process): {float(total):.2f} s for {n_claims} claims and "
          f"{n_articles} articles without text (imports {imports} s, key from the folder's file listing {key} s, "
          f"checksums + Parquet {load} s); one article's text on demand: {float(text) * 1000:.0f} ms "
          f"({n_chars} chars); load {load_average()}")
    print(f"then explorer.data.prepare (the app's date parsing) on those frames: {float(prepared):.2f} s")


NO_TEXT = [c for c in ("article_id", "outlet", "outlet_source", "date", "title", "url", "path", "content_hash",
                       "n_chars", "n_claims", "copy_of")]


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def time_open(claims_path: Path, articles_path: Path, article_columns: list[str] | None) -> tuple[float, int, int]:
    """Seconds to import pandas and read both tables, in a fresh process (nothing cached)."""
    import subprocess

    opener = (
        "import sys, time; t0 = time.perf_counter(); import pandas as pd; "
        f"c = pd.read_parquet({str(claims_path)!r}); "
        f"a = pd.read_parquet({str(articles_path)!r}, columns={article_columns!r}); "
        "print(f'{time.perf_counter() - t0:.2f} {len(c)} {len(a)}')"
    )
    done = subprocess.run([sys.executable, "-c", opener], capture_output=True, text=True, check=True)
    seconds, n_claims, n_articles = done.stdout.split()
    return float(seconds), int(n_claims), int(n_articles)


if __name__ == "__main__":
    sys.exit(main())
