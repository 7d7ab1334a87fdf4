"""Is a quotation a claim? A small logistic model over features of the quote and its frame.

Scare quotes ("outsider"), titles ("Star Wars") and quoted terms are not claims; partial
quotes woven into reported speech are. Which is which depends on many weak signals (length,
the attribution found, first-person words, the word before the mark), so their weights are
learned from PolNeAR train by tools/train_quote_model.py and stored in
extract/data/quote_model.json; this module only computes features and applies the weights.
"""
from __future__ import annotations

import re

from . import logistic
from .attribution import is_title
from .schema import Claim

_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|we're|we’re|my|My|our|Our|me|us|you|You)\b")
_WORD = re.compile(r"\w+")
_BEFORE_TERMS = ("called", "calling", "calls", "as", "so-called", "dubbed", "term", "word", "phrase",
                 "the", "a", "an", "of", "his", "her", "their", "its", "labeled", "described", "branded")
# Quote length buckets (name, fewest words, most words), in the order the features are set.
_LENGTH_BUCKETS = (("n1", 1, 1), ("n2", 2, 2), ("n3", 3, 3), ("n4_6", 4, 6), ("n7_12", 7, 12), ("n13", 13, 10**9))
_SMALL = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with"}
# `CNN’s “New Day”`, `Ayn Rand's “Atlas Shrugged”`: a possessive right before the mark.
_POSSESSIVE_BEFORE = re.compile(r"\w[’']s\s*$")


def quote_features(text: str, claim: Claim, sentence: tuple[int, int], opens_sentence: bool,
                   has_speech_verb: bool) -> dict[str, float]:
    quoted = text[claim.start:claim.end]
    words = _WORD.findall(quoted)
    n = len(words)
    f: dict[str, float] = {"bias": 1.0}
    for bucket, lo, hi in _LENGTH_BUCKETS:
        if lo <= n <= hi:
            f[bucket] = 1.0
    f["rule=" + (claim.rule or "none")] = 1.0
    f["has_mention"] = 1.0 if claim.mention_start is not None else 0.0
    if words and all(w[:1].isupper() or w[:1].isdigit() or w in _SMALL for w in words) and words[0][:1].isupper():
        f["title_case"] = 1.0
    if quoted.rstrip()[-1:] in (",", ".", "?", "!"):
        f["ends_punct"] = 1.0
    if _FIRST_PERSON.search(quoted):
        f["first_person"] = 1.0
    if opens_sentence:
        f["opens_sentence"] = 1.0
    if has_speech_verb:
        f["speech_verb_in_sentence"] = 1.0
    before = _WORD.findall(text[max(sentence[0], claim.start - 40):claim.start])
    if before:
        prev = before[-1].lower()
        if prev in _BEFORE_TERMS:
            f["prev=" + prev] = 1.0
    else:
        f["prev=none"] = 1.0
    if quoted[:1].islower():
        f["starts_lower"] = 1.0
    return f


def names_a_title(text: str, claim: Claim) -> bool:
    """A short Title-Case quote right after a possessive is a programme's or a work's title
    (`told ABC’s “This Week”`, `Ayn Rand’s “Atlas Shrugged”`): nobody's words, whatever
    the speech verbs around it, so no weight decides it (on PolNeAR train the quote model
    kept 26 such titles as claims)."""
    lo = max(claim.sentence_start, claim.start - 20)
    return (is_title(text[claim.start:claim.end])
            and _POSSESSIVE_BEFORE.search(text, lo, max(lo, claim.start - 1)) is not None)


def claim_probability(features: dict[str, float]) -> float:
    return logistic.probability(logistic.load("quote_model.json"), features)
