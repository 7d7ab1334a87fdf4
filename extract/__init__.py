"""Claimscope's extractor: news articles in, a table of attributed claims out.

    from extract import extract_paths
    corpus = extract_paths(["data/"])
    corpus.claims      # pandas DataFrame, columns extract.schema.CLAIM_COLUMNS
    corpus.articles    # pandas DataFrame, columns extract.schema.ARTICLE_COLUMNS
    corpus.errors      # per-file problems: [InputError(path, reason)]
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from .ingest import Article, InputError, read_articles
from .outlets import outlet_for
from .schema import ARTICLE_COLUMNS, CLAIM_COLUMNS, CORPUS_CLAIM_COLUMNS, Claim
from .speakers import canonical_speakers
from .matching import link

__all__ = ["Article", "Corpus", "InputError", "extract_paths", "extract_articles", "claims_for_article",
           "corpus_columns", "CLAIM_COLUMNS", "ARTICLE_COLUMNS", "EXTRACTOR_VERSION"]

def source_fingerprint(root: Path | None = None) -> str:
    """A hash of the extractor's code and data files: any change to how articles are
    extracted gives a new version, so the store never serves results of older code."""
    root = root or Path(__file__).resolve().parent
    digest = hashlib.sha1()
    for path in sorted([*root.glob("*.py"), *(root / "data").glob("*")]):
        if path.is_file():
            digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


# The release, plus the fingerprint of the code and data that produced the results.
EXTRACTOR_VERSION = f"0.2+{source_fingerprint()}"


@dataclass
class Corpus:
    articles: pd.DataFrame
    claims: pd.DataFrame
    errors: list[InputError] = field(default_factory=list)


# The claim columns one article gives, in the claims table's order.
_ARTICLE_CLAIM_COLUMNS = [c for c in CLAIM_COLUMNS if c not in CORPUS_CLAIM_COLUMNS]


def _claim_rows(article: Article, outlet: str, date: str | None, text: str, claims: list[Claim]) -> Iterator[tuple]:
    """The article's claims as tuples of _ARTICLE_CLAIM_COLUMNS: the claims DataFrame is
    built from them with less work than from one dict per row."""
    for c in sorted(claims, key=lambda c: (c.start, c.end, c.kind)):
        has_mention = c.mention_start is not None
        yield (
            article.article_id,
            outlet,
            date,
            c.kind,
            text[c.start:c.end],                                              # quote
            c.start,                                                          # quote_start
            c.end,                                                            # quote_end
            text[c.cue_start:c.cue_end] if c.cue_start is not None else None,   # cue
            c.cue_start,
            c.cue_end,
            c.stance,
            text[c.mention_start:c.mention_end] if has_mention else None,     # mention
            c.mention_start,                                                  # speaker_start
            c.mention_end,                                                    # speaker_end
            c.speaker,
            c.anonymity,
            c.role,
            c.descriptor,
            text[c.sentence_start:c.sentence_end],                            # sentence
            c.sentence_start,
            c.rule,
        )


def claims_for_article(article: Article, nlp=None) -> tuple[dict, list[dict]]:
    """Extract one article: its row for the articles table and its claim rows."""
    from .pipeline import build_nlp, make_doc

    nlp = nlp or build_nlp()
    doc = nlp(make_doc(nlp, article.text))
    return _rows_from_doc(article, doc)


def _rows_from_doc(article: Article, doc, as_tuples: bool = False) -> tuple[dict, list[dict]]:
    """The article's row and its claim rows (dicts by column; tuples in the order of
    _ARTICLE_CLAIM_COLUMNS with as_tuples)."""
    text = article.text
    ext = doc._     # (spaCy makes a new object on every read of doc._)
    layout = ext.layout
    date = article.date or (layout.date if layout else None)
    outlet, outlet_source = outlet_for(article.outlet, text)
    title = article.title
    if not title and layout and layout.headline:
        title = text[layout.headline[0]:layout.headline[1]]
    claims = list(_claim_rows(article, outlet, date, text, ext.claims or []))
    if not as_tuples:
        claims = [dict(zip(_ARTICLE_CLAIM_COLUMNS, claim)) for claim in claims]
    row = {
        "article_id": article.article_id,
        "outlet": outlet,
        "outlet_source": outlet_source,
        "date": date,
        "title": title,
        "url": article.url,
        "path": article.path,
        "content_hash": article.content_hash,
        "n_chars": len(text),
        "n_claims": len(claims),
        "text": text,
    }
    return row, claims


def extract_articles(articles: Iterable[Article], batch_size: int = 64, corpus_passes: bool = True) -> Corpus:
    """Run the pipeline over articles; return the articles and claims tables.

    With `corpus_passes=False` only the per-article part is done: the claims lack the
    corpus-level columns (CORPUS_CLAIM_COLUMNS, MATCH_COLUMNS) and `copy_of` is None, for a
    caller that extracts a corpus in pieces and runs `corpus_columns` once over the whole
    (extract.parallel)."""
    from .pipeline import build_nlp, make_doc

    nlp = build_nlp()
    articles = list(articles)
    article_rows, claim_rows = [], []
    docs = (make_doc(nlp, a.text) for a in articles)
    for article, doc in zip(articles, nlp.pipe(docs, batch_size=batch_size)):
        row, claims = _rows_from_doc(article, doc, as_tuples=True)
        article_rows.append(row)
        claim_rows.extend(claims)
    claims = pd.DataFrame(claim_rows, columns=_ARTICLE_CLAIM_COLUMNS)
    articles_frame = pd.DataFrame(article_rows, columns=ARTICLE_COLUMNS)
    if not corpus_passes:
        articles_frame["copy_of"] = None
        return Corpus(articles=articles_frame, claims=claims)
    articles_frame, claims = corpus_columns(articles_frame, claims)
    return Corpus(articles=articles_frame, claims=claims)


def corpus_columns(articles: pd.DataFrame, claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The corpus-level passes over a whole corpus's tables: one speaker under its aliases
    across articles (speaker_canonical, speaker_id), then the same claim across articles
    (MATCH_COLUMNS) and articles that copy articles (copy_of). Rows stay in the given order;
    columns of CLAIM_COLUMNS keep that order, the match columns follow.

    They read only some columns (claims: article_id, outlet, date, quote, quote_start,
    quote_end, speaker, anonymity; articles: article_id, outlet, date, text), so a caller
    short of memory may pass just those and join the new columns back by row position."""
    claims = claims.reset_index(drop=True)
    if claims.empty:
        claims = claims.assign(**{c: pd.Series(dtype=object) for c in CORPUS_CLAIM_COLUMNS})
    else:
        claims = canonical_speakers(claims)
    claims = claims[[c for c in CLAIM_COLUMNS if c in claims] + [c for c in claims if c not in CLAIM_COLUMNS]]
    articles, claims = link(articles, claims)
    return articles, claims.reset_index(drop=True)


def extract_paths(inputs: Iterable[str]) -> Corpus:
    """Read files and folders (see extract.ingest) and extract them."""
    articles, errors = read_articles(inputs)
    corpus = extract_articles(articles)
    corpus.errors = errors
    return corpus
