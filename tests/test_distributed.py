"""The extractor on a local Dask cluster gives the single-process claims table, row for row."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from tables import rows

pytest.importorskip("dask.distributed")

from extract import extract_paths
from extract.distributed import dask_client, extract_on_dask, main

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "data"
POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "train" / "articles"


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, root / "seeds")
    (root / "polnear").mkdir()
    for path in sorted(POLNEAR.glob("*.txt"))[-20:]:
        shutil.copy(path, root / "polnear" / path.name)
    (root / "zz").mkdir()
    (root / "zz" / "a.txt").write_text("“We will not back down on this budget, not now and not ever,” said Ottoline Brackwater, the mayor.\n\nShe spoke at city hall.\n")
    (root / "zz" / "b.txt").write_text("“The budget protects every school in this city,” Brackwater said on Tuesday.\n\nCouncil members left.\n")
    # A syndicated copy of the first PolNeAR article, in another task: found across workers.
    original = sorted((root / "polnear").glob("*.txt"))[0]
    paragraphs = original.read_text(encoding="utf-8").split("\n\n")
    (root / "zz" / "c.txt").write_text("Syndicated: " + "\n\n".join(paragraphs[:-1]) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def on_cluster(corpus_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    with dask_client("local", workers=2) as client:
        stats = extract_on_dask([corpus_dir], out / "claims.parquet", out / "articles.parquet",
                                client=client, chunk_size=2)
        worker_pids = set(client.run(os.getpid).values())
    return stats, worker_pids, pd.read_parquet(out / "claims.parquet"), pd.read_parquet(out / "articles.parquet")


def test_same_claims_row_for_row(corpus_dir, on_cluster):
    single = extract_paths([corpus_dir])
    _stats, _pids, claims, articles = on_cluster
    assert len(single.claims) > 50
    assert list(claims.columns) == list(single.claims.columns)
    assert rows(claims) == rows(single.claims)
    assert rows(articles) == rows(single.articles)
    assert articles.set_index("article_id").loc["c", "copy_of"] == sorted((corpus_dir / "polnear").glob("*.txt"))[0].stem


def test_chunks_ran_on_the_cluster_workers(on_cluster):
    stats, worker_pids, _claims, _articles = on_cluster
    assert len(worker_pids) == 2
    # The driver's pid plus the workers that extracted chunks: both of them.
    assert worker_pids <= set(stats.peak_mib_by_pid)


def test_speaker_joined_across_workers(on_cluster):
    _stats, _pids, claims, _articles = on_cluster
    b = claims[claims["article_id"] == "b"]
    assert list(b["speaker_canonical"]) == ["Ottoline Brackwater"]


def test_cli_refuses_non_parquet_output(tmp_path):
    with pytest.raises(SystemExit):
        main([str(SEEDS), "--out", str(tmp_path / "claims.jsonl"), "--scheduler", "local"])
