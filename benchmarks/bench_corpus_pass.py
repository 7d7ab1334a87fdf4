"""The corpus-level passes (extract.corpus_columns: speakers.canonical_speakers, then
matching.link: copies, claim groups, carried_by ...) over an extracted corpus; prints time,
CPU time, peak memory and the load average, and checks the output.

    .venv/bin/python benchmarks/bench_corpus_pass.py [--articles 2000|5000|20000]
        [--data-dir /tmp/claimscope-scale] [--save FILE] [--compare FILE] [--stages]

Input: the Parquet tables written by `benchmarks/bench_scale.py` (extract.parallel), of
which only the columns the corpus pass reads are loaded (CORPUS_INPUT_*_COLUMNS in
extract/parallel.py), as extract.parallel does; the first N articles and their claims.

Check: when N is the whole corpus, the output must equal the corpus columns stored in those
tables (they were written by the code of the run that made them); for a smaller N, pass
`--compare FILE`, a file written by `--save FILE` with another version of the code
(`--repo DIR` imports `extract` from DIR, e.g. an export of an older commit). Each column
is compared row for row and the number of differing rows printed.
`--stages` also prints the time of each stage (speakers, copies, grouping, the columns of groups);
`--peak-where` where the process's memory grew to its peak (a thread reads the resident
size every 20 ms and keeps the main thread's innermost frames at each new maximum).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import threading
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CLAIM_OUTPUT = ["speaker_canonical", "speaker_id", "claim_id", "claim_text", "version", "carried_by",
                "carried_by_independent", "first_seen"]
ARTICLE_OUTPUT = ["copy_of"]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def load_inputs(data_dir: Path, n_articles: int | None):
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from extract.parallel import CORPUS_INPUT_ARTICLE_COLUMNS, CORPUS_INPUT_CLAIM_COLUMNS

    articles = pq.read_table(data_dir / "articles.parquet", columns=CORPUS_INPUT_ARTICLE_COLUMNS)
    whole = n_articles is None or n_articles >= articles.num_rows
    if not whole:
        articles = articles.slice(0, n_articles)
    claims = pq.read_table(data_dir / "claims.parquet", columns=CORPUS_INPUT_CLAIM_COLUMNS)
    keep = None
    if not whole:
        keep = pc.is_in(claims["article_id"], value_set=articles["article_id"])
        claims = claims.filter(keep)
    return articles.to_pandas(), claims.to_pandas(), whole, keep


def stored_outputs(data_dir: Path, keep):
    import pyarrow.parquet as pq

    claims = pq.read_table(data_dir / "claims.parquet", columns=CLAIM_OUTPUT)
    if keep is not None:
        claims = claims.filter(keep)
    articles = pq.read_table(data_dir / "articles.parquet", columns=ARTICLE_OUTPUT)
    return articles.to_pandas(), claims.to_pandas()


def _plain(values) -> list:
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and v != v):
            out.append(None)
        elif hasattr(v, "item"):
            out.append(v.item())
        else:
            out.append(v)
    return out


def compare(name: str, got, want, columns: list[str]) -> int:
    """Rows differing per column; prints a few examples. Returns the total of differences."""
    if len(got) != len(want):
        print(f"  {name}: {len(got)} rows, expected {len(want)}")
        return max(len(got), len(want))
    total = 0
    for column in columns:
        a, b = _plain(got[column].tolist()), _plain(want[column].tolist())
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        total += len(diff)
        status = "identical" if not diff else f"{len(diff)} rows differ, e.g. " + "; ".join(
            f"row {i}: {a[i]!r} vs {b[i]!r}" for i in diff[:3])
        print(f"  {name}.{column}: {status}")
    return total


class PeakWhere(threading.Thread):
    """Samples the resident size (/proc/self/statm); at each new maximum keeps where the
    main thread is (its innermost `depth` frames in our code)."""

    def __init__(self, depth: int = 4, interval: float = 0.02):
        super().__init__(daemon=True)
        self.depth, self.interval = depth, interval
        self.main = threading.main_thread().ident
        self.peaks: list[tuple[float, str]] = []
        self.running = True

    @staticmethod
    def rss_mib() -> float:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    def run(self) -> None:
        top = 0.0
        while self.running:
            rss = self.rss_mib()
            if rss > top + 16:
                top = rss
                frame = sys._current_frames().get(self.main)
                stack = [f for f in traceback.extract_stack(frame) if "/extract/" in f.filename][-self.depth:]
                self.peaks.append((rss, " < ".join(f"{Path(f.filename).stem}.{f.name}:{f.lineno}" for f in reversed(stack))))
            time.sleep(self.interval)

    def report(self, n: int = 8) -> None:
        self.running = False
        print(f"  resident size at its last {n} new maxima (MiB, where the main thread was):")
        for rss, where in self.peaks[-n:]:
            print(f"    {rss:6.0f}  {where or '(outside extract)'}")


def time_stages() -> dict[str, float]:
    """Wrap the stages of corpus_columns with timers (the benchmark's process only)."""
    import extract
    from extract import copies, matching

    seconds: dict[str, float] = {}

    def timed(label, fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - start
        return wrapper

    extract.canonical_speakers = timed("speakers.canonical_speakers", extract.canonical_speakers)
    copies.find_copies = timed("copies.find_copies", copies.find_copies)
    matching.group_claims = timed("matching.group_claims", matching.group_claims)
    matching._group_columns = timed("matching._group_columns (claim_id ... first_seen)", matching._group_columns)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000, help="the first N articles (and their claims)")
    parser.add_argument("--data-dir", default="/tmp/claimscope-scale", type=Path)
    parser.add_argument("--save", type=Path, help="write the output columns here (Parquet, claims and articles)")
    parser.add_argument("--compare", type=Path, help="compare with the output columns saved by --save")
    parser.add_argument("--stages", action="store_true", help="time each stage too")
    parser.add_argument("--peak-where", action="store_true", help="where memory grew to its peak")
    parser.add_argument("--repo", type=Path, default=REPO, help="import extract from this folder")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.repo.resolve()))

    import pandas as pd

    import extract

    print(f"extract from {Path(extract.__file__).parent}")
    start = time.perf_counter()
    articles, claims, whole, keep = load_inputs(args.data_dir, args.articles)
    print(f"inputs: {len(articles)} articles, {len(claims)} claims, read in {time.perf_counter() - start:.1f} s; "
          f"process peak so far {peak_mib():.0f} MiB")
    seconds = time_stages() if args.stages else None
    sampler = PeakWhere() if args.peak_where else None
    if sampler:
        sampler.start()
    load_before = load_average()
    start, cpu = time.perf_counter(), time.process_time()
    linked_articles, linked_claims = extract.corpus_columns(articles, claims)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"corpus pass: {took:.1f} s wall, {cpu:.1f} s CPU; process peak RSS {peak_mib():.0f} MiB; "
          f"load average before {load_before}, after {load_average()} (on {os.cpu_count()} cores)")
    if sampler:
        sampler.report(40)
    if seconds:
        print("  stages: " + ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items()))
    copies = linked_articles["copy_of"].notna().sum()
    print(f"output: {linked_claims['claim_id'].nunique()} claim groups, carried by up to "
          f"{linked_claims['carried_by'].max()} outlets; {copies} articles are copies")
    del articles, claims

    out_claims, out_articles = linked_claims[CLAIM_OUTPUT], linked_articles[["article_id"] + ARTICLE_OUTPUT]
    if args.save:
        out_claims.to_parquet(args.save.with_suffix(".claims.parquet"))
        out_articles.to_parquet(args.save.with_suffix(".articles.parquet"))
        print(f"saved {args.save.with_suffix('.claims.parquet')} and .articles.parquet")
    differences = None
    if args.compare:
        print(f"compared with {args.compare}:")
        want_claims = pd.read_parquet(args.compare.with_suffix(".claims.parquet"))
        want_articles = pd.read_parquet(args.compare.with_suffix(".articles.parquet"))
        differences = compare("claims", out_claims, want_claims, CLAIM_OUTPUT)
        differences += compare("articles", out_articles, want_articles, ["article_id"] + ARTICLE_OUTPUT)
    elif whole:
        print(f"compared with the columns stored in {args.data_dir}:")
        want_articles, want_claims = stored_outputs(args.data_dir, keep)
        differences = compare("claims", out_claims, want_claims, CLAIM_OUTPUT)
        differences += compare("articles", out_articles, want_articles, ARTICLE_OUTPUT)
    else:
        print("no check: a part of the corpus has other corpus columns than the stored whole (use --compare)")
    if differences is not None:
        print("output identical" if differences == 0 else f"output DIFFERS in {differences} cells")
    return 0 if not differences else 1


if __name__ == "__main__":
    sys.exit(main())
