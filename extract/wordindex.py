"""The words of an article, found once; the words of any window of it are then a slice.

Attribution reads the words of many short windows of one text (the clause before a cue,
the content after it, a mention), several hundred per article and often the same words
again. Scanning each window with the word pattern costs a regular-expression match and a
tuple per word every time; here the whole text is scanned once and a window is two
bisections and a list slice.

A window's own scan and the slice agree whenever the pattern looks at no character outside
its match (no anchors, word boundaries, lookaround, atomic groups or possessive
quantifiers; checked once per pattern) and neither end of the window cuts a word of the
whole-text scan: a leftmost, non-overlapping scan started at a point that no match spans
finds the same matches from there on, and a match that ends within the window is found
the same whatever follows the window. Otherwise the window is scanned as before.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

# Pattern syntax whose result can depend on text outside the match itself.
_CONTEXT_SYNTAX = ("(?<", "(?=", "(?!", "(?>", "\\b", "\\B", "\\A", "\\Z", "^", "$", "++", "*+", "?+", "}+")


@lru_cache(maxsize=None)
def context_free(pattern: re.Pattern) -> bool:
    """Whether a match of the pattern depends on its own characters only, and is never empty."""
    return not any(s in pattern.pattern for s in _CONTEXT_SYNTAX) and pattern.match("") is None


class WordTable:
    """Every match of a pattern in one text: (start, end, word) in text order, with the
    starts and ends apart for bisection and each word lower-cased once."""

    __slots__ = ("words", "starts", "ends", "lowered")

    def __init__(self, text: str, pattern: re.Pattern):
        found = pattern.findall(text)
        words, starts, ends = [], [], []
        find = text.find
        end = 0
        # Each word is the next occurrence of its string: an earlier occurrence after the
        # previous word would itself be a match, found first (context-free pattern).
        for word in found:
            start = find(word, end)
            end = start + len(word)
            words.append((start, end, word))
            starts.append(start)
            ends.append(end)
        self.words, self.starts, self.ends = words, starts, ends
        self.lowered = [w.lower() for w in found]


@lru_cache(maxsize=4)
def word_table(text: str, pattern: re.Pattern) -> WordTable:
    return WordTable(text, pattern)


def words_between(text: str, pattern: re.Pattern, start: int, end: int) -> list[tuple[int, int, str]]:
    """[(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]"""
    if not context_free(pattern):
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]
    table = word_table(text, pattern)
    starts, ends = table.starts, table.ends
    i = bisect_left(starts, start)
    j = bisect_left(starts, end, i)
    if (i and ends[i - 1] > start) or (j > i and ends[j - 1] > end):
        # A window edge inside a word: the window's scan sees part of it.
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]
    return table.words[i:j]


def words_among(text: str, pattern: re.Pattern, vocabulary: frozenset[str]) -> list[tuple[int, int, str]]:
    """The words of the text whose lower-case form is in the vocabulary, in text order."""
    if not context_free(pattern):
        return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text) if m.group().lower() in vocabulary]
    table = word_table(text, pattern)
    words = table.words
    return [words[i] for i, low in enumerate(table.lowered) if low in vocabulary]
