"""The outlet of an article: metadata first, then what the text says plainly, else Unknown."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import load_lines

UNKNOWN = "Unknown"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern, str]]:
    """`told the Washington Examiner`, `told The Atlantic`: an outlet talking about itself."""
    names = load_lines("outlets.txt")
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return [
        (re.compile(r"\btold\s+(?:the\s+)?(%s)\b" % alternation, re.IGNORECASE), "told"),
        (re.compile(r"\b(?:in an interview with|speaking to|said to)\s+(?:the\s+)?(%s)\b" % alternation, re.IGNORECASE), "told"),
        (re.compile(r"^\s*(?:©|copyright)\s*(?:\d{4}\s+)?(?:the\s+)?(%s)\b" % alternation, re.IGNORECASE | re.MULTILINE), "copyright"),
        (re.compile(r"\((%s)\)\s*[-—–]" % alternation, re.IGNORECASE), "dateline"),
    ]


def _canonical(found: str) -> str:
    for name in load_lines("outlets.txt"):
        if name.lower() == found.lower():
            return name
    return found


def infer_outlet(text: str) -> str | None:
    """The outlet an article names as its own publisher, or None."""
    for pattern, _how in _patterns():
        m = pattern.search(text)
        if m:
            return _canonical(m.group(1))
    return None


def outlet_for(metadata_outlet: str | None, text: str) -> tuple[str, str]:
    """(outlet, source) where source is metadata / inferred / unknown."""
    if metadata_outlet and metadata_outlet.strip():
        return metadata_outlet.strip(), "metadata"
    found = infer_outlet(text)
    if found:
        return found, "inferred"
    return UNKNOWN, "unknown"
