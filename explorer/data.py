"""The corpus the app shows: extracted once per corpus content, then only read.

The frames are cached with `st.cache_resource` (shared, never copied, never mutated: every
filter builds new frames) under a key made of the input paths and each file's size and
modification time, so editing or adding a file re-extracts and nothing else does.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from extract import ARTICLE_COLUMNS, CLAIM_COLUMNS, InputError, extract_articles
from extract.ingest import ARTICLE_SUFFIXES, METADATA_NAME, read_articles
from extract.schema import CORPUS_CLAIM_COLUMNS
from extract.speakers import canonical_speakers

REPO = Path(__file__).resolve().parents[1]
DEMO_FOLDER = REPO / "data"
# Articles per extraction step: small enough for a progress bar that moves.
PROGRESS_CHUNK = 32

ProgressCallback = Callable[[int, int], None]


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
    corpus-level speaker columns are computed once over all claims, as extract_paths does."""
    articles, errors = read_articles(list(paths))
    article_frames, claim_frames = [], []
    total = len(articles)
    if progress:
        progress(0, total)
    for start in range(0, total, PROGRESS_CHUNK):
        chunk = extract_articles(articles[start:start + PROGRESS_CHUNK])
        article_frames.append(chunk.articles)
        claim_frames.append(chunk.claims.drop(columns=CORPUS_CLAIM_COLUMNS, errors="ignore"))
        if progress:
            progress(min(start + PROGRESS_CHUNK, total), total)
    articles_frame = (pd.concat(article_frames, ignore_index=True) if article_frames
                      else pd.DataFrame(columns=ARTICLE_COLUMNS))
    non_empty = [f for f in claim_frames if len(f)]
    if non_empty:
        claims = canonical_speakers(pd.concat(non_empty, ignore_index=True))[CLAIM_COLUMNS]
    else:
        claims = pd.DataFrame(columns=CLAIM_COLUMNS)
    return prepare(articles_frame, claims.reset_index(drop=True), tuple(errors))


# --- claim matching columns --------------------------------------------------------------

MATCH_CLAIM_COLUMNS = ["claim_id", "claim_text", "carried_by", "carried_by_independent"]


def _normalise(text) -> str:
    text = unicodedata.normalize("NFKC", text if isinstance(text, str) else "").casefold()
    return re.sub(r"[\W_]+", " ", text).strip()


def _fallback_claim_id(quote: str | None, speaker: str | None) -> str:
    key = _normalise(quote) + "\x1f" + _normalise(speaker)
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def with_match_columns(articles: pd.DataFrame, claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The columns claim matching adds (claim_id, claim_text, carried_by,
    carried_by_independent; copy_of on articles), from extract.matching when it is there,
    otherwise a conservative stand-in: the same normalised words by the same speaker."""
    try:
        from extract import matching  # noqa: F401  (added by the claim-matching work)
    except ImportError:
        matching = None
    if matching is not None and hasattr(matching, "match_claims") and not {"claim_id"} <= set(claims.columns):
        articles, claims = matching.match_claims(articles, claims)
    articles = articles.copy()
    claims = claims.copy()
    if "copy_of" not in articles.columns:
        articles["copy_of"] = None
    if "claim_id" not in claims.columns:
        speaker = claims["speaker_canonical"] if "speaker_canonical" in claims else claims["speaker"]
        claims["claim_id"] = [_fallback_claim_id(q, s) for q, s in zip(claims["quote"], speaker)]
    if "claim_text" not in claims.columns:
        longest = claims.assign(_len=claims["quote"].str.len()).sort_values("_len", ascending=False)
        canonical = longest.drop_duplicates("claim_id").set_index("claim_id")["quote"]
        claims["claim_text"] = claims["claim_id"].map(canonical)
    if "carried_by" not in claims.columns:
        claims["carried_by"] = claims.groupby("claim_id")["outlet"].transform("nunique").astype("int64")
    if "carried_by_independent" not in claims.columns:
        copies = set(articles.loc[articles["copy_of"].notna(), "article_id"])
        original = claims[~claims["article_id"].isin(copies)]
        independent = original.groupby("claim_id")["outlet"].nunique()
        claims["carried_by_independent"] = claims["claim_id"].map(independent).fillna(0).astype("int64")
    return articles, claims


def prepare(articles: pd.DataFrame, claims: pd.DataFrame, errors: tuple = ()) -> LoadedCorpus:
    """The frames as the pages read them: matching columns present, dates parsed once."""
    articles, claims = with_match_columns(articles, claims)
    if "speaker_canonical" not in claims.columns:
        claims["speaker_canonical"] = claims["speaker"]
    claims["day"] = pd.to_datetime(claims["date"], errors="coerce", format="mixed").dt.normalize()
    articles["day"] = pd.to_datetime(articles["date"], errors="coerce", format="mixed").dt.normalize()
    return LoadedCorpus(articles=articles, claims=claims, errors=tuple(errors))


def default_sources() -> list[str]:
    """The folder the app opens: CLAIMSCOPE_DATA if set, else the demo corpus in data/."""
    return [os.environ.get("CLAIMSCOPE_DATA") or str(DEMO_FOLDER)]
