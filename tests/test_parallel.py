"""Streaming multi-process extraction gives the single-process claims table, row for row."""
from __future__ import annotations

import shutil
from concurrent.futures import Future
from pathlib import Path

import pandas as pd
import pytest
from tables import rows

from extract import extract_paths
from extract.ingest import InputError, iter_articles, read_articles
from extract.parallel import chunked, extract_to_parquet, in_order, iter_inputs, main

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "data"
POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "dev" / "articles"


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    """The seed articles (with metadata.csv) and 30 PolNeAR dev articles, in two folders."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SEEDS, root / "seeds")
    polnear = root / "polnear"
    polnear.mkdir()
    for path in sorted(POLNEAR.glob("*.txt"))[:30]:
        shutil.copy(path, polnear / path.name)
    # One speaker named in full in one article and by surname in another, in two chunks:
    # the corpus-level speaker columns must join them all the same.
    (root / "zz").mkdir()
    (root / "zz" / "a.txt").write_text("“We will win this election and we will win it big,” said Marisol Quenby, the candidate.\n\nHe spoke in Iowa.\n")
    (root / "zz" / "b.txt").write_text("“Taxes are far too high for the families of this state,” Quenby said on Monday.\n\nThe crowd cheered.\n")
    # A syndicated copy (new first line, last paragraph cut) of the first PolNeAR article,
    # chunks away from it: copies and claims carried by two pages are found across chunks.
    original = sorted(polnear.glob("*.txt"))[0]
    paragraphs = original.read_text(encoding="utf-8").split("\n\n")
    (root / "zz" / "c.txt").write_text("Syndicated: " + "\n\n".join(paragraphs[:-1]) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def single(corpus_dir):
    return extract_paths([corpus_dir])


@pytest.fixture(scope="module")
def parallel(corpus_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as patch:
        # Small batches when the corpus-level columns are joined back, so that rows are
        # joined by position across batch boundaries.
        patch.setattr("extract.parallel.MERGE_ROWS", 7)
        stats = extract_to_parquet([corpus_dir], out / "claims.parquet", out / "articles.parquet",
                                   workers=2, chunk_size=1)
    return stats, pd.read_parquet(out / "claims.parquet"), pd.read_parquet(out / "articles.parquet")


def test_same_claims_row_for_row(single, parallel):
    stats, claims, _articles = parallel
    assert len(single.claims) > 50
    assert list(claims.columns) == list(single.claims.columns)
    assert rows(claims) == rows(single.claims)
    assert stats.claims == len(single.claims)


def test_same_articles_row_for_row(single, parallel):
    stats, _claims, articles = parallel
    assert rows(articles) == rows(single.articles)
    assert stats.articles == len(single.articles) == 38


def test_copy_found_across_chunks(corpus_dir, parallel):
    _stats, claims, articles = parallel
    original = sorted((corpus_dir / "polnear").glob("*.txt"))[0].stem
    assert articles.set_index("article_id").loc["c", "copy_of"] == original
    assert pd.isna(articles.set_index("article_id").loc[original, "copy_of"])
    # The copy's claims are carried by two pages (two unknown publishers), one of them independent.
    copied = claims[claims["article_id"] == "c"]
    assert len(copied) > 3
    assert (copied["carried_by"] >= 2).mean() > 0.8
    shared = claims[claims["claim_id"].isin(copied["claim_id"])]
    assert set(shared["article_id"]) == {"c", original}
    assert (copied["carried_by_independent"] < copied["carried_by"]).all()


def test_speaker_joined_across_chunks(parallel):
    _stats, claims, _articles = parallel
    b = claims[claims["article_id"] == "b"]
    assert list(b["speaker"]) == ["Quenby"]
    assert list(b["speaker_canonical"]) == ["Marisol Quenby"]


def test_both_workers_used_and_memory_reported(parallel):
    stats, _claims, _articles = parallel
    assert len(stats.peak_mib_by_pid) == 3          # two workers and the driver
    assert all(mib > 0 for mib in stats.peak_mib_by_pid.values())


def test_parquet_input_gives_the_same_claims(tmp_path):
    articles, _errors = read_articles([SEEDS])
    frame = pd.DataFrame([{"id": a.article_id, "text": a.text, "outlet": a.outlet, "date": a.date,
                           "title": a.title, "url": a.url} for a in articles])
    frame.to_parquet(tmp_path / "articles.parquet", index=False)
    extract_to_parquet([tmp_path / "articles.parquet"], tmp_path / "claims.parquet", workers=1, chunk_size=2)
    from_parquet = pd.read_parquet(tmp_path / "claims.parquet")
    from_folder = extract_paths([SEEDS]).claims
    assert len(from_folder) > 0
    keep = [c for c in from_folder.columns if c != "path"]
    assert rows(from_parquet[keep]) == rows(from_folder[keep])


def test_iter_articles_matches_read_articles(corpus_dir):
    errors: list[InputError] = []
    lazily = list(iter_articles([corpus_dir, corpus_dir / "missing"], errors))
    at_once, at_once_errors = read_articles([corpus_dir, corpus_dir / "missing"])
    assert [(a.article_id, a.text, a.outlet) for a in lazily] == [(a.article_id, a.text, a.outlet) for a in at_once]
    assert [str(e) for e in errors] == [str(e) for e in at_once_errors] and errors


class CountingExecutor:
    """Runs tasks when submitted and records how many were submitted but not yet consumed."""

    def __init__(self):
        self.submitted = 0
        self.consumed = 0
        self.most_outstanding = 0

    def submit(self, fn, *args):
        self.submitted += 1
        self.most_outstanding = max(self.most_outstanding, self.submitted - self.consumed)
        future = Future()
        future.set_result(fn(*args))
        return future


def test_reading_never_runs_ahead_of_extraction():
    executor = CountingExecutor()
    articles, _ = read_articles([SEEDS])
    produced = []

    def lazily():
        for article in articles:
            produced.append(article.article_id)
            yield article

    results = []
    for result in in_order(executor, chunked(lazily(), 1), in_flight=2):
        executor.consumed += 1
        results.append(result)
        # At most two chunks were read beyond what has been handed back.
        assert len(produced) - len(results) <= 2
    assert executor.most_outstanding == 2
    assert [r.articles.column("article_id")[0].as_py() for r in results] == [a.article_id for a in articles]


def test_failed_run_leaves_no_output(tmp_path, monkeypatch):
    import extract.parallel as parallel_module

    def broken(*_args, **_kwargs):
        raise RuntimeError("second pass failed")

    monkeypatch.setattr(parallel_module, "add_corpus_columns", broken)
    with pytest.raises(RuntimeError):
        extract_to_parquet([SEEDS], tmp_path / "claims.parquet", tmp_path / "articles.parquet", workers=1)
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_other_formats_and_empty_input(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main([str(SEEDS), "--out", str(tmp_path / "claims.csv")])
    assert main([str(tmp_path / "nothing-here"), "--out", str(tmp_path / "claims.parquet"), "--workers", "1"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_iter_inputs_mixes_folders_and_parquet(tmp_path):
    articles, _ = read_articles([SEEDS])
    pd.DataFrame([{"id": "p1", "text": articles[0].text}]).to_parquet(tmp_path / "more.parquet", index=False)
    errors: list[InputError] = []
    ids = [a.article_id for a in iter_inputs([SEEDS, tmp_path / "more.parquet"], errors)]
    assert ids == [a.article_id for a in articles] + ["p1"]


def test_snapshot_opens_the_run_and_is_never_served_damaged(tmp_path, monkeypatch):
    from extract.store import input_signature, load_snapshot, snapshot_key, snapshot_text

    monkeypatch.setattr("extract.store.TEXT_ROW_GROUP", 2)  # texts looked up across row groups

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    store, claims_out, articles_out = tmp_path / "store", tmp_path / "claims.parquet", tmp_path / "articles.parquet"
    key = snapshot_key(input_signature([corpus]))
    assert load_snapshot(key, store) is None
    assert main([str(corpus), "--out", str(claims_out), "--articles-out", str(articles_out), "--workers", "1",
                 "--snapshot", str(store), "--quiet"]) == 0

    opened = load_snapshot(key, store)
    expected = extract_paths([corpus])
    assert rows(opened.claims) == rows(expected.claims)
    assert rows(opened.articles) == rows(expected.articles.drop(columns=["text"]))
    for _, article in expected.articles.iterrows():
        assert snapshot_text(key, article["article_id"], store) == article["text"]
    assert snapshot_text(key, "no-such-article", store) is None
    narrow = load_snapshot(key, store, claim_columns=["claim_id", "quote", "outlet"])
    assert list(narrow.claims.columns) == ["claim_id", "quote", "outlet"]
    assert rows(narrow.claims) == rows(expected.claims[["claim_id", "quote", "outlet"]])

    # Another file content: another key, so the old tables are not served for it.
    victim = sorted(corpus.glob("*.txt"))[0]
    victim.write_text(victim.read_text(encoding="utf-8") + "\nA late paragraph.\n", encoding="utf-8")
    assert snapshot_key(input_signature([corpus])) != key
    assert load_snapshot(snapshot_key(input_signature([corpus])), store) is None

    # A damaged table or a missing manifest (a run killed while writing): not served.
    first_id = expected.articles["article_id"].iloc[0]
    folder = store / "snapshots" / key
    data = bytearray((folder / "claims.parquet").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (folder / "claims.parquet").write_bytes(bytes(data))
    assert load_snapshot(key, store) is None
    (folder / "manifest.json").unlink()
    assert load_snapshot(key, store) is None
    assert snapshot_text(key, first_id, store) is None


def test_snapshot_text_damaged_is_not_served(tmp_path):
    from extract.store import load_snapshot, save_snapshot, snapshot_text

    corpus = extract_paths([SEEDS])
    store = tmp_path / "store"
    save_snapshot("k", corpus.claims, corpus.articles, store_dir=store)
    texts = store / "snapshots" / "k" / "texts.parquet"
    data = bytearray(texts.read_bytes())
    data[len(data) // 3] ^= 0xFF
    texts.write_bytes(bytes(data))
    assert load_snapshot("k", store) is not None          # claims and metadata are intact
    assert snapshot_text("k", corpus.articles["article_id"].iloc[0], store) is None


def test_snapshot_keeps_which_input_errors_were_skips(tmp_path):
    from extract.ingest import InputError
    from extract.store import load_snapshot, save_snapshot

    corpus = extract_paths([SEEDS])
    errors = [InputError("a.txt", "binary file"), InputError("metadata.csv", "duplicate row", skipped=False)]
    save_snapshot("k", corpus.claims, corpus.articles, errors, store_dir=tmp_path)
    opened = load_snapshot("k", tmp_path)
    assert [(e.path, e.reason, e.skipped) for e in opened.errors] == [("a.txt", "binary file", True),
                                                                      ("metadata.csv", "duplicate row", False)]


def test_snapshots_opened_recently_outlive_newer_unused_ones(tmp_path, monkeypatch):
    import os

    from extract import store as store_module
    from extract.store import load_snapshot, save_snapshot

    monkeypatch.setattr(store_module, "SNAPSHOTS_KEPT", 3)
    corpus = extract_paths([SEEDS])
    store = tmp_path / "store"
    for n, key in enumerate(["a", "b", "c"]):
        save_snapshot(key, corpus.claims, corpus.articles, store_dir=store)
        os.utime(store / "snapshots" / key, (1_000_000 + n, 1_000_000 + n))   # written in this order
    assert load_snapshot("a", store) is not None        # the oldest, opened again
    save_snapshot("d", corpus.claims, corpus.articles, store_dir=store)
    assert sorted(p.name for p in (store / "snapshots").iterdir()) == ["a", "c", "d"]
    assert load_snapshot("b", store) is None


def test_snapshot_needs_the_articles_table(tmp_path):
    with pytest.raises(SystemExit):
        main([str(SEEDS), "--out", str(tmp_path / "claims.parquet"), "--snapshot", str(tmp_path / "store")])
    assert not (tmp_path / "claims.parquet").exists()
