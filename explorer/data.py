"""The corpus the app shows: from the store's snapshot of its files, else extracted
through the store (and a snapshot kept), then only read.

A corpus opened before (by the app, or by `python -m extract.parallel ... --snapshot`) is
read back from its snapshot (`extract.store.load_snapshot`: the finished tables as
Parquet, keyed by every input file's path, size and modification time and the extractor
version): no file read, nothing extracted or matched, about 1.5 s at 20,000 articles. The
articles' texts stay on disk until a page shows one (`article_text`).

Otherwise extraction goes through `extract.store.Store` (on disk, keyed by each article's
content hash, its metadata and the extractor version), so adding articles extracts only
those; the corpus-level columns (one speaker across articles, the same claim across
articles, copies) are recomputed over the whole corpus, and the result is kept as a
snapshot for the next open. A damaged or half-written snapshot fails its checksums and is
not served: the corpus is then opened this way and the snapshot written again.

In memory the frames are kept with `st.cache_resource` (explorer/state.py: shared, never
copied, never mutated: every filter builds new frames).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from extract import InputError, extract_articles
from extract.ingest import ARTICLE_SUFFIXES, METADATA_NAME, read_articles
from extract.schema import CLAIM_COLUMNS, MATCH_COLUMNS
from extract.store import (Store, StoreUnavailable, default_store_dir, load_snapshot, save_snapshot, snapshot_key,
                           snapshot_text)

REPO = Path(__file__).resolve().parents[1]
DEMO_FOLDER = REPO / "data"
# Articles extracted (and committed to the store) per step: a progress bar that moves.
PROGRESS_CHUNK = 64
# The claim columns the app holds: all but `sentence`, the largest (89 of 230 MiB at
# 20,000 articles), which no page shows. Read from a snapshot, they open a 20,000-article
# corpus in under 2 s, where every column takes 3-4 s.
APP_CLAIM_COLUMNS = [c for c in CLAIM_COLUMNS + MATCH_COLUMNS if c != "sentence"]
SNAPSHOT_NOTE = "store: snapshot of these files reused (nothing read, extracted or matched again)"

ProgressCallback = Callable[[int, int, str], None]


def use_jemalloc() -> None:
    """Arrow's allocations (a snapshot's Parquet read, pandas' Arrow-backed strings) from
    jemalloc rather than pyarrow's default, mimalloc, which on this machine spends about 2 s
    in the kernel when a process first reads a 20,000-article snapshot, against 0.3 s with
    jemalloc or the system allocator (docs/scale.md). An ARROW_DEFAULT_MEMORY_POOL set by
    whoever runs the app is left as it is."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return
    import pyarrow as pa

    try:
        pa.set_memory_pool(pa.jemalloc_memory_pool())
    except NotImplementedError:  # a pyarrow built without jemalloc
        pa.set_memory_pool(pa.system_memory_pool())


use_jemalloc()


@dataclass(frozen=True)
class LoadedCorpus:
    articles: pd.DataFrame
    claims: pd.DataFrame
    errors: tuple[InputError, ...] = field(default_factory=tuple)
    # How the store served it ("store: 5 reused, 0 extracted"), or why it was not used.
    store_note: str = ""
    # Names this corpus' content in the app's caches (explorer/state.py sets it).
    key: str = ""
    # The store's snapshot key of these inputs, and the store's folder: where the texts are
    # when `articles` has no "text" column (a corpus opened from its snapshot).
    snapshot: str = ""
    store_dir: str = ""

    @property
    def outlets(self) -> list[str]:
        return sorted(self.claims["outlet"].dropna().unique().tolist()) if len(self.claims) else []


def _is_input(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES or name == METADATA_NAME


def _walk(paths: Iterable[str | Path], on_folder: Callable[[str], None],
          on_file: Callable[[os.DirEntry | str], None]) -> None:
    """Every folder and input file under `paths` (os.scandir: no stat for what is skipped)."""
    def visit(folder: str) -> None:
        on_folder(folder)
        try:
            with os.scandir(folder) as entries:
                found = list(entries)
        except OSError:
            return
        for entry in found:
            if entry.is_dir():
                visit(entry.path)
            elif _is_input(entry.name):
                on_file(entry)

    for item in paths:
        path = str(item)
        if os.path.isdir(path):
            visit(path)
        else:
            on_file(path)


def _pathlib_suffix(name: str) -> str:
    """Path(name).suffix.lower(), without building a Path."""
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def _signed(name: str) -> bool:
    """The files extract.store.input_signature lists: articles, metadata, Parquet inputs."""
    suffix = _pathlib_suffix(name)
    return suffix in ARTICLE_SUFFIXES or name == METADATA_NAME or suffix == ".parquet"


def _signed_files(folder: str, parts: tuple[str, ...], found: list) -> None:
    """(path components under the input folder, entry) of every signed file below `folder`,
    descending as pathlib's rglob does on Python 3.11: not into symlinked folders."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():
                _signed_files(entry.path, parts + (entry.name,), found)
        elif _signed(entry.name) and entry.is_file():
            found.append((parts + (entry.name,), entry))


def corpus_signature(paths: Iterable[str | Path]) -> tuple:
    """Every input file's absolute path, size and modification time (a file's content
    cannot change without one of them changing): the in-memory key, and the store's snapshot
    key through snapshot_key. The very tuple `extract.store.input_signature` makes, so the
    app finds the snapshots `python -m extract.parallel --snapshot` writes
    (tests/test_app_data.py compares them), listed with os.scandir: 0.17 s for 20,000
    files where input_signature takes 0.65 s."""
    entries = []

    def add(name: str, stat) -> None:
        try:
            st = stat()
        except OSError:
            entries.append((name, -1, -1))
            return
        entries.append((name, st.st_size, st.st_mtime_ns))

    for item in paths:
        root = os.path.realpath(item)
        if not os.path.isdir(root):
            if _signed(os.path.basename(root)):
                add(root, lambda: os.stat(root))
            continue
        found: list = []
        _signed_files(root, (), found)
        # pathlib orders paths by their components ("a/b.txt" before "a-b.txt").
        found.sort(key=lambda item: item[0])
        for parts, entry in found:
            add(os.path.join(root, *parts), entry.stat)
    return tuple(entries)


def folders_stamp(paths: Iterable[str | Path]) -> tuple:
    """The modification times of the input folders (and of files given directly): they
    change when a file is added, removed or renamed, and cost one stat per folder, where
    corpus_signature costs one per file."""
    entries = []

    def stamp(path: str) -> None:
        try:
            entries.append((path, os.stat(path).st_mtime_ns))
        except OSError:
            entries.append((path, -1))

    _walk(paths, stamp, lambda entry: stamp(entry) if isinstance(entry, str) else None)
    return tuple(entries)


def open_corpus(paths: Iterable[str | Path], progress: ProgressCallback | None = None,
                store_dir: str | Path | None = None, signature: tuple | None = None) -> LoadedCorpus:
    """The corpus of `paths` as the pages read it: from the store's snapshot of these files
    when there is an intact one, else extracted through the store and kept as a snapshot.
    The store's folder is `store_dir`, else CLAIMSCOPE_STORE, else .claimscope/; when it
    cannot be opened (a read-only checkout) the corpus is extracted without it, which
    `store_note` says. `progress(done, total, step)` is called while opening, reading,
    extracting and matching. `signature`: corpus_signature(paths) when the caller has it."""
    paths = [str(p) for p in paths]
    folder = Path(store_dir) if store_dir is not None else default_store_dir()
    report = progress or (lambda done, total, step: None)
    report(0, 0, "Opening the corpus")
    # The signature is taken before any file is read: a file changed while it is read gives
    # a different signature next time, so the snapshot written below is never served for it.
    key = snapshot_key(signature if signature is not None else corpus_signature(paths))
    stored = load_snapshot(key, folder, claim_columns=APP_CLAIM_COLUMNS)
    if stored is not None:
        return prepare(stored.articles, stored.claims, tuple(stored.errors), SNAPSHOT_NOTE,
                       snapshot=key, store_dir=str(folder), copy=False)

    report(0, 0, "Reading articles")
    articles, errors = read_articles(paths)

    def extracting(done: int, total: int, step: str) -> None:
        report(done, total, step)
        if done >= total:
            report(len(articles), len(articles), "Matching claims across articles")

    try:
        with Store(folder) as store:
            corpus = store.extract(articles, chunk_size=PROGRESS_CHUNK, progress=extracting)
            note = store.stats.summary()
        stored_ok = True
    except StoreUnavailable as exc:
        report(0, len(articles), "Extracting claims")
        corpus = extract_articles(articles)
        note = f"store not used: {exc}"
        stored_ok = False
    errors = tuple(errors) + tuple(corpus.errors)
    if stored_ok:
        try:
            save_snapshot(key, corpus.claims, corpus.articles, errors, folder)
        except Exception as exc:  # a cache: failing to keep it must not fail the open
            note += f"; not kept for a fast re-open ({exc})"
    claims = corpus.claims[[c for c in APP_CLAIM_COLUMNS if c in corpus.claims.columns]]
    return prepare(corpus.articles, claims, errors, note, snapshot=key, store_dir=str(folder))


def prepare(articles: pd.DataFrame, claims: pd.DataFrame, errors: tuple = (), store_note: str = "",
            snapshot: str = "", store_dir: str = "", copy: bool = True) -> LoadedCorpus:
    """The frames as the pages read them: dates parsed once (new frames, inputs untouched,
    unless `copy` is False: frames no one else holds, such as a snapshot's just read)."""
    if copy:
        articles, claims = articles.copy(), claims.copy()
    claims["day"] = pd.to_datetime(claims["date"], errors="coerce", format="mixed").dt.normalize()
    articles["day"] = pd.to_datetime(articles["date"], errors="coerce", format="mixed").dt.normalize()
    return LoadedCorpus(articles=articles, claims=claims, errors=tuple(errors), store_note=store_note,
                        snapshot=snapshot, store_dir=store_dir)


def article_text(corpus: LoadedCorpus, article_id: str) -> str | None:
    """One article's full text, the text its claims' offsets index: from memory when the
    corpus was extracted in this process, else from its snapshot; failing that (the store
    keeps a few snapshots and may have removed this one) from its file again, when the file
    still holds that very text (same content hash). None when none of them has it."""
    articles = corpus.articles
    row = articles[articles["article_id"] == article_id]
    if row.empty:
        return None
    if "text" in articles.columns:
        text = row["text"].iloc[0]
        return text if isinstance(text, str) else None
    if corpus.snapshot:
        text = snapshot_text(corpus.snapshot, article_id, corpus.store_dir or None)
        if text is not None:
            return text
    path, content_hash = row["path"].iloc[0], row["content_hash"].iloc[0]
    if not isinstance(path, str) or not os.path.isfile(path):
        return None
    found, _ = read_articles([path])
    return next((a.text for a in found if a.content_hash == content_hash), None)


def default_sources() -> list[str]:
    """The folder the app opens: CLAIMSCOPE_DATA if set, else the demo corpus in data/."""
    return [os.environ.get("CLAIMSCOPE_DATA") or str(DEMO_FOLDER)]
