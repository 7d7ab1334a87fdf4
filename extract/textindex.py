"""The matches of a pattern in an article, found once; those of any window are then a slice.

Attribution reads the words of many short windows of one text (the clause before a cue, the
content after it, a mention), several hundred per article and often the same words again,
and the article's cue words. Scanning each window costs a regular expression match and a
tuple per word every time; here the whole text is scanned once and a window is two
bisections and a list slice.

A window's own scan (`pattern.finditer(text, start, end)`) and the slice agree when neither
end of the window cuts a match of the whole-text scan and the pattern never looks past the
end of what it matches (no lookahead, `$`, `\\Z`, atomic groups or possessive repeats, and
`\\b` only where more of the match follows): a leftmost, non-overlapping scan started at a
point that no match spans finds the same matches from there on (Python's re lets lookbehind
and `\\b` see the text before the window, as the whole-text scan does), and a match that ends
inside the window is found the same whatever follows the window. The pattern is checked once,
on its parsed form; windows whose ends cut a match are scanned where they differ.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, compress

try:     # the parser of the standard re module (Python 3.11+); without it every window is scanned
    from re import _constants as _c
    from re import _parser as _p
except ImportError:   # pragma: no cover
    _c = _p = None


def _min_width(state, item) -> int:
    return _p.SubPattern(state, [item]).getwidth()[0]


def _window_safe(state, items, consumed_after: bool) -> bool:
    """Whether no item looks at text past the end of the match (see the module's docstring);
    consumed_after: text is always consumed after these items."""
    items = list(items)
    for k, (op, av) in enumerate(items):
        after = consumed_after or any(_min_width(state, later) > 0 for later in items[k + 1:])
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.GROUPREF):
            continue
        if op is _c.AT:
            if av in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
                continue
            if av in (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY) and after:
                continue
            return False
        if op is _c.BRANCH:
            if not all(_window_safe(state, alt, after) for alt in av[1]):
                return False
        elif op is _c.SUBPATTERN:
            if not _window_safe(state, av[3], after):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            if not _window_safe(state, av[2], after):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            # A lookbehind reads text before its position, which a window's scan sees too.
            if av[0] != -1 or not _window_safe(state, av[1], False):
                return False
        else:
            return False
    return True


@lru_cache(maxsize=None)
def window_safe(pattern: re.Pattern) -> bool:
    """Whether windows of the pattern's whole-text scan can stand for windows' own scans."""
    if _p is None:
        return False
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
    except Exception:   # pragma: no cover - a pattern re compiled always parses
        return False
    return parsed.getwidth()[0] > 0 and _window_safe(parsed.state, parsed, False)


@lru_cache(maxsize=None)
def _splitter(pattern: re.Pattern) -> re.Pattern | None:
    """The pattern as one capturing group, for re.split to return the matches between the
    text around them; None for a pattern with groups of its own."""
    if pattern.groups:
        return None
    try:
        return re.compile("(" + pattern.pattern + ")", pattern.flags)
    except re.error:   # e.g. inline global flags, which must open the pattern
        return None


class MatchTable:
    """Every match of a pattern in one text: (start, end, match) in text order, with the
    starts, ends and matched strings apart (for bisection, and for the tokenizer), each
    match lower-cased once, and the text between matches (gaps[k] before the k-th match,
    gaps[-1] after the last)."""

    __slots__ = ("matches", "starts", "ends", "words", "lowered", "gaps")

    def __init__(self, text: str, pattern: re.Pattern):
        splitter = _splitter(pattern)
        if splitter is not None:
            # [text before the first match, match, text between, match, ..., text after]:
            # one scan, and the offsets are running sums of the pieces' lengths.
            pieces = splitter.split(text)
            offsets = list(accumulate(map(len, pieces)))
            words, gaps = pieces[1::2], pieces[0::2]
            starts, ends = offsets[0:-1:2], offsets[1::2]
            matches = list(zip(starts, ends, words))
        else:
            matches = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
            starts = [m[0] for m in matches]
            ends = [m[1] for m in matches]
            words = [m[2] for m in matches]
            gaps = [text[a:b] for a, b in zip([0, *ends], [*starts, len(text)])]
        self.matches, self.starts, self.ends, self.words, self.gaps = matches, starts, ends, words, gaps
        self.lowered = list(map(str.lower, words))


@lru_cache(maxsize=8)
def match_table(text: str, pattern: re.Pattern) -> MatchTable:
    return MatchTable(text, pattern)


# The table last used per pattern: attribution asks for one text's matches hundreds of times
# in a row, and an identity test is cheaper than a cache lookup. Each entry is one tuple,
# replaced whole.
_recent: dict[int, tuple] = {}


def _table(text: str, pattern: re.Pattern) -> MatchTable | None:
    recent = _recent.get(id(pattern))
    if recent is not None and recent[0] is text and recent[1] is pattern:
        return recent[2]
    table = match_table(text, pattern) if window_safe(pattern) else None
    _recent[id(pattern)] = (text, pattern, table)
    return table


def _scan(text: str, pattern: re.Pattern, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]


def matches_between(text: str, pattern: re.Pattern, start: int, end: int) -> list[tuple[int, int, str]]:
    """[(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]"""
    return window_reader(pattern)(text, start, end)


@lru_cache(maxsize=None)
def window_reader(pattern: re.Pattern):
    """matches_between for one pattern, as a function of (text, start, end). Attribution
    reads ~200 windows an article: a caller that binds its pattern once (attribution._words)
    calls this function directly, one Python call a window instead of two."""
    key = id(pattern)

    def read(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        recent = _recent.get(key)     # _table, inlined
        if recent is not None and recent[0] is text and recent[1] is pattern:
            table = recent[2]
        else:
            table = _table(text, pattern)
        if table is None:
            return _scan(text, pattern, start, end)
        starts, ends = table.starts, table.ends
        i = bisect_left(starts, start)
        if i and ends[i - 1] > start:
            # The window starts inside a match: the window's scan sees part of it.
            return _scan_from_inside(text, pattern, table, start, end)
        j = bisect_left(starts, end, i)
        if j > i and ends[j - 1] > end:
            # The window ends inside a match: the matches before it are the table's, the rest
            # is scanned from the end of the last whole match (a point no match spans).
            if j - 1 == i:
                return _scan(text, pattern, start, end)
            return table.matches[i:j - 1] + _scan(text, pattern, ends[j - 2], end)
        return table.matches[i:j]

    return read


def _scan_from_inside(text: str, pattern: re.Pattern, table: MatchTable, start: int, end: int) -> list[tuple[int, int, str]]:
    """A window that starts inside a match of the table (`max(s, cue - 30)`): its own scan
    until one of its matches ends at a point that no match of the table spans; from that
    point on a scan finds the table's matches (see the module's docstring), so the rest of
    the window is sliced. Usually the first match (the end of the cut word) resyncs."""
    starts, ends = table.starts, table.ends
    found = []
    for m in pattern.finditer(text, start, end):
        e = m.end()
        found.append((m.start(), e, m.group()))
        k = bisect_left(starts, e)
        if not (k and ends[k - 1] > e):
            return found + matches_between(text, pattern, e, end)
    return found


def matches_among(text: str, pattern: re.Pattern, vocabulary: frozenset[str]) -> list[tuple[int, int, str]]:
    """The matches in the text whose lower-case form is in the vocabulary, in text order."""
    table = _table(text, pattern)
    if table is None:
        return [w for w in _scan(text, pattern, 0, len(text)) if w[2].lower() in vocabulary]
    # compress and map keep the test per word out of the interpreter loop.
    return list(compress(table.matches, map(vocabulary.__contains__, table.lowered)))


def has_whole_word(text: str, word: str, is_word_char, start: int = 0, end: int | None = None) -> bool:
    """Whether `word` occurs in text[start:end] not inside a longer run of the characters
    is_word_char accepts: re.search(r"(?<![…])WORD(?![…])", text, start, end) without a
    pattern compiled per word (a few str.find calls), with re's window rules: the character
    before `start` counts, none after `end` does."""
    n = len(word)
    end = len(text) if end is None else min(end, len(text))
    at = text.find(word, start, end)
    while at >= 0:
        if (at == 0 or not is_word_char(text[at - 1])) and (at + n == end or not is_word_char(text[at + n])):
            return True
        at = text.find(word, at + 1, end)
    return False


def char_offsets(text: str, chars: str, start: int = 0, end: int | None = None) -> list[int]:
    """[m.start() for m in re.compile("[chars]").finditer(text, start, end)], for a few
    distinct characters that are rare in the text (sentence marks, quotation marks): each is
    found by str.find, which runs at memchr speed, where a class scan tests every character
    in turn. Offsets are clamped as re clamps them (str.find would count negative ones from
    the end)."""
    start = max(start, 0)
    end = len(text) if end is None else max(end, 0)
    found = []
    for ch in chars:
        at = text.find(ch, start, end)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1, end)
    found.sort()
    return found
