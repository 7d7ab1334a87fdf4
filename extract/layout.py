"""Article layout: paragraphs, crawler clutter, a leading date line, a headline.

Works on character offsets of the text as stored; nothing is rewritten, clutter is only
masked so that no claim is looked for inside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import load_lines

_PARA_RE = re.compile(r"[^\r\n]+")
# " date 2020-01-04 " at the very start of a crawled page, sometimes on the text's first line.
_DATE_PREFIX_RE = re.compile(r"^\ufeff?\s*date\s+(\d{4}-\d{2}-\d{2})\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _clutter_re() -> re.Pattern:
    patterns = load_lines("clutter.txt")
    return re.compile(r"^\s*(?:%s)\s*$" % "|".join(patterns), re.IGNORECASE)


@dataclass
class Layout:
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # article text only
    clutter: list[tuple[int, int]] = field(default_factory=list)
    date: str | None = None
    headline: tuple[int, int] | None = None


def analyse(text: str) -> Layout:
    layout = Layout()
    body_from = 0
    m = _DATE_PREFIX_RE.match(text)
    if m:
        layout.date = m.group(1)
        layout.clutter.append((0, m.end()))
        body_from = m.end()
    clutter_re = _clutter_re()
    for start, end in _lines(text, body_from):
        line = text[start:end]
        if not line.strip():
            continue
        if clutter_re.match(line):
            layout.clutter.append((start, end))
            continue
        # Trim surrounding white space so paragraph offsets sit on the words.
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        layout.paragraphs.append((start + lead, end - trail))
    if layout.paragraphs:
        first = layout.paragraphs[0]
        if is_headline(text[first[0]:first[1]], len(layout.paragraphs)):
            layout.headline = first
    return layout


def _lines(text: str, pos: int = 0):
    """The spans of _PARA_RE.finditer(text, pos) (runs of characters other than \\r and
    \\n), found by str.find, which runs at memchr speed, where the class scan tests every
    character in turn."""
    n = len(text)
    pos = max(pos, 0)
    while pos < n:
        newline = text.find("\n", pos)
        if newline < 0:
            newline = n
        ret = text.find("\r", pos, newline)
        end = newline if ret < 0 else ret
        if end > pos:
            yield pos, end
        pos = end + 1


def is_headline(line: str, n_paragraphs: int) -> bool:
    """A first line that reads as a headline: short and not ending like a sentence."""
    if n_paragraphs < 2:
        return False
    words = line.split()
    if not words or len(words) > 25:
        return False
    stripped = line.rstrip()
    if _QUOTE_THEN_CUE.search(stripped):
        return False   # `“We acted,” Defense Secretary Mark Esper said.` is the story's first line
    return not stripped.endswith((".", "!", "?", "”", '"', ":")) or len(words) <= 12 and stripped.endswith(".") and sum(w[:1].isupper() for w in words) > len(words) / 2


# A closing quotation mark followed later by a lower-case verb of speech ending the line.
_QUOTE_THEN_CUE = re.compile(r"[”\"][^“”\"]*\b(?:said|says|told|added|asked|wrote|tweeted|announced|declared)\.$")
