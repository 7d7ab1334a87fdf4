"""Speakers: resolve each claim's mention to who it is, and type it (anonymity, role).

`resolve(text, claims)` works on one article. It first indexes the people the article names
(one regex pass over capitalised runs): each full name with the titles written before it
("Defense Secretary Mark Esper") and the appositions after it ("Mark Milley, the chairman of
the Joint Chiefs of Staff, said"). Then, claim by claim in the order of their mentions:

- a pronoun resolves to the most recent claim speaker of a plausible kind ("it" prefers an
  organisation, "he"/"she" a person), else to the nearest person named before it; "he" is
  no one the article shows to be a woman and "she" no man (the honorific it gives the
  surname, Mr. or Mrs./Ms.; a first name of first_names.tsv, learned from train; a
  descriptor word such as "spokeswoman", gendered_words.tsv);
- a name loses its titles and resolves to the full name the article gives ("President
  Trump" -> "Donald Trump", "Esper" -> "Mark Esper"); spellings of one name are normalised
  ("The U.S." -> "the United States", speaker_aliases.tsv, scope=article);
- a definite description resolves to an earlier speaker or a named person whose
  description has the same head noun and all its words ("the Western diplomat" -> "a senior
  Western diplomat stationed in the Middle East"; "the president" -> "Donald Trump"); "the
  other ..." only matches "another ..."; an unresolved description stays anonymous;
- "one of the people" resolves its inner description ("one of three people familiar ...").

Anonymity: `named` when the speaker is a person or organisation identified by name.
Role: from the descriptor at the attribution, else from what the article says of the
speaker elsewhere, else from the mention, with the roles_*.txt lexicons: the description's
head noun decides when it has a role of its own ("fighter", "fellow", "official"); a generic
head ("director", "member", "spokesman") takes its role from the body it belongs to.

`canonical_speakers(claims)` merges the aliases of one speaker across a corpus.
"""
from __future__ import annotations

import collections
import re
import string
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from . import textindex
from .lexicon import load_lines, load_table, load_words
from .schema import Claim

# Role lexicons in the order a descriptor's clue words are tried when its head is generic:
# the rarer, more specific kinds of body first (an armed group's spokesman is militia even
# if the descriptor also says "military").
CLUE_ORDER = ("militia", "political", "analyst", "media", "official", "institution")

_DETERMINERS = frozenset("""the a an this that these those some many several most few other
another one two three four five six seven eight nine ten dozens hundreds both each every
all no more its his her their our""".split())
_DEFINITE = frozenset("the this that these those".split())
_OTHER_MARKERS = frozenset(("other", "another", "second"))
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "his": "he", "its": "it", "their": "they",
                    "them": "they", "hers": "she", "theirs": "they"}
_PERSON_PRONOUNS = frozenset(("he", "she", "i"))
_FIRST_PERSON = frozenset(("i", "me", "my", "mine", "myself"))
# What a body issues: "the Pentagon statement" is the Pentagon speaking.
_UTTERANCES = frozenset("statement statements release letter tweet post memo communique communiqué".split())
_GROUP_PRONOUNS = frozenset(("they", "we"))
# Words that change which office a title names: "the president" is not the vice president.
_RANK_MODIFIERS = frozenset("vice deputy assistant under associate co acting lieutenant".split())
# Words after a description's head that start its post-modifier.
_POSTMODIFIER = frozenset("""of from at for in with to on by about within inside near who which
that whose familiar close knowledgeable aware stationed based speaking involved briefed
according""".split())
_FUNCTION_CAPS = frozenset("""the a an but and or so as if when while after before since
because although though in on at for from with by to of this that these those it its his her
their there here what which who how why where yet still then now meanwhile however also
earlier later last next first on""".split())
# Capitalised words that are places, bodies or things, never part of a person's name.
_NOT_PERSON_WORDS = load_words("not_person_words.txt")

# A word of a phrase: `(?:[A-Za-z]\.){2,}|[\w]+(?:[-’'][\w]+)*\.?`, written (as attribution._WORD
# is) to open on its first character, `\w` in both branches, so that re skips in C to the next
# word character and rules out each branch on the character after it.
_WORD = re.compile(r"\w(?:\.(?<=[A-Za-z]\.)(?:[A-Za-z]\.)+|\w*(?:(?:[-’']\w+)+|)\.?)")
# Capitalised words that open a sentence before a name and are no part of it (`Despite
# Santilli's …`, `Shortly`): prepositions and the opening adverbials.
_LEADING_WORDS = frozenset("despite during without under over through against like unlike amid".split()) \
    | load_words("opening_adverbials.txt")
# One capitalised word, allowing inner hyphens and apostrophes (O'Brien, al-Haq) and the dot
# of an initial or of an abbreviation that stands in names (the dotted titles of
# extract/data/titles.txt, Jr., St.). Another word's dot ends its sentence: `the Central
# Bank. Cole says` names no `Central Bank Cole`.
_NAME_ABBREVIATIONS = sorted({t[:-1].capitalize() for t in load_words("titles.txt") if t.endswith(".")} | {"Jr", "Sr", "St"})
# Lower-case particles that open a name (al-Haq, bin Laden, de Gaulle).
_PARTICLES = ("al", "el", "bin", "ibn", "de", "van", "von")
_CAP = (r"(?:[A-Z](?:\.[A-Z])+\.?|(?:[A-Z]|%s)\.|[A-Z][\w]*(?:[-’'][\w]+)*|(?:%s)[- ][A-Z][\w]*)"
        % ("|".join(_NAME_ABBREVIATIONS), "|".join(_PARTICLES)))
_INITIAL = re.compile(r"[A-Z]\.")


def _less_first(word: str) -> str:
    """A pattern for `word` less its first character, read already: the rest, then a
    look-behind over the whole word (`dm(?<=Adm)`); opening on a literal, it is ruled out on
    the first character that differs."""
    return "%s(?<=%s)" % (re.escape(word[1:]), re.escape(word))


# A run of capitalised words not preceded by a word character, hyphen or apostrophe:
# `(?<![\w’'-])` + _CAP + more capitalised words. Written so that the pattern opens on a
# character class, its first character (a capital or a particle's first letter), which re
# skips to in C; opening on the look-behind, it was tried at every offset of the text. The
# look-behind then reads that character and the one before it, and _CAP's alternatives
# follow in the same order, each less its first character (`(?<=[A-Z])` for those that open
# on a capital): the same runs (tests/test_speed_equivalence.py).
_RUN_FIRST = "A-Z" + "".join(sorted({re.escape(w[0]) for w in (*_NAME_ABBREVIATIONS, *_PARTICLES)}
                                    - set(string.ascii_uppercase)))
_CAP_HEAD = (r"[%s](?<![\w’'-].)(?:(?<=[A-Z])(?:(?:\.[A-Z])+\.?|(?:|%s)\.|[\w]*(?:[-’'][\w]+)*)|(?:%s)[- ][A-Z][\w]*)"
             % (_RUN_FIRST, "|".join(map(_less_first, _NAME_ABBREVIATIONS)), "|".join(map(_less_first, _PARTICLES))))
_CAP_RUN = re.compile(r"%s(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?%s)*" % (_CAP_HEAD, _CAP))
_POSSESSIVE = re.compile(r"[’']s?$")
_ELECTION_CLUE = re.compile(r"\b[A-Z][\w’'-]+[ \t]+(?:19|20)\d\d\b|\bTeam[ \t]+[A-Z]")


# --- lexicons -------------------------------------------------------------------------

class _Caseless:
    """A case-insensitive pattern (a lexicon's alternation) that answers for lower-cased ASCII
    text with a case-sensitive copy of itself: the same answers, several times faster, since
    re tries every alternative at every position when it ignores case. Text with other
    characters (and a pattern with upper-case letters, such as \\S) goes to the pattern itself.
    search and fullmatch answer True or False."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        source = pattern.pattern
        self.lowered = (re.compile(source, pattern.flags & ~re.IGNORECASE)
                        if source.isascii() and source == source.lower() else None)

    def search(self, text: str) -> bool:
        if self.lowered is not None and text.isascii():
            return self.lowered.search(text.lower()) is not None
        return self.pattern.search(text) is not None

    def fullmatch(self, text: str) -> bool:
        if self.lowered is not None and text.isascii():
            return self.lowered.fullmatch(text.lower()) is not None
        return self.pattern.fullmatch(text) is not None


@dataclass(frozen=True)
class _RoleLexicon:
    heads: dict[str, str]               # single word -> role, for a description's head
    clues: dict[str, _Caseless]         # role -> alternation of its words/phrases
    generic: dict[str, str]             # generic head -> default role
    other_heads: frozenset[str]


@lru_cache(maxsize=1)
def _roles() -> _RoleLexicon:
    heads: dict[str, str] = {}
    clues: dict[str, _Caseless] = {}
    for role in reversed(CLUE_ORDER):   # earlier roles in CLUE_ORDER win a shared word
        words = load_words(f"roles_{role}.txt")
        if role == "media":
            words = words | {w.lower() for w in load_lines("outlets.txt")}
        for w in words:
            if " " not in w:
                heads[w] = role
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        clues[role] = _Caseless(re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % alternation, re.IGNORECASE))
    generic = {row["word"]: row["default"] for row in load_table("role_generic_heads.tsv")}
    for word in generic:
        heads.pop(word, None)
    return _RoleLexicon(heads, clues, generic, load_words("roles_other.txt"))


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(t.rstrip(".") for t in load_words("titles.txt"))


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    return load_words("pronouns.txt") | frozenset(_OBJECT_PRONOUNS)


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    return {_key(name): name for name in load_lines("outlets.txt")}


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(_key(p) for p in load_lines("places.txt"))


@lru_cache(maxsize=1)
def _aliases() -> tuple[dict[str, str], dict[str, str]]:
    """(article-scope spellings, corpus-scope aliases): normalised alias -> canonical."""
    article, corpus = {}, {}
    for row in load_table("speaker_aliases.tsv"):
        (article if row["scope"] == "article" else corpus)[_key(row["alias"])] = row["canonical"]
    return article, corpus


@lru_cache(maxsize=1)
def _speech_verbs() -> _Caseless:
    verbs = sorted(load_words("speech_verbs.txt"), key=len, reverse=True)
    return _Caseless(re.compile(r"(?:%s)\b" % "|".join(re.escape(v) for v in verbs), re.IGNORECASE))


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]\.")

# The string helpers below are pure and called with the same names and phrases many times
# per article (and across articles): they are memoised, which leaves their results as they were.
_MEMO = 1 << 16


@lru_cache(maxsize=_MEMO)
def _key(name: str) -> str:
    """Comparison form of a name: lower-case, no leading article, no possessive."""
    name = _POSSESSIVE.sub("", name.strip().strip(",;:").strip())
    name = _LEADING_ARTICLE.sub("", name)
    return _SPACES.sub(" ", name).lower()


def _words(phrase: str) -> list[str]:
    """Words of a phrase; a dot is kept only where it marks an abbreviation or an initial
    ("U.S.", "Benjamin J. Rhodes")."""
    return list(_words_of(phrase))


@lru_cache(maxsize=_MEMO)
def _words_of(phrase: str) -> tuple[str, ...]:
    # Only a word ending in a dot can be an abbreviation; any other is kept as found.
    return tuple(w if w[-1] != "." or _ABBREVIATION.fullmatch(w) else w.rstrip(".") for w in _WORD.findall(phrase))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# --- roles ----------------------------------------------------------------------------

def _head(words: list[str]) -> str | None:
    """The head noun of a description: its last word before a post-modifier."""
    head = None
    for i, w in enumerate(words):
        low = w.lower()
        if i > 0 and head is not None and (low in _POSTMODIFIER or w in (",", ";")):
            break
        if low in ("and",) and head is not None:
            continue
        if low in _DETERMINERS and head is None:
            continue
        head = w
    return head


def role_of(phrase: str | None) -> str | None:
    """The role a descriptor or description gives its speaker, or None when it says nothing."""
    if not phrase:
        return None
    return _role_of(phrase)


# `A and other B` (`local fighters and other groups`): A is one of the Bs, named more closely.
_AND_OTHER = re.compile(r"\s+(?:and|or)\s+other\s+", re.IGNORECASE)


@lru_cache(maxsize=_MEMO)
def _role_of(phrase: str) -> str | None:
    if (other := _AND_OTHER.search(phrase)) is not None:
        # A's role where its words give one, else the Bs' (`Ward and other security experts`).
        role = _role_of(phrase[:other.start()])
        if role is not None:
            return role
    lex = _roles()
    words = [w for w in _words(phrase) if not w.endswith(("’s", "'s"))]
    head = _head(words)
    if head is not None:
        low = head.lower()
        for form in (low, _singular(low)):
            if form in lex.other_heads:
                return "other"
            if form in lex.heads:
                return lex.heads[form]
    if _ELECTION_CLUE.search(phrase):
        return "political"
    for role in CLUE_ORDER:
        if lex.clues[role].search(phrase):
            return role
    if head is not None:
        low = head.lower()
        for form in (low, _singular(low)):
            if form in lex.generic:
                return lex.generic[form]
    return None


_PARTICIPLE_FIRST = re.compile(r"\w+(?:ing|ed)\b")
_STATUS_PARTICIPLE = re.compile(r"(?:former|retired|elected|acting)\b", re.IGNORECASE)
_CLAUSE_WORD = re.compile(r"\b(?:that|there|is|are|was|were|has|have|had)\b", re.IGNORECASE)


@lru_cache(maxsize=_MEMO)
def _valid_descriptor(phrase: str) -> bool:
    """Attribution descriptors sometimes catch a clause ("said at a press conference",
    "there are signs that"); those say nothing about the speaker."""
    if _speech_verbs().search(phrase):
        return False
    if _PARTICIPLE_FIRST.match(phrase) and not _STATUS_PARTICIPLE.match(phrase):
        return False
    return not _CLAUSE_WORD.search(phrase)


# --- the people an article names ------------------------------------------------------

class _Person:
    """A full name of the article, where it stands, and its titles and appositions.

    The descriptors are read from the text around each occurrence when first asked for:
    only the speakers of claims (and descriptions looked up among the article's people)
    need them, and most names an article gives are nobody's speaker."""

    __slots__ = ("name", "positions", "text", "occurrences", "_descriptors")

    def __init__(self, name: str, text: str = ""):
        self.name = name
        self.positions: list[int] = []
        self.text = text
        self.occurrences: list[tuple[int, int]] = []    # (name start, end of its capitalised run)
        self._descriptors: list[str] | None = None

    @property
    def descriptors(self) -> list[str]:
        if self._descriptors is None:
            self._descriptors = _descriptors_at(self.text, self.occurrences)
        return self._descriptors

    def __eq__(self, other) -> bool:
        if not isinstance(other, _Person):
            return NotImplemented
        return (self.name, self.positions, self.descriptors) == (other.name, other.positions, other.descriptors)

    def __repr__(self) -> str:
        return f"_Person(name={self.name!r}, positions={self.positions!r}, descriptors={self.descriptors!r})"


def _descriptors_at(text: str, occurrences: list[tuple[int, int]]) -> list[str]:
    """Title words before each occurrence of a name and an apposition after it, in order."""
    appose = _apposition()
    found = []
    for name_start, run_end in occurrences:
        before = _descriptor_before(text, name_start)
        if before:
            found.append(before)
        a = appose.match(text, run_end)
        if a:
            found.append(a.group(1).strip())
    return found


@dataclass
class _Index:
    persons: dict[str, _Person]                     # full name -> person
    by_last: dict[str, list[str]]                   # last word (lower) -> full names
    occurrences: list[tuple[int, str]]              # (offset, full or partial name), in order


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?…:;][”\"’)]*\s+|\n\s*|[“\"(—–]\s*)$")


def _opens_sentence(text: str, at: int) -> bool:
    return _SENTENCE_OPENING.search(text, max(0, at - 4), at) is not None or at == 0


def _is_common(word: str, text: str) -> bool:
    """A capitalised word that is an ordinary word put first in its sentence ("Reports from
    Iraq", "Officials said"), not a name."""
    low = word.lower().rstrip(".")
    known = _common_word(low)
    if known is not None:
        return known
    if _PLAIN_WORD.fullmatch(low):
        return _has_word(text, low)
    return re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(low), text) is not None


@lru_cache(maxsize=_MEMO)
def _common_word(low: str) -> bool | None:
    """What the lexicons alone say of a lower-cased word for _is_common: False for an outlet
    or a place, True for a function word, opening adverbial or role word, None when only its
    use in the text can tell. Memoised: it depends on the word alone, and articles repeat
    their capitalised words."""
    if low in _outlets() or low in _places():
        return False
    lex = _roles()
    if low in _FUNCTION_CAPS or low in load_words("opening_adverbials.txt") or low in lex.heads \
            or low in lex.other_heads or low in lex.generic:
        return True
    if _singular(low) in lex.heads or _singular(low) in lex.other_heads:
        return True
    return None


_PLAIN_WORD = re.compile(r"[\w-]+")


def _is_word_char(ch: str) -> bool:
    """Whether ch is in [\\w-] (str.isalnum is the test re uses for \\w on str)."""
    return ch.isalnum() or ch == "_" or ch == "-"


def _has_word(text: str, word: str) -> bool:
    """Whether `word` (made of [\\w-] only) occurs in text as a whole word, i.e. not inside a
    longer run of [\\w-]. A few str.find calls per lookup: no regex to compile per word, and
    no per-article word set to build for the handful of words looked up."""
    return textindex.has_whole_word(text, word, _is_word_char)


def _split_titles(words: list[str]) -> int:
    """Index of the first word of the name in a capitalised run ("Defense Secretary Mark
    Esper" -> 2): the words after the last title word."""
    titles = _titles()
    cut = 0
    for i, w in enumerate(words):
        low = w.lower().rstrip(".")
        if low in titles or (low == "of" and i > 0 and words[i - 1].lower().rstrip(".") in titles):
            if i == len(words) - 1 and i > cut and w[:1].isupper() and words[i - 1] in _first_name_genders() \
                    and words[i - 1].lower() not in titles:
                break   # `Billie Jean King`: a title word after a first name ends the run as a surname
            cut = i + 1
    return cut


# Everything up to and including the last of these characters: the text before a name is
# read from after the last punctuation mark that ends a phrase.
_TO_LAST_PRE_STOP = re.compile(r".*[,;:.!?“”\"()—–]", re.DOTALL)
_PRE_STOPS = ",;:.!?“”\"()—–"


def _after_last_pre_stop(window: str) -> int:
    """_TO_LAST_PRE_STOP.match(window).end(), 0 when it does not match: one past the last stop
    character (rfind per character, where the greedy `.*` backtracks from the window's end)."""
    return max(map(window.rfind, _PRE_STOPS)) + 1
# Title words before a name are read from the name backwards and rarely run long: the words
# of the window's last _TAIL characters or so settle most names (see _descriptor_before).
_TAIL = 40
_UNSETTLED = object()


def _descriptor_before(text: str, start: int) -> str | None:
    """Title words written right before a name ("Former White House national security
    adviser", "27-year-old Kataib Hezbollah fighter")."""
    window = text[max(0, start - 120):start]
    stop = _after_last_pre_stop(window)
    if stop:
        window = window[stop:]
    if len(window) > _TAIL:
        # Words are never split by a space, and _WORD looks behind only at what it has read
        # itself (never before a match): the words after a space are the same whether the
        # window is read from its start or from that space. So read the tail first, and the
        # whole window only when the tail does not settle it.
        tail_from = window.rfind(" ", 0, len(window) - _TAIL)
        if tail_from > 0:
            found = _title_words(window, list(_WORD.finditer(window, tail_from)), True)
            if found is not _UNSETTLED:
                return found
    return _title_words(window, list(_WORD.finditer(window)), False)


def _title_words(window: str, words: list[re.Match], tail_only: bool):
    """The descriptor made of the last title-like words of `words` (matches in window), or
    None. With tail_only, `words` are the last words of the window only: _UNSETTLED when the
    answer may depend on the words before them (no break at index 1 or later)."""
    titles, lex = _titles(), _roles()
    keep = len(words)
    settled = False
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group()
        low = w.lower().rstrip(".")
        if low == "and" and not (0 < i < len(words) - 1 and words[i - 1].group().islower()
                                 and words[i + 1].group().islower()):
            # "author and commentator" is one descriptor; "Mark Esper and Vice President" is not.
            settled = i > 0
            break
        if (low in titles or low in lex.heads or low in lex.generic or w[:1].isupper()
                or any(ch.isdigit() for ch in w) or "-" in w or low == "and"):
            if _is_speech_verb(low):
                settled = i > 0
                break
            keep = i
            continue
        settled = i > 0
        break
    if tail_only and not settled:
        return _UNSETTLED
    words = words[keep:]
    while words and (words[0].group().lower() in _FUNCTION_CAPS or words[0].group().lower() == "and"):
        words = words[1:]
    if not words:
        return None
    phrase = window[words[0].start():words[-1].end()]
    return phrase if role_of(phrase) else None


@lru_cache(maxsize=_MEMO)
def _is_speech_verb(word: str) -> bool:
    return _speech_verbs().fullmatch(word)


@lru_cache(maxsize=1)
def _apposition() -> re.Pattern:
    verbs = "|".join(re.escape(v) for v in sorted(load_words("speech_verbs.txt"), key=len, reverse=True))
    # "Name, the director of X at Y, said": up to the comma before a speech verb, else the
    # first comma or sentence end.
    return re.compile(
        r",[ \t]+((?:the|a|an|then|now|former)[ \t][^.;:!?“”\"\n]{2,160}?)"
        r"(?=,[ \t]+(?:\w+ly[ \t]+)?(?:%s)\b|[.;:!?“”\"\n]|,[ \t]+(?:who|which|and|but)\b)" % verbs)


@lru_cache(maxsize=_MEMO)
def _run_name(run: str) -> tuple[int, int, str, str] | None:
    """What a capitalised run names, from the run alone: (number of title words before the
    name, number of name words, first name word, name), or None when it names no person.
    Memoised: articles repeat their runs ("Trump", "The", "Defense Secretary Mark Esper")."""
    words = _words(run)
    if not words:
        return None
    cut = _split_titles(words)
    name_words = words[cut:]
    while name_words and (name_words[0].lower() in _FUNCTION_CAPS or name_words[0].lower() in _LEADING_WORDS):
        name_words = name_words[1:]
    if not name_words or len(name_words) > 4:
        return None
    name_words[-1] = _POSSESSIVE.sub("", name_words[-1])
    name = " ".join(name_words)
    # An all-capitals word (an acronym, a shouted headline) is no name's, an initial is.
    if (any(w.lower() in _NOT_PERSON_WORDS or (w.isupper() and not _INITIAL.fullmatch(w)) for w in name_words)
            or _key(name) in _places() or _key(name) in _outlets() or name.lower() in _regions()):
        return None
    return cut, len(name_words), name_words[0], name


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    return load_words("regions.txt")


_REGION_AFTER = re.compile(r",[ \t]*([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*)?)")


def _before_region(text: str, end: int) -> bool:
    """Whether a state or country set off by a comma follows (`Dayton, Ohio`)."""
    m = _REGION_AFTER.match(text, end)
    if m is None:
        return False
    place = m.group(1).lower()
    return place in _regions() or place.split()[0] in _regions() or place in _places() or place.split()[0] in _places()


@lru_cache(maxsize=_MEMO)
def _may_be_lone_name(name: str) -> bool:
    """Whether a lone capitalised word may be a name by the lexicons (no opening adverbial,
    region or pronoun); memoised, as it depends on the word alone (see _index)."""
    low = name.lower()
    return low not in load_words("opening_adverbials.txt") and low not in _regions() and low not in _pronouns()


def _index(text: str) -> _Index:
    persons: dict[str, _Person] = {}
    occurrences: list[tuple[int, str]] = []
    first_names = _first_name_genders()
    # _is_common searches the text; an article repeats its capitalised words.
    common: dict[str, bool] = {}

    def is_common(word: str) -> bool:
        known = common.get(word)
        if known is None:
            known = common[word] = _is_common(word, text)
        return known

    for m in _CAP_RUN.finditer(text):
        run = m.group()
        found = _run_name(run)
        if found is None:
            continue
        cut, n_words, first_word, name = found
        while n_words > 1 and cut == 0 and first_word not in first_names and is_common(first_word):
            # `Does Rubio`, `Interestingly Blocher`, `Top Clinton`: a word the article also
            # writes in lower case, before a name, is no part of it, unless it is a first
            # name (`Bill`, `Mark`).
            name = name[len(first_word):].lstrip()
            n_words -= 1
            first_word = name.split()[0]
        if n_words == 1 and (cut == 0 or is_common(name)):
            # A lone capitalised word counts as a name only with a title before it; one
            # that opens a sentence as an adverbial (`Somewhere in there, he …`), a state
            # or a city set off before its state (`in Dayton, Ohio, he …`) is no one a
            # pronoun can stand for.
            if _may_be_lone_name(name) and not _before_region(text, m.end()):
                occurrences.append((m.start(), name))
            continue
        # Offset where the name itself starts inside the run.
        name_start = m.start() + run.rfind(first_word)
        person = persons.get(name)
        if person is None:
            person = persons[name] = _Person(name, text)
        person.positions.append(name_start)
        person.occurrences.append((name_start, m.end()))
        occurrences.append((name_start, name))
    # `Killing Soleimani` beside `Qassem Soleimani`: a run opening on an ordinary word
    # (common_words.txt, learned from train) that is no first name, whose surname another
    # full name of the article has, is the name after that word (`Soleimani`; `Billionaire
    # Donald Trump` is `Donald Trump`, `Some of Sanders` is `Sanders`), whatever its
    # capital says.
    surnames = collections.Counter(name.split()[-1] for name in persons)
    for name in [n for n in persons if " " in n]:
        first, rest = name.split(" ", 1)
        last = rest.rsplit(" ", 1)[-1]
        if surnames[last] < 2 or first.lower() not in load_words("common_words.txt") or first in first_names:
            continue
        person = persons.pop(name)
        surnames[last] -= 1
        rest_words = rest.split()
        while rest_words[0] in _FUNCTION_CAPS:
            rest_words.pop(0)
        rest = " ".join(rest_words)
        if " " in rest:
            if rest not in persons:
                persons[rest] = _Person(rest, text)
                surnames[last] += 1
            kept = persons[rest]
            for (start, end) in person.occurrences:
                kept.positions.append(text.find(rest_words[0], start))
                kept.occurrences.append((kept.positions[-1], end))
        occurrences = [(text.find(rest_words[0], pos), rest) if n == name else (pos, n) for pos, n in occurrences]
    # A lone name ("Trump" with a title) is a surname of the full name when the article has one.
    by_last: dict[str, list[str]] = {}
    for name in persons:
        by_last.setdefault(name.split()[-1].lower(), []).append(name)
    for name in [n for n in persons if " " not in n]:
        fuller = [f for f in by_last.get(name.lower(), []) if " " in f]
        if fuller:
            persons[fuller[0]].occurrences.extend(persons.pop(name).occurrences)
            by_last[name.lower()].remove(name)
    return _Index(persons, by_last, occurrences)


# --- speakers -------------------------------------------------------------------------

@dataclass
class _Speaker:
    name: str
    named: bool
    kind: str                       # "person", "group", "org" or "thing" (see _description_kind)
    descriptors: list[str] = field(default_factory=list)
    description: str | None = None  # the anonymous description as first written
    role: str = "other"


def _full_name(index: _Index, name: str, at: int, gender: str | None = None) -> str:
    """The fullest name the article gives for a surname or partial name: the nearest full
    name before `at`, else the first after it. With the gender of an honorific (`Mrs.
    Clinton`), a full name whose first name is of the other gender is passed over (an
    article with Bill and Hillary Clinton)."""
    words = name.split()
    candidates = [n for n in index.by_last.get(words[-1].lower(), [])
                  if len(n.split()) > len(words) and n.endswith(name)]
    if gender is not None and len(candidates) > 1:
        genders = _first_name_genders()
        candidates = [n for n in candidates if genders.get(n.split()[0]) in (None, gender)] or candidates
    if not candidates:
        return name
    def nearest(n: str) -> tuple[int, int]:
        before = [p for p in index.persons[n].positions if p < at]
        return (0, at - max(before)) if before else (1, min(index.persons[n].positions))
    return min(candidates, key=nearest)


def _strip_titles(words: list[str]) -> list[str]:
    cut = _split_titles(words)
    rest = words[cut:]
    return rest if rest else words


@lru_cache(maxsize=_MEMO)
def _is_org_name(name: str, det: str | None) -> bool:
    # Memoised: it depends on the name and its determiner alone, and articles repeat names.
    key = _key(name)
    if key in _outlets() or key in _places() or key in _aliases()[0] or key in _aliases()[1]:
        return True
    words = name.split()
    if any(w.lower() in _NOT_PERSON_WORDS or _roles().clues["institution"].fullmatch(w) for w in words):
        return True
    return det in ("the",) or (len(words) == 1 and words[0].isupper())


def _org_role(name: str) -> str:
    if _key(name) in _outlets():
        return "media"
    for role in ("militia", "political", "media"):
        if _roles().clues[role].search(name):
            return role
    return "institution"


def _display_org(name: str, det: str | None) -> str:
    spelled = _aliases()[0].get(_key(name))
    if spelled:
        return spelled
    if _key(name) in _outlets():
        return _outlets()[_key(name)]
    return f"the {name}" if det == "the" else name


def _lower_det(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return (first.lower() + (" " + rest if rest else "")) if first.lower() in _DETERMINERS else phrase


def _content(words: list[str]) -> set[str]:
    return {_singular(w.lower()) for w in words if w.lower() not in _DETERMINERS and w.lower() not in _OTHER_MARKERS}


@lru_cache(maxsize=_MEMO)
def _head_key(phrase: str) -> str | None:
    """The head noun of a phrase as _describes compares heads (singular, lower-case), or None."""
    head = _head(_words(phrase))
    return _singular(head.lower()) if head else None


def _describes(desc_words: list[str], candidate: str) -> bool:
    """Whether a definite description fits an earlier description or title: same head noun
    and every word of the description found in it, and "the other" only for "another"."""
    cand_words = _words(candidate)
    head, cand_head = _head(desc_words), _head(cand_words)
    if not head or not cand_head or _singular(head.lower()) != _singular(cand_head.lower()):
        return False
    if not _content(desc_words) <= _content(cand_words):
        return False
    wants_other = any(w.lower() in _OTHER_MARKERS for w in desc_words)
    is_other = any(w.lower() in _OTHER_MARKERS for w in cand_words[:2])
    if wants_other != is_other:
        return False
    low_desc = {w.lower() for w in desc_words}
    return not any(w.lower() in _RANK_MODIFIERS and w.lower() not in low_desc for w in cand_words)


_MEDIA_BODIES = frozenset("agency newspaper paper outlet network channel broadcaster magazine".split())


@lru_cache(maxsize=1)
def _outlet_pattern() -> re.Pattern:
    names = sorted(load_lines("outlets.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(n) for n in names))


def _description_kind(head: str | None) -> str:
    """What an anonymous description names: "person", "group" (plural people), "org" (a
    body: "the ministry") or "thing" (a headline, a report: never "he" or "she")."""
    if head is None:
        return "thing"
    low = head.lower()
    one = _singular(low)
    lex = _roles()
    if lex.clues["institution"].fullmatch(low) or low in _MEDIA_BODIES:
        return "org"
    if one in _titles() or one in lex.generic or one in lex.other_heads or low in lex.other_heads or \
            one in lex.heads or low in lex.heads:
        return "group" if one != low else "person"
    return "thing"


def _may_refer(head: str, org: _Speaker) -> bool:
    """Whether "the <head>" can name an organisation that spoke: "the agency" a news agency
    or a government body, "the campaign" a campaign, "the statement" anyone's."""
    low = head.lower()
    if low in _UTTERANCES:
        return True
    role = _org_role(org.name)
    if low in _MEDIA_BODIES:
        return role in ("media", "institution")
    wanted = role_of(head)
    return role == wanted or (wanted in ("official", "institution") and role == "institution")


_ONE_OF_THE = re.compile(r"(one|some|many|most|two|three|several|each|any|none|all|both)\s+of\s+(the\s+.+)$",
                         re.IGNORECASE)


# `(?=M)\b(Mr|Mrs|Ms|Miss)\.?\s+…` written to open on the literal M, which re finds at memchr
# speed over the whole article, the word boundary before it then read by a look-behind over
# M and the character before it (a pattern opening on a look-ahead or \b is tried at every
# offset: 33 M instructions over every 14th train article, now 2 M). Same matches and groups.
_HONORIFIC = re.compile(r"(M(?<!\wM)(?:r|rs|s|iss))\.?\s+([A-Z][\w’'-]+)")
_HONORIFIC_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_PRONOUN_GENDER = {"he": "m", "she": "f"}


def honorific_genders(text: str) -> dict[str, str]:
    """Surname -> "m" or "f", for the surnames an article writes with the honorifics of one
    gender only (`Mr. Sanders`; `Mrs. Clinton` beside `Mr. Clinton` says nothing)."""
    seen: dict[str, set[str]] = {}
    for m in _HONORIFIC.finditer(text):
        seen.setdefault(m.group(2), set()).add(_HONORIFIC_GENDER[m.group(1)])
    return {last: next(iter(g)) for last, g in seen.items() if len(g) == 1}


@lru_cache(maxsize=1)
def _first_name_genders() -> dict[str, str]:
    # The census table (tools/census_first_names.py) knows most first names; the one learned
    # from train's honorifics (tools/learn_first_names.py) adds the news names it lacks
    # (`Barack`, `Bernie`) and, learned from the news itself, wins where both know a name.
    genders = {row["name"]: row["gender"] for row in load_table("census_first_names.tsv")}
    genders.update({row["name"]: row["gender"] for row in load_table("first_names.tsv")})
    return genders


@lru_cache(maxsize=1)
def _gendered_words() -> dict[str, str]:
    return {row["word"]: row["gender"] for row in load_table("gendered_words.tsv")}


def _quoted_at(text: str, at: int) -> bool:
    """Whether `at` is inside a quotation its paragraph opens before it: more opening than
    closing curly marks, or an odd number of straight ones (`"` or the `''` some papers
    write)."""
    paragraph = text[text.rfind("\n", 0, at) + 1:at]
    if paragraph.count("\u201c") > paragraph.count("\u201d"):
        return True
    return paragraph.count('"') % 2 == 1 or paragraph.count("''") % 2 == 1


class _Resolver:
    def __init__(self, text: str, quoted: list[tuple[int, int]] = (), contents: list[tuple[int, int]] = ()):
        self.text = text
        self.index = _index(text)
        # Direct quotes' spans: a name inside a quotation is one its speaker says, no
        # antecedent the writer gives a pronoun (`“Hello, Tom,” he said` is not Tom).
        self.quoted = sorted(quoted)
        # Every claim's span: an `I` inside none is the writer's own.
        self.contents = sorted(contents)
        self.recent: list[tuple[int, _Speaker]] = []    # claim speakers in mention order
        self.by_name: dict[str, _Speaker] = {}
        self._honorifics: dict[str, str] | None = None

    def gender(self, sp: _Speaker) -> str | None:
        """"m", "f" or None (not known) for a person: the honorific the article gives the
        surname, else the first name's (first_names.tsv, learned from train), else a word
        of a descriptor (gendered_words.tsv)."""
        if sp.kind != "person":
            return None
        if self._honorifics is None:
            self._honorifics = honorific_genders(self.text) if "M" in self.text else {}
        words = sp.name.split()
        if sp.named and words:
            found = self._honorifics.get(words[-1]) or _first_name_genders().get(words[0])
            if found:
                return found
        for phrase in sp.descriptors + ([sp.description] if sp.description else []):
            for word in phrase.lower().split():
                found = _gendered_words().get(word)
                if found:
                    return found
        return None

    # -- speakers of the article, one object per name
    def _speaker(self, name: str, named: bool, kind: str) -> _Speaker:
        key = name.lower()
        sp = self.by_name.get(key)
        if sp is None:
            sp = _Speaker(name, named, kind)
            if named and kind == "person" and name in self.index.persons:
                sp.descriptors = list(self.index.persons[name].descriptors)
            self.by_name[key] = sp
        return sp

    def resolve(self, mention: str, at: int, descriptor: str | None) -> _Speaker | None:
        words = _words(mention)
        if not words:
            return None
        low = [w.lower() for w in words]
        if len(words) == 1 and low[0] in _pronouns():
            return self._antecedent(_OBJECT_PRONOUNS.get(low[0], low[0]), at)
        possessor = self._utterance_owner(mention, words) if len(words) >= 2 and (
            low[-1] in _UTTERANCES or low[-1] in load_words("speech_nouns.txt")) else None
        if possessor is not None:
            # "Tom Baker’s letter said", "the mayor’s statement read", "Sanders’ fundraising
            # email notes": whoever wrote it speaks (not "Tom Baker’s spokesman", a person of his own).
            return self.resolve(_POSSESSIVE.sub("", possessor.rstrip()), at, descriptor)
        m = _ONE_OF_THE.match(mention.strip())
        if m:
            inner = self._definite(_words(m.group(2)), at)
            if inner is not None and not inner.named:
                return self._speaker(f"{m.group(1).lower()} of {inner.name}", False, "person")
        det = low[0] if low[0] in _DETERMINERS else None
        if det == "other":
            # "… other senior official said" with its article cut off: "the other …".
            det = "the"
        body = words[1:] if det else words
        head = _head(words)
        titled = det in _DEFINITE and head is not None and head.lower().rstrip(".") in _titles()
        if titled:
            # "the Defense Secretary", "the President": a title, capitalised or not.
            found = self._definite(words, at)
            if found is not None:
                return found
        if head and not titled and self._is_proper(head, words, at):
            return self._named(body, det, at)
        if det in _DEFINITE and head and head[:1].islower() and any(w[:1].isupper() for w in body):
            if head.lower() in _UTTERANCES and body[-1] is head and all(w[:1].isupper() for w in body[:-1]):
                # "the Defense Department statement": the body that issued it speaks.
                return self._named(body[:-1], det, at)
            if _roles().clues["institution"].fullmatch(head):
                # "the Trump administration": a body identified by name.
                return self._speaker(_lower_det(mention.strip()), True, "org")
        if det in _DEFINITE:
            found = self._definite(words, at)
            if found is not None:
                return found
        return self._speaker(_lower_det(mention.strip()), False, _description_kind(head))

    def refers_to(self, pronoun: str, at: int, speaker: _Speaker) -> bool:
        """Whether a pronoun at `at` resolves to `speaker`, leaving the resolver as it was."""
        if (pronoun.lower() in ("he", "she", "i")) != (speaker.kind == "person"):
            return False    # (`they` for one person, `he` for a body: no)
        by_name, recent = dict(self.by_name), list(self.recent)
        try:
            return self.resolve(pronoun, at, None) is speaker
        finally:
            self.by_name, self.recent = by_name, recent

    @staticmethod
    def _utterance_owner(mention: str, words: list[str]) -> str | None:
        """The possessor before a noun for something said, over up to three lower-case
        modifiers (`Tom Baker’s fundraising email` -> `Tom Baker’s`), or None."""
        owner = next((i for i in range(len(words) - 2, max(-1, len(words) - 6), -1)
                      if not words[i].islower() or _POSSESSIVE.search(words[i])), None)
        if owner is None:
            return None
        cut = mention.rindex(words[owner], 0, mention.rindex(words[-1])) + len(words[owner])
        if _POSSESSIVE.search(words[owner]) or words[owner].endswith("s") and mention[cut:cut + 1] in ("’", "'"):
            return mention[:cut]
        return None

    def _is_proper(self, head: str, words: list[str], at: int) -> bool:
        if not head[:1].isupper():
            return False
        if head is words[0] and _opens_sentence(self.text, at):
            # Capitalised perhaps only because it opens the sentence; a surname of a full
            # name the article gives is a name all the same (`King says …` after `Billie Jean King`).
            return not _is_common(head, self.text) or len(words) == 1 and any(
                " " in n for n in self.index.by_last.get(head.lower(), ()))
        return True

    def _named(self, body: list[str], det: str | None, at: int) -> _Speaker:
        body = list(body)
        body[-1] = _POSSESSIVE.sub("", body[-1])
        whole = " ".join(body)
        if _is_org_name(whole, det):
            return self._speaker(_display_org(whole, det), True, "org")
        name = " ".join(_strip_titles(body))
        if _is_org_name(name, None):
            return self._speaker(_display_org(name, None), True, "org")
        # The honorific may open the mention or stand just before it (`Mrs. Clinton`).
        before = _HONORIFIC_BEFORE.search(self.text, max(0, at - 6), at)
        honorific = _HONORIFIC_GENDER.get(body[0].rstrip(".")) if len(body) > 1 else \
            _HONORIFIC_GENDER[before.group(1)] if before else None
        return self._speaker(_full_name(self.index, name, at, honorific), True, "person")

    def _definite(self, words: list[str], at: int) -> _Speaker | None:
        # A description fits only phrases with its head noun (_describes' first test): the
        # head is found once here, and only phrases with that head are compared in full.
        head = _head(words)
        key = _singular(head.lower()) if head else None

        def describes(candidate: str) -> bool:
            return _head_key(candidate) == key and _describes(words, candidate)

        # An earlier claim speaker it describes, the most recent first.
        for _, sp in reversed(self.recent) if key is not None else ():
            texts = ([sp.description] if sp.description else []) + sp.descriptors
            if any(map(describes, texts)):
                return sp
        # A person the article gives that title or apposition, the nearest before first.
        matches = [p for p in self.index.persons.values() if any(map(describes, p.descriptors))] \
            if key is not None else []
        if matches:
            def nearest(p: _Person) -> tuple[int, int]:
                before = [q for q in p.positions if q < at]
                return (0, at - max(before)) if before else (1, min(p.positions))
            person = min(matches, key=nearest)
            return self._speaker(person.name, True, "person")
        # "the agency", "the ministry": the most recent organisation that spoke.
        head = _head(words)
        if head and _roles().clues["institution"].fullmatch(head):
            found = next((sp for _, sp in reversed(self.recent[-4:])
                          if sp.kind == "org" and sp.named and _may_refer(head, sp)), None)
            if found is None:
                name = self._org_named_before(head, at)
                if name is not None:
                    found = self._speaker(_display_org(name, None), True, "org")
            if found is not None:
                if not found.descriptors:
                    found.descriptors.append(head.lower())
                return found
        return None

    def _org_named_before(self, head: str, at: int) -> str | None:
        """The nearest organisation named before `at` that a description headed by `head`
        can refer to: a news outlet for "the agency"/"the newspaper", else a capitalised
        name ending in that word ("the ministry" -> "the Foreign Ministry")."""
        low = head.lower()
        pattern = _outlet_pattern() if low in _MEDIA_BODIES else re.compile(
            r"(?:[A-Z][\w’'-]*[ \t]+){1,4}%s\b" % re.escape(head.capitalize()))
        last = None
        for m in pattern.finditer(self.text, 0, at):
            last = m.group()
        return last


    def _antecedent(self, pronoun: str, at: int) -> _Speaker | None:
        if pronoun in _FIRST_PERSON and not self._in_quote(at, self.contents) and not _quoted_at(self.text, at):
            # `I` in the article's own words, inside no claim or quotation, is its writer
            # (a first-person column), whom the text does not name: no one it quotes.
            return None
        want = _PRONOUN_GENDER.get(pronoun)
        if want:
            # `she` is no one the article shows to be a man, `he` no woman.
            fits = lambda sp: sp.kind == "person" and self.gender(sp) in (None, want)
        elif pronoun in _PERSON_PRONOUNS:
            fits = lambda sp: sp.kind == "person"
        elif pronoun == "it":
            fits = lambda sp: sp.kind == "org"
        elif pronoun in _GROUP_PRONOUNS:
            fits = lambda sp: sp.kind in ("group", "org")
        else:
            fits = lambda sp: True
        recent = [sp for _, sp in self.recent if sp.kind != "thing"]
        for sp in reversed(recent[-3:]):
            if fits(sp):
                return sp
        if want and any(self.gender(sp) not in (None, want) for sp in recent[-3:]):
            # The last speakers include someone the pronoun cannot be: an earlier speaker,
            # or the nearest person named before the pronoun, whom the article shows to be
            # of its gender.
            known = lambda sp: sp.kind == "person" and self.gender(sp) == want
            earlier = next((sp for sp in reversed(recent[:-3]) if known(sp)), None)
            if earlier is not None:
                return earlier
            named = self._named_before(at, known)
            if named is not None:
                return named
        if recent:
            return recent[-1]
        # No one has spoken yet: the nearest person named before the pronoun.
        before = [name for pos, name in self.index.occurrences if pos < at and not self._in_quote(pos)]
        if before and pronoun not in ("it", "they", "we"):
            # A name the index knows as a person's (two words, or a title before it) is
            # preferred to a lone capitalised word (`Orlando`, `Republican`), and one the
            # pronoun's gender excludes is passed over.
            full = [_full_name(self.index, name, at) for name in before[-10:]]
            for name in reversed(full):
                if name in self.index.persons:
                    sp = self._speaker(name, True, "person")
                    if fits(sp):
                        return sp
            lone = self._speaker(full[-1], True, "person")
            return lone if fits(lone) else None
        return None

    def _in_quote(self, pos: int, spans: list[tuple[int, int]] | None = None) -> bool:
        """Whether `pos` lies inside one of `spans` (sorted; the direct quotes by default)."""
        spans = self.quoted if spans is None else spans
        i = bisect_right(spans, (pos, float("inf"))) - 1
        # Spans may nest (a reported claim inside a longer one): the latest-starting span
        # before pos is not always the one that covers it.
        return any(start <= pos < end for start, end in spans[max(0, i - 8):i + 1])

    def _named_before(self, at: int, fits) -> _Speaker | None:
        """The nearest person named before `at` (within the last ten names) who fits."""
        before = [name for pos, name in self.index.occurrences if pos < at]
        for name in reversed(before[-10:]):
            sp = self._speaker(_full_name(self.index, name, at), True, "person")
            if fits(sp):
                return sp
        return None

    def note(self, at: int, speaker: _Speaker) -> None:
        if self.recent and self.recent[-1][1] is speaker:
            return
        self.recent.append((at, speaker))


def _type(speaker: _Speaker, descriptor: str | None, mention: str) -> tuple[str, str | None]:
    """(role, descriptor) for a speaker: the attribution's descriptor wins, then what the
    article says of the speaker, then the mention itself."""
    if speaker.kind == "org" and speaker.named:
        role = role_of(descriptor) if descriptor else None
        return role or _org_role(speaker.name), descriptor or (speaker.descriptors[0] if speaker.descriptors else None)
    candidates = ([descriptor] if descriptor else []) + speaker.descriptors
    if speaker.description:
        candidates.append(speaker.description)
    elif not speaker.named:
        candidates.append(speaker.name)
    for phrase in candidates:
        role = role_of(phrase)
        if role:
            return role, descriptor or (speaker.descriptors[0] if speaker.descriptors else None)
    return "other", descriptor or (speaker.descriptors[0] if speaker.descriptors else None)


_OBJECT_OF = re.compile(r"(?<![\w-])(?:of|in|at|for|from|with|on|to|about|near|inside)\s+(?:the\s+)?$", re.IGNORECASE)
_OBJECT_OF_ENDS = ("of", "in", "at", "for", "from", "with", "on", "to", "about", "near", "inside", "the")
_ACCORDING = re.compile(r"according\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_QUANTIFIERS = frozenset("one some many most two three four five several each any none all both".split())
_OF_PHRASE = re.compile(r"\s+of\s+(?:the|these|those)\s+[^,;:.!?“”\"()]{1,80}?(?=\s+(?:said|says|told|say)\b|[,;:.!?“”\"()]|$)")
_CLAUSE_BREAK = re.compile(r"[,;:“”\"(—–]|[.!?]\s")
_ARTICLE_FIRST = re.compile(r"(?:the|a|an)\s", re.IGNORECASE)
_ACCORDING_TO = re.compile(r"according\s+to\s+", re.IGNORECASE)
_DESCRIPTION_FIRST = re.compile(r"(?:the|a|an|one|some|two|three|four|five|several|many)\s", re.IGNORECASE)
_ADJACENT_GAP = re.compile(r"[\s,]*(?:the\s+)?")
_NAME_BEFORE_COMMA = re.compile(r"((?:%s)(?:[ \t]+%s){0,3}),\s*$" % (_CAP, _CAP))


def _lone_opener(text: str, name: str) -> bool:
    """A lone capitalised word that the article writes only where sentences open
    (`Likewise, a paper from … had this to say`, `Publicly, the GOP nominee …`): an adverb
    set off by its comma, no name that the description after it is apposed to."""
    from .attribution import _only_opens_sentences, _source_heads     # (attribution does not import speakers)

    return " " not in name and name.lower() not in _source_heads() and _only_opens_sentences(text, name)


def _governing_phrase(text: str, start: int, end: int, floor: int) -> tuple[int, str] | None:
    """When a mention is the object of a preposition ("stationed in the Middle East", "the
    chairman of the Joint Chiefs of Staff"), the speaker is the phrase that governs it: the
    name the phrase is apposed to ("Mark Milley, the chairman of …"), else the whole
    description ("a senior Western diplomat stationed in the Middle East"). Returns (offset,
    phrase), or None when the mention stands on its own."""
    mention = text[start:end]
    if mention.lower() in ("who", "which"):
        return _antecedent_phrase(text, start, floor)
    if _ARTICLE_FIRST.match(mention):
        # "Saad Ali, a 27-year-old fighter from …": the mention is the apposition of a name.
        # The pattern ends in `,\s*$`: only a window ending in a comma (and spaces) can match,
        # and re would otherwise try it from each of the window's 80 offsets.
        lo = max(floor, start - 80)
        name = _NAME_BEFORE_COMMA.search(text, lo, start) if text[lo:start].rstrip().endswith(",") else None
        if name and not _is_common(name.group(1).split()[0], text) and not _opening_adverbial(text, name.start(1)) \
                and name.group(1).split()[-1].lower() not in _NOT_PERSON_WORDS and not _lone_opener(text, name.group(1)):
            return name.start(1), name.group(1)
    if mention.lower() in _QUANTIFIERS:
        # "one of the people": the quantifier alone names no one.
        rest = _OF_PHRASE.match(text, end)
        if rest:
            return start, text[start:rest.end()]
    before = text[max(floor, start - 30):start]
    # _OBJECT_OF ends on one of its words and white space: an ASCII window whose words end
    # otherwise (lower-casing keeps ASCII letters one for one, as the pattern's case-blind
    # match does) cannot match, and re would try it from each of the window's offsets.
    if before.isascii() and not before.rstrip().lower().endswith(_OBJECT_OF_ENDS):
        return None
    if not _OBJECT_OF.search(before) or _ACCORDING.search(before):
        return None
    window_start = max(floor, start - 200)
    window = text[window_start:start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(window)), default=0)
    phrase_start = window_start + cut
    while phrase_start < start and text[phrase_start].isspace():
        phrase_start += 1
    according = _ACCORDING_TO.match(text[phrase_start:end])
    if according:
        phrase_start += according.end()
    phrase = text[phrase_start:end]
    if not phrase or not _DESCRIPTION_FIRST.match(phrase):
        return None
    if cut and window[cut - 1] == ",":
        name = _NAME_BEFORE_COMMA.search(text, max(floor, phrase_start - 80), phrase_start)
        if name and not _is_common(name.group(1).split()[0], text):
            return name.start(1), name.group(1)
    return phrase_start, phrase


# (A dash may set the relative clause off: `Donald Trump - who`.)
_NAME_BEFORE = re.compile(r"((?:%s)(?:[ \t]+%s){0,3})(?:,|\s+[-—–]|[—–])?\s*$" % (_CAP, _CAP))


def _antecedent_phrase(text: str, start: int, floor: int) -> tuple[int, str] | None:
    """What a relative pronoun stands for: the name (`Mike Pence, who`) or the description
    (`a senior official who`) it follows."""
    name = _NAME_BEFORE.search(text, max(floor, start - 80), start)
    if name and re.search(r"\b(?:of|from|in|at|for|with|by|to|on)\s+$", text[max(0, name.start(1) - 6):name.start(1)], re.IGNORECASE):
        name = None     # `an immigrant from Uganda who`: the name is not the antecedent
    if name:
        # `Army Capt. Christian Pardo, who`: the name without the common words before it.
        found = list(re.finditer(r"\S+", name.group(1)))
        while found and _is_common(found[0].group().rstrip("."), text):
            found.pop(0)
        if found:
            return name.start(1) + found[0].start(), name.group(1)[found[0].start():]
    window_start = max(floor, start - 120)
    window = text[window_start:start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(window.rstrip(" ,-—–"))), default=0)
    phrase = window[cut:].strip(" ,-—–")
    described = re.search(r"(?:.*\s|^)((?:the|a|an)\s[^,;:]*)$", phrase, re.IGNORECASE | re.DOTALL)
    if described is None:
        return None
    phrase = described.group(1).strip()
    at = window_start + window.index(phrase, cut)
    # `Braynard, a South Carolina native who …`: the description is the apposition of a name.
    lo = max(floor, at - 80)
    name = _NAME_BEFORE_COMMA.search(text, lo, at) if text[lo:at].rstrip().endswith(",") else None
    if name and not _is_common(name.group(1).split()[0], text) and not _opening_adverbial(text, name.start(1)) \
            and name.group(1).split()[-1].lower() not in _NOT_PERSON_WORDS:
        return name.start(1), name.group(1)
    return at, phrase


_OPENING_PHRASE = re.compile(r"(?:^|[.!?;:]\s+|\n\s*)(?:In|On|At|By|Since|Until|From|During|After|Before|Late|Early)\s+(?:(?:late|early|mid)\s+)?$")


def _opening_adverbial(text: str, start: int) -> bool:
    """Whether a capitalised word closes a time or place phrase opening the sentence (`In
    late June, the association …`): no name that a description after it is apposed to."""
    return _OPENING_PHRASE.search(text, max(0, start - 40), start) is not None


def _adjacent(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans touch, with at most a comma, an article or spaces between them."""
    first, second = sorted((a, b))
    gap = text[first[1]:second[0]] if second[0] >= first[1] else ""
    return len(gap) <= 6 and _ADJACENT_GAP.fullmatch(gap) is not None


_SUBJECT_LEAD = re.compile(r"[\s“\"]*(?:(?:And|But|Then|So)\s+)?$")


_OPENER = re.compile(r"[\s“\"]*(?:(?:And|But|Then|So)\s+)?([A-Z][a-z]+)\b[^,;:.!?“”\"]{0,40},\s*")


@lru_cache(maxsize=1)
def _opener_words() -> frozenset[str]:
    """Words that open a sentence as an adverbial or a connective, not as its subject."""
    return load_words("opening_adverbials.txt") | load_words("connectives.txt") | frozenset(
        "on in at after before during since when while as if although though because last earlier later".split())


# Pronouns that a person named as their sentence's subject binds: `Tom Baker has pushed
# his promise of …`, `Ann Cole, a teacher, says she made up her mind …` (the last claim's
# speaker is someone else more often than the sentence's own subject).
_SUBJECT_BOUND = frozenset(("his", "her", "he", "she"))


def _possessor_subject(index: _Index, text: str, sentence_start: int, at: int, quoted_ok: bool = True) -> str | None:
    """`Sanders has pushed his promise of “…”`: a possessive pronoun after a person named as
    its sentence's subject is that person (not the last claim's speaker). With quoted_ok
    false, a name inside a quote that opens the sentence is no subject (`“Cruz is our best
    debater,” he says.`)."""
    first = bisect_left(index.occurrences, (sentence_start, ""))
    for pos, name in index.occurrences[first:]:
        if pos >= at:
            return None
        if name not in index.persons and not any(name in n for n in index.persons):
            continue
        lead = text[sentence_start:pos]
        if not quoted_ok and any(mark in lead for mark in "“\""):
            return None
        # An opening adverbial may come first (`However, Adelson said …`, `On Monday, …`).
        opener = _OPENER.match(lead)
        if opener and opener.group(1).lower() in _opener_words():
            lead = lead[opener.end():]
        # Only title words before the name (`Sen. Bernie Sanders`, `Former Gov. Jeb Bush`),
        # not the opening of a clause (`After Trump spoke, …`).
        words = re.findall(r"[\w.’'-]+", lead)
        if _SUBJECT_LEAD.fullmatch(lead) or words and all(w[:1].isupper() and w.lower() not in _opener_words()
                                                           for w in words) and "," not in lead:
            return _full_name(index, name, at) if name not in index.persons else name
        return None
    return None


def _body_subject(text: str, sentence_start: int, at: int):
    """The description opening the sentence before a possessive `its` (`The Trump
    administration, however, has adopted …`), as attribution reads a sentence's subject."""
    from .attribution import description_subject     # (attribution does not import speakers)

    found = description_subject(text, sentence_start, at)
    return found if found is not None and found.end <= at else None


def resolve(text: str, claims: list[Claim]) -> list[Claim]:
    """Fill speaker, anonymity, role and descriptor of one article's claims (in place)."""
    resolver: _Resolver | None = None
    cache: dict[tuple[int, int], _Speaker | None] = {}
    order = sorted(claims, key=lambda c: (c.mention_start if c.mention_start is not None else c.start, c.start))
    for claim in order:
        if claim.mention_start is None or claim.mention_end is None:
            claim.speaker, claim.anonymity, claim.role, claim.descriptor = None, "anonymous", "other", None
            continue
        if resolver is None:
            resolver = _Resolver(text, [(c.start, c.end) for c in claims if c.kind == "direct"],
                                 [(c.start, c.end) for c in claims])
        descriptor = None
        if claim.descriptor_start is not None and claim.descriptor_end is not None:
            descriptor = text[claim.descriptor_start:claim.descriptor_end].strip(" ,") or None
            if descriptor and not (_valid_descriptor(descriptor) and _adjacent(
                    text, (claim.descriptor_start, claim.descriptor_end), (claim.mention_start, claim.mention_end))):
                descriptor = None
        span = (claim.mention_start, claim.mention_end)
        if span not in cache:
            at, mention = claim.mention_start, text[claim.mention_start:claim.mention_end]
            governing = _governing_phrase(text, claim.mention_start, claim.mention_end, claim.sentence_start)
            if governing is not None:
                at, mention = governing
                descriptor = None
            subject = _possessor_subject(resolver.index, text, claim.sentence_start, at,
                                         quoted_ok=mention.lower() in ("his", "her")) \
                if mention.lower() in _SUBJECT_BOUND else None
            body = _body_subject(text, claim.sentence_start, at) if mention.lower() == "its" else None
            if body is not None:
                # `The administration has adopted a hard line despite its promise to …`: `its`
                # is the body opening its sentence, not the last body that spoke.
                at, mention = body.start, text[body.start:body.end]
            speaker = resolver._speaker(subject, True, "person") if subject else resolver.resolve(mention, at, descriptor)
            if speaker is not None and not speaker.named and speaker.description is None:
                speaker.description = speaker.name
            if speaker is not None and descriptor and descriptor not in speaker.descriptors:
                speaker.descriptors.insert(0, descriptor)
            cache[span] = speaker
        speaker = cache[span]
        if speaker is None:
            claim.speaker, claim.anonymity, claim.role, claim.descriptor = None, "anonymous", "other", descriptor
            continue
        resolver.note(claim.mention_start, speaker)
        claim.speaker = speaker.name
        claim.anonymity = "named" if speaker.named else "anonymous"
        claim.role, claim.descriptor = _type(speaker, descriptor, text[claim.mention_start:claim.mention_end])
        nearer = _nearer_cue_pronoun(text, claim) if claim.kind == "direct" else None
        if nearer is not None and resolver.refers_to(text[nearer[0][0]:nearer[0][1]], nearer[0][0], speaker):
            # `Trump says that …, he actually thinks she's done a “serviceable job”`, `she
            # laughed and admitted “…”`: a pronoun for the same speaker, subject of a cue
            # nearer the quote, is the quote's own attribution (the speaker stays).
            claim.mention_start, claim.mention_end = nearer[0]
            claim.cue_start, claim.cue_end = nearer[1]
    return claims


@lru_cache(maxsize=2)
def _cue_words(speech_only: bool = False) -> frozenset[str]:
    """Verbs of speech (attribution's), and of belief: `he thought that “…”` is the quote's
    nearest attribution to its speaker, though no claim of its own."""
    from .attribution import speech_verbs
    return speech_verbs() if speech_only else speech_verbs() | load_words("private_state_verbs.txt")


_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they|we|I|He|She|They|We)\b")
_NEXT_WORDS = re.compile(r"\s+([a-z]+)")
# What may stand between a pronoun and its cue: adverbs and auxiliaries, or a verb before
# `and` (`she laughed and admitted`).
_PRONOUN_CUE_GAP = frozenset("also then later still even would will has had have did does do and".split())
# A clause of its own: after a comma, a dash or a conjunction.
_OWN_CLAUSE = re.compile(r"[,;—–]|\b(?:and|but|although|though|because|when|while|whereas)\b")
# Between the cue and the quote: no clause break.
_CUE_TO_QUOTE_BREAK = re.compile(r"[;:“”\"()—–]|\.\s|\s-\s")


def _nearer_cue_pronoun(text: str, claim: Claim) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The last subject pronoun of the quote's sentence before the quote whose cue (adverbs,
    auxiliaries or a verb and `and` between) stands nearer the quote than the claim's mention
    and cue do, with at most 12 words and no clause break between that cue and the quote:
    the pronoun's span and its cue's."""
    if claim.mention_start is None or claim.sentence_start is None:
        return None
    q_open = claim.start - 1
    lo = claim.sentence_start
    if claim.mention_start < claim.start:
        lo = max(lo, claim.mention_end, claim.cue_end if claim.cue_end is not None and claim.cue_end < claim.start else lo)
    found = None
    for m in _SUBJECT_PRONOUN.finditer(text, lo, q_open):
        pos, gap, cue_end = m.end(), [], None
        for _ in range(4):
            w = _NEXT_WORDS.match(text, pos, q_open)
            if w is None:
                break
            pos = w.end()
            if w.group(1) in _cue_words():
                cue_start, cue_end = w.start(1), pos
                belief = w.group(1) not in _cue_words(speech_only=True)
                break
            gap.append(w.group(1))
        # (a gap of adverbs and auxiliaries, or of a verb and `and`: `she laughed and admitted`)
        if cue_end is None or not all(x in _PRONOUN_CUE_GAP or x.endswith("ly") for x in gap) \
                and not (len(gap) == 2 and gap[1] == "and"):
            continue
        rest = text[cue_end:q_open]
        if _CUE_TO_QUOTE_BREAK.search(rest) or len(rest.split()) > 12 or belief and "," in rest:
            continue    # (`based on what he has seen, Curiel “…”`: a belief's own clause ends)
        if claim.mention_start > claim.start and _OWN_CLAUSE.search(rest.rstrip(" ,")):
            continue    # (`she said, but despite …, "…," said Kunin`: the later attribution's)
        found = (m.start(), m.end()), (cue_start, cue_end)
    if found is None or found[0] == (claim.mention_start, claim.mention_end):
        return None
    if claim.mention_start < claim.start and (not _OWN_CLAUSE.search(text, lo, found[0][0])
                                              or text[lo:found[0][0]].rstrip().endswith(" that")):
        # `He said he did “…”`, `He said, however, that he hopes “…”`: a pronoun opening
        # what the cue reports is that report's subject, not a speaker of its own.
        return None
    return found


# --- across the corpus ----------------------------------------------------------------

def canonical_speakers(claims: pd.DataFrame) -> pd.DataFrame:
    """Add `speaker_canonical` and `speaker_id` to a claims table so one speaker counts once.

    Named speakers merge across articles: titles are dropped ("President Trump" -> "Trump"),
    a lone surname joins the one full name in the corpus ending with it ("Trump" -> "Donald
    Trump"), and the corpus aliases of speaker_aliases.tsv join one body's names ("the
    Defense Department" -> "the Pentagon"). Anonymous speakers are never merged across
    articles (two outlets' "a senior U.S. official" may be two people): their id carries
    the article. Claims without a speaker get None.
    """
    out = claims.copy()
    if out.empty:
        out["speaker_canonical"] = pd.Series(dtype=object)
        out["speaker_id"] = pd.Series(dtype=object)
        return out
    spelled, corpus_aliases = _aliases()

    def base(name: str) -> str:
        key = _key(name)
        if key in corpus_aliases:
            return corpus_aliases[key]
        if key in spelled:
            return spelled[key]
        words = name.split()
        if words and words[0].lower() not in ("the",):
            words = _strip_titles(words)
        return " ".join(words)

    named = out["anonymity"].eq("named") & out["speaker"].notna()
    bases = {name: base(name) for name in out.loc[named, "speaker"].unique()}
    # Full names (two words or more) by their last word, for lone surnames.
    by_last: dict[str, set[str]] = {}
    for b in bases.values():
        if " " in b and not b.lower().startswith("the "):
            by_last.setdefault(b.split()[-1].lower(), set()).add(b)

    def canonical(name: str) -> str:
        b = bases[name]
        if " " not in b:
            fuller = by_last.get(b.lower(), set())
            if len(fuller) == 1:
                return next(iter(fuller))
        return b

    canon = {name: canonical(name) for name in bases}
    values, ids = [], []
    for speaker, is_named, article in zip(out["speaker"], named, out["article_id"]):
        if speaker is None or (isinstance(speaker, float) and pd.isna(speaker)):
            values.append(None)
            ids.append(None)
        elif is_named:
            values.append(canon[speaker])
            ids.append(_key(canon[speaker]))
        else:
            values.append(speaker)
            ids.append(f"{article}:{speaker.lower()}")
    out["speaker_canonical"] = values
    out["speaker_id"] = ids
    return out
