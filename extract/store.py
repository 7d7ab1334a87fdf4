"""Extraction results kept between runs, so an article is extracted once per extractor version.

    from extract.store import Store
    with Store() as store:                      # .claimscope/ at the repo root by default
        corpus = store.extract(articles)        # reuses stored articles, extracts the rest
        store.stats                             # reused / extracted / failed / rebuilt

What is stored is the per-article part of extraction (an article's row and its claim rows,
as `extract._rows_from_doc` makes them); the corpus-level columns (one speaker across
articles, the same claim across articles, copies) depend on the whole corpus and are
computed after every run, as `extract_articles` does. An entry is keyed by the article's
content hash, the metadata extraction reads (outlet, date, title) and EXTRACTOR_VERSION;
the identity columns it does not read (article_id, path, url) are set from the article on
the way out, so a renamed or moved file is not re-extracted.

Why SQLite (stdlib): writes are transactions, so a run killed halfway leaves the last
committed state (the rollback journal undoes the rest on the next open) and adding 10
articles writes 10 rows rather than rewriting a table, as Parquet files would need; lookups
by key are indexed; concurrent readers and one writer (the app and the CLI at once) are
handled by its locking. Corruption is detected three ways before anything is served: the
file's header, `PRAGMA quick_check`, and a SHA-256 of every entry's payload checked on read.
A damaged file is moved aside and rebuilt; a damaged entry is dropped and re-extracted.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

import pandas as pd

from .ingest import Article, InputError, read_articles
from .schema import ARTICLE_COLUMNS, CLAIM_COLUMNS, CORPUS_CLAIM_COLUMNS

if TYPE_CHECKING:  # the package imports this module, so Corpus is named for annotations only
    from . import Corpus

STORE_ENV = "CLAIMSCOPE_STORE"
DEFAULT_STORE_DIR = Path(__file__).resolve().parents[1] / ".claimscope"
DB_NAME = "extractions.sqlite3"
# Bump when the layout of the database or of a payload changes.
SCHEMA_VERSION = "1"
_SQLITE_HEADER = b"SQLite format 3\x00"
# Columns of an article row that extraction does not read: set from the article on reuse.
IDENTITY_COLUMNS = ("article_id", "path", "url")
# Articles extracted (and committed) at a time: a killed run keeps what it finished.
CHUNK_SIZE = 256

ProgressCallback = Callable[[int, int, str], None]


class StoreUnavailable(Exception):
    """The store's folder cannot be created or written (read-only clone, permissions)."""


@dataclass
class StoreStats:
    reused: int = 0
    extracted: int = 0
    failed: int = 0
    corrupt_entries: int = 0
    rebuilt: str | None = None      # why the whole store was rebuilt, if it was
    saved: bool = True              # False when new results could not be written

    def summary(self) -> str:
        text = f"store: {self.reused} reused, {self.extracted} extracted"
        if self.failed:
            text += f", {self.failed} failed"
        if self.corrupt_entries:
            text += f", {self.corrupt_entries} damaged entries re-extracted"
        if self.rebuilt:
            text += f"; rebuilt ({self.rebuilt})"
        if not self.saved:
            text += "; new results not saved"
        return text


def default_store_dir() -> Path:
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE_DIR)


def extractor_version() -> str:
    from . import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def entry_key(article: Article) -> str:
    """The article's content hash and the metadata extraction reads: same key, same rows."""
    meta = json.dumps([article.outlet, article.date, article.title], ensure_ascii=False)
    return hashlib.sha256(f"{article.content_hash}\0{meta}".encode("utf-8", "surrogatepass")).hexdigest()


def _encode(row: dict, claims: list[dict]) -> bytes:
    stored = {k: v for k, v in row.items() if k != "text"}
    return zlib.compress(json.dumps({"article": stored, "claims": claims}, ensure_ascii=False,
                                    allow_nan=False).encode("utf-8", "surrogatepass"), 1)


def _decode(payload: bytes, article: Article) -> tuple[dict, list[dict]]:
    data = json.loads(zlib.decompress(payload).decode("utf-8", "surrogatepass"))
    row = data["article"]
    row["text"] = article.text
    for column in IDENTITY_COLUMNS:
        row[column] = getattr(article, column)
    claims = data["claims"]
    for claim in claims:
        claim["article_id"] = article.article_id
    return row, claims


def _checksum(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


class Store:
    def __init__(self, path: str | Path | None = None):
        self.folder = Path(path) if path is not None else default_store_dir()
        self.db_path = self.folder / DB_NAME
        self.stats = StoreStats()
        self.version = extractor_version()
        self._conn: sqlite3.Connection | None = None
        self._open()

    # --- opening, checking, rebuilding ------------------------------------------------

    def _open(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(f"cannot create {self.folder}: {exc.strerror or exc}") from None
        problem = self._damage()
        if problem:
            self._set_aside(problem)
        try:
            self._conn = self._connect()
            self._create()
        except sqlite3.DatabaseError as exc:
            # Damage the checks above did not see (or a file replaced meanwhile): start over.
            self._close()
            self._set_aside(f"unreadable: {exc}")
            try:
                self._conn = self._connect()
                self._create()
            except sqlite3.Error as exc2:
                raise StoreUnavailable(f"cannot open {self.db_path}: {exc2}") from None
        except (sqlite3.Error, OSError) as exc:
            raise StoreUnavailable(f"cannot open {self.db_path}: {exc}") from None

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db_path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA synchronous=FULL")
        return conn

    def _damage(self) -> str | None:
        """Why the file on disk cannot be trusted, or None (no file is fine: it is created)."""
        if not self.db_path.exists():
            return None
        try:
            with open(self.db_path, "rb") as fh:
                header = fh.read(len(_SQLITE_HEADER))
        except OSError as exc:
            return f"unreadable: {exc.strerror or exc}"
        if not header:
            return None
        if header != _SQLITE_HEADER:
            return "not an SQLite file"
        conn = None
        try:
            conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=30)
            result = conn.execute("PRAGMA quick_check").fetchall()
            if result != [("ok",)]:
                return f"integrity check failed: {result[0][0] if result else 'no answer'}"
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if tables and "info" in tables:
                row = conn.execute("SELECT value FROM info WHERE key='schema'").fetchone()
                if row is None or row[0] != SCHEMA_VERSION:
                    return f"store layout {row[0] if row else '?'} is not {SCHEMA_VERSION}"
            elif tables:
                return "not a Claimscope store"
        except sqlite3.OperationalError:
            return None  # locked by another process: not damage; opening waits for it
        except sqlite3.DatabaseError as exc:
            return f"unreadable: {exc}"
        finally:
            if conn is not None:
                conn.close()
        return None

    def _set_aside(self, reason: str) -> None:
        """Keep the damaged file for inspection (one copy) and start an empty store."""
        self.stats.rebuilt = reason
        for suffix in ("-journal", "-wal", "-shm"):
            try:
                Path(str(self.db_path) + suffix).unlink()
            except FileNotFoundError:
                pass
        try:
            os.replace(self.db_path, self.db_path.with_name(DB_NAME + ".damaged"))
        except FileNotFoundError:
            pass
        except OSError:
            self.db_path.unlink(missing_ok=True)

    def _create(self) -> None:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("CREATE TABLE IF NOT EXISTS info (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            conn.execute("""CREATE TABLE IF NOT EXISTS extraction (
                entry TEXT NOT NULL, version TEXT NOT NULL, content_hash TEXT NOT NULL,
                payload BLOB NOT NULL, checksum TEXT NOT NULL, created REAL NOT NULL,
                PRIMARY KEY (entry, version))""")
            conn.execute("INSERT OR IGNORE INTO info VALUES ('schema', ?)", (SCHEMA_VERSION,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def close(self) -> None:
        self._close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- reading and writing entries --------------------------------------------------

    def __len__(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM extraction WHERE version=?", (self.version,)).fetchone()[0]

    def _lookup(self, keys: list[str]) -> dict[str, tuple[bytes, str]]:
        found: dict[str, tuple[bytes, str]] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 500):
            batch = unique[start:start + 500]
            marks = ",".join("?" * len(batch))
            for entry, payload, checksum in self._conn.execute(
                    f"SELECT entry, payload, checksum FROM extraction WHERE version=? AND entry IN ({marks})",
                    (self.version, *batch)):
                found[entry] = (payload, checksum)
        return found

    def _save(self, rows: list[tuple[str, str, bytes]]) -> None:
        if not rows or not self.stats.saved:
            return
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                "INSERT OR REPLACE INTO extraction (entry, version, content_hash, payload, checksum, created) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(entry, self.version, content_hash, payload, _checksum(payload), time.time())
                 for entry, content_hash, payload in rows])
            # Results of other extractor versions are never served again.
            conn.execute("DELETE FROM extraction WHERE version<>?", (self.version,))
            conn.execute("COMMIT")
        except sqlite3.Error:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self.stats.saved = False

    def _drop(self, entries: Iterable[str]) -> None:
        try:
            self._conn.executemany("DELETE FROM extraction WHERE entry=? AND version=?",
                                   [(e, self.version) for e in entries])
        except sqlite3.Error:
            pass

    def clear(self) -> None:
        self._conn.execute("DELETE FROM extraction")

    # --- extraction -------------------------------------------------------------------

    def extract(self, articles: Iterable[Article], chunk_size: int = CHUNK_SIZE,
                progress: ProgressCallback | None = None) -> "Corpus":
        """The same Corpus as `extract.extract_articles(articles)`, extracting only the
        articles this store has no valid entry for. Articles whose extraction raises are
        left out and reported in `Corpus.errors`."""
        articles = list(articles)
        keys = [entry_key(a) for a in articles]
        try:
            stored = self._lookup(keys)
        except sqlite3.OperationalError:
            # Busy (another process holds a write lock past the timeout): extract, keep nothing.
            stored = {}
            self.stats.saved = False
        except sqlite3.DatabaseError as exc:
            self._close()
            self._set_aside(f"unreadable: {exc}")
            self._conn = self._connect()
            self._create()
            stored = {}
        results: dict[str, tuple[dict, list[dict]] | None] = {}
        damaged: list[str] = []
        for article, key in zip(articles, keys):
            if key in results or key not in stored:
                continue
            payload, checksum = stored[key]
            try:
                if _checksum(payload) != checksum:
                    raise ValueError("checksum mismatch")
                results[key] = _decode(payload, article)
                self.stats.reused += 1
            except (ValueError, KeyError, TypeError, zlib.error, UnicodeError):
                damaged.append(key)
        if damaged:
            self.stats.corrupt_entries += len(damaged)
            self._drop(damaged)

        missing: dict[str, Article] = {}
        for article, key in zip(articles, keys):
            if key not in results and key not in missing:
                missing[key] = article
        errors: list[InputError] = []
        todo = list(missing.items())
        if progress:
            progress(0, len(todo), "Extracting claims")
        for start in range(0, len(todo), chunk_size):
            chunk = todo[start:start + chunk_size]
            new_rows = []
            for (key, article), result in zip(chunk, _extract_chunk([a for _, a in chunk], errors)):
                results[key] = result
                if result is not None:
                    self.stats.extracted += 1
                    try:
                        new_rows.append((key, article.content_hash, _encode(*result)))
                    except (ValueError, TypeError):
                        pass  # a value JSON cannot hold: served now, extracted again next time
                else:
                    self.stats.failed += 1
            self._save(new_rows)
            if progress:
                progress(min(start + chunk_size, len(todo)), len(todo), "Extracting claims")

        article_rows: list[dict] = []
        claim_rows: list[dict] = []
        for article, key in zip(articles, keys):
            result = results.get(key)
            if result is None:
                continue
            row, claims = result
            if row["article_id"] != article.article_id or row["text"] is not article.text:
                # Two articles with one entry (the same text and metadata): each its own identity.
                row = dict(row, text=article.text, **{c: getattr(article, c) for c in IDENTITY_COLUMNS})
                claims = [dict(c, article_id=article.article_id) for c in claims]
            article_rows.append(row)
            claim_rows.extend(claims)
        corpus = assemble(article_rows, claim_rows)
        corpus.errors = errors
        return corpus

    def extract_paths(self, inputs: Iterable[str | Path], progress: ProgressCallback | None = None) -> "Corpus":
        """read_articles + extract: the stored equivalent of `extract.extract_paths`."""
        articles, errors = read_articles(inputs)
        corpus = self.extract(articles, progress=progress)
        corpus.errors = errors + corpus.errors
        return corpus


def _extract_chunk(articles: list[Article], errors: list[InputError]) -> list[tuple[dict, list[dict]] | None]:
    """Per-article rows for a chunk; when the chunk raises, article by article, so one
    article that breaks the pipeline costs only itself."""
    from . import _rows_from_doc
    from .pipeline import build_nlp

    nlp = build_nlp()
    try:
        return [_rows_from_doc(a, doc) for a, doc in zip(articles, nlp.pipe(a.text for a in articles))]
    except Exception:  # noqa: BLE001 - retried one by one below, each failure reported
        pass
    results: list[tuple[dict, list[dict]] | None] = []
    for article in articles:
        try:
            results.append(_rows_from_doc(article, nlp(article.text)))
        except Exception as exc:  # noqa: BLE001 - an extractor bug must not lose the other articles
            errors.append(InputError(article.path or article.article_id,
                                     f"extraction failed ({exc.__class__.__name__}: {exc})"))
            results.append(None)
    return results


def assemble(article_rows: list[dict], claim_rows: list[dict]) -> "Corpus":
    """The Corpus of per-article rows: the corpus-level steps of `extract_articles`."""
    from . import Corpus, corpus_columns

    claims = pd.DataFrame(claim_rows, columns=[c for c in CLAIM_COLUMNS if c not in CORPUS_CLAIM_COLUMNS])
    articles_frame, claims = corpus_columns(pd.DataFrame(article_rows, columns=ARTICLE_COLUMNS), claims)
    return Corpus(articles=articles_frame, claims=claims)


def extract_paths_stored(inputs: Iterable[str | Path], store_dir: str | Path | None = None,
                         use_store: bool = True, warn: Callable[[str], None] | None = None,
                         progress: ProgressCallback | None = None) -> tuple["Corpus", StoreStats | None]:
    """extract_paths through the store when it can be opened; without it (and a warning)
    when it cannot, so a read-only checkout still extracts."""
    from . import extract_paths

    if use_store:
        try:
            with Store(store_dir) as store:
                corpus = store.extract_paths(inputs, progress=progress)
                return corpus, store.stats
        except StoreUnavailable as exc:
            if warn:
                warn(f"warning: extraction store not used: {exc}")
    return extract_paths(inputs), None


# --- corpus snapshots: a whole corpus's tables, opened without reading or matching again --
#
# Opening a 20,000-article corpus through Store.extract reads every file (seconds to tens of
# seconds) and runs the corpus-level passes again (matching: minutes). A snapshot keeps the
# finished tables as Parquet under <store>/snapshots/<key>/ (claims; the articles without
# their text; the texts apart, in small row groups), keyed by the inputs' signature (every
# article file's path, size and modification time) and EXTRACTOR_VERSION: opening reads the
# claims and the articles' metadata in a second or two, and one article's text on demand.
# Written under temporary names and committed by the manifest (SHA-256 of each file),
# written last: a half-written or damaged snapshot is never served.

SNAPSHOT_DIR = "snapshots"
SNAPSHOT_MANIFEST = "manifest.json"
SNAPSHOT_FILES = ("claims.parquet", "articles.parquet", "texts.parquet")
# Texts per row group: reading one article's text reads one group.
TEXT_ROW_GROUP = 128
# Snapshots kept (most recently written or opened first); older ones are removed. Opening
# one marks it used, so a large corpus the app keeps opening outlives a series of uploads.
SNAPSHOTS_KEPT = 8
ARTICLE_METADATA_COLUMNS = [c for c in ARTICLE_COLUMNS if c != "text"]
_verified_texts: set[tuple[str, str]] = set()


def input_signature(inputs: Iterable[str | Path]) -> tuple:
    """Every article file (and metadata file) of the inputs: absolute path, size and
    modification time. A file's content cannot change without one of them changing."""
    from .ingest import ARTICLE_SUFFIXES, METADATA_NAME

    entries = []
    for item in inputs:
        path = Path(item).resolve()
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() not in ARTICLE_SUFFIXES and f.name != METADATA_NAME and f.suffix.lower() != ".parquet":
                continue
            try:
                stat = f.stat()
            except OSError:
                entries.append((str(f), -1, -1))
                continue
            entries.append((str(f), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def snapshot_key(signature: tuple) -> str:
    return hashlib.sha256(repr((extractor_version(), signature)).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _snapshot_folder(key: str, store_dir: str | Path | None) -> Path:
    return Path(store_dir if store_dir is not None else default_store_dir()) / SNAPSHOT_DIR / key


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def save_snapshot(key: str, claims: pd.DataFrame | str | Path, articles: pd.DataFrame | str | Path,
                  errors: Iterable[InputError] = (), store_dir: str | Path | None = None) -> Path:
    """Keep a finished corpus under `key` (snapshot_key): tables as DataFrames, or as Parquet
    files (e.g. extract.parallel's output; the claims file is copied as it is)."""
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = _snapshot_folder(key, store_dir)

    def partial(name: str) -> Path:
        return folder / f".{name}.partial"

    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / SNAPSHOT_MANIFEST).unlink(missing_ok=True)
        if isinstance(claims, pd.DataFrame):
            claims.to_parquet(partial("claims.parquet"), index=False)
        else:
            shutil.copyfile(claims, partial("claims.parquet"))
        table = (pa.Table.from_pandas(articles, preserve_index=False) if isinstance(articles, pd.DataFrame)
                 else pq.read_table(articles))
        pq.write_table(table.select([c for c in table.column_names if c != "text"]), partial("articles.parquet"))
        pq.write_table(table.select(["article_id", "text"]), partial("texts.parquet"), row_group_size=TEXT_ROW_GROUP)
        del table
        files = {}
        for name in SNAPSHOT_FILES:
            os.replace(partial(name), folder / name)
            files[name] = _file_sha256(folder / name)
        manifest = {"version": extractor_version(), "files": files,
                    "errors": [[e.path, e.reason, e.skipped] for e in errors]}
        partial(SNAPSHOT_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        os.replace(partial(SNAPSHOT_MANIFEST), folder / SNAPSHOT_MANIFEST)
    except OSError as exc:
        raise StoreUnavailable(f"cannot write snapshot {folder}: {exc.strerror or exc}") from None
    others = sorted((p for p in folder.parent.iterdir() if p.is_dir() and p != folder),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[SNAPSHOTS_KEPT - 1:]:
        shutil.rmtree(old, ignore_errors=True)
    return folder


def _manifest(folder: Path) -> dict | None:
    try:
        manifest = json.loads((folder / SNAPSHOT_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("version") != extractor_version():
        return None
    # A manifest without its files' checksums cannot vouch for them (snapshot_text reads them).
    if not isinstance(manifest.get("files"), dict):
        return None
    return manifest


def _intact(folder: Path, manifest: dict, name: str) -> bool:
    try:
        return _file_sha256(folder / name) == manifest["files"][name]
    except (OSError, KeyError, TypeError):
        return False


def load_snapshot(key: str, store_dir: str | Path | None = None,
                  claim_columns: list[str] | None = None) -> "Corpus | None":
    """The corpus kept under `key`: every claim (only `claim_columns` when given) and the
    articles without their text (see snapshot_text); None when there is none, or when a
    file fails its checksum."""
    import pyarrow as pa

    from . import Corpus

    folder = _snapshot_folder(key, store_dir)
    manifest = _manifest(folder)
    if manifest is None or not all(_intact(folder, manifest, n) for n in ("claims.parquet", "articles.parquet")):
        return None
    try:
        claims = pd.read_parquet(folder / "claims.parquet", columns=claim_columns)
        articles = pd.read_parquet(folder / "articles.parquet")
        errors = [InputError(*entry[:3]) for entry in manifest.get("errors", [])]
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException):
        return None
    try:
        os.utime(folder)    # used now: evicted last
    except OSError:
        pass                # a read-only store still serves its snapshots
    return Corpus(articles=articles, claims=claims, errors=errors)


def snapshot_text(key: str, article_id: str, store_dir: str | Path | None = None) -> str | None:
    """One article's text from the snapshot under `key`: reads the ids, then the one row
    group holding it. The texts file's checksum is checked once per process."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = _snapshot_folder(key, store_dir)
    manifest = _manifest(folder)
    if manifest is None:
        return None
    verified = (str(folder), manifest["files"].get("texts.parquet", ""))
    if verified not in _verified_texts:
        if not _intact(folder, manifest, "texts.parquet"):
            return None
        _verified_texts.add(verified)
    try:
        texts = pq.ParquetFile(folder / "texts.parquet")
        ids = texts.read(columns=["article_id"]).column("article_id").to_pylist()
        if article_id not in ids:
            return None
        row = ids.index(article_id)
        group, first = 0, 0
        while first + texts.metadata.row_group(group).num_rows <= row:
            first += texts.metadata.row_group(group).num_rows
            group += 1
        return texts.read_row_group(group, columns=["text"]).column("text")[row - first].as_py()
    except (OSError, ValueError, IndexError, pa.ArrowException):
        return None
