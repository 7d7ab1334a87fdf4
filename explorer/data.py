"""The corpus the app shows: extracted through the store, then only read.

Extraction goes through `extract.store.Store` (on disk, keyed by each article's content
hash, its metadata and the extractor version), so re-opening a corpus, after a restart too,
re-extracts nothing, and adding articles extracts only those; the corpus-level columns (one
speaker across articles, the same claim across articles, copies) are recomputed over the
whole corpus. In memory the frames are kept with `st.cache_resource` (explorer/state.py:
shared, never copied, never mutated: every filter builds new frames) under a key made of
the input paths and each file's size and modification time.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from extract import InputError, extract_articles
from extract.ingest import ARTICLE_SUFFIXES, METADATA_NAME, read_articles
from extract.store import Store, StoreUnavailable

REPO = Path(__file__).resolve().parents[1]
DEMO_FOLDER = REPO / "data"
# Articles extracted (and committed to the store) per step: a progress bar that moves.
PROGRESS_CHUNK = 64

ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class LoadedCorpus:
    articles: pd.DataFrame
    claims: pd.DataFrame
    errors: tuple[InputError, ...] = field(default_factory=tuple)
    # How the store served it ("store: 5 reused, 0 extracted"), or why it was not used.
    store_note: str = ""
    # Names this corpus' content in the app's caches (explorer/state.py sets it).
    key: str = ""

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


def corpus_signature(paths: Iterable[str | Path]) -> tuple:
    """What the in-memory key needs to know about the inputs: every input file's path, size
    and modification time (a file's content cannot change without one of them changing;
    the store itself keys by content)."""
    entries = []

    def on_file(entry) -> None:
        name = entry.path if isinstance(entry, os.DirEntry) else entry
        try:
            stat = entry.stat() if isinstance(entry, os.DirEntry) else os.stat(entry)
        except OSError:
            entries.append((name, -1, -1))
            return
        entries.append((name, stat.st_size, stat.st_mtime_ns))

    _walk(paths, lambda folder: None, on_file)
    return tuple(sorted(entries))


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
                store_dir: str | Path | None = None) -> LoadedCorpus:
    """The corpus of `paths` as the pages read it, extracted through the store (its folder:
    `store_dir`, else CLAIMSCOPE_STORE, else .claimscope/); without the store when it cannot
    be opened (a read-only checkout), which `store_note` says. `progress(done, total, step)`
    is called while reading, extracting and matching."""
    report = progress or (lambda done, total, step: None)
    report(0, 0, "Reading articles")
    articles, errors = read_articles(list(paths))

    def extracting(done: int, total: int, step: str) -> None:
        report(done, total, step)
        if done >= total:
            report(len(articles), len(articles), "Matching claims across articles")

    try:
        with Store(store_dir) as store:
            corpus = store.extract(articles, chunk_size=PROGRESS_CHUNK, progress=extracting)
            note = store.stats.summary()
    except StoreUnavailable as exc:
        report(0, len(articles), "Extracting claims")
        corpus = extract_articles(articles)
        note = f"store not used: {exc}"
    return prepare(corpus.articles, corpus.claims, tuple(errors) + tuple(corpus.errors), note)


def prepare(articles: pd.DataFrame, claims: pd.DataFrame, errors: tuple = (), store_note: str = "") -> LoadedCorpus:
    """The frames as the pages read them: dates parsed once (new frames, inputs untouched)."""
    articles, claims = articles.copy(), claims.copy()
    claims["day"] = pd.to_datetime(claims["date"], errors="coerce", format="mixed").dt.normalize()
    articles["day"] = pd.to_datetime(articles["date"], errors="coerce", format="mixed").dt.normalize()
    return LoadedCorpus(articles=articles, claims=claims, errors=tuple(errors), store_note=store_note)


def default_sources() -> list[str]:
    """The folder the app opens: CLAIMSCOPE_DATA if set, else the demo corpus in data/."""
    return [os.environ.get("CLAIMSCOPE_DATA") or str(DEMO_FOLDER)]
