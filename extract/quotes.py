"""Direct quotations: pair quotation marks into spans, across paragraphs when a quote runs on.

Marks are classed as opening or closing from the characters around them, not from their
glyph alone, because machine translation and scrapers garble curly marks (a ” that opens a
paragraph opens a quote). A quote whose paragraph ends unclosed continues when the next
paragraph opens with a mark (the newspaper convention for multi-paragraph quotes);
otherwise it ends at its paragraph's end.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .textindex import char_offsets

DOUBLE_MARKS = "\u201c\u201d\u201e\u201f\"\u00ab\u00bb"
SINGLE_MARKS = "\u2018\u2019"
_OPENERS = "\u201c\u201e\u201f\u00ab"
_CLOSERS = "\u201d\u00bb"
_WORDCHAR = re.compile(r"\w")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff")
# A markup tag left in the text by a scraper (`<tweet author="@x" datetime="2016-02-15">`):
# the marks around its attribute values are not quotation marks. An attribute value may
# hold a line break (`tweet-date="January 19, 2016\n">`); a tag is at most a few lines long.
_TAG = re.compile(r"<[A-Za-z][\w:-]*\s[^<>]{0,400}>")
# A credit line: up to eight words opening on a capital, perhaps a description after a
# comma (`Dean Baker, Center for Economic and Policy Research.`, `Former NAACP president Ben Jealous.`).
_CREDIT_LINE = re.compile(r"\s*[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,7}(?:,[^\n]{1,80})?\.?\s*")


@dataclass(frozen=True)
class Quote:
    start: int        # first character inside the marks
    end: int          # one past the last character inside the marks
    open_mark: int    # offset of the opening mark (or start when it was lost)
    close_mark: int | None  # offset of the closing mark, None when it never closed
    paragraphs: int = 1

    @property
    def outer(self) -> tuple[int, int]:
        return self.open_mark, (self.close_mark + 1) if self.close_mark is not None else self.end


def _straight(mark: str) -> bool:
    return mark == '"'


def _in_tag(tags: list[tuple[int, int]], i: int) -> bool:
    k = bisect_right(tags, (i, i)) - 1
    return k >= 0 and tags[k][0] < i < tags[k][1]


def _is_space(ch: str) -> bool:
    # Invisible format characters (a bidi mark or zero-width space a scraper left before a
    # paragraph's opening mark) count as the space they stand in.
    return ch == "" or ch.isspace() or ch in _INVISIBLE


def classify_mark(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the quotation mark at text[i]."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    left_open = _is_space(before) or before in "([{—–-/\u2014\u2013" or before in DOUBLE_MARKS + SINGLE_MARKS
    right_open = _is_space(after) or after in ".,;:!?)]}—–\u2014\u2013…" or after in DOUBLE_MARKS + SINGLE_MARKS
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    ch = text[i]
    if ch in _OPENERS or ch == "\u2018":
        return "open"
    if ch in _CLOSERS or ch == "\u2019":
        return "close"
    return "either"


def uses_single_marks(text: str) -> bool:
    """British style: single marks used as quotation marks throughout, no double marks."""
    if any(m in text for m in DOUBLE_MARKS):
        return False
    if "\u2018" not in text:
        return False    # (no opening mark to count: the scan below tries every offset of the text)
    opens = len(re.findall(r"(?:^|[\s(\[—–])\u2018\w", text, re.MULTILINE))
    return opens >= 2


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Quote spans in the given paragraphs (offsets into text), in text order."""
    marks = DOUBLE_MARKS + (SINGLE_MARKS if uses_single_marks(text) else "")
    tags = [m.span() for m in _TAG.finditer(text)] if "<" in text else []
    quotes: list[Quote] = []
    pending: tuple[int, int] | None = None  # (open mark offset, paragraphs spanned) of a run-on quote
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        # (A few distinct marks, rare in the text: found by str.find, not a class scan.)
        positions = char_offsets(text, marks, p_start, p_end)
        if marks is not DOUBLE_MARKS and SINGLE_MARKS[1] in marks:
            # Apostrophes (don’t, Iran’s) are not closing marks.
            positions = [i for i in positions if not (text[i] == "\u2019" and i + 1 < p_end and _WORDCHAR.match(text[i + 1]) and i > 0 and _WORDCHAR.match(text[i - 1]))]
        if tags:
            positions = [i for i in positions if not _in_tag(tags, i)]
        kinds = [classify_mark(text, i) for i in positions]
        open_at: int | None = None
        spanned = 1
        inner_close: int | None = None     # the closing mark of a quotation nested in the open one
        if pending is not None:
            if positions and positions[0] == p_start and kinds[0] != "close":
                open_at, spanned = pending[0], pending[1] + 1
                positions, kinds = positions[1:], kinds[1:]
            elif positions and kinds[0] == "close" and _CREDIT_LINE.fullmatch(text, p_start, positions[0]) is None:
                # The paragraph's first mark closes with nothing opened in it: a paragraph
                # break inside the quote (`… since George Bush’s election in.¶1988. The one
                # element … Democrats,”`). Garbled marks: the quote runs to that mark. (Not
                # over a credit line the closing mark strayed after: `"…¶Jane Roe, mayor."`.)
                open_at, spanned = pending[0], pending[1] + 1
            else:
                # The run-on quote never reopened: it ended with its last paragraph.
                prev_end = paragraphs[p_index - 1][1]
                quotes.append(Quote(pending[0] + 1, prev_end, pending[0], None, pending[1]))
            pending = None
        for k, (i, kind) in enumerate(zip(positions, kinds)):
            if open_at is None:
                if kind in ("open", "either"):
                    open_at, spanned = i, 1
                elif text[i] in _CLOSERS and k + 1 < len(kinds) and kinds[k + 1] == "close" \
                        and text[positions[k + 1]] in _CLOSERS:
                    # Two curly closing marks with nothing open between them: the first
                    # is a garbled opening mark (`He says,” there are …”`, a paragraph
                    # opening on ”), and the quote runs from the first mark to the last.
                    open_at, spanned = i, 1
                # Any other stray closing mark with nothing open: a lost opening mark; it is
                # left alone rather than guessing where the quote began.
            elif i == inner_close:
                inner_close = None      # the nested quotation closes; the outer one runs on
            elif kind in ("close", "either"):
                if i > open_at + 1:
                    quotes.append(Quote(open_at + 1, i, open_at, i, spanned))
                open_at = None
            elif i > open_at + 1 and k + 1 < len(kinds) and kinds[k + 1] != "open" and (
                    (k + 2 < len(kinds) and kinds[k + 2] != "open")
                    or _straight(text[open_at]) != _straight(text[i]) == _straight(text[positions[k + 1]])):
                # Two openings, then two closings: a quotation inside the quotation, marked
                # alike (`“… even when “your team” needs to be held accountable.”`). The
                # quote runs from the first mark to the last. (Two openings side by side,
                # `"“You don’t …,” Rubio responded …"`, are a doubled mark, not a nesting.)
                # So does a pair of the other style inside it: a straight quote's inner
                # quotation in curly marks (`"Scott defended Trump’s “Look at me!” line by
                # saying it was a “term of endearment” …`), which do not close it.
                inner_close = positions[k + 1]
            else:
                # Two openings in a row: a doubled or garbled mark. Treat a mark that
                # follows sentence-ending punctuation and a space as closing the first.
                if i >= 2 and text[i - 1].isspace() and text[i - 2] in ".!?,":
                    quotes.append(Quote(open_at + 1, i - 1, open_at, i, spanned))
                    # `…the Americans should leave Iraq, "said Saad Ali`: a closing mark
                    # with its space on the wrong side; an attribution follows, no new quote.
                    nxt = text[i + 1:i + 2]
                    open_at = None if nxt[:1].islower() else i
        if open_at is not None:
            pending = (open_at, spanned)
    if pending is not None and paragraphs:
        quotes.append(Quote(pending[0] + 1, paragraphs[-1][1], pending[0], None, pending[1]))
    return [q for q in quotes if text[q.start:q.end].strip()]
