"""The tables the extractor produces: column names and meanings, in one place.

Everything downstream (matching, the store, the app, exports) reads these names.
"""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("direct", "indirect")
ANONYMITY = ("named", "anonymous")
ROLES = ("official", "analyst", "militia", "political", "institution", "media", "other")
STANCES = ("neutral", "distancing", "conceding", "denying")

# One row per claim.
CLAIM_COLUMNS = [
    "article_id",     # file name without extension, or the JSON record's id
    "outlet",         # publisher of the page (metadata, else inferred, else "Unknown")
    "date",           # ISO date when known, else None
    "kind",           # "direct" (inside quotation marks) or "indirect" (reported speech)
    "quote",          # the claim's text == text[quote_start:quote_end]
    "quote_start",
    "quote_end",
    "cue",            # the attribution cue as written ("said", "told", "according to"), or None
    "cue_start",
    "cue_end",
    "stance",         # how the cue frames the claim: neutral / distancing / conceding / denying
    "mention",        # the words naming the speaker at the attribution == text[speaker_start:speaker_end]
    "speaker_start",
    "speaker_end",
    "speaker",        # resolved speaker ("Mark Esper"), an anonymous description, or None
    "speaker_canonical",  # the speaker's name across the corpus (aliases and titles merged)
    "speaker_id",     # one id per speaker across the corpus (anonymous ones stay per article)
    "anonymity",      # named / anonymous
    "role",           # official / analyst / militia / political / institution / media / other
    "descriptor",     # role words the article gives the speaker, or None
    "sentence",       # the sentence or paragraph around the claim, for context
    "sentence_start",
    "rule",           # which attribution pattern found the claim (after-quote, continuation, …)
]

# Columns computed over the whole corpus rather than one article at a time.
CORPUS_CLAIM_COLUMNS = ["speaker_canonical", "speaker_id"]

# One row per article.
ARTICLE_COLUMNS = [
    "article_id",
    "outlet",
    "outlet_source",  # "metadata", "inferred" or "unknown"
    "date",
    "title",
    "url",
    "path",
    "content_hash",
    "n_chars",
    "n_claims",
    "text",
    "copy_of",        # article_id of the article this one copies (syndicated/translated), else None
]

# Columns extract.matching.link adds to the claims table (the same claim across articles).
MATCH_COLUMNS = [
    "claim_id",       # shared by every occurrence of one claim; from the canonical words + speaker
    "claim_text",     # the group's canonical text: its most common version, then the longest
    "version",        # this occurrence vs claim_text: exact / punctuation / truncated / extended / reworded
    "carried_by",     # distinct outlets carrying the claim (each unnamed publisher counts once)
    "carried_by_independent",  # those outlets minus pages that copy another article
    "first_seen",     # earliest date among the articles carrying it, or None
]


@dataclass
class Claim:
    """One attribution found in an article; offsets index the article text."""

    kind: str
    start: int
    end: int
    cue_start: int | None = None
    cue_end: int | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    # Offsets of the role words the article gives at the attribution (apposition or title).
    descriptor_start: int | None = None
    descriptor_end: int | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    # How the attribution was found (e.g. "after-quote", "before-quote", "continuation",
    # "according-to", "reported-that"): kept for debugging and the app's detail view.
    rule: str = ""
    # Filled by the speaker resolver.
    speaker: str | None = None
    anonymity: str = "anonymous"
    role: str = "other"
    descriptor: str | None = None
    stance: str = "neutral"
    extra: dict = field(default_factory=dict)
