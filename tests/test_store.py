"""The extraction store: reuse, re-extraction on a version bump, damage detected and rebuilt."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import extract
import extract.store as store_module
from extract import Article, extract_articles
from extract.ingest import read_articles
from extract.store import DB_NAME, Store

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "data"


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    articles, errors = read_articles([SEEDS])
    assert len(articles) == 5 and errors == []
    return articles


@pytest.fixture(scope="module")
def direct(seeds):
    return extract_articles(seeds)


def assert_same(corpus, expected) -> None:
    pd.testing.assert_frame_equal(corpus.articles, expected.articles)
    pd.testing.assert_frame_equal(corpus.claims, expected.claims)


@pytest.fixture
def counted(monkeypatch):
    """Counts the articles the store sends to the pipeline."""
    calls: list[str] = []
    real = store_module._extract_chunk

    def counting(articles, errors):
        calls.extend(a.article_id for a in articles)
        return real(articles, errors)

    monkeypatch.setattr(store_module, "_extract_chunk", counting)
    return calls


def test_stored_results_equal_direct_extraction(tmp_path, seeds, direct, counted):
    with Store(tmp_path) as store:
        assert_same(store.extract(seeds), direct)
    with Store(tmp_path) as store:
        assert_same(store.extract(seeds), direct)
        assert (store.stats.reused, store.stats.extracted) == (5, 0)
    assert len(counted) == 5


def test_renamed_or_moved_article_is_reused_under_its_new_identity(tmp_path, seeds, counted):
    with Store(tmp_path) as store:
        store.extract(seeds)
    moved = [Article(f"renamed-{a.article_id}", a.text, a.outlet, a.date, a.title, "https://x/" + a.article_id,
                     f"/elsewhere/{a.article_id}.txt") for a in seeds]
    with Store(tmp_path) as store:
        corpus = store.extract(moved)
    assert len(counted) == 5
    assert_same(corpus, extract_articles(moved))


def test_changed_metadata_re_extracts_that_article_only(tmp_path, seeds, counted):
    with Store(tmp_path) as store:
        store.extract(seeds)
    changed = list(seeds)
    a = changed[1]
    changed[1] = Article(a.article_id, a.text, "Another Outlet", a.date, a.title, a.url, a.path)
    with Store(tmp_path) as store:
        corpus = store.extract(changed)
    assert counted[5:] == [a.article_id]
    assert set(corpus.claims.loc[corpus.claims["article_id"] == a.article_id, "outlet"]) == {"Another Outlet"}


def test_the_same_text_twice_keeps_both_articles(tmp_path, seeds):
    a = seeds[0]
    twins = [a, Article("wire-copy", a.text, "Other Outlet", a.date, a.title, None, "/wire/copy.txt")]
    with Store(tmp_path) as store:
        corpus = store.extract(twins)
    assert_same(corpus, extract_articles(twins))


def test_version_bump_re_extracts_and_drops_old_results(tmp_path, seeds, direct, counted, monkeypatch):
    with Store(tmp_path) as store:
        store.extract(seeds)
    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", extract.EXTRACTOR_VERSION + "+test")
    with Store(tmp_path) as store:
        assert len(store) == 0
        assert_same(store.extract(seeds), direct)
        assert store.stats.extracted == 5
        total = store._conn.execute("SELECT COUNT(*) FROM extraction").fetchone()[0]
    assert len(counted) == 10 and total == 5


def fake_rows(article: Article) -> tuple[dict, list[dict]]:
    """Per-article rows shaped like extract._rows_from_doc's, without the pipeline."""
    row = {"article_id": article.article_id, "outlet": "Unknown", "outlet_source": "unknown", "date": None,
           "title": None, "url": article.url, "path": article.path, "content_hash": article.content_hash,
           "n_chars": len(article.text), "n_claims": 1, "text": article.text}
    claim = {c: None for c in extract.CLAIM_COLUMNS if c not in extract.schema.CORPUS_CLAIM_COLUMNS}
    claim.update(article_id=article.article_id, outlet="Unknown", kind="direct", quote=article.text[:5],
                 quote_start=0, quote_end=5, stance="neutral", anonymity="anonymous", role="other",
                 sentence=article.text, sentence_start=0, rule="fake")
    return row, [claim]


def test_adding_ten_articles_to_five_thousand_extracts_only_ten(tmp_path, monkeypatch):
    calls: list[str] = []

    def fake_chunk(articles, errors):
        calls.extend(a.article_id for a in articles)
        return [fake_rows(a) for a in articles]

    monkeypatch.setattr(store_module, "_extract_chunk", fake_chunk)
    # The corpus-level matching is not what this test is about; it is exercised above.
    monkeypatch.setattr(store_module, "assemble", lambda rows, claims: extract.Corpus(pd.DataFrame(rows), pd.DataFrame(claims)))
    corpus = [Article(f"a{i}", f"Article number {i} text.") for i in range(5000)]
    with Store(tmp_path) as store:
        assert len(store.extract(corpus).articles) == 5000
    assert len(calls) == 5000
    added = [Article(f"new{i}", f"A new article {i}.") for i in range(10)]
    with Store(tmp_path) as store:
        result = store.extract(corpus + added)
        assert (store.stats.reused, store.stats.extracted) == (5000, 10)
    assert calls[5000:] == [a.article_id for a in added]
    assert list(result.articles["article_id"]) == [a.article_id for a in corpus + added]


def test_truncated_store_is_rebuilt_not_served(tmp_path, seeds, direct, counted):
    with Store(tmp_path) as store:
        store.extract(seeds)
    db = tmp_path / DB_NAME
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    with Store(tmp_path) as store:
        assert store.stats.rebuilt
        assert_same(store.extract(seeds), direct)
        assert store.stats.extracted == 5
    assert (tmp_path / (DB_NAME + ".damaged")).exists()


@pytest.mark.parametrize("garbage", [b"\x00" * 4096, b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_garbage_store_file_is_rebuilt(tmp_path, seeds, direct, garbage):
    (tmp_path / DB_NAME).write_bytes(garbage)
    with Store(tmp_path) as store:
        assert store.stats.rebuilt
        assert_same(store.extract(seeds), direct)
    with Store(tmp_path) as store:
        assert store.stats.rebuilt is None and len(store) == 5


def test_damaged_entry_is_re_extracted_not_served(tmp_path, seeds, direct):
    with Store(tmp_path) as store:
        store.extract(seeds)
        store._conn.execute("UPDATE extraction SET payload = zeroblob(40) WHERE rowid = 1")
        store._conn.execute("UPDATE extraction SET payload = substr(payload, 1, 10) WHERE rowid = 2")
    with Store(tmp_path) as store:
        assert_same(store.extract(seeds), direct)
        assert store.stats.corrupt_entries == 2 and store.stats.extracted == 2 and store.stats.reused == 3


def test_half_written_transaction_is_rolled_back(tmp_path, seeds, direct):
    with Store(tmp_path) as store:
        store.extract(seeds[:2])
    # A process killed in the middle of writing: its transaction never commits.
    code = (
        "import os, sys; sys.path.insert(0, %r)\n"
        "from extract.store import Store\n"
        "s = Store(%r)\n"
        "s._conn.execute('BEGIN IMMEDIATE')\n"
        "s._conn.execute(\"DELETE FROM extraction\")\n"
        "s._conn.execute(\"INSERT INTO extraction VALUES ('x', 'v', 'h', x'00', 'bad', 0)\")\n"
        "os._exit(9)\n" % (str(REPO), str(tmp_path)))
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 9
    with Store(tmp_path) as store:
        assert len(store) == 2
        assert_same(store.extract(seeds), direct)
        assert (store.stats.reused, store.stats.extracted) == (2, 3)


def test_an_article_that_breaks_the_pipeline_costs_only_itself(tmp_path, seeds, monkeypatch):
    real = extract._rows_from_doc

    def breaks_on_one(article, doc):
        if article.article_id == seeds[2].article_id:
            raise RuntimeError("boom")
        return real(article, doc)

    monkeypatch.setattr(extract, "_rows_from_doc", breaks_on_one)
    with Store(tmp_path) as store:
        corpus = store.extract(seeds)
        assert store.stats.failed == 1
    assert len(corpus.articles) == 4 and seeds[2].article_id not in set(corpus.articles["article_id"])
    assert len(corpus.errors) == 1 and "extraction failed (RuntimeError: boom)" in corpus.errors[0].reason
    with Store(tmp_path) as store:
        assert len(store) == 4


def test_unwritable_store_folder_raises_store_unavailable(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(store_module.StoreUnavailable):
        Store(blocker / "store")


def test_locked_store_still_extracts_but_does_not_save(tmp_path, seeds, direct):
    with Store(tmp_path) as store:
        other = sqlite3.connect(tmp_path / DB_NAME, timeout=0.1)
        other.execute("BEGIN EXCLUSIVE")
        try:
            store._conn.execute("PRAGMA busy_timeout = 100")
            assert_same(store.extract(seeds), direct)
            assert store.stats.saved is False and store.stats.rebuilt is None
        finally:
            other.rollback()
            other.close()
