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

    @property
    def outlets(self) -> list[str]:
        return sorted(self.claims["outlet"].dropna().unique().tolist()) if len(self.claims) else []


def corpus_signature(paths: Iterable[str | Path]) -> tuple:
    """What the in-memory key needs to know about the inputs: every readable file's path,
    size and modification time (a file's content cannot change without one of them
    changing; the store itself keys by content)."""
    entries = []
    for item in paths:
        path = Path(item)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() not in ARTICLE_SUFFIXES and f.name != METADATA_NAME:
                continue
            try:
                stat = f.stat()
            except OSError:
                entries.append((str(f), -1, -1))
                continue
            entries.append((str(f), stat.st_size, stat.st_mtime_ns))
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
