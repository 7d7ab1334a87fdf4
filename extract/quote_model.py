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
from .attribution import is_title_at, speech_verbs
from .lexicon import load_words
from .quotes import DOUBLE_MARKS
from .schema import Claim

_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|we're|we’re|my|My|our|Our|me|us|you|You)\b")
_WORD = re.compile(r"\w+")
# _FIRST_PERSON matches a quote exactly when one of its \w+ words is one of these: each of its
# words is a whole run of word characters between two \b, and `I'm`, `we’re` begin with `I`,
# `we`, whole runs of their own. So the quote's words, found anyway, are looked up instead of
# the pattern being tried at every offset.
_FIRST_PERSON_WORDS = frozenset("I we We my My our Our me us you You".split())
_BEFORE_TERMS = ("called", "calling", "calls", "as", "so-called", "dubbed", "term", "word", "phrase",
                 "the", "a", "an", "of", "his", "her", "their", "its", "labeled", "described", "branded")
# Quote length buckets (name, fewest words, most words), in the order the features are set.
_LENGTH_BUCKETS = (("n1", 1, 1), ("n2", 2, 2), ("n3", 3, 3), ("n4_6", 4, 6), ("n7_12", 7, 12), ("n13", 13, 10**9))
_SMALL = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with"}
# `CNN’s “New Day”`, `Ayn Rand's “Atlas Shrugged”`: a possessive right before the mark.
_POSSESSIVE_BEFORE = re.compile(r"\w[’']s\s*$")
# The word right before the opening mark, and whether it is a possessive (`the GOP’s “…”`):
# what _determined reads from the window's end.
_LAST_WORD = re.compile(r"(\w+)([’']s)?\s*$")
_DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())
# A lower-case word right after the closing mark (`the “gun violence” narrative`).
_NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z-]*)\b")
# Another quotation right before or after, in a list (`terms such as “A,” “B” and “C”`).
_LIST_AFTER = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*[\u201c\"]")
_LIST_BEFORE = re.compile(r"[\u201d\"]\s*(?:,|and|or|,\s*and|,\s*or)\s*$")
# `the TLC reality show “Cake Boss.”`, `her memoir, “Tough Choices.”`
_WORK_BEFORE = re.compile(r"\b([a-z]+),?\s*$")
# `,” by the New York Post’s Amy Spencer`, `,” by DNAinfo’s Eddie Small:`
_BYLINE_AFTER = re.compile(r"\s+by\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*[’'](?:s\b)?\s+[A-Z]")
_PREPOSITIONS = frozenset("on in with to of from for at about by into told".split())


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
    if not _FIRST_PERSON_WORDS.isdisjoint(words):      # _FIRST_PERSON.search(quoted)
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
    if quoted.rstrip()[-1:] in ("!", "?"):
        f["ends_excl_q"] = 1.0
    # Scare quotes sit inside a noun phrase: a determiner or possessive before the mark,
    # a noun the quoted words modify after it (`the GOP’s “establishment” candidate`).
    determined = _determined(text[max(sentence[0], claim.start - 30):max(sentence[0], claim.start - 1)])
    if determined:
        f["det_before"] = 1.0
    if quoted.rstrip()[-1:] not in (",", ".", "?", "!", ";", ":", "…"):
        nxt = _NEXT_WORD.match(text, claim.end + 1)
        if nxt is not None and not _function_word(nxt.group(1)):
            f["next_noun"] = 1.0
            if determined:
                f["det_noun"] = 1.0
    if "title_case" in f and before and before[-1].lower() in _PREPOSITIONS:
        f["title_after_prep"] = 1.0     # `told “Fox and Friends,”`, `an interview with “The View”`
    if _LIST_AFTER.match(text, claim.end + 1) or _LIST_BEFORE.search(text, max(0, claim.start - 9), max(0, claim.start - 1)):
        f["list_item"] = 1.0
    return f


def _is_word_char(ch: str) -> bool:
    """Whether ch is in \\w (str.isalnum is the test re uses for \\w on str)."""
    return ch.isalnum() or ch == "_"


def _determined(window: str) -> bool:
    """Whether a possessive or a determiner ends the window (white space aside):
    `(m := _LAST_WORD.search(window)) and (m.group(2) or m.group(1).lower() in _DETERMINERS)`,
    read from the window's end instead of trying the pattern at each of its offsets. The
    pattern's leftmost match starts where the window's last run of word characters does (a
    start inside the run could start at its first character as well), so its word is that
    whole run, before `’s` when the run is followed by it."""
    t = window.rstrip()
    if t[-1:] == "s" and t[-2:-1] in ("’", "'") and len(t) >= 3 and _is_word_char(t[-3]):
        return True
    i = len(t)
    while i and _is_word_char(t[i - 1]):
        i -= 1
    return i < len(t) and t[i:].lower() in _DETERMINERS


def _function_word(word: str) -> bool:
    return word in load_words("function_words.txt") or word in speech_verbs() or word.endswith("ly")


def names_a_title(text: str, claim: Claim, _listed: int = 0) -> bool:
    """A title, nobody's words, whatever the speech verbs around it, so no weight decides it:
    a short Title-Case quote right after a possessive (`told ABC’s “This Week”`, `Ayn Rand’s
    “Atlas Shrugged”`: on PolNeAR train the quote model kept 26 such titles as claims) or
    after a noun naming a work (`the reality show “The Apprentice,”`, `his memoir, “Tough
    Choices.”`) or a word naming a programme (`said on “Meet the Press,”`), or a headline credited to a writer of an outlet (`—“Museum to close,” by
    the Post’s Jane Roe:` in a newsletter's reading list)."""
    quoted = text[claim.start:claim.end]
    if quoted.rstrip()[-1:] == "," and text[claim.end:claim.end + 1] in DOUBLE_MARKS and \
            _BYLINE_AFTER.match(text, claim.end + 1) is not None:
        return True
    lo = max(claim.sentence_start, claim.start - 20)
    work = _WORK_BEFORE.search(text, lo, max(lo, claim.start - 1))
    after_work = work is not None and work.group(1).lower() in load_words("work_nouns.txt")
    if not is_title_at(text, claim.start, claim.end):
        # A long title names a work too (`the book “Crippled Nation: How to Fix the
        # Republic,”`): after a work noun, or listed after a title, Title Case of any
        # length settles it.
        return _long_title(quoted) and (after_work or _listed_after_title(text, claim, _listed))
    if _POSSESSIVE_BEFORE.search(text, lo, max(lo, claim.start - 1)) is not None:
        return True
    if work is not None and "," not in work.group(0) and work.group(1) in load_words("title_lead_words.txt") \
            and quoted.rstrip()[-1:] != "!":
        return True     # `said on “Meet the Press.”`, `an interview with “The View,”`
    roles = load_words("work_roles.txt")
    role_before = _ROLE_BEFORE.search(text, max(claim.sentence_start, claim.start - 30), max(lo, claim.start - 1))
    if role_before is not None and role_before.group(1).lower() in roles:
        return True     # `host of “The Nightly Show,”`, `starred in “Parks Life”`
    if quoted.rstrip()[-1:] not in (",", ".", "?", "!", ";", ":"):
        role_after = _NEXT_WORD.match(text, claim.end + 1)
        if role_after is not None and role_after.group(1) in roles:
            return True     # `the “Daily Show” host`
    return after_work or _listed_after_title(text, claim, _listed)


# A word, then of / in / on (and a determiner), right before the opening mark (`host of “`,
# `starred in “`, `the authors of the “`).
_ROLE_BEFORE = re.compile(r"\b([A-Za-z-]+)\s+(?:of|in|on)(?:\s+the)?\s*$")
# The end of a quotation listed right before this one: `“Parks and Recreation” and “`,
# `“A,” “`, `“A,” or “`.
_TITLE_LIST_BEFORE = re.compile(r"[\u201d\"]\s*(?:,\s*)?(?:(?:and|or)\s+)?$")


# How far back a list of quotations is followed (each step one names_a_title call).
_LIST_STEPS = 8


def _listed_after_title(text: str, claim: Claim, steps: int = 0) -> bool:
    """A Title-Case quotation listed after a title is a title too (`starred in “Parks and
    Recreation” and “Guardians of the Galaxy,”`: only the first stands after the role word).
    The quotation before it is judged by names_a_title in turn, each step further left, for
    at most _LIST_STEPS quotations (a list of hundreds must not recurse that deep)."""
    if steps >= _LIST_STEPS:
        return False
    lo = max(claim.sentence_start, claim.start - 9)
    m = _TITLE_LIST_BEFORE.search(text, lo, max(lo, claim.start - 1))
    if m is None:
        return False
    close = m.start()
    open_mark = max(text.rfind("\u201c", claim.sentence_start, close), text.rfind('"', claim.sentence_start, close))
    if open_mark < 0 or close - open_mark < 2 or text[close - 1] in ".!?":
        return False    # (`… loves “Lilyhammer.” “The Walking Dead” is …`: a sentence, no list)
    if not m.group(0)[1:].strip() and text[close - 1] != ",":
        return False    # (two quotations side by side, neither a comma nor and / or between)
    return names_a_title(text, Claim(kind="direct", start=open_mark + 1, end=close, sentence_start=claim.sentence_start), steps + 1)


# A word's possessive ending (`Fiorina’s`) and a hyphen's second half do not break Title Case.
_TITLE_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def _long_title(quoted: str) -> bool:
    """Title Case over any number of words, with a colon's subtitle (`Backfire: The Fall of
    a House`): every word capitalised except small function words, the first capitalised."""
    words = _TITLE_WORD.findall(quoted)
    return bool(words) and (words[0][:1].isupper() or words[0][:1].isdigit()) and \
        all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words)


def claim_probability(features: dict[str, float]) -> float:
    return logistic.probability(logistic.load("quote_model.json"), features)
