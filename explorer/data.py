"""The corpus the app shows: extracted once per corpus content, then only read.

The frames are cached with `st.cache_resource` (shared, never copied, never mutated: every
filter builds new frames) under a key made of the input paths and each file's size and
modification time, so editing or adding a file re-extracts and nothing else does.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from extract import ARTICLE_COLUMNS, CLAIM_COLUMNS, InputError, extract_articles
from extract.ingest import ARTICLE_SUFFIXES, METADATA_NAME, read_articles
from extract.matching import link
from extract.schema import CORPUS_CLAIM_COLUMNS, MATCH_COLUMNS
from extract.speakers import canonical_speakers

REPO = Path(__file__).resolve().parents[1]
DEMO_FOLDER = REPO / "data"
# Articles per extraction step: small enough for a progress bar that moves.
PROGRESS_CHUNK = 32

ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class LoadedCorpus:
    articles: pd.DataFrame
    claims: pd.DataFrame
    errors: tuple[InputError, ...] = field(default_factory=tuple)

    @property
    def outlets(self) -> list[str]:
        return sorted(self.claims["outlet"].dropna().unique().tolist()) if len(self.claims) else []


def corpus_signature(paths: Iterable[str | Path]) -> tuple:
    """What the cache key needs to know about the inputs: every readable file's path, size
    and modification time (a file's content cannot change without one of them changing)."""
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


def extract_with_progress(paths: Iterable[str | Path], progress: ProgressCallback | None = None) -> LoadedCorpus:
    """extract_paths, a chunk of articles at a time so a caller can show progress; the
    corpus-level columns (one speaker across articles, the same claim across articles,
    copies) are computed once over the whole corpus, as extract_paths does."""
    articles, errors = read_articles(list(paths))
    article_frames, claim_frames = [], []
    total = len(articles)
    if progress:
        progress(0, total, "Extracting claims")
    for start in range(0, total, PROGRESS_CHUNK):
        chunk = extract_articles(articles[start:start + PROGRESS_CHUNK])
        article_frames.append(chunk.articles.drop(columns=["copy_of"], errors="ignore"))
        claim_frames.append(chunk.claims.drop(columns=CORPUS_CLAIM_COLUMNS + MATCH_COLUMNS, errors="ignore"))
        if progress:
            progress(min(start + PROGRESS_CHUNK, total), total, "Extracting claims")
    base_columns = [c for c in ARTICLE_COLUMNS if c != "copy_of"]
    articles_frame = (pd.concat(article_frames, ignore_index=True) if article_frames
                      else pd.DataFrame(columns=base_columns))
    non_empty = [f for f in claim_frames if len(f)]
    if non_empty:
        claims = canonical_speakers(pd.concat(non_empty, ignore_index=True))[CLAIM_COLUMNS]
    else:
        claims = pd.DataFrame(columns=CLAIM_COLUMNS)
    if progress:
        progress(total, total, "Matching claims across articles")
    articles_frame, claims = link(articles_frame, claims.reset_index(drop=True))
    return prepare(articles_frame, claims.reset_index(drop=True), tuple(errors))


def prepare(articles: pd.DataFrame, claims: pd.DataFrame, errors: tuple = ()) -> LoadedCorpus:
    """The frames as the pages read them: dates parsed once (new frames, inputs untouched)."""
    articles, claims = articles.copy(), claims.copy()
    claims["day"] = pd.to_datetime(claims["date"], errors="coerce", format="mixed").dt.normalize()
    articles["day"] = pd.to_datetime(articles["date"], errors="coerce", format="mixed").dt.normalize()
    return LoadedCorpus(articles=articles, claims=claims, errors=tuple(errors))


def default_sources() -> list[str]:
    """The folder the app opens: CLAIMSCOPE_DATA if set, else the demo corpus in data/."""
    return [os.environ.get("CLAIMSCOPE_DATA") or str(DEMO_FOLDER)]
