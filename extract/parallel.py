"""Extract a large corpus on several processes, streaming, into Parquet files.

    python -m extract.parallel INPUT... --out claims.parquet [--articles-out articles.parquet]
                               [--workers 2] [--chunk-size 64]

The same claims table as `extract_paths(INPUT...)`, row for row, but memory stays bounded:
articles are read lazily (ingest.iter_articles, or Parquet row batches), sent to the
workers in chunks with only a few chunks in flight, and each chunk's rows are appended to
the output as soon as it is done, in input order.

Workers do only the per-article part (`extract_articles(..., corpus_passes=False)`). The
corpus-level columns (one speaker across articles, the same claim across articles, copies)
depend on the whole corpus, so once every chunk is written the driver runs the library's
own `extract.corpus_columns` over it, fed only the columns those passes read (claims without
their sentences, cues and offsets of speakers; articles' id, outlet, date and text), then
streams the written tables a second time, batch by batch, adding the new columns by row
position. Matching compares every claim of the corpus with the others, so that step holds
its narrow inputs and matching's own indexes in memory (measured in docs/scale.md); the
full tables never are. Outputs are written beside their final name and renamed at the end:
a run that dies leaves no half-written table behind.

The engine takes any concurrent.futures Executor: a process pool here, a Dask cluster in
extract.distributed.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections import deque
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .ingest import Article, InputError, InputProblem, _check_date, _record_to_article, iter_articles
from .store import StoreUnavailable
from .schema import ARTICLE_COLUMNS, CLAIM_COLUMNS, CORPUS_CLAIM_COLUMNS, MATCH_COLUMNS

CHUNK_SIZE = 64
# Rows per batch when the corpus-level columns are added to the written tables.
MERGE_ROWS = 50_000
PARQUET_SUFFIX = ".parquet"
_INTEGER_COLUMNS = {"carried_by", "carried_by_independent"}


def _arrow_type(column: str) -> pa.DataType:
    if column.endswith(("_start", "_end")) or column.startswith("n_") or column in _INTEGER_COLUMNS:
        return pa.int64()
    return pa.string()


def arrow_schema(columns: list[str]) -> pa.Schema:
    return pa.schema([(c, _arrow_type(c)) for c in columns])


# Columns each chunk gives on its own; the corpus-level ones are added after all chunks.
CHUNK_CLAIM_COLUMNS = [c for c in CLAIM_COLUMNS if c not in CORPUS_CLAIM_COLUMNS]
CHUNK_ARTICLE_COLUMNS = [c for c in ARTICLE_COLUMNS if c != "copy_of"]
# The tables as extract_articles gives them.
OUTPUT_CLAIM_COLUMNS = CLAIM_COLUMNS + MATCH_COLUMNS
# What the corpus-level passes (extract.corpus_columns) read: only these are read back.
# Should speakers.canonical_speakers or matching.link read another column, add it here
# (tests/test_parallel.py compares with extract_paths and fails otherwise).
CORPUS_INPUT_CLAIM_COLUMNS = ["article_id", "outlet", "date", "quote", "quote_start", "quote_end", "speaker",
                              "anonymity"]
CORPUS_INPUT_ARTICLE_COLUMNS = ["article_id", "outlet", "date", "text"]


# --- reading, lazily ------------------------------------------------------------------

def iter_parquet_articles(path: Path, errors: list[InputError], batch_rows: int = 256) -> Iterator[Article]:
    """Articles from a Parquet table with the fields of a JSON record (`text`, and `id`,
    `outlet`, `date`, `title`, `url`, ...), read one row batch at a time."""
    try:
        table = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        errors.append(InputError(str(path), f"cannot read Parquet: {exc}"))
        return
    row = 0
    for batch in table.iter_batches(batch_size=batch_rows):
        for record in batch.to_pylist():
            row += 1
            try:
                article = _record_to_article(record, f"{path.stem}-{row}", f"{path}:{row}")
            except InputProblem as exc:
                errors.append(InputError(f"{path}:{row}", f"bad record: {exc}"))
                continue
            _check_date(article, errors)
            yield article


def iter_inputs(inputs: Iterable[str | Path], errors: list[InputError]) -> Iterator[Article]:
    """Articles of files and folders (see extract.ingest) and of Parquet tables, in order."""
    pending: list[str | Path] = []
    for item in inputs:
        if Path(item).suffix.lower() == PARQUET_SUFFIX and Path(item).is_file():
            yield from iter_articles(pending, errors)
            pending = []
            yield from iter_parquet_articles(Path(item), errors)
        else:
            pending.append(item)
    yield from iter_articles(pending, errors)


def chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- one chunk, in a worker -----------------------------------------------------------

@dataclass
class ChunkResult:
    articles: pa.Table          # without copy_of
    claims: pa.Table            # without the corpus-level columns
    pid: int
    peak_mib: float


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def extract_chunk(articles: list[Article]) -> ChunkResult:
    """The per-article part of extract_articles over one chunk; runs in a worker."""
    from . import extract_articles

    corpus = extract_articles(articles, corpus_passes=False)
    return ChunkResult(
        articles=pa.Table.from_pandas(corpus.articles[CHUNK_ARTICLE_COLUMNS],
                                      schema=arrow_schema(CHUNK_ARTICLE_COLUMNS), preserve_index=False),
        claims=pa.Table.from_pandas(corpus.claims[CHUNK_CLAIM_COLUMNS], schema=arrow_schema(CHUNK_CLAIM_COLUMNS),
                                    preserve_index=False),
        pid=os.getpid(),
        peak_mib=peak_rss_mib(),
    )


# --- the engine -----------------------------------------------------------------------

def in_order(executor: Executor, chunks: Iterable[list[Article]], in_flight: int) -> Iterator[ChunkResult]:
    """Results of extract_chunk in input order, with at most `in_flight` chunks submitted
    and not yet consumed: reading never runs ahead of extraction."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(executor.submit(extract_chunk, chunk))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@dataclass
class RunStats:
    articles: int = 0
    claims: int = 0
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    # Of which: the corpus-level passes (speakers, matching, copies) and joining them back.
    corpus_seconds: float = 0.0
    # The driver's peak before the corpus-level passes (peak_mib_by_pid has it after).
    driver_peak_streaming_mib: float = 0.0
    peak_mib_by_pid: dict[int, float] = field(default_factory=dict)

    @property
    def peak_mib_total(self) -> float:
        """Peak resident memory summed over the driver and every worker process."""
        return sum(self.peak_mib_by_pid.values())


def _partial(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial")


def add_corpus_columns(claims_path: Path, articles_path: Path, claims_out: Path, articles_out: Path) -> None:
    """The corpus-level passes (extract.corpus_columns) over the written per-article tables:
    fed only the columns they read, their new columns are then joined back by row position
    while the tables are streamed, batch by batch, into `claims_out` and `articles_out`."""
    from . import corpus_columns

    claims = pq.read_table(claims_path, columns=CORPUS_INPUT_CLAIM_COLUMNS).to_pandas()
    articles = pq.read_table(articles_path, columns=CORPUS_INPUT_ARTICLE_COLUMNS).to_pandas()
    linked_articles, linked_claims = corpus_columns(articles, claims)
    del claims, articles
    added_claims = linked_claims[[c for c in linked_claims.columns if c not in CORPUS_INPUT_CLAIM_COLUMNS]]
    added_articles = linked_articles[["copy_of"]]
    del linked_claims, linked_articles
    _join_by_position(claims_path, added_claims, claims_out, OUTPUT_CLAIM_COLUMNS)
    _join_by_position(articles_path, added_articles, articles_out, ARTICLE_COLUMNS)


def _join_by_position(source_path: Path, added: pd.DataFrame, out: Path, columns: list[str]) -> None:
    """`source_path`'s rows with `added`'s columns beside them (row i with row i), streamed."""
    schema = arrow_schema(columns)
    source = pq.ParquetFile(source_path)
    if source.metadata.num_rows != len(added):
        raise RuntimeError(f"{source_path}: {source.metadata.num_rows} rows, but {len(added)} rows of corpus columns")
    added = added.reset_index(drop=True)
    offset = 0
    with pq.ParquetWriter(out, schema) as writer:
        for batch in source.iter_batches(batch_size=MERGE_ROWS):
            frame = batch.to_pandas()
            extra = added.iloc[offset:offset + len(frame)].reset_index(drop=True)
            offset += len(frame)
            both = pd.concat([frame, extra], axis=1)[columns]
            writer.write_table(pa.Table.from_pandas(both, schema=schema, preserve_index=False))
        if source.metadata.num_rows == 0:
            writer.write_table(schema.empty_table())


def extract_to_parquet(inputs: Iterable[str | Path], out: str | Path, articles_out: str | Path | None = None,
                       executor: Executor | None = None, workers: int = 2, chunk_size: int = CHUNK_SIZE,
                       in_flight: int | None = None) -> RunStats:
    """Extract `inputs` into a claims Parquet file (and an articles one) with `workers`
    processes, or on the given executor; returns counts, errors, time and peak memory.
    Nothing is written when no article could be read."""
    out = Path(out)
    started = time.perf_counter()
    stats = RunStats()
    own_pool = executor is None
    if own_pool:
        executor = ProcessPoolExecutor(max_workers=max(1, workers), mp_context=get_context("spawn"))
    in_flight = in_flight or 2 * max(1, workers)
    partial_claims = _partial(out)
    partial_articles = _partial(Path(articles_out)) if articles_out else out.with_name(f".{out.name}.articles.partial")
    final_partial = out.with_name(f".{out.name}.final.partial")
    final_articles = out.with_name(f".{out.name}.articles.final.partial")
    try:
        chunks = chunked(iter_inputs(inputs, stats.errors), chunk_size)
        claims_writer = pq.ParquetWriter(partial_claims, arrow_schema(CHUNK_CLAIM_COLUMNS))
        articles_writer = pq.ParquetWriter(partial_articles, arrow_schema(CHUNK_ARTICLE_COLUMNS))
        try:
            for result in in_order(executor, chunks, in_flight):
                claims_writer.write_table(result.claims)
                articles_writer.write_table(result.articles)
                stats.articles += result.articles.num_rows
                stats.claims += result.claims.num_rows
                stats.peak_mib_by_pid[result.pid] = max(result.peak_mib, stats.peak_mib_by_pid.get(result.pid, 0.0))
        finally:
            claims_writer.close()
            articles_writer.close()
        if own_pool:
            executor.shutdown()  # the workers' memory is free before the corpus-level passes
            own_pool = False
        if stats.articles:
            stats.driver_peak_streaming_mib = peak_rss_mib()
            corpus_started = time.perf_counter()
            add_corpus_columns(partial_claims, partial_articles, final_partial, final_articles)
            stats.corpus_seconds = time.perf_counter() - corpus_started
            os.replace(final_partial, out)
            if articles_out:
                os.replace(final_articles, articles_out)
    finally:
        if own_pool:
            executor.shutdown()
        for leftover in (partial_claims, partial_articles, final_partial, final_articles):
            if leftover.exists():
                leftover.unlink()
    stats.peak_mib_by_pid[os.getpid()] = peak_rss_mib()
    stats.seconds = time.perf_counter() - started
    return stats


# --- command line ---------------------------------------------------------------------

def parquet_path(value: str) -> str:
    if Path(value).suffix.lower() != PARQUET_SUFFIX:
        raise argparse.ArgumentTypeError(f"must end in {PARQUET_SUFFIX}, not '{Path(value).suffix or value}'")
    return value


def positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="article files or folders (as `python -m extract`), or Parquet tables of articles")
    parser.add_argument("--out", required=True, type=parquet_path, metavar="FILE.parquet", help="the claims table")
    parser.add_argument("--articles-out", type=parquet_path, metavar="FILE.parquet",
                        help="also write the articles table (with their text)")
    parser.add_argument("--chunk-size", type=positive, default=CHUNK_SIZE, help="articles per task")
    parser.add_argument("--snapshot", nargs="?", const="", default=None, metavar="STORE_DIR",
                        help="also keep the result in the store (STORE_DIR, else CLAIMSCOPE_STORE, else .claimscope/) "
                             "as a snapshot of these inputs, which extract.store.load_snapshot opens in seconds; "
                             "needs --articles-out")
    parser.add_argument("--quiet", action="store_true", help="no summary on stderr")


def run_with_snapshot(args, extract) -> RunStats:
    """`extract()` (the run), then, with --snapshot, its tables kept in the store under the
    signature the inputs had before the run (files changed meanwhile give another key)."""
    from .store import input_signature, save_snapshot, snapshot_key

    if args.snapshot is None:
        return extract()
    if not args.articles_out:
        raise SystemExit("error: --snapshot needs --articles-out")
    key = snapshot_key(input_signature(args.inputs))
    stats = extract()
    if stats.articles:
        folder = save_snapshot(key, Path(args.out), Path(args.articles_out), stats.errors,
                               store_dir=args.snapshot or None)
        if not args.quiet:
            print(f"snapshot {key} -> {folder}", file=sys.stderr)
    return stats


def report(stats: RunStats, out: str, quiet: bool) -> int:
    for error in stats.errors:
        print(f"{error.label} {error}", file=sys.stderr)
    if stats.articles == 0:
        print("error: no article could be read from the inputs", file=sys.stderr)
        return 1
    if not quiet:
        print(f"{stats.articles} articles, {stats.claims} claims -> {out} in {stats.seconds:.1f} s "
              f"({stats.articles / stats.seconds:.1f} articles/s, peak {stats.peak_mib_total:.0f} MiB "
              f"over {len(stats.peak_mib_by_pid)} processes)", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.parallel", description=__doc__.split("\n\n")[0])
    add_common_arguments(parser)
    parser.add_argument("--workers", type=positive, default=os.cpu_count() or 1, help="worker processes")
    args = parser.parse_args(argv)
    try:
        stats = run_with_snapshot(args, lambda: extract_to_parquet(args.inputs, args.out, args.articles_out,
                                                                   workers=args.workers, chunk_size=args.chunk_size))
    except (OSError, StoreUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return report(stats, args.out, args.quiet)


if __name__ == "__main__":
    sys.exit(main())
