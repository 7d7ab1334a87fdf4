"""Extract a 20,000-article synthetic corpus with both cores, then time opening the result.

    .venv/bin/python benchmarks/bench_scale.py [--corpus /tmp/claimscope-synthetic] [--articles 20000]
                                               [--workers 2] [--out-dir /tmp/claimscope-scale]
    .venv/bin/python benchmarks/bench_scale.py --open-only [--repeat 3] [--render]

Generates the corpus with make_synthetic.py when the folder (or .parquet) does not exist,
runs extract.parallel over it, and prints time (and the part of it taken by the corpus-level
passes: speakers, matching, copies), articles/s, peak memory summed over the driver and the
worker processes, the load average around the run (the machine may be shared), and how long
opening the result takes in a fresh process: every table in full, and what the app needs
first (the claims, and the articles without their text, which is read on demand), straight
from Parquet and through the store's snapshot (extract.store.load_snapshot, key computed from
the input folder included), then as the app opens it (below).

--open-only skips extraction and times what the app does to open the last output: its own call,
`explorer.data.open_corpus` (snapshot key from the folder's listing, load_snapshot without
`sentence`, explorer.data.prepare), REPEAT times, each in a fresh process with the store the
app would use pointed at OUT_DIR/store (CLAIMSCOPE_STORE), then one article's text as the
Claims page fetches it. A snapshot of the last output is saved first when the store has none
for the current extractor version (the extractor's code is part of the key). --render also
times the app itself under streamlit.testing.v1.AppTest in a fresh process: the first run
(opening the corpus, the sidebar, the Overview page), then the Claims page.
"""
from __future__ import annotations

import argparse
import os
import subprocess
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
    parser.add_argument("--repeat", type=int, default=3, help="fresh-process opens timed with --open-only")
    parser.add_argument("--render", action="store_true", help="time the app's first run too (AppTest)")
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
        return time_app_open(corpus, claims_path, articles_path, out_dir / "store", args.repeat, args.render)
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

    time_opening(corpus, claims_path, articles_path, out_dir / "store")
    return time_app_open(corpus, claims_path, articles_path, out_dir / "store", args.repeat, args.render)


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


def time_app_open(corpus: Path, claims_path: Path, articles_path: Path, store_dir: Path, repeat: int,
                  render: bool) -> int:
    env = {**os.environ, "CLAIMSCOPE_STORE": str(store_dir), "CLAIMSCOPE_DATA": str(corpus)}
    print(f"corpus {corpus}, store {store_dir} (CLAIMSCOPE_STORE), {os.cpu_count()} cores")
    head = ("import sys, time; t0 = time.perf_counter(); c0 = time.process_time(); "
            f"sys.path.insert(0, {str(REPO)!r})\n")
    # The app's call; a missing snapshot would start a 40-minute extraction: stop instead.
    opener = head + (
        "import resource\n"
        "from explorer.data import article_text, open_corpus; t1 = time.perf_counter(); c1 = time.process_time()\n"
        "k1 = resource.getrusage(resource.RUSAGE_SELF).ru_stime\n"
        "def guard(done, total, step):\n"
        "    if step == 'Reading articles': sys.exit('no snapshot: the app would extract the corpus again')\n"
        f"c = open_corpus([{str(corpus)!r}], guard); t2 = time.perf_counter(); c2 = time.process_time()\n"
        "k2 = resource.getrusage(resource.RUSAGE_SELF).ru_stime\n"
        "text = article_text(c, c.articles['article_id'].iloc[-1]); t3 = time.perf_counter()\n"
        "import pyarrow\n"
        "print(f'{t2 - t0:.2f} {t1 - t0:.2f} {t2 - t1:.2f} {c2 - c0:.2f} {c2 - c1:.2f} {(t3 - t2) * 1000:.0f} '\n"
        "      f'{len(c.claims)} {len(c.claims.columns)} {len(c.articles)} {len(text)} '\n"
        "      f'{pyarrow.default_memory_pool().backend_name} {k2 - k1:.2f}')\n"
    )
    # The same steps one by one, in another fresh process.
    parts = head + (
        "from explorer.data import APP_CLAIM_COLUMNS, corpus_signature, prepare\n"
        "from extract.store import load_snapshot, snapshot_key; t1 = time.perf_counter()\n"
        f"key = snapshot_key(corpus_signature([{str(corpus)!r}])); t2 = time.perf_counter()\n"
        "s = load_snapshot(key, claim_columns=APP_CLAIM_COLUMNS); t3 = time.perf_counter()\n"
        "prepare(s.articles, s.claims, copy=False); t4 = time.perf_counter()\n"
        "print(f'{t1 - t0:.2f} {t2 - t1:.2f} {t3 - t2:.2f} {t4 - t3:.2f}')\n"
    )
    for run in range(1, repeat + 1):
        ensure_snapshot(corpus, claims_path, articles_path, store_dir)
        load_before = load_average()
        done = subprocess.run([sys.executable, "-c", opener], capture_output=True, text=True, env=env)
        if done.returncode:
            print(done.stderr.strip().splitlines()[-1])
            return 1
        (total, imports, call, cpu, call_cpu, text_ms, n_claims, n_columns, n_articles, n_chars,
         pool, call_kernel) = done.stdout.split()
        print(f"run {run}: explorer.data.open_corpus, fresh process: {total} s for {n_claims} claims ({n_columns} "
              f"columns) and {n_articles} articles (imports {imports} s, open_corpus {call} s; CPU {cpu} s, "
              f"open_corpus {call_cpu} s, {call_kernel} s of it in the kernel; Arrow pool {pool}); one article's text {text_ms} ms ({n_chars} chars); "
              f"load {load_before} -> {load_average()}")
        load_before = load_average()
        done = subprocess.run([sys.executable, "-c", parts], capture_output=True, text=True, env=env, check=True)
        imports, key_s, load_s, prepare_s = done.stdout.split()
        print(f"       its steps in another fresh process: imports {imports} s, key from the folder's listing "
              f"{key_s} s, load_snapshot (checksums, Parquet) {load_s} s, prepare {prepare_s} s; "
              f"load {load_before} -> {load_average()}")
    if render:
        ensure_snapshot(corpus, claims_path, articles_path, store_dir)
        time_app_render(env)
    return 0


def ensure_snapshot(corpus: Path, claims_path: Path, articles_path: Path, store_dir: Path) -> None:
    """A snapshot of the last output under the key the app will compute. The key holds the
    extractor's code fingerprint, so an edit to extract/ since the last run needs a new one:
    computed in a fresh process, which imports the code as it is now."""
    script = (
        f"import sys, time; sys.path.insert(0, {str(REPO)!r})\n"
        "from extract.store import input_signature, load_snapshot, save_snapshot, snapshot_key\n"
        f"key = snapshot_key(input_signature([{str(corpus)!r}]))\n"
        f"if load_snapshot(key, {str(store_dir)!r}, claim_columns=['article_id']) is None:\n"
        "    t0 = time.perf_counter()\n"
        f"    save_snapshot(key, {str(claims_path)!r}, {str(articles_path)!r}, store_dir={str(store_dir)!r})\n"
        "    print(f'{time.perf_counter() - t0:.1f}')\n"
    )
    saved = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.strip()
    if saved:
        print(f"no snapshot of {corpus} for this extractor version: saved one from {claims_path.parent} in {saved} s")


def time_app_render(env: dict) -> None:
    """The app's first run and the Claims page under AppTest, in a fresh process."""
    script = (
        "import sys, time; t0 = time.perf_counter(); "
        f"sys.path.insert(0, {str(REPO)!r}); "
        "from streamlit.testing.v1 import AppTest; t1 = time.perf_counter()\n"
        # A missing snapshot would start a 40-minute extraction: stop instead.
        "import os, explorer.data\n"
        "explorer.data.read_articles = lambda *args: os._exit(3)\n"
        f"at = AppTest.from_file({str(REPO / 'app.py')!r}, default_timeout=600)\n"
        "t2 = time.perf_counter(); at.run(); t3 = time.perf_counter()\n"
        "assert not at.exception, at.exception\n"
        "t4 = time.perf_counter(); at.run(); t5 = time.perf_counter()\n"
        "at.switch_page('pages/claims.py'); t6 = time.perf_counter(); at.run(); t7 = time.perf_counter()\n"
        "assert not at.exception, at.exception\n"
        "marked = sum('background[' in m.value for m in at.markdown)\n"
        "print(f'{t1 - t0:.2f} {t3 - t2:.2f} {t5 - t4:.2f} {t7 - t6:.2f} {marked} {len(at.dataframe[0].value)}')\n"
    )
    load_before = load_average()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    if done.returncode:
        print("app render failed:", "no snapshot: the app would extract the corpus again" if done.returncode == 3
              else done.stderr.strip().splitlines()[-1])
        return
    imports, first, rerun, claims_page, marked, rows = done.stdout.split()
    print(f"app under AppTest, fresh process (streamlit import {imports} s): first run (open the corpus, sidebar, "
          f"Overview) {first} s; Overview again {rerun} s; Claims page {claims_page} s ({rows} table rows shown, "
          f"{marked} article with highlights); load before {load_before}, after {load_average()}")


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
