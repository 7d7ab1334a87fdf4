"""The extractor on a Dask cluster: past one machine, same claims table.

    python -m extract.distributed INPUT... --out claims.parquet [--articles-out articles.parquet]
                                  [--scheduler local|tcp://HOST:8786] [--workers N] [--chunk-size 64]

INPUT is what `python -m extract` reads (files, folders) or Parquet tables of articles
(`text`, and `id`, `outlet`, `date`, `title`, `url`). The driver (this command) reads the
articles lazily and submits chunks of them to the cluster's workers, a bounded number at a
time; each worker runs the ordinary single-process extractor on its chunk
(extract.parallel.extract_chunk) and the driver appends the results to the output in input
order, then adds the corpus-level columns (speakers, matching, copies) over the whole
corpus, as extract.parallel does. The engine is extract.parallel's, with
the Dask client's Executor in place of a local process pool, so the output is the
single-process claims table row for row.

--scheduler local starts a LocalCluster of --workers processes (one thread each: the
extractor is pure Python and holds the GIL) for the duration of the run. With an address,
the workers of that running cluster are used and --workers is ignored; they must be able to
import this project (same code and requirements; see docs/scale.md).
"""
from __future__ import annotations

import argparse
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from .parallel import (CHUNK_SIZE, RunStats, add_common_arguments, extract_to_parquet, positive, report,
                       run_with_snapshot)
from .store import StoreUnavailable


@contextmanager
def dask_client(scheduler: str = "local", workers: int = 2) -> Iterator:
    """A Dask client: a LocalCluster of `workers` processes, or the cluster at an address."""
    from dask.distributed import Client, LocalCluster

    if scheduler == "local":
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
    else:
        with Client(scheduler) as client:
            yield client


def cluster_threads(client) -> int:
    return sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()) or 1


def extract_on_dask(inputs: Iterable[str | Path], out: str | Path, articles_out: str | Path | None = None,
                    client=None, scheduler: str = "local", workers: int = 2,
                    chunk_size: int = CHUNK_SIZE) -> RunStats:
    """Extract `inputs` on a Dask cluster (the given client, else one for `scheduler`)."""
    if client is None:
        with dask_client(scheduler, workers) as own:
            return extract_on_dask(inputs, out, articles_out, client=own, chunk_size=chunk_size)
    # pure=False: chunks are not hashed into task keys (costly, and nothing to deduplicate).
    executor = client.get_executor(pure=False)
    return extract_to_parquet(inputs, out, articles_out, executor=executor, chunk_size=chunk_size,
                              in_flight=2 * cluster_threads(client))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m extract.distributed", description=__doc__.split("\n\n")[0])
    add_common_arguments(parser)
    parser.add_argument("--scheduler", default="local", metavar="local|ADDRESS",
                        help="'local' for a LocalCluster on this machine, or a scheduler address (tcp://host:8786)")
    parser.add_argument("--workers", type=positive, default=os.cpu_count() or 1,
                        help="worker processes of the local cluster")
    args = parser.parse_args(argv)
    try:
        stats = run_with_snapshot(args, lambda: extract_on_dask(args.inputs, args.out, args.articles_out,
                                                                scheduler=args.scheduler, workers=args.workers,
                                                                chunk_size=args.chunk_size))
    except (OSError, StoreUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return report(stats, args.out, args.quiet)


if __name__ == "__main__":
    sys.exit(main())
