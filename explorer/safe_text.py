"""Article text as Markdown that shows exactly the text: nothing in it can become HTML,
a link, an image, a formula or a coloured directive; only our own highlights are markup.
"""
from __future__ import annotations

import re
import string

# Every ASCII punctuation mark may start Markdown syntax somewhere (CommonMark allows a
# backslash before any of them and then shows the mark itself): escape them all.
_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

HIGHLIGHT_COLOURS = {"quote": "orange", "mention": "blue"}


def escape_markdown(text: str) -> str:
    """Plain text as Markdown source that renders to the same characters. Runs of white
    space become one space: in Markdown, leading spaces or line breaks are syntax too."""
    text = re.sub(r"\s+", " ", text or "")
    return _PUNCTUATION.sub(r"\\\1", text)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def labelled_segments(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """text[start:end] cut where a mark begins or ends; later marks win where they overlap."""
    cuts = {start, end}
    for m_start, m_end, _ in marks:
        for point in (m_start, m_end):
            if start < point < end:
                cuts.add(point)
    points = sorted(cuts)
    segments = []
    for a, b in zip(points, points[1:]):
        label = None
        for m_start, m_end, name in marks:
            if m_start <= a and b <= m_end:
                label = name
        segments.append((text[a:b], label))
    return segments


def article_markdown(text: str, marks: list[tuple[int, int, str]]) -> list[str]:
    """One Markdown string per paragraph, with the marked spans (label 'quote' or
    'mention') highlighted; a span that runs over paragraphs is highlighted in each."""
    marks = [(int(s), int(e), label) for s, e, label in marks if s is not None and e is not None and e > s]
    paragraphs = []
    for p_start, p_end in paragraph_spans(text):
        pieces = []
        for segment, label in labelled_segments(text, p_start, p_end, marks):
            escaped = escape_markdown(segment)
            if label and escaped.strip():
                core = escaped.strip()
                lead = " " if escaped.startswith(" ") else ""
                trail = " " if escaped.endswith(" ") else ""
                pieces.append(f"{lead}:{HIGHLIGHT_COLOURS[label]}-background[{core}]{trail}")
            else:
                pieces.append(escaped)
        paragraphs.append("".join(pieces).strip())
    return paragraphs
