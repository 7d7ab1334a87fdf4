"""The lexical attributes of new words: spaCy's English functions, the same values for less work.

Every string the tokenizer meets for the first time becomes a lexeme, and spaCy computes its
23 attributes (lower, shape, like_num, is_quote, …) by calling one Python function each
(`vocab.lex_attr_getters`). A corpus keeps meeting new words (PolNeAR train: 32,000 over
840 articles), and making their lexemes was about a quarter of the work of a per-article
pass over articles new to the vocab, more than any rule of ours. Most of those functions
wrap one str method, look a string up in a tuple or list, or loop over its characters in
Python where the answer is known without.

`speed_up(vocab)` swaps them, in one vocab's own table, for what gives the same value for
every string with less work: the str method itself, a frozenset look-up, and short cuts
for the common case in front of spaCy's own function (which still answers the rest). A
function is swapped only where the vocab holds the very spaCy function it stands for, so
another language or spaCy version keeps its own. tests/test_speed_equivalence.py checks
each against spaCy's on generated strings and on every token of real articles.

word_shape keeps spaCy's loop for mixed shapes (`McCain`, `U.S.`, `2,000`): str.translate
and re.sub for the runs of a shape cost about as much. A word of lower-case letters, one
capital and lower-case letters, or digits, has its shape without a loop.
"""
from __future__ import annotations

import functools
from operator import itemgetter
from typing import Callable

from spacy import attrs, util
from spacy.lang import lex_attrs as common
from spacy.lang.en import lex_attrs as english
from spacy.vocab import Vocab


def _membership_set(function: Callable[[str], bool]) -> frozenset[str]:
    """The strings a spaCy `text in (…)` test accepts: the one tuple constant in its code."""
    (members,) = [c for c in function.__code__.co_consts if isinstance(c, tuple)]
    return frozenset(members)


_NUMBER_WORDS = frozenset(english._num_words) | frozenset(english._ordinal_words)


def like_num(text: str) -> bool:
    """english.like_num. A word of letters only has no sign, digit, comma, dot or slash to
    strip or test, and lower-casing letters gives no digit: it is a number only as a
    number or ordinal word (which spaCy looks up in two lists, string by string)."""
    if text.isalpha():
        return text.lower() in _NUMBER_WORDS
    return english.like_num(text)


def like_url(text: str) -> bool:
    """common.like_url. Without a dot, all its tests but the `http://` prefix fail (the
    last loop looks for a dot character by character)."""
    if text and "." not in text:
        return text.startswith(("http://", "https://"))
    return common.like_url(text)


def like_email(text: str) -> bool:
    """common.like_email: its pattern needs an `@`."""
    return "@" in text and common.like_email(text)


def is_punct(text: str) -> bool:
    """common.is_punct: a letter or digit is in no punctuation category (P*)."""
    if text[:1].isalnum():
        return False
    return common.is_punct(text)


def is_currency(text: str) -> bool:
    """common.is_currency: a letter or digit is no currency symbol (Sc)."""
    if text[:1].isalnum():
        return False
    return common.is_currency(text)


def word_shape(text: str) -> str:
    """common.word_shape. Most words are letters, lower-case after the first (`said`,
    `Washington`), or digits: their shape is one shape character per run, each run cut at
    four (`x`, `Xxxxx`, `dddd`), with no loop over the characters. A letter is `X` when
    upper-case and `x` otherwise, and a lower-case string (str.islower) has no upper-case
    letter; the rest (mixed case, marks, letters without case) goes to spaCy's loop."""
    if len(text) < 100:
        if text.isalpha():
            rest = text[1:]
            if rest.islower():
                return "X" + "xxxx"[:len(rest)] if text[0].isupper() else "xxxx"[:len(text)]
        elif text.isdigit():
            return "dddd"[:len(text)]
    return common.word_shape(text)


def _lowered_in(words, string: str) -> bool:
    return string.lower() in words


def _stop(getter):
    """IS_STOP is `partial(is_stop, stops=…)`: the same test, its set passed by position
    (the same set object, so later changes to it still count)."""
    if isinstance(getter, functools.partial) and getter.func is common.is_stop and not getter.args \
            and list(getter.keywords) == ["stops"]:
        return functools.partial(_lowered_in, getter.keywords["stops"])
    return getter


def _lang(getter):
    """LANG is `partial(get_lang, lang=code)`, the code whatever the word: `code.format`
    returns it too (a string with no fields ignores format's arguments), in C."""
    if isinstance(getter, functools.partial) and getter.func is common.get_lang and not getter.args \
            and list(getter.keywords) == ["lang"] and isinstance(getter.keywords["lang"], str) \
            and "{" not in getter.keywords["lang"] and "}" not in getter.keywords["lang"]:
        return getter.keywords["lang"].format
    return getter


def _norm(getter):
    """NORM is `add_lookups(lower, table)` (a lookup, else spaCy's `lower`): the same with
    str.lower."""
    if isinstance(getter, functools.partial) and getter.func is util._get_attr_unless_lookup \
            and getter.args[:1] == (common.lower,) and not getter.keywords:
        return functools.partial(util._get_attr_unless_lookup, str.lower, *getter.args[1:])
    return getter


# attribute -> (spaCy's function, what stands for it)
_FASTER = {
    attrs.LOWER: (common.lower, str.lower),
    attrs.PREFIX: (common.prefix, itemgetter(0)),
    attrs.SUFFIX: (common.suffix, itemgetter(slice(-3, None))),
    attrs.IS_ALPHA: (common.is_alpha, str.isalpha),
    attrs.IS_DIGIT: (common.is_digit, str.isdigit),
    attrs.IS_LOWER: (common.is_lower, str.islower),
    attrs.IS_SPACE: (common.is_space, str.isspace),
    attrs.IS_TITLE: (common.is_title, str.istitle),
    attrs.IS_UPPER: (common.is_upper, str.isupper),
    attrs.IS_ASCII: (common.is_ascii, str.isascii),
    attrs.IS_BRACKET: (common.is_bracket, _membership_set(common.is_bracket).__contains__),
    attrs.IS_QUOTE: (common.is_quote, _membership_set(common.is_quote).__contains__),
    attrs.IS_LEFT_PUNCT: (common.is_left_punct, _membership_set(common.is_left_punct).__contains__),
    attrs.IS_RIGHT_PUNCT: (common.is_right_punct, _membership_set(common.is_right_punct).__contains__),
    attrs.LIKE_NUM: (english.like_num, like_num),
    attrs.LIKE_URL: (common.like_url, like_url),
    attrs.LIKE_EMAIL: (common.like_email, like_email),
    attrs.IS_PUNCT: (common.is_punct, is_punct),
    attrs.IS_CURRENCY: (common.is_currency, is_currency),
    attrs.SHAPE: (common.word_shape, word_shape),
}


def speed_up(vocab: Vocab) -> None:
    """Swap the vocab's lexical attribute functions for the faster equivalents (in a table
    of its own: spaCy builds one per vocab, copied here all the same). The attributes keep
    their order, so lexemes and strings are made in the same order too."""
    getters = dict(vocab.lex_attr_getters)
    for attr, getter in getters.items():
        if attr == attrs.NORM:
            getters[attr] = _norm(getter)
        elif attr == attrs.IS_STOP:
            getters[attr] = _stop(getter)
        elif attr == attrs.LANG:
            getters[attr] = _lang(getter)
        elif attr in _FASTER and getter is _FASTER[attr][0]:
            getters[attr] = _FASTER[attr][1]
    vocab.lex_attr_getters = getters
