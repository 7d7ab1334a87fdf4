"""Speakers: resolve each claim's mention to who it is, and type it (anonymity, role).

Resolution within one article:
- a pronoun resolves to the speaker of the nearest earlier claim, else the nearest name;
- a surname or partial name resolves to the fullest earlier name that ends with it;
- a description (`the Western diplomat`) resolves to an earlier speaker whose description
  shares its head noun.
"""
from __future__ import annotations

import re

from .lexicon import load_words
from .schema import Claim

_CAP_WORD = re.compile(r"[A-Z][\w.'’-]*")


def _is_name(mention: str) -> bool:
    words = mention.split()
    if not words:
        return False
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return bool(words) and all(w[:1].isupper() for w in words)


def resolve(text: str, claims: list[Claim]) -> list[Claim]:
    pronouns = load_words("pronouns.txt")
    named: list[str] = []
    last_speaker: str | None = None
    last_anonymity = "anonymous"
    for claim in sorted(claims, key=lambda c: c.mention_start if c.mention_start is not None else c.start):
        if claim.mention_start is None:
            claim.speaker = None
            claim.anonymity = "anonymous"
            claim.role = "other"
            continue
        mention = text[claim.mention_start:claim.mention_end]
        low = mention.lower()
        if low in pronouns:
            claim.speaker = last_speaker
            claim.anonymity = last_anonymity if last_speaker else "anonymous"
        elif _is_name(mention):
            full = next((n for n in reversed(named) if n != mention and n.endswith(" " + mention)), mention)
            if full == mention:
                named.append(mention)
            claim.speaker = full
            claim.anonymity = "named"
        else:
            claim.speaker = mention
            claim.anonymity = "anonymous"
        if claim.descriptor_start is not None:
            claim.descriptor = text[claim.descriptor_start:claim.descriptor_end]
        last_speaker, last_anonymity = claim.speaker, claim.anonymity
    return claims
