"""Attribution: who a quote belongs to, and reported speech without quotation marks.

Everything here works on character offsets of the article text with compiled regular
expressions over short windows (a sentence, a clause), so the cost grows with the number
of quotes and cues, not with the number of tokens.

For a direct quote the attribution is looked for, in order:
  1. right after it, in its sentence: `“…,” he said`, `“…,” said Abbas Kadhim, the director…`;
  2. before it, in its sentence: `Esper said: “…”`, `X told reporters “…”`, `according to X, “…”`,
     and partial quotes woven into a reported sentence (`X said the plan was “a disaster”`);
  3. the previous quote's speaker when the quote continues a paragraph or opens the next one.
For reported speech, each cue word from the learned lexicon opens a candidate:
`X said (that) CONTENT`, `CONTENT, X said`, `according to X, CONTENT`, `CONTENT, according to X`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import itemgetter

from .lexicon import load_table, load_words
from .quotes import DOUBLE_MARKS, Quote
from .schema import Claim
from .textindex import char_offsets, match_table, matches_among, window_reader, window_safe

# --- lexicons -------------------------------------------------------------------------

# A cue is used for reported speech when the training data shows it introduces an
# attribution often enough; for direct quotes, any learned cue next to the quote will do.
INDIRECT_MIN_PRECISION = 0.2
INDIRECT_MIN_COUNT = 3
DIRECT_MIN_COUNT = 2


@lru_cache(maxsize=1)
def cue_table() -> dict[str, tuple[int, float]]:
    return {row["word"]: (int(row["cue_count"]), float(row["precision"])) for row in load_table("cues.tsv")}


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Verb forms that attribute a quote placed next to them ('…,' he said / added / tweeted)."""
    extra = load_words("speech_verbs.txt")
    private = load_words("private_state_verbs.txt")
    learned = {w for w, (n, p) in cue_table().items()
               if n >= DIRECT_MIN_COUNT and p >= 0.3 and w not in NOT_SPEECH and w not in private}
    return frozenset(learned | extra | load_words("quote_verbs.txt"))


@lru_cache(maxsize=1)
def indirect_cues() -> frozenset[str]:
    private = load_words("private_state_verbs.txt")
    learned = {w for w, (n, p) in cue_table().items()
               if n >= INDIRECT_MIN_COUNT and p >= INDIRECT_MIN_PRECISION and w not in NOT_SPEECH and w not in private}
    return frozenset(learned | load_words("speech_verbs.txt"))


# Words the learned table lists as cue heads that are not verbs of speech on their own.
NOT_SPEECH = frozenset("""according to in of for a the an s on at with by from as that this it
he she they we i you his her their its our be is was were are been not no""".split())

TITLE_WORDS = None


def _titles() -> frozenset[str]:
    return load_words("titles.txt")


@lru_cache(maxsize=1)
def _title_stems() -> frozenset[str]:
    """Title words with and without their abbreviation point ("sen", "sen.")."""
    return _titles() | frozenset(t.rstrip(".") for t in _titles())


def _pronouns() -> frozenset[str]:
    return load_words("pronouns.txt")


# --- sentences ------------------------------------------------------------------------

# (Every abbreviation opens on a capital, `v`, `a` or `p`: the look-ahead rules out the other
# offsets of the window by one class test, before the word boundary and the alternatives.)
_ABBREV = re.compile(r"(?=[A-Zvap])(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Prof|Rev|St|Jr|Sr|Inc|Corp|Co|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|D\.C|a\.m|p\.m)|\b[A-Z])\.$")
_BOUNDARY = re.compile(r"[.!?…]+[”\"’)]*\s+(?=(?:[“\"‘(]|'')?[A-Z0-9])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


_PRONOUN_OPENS = re.compile(r"(?:He|She|They|We|It|I)\s+[a-z]")


# Every match of _BOUNDARY starts on one of these marks (its first branch) or right after
# one (its second, empty branch).
_BOUNDARY_MARKS = ".!?…"


def _boundaries(text: str, start: int, end: int) -> list[re.Match]:
    """list(_BOUNDARY.finditer(text, start, end)), trying the pattern only where it can match.

    _BOUNDARY opens on a look-behind, so re cannot skip to likely offsets and tries every
    offset of the paragraph. Its matches start on a mark or right after one (the look-behind
    may see the mark before `start`), so it is tried there, left to right as finditer does:
    after a match, from its end, or from the next offset after an empty one."""
    found = []
    pos = start
    match = _BOUNDARY.match
    for q in char_offsets(text, _BOUNDARY_MARKS, max(start - 1, 0), end):
        for at in (q, q + 1):
            if at < pos or at >= end:
                continue
            m = match(text, at, end)
            if m is not None:
                found.append(m)
                pos = m.end() if m.end() > at else at + 1
    return found


def sentence_spans(text: str, start: int, end: int, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Sentences of one paragraph; a boundary inside a quote does not end the sentence, so a
    quote and its attribution stay together."""
    inside = [(q.start, q.end) for q in quotes if q.end > start and q.start < end]
    cuts = [start]
    for m in _boundaries(text, start, end):
        cut = m.end()
        # A boundary inside a quote does not count; one right after a quote's own closing
        # punctuation does (`… win.” He added:`).
        if any(s < m.start() and m.end() <= e for s, e in inside):
            continue
        if _ABBREV.search(text, max(start, m.start() - 6), m.start() + 1) and not _PRONOUN_OPENS.match(text, cut):
            continue    # (`… in the U.S. He says …`: a pronoun after the abbreviation opens a sentence)
        cuts.append(cut)
    cuts.append(end)
    spans = []
    for s, e in zip(cuts, cuts[1:]):
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


# --- mentions -------------------------------------------------------------------------

# A word: a dotted abbreviation (`U.S.`, `a.m.`), else a run of word characters joined by
# apostrophes, hyphens or `&` (`O’Brien’s`, `al-Haq`, `AT&T`). Written as
# `(?:[A-Za-z]\.){2,}|\w+(?:['’&-]\w+)*` with its first character, `\w` in both branches,
# taken out in front: a pattern that opens on a character class lets re skip to the next
# word character in C instead of trying both branches at every space and mark (a fifth
# less work for the article's whole-text scan). Two more rewrites let re rule out a branch
# on the next character alone: the abbreviation's period is read before its look-behind
# (`\.(?<=[A-Za-z]\.)`, not `(?<=[A-Za-z])\.`), and the joined parts are a branch, one or
# more of them or none (`(?:(?:['’&-]\w+)+|)`, which re skips at once unless a mark follows
# the letters, not `(?:['’&-]\w+)*`, whose repeat is set up for every word): a sixth less
# work for the scan. tests/test_speed_equivalence.py checks that both forms find the same words.
_WORD = re.compile(r"\w(?:\.(?<=[A-Za-z]\.)(?:[A-Za-z]\.)+|\w*(?:(?:['’&-]\w+)+|))")
_WORD_TABLE_SAFE = window_safe(_WORD)
_DETERMINERS = frozenset("""a an the this that these those some many several most few other another
one two three four five six seven eight nine ten dozens hundreds his her their its our
both each every all no more""".split())
_LEADING_NOISE = frozenset("""and but or so as while when because although though since if
also yet then however meanwhile instead still even only once until unless where whereas""".split())
# Sentence openers that leave the main clause's subject right after them (`And he …`);
# subordinators (`While she …, her campaign …`) do not.
_COORDINATING = frozenset("and but or so also yet then however meanwhile instead still even only".split())
_TRAILING_NOISE = frozenset("""also has have had is was were are would will could can may might
later previously recently repeatedly once already often just never then publicly privately
has reportedly first again last yesterday today tonight earlier separately flatly further each
long now always still even ever must should shall cannot been""".split())
# Negated auxiliaries between a subject and its cue (`didn't say`, `wouldn’t say`, `did not
# say`) are skipped like the words above by subject_of. Only `not` after do/does/did: after
# `had` (`she had not read it, but called it “…”`) it leaves `read` no subject, as before.
_NEGATED = ("n't", "n’t")
_DO = frozenset("do does did".split())
_PREPOSITIONS = frozenset("of from at for in with to on by about within inside near despite amid against without".split())
# Prepositions that open an adjunct before a verb (`in a statement said`, `during the debate called`).
_ADJUNCT_PREPOSITIONS = frozenset("in on at during after before with by under over through into since until".split())
_MONTHS_DAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december""".split())
_MAX_MENTION_WORDS = 14
# A woven-in quote is credited to its sentence's subject only when it is this long: shorter
# ones are mostly scare quotes ("outsider", "closed").
SUBJECT_MIN_WORDS = 1
# Reported content shorter than this is an object, not a statement ("told reporters").
MIN_CONTENT_WORDS = 3


@dataclass
class Mention:
    start: int
    end: int
    descriptor: tuple[int, int] | None = None


_TEXT = itemgetter(2)      # a word's string in a (start, end, word) match


# _words(text, start, end): matches_between(text, _WORD, start, end), the reader bound to
# _WORD once (one Python call a window, not a wrapper around a second).
_words = window_reader(_WORD)


def _word_before(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """_words(text, start, end)[-1], or None when the window holds no word, read from the
    article's word table where the window's end cuts no word (it ends on a cue or a
    mention): the last table word starting before `end`, when all of it is inside the
    window. (A window's scan agrees with the table from a point no word spans on, and one
    that starts inside a word reaches such a point at that word's end at the latest:
    textindex's docstring.) A window whose start cuts that very word, or whose end cuts one,
    is read by _words."""
    if _WORD_TABLE_SAFE:    # (it is: the tokenizer's tokens are that table's words)
        table = match_table(text, _WORD)
        starts, ends = table.starts, table.ends
        k = bisect_left(starts, end)
        if start >= 0 and (not k or ends[k - 1] <= end):
            if not k or ends[k - 1] <= start:
                return None     # no word reaches into the window
            if starts[k - 1] >= start:
                return table.matches[k - 1]
    words = _words(text, start, end)
    return words[-1] if words else None


def _is_cue(text: str, w: tuple[int, int, str], cues: frozenset[str], sentence_start: int) -> bool:
    """A cue word as written: lower-case (`States` in `the United States` is no verb), or
    capitalised only where it opens the sentence (`Said Dorothy Poynter, …`)."""
    word = w[2]
    if word.lower() not in cues or text[w[0] - 1:w[0]] in ("-", "‐"):
        return False       # "U.S.-backed" is an adjective, not a cue
    return word[:1].islower() or not text[sentence_start:w[0]].strip(" “\"‘(")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


_CONTRACTION = re.compile(r"(?:['’](?:s|re|ve|ll|d|m))$", re.IGNORECASE)


def _uncontracted(w: tuple[int, int, str]) -> tuple[int, int, str]:
    """A pronoun with its verb contracted onto it (`he’s`, `they’re`) as the pronoun alone."""
    cut = _CONTRACTION.search(w[2])
    if cut and w[2][:cut.start()].lower() in _pronouns():
        return w[0], w[0] + cut.start(), w[2][:cut.start()]
    return w


# A time between subject and cue: `Dianne Feinstein (D-Calif.) last week said`.
_TIME_BEFORE_CUE = re.compile(r"(?:\s*\([^()]{1,30}\))?\s+(?:(?:last|this|earlier|later)\s+(?:week|month|year|night|weekend|"
                              r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|on\s+(?:Monday|Tuesday|Wednesday|"
                              r"Thursday|Friday|Saturday|Sunday)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*$")


# _TIME_BEFORE_CUE ends on one of these words, then white space: a window that does not
# cannot match, and the search (which tries every offset of the window) is skipped.
_TIME_WORD_ENDS = ("week", "month", "year", "night", "weekend", "day")


def _time_before_cue(text: str, lo: int, cue_start: int) -> re.Match | None:
    """_TIME_BEFORE_CUE.search(text, lo, cue_start)"""
    if not text[max(lo, 0):cue_start].rstrip().endswith(_TIME_WORD_ENDS):
        return None
    return _TIME_BEFORE_CUE.search(text, lo, cue_start)


def mention_before(text: str, clause_start: int, cue_start: int) -> Mention | None:
    """The subject of a cue: the noun phrase ending right before it; a verb of reporting
    inside that phrase ends it (`Clinton said the plan would …` -> Clinton, `her record as
    secretary of state and said she …` -> no phrase)."""
    mention = _mention_before(text, clause_start, cue_start)
    if mention is None:
        return None
    # (A reporting word is a word of the phrase only if its letters are in the phrase: most
    # phrases hold none, and their words are not listed.)
    span = text[mention.start:mention.end]
    # (_REPORTING_WORDS written out: a generator per mention cost more than the four tests.)
    if not ("said" in span or "say" in span or "told" in span or "tell" in span):
        return mention
    words = _words(text, mention.start, mention.end)
    cut = next((w for w in words[1:] if w[2] in _REPORTING), None)
    if cut is None:
        return mention
    before = _mention_before(text, clause_start, cut[0])
    if before is None or _words(text, before.start, before.end)[-1][2].lower() in ("and", "but", "or"):
        return None     # (`… and said she …`: the verb's subject is further back)
    return before


def _mention_before(text: str, clause_start: int, cue_start: int) -> Mention | None:
    time = _time_before_cue(text, clause_start, cue_start)
    if time and time.start() > clause_start:
        cue_start = time.start()
    words = _words(text, clause_start, cue_start)
    if not words:
        return None
    # Drop adverbs and auxiliaries between subject and cue ("Trump also said", "he has said").
    while words and words[-1][2] in _TRAILING_NOISE:     # lower-case only: "Will wrote"
        words.pop()
    if not words:
        return None
    words = _after_clause_opener(_after_clause_verb(text, words))
    if len(words) > 1 and words[-1][2] in load_words("reduced_relative_participles.txt"):
        words.pop()     # `a poll released Monday showed`: the poll
    low = words[-1][2].lower()
    if low in _PREPOSITIONS or len(words) == 1 and low in _DETERMINERS_NOT_SPEAKERS:
        return None     # (`Another said`, `one told reporters`: a speaker of its own)
    if len(words) == 1 and low in _LONE_PEOPLE and not _SENTENCE_OPENS.search(text, max(0, words[0][0] - 8), words[0][0]):
        return None     # `Some chanted …` opens its sentence; `which some have argued`, `many addressed to` do not
    # Keep the phrase short: the subject is the end of the clause.
    whole = len(words) <= _MAX_MENTION_WORDS    # (a coordination must be all of the clause)
    words = words[-_MAX_MENTION_WORDS:]
    while words and words[0][2].lower() in _LEADING_NOISE:
        words.pop(0)
    if not words:
        return None
    words[-1] = _uncontracted(words[-1])
    last = words[-1][2]
    if last.lower() in _pronouns() and (len(words) == 1 or not _is_cap(words[-2][2]) or words[-2][2].lower() in _LEADING_NOISE):
        return _coordination(text, words, Mention(words[-1][0], words[-1][1])) if whole else Mention(words[-1][0], words[-1][1])
    mention = _split_name(text, words)
    if mention is not None and len(words) > 1 and words[0][2].lower() in _ADJUNCT_PREPOSITIONS and mention.start == words[1][0]:
        return None     # `…, but in a later interview said`: the object of a preposition opening the clause is no subject
    return _coordination(text, words, mention) if whole else mention


def _after_clause_opener(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words after a lower-case `that` (or `where`, `if`, `unless`…: _CLAUSE_OPENERS)
    that opens the cue's clause: `a bill that officials said would …` (a relative clause),
    `reporters were told that the White House said …` (a complement clause). The subject is what follows `that`, when that opens a
    noun phrase (a pronoun, a determiner, a name, a speaker word). A relative clause inside
    the subject (`the group that organized the rally said`) goes on with a verb and stays."""
    # (Most clauses hold no opener: a set test over the words' strings, a C loop, rules
    # that out before the generator that finds the last one.)
    if _CLAUSE_OPENERS.isdisjoint(map(_TEXT, words[:-1])):
        return words
    k = next((i for i in range(len(words) - 2, -1, -1) if words[i][2] in _CLAUSE_OPENERS), None)
    return words[k + 1:] if _opens_noun_phrase(words[k + 1:], modified=True) else words


# Lower-case words that open a clause, and which _CLAUSE_BREAK does not list (`that` is also
# a determiner, the rest are rarer): the subject of a cue after one follows it.
_CLAUSE_OPENERS = frozenset("that where whereas unless until since if although though whether why".split())


def _opens_noun_phrase(words: list[tuple[int, int, str]], modified: bool = False) -> bool:
    """Whether words open a speaker's noun phrase: a name, a subject pronoun, a determiner,
    a speaker word (`officials`), or with `modified` one lower-case word before a speaker
    word that ends the words (`local officials`)."""
    word = words[0][2]
    low = word.lower()
    return _is_cap(word) or low in _SUBJECT_PRONOUNS or low in _NOUN_PHRASE_OPENERS or _speaker_word(low) \
        or modified and len(words) == 2 and word.isalpha() and not low.endswith("ly") and _speaker_word(words[1][2])


def _speaker_word(word: str) -> bool:
    return word in _source_heads() or word in _role_words()


_NOUN_PHRASE_OPENERS = frozenset("the a an this these those his her their its our my your some many several both one two three".split())


def _after_clause_verb(text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words after the last finite verb before the cue (clause_verbs.txt): `those
    documents reveal the DNC` has none, `some friends say Mr. Clinton` gives `Mr. Clinton`.
    A noun phrase holds no finite verb, so the clause that verb heads ended there; when
    what follows opens no speaker's noun phrase (`will be interviewed`), the words stay."""
    verbs = load_words("clause_verbs.txt")
    if verbs.isdisjoint(map(_TEXT, words[:-1])):
        return words    # (most windows: see _after_clause_opener)
    k = next((i for i in range(len(words) - 2, -1, -1) if words[i][2] in verbs), None)
    rest = words[k + 1:]
    if _opens_noun_phrase(rest) and valid_mention(text, Mention(rest[0][0], rest[-1][1])):
        return rest
    return words


def _coordination(text: str, words: list[tuple[int, int, str]], mention: Mention | None) -> Mention | None:
    """`Smith and Jones said`, `The mayor and the police chief told`, `Fighters with the
    brigade and other armed groups vowed`: a subject that coordinates noun phrases is the
    whole coordination, not its last conjunct. Only when the first conjunct is all of the
    window before `and` (`words`: the clause, leading conjunctions dropped, so `…, and Smith
    said` stays `Smith`) and holds no verb (`Trump praised Cruz and Rubio said` stays `Rubio`)."""
    if mention is None or mention.end != words[-1][1]:
        return mention
    j = next((i for i in range(len(words) - 2, 0, -1) if words[i][2] == "and"), None)
    if j is None or text[words[j - 1][1]:words[j][0]].strip():
        return mention      # (`the vote, and Smith said`: a comma before `and` joins clauses as often as conjuncts)
    first, second = words[:j], words[j + 1:]
    left = mention.descriptor[0] if mention.descriptor else mention.start
    if left != second[0][0] and left > words[j][0]:
        return mention      # (`a suit and tie in videos he calls`: the mention is not the second conjunct)
    if not _conjunct(text, first) or not _conjunct(text, second):
        return mention
    end = first[-1][2]
    if mention.descriptor is not None and end.lower() not in _pronouns() and (
            not _is_cap(end) or end.lower() in _titles() or end.lower() in _role_words()):
        return mention      # `the author and commentator Jane Roe`: titles coordinated before one name
    whole = Mention(first[0][0], mention.end)
    return whole if valid_mention(text, whole) else mention     # (`Vargas and others`: `others` heads no description)


# Words before which an -ed or -ing word is a modifier (`other armed groups`), not a verb.
_MODIFIER_PLACE = _DETERMINERS - {"all", "both", "each"}


def _conjunct(text: str, words: list[tuple[int, int, str]]) -> bool:
    """Whether words are one noun phrase that can name a speaker: a subject pronoun, a name
    (with its title), or a description headed by a speaker word; no verb, adverb or mark."""
    if not words:
        return False
    if any(w[2].lower() in _LEADING_NOISE or w[2].lower() in _TRAILING_NOISE or w[2].lower() in _VERB_LIKE
           or w[2].lower() in speech_verbs() or w[2] == "and" for w in words):
        return False
    if any(text[a[1]:b[0]].strip() not in ("", ".") for a, b in zip(words, words[1:])):
        return False        # (a comma or a dash: an apposition or a clause, not one phrase)
    if len(words) == 1 and words[0][2].lower() in _SUBJECT_PRONOUNS - {"it", "you"}:
        return True         # `he and his wife said`
    low = [w[2].lower() for w in words]
    if low[-1] in _DETERMINERS or low[-1] in _PREPOSITIONS or any(
            x in ("that", "who", "which", "whose", "whom") or x.endswith(("n’t", "n't")) for x in low):
        return False        # (`a member of the union and a`, `implying that`: no phrase of its own)
    if any(not _is_cap(w[2]) and w[2].lower().endswith(("ed", "ing")) and (i == 0 or low[i - 1] not in _MODIFIER_PLACE)
           and (i > 0 or len(low) > 1 and low[1] in _DETERMINERS) for i, w in enumerate(words)):
        return False        # `Trump attacked Clinton`, `launched a television`: a verb, not a modifier
    if any(x in _DETERMINERS and i > 0 and low[i - 1] not in _PREPOSITIONS and low[i - 1] not in _DETERMINERS
           and not _POSSESSIVE_END.search(words[i - 1][2]) for i, x in enumerate(low)):
        return False        # `39 percent blame his supporters`: a determiner inside opens a verb's object
    phrase = _split_name(text, words)
    if phrase is not None and (phrase.descriptor[0] if phrase.descriptor else phrase.start) == words[0][0] \
            and valid_mention(text, phrase):
        if phrase.descriptor is None:
            return True
        # A title before a name (`Fire Chief Ann Lee`, `her husband Tom`), not a verb (`Lee met Tom`).
        title = text[phrase.descriptor[0]:phrase.descriptor[1]].split()[-1]
        low = title.lower()
        return _is_cap(title) or low in _titles() or low in _role_words() or low in _source_heads()
    return _is_description(text, words)


def _is_description(text: str, words: list[tuple[int, int, str]]) -> bool:
    """Whether words are a description headed, before any preposition, by a word that heads
    speaker descriptions (`Fighters with the brigade`, `the mayor`, `local officials`)."""
    cut = next((i for i, w in enumerate(words) if w[2].lower() in _PREPOSITIONS), len(words))
    head = words[:cut]
    if not head or any(w[2].lower() in _PREPOSITIONS for w in words[:1]):
        return False
    low = head[-1][2].lower()
    return low in _source_heads() or low in _titles() or low in _role_words()


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """The one-word entries of the role lists (speakers.py): words for kinds of speaker
    (`fighters`, `rebels`), heads of a conjunct though the training data shows them rarely."""
    return frozenset(w for role in ("official", "analyst", "militia", "political", "institution", "media", "other")
                     for w in load_words(f"roles_{role}.txt") if " " not in w)


@lru_cache(maxsize=1)
def _source_heads() -> frozenset[str]:
    heads = {row["word"] for row in load_table("source_heads.tsv") if int(row["count"]) >= 2}
    return frozenset(heads - _NOT_HEADS)


# Function words that the learned head list picks up from relative clauses and possessives.
_NOT_HEADS = frozenset("""who which that his her their its our my your him them us me what whom
whose this these those there here some many one all both each any none most others other it""".split())
_NOT_NAMES = _MONTHS_DAYS | frozenset("""the a an this that these those there here it its but and
however meanwhile yet still so then now today tonight yesterday tomorrow thursday""".split())


def valid_mention(text: str, mention: Mention) -> bool:
    """Whether a phrase can name a speaker: a pronoun, a name, or a description headed by
    a word that heads speaker descriptions in the training data or names a kind of speaker
    in the role lists."""
    words = _words(text, mention.start, mention.end)
    if not words or len(words) > _MAX_MENTION_WORDS:
        return False
    last = words[-1][2]
    if last.endswith(("’s", "'s", "’", "'")):
        return False
    if len(words) > 1 and last in _ARTICLES_AT_END:
        return False    # `the landmark agreement includes a pledge`: the cue is a noun after its article
    if len(words) == 1:
        low = last.lower()
        if low in _pronouns():
            return True
        if low in ("who", "which"):
            return _has_antecedent(text, mention.start)
        if low in _LONE_SPEAKERS:
            return low not in _LONE_PEOPLE or _SENTENCE_OPENS.search(text, max(0, mention.start - 8), mention.start) is not None
        if last.islower() and (low.endswith("s") and (low in _source_heads() or low in _role_words())
                               or low in load_words("bare_speaker_nouns.txt")):
            return True     # a bare plural or collective noun (`which officials said`, `after police said`)
        return last[:1].isupper() and low not in _NOT_NAMES and (low not in _titles() or _title_surname(text, mention.start, last))
    if last[:1].isupper():
        return last.lower() not in _NOT_NAMES
    # A description: its head is the last word before a preposition or relative clause.
    head = last
    for w in words[1:]:
        if w[2].lower() in _PREPOSITIONS or w[2].lower() in ("who", "familiar", "close"):
            break
        head = w[2]
    if head[:1].isupper():
        return True
    # The role lists' words for kinds of speaker (`prosecutor`, `fighter`) head descriptions
    # the training data shows too rarely to have learned them.
    return head.lower() in _source_heads() or head.lower() in _titles() or head.lower() in _role_words()


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """First names (the census table and the one learned from train, as speakers.py reads them)."""
    return frozenset(row["name"] for table in ("census_first_names.tsv", "first_names.tsv") for row in load_table(table))


def _title_surname(text: str, start: int, word: str) -> bool:
    """Whether a capitalised title word standing alone (`King says …`) is a surname: the
    article names someone earlier with it after a first name (`Billie Jean King`)."""
    full = re.compile(r"\b([A-Z][a-z]+)\s+" + re.escape(word) + r"\b")
    return any(m.group(1) in _first_names() and m.group(1).lower() not in _titles()
               for m in full.finditer(text, 0, start))


# Verbs of reporting that a noun phrase does not hold after its first word.
_REPORTING = frozenset("said says say told tells".split())
# The strings whose presence in a phrase any word of _REPORTING needs (`say` is in `says`, `tell` in `tells`).
_REPORTING_WORDS = ("said", "say", "told", "tell")
# Words before a name after which the head comes first ("a spokesman for the Pentagon"), and
# determiners other than the articles (sets built once, not per call).
_HEAD_FIRST = _PREPOSITIONS | {"stationed", "based"}
_QUANTIFIERS = _DETERMINERS - {"the", "a", "an"}


_ARTICLES_AT_END = frozenset(("a", "an", "the"))
_PHRASE_DETERMINERS = frozenset("the a an one another two three four five several some many both his her their".split())
# Determiners that stand alone for people (`Another said`, `Some chanted “…”`, `Many said …`);
# those that also stand for things or modify (`many addressed to`, `most notably`) only when
# they open their sentence.
_LONE_PEOPLE = frozenset(("some", "many", "most", "several", "few"))
_LONE_SPEAKERS = frozenset(("one", "another", "others")) | _LONE_PEOPLE
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?…][”\"’)]*\s+|\n\s*|(?:^|[.!?…\n]\s*)(?:And|But)\s+)$")
# Determiners that are no subject on their own (built once, not per mention_before call).
_DETERMINERS_NOT_SPEAKERS = _DETERMINERS - _LONE_SPEAKERS


def _determined_phrase(text: str, mention: Mention) -> bool:
    """A short noun phrase opened by a determiner, next to a cue right after a quote: a
    speaker whatever its head (`“…,” the 46-year-old said`, `said the printed slate card`,
    `“…,” read one`), though the head is not one the training data shows."""
    words = _words(text, mention.start, mention.end)
    if not words or len(words) > 8 or words[-1][2].endswith(("’s", "'s")):
        return False
    first, last = words[0][2].lower(), words[-1][2].lower()
    if len(words) == 1:
        return first in _LONE_SPEAKERS
    # A name's possessive determines its phrase as an article does (`Cruz’s lawyers said`).
    possessor = words[0][2][:1].isupper() and _POSSESSIVE_END.search(words[0][2]) is not None
    return ((first in _PHRASE_DETERMINERS or possessor) and last not in _PREPOSITIONS and last not in _DETERMINERS
            and last not in _pronouns() and last not in _TRAILING_NOISE and (not last[:1].isdigit() or last.endswith("-year-old")))


def _split_name(text: str, words: list[tuple[int, int, str]]) -> Mention | None:
    """Split a subject phrase into the mention and its descriptor.

    `Former White House national security adviser John Bolton` -> `John Bolton` + descriptor;
    `a senior State Department official` -> the whole phrase (an anonymous description);
    `Reports from Iraq` -> the whole phrase (the head is before the preposition).
    """
    # Trailing run of capitalised words that are not title words: a name.
    i = len(words)
    while i > 0 and _is_cap(words[i - 1][2]) and words[i - 1][2].lower().rstrip(".") not in _title_stems() and len(words) - i < 4:
        i -= 1
    name = words[i:]
    before = words[:i]
    lead = before[:-1] if before and before[-1][2].lower() == "the" else before
    if name and lead and lead[-1][2].lower() in _HEAD_FIRST:
        # "Reports from Iraq", "a spokesman for the Pentagon": the head comes first.
        return _noun_phrase(words)
    if name and (not before or before[-1][2].lower() in ("the",) and len(before) == 1):
        # "The Pentagon", "Esper"
        return Mention(words[0][0], words[-1][1])
    if name:
        # Title or description before the name: keep it as the descriptor.
        desc = before
        if desc and desc[0][2].lower() in _QUANTIFIERS:
            return _noun_phrase(words)
        if desc and desc[-1][2] in (",",):
            desc = desc[:-1]
        if desc and desc[-1][2].lower() in ("the",):
            desc = desc[:-1]
        # Stop the descriptor at a clause break: only the words right before the name.
        keep = []
        for w in reversed(desc):
            if w[2].lower() in _LEADING_NOISE:
                break
            keep.append(w)
            if len(keep) >= 8:
                break
        keep.reverse()
        if len(name) == 1 and name[0][2].lower() in load_words("roles_institution.txt"):
            # `the State Department`, `the National Security Council`: the title words
            # right before the head of a body's name are part of the name (`Department`
            # alone names no one).
            k = len(before)
            while k > 0 and _is_cap(before[k - 1][2]) and len(before) - k < 4 \
                    and not text[before[k - 1][1]:(before[k][0] if k < len(before) else name[0][0])].strip():
                k -= 1
            if k < len(before):
                if k > 0 and before[k - 1][2].lower() == "the" and not text[before[k - 1][1]:before[k][0]].strip():
                    k -= 1
                return Mention(before[k][0], name[-1][1])
        return Mention(name[0][0], name[-1][1], (keep[0][0], keep[-1][1]) if keep else None)
    return _possessed_speech_noun(text, words) or _noun_phrase(words)


def _possessed_speech_noun(text: str, words: list[tuple[int, int, str]]) -> Mention | None:
    """A name's noun for something said, with a preposition after it, before the words'
    first determiner: `Sanders’ fundraising email to his supporters notes` is the email
    (its writer speaks), not `his supporters`."""
    start = next((j for j, w in enumerate(words) if w[2].lower() in _DETERMINERS), 0)
    words = words[:start]
    if len(words) < 3 or words[-1][2].lower() not in _PREPOSITIONS or words[-2][2].lower() not in load_words("speech_nouns.txt"):
        return None
    k = len(words) - 2
    j = next((i for i in range(k - 1, max(-1, k - 2 - _MAX_MODIFIERS), -1) if not words[i][2].islower()), None)
    if j is None or not _is_cap(words[j][2]) or not (_POSSESSIVE_END.search(words[j][2]) or words[j][2].endswith("s")
                                                      and text[words[j][1]:words[j][1] + 1] in ("’", "'")):
        return None
    first = j
    while first > 0 and _is_cap(words[first - 1][2]) and j - first < 3 \
            and words[first - 1][2].lower().rstrip(".") not in _title_stems() \
            and words[first - 1][2].lower() not in load_words("function_words.txt"):
        first -= 1      # (the name's words, not its title or `While` opening the sentence)
    return Mention(words[first][0], words[k][1])


def _noun_phrase(words: list[tuple[int, int, str]]) -> Mention | None:
    """A description: from its determiner (or the clause start) to its end."""
    # The phrase starts at its first determiner: "a senior diplomat stationed in the Middle
    # East" is one description, not "the Middle East".
    start = next((j for j, w in enumerate(words) if w[2].lower() in _DETERMINERS), 0)
    phrase = words[start:]
    if not phrase:
        return None
    return Mention(phrase[0][0], phrase[-1][1])


_ABBREVIATIONS = ("Sen", "Rep", "Gov", "Gen", "Dr", "Mr", "Mrs", "Ms", "Lt", "Col", "St", "Jr", "Sr",
                  "Adm", "Capt", "Maj", "Sgt", "Prof", "Rev", "Sec", "Atty", "Lt. Gov", "No")
# A period ends the phrase unless it closes an abbreviation ("Sen.", "U.S.", "H.W.").
_PERIOD = "".join(f"(?<!\\b{a})" for a in _ABBREVIATIONS) + r"(?<!\b[A-Z])\."
_RIGHT_STOP = re.compile(r"[,;:!?()\[\]—–\u2014\u2013“”\"]|" + _PERIOD + r"|\s(?:on|in|at|during|after|before|when|while|last|this|earlier|later|yesterday|today|who|which|that|as|about|of the)\s", re.IGNORECASE)
# _RIGHT_STOP's three alternatives apart, each opening on what it consumes first, so re skips
# ahead in C to a mark, a period or white space (the whole pattern opens on look-behinds and
# is tried at every offset). A period is tested after it is read: `(?<!\bSen)\.` is
# `\.(?<!\bSen\.)`. The first stop is the first match of any of them (_right_stop).
_STOP_MARK = re.compile(r"[,;:!?()\[\]—–\u2014\u2013“”\"]")
_STOP_PERIOD = re.compile(r"\." + "".join(f"(?<!\\b{a}\\.)" for a in _ABBREVIATIONS) + r"(?<!\b[A-Z]\.)", re.IGNORECASE)
_STOP_WORD = re.compile(r"\s(?:on|in|at|during|after|before|when|while|last|this|earlier|later|yesterday|today|who|which|that|as|about|of the)\s", re.IGNORECASE)


def _right_stop(text: str, start: int, limit: int) -> int | None:
    """_RIGHT_STOP.search(text, start, limit).start(), or None. Each later search only needs
    a stop before the earliest found so far, and ends its window there: a match of the period
    is the period alone, and no match of _STOP_WORD holds a mark or a period."""
    m = _STOP_MARK.search(text, start, limit)
    first = m.start() if m else None
    bound = limit if first is None else first
    m = _STOP_PERIOD.search(text, start, bound)
    if m:
        first = bound = m.start()
    m = _STOP_WORD.search(text, start, bound)
    if m and (first is None or m.start() < first):
        first = m.start()
    return first


# The patterns of the functions below, compiled once (re.match with a string looks its
# pattern up in re's cache on every call).
_APPOSITION_TO_STOP = re.compile(r",\s+((?:the|a|an)\s[^.;“”\"]+?|[a-z][^.;“”\"]*?)(?=[.;“”\"]|,\s+(?:said|told|adding|who)\b|$)")
_APPOSITION = re.compile(r",\s+((?:the|a|an)\s[^.;“”\"]+?|[a-z][^,.;“”\"]*?),")


def mention_after(text: str, cue_end: int, limit: int) -> Mention | None:
    """The subject of an inverted cue: `said Abbas Kadhim, the director of …`."""
    stop = _right_stop(text, cue_end, limit)
    # "of" inside "a spokesman of the ministry" is part of the phrase: only a stop after a name.
    end = stop if stop is not None else limit
    words = _words(text, cue_end, end)
    if not words or len(words) > _MAX_MENTION_WORDS:
        return None
    if words[0][2].lower() in _PREPOSITIONS:
        return None
    m = _split_name(text, words)
    if m is None:
        return None
    # An apposition after the name: `, the director of the Iraq Initiative at the Atlantic Council`.
    if m.descriptor is None:
        app = _APPOSITION_TO_STOP.match(text[end:limit])
        if app:
            s = end + app.start(1)
            m.descriptor = (s, s + len(app.group(1).rstrip(", ")))
    return m


def apposition_after(text: str, mention_end: int, limit: int) -> tuple[int, int] | None:
    if text[mention_end:mention_end + 1] != ",":
        return None     # the apposition opens on a comma right after the mention
    app = _APPOSITION.match(text[mention_end:limit])
    if app:
        s = mention_end + app.start(1)
        return s, s + len(app.group(1))
    return None


_REGION_BEFORE_CUE = re.compile(r",\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?),\s*$")
_PARTY_TAG = re.compile(r"(?:\s*\([^()]{1,30}\),?|,\s*[RDI]-[A-Z][\w.]*,?|,\s*\d{1,3},)\s*$")


def _party_tag(text: str, lo: int, cue_start: int) -> re.Match | None:
    """_PARTY_TAG.search(text, lo, cue_start), the search skipped where it cannot match: a
    tag ends the window (white space aside) on `)` or `,` (`(D-R.I.),` too), or on `, R-Ky`
    (no comma can follow that comma, so it is the window's last one)."""
    window = text[max(lo, 0):cue_start].rstrip()
    if not window.endswith((")", ",")) and window[window.rfind(",") + 1:].lstrip()[:2] not in ("R-", "D-", "I-"):
        return None
    return _PARTY_TAG.search(text, lo, cue_start)


# What subject_of's skipped words end on: a word of _TRAILING_NOISE, or -ly.
_NOISE_ENDS = tuple(sorted(_TRAILING_NOISE | _DO)) + ("ly", "not") + _NEGATED


_ADJUNCT_OPENERS = _ADJUNCT_PREPOSITIONS | frozenset(("during", "amid", "despite"))


def _before_adjunct(text: str, lo: int, clause: int, mention: Mention) -> Mention:
    """`Tom Baker in an interview with the paper called`, `Sanders during a rally on Sunday
    praised`: the object of a prepositional adjunct between subject and cue is no subject;
    the name or pronoun opening the window (`lo`) before the adjunct is (else the mention
    stands: `when Trump in his speech called` may open a subordinate clause)."""
    # Most mentions follow no preposition: a look at the one word before them settles it
    # without reading the window's words.
    head = text[max(clause, mention.start - 12):mention.start]
    if not head[-1:].isspace() or head.rsplit(None, 1)[-1:] and head.rsplit(None, 1)[-1].lower() not in _ADJUNCT_OPENERS:
        return mention
    found = mention
    for _ in range(3):
        before = _words(text, max(clause, found.start - 30), found.start)
        if not before or before[-1][2].lower() not in _ADJUNCT_OPENERS or text[before[-1][1]:found.start].strip():
            return mention
        earlier = mention_before(text, clause, before[-1][0])
        if earlier is None:
            return mention
        last = _words(text, earlier.start, earlier.end)[-1][2]
        inner = _words(text, earlier.start, earlier.end)
        lead = _words(text, lo, earlier.start)
        # (`… such a presence that Sanders during a rally thanked`: a clause that `that` opens.)
        opens = (all(x[2].lower() in _LEADING_NOISE for x in lead) or lead and lead[-1][2].lower() == "that"
                 and not text[lead[-1][1]:earlier.start].strip()) \
            and not any(x[2].lower() in _PREPOSITIONS for x in inner) \
            and not inner[0][2].lower().endswith(("ing", "ed")) \
            and not (len(inner) == 1 and _only_opens_sentences(text, inner[0][2]))
        if opens and (last.lower() in _SUBJECT_PRONOUNS - {"it", "you"} or _is_cap(last)
                      and last.lower() not in load_words("function_words.txt") and valid_mention(text, earlier)):
            return earlier
        found = earlier
    return mention


@lru_cache(maxsize=1)
def _anonymity_pattern() -> re.Pattern:
    phrases = sorted(load_words("anonymity_phrases.txt"), key=len, reverse=True)
    ending = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(r"\s+(?:who|that)\s+[^,;:“”\"()—–]{0,60}?\b(?:%s)\s*$" % ending, re.IGNORECASE)


def _anonymity_relative(text: str, lo: int, cue_start: int) -> int | None:
    """Where a relative clause granting anonymity starts when it ends right before the cue
    (`A diplomat who spoke on condition of anonymity said`, anonymity_phrases.txt), else None.
    (Only a window ending on `named`, `identified`, `quoted`, `anonymity` or `anonymously`
    is searched.)"""
    window = text[max(lo, cue_start - 120):cue_start].rstrip()
    if not window.lower().endswith(("named", "identified", "quoted", "name", "anonymity", "anonymously")):
        return None
    m = _anonymity_pattern().search(text, max(lo, cue_start - 120), cue_start)
    return m.start() if m is not None and m.start() > lo else None


def subject_of(text: str, lo: int, cue_start: int) -> Mention | None:
    """The speaker mention standing before a cue, skipping an apposition or relative clause
    (`The former governor, who dropped his bid last year, noted`)."""
    # A relative clause granting anonymity right before the cue is the subject's modifier:
    # `A senior official who asked not to be named said` (the cue's subject is the official).
    anonymous = _anonymity_relative(text, lo, cue_start)
    if anonymous is not None:
        cue_start = anonymous
    # A party tag between name and cue is no clause break: `Gov. Pat McCrory (R) said`,
    # `Sen. Rand Paul, R-Ky., told`, an age: `Jim Bennett, 57, told`.
    time = _time_before_cue(text, lo, cue_start)
    if time and text[lo:time.start()].strip():
        cue_start = time.start()
    # Adverbs between subject and cue (`Bush, Florida’s former governor, also attacked`).
    # The loop only starts on a last word that ends the window (white space aside) and is
    # one of _TRAILING_NOISE or ends on -ly (_manner_adverb): a window that ends on none of
    # those cannot start it, and its words are not looked up.
    if text[max(lo, cue_start - 40, 0):cue_start].rstrip().endswith(_NOISE_ENDS):
        before = _words(text, max(lo, cue_start - 40), cue_start)
    else:
        before = []
    while before and (before[-1][2] in _TRAILING_NOISE or before[-1][2] in _DO or before[-1][2].endswith(_NEGATED)
                      or before[-1][2] == "not" and len(before) > 1 and before[-2][2] in _DO
                      or _manner_adverb(text, before)) \
            and not text[before[-1][1]:cue_start].strip():
        cue_start = before.pop()[0]
    tag = _party_tag(text, lo, cue_start)
    if tag:
        cue_start = tag.start()
    elif text[max(lo, cue_start - 3):cue_start].rstrip().endswith(","):
        # `a woman in Worcester, Massachusetts, told`: the state is the place's apposition,
        # no subject; the phrase before it is (an apposition to a name when it closes one:
        # `Cory James, 22, of Flint, Mich., said`).
        region = _REGION_BEFORE_CUE.search(text, max(lo, cue_start - 40), cue_start)
        if region and region.group(1).lower() in load_words("regions.txt") \
                and _PLACE_BEFORE_COMMA.search(text, max(lo, region.start() - 60), region.start()):
            mention = _apposed(text, lo, region.start() + 1)
            if mention is None or not valid_mention(text, mention):
                clause = _clause_start(text, lo, region.start())
                mention = mention_before(text, clause, region.start())
                # The whole phrase before the place, not the object of a preposition in it
                # (`Students at a school in Merrillville, Indiana, displayed`: no subject).
                if mention is not None and (_after_preposition(text, clause, mention)
                                            or _words(text, mention.start, mention.end)[0][2].lower() in _PREPOSITIONS
                                            or _words(text, clause, mention.start) and not _determined_phrase(text, mention)):
                    mention = None
            if mention is not None and valid_mention(text, mention):
                return mention
    clause = _clause_start(text, lo, cue_start)
    if text[clause - 4:clause - 1] == "and" and clause - 4 > lo and not text[clause - 5].isalnum() and text[clause:cue_start].strip():
        # `Smith and Jones told`: the clause break `and` may join the subject's conjuncts
        # (mention_before then spans the coordination, from the first conjunct on).
        earlier = _clause_start(text, lo, clause - 4)
        whole = mention_before(text, earlier, cue_start)
        if whole is not None and whole.start < clause - 4 and _conjunct(text, _words(text, whole.start, clause - 4)):
            clause = earlier
    if text[clause:cue_start].strip():
        mention = _with_apposition(text, mention_before(text, clause, cue_start), cue_start)
        if mention is not None:
            mention = _before_adjunct(text, lo, clause, mention)
        if mention is not None and valid_mention(text, mention):
            return mention
    if text[max(lo, cue_start - 3):cue_start].rstrip().endswith(",") and (relative := _relative_subject(text, lo, cue_start)):
        return relative     # `the leaders, who, on a call Friday, criticized`: not the apposition pattern's
    mention = _apposed(text, lo, cue_start)
    if mention is not None and valid_mention(text, mention):
        return mention
    return _relative_subject(text, lo, cue_start)


# (A dash may set the clause off, and an aside between commas may follow the pronoun:
# `Tom Reed - who said`, `the leaders, who, on a call Friday, criticized`.)
_RELATIVE = re.compile(r"(?<=[\w.)])(,?\s+|\s*[—–]\s*|\s+-\s+)(who|which)(?:,[^,;:“”\"—–()]{1,60},)?\s+"
                       r"(?:(?:also|has|have|had|later|once|then|recently|repeatedly|previously|publicly)\s+)*$")
_RELATIVE_ENDS = ("who", "which", "also", "has", "have", "had", "later", "once", "then", "recently", "repeatedly",
                  "previously", "publicly")


def _manner_adverb(text: str, words: list[tuple[int, int, str]]) -> bool:
    """Whether the last word is an -ly adverb right after a name, a pronoun or the comma
    closing an aside (`Jane Roe loudly asked`, `she quickly added`, `Roe, who was there,
    loudly asked`), or any -ly word that is not one of the nouns in ly_nouns.txt (`the
    senator strongly denied`). Those nouns may be the subject (`the family said`, `a close
    ally said`)."""
    last = words[-1][2]
    if not (last.islower() and last.endswith("ly") and len(last) > 4):
        return False
    if len(words) > 1 and last not in load_words("ly_nouns.txt") and words[-2][2].islower():
        return True     # after a common noun: `the senator strongly denied`
    k = len(words) - 2
    while k >= 0 and words[k][2] in _TRAILING_NOISE:
        k -= 1      # `Jane Roe, who …, then loudly asked`
    if k < 0:
        return False
    if "," in text[words[k][1]:words[k + 1][0]]:
        return True
    prev = words[k][2]
    return prev.lower() in _SUBJECT_PRONOUNS or _is_cap(prev) and prev.lower() not in load_words("function_words.txt")


_SUBJECT_PRONOUNS = frozenset("i he she we they you it".split())


def _relative_subject(text: str, lo: int, cue_start: int) -> Mention | None:
    """`Mike Pence, who called their son …`: the relative pronoun is the cue's subject; the
    speakers step resolves it to the phrase it follows."""
    # The pattern ends on `who`, `which` or one of its adverbs, then white space.
    window = text[max(lo, cue_start - 80, 0):cue_start].rstrip()
    ends = window.endswith(_RELATIVE_ENDS) or window.endswith(",") and ("who," in window or "which," in window)
    m = _RELATIVE.search(text, lo, cue_start) if ends else None
    if m is None:
        return None
    return Mention(m.start(2), m.end(2)) if _has_antecedent(text, m.start(2), lo, m.group(2).lower() == "who") else None


def _has_antecedent(text: str, start: int, lo: int = 0, person: bool = False) -> bool:
    """Whether a relative pronoun follows a name or a speaker description (`Pence, who`);
    `who` (person=True) may also follow a determined common noun (`a local farmer who`)."""
    before = _word_before(text, max(lo, start - 60), start)
    if before is None or text[before[1]:start].strip(" ,—–-"):
        return False
    last = before[2]
    if last[:1].isupper() and last.lower() not in _NOT_NAMES or last.lower() in _source_heads():
        return True
    if not person or not last.isalpha() or not last.islower() or last in load_words("clause_verbs.txt") \
            or len(last) > 4 and last.endswith(("ed", "ing")) or last in speech_verbs():
        return False    # `The aides never learned who`: a verb, whose object `who` opens
    # `who` stands for a person: the noun it follows heads a phrase that a determiner opens
    # within three words before it, with no verb or preposition between (`a local farmer
    # who`, not `asked who`).
    words = _words(text, max(lo, before[0] - 40), before[1])
    for w in reversed(words[-4:-1]):
        low = w[2].lower()
        if low in _DETERMINERS:
            return True
        if not w[2].isalpha() or low in _PREPOSITIONS or low in load_words("clause_verbs.txt") or low in _DO \
                or text[w[1]:before[0]].strip(" -") and not text[w[1]:before[0]].isspace():
            return False
    return False


# --- direct quotes --------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r"[,;:—–\u2014\u2013()“”\"]|\b(?:and|but|while|as|because|when|after|before|who|which)\s", re.IGNORECASE)


# _CLAUSE_BREAK's two kinds of match: one mark, or a word and the white space after it.
_CLAUSE_MARKS = ",;:—–()“”\""
# (The look-ahead of the words' first letters, a, b and w, lets re rule out most offsets by
# one class test, before the word boundary and the case-blind alternatives: the same matches.)
_CLAUSE_WORD = re.compile(r"(?=[abw])\b(?:and|but|while|as|because|when|after|before|who|which)\s", re.IGNORECASE)


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Start of the clause that ends at pos: after the last comma, colon, dash or quote mark
    (or clause word): the end of the last match of _CLAUSE_BREAK in [lo, pos).

    A mark is never part of a word match, so a scan reaches every mark and resumes right
    after it: the last match is the last word match after the last mark, else that mark.
    The marks are found from the end (rfind), and only the text after the last one is scanned."""
    if lo < 0 or pos < 0:      # re clamps negative offsets, rfind counts them from the end
        return max([lo] + [m.end() for m in _CLAUSE_BREAK.finditer(text, lo, pos)][-1:])
    mark = max(map(text.rfind, _CLAUSE_MARKS, repeat(lo), repeat(pos)))
    last = lo if mark < 0 else mark + 1
    for m in _CLAUSE_WORD.finditer(text, last, pos):
        last = m.end()
    return last


def _verbs_in(text: str, start: int, end: int, verbs: frozenset[str]) -> list[tuple[int, int, str]]:
    return [w for w in _words(text, start, end) if w[2].lower() in verbs]


def _cue_span(text: str, w: tuple[int, int, str]) -> tuple[int, int]:
    s, e, word = w
    if word.lower() == "according":
        m = re.match(r"\s+to\b", text[e:e + 5])
        if m:
            return s, e + m.end()
    return s, e


def _set_mention(claim: Claim, mention: Mention, cue: tuple[int, int] | None, rule: str) -> Claim:
    if cue is not None:
        claim.cue_start, claim.cue_end = cue
    claim.mention_start, claim.mention_end = mention.start, mention.end
    if mention.descriptor:
        claim.descriptor_start, claim.descriptor_end = mention.descriptor
    claim.rule = rule
    return claim


def _with_apposition(text: str, mention: Mention | None, limit: int) -> Mention | None:
    if mention is not None and mention.descriptor is None:
        mention.descriptor = apposition_after(text, mention.end, limit)
    return mention


# `a “devilishly ingenious” enemy, as another official described him`
_AS_CUE = re.compile(r"\s*[\w’'-]*,?\s+as\s")
_TRAILING_END = re.compile(r":|[.!?…](?=[\s”\"’]|$)")


# A short clause closing on a comma or colon right before an opening quotation mark.
_CLAUSE_THEN_QUOTE = re.compile(r"[^,;:.!?“”\"]{1,80}[,:]\s*[“\"]")


_NAME_AFTER_DESCRIPTION = re.compile(r",\s+((?:[a-z][\w-]*\s+){0,3})([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})(?=\s*(?:[.,;:!?]|$))")


def _trailing_window(text: str, start: int, limit: int) -> tuple[int, bool]:
    """End of the words that can attribute a quote from behind it, and whether they do
    not, because they introduce what follows (`He added: “…”`)."""
    pos = start
    while True:
        m = _TRAILING_END.search(text, pos, limit)
        if not m:
            return limit, False
        if m.group() == ":":
            return m.start(), True
        if m.group() == "." and _ABBREV.search(text, max(start, m.start() - 6), m.start() + 1):
            pos = m.end()
            continue
        return m.start(), False


def _last_mark(text: str, quote: Quote) -> str:
    """The quote's last character, or the one before a single mark closing a quote nested
    at its end (`‘… ringleader,’`); a plural possessive (`the players’`) keeps its letter."""
    end = quote.end
    if text[end - 1:end] in ("’", "'") and text[end - 2:end - 1] in (",", ".", "!", "?", "…"):
        end -= 1
    return text[end - 1:end]


_AFTER_CLOSE = re.compile(r"[\s,.!?…]*")
_TO_AFTER = re.compile(r"\s+to\b")
_COLON_AT_END = re.compile(r":\s*$")


def attribute_quote(text: str, quote: Quote, sent: tuple[int, int], other_quotes: list[Quote],
                    para_end: int | None = None) -> Claim:
    """A claim for one quote, with the cue and mention found around it in its sentence
    (mention_start is None when no attribution was found)."""
    verbs = speech_verbs()
    s_start, s_end = sent
    q_open, q_close = quote.outer
    claim = Claim(kind="direct", start=quote.start, end=quote.end, sentence_start=s_start, sentence_end=s_end)
    # 1. Right after the quote: `,” he said` / `,” said X` / `” the president tweeted.`
    nxt = min([q.open_mark for q in other_quotes if q.open_mark >= q_close] + [para_end or s_end])
    m = _AFTER_CLOSE.match(text[q_close:nxt])
    pos = q_close + (m.end() if m else 0)
    nxt, introduces_next = _trailing_window(text, pos, nxt)
    # Only a quote that opens its sentence or ends on punctuation hands over to an
    # attribution behind it; `the “spontaneous” protests rather than labeling it` does not.
    # The quote's last mark, past a quote nested in it (`… as, ‘He’s the ringleader,’”`).
    last_mark = _last_mark(text, quote)
    if not introduces_next and (last_mark in (".", "!", "?") or text[q_close:q_close + 1] in (".", "!", "?")) \
            and _CLAUSE_THEN_QUOTE.match(text, pos, min(len(text), pos + 120)) \
            and text[s_start:q_open].rstrip().endswith((",", ":")):
        # `X responds with, “…?” Y then writes back, “…”`: after a quote that closed its
        # sentence (and was introduced by its own cue), a clause closing on a comma before
        # the next quote introduces that one.
        introduces_next = True
    hands_over = (not text[s_start:q_open].strip() or last_mark in (",", ".", "!", "?", "…")
                  or text[q_close:q_close + 1] in (",", ".", "!", "?")
                  or _AS_CUE.match(text, q_close) is not None)
    named = _relative_naming(text, s_start, q_open)
    if named is not None:
        # `in what Bay Buchanan, national treasurer for …, called “hand-to-hand combat.”`,
        # `in a clip that Judge Mosman called “distasteful,” Santilli expressed …`: the
        # subject of the naming verb in the relative clause speaks the name.
        return _set_mention(claim, named[0], named[1], "before-quote")
    if last_mark == "," or text[q_close:q_close + 1] == ",":
        opening = _opening_clause_speaker(text, s_start, q_open, other_quotes)
        if opening is not None:
            # `When Maddow pointed out that … “Medicare for all,” Clinton seized upon …`
            return _set_mention(claim, opening[0], opening[1], "opening-clause")
    words = [] if introduces_next or not hands_over else _words(text, pos, nxt)[:_MAX_MENTION_WORDS + 2]
    ends_sentence = last_mark in (".", "!", "?") or text[q_close:q_close + 1] in (".", "!", "?")
    if words and text[s_start:q_open].strip() and (last_mark == "." or text[q_close:q_close + 1] == "."):
        words = []      # `Trump said Clinton “caused death.” Sanders called …`: woven in, its sentence ended
    if ends_sentence and words and words[0][2][:1].isupper() and len(_words(text, pos, nxt)) > 8 \
            and not _attribution_goes_on(text, words, verbs, nxt) and not (not text[s_start:q_open].strip() and _asked_then_cue(text, quote, q_close, words, verbs)):
        # The quote closed its sentence and a new, long one follows: `“….” He said he had …`
        # is a new statement, not this quote's attribution (`“…?” Trump asked.` is, and so
        # is `“…?” Lichtman said about McCain’s effort to …`).
        words = []
    if words and words[0][2].lower() in _SUBORDINATORS - {"as"}:
        # `“…,” when it posted on Jan. 27`, `“…,” after Clinton spokesman Brian Fallon
        # expressed …`: a subordinate clause after the quote is no attribution of it; the
        # main clause after its comma may be (`“…,” when asked about it, Obama said`).
        comma = text.find(",", words[0][1], nxt)
        words = [x for x in words if x[0] > comma] if comma >= 0 else []
    if words and words[0][2].lower() == "according" and not text[s_start:q_open].strip() \
            and (to := _TO_AFTER.match(text, words[0][1])):
        # `“…,” according to a court document filed by …`: the source right after a quote
        # that opens its sentence (after `X called it “…,”` the codebook credits X, the inner
        # speaker, not the source that reports X).
        mention = mention_after(text, to.end(), nxt)
        if mention is not None and (valid_mention(text, mention) or _determined_phrase(text, mention)):
            return _set_mention(claim, mention, (words[0][0], to.end()), "according-to")
    for k, w in enumerate(words):
        if _is_cue(text, w, verbs, pos if k == 0 else s_start):
            if k == 0:
                if w[2].lower().endswith("ing"):
                    break   # `“…,” referencing the Cuban immigrants`: a participle takes an object, not its speaker
                mention = mention_after(text, w[1], nxt)
                if mention is not None and not valid_mention(text, mention):
                    # `“…,” exhorted Clinton's introducer, actress Jamie Lee Curtis.`: the name apposed
                    named = _NAME_AFTER_DESCRIPTION.match(text, mention.end, nxt)
                    if named:
                        mention = Mention(named.start(2), named.end(2), (mention.start, mention.end))
                rule = "after-quote-inverted"
            elif text[s_start:q_open].strip() and any(x[2].lower() in ("and", "but", "while", "whereas") for x in words[:k]):
                break   # `Cruz said he’d make sand “glow,” for instance, and Trump vowed …`: a new clause
            else:
                mention = subject_of(text, pos, w[0])
                if mention is None and not w[2].lower().endswith("ing"):
                    # `“…,” the investor said`: a determined phrase whose head the training
                    # data does not show is still the subject of a cue right after a quote,
                    # when it is all that stands between them (not `…,” a website linked
                    # to a group called …`, `…,” winning the key states`).
                    plain = mention_before(text, _clause_start(text, pos, w[0]), w[0])
                    if plain is not None and plain.start == words[0][0] and _determined_phrase(text, plain) \
                            and not any(x[2].endswith("ed") for x in _words(text, plain.start, plain.end)[1:]):
                        mention = plain
                rule = "after-quote"
            if mention is not None and (valid_mention(text, mention) or _determined_phrase(text, mention) and (
                    k > 0 or w[2].lower() in load_words("inversion_verbs.txt"))):
                return _set_mention(claim, mention, _cue_span(text, w), rule)
            break
    # `“…,” Trump went on`: a quote that ends on a comma hands over to its attribution, and
    # so does a question or exclamation opening its sentence: `“…, right?” Trump went on`
    # (there a function word opens the next sentence as often as a subject: `“…?” Her
    # voice rose`, `“…?” Do you …`).
    comma = last_mark == "," or text[q_close:q_close + 1] == ","
    if comma or last_mark in ("?", "!") and text[q_close:q_close + 1] == " " and not text[s_start:q_open].strip():
        subject = _subject_then_verb(text, pos, nxt)
        if subject and (comma or _names_or_pronoun(text, subject[0])):
            return _set_mention(claim, subject[0], subject[1], "after-quote-comma")
    # A passive naming with its agent: `called the “Crossroads” by the citizens`, `known by
    # some voters as a “hug”`: the agent speaks the name.
    agent = _naming_agent(text, s_start, quote, nxt)
    if agent is not None:
        return _set_mention(claim, agent[0], agent[1], "before-quote-inverted")
    # 2. Before the quote in its sentence: the nearest cue to the quote's left.
    prev = max([q.close_mark + 1 for q in other_quotes if q.close_mark is not None and q.close_mark < q_open] + [s_start])
    possessed = _possessed_utterance(text, prev, q_open)
    absolute = None     # an absolute participle's subject (checked by _absolute_subject)
    passive = None      # the nearest cue in the passive, which names no speaker
    for w in reversed(_words(text, prev, q_open)):
        if possessed is not None and w[0] <= possessed[1]:
            break       # `her remark that “…”`: the possessor is nearer the quote than any cue
                        # (the noun itself too: `his warning that …`, `Trump’s claim that …`)
        low = w[2].lower()
        if low == "according":
            to = re.match(r"\s+to\b", text[w[1]:w[1] + 5])
            if to:
                mention = mention_after(text, w[1] + to.end(), q_open)
                if mention and (valid_mention(text, mention) or _determined_phrase(text, mention)):
                    # (`According to the court-released playbook, …`: whatever it names is the source.)
                    return _set_mention(claim, mention, (w[0], w[1] + to.end()), "according-to")
            continue
        if text[w[0] - 3:w[0]] == "to " and (with_subject := _with_infinitive_subject(text, prev, w)) is not None:
            # `…, with Lewandowski taking to Twitter to call Fields “totally delusional”`
            return _set_mention(claim, with_subject, _cue_span(text, w), "before-quote")
        if not _is_cue(text, w, verbs, s_start):
            if text[w[0] - 3:w[0]] == "to " and (controlled := _object_controller(text, prev, w)) is not None:
                # `The record prompted the paper to state, “…”`: an infinitive is the bare
                # form of a verb of speech (states, stated), its subject the object before it.
                return _set_mention(claim, controlled, _cue_span(text, w), "before-quote")
            continue
        if low in load_words("naming_participles.txt") and not text[w[1]:q_open].strip(" ,:") \
                and (thing := _names_a_thing(text, prev, w[0])) is not None:
            # `Mook released a memo titled “…”`: the memo is named; the sentence's subject
            # speaks (without one, the phrase stands: a claim keeps a mention it had).
            subject = sentence_subject(text, s_start, thing.start)
            if subject is not None:
                return _set_mention(claim, subject, None, "sentence-subject")
        after_quote = prev > s_start and low.endswith("ing")   # `“…,” X said on “Y,” adding, “…”`
        progressive = _progressive_start(text, prev, w) if low.endswith("ing") else None
        if progressive is not None and (_reported_weak_cue(text, s_start, w, verbs)
                                        or not ((found := subject_of(text, prev, progressive)) and valid_mention(text, found))):
            # `She says …, but insists Sanders is mounting a “…”`: hers (see _outer_report);
            # without a subject before the auxiliary, the participle's readings below.
            progressive = None
        aside = _parenthetical_cue(text, prev, w, q_open)
        if aside is not None:
            # `The paradox of Nancy, says Carl Anthony, historian at …, is that she was “…”`
            return _set_mention(claim, aside, _cue_span(text, w), "before-quote-inverted")
        if _PASSIVE_BEFORE.search(text, max(prev, w[0] - 30), w[0]) and not low.endswith("ing"):
            # `Trump was asked, “…”`, `a Marine was found guilty of “…”`: a passive's subject
            # is who was spoken to or of; the speaker is the agent of a verb of asking or
            # telling (`was asked by host Bill Maher, “…”`), else some other cue's.
            agent = re.match(r"\s+by\s", text[w[1]:w[1] + 5])
            mention = mention_after(text, w[1] + agent.end(), q_open) \
                if agent and low in load_words("addressee_verbs.txt") | _ASKING else None
            passive = passive or w
            rule = "before-quote-inverted"
        elif not text[prev:w[0]].strip(" \t,;:—–") and not after_quote or _inverted_aside(text, prev, w, q_open):
            # `Said Dorothy Poynter, who grew up with Ali, “…”`; `But, said Solovey, “…”`
            mention = mention_after(text, w[1], q_open)
            rule = "before-quote-inverted"
        elif low.endswith("ing") and progressive is None and (with_subject := _WITH_SUBJECT.search(text, prev, w[0])):
            # `…, with Sen. John McCain calling it a “Chinese menu.”`
            mention = mention_before(text, with_subject.start(1), w[0])
            rule = "before-quote"
        elif low.endswith("ing") and progressive is None and (absolute := _absolute_subject(text, s_start, w)) is not None:
            # `…, with many marchers chanting “…”`, `– Ryan saying he was “…”`: a participle
            # after a clause break with its own subject before it (and what it is coordinated with)
            mention = absolute
            rule = "before-quote"
        elif low.endswith("ing") and progressive is None:
            # `Trump issued a statement saying …`: a participle speaks for the clause's
            # subject, not for the object before it.
            mention = (_subordinate_subject(text, s_start, w)
                       or _earlier_cue_subject(text, s_start, w[0]) or sentence_subject(text, s_start, w[0])
                       or description_subject(text, s_start, w[0], for_participle=True)
                       or subject_of(text, prev, w[0]))
            rule = "before-quote"
        elif (controlled := _object_controller(text, prev, w)) is not None:
            # `The record prompted the paper to state, “…”`: the infinitive's subject is the
            # object of the verb before it.
            return _set_mention(claim, controlled, _cue_span(text, w), "before-quote")
        else:
            # (`Kasich’s campaign is already claiming victory in the “…”`, `Sen. Ron Johnson
            # kept asking her why … “…”`: an -ing form after `be` or a verb of aspect is the
            # clause's own verb, its subject before the auxiliary.)
            mention = subject_of(text, prev, w[0] if progressive is None else progressive)
            outer = _outer_report(text, s_start, w, q_open, verbs) if mention is not None \
                and text[mention.start:mention.end].lower() not in _pronouns() | {"who", "which"} else None
            if outer is not None:
                # `Westmacott said that Obama shows “great charm”`: a verb that is seldom a cue
                # (by the training data) inside what a verb of speech reports is no
                # attribution of its own; the reporting verb's subject speaks. (A pronoun
                # subject there is as often the reporter again: `she said she …`.)
                return _set_mention(claim, outer[0], outer[1], "before-quote")
            if mention is None or not valid_mention(text, mention):
                determined = _determined_subject(text, prev, w[0]) or _coordinated_subject(text, prev, w[0]) \
                    or (_coordinated_subject(text, s_start, w[0], _quote_spans(other_quotes, s_start, q_open))
                        if prev > s_start else None) or _apposed_determined(text, prev, w[0])
                if determined is not None:
                    return _set_mention(claim, determined, _cue_span(text, w), "before-quote")
            rule = "before-quote"
        later = _later_clause_subject(text, prev if low.endswith("ing") and progressive is None else w[1], q_open)
        if later is not None:
            # `Stevens says, but she cautions that she sees “…”`: a clause of its own
            # between the cue and the quote, with a pronoun subject, speaks for the quote.
            return _set_mention(claim, later, None, "later-clause")
        main = _main_clause_subject(text, s_start, prev, w, q_open)
        if main is not None:
            # `When Trump suggested …, Rubio fired back: “…”`: the cue belongs to an
            # opening subordinate clause; the quote to the main clause after it.
            return _set_mention(claim, main, None, "main-clause")
        if mention is not None and (mention is absolute or valid_mention(text, mention)):
            return _set_mention(claim, mention, _cue_span(text, w), rule)
    if possessed is not None:
        return _set_mention(claim, possessed[0], None, "possessor")
    # `as The Post’s Dana Milbank puts it, “…”`: the idiom attributes what follows.
    # (The pattern holds a literal `put`: a window without one is not searched.)
    put = _PUT_IT.search(text, prev, q_open) if "put" in text[prev:q_open] else None
    if put is not None:
        mention = subject_of(text, put.start(1), put.end(1) + (text[put.end(1):put.end(1) + 1] == ","))
        if mention and valid_mention(text, mention):
            return _set_mention(claim, mention, (put.start(2), put.end(2)), "as-put-it")
    # A colon right before the quote with a subject before it: `Trump on Twitter: “…”`,
    # or the subject of the verb the colon closes: `the Christie supporter retorted: “…”`.
    if _COLON_AT_END.search(text[prev:q_open]):
        colon = text.rfind(":", prev, q_open)
        byline = _BYLINE_BEFORE.match(text, prev, q_open) if prev > s_start else None
        if byline is not None:
            # `“Museum to close,” by the Post’s Jane Roe: “…”`: a reading list's excerpt is
            # the words of the writer it is credited to.
            return _set_mention(claim, Mention(byline.start(1), byline.end(1)), None, "byline")
        clause = _clause_start(text, prev, colon)
        mention = mention_before(text, clause, colon)
        if mention and valid_mention(text, mention):
            inner = _words(text, mention.start, mention.end)
            cut = next((k for k, x in enumerate(inner) if x[2].lower() in _PREPOSITIONS
                        or x[2].lower() in ("among", "between")), len(inner))
            if cut > 0 and not _is_cap(inner[cut - 1][2]) and not _DASH.search(text, mention.start, mention.end) \
                    and any(x[2].lower() not in _LEADING_NOISE for x in _words(text, clause, mention.start)):
                # `McConnell delivered a blunt message to Trump: “…”`: a description after a
                # verb before the colon is its object; the sentence's subject speaks (a name
                # there, or a credit after a dash, is the attribution itself: `… - More from
                # Jones: “…”`).
                subject = sentence_subject(text, s_start, mention.start) or description_subject(text, s_start, mention.start)
                if subject is not None and subject.end <= mention.start and not any(
                        _POSSESSIVE_END.search(x[2]) for x in _words(text, subject.start, subject.end)):
                    return _set_mention(claim, subject, None, "colon")
            return _set_mention(claim, mention, None, "colon")
        subject = _subject_before_colon(text, _clause_start(text, prev, colon), colon)
        if subject is not None:
            return _set_mention(claim, subject[0], subject[1], "colon-verb")
    # 3. A quote woven into a sentence whose subject is the speaker:
    #    `Huckabee, for his part, is labeling Obama’s actions “a blatant abuse of power.”`
    if text[s_start:q_open].strip() and len(text[quote.start:quote.end].split()) >= SUBJECT_MIN_WORDS and not is_title_at(text, quote.start, quote.end):
        later = _later_clause_subject(text, prev, q_open)
        if later is not None:
            return _set_mention(claim, later, None, "later-clause")
        subject = sentence_subject(text, s_start, q_open) or _description_fallback(text, s_start, q_open) \
            or _subject_after_opening_phrase(text, s_start, quote, s_end)
        if subject:
            return _set_mention(claim, _inside_relative(text, subject, q_open), None, "sentence-subject")
    if passive is not None:
        # An agentless report (`Trump was asked, “…”`): a claim with a cue and no speaker.
        claim.cue_start, claim.cue_end = _cue_span(text, passive)
        claim.rule = "before-quote"
    return claim


# `with X taking to Twitter to `: the subject of an absolute participle, then an infinitive.
_WITH_INFINITIVE = re.compile(r"\bwith\s+([A-Z][^,;:“”\"()]{0,60}?)\s+[a-z]+ing\b[^,;:“”\"()]{0,40}?\sto\s+$")


def _with_infinitive_subject(text: str, prev: int, w: tuple[int, int, str]) -> Mention | None:
    """The subject of `with X V-ing … to CUE`: the infinitive's subject is the participle's
    (the cue a verb of saying, or its bare form)."""
    said = speech_verbs()
    low = w[2].lower()
    if not (low in said or low + "s" in said or low + "d" in said or low + "ed" in said):
        return None
    m = _WITH_INFINITIVE.search(text, max(prev, w[0] - 120), w[0])
    if m is None:
        return None
    mention = mention_before(text, m.start(1), m.end(1))
    if mention is None or mention.start != m.start(1) or mention.end != m.end(1) or not valid_mention(text, mention):
        return None
    return mention


_CONTROL_RELATIVE = re.compile(r",\s+(?:who|which)\s[^,;:“”\"()]{1,100},\s*$")


def _object_controller(text: str, prev: int, w: tuple[int, int, str]) -> Mention | None:
    """The object of an object-control verb (object_control_words.txt) before the cue's `to`
    (`prompted the paper to state`, `leading advisers like Gene Sperling to counter`), when
    the cue is a verb of saying (speech_verbs.txt, or its bare form): the phrase between the
    verb and `to`, when it is a name or a determined phrase."""
    said = load_words("speech_verbs.txt")
    low = w[2].lower()
    if not (low in said or low + "s" in said or low + "d" in said or low + "ed" in said):
        return None     # `urging members to oppose “…”`: only a verb of saying has the object speak
    before = _word_before(text, max(prev, w[0] - 8), w[0])
    if before is None or before[2] != "to" or text[before[1]:w[0]].strip():
        return None
    end = before[0]
    # The object keeps its relative clause set off by commas (`prompted Dave Baker’s almanac,
    # which tracks the counties, to state`): the object ends before it.
    relative = _CONTROL_RELATIVE.search(text, max(prev, end - 160), end)
    if relative is not None:
        end = relative.start()
    words = _words(text, max(prev, end - 120), end)[-10:]
    verbs = load_words("object_control_words.txt")
    k = next((i for i in range(len(words) - 2, -1, -1) if words[i][2].lower() in verbs), None)
    if k is None or any(mark in text[words[k][1]:end] for mark in ",;:“”\"()"):
        return None
    mention = Mention(words[k + 1][0], words[-1][1])
    return mention if valid_mention(text, mention) or _determined_phrase(text, mention) else None


# A credit line between a quoted headline and a colon: `,” by the Post’s Jane Roe: ` (the
# outlet's possessive optional).
_BYLINE_BEFORE = re.compile(r"[,\s]*by\s+(?:the\s+)?(?:(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*[’'](?:s\b)?\s+)?"
                            r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3})\s*:\s*$")


_PUT_IT = re.compile(r"\b[Aa]s\s+([^;:“”\"]{1,100}?),?\s+((?:(?:once|has|had|have|memorably|famously|bluntly|later)\s+)?puts?\s+it)\s*[,:]\s*$")


_NAMING_BEFORE = re.compile(r"\b((?:[a-z]+ed|known))\s+(?:(?:the|a|an|it|him|her|them|this|that)\s+)?(?:[\w’'-]+\s+){0,2}$")
_AGENT_BEFORE = re.compile(r"\b((?:[a-z]+ed|known))\s+by\s+((?:[\w.’'-]+\s+){1,5}?)as\s+(?:(?:a|an|the)\s+)?$")


_BY = re.compile(r"\s+by\s+")


def _naming_agent(text: str, s_start: int, quote: Quote, limit: int) -> tuple[Mention, tuple[int, int]] | None:
    """The agent of a passive participle that names the quoted words: after the quote
    (`called the “Crossroads of America” by the citizens`) or before it (`known by some
    voters as a “hug”`)."""
    q_open, q_close = quote.outer
    lo = max(s_start, q_open - 80)
    # The pattern holds a literal `by`: a window without one is not searched.
    m = _AGENT_BEFORE.search(text, lo, q_open) if "by" in text[lo:q_open] else None
    if m is not None:
        mention = mention_before(text, m.start(2), m.end(2))
        if mention is not None and mention.start == _words(text, m.start(2), m.end(2))[0][0] \
                and (valid_mention(text, mention) or _determined_phrase(text, mention)):
            return mention, (m.start(1), m.end(1))
        return None
    by = _BY.match(text[q_close:q_close + 6])
    if by is None:
        return None
    m = _NAMING_BEFORE.search(text, max(s_start, q_open - 40), q_open)
    if m is None or m.group(1) not in speech_verbs() and m.group(1) not in ("known", "dubbed", "labeled", "labelled", "nicknamed"):
        return None
    if any(x[2].lower() in _PREPOSITIONS for x in _words(text, m.end(1), q_open)):
        return None     # (`reported in a “hit piece” by the Times`: the piece's author)
    mention = mention_after(text, q_close + by.end(), limit)
    if mention is None or not (valid_mention(text, mention) or _determined_phrase(text, mention)):
        return None
    return mention, (m.start(1), m.end(1))


_OPENING_PARTICIPLE = re.compile(r"\s*(?:(?:And|But)\s+)?(?:(?i:after|before|in|while|when|since|by|despite|without)\s+(?:\w+ly\s+)?[a-z]+ing|[A-Z][a-z]+ing)\b")


def _subject_after_opening_phrase(text: str, s_start: int, quote: Quote, s_end: int) -> Mention | None:
    """`After spending the week bickering over whether the other is “qualified,” Clinton
    ripped into …`, `And in explaining why those “solutions” had not passed, Clinton …`: a
    quote inside an opening participial phrase is the main clause's subject's."""
    if not _OPENING_PARTICIPLE.match(text, s_start):
        return None
    comma = text.find(",", quote.outer[1] - 1, s_end)
    if comma < 0 or "," in text[s_start:quote.outer[0]] or any(m in text[quote.outer[1]:comma] for m in DOUBLE_MARKS):
        return None
    return _clause_subject(text, comma + 1, s_end)


def _determined_subject(text: str, lo: int, cue_start: int) -> Mention | None:
    """`The retired plumber said the town was “…”`: a short noun phrase opened by a determiner
    that is all of its clause before the cue (an adverb aside) is the cue's subject, though
    its head is not one the training data shows."""
    clause = _clause_start(text, lo, cue_start)
    plain = mention_before(text, clause, cue_start)
    if plain is None or not _determined_phrase(text, plain):
        return None
    if any(x[2].lower() in _PASSIVE_AUXILIARIES for x in _words(text, plain.end, cue_start)):
        return None     # `his salesmen were told, “…”`: a passive's subject is the listener
    before = _words(text, clause, plain.start)
    if any(x[2].lower() not in _LEADING_NOISE and x[2].lower() not in load_words("opening_adverbials.txt")
           and x[2].lower() not in ("later", "earlier") for x in before):
        return None
    inner = _words(text, plain.start, plain.end)[1:]
    closed = load_words("function_words.txt")
    verbs = speech_verbs()
    cut = next((k for k, x in enumerate(inner) if x[2].lower() in _PREPOSITIONS), len(inner))
    if cut < len(inner) and any(x[2].lower() in verbs or x[2].lower() in _VERB_LIKE or x[2].lower() in _pronouns()
                                for x in inner[cut:]):
        return None
    inner = inner[:cut]     # (`the plumber from the next town`: its head's complement)
    if inner and inner[-1][2].lower().endswith("ed"):
        return None     # `a website linked to a group called “…”`: a participle, no head
    if len(inner) > 5 or any(
            x[2].lower() in closed or x[2].lower() in verbs or x[2].lower() in _VERB_LIKE or x[2].lower() in _MONTHS_DAYS
            or x[2].lower() in _TRAILING_NOISE or x[2].lower().endswith(("ing", "ly")) or not x[2].isascii() and "\xa0" in text[plain.start:plain.end]
            for x in inner):
        # Only determiner, modifiers and head: a closed-class word, a verb, an adverb or a
        # day inside (`both oppose an inflation formula called`, `The longtime senator said
        # he rarely`, `The director further`) means the phrase runs past its noun.
        return None
    return plain


_AND_BEFORE_CUE = re.compile(r"\b(?:and|but)\s+(?:(?:then|later|also|quickly|repeatedly)\s+)?$")
_COORDINATOR_FIRST = re.compile(r"\s*(?:and|but)\s+", re.IGNORECASE)


def _quote_spans(quotes: list[Quote], lo: int, hi: int) -> list[tuple[int, int]]:
    return [q.outer for q in quotes if lo <= q.outer[0] < hi]


def _coordinated_subject(text: str, lo: int, cue_start: int, skip: list[tuple[int, int]] = ()) -> Mention | None:
    """`The farming association denounced the plan and said, “…”`: a cue coordinated with an
    earlier verb of its clause shares that verb's subject, which opens the clause (after its
    last comma or the sentence start, and a conjunction there). With `skip`, the quotes of
    the clause (`Bush called Rubio “a leader” but described his skills as a “work in
    progress”`): marks inside them break no clause."""
    m = _AND_BEFORE_CUE.search(text, max(lo, cue_start - 30), cue_start)
    if m is None:
        return None
    if skip and any(a < m.start() <= b for a, b in skip):
        return None
    masked = text[lo:m.start()]
    for a, b in skip:
        masked = masked[:a - lo] + " " * (b - a) + masked[b - lo:]
    clause = lo + max([0] + [masked.rfind(mark) + 1 for mark in ",;:—–("])
    conj = _COORDINATOR_FIRST.match(text, clause, m.start())
    if conj:
        clause = conj.end()
    while clause < m.start() and text[clause].isspace():
        clause += 1
    if clause >= m.start():
        return None
    for _ in range(3):
        # `he looked at the camera, shook his head and said`: a bare verb phrase of a series
        # opens the segment; the subject opens the series (the segment before the comma).
        first = _words(text, clause, m.start())[:1]
        comma = text.rfind(",", lo, clause)
        back = masked.rfind(",", 0, comma - lo) if first and comma >= lo and not text[comma + 1:clause].strip() else -1
        if not first or not first[0][2][:1].islower() or first[0][2].lower() in _PHRASE_DETERMINERS \
                or first[0][2].lower() in _pronouns() or back < 0:
            break
        start = lo + back + 1
        while start < clause and text[start].isspace():
            start += 1
        lead = _words(text, start, clause)[:1]
        if not lead or lead[0][2].lower() not in _SUBJECT_PRONOUNS - {"it", "you"} and not _is_cap(lead[0][2]):
            break
        clause = start
    mark = text.rfind(",", lo, clause)
    if mark >= 0 and not text[mark + 1:clause].strip() and (
            _PLACE_BEFORE_COMMA.search(text, max(lo, mark - 60), mark)
            or text[clause:m.start()].strip().lower() in _regions()):
        return None     # (`at the border in Laredo, Texas and explained`: the clause opens on a place)
    first = _words(text, clause, m.start())[:1]
    if first and first[0][2].lower() in speech_verbs() or re.search(r"\b(?:who|which)\b", text[clause:m.start()]):
        return None     # (`said a former official who oversaw … and described`: inverted, or a relative's verbs)
    mention = sentence_subject(text, clause, m.start())
    if mention is not None and re.match(r"\s+[a-z]", text[mention.end:mention.end + 2]) \
            and not _words(text, mention.end, m.start())[0][2].lower() in speech_verbs() | _VERB_LIKE \
            and not _words(text, mention.end, m.start())[0][2].lower().endswith(("ed", "ly", "s")):
        mention = None  # (`Republican candidate Lindsey Graham said`: a modifier, not the subject)
    if mention is not None:
        return mention if mention.start == clause or text[clause:mention.start].strip().lower() == "the" else None
    # A description: from its determiner up to the first word that is a verb or an adverb.
    words = _words(text, clause, m.start())
    if not words or words[0][2].lower() not in _PHRASE_DETERMINERS:
        return None
    verbs = speech_verbs()
    end = None
    for k, x in enumerate(words[1:], 1):
        low = x[2].lower()
        if low in verbs or low in _VERB_LIKE or low.endswith("ly") or k > 1 and low.endswith("ed") or low in _TRAILING_NOISE:
            end = k
            break
    if end is None or end < 2:
        return None
    mention = Mention(words[0][0], words[end - 1][1])
    return mention if _determined_phrase(text, mention) or valid_mention(text, mention) else None


def _subject_before_colon(text: str, clause: int, colon: int) -> tuple[Mention, tuple[int, int]] | None:
    """A subject, then a verb of its own with at most two words after it (`Rubio fired back
    forcefully:`, `the Christie supporter retorted:`), closing on the colon that opens the quote."""
    words = _words(text, clause, colon)
    for k in range(1, len(words)):
        w = words[k]
        low = w[2].lower()
        if not w[2][:1].islower() or not (low.endswith("ed") or low in speech_verbs()):
            continue
        if len(words) - k > 3:
            return None
        head = words[:k]
        if len(head) == 1 and head[0][2].lower() in _pronouns():
            mention = Mention(head[0][0], head[0][1])
        else:
            mention = _split_name(text, head)
        if mention is None or mention.start != head[0][0] and head[0][2].lower() not in _LEADING_NOISE:
            return None
        if valid_mention(text, mention) or _determined_phrase(text, mention):
            return mention, (w[0], w[1])
        return None
    return None


# A conjunction opening a clause of its own, then its pronoun subject and a lower-case word.
# (A match opens on `,` `”` `"` or `;`, looked ahead for: the optional comma before a quotation
# mark leaves re no first character to skip to, so it tried every offset.)
_LATER_CLAUSE = re.compile(r"(?=[,”\";])(?:(?:,|,?[”\"])\s*(?:but|and|although|though|while|yet)|;)\s+"
                           r"(?:then\s+|also\s+|later\s+)?(he|she|they|we|I)\s+(?:[a-z][\w’'-]*)")


def _later_clause_subject(text: str, lo: int, q_open: int) -> Mention | None:
    """The pronoun subject of the last clause opened by a conjunction before the quote (`…,
    but he gave the Texan a compliment: “…”`, `…, although she made it clear that she has
    “…”`): the quote is that clause's, not the earlier clause's cue's."""
    found = None
    for m in _LATER_CLAUSE.finditer(text, max(lo - 2, 0), q_open):     # (`…,” but he …` after a quote)
        found = m
    if found is None or any(mark in text[found.end():q_open] for mark in DOUBLE_MARKS):
        return None
    return Mention(found.start(1), found.end(1))


_SUBORDINATORS = frozenset("after when whenever as while before although though if since because once until unless despite without upon".split())


def _main_clause_subject(text: str, s_start: int, prev: int, w: tuple[int, int, str], q_open: int) -> Mention | None:
    """The subject of the main clause when a cue stands in a subordinate clause opening the
    sentence and a comma closes that clause before the quote (`After Jane Roe criticized
    him, Tom Baker shot back, “…”`)."""
    if prev != s_start:
        return None
    first = _words(text, s_start, w[0])[:1]
    if not first or first[0][2].lower() not in _SUBORDINATORS:
        return None
    comma = text.find(",", w[1], q_open)
    if comma < 0 or not text[comma + 1:q_open].strip(" ,:"):
        return None
    before = text.rfind(",", s_start, w[0])
    if not text[w[1]:comma].strip() and before >= 0 and len(_words(text, before, w[0])) <= 3:
        return None     # (`If …, he said, Congress can …`: a cue set off by commas is the quote's own)
    if first[0][2].lower() == "as" and not text[w[1]:comma].strip() and before < 0 \
            and w[2].lower() not in load_words("intransitive_speech_verbs.txt"):
        return None     # `As The Daily Caller reported, …“…”`: the parenthetical credits its own subject
    return _clause_subject(text, comma + 1, q_open)


_PASSIVE_AUXILIARIES = frozenset("is are was were be been being".split())
_ASKING = frozenset("asked questioned pressed challenged".split())
# A passive auxiliary (and an adverb) right before a cue.
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?$")


def _opening_clause_speaker(text: str, s_start: int, q_open: int, other_quotes: list[Quote]) -> tuple[Mention, tuple[int, int]] | None:
    """The speaker of a quote inside a subordinate clause that opens its sentence, closed by
    the quote's comma: the subject of the clause's own cue (`When Maddow pointed out that
    Sanders calls it “Medicare for all,” Clinton seized …`, `When someone in the audience
    shouted, “Cruz,” Beck joked`), not the main clause's subject after the quote. The cue
    leads straight into the quote (`After Cole said she would run, “…,” Baker said` quotes Baker)."""
    if any(s_start <= q.open_mark < q_open for q in other_quotes):
        return None
    words = _words(text, s_start, q_open)
    k = 0
    while k < len(words) - 1 and words[k][2].lower() in _COORDINATING:
        k += 1      # `But even as Trump claimed …`
    if k >= len(words) - 2 or words[k][2].lower() not in _SUBORDINATORS or words[k + 1][2].lower() == "for":
        return None
    verbs = speech_verbs()
    lo = words[k][1]
    for w in reversed(words[k + 2:]):
        if not _is_cue(text, w, verbs, s_start) or w[2].lower().endswith("ing"):
            continue
        gap = text[w[1]:q_open]
        if gap.strip() not in ("", ",", ":") and any(mark in gap for mark in ",;:—–()"):
            return None
        if any(mark in text[lo:w[0]] for mark in ",;:—–()"):
            return None     # `When asked about it, Trump said: “…,”`: the cue is the main clause's
        before = _word_before(text, lo, w[0])
        if before is None or before[2].lower() in _PASSIVE_AUXILIARIES:
            return None     # `When he was asked about it, …`: the passive subject is the listener
        mention = subject_of(text, lo, w[0])
        if mention is None or mention.start < lo or not valid_mention(text, mention):
            continue    # `When Trump referred to … and said he would “…,”`: the earlier cue's subject
        return mention, _cue_span(text, w)
    return None


_POSSESSIVE_WORDS = frozenset("his her their its our my".split())
_POSSESSIVE_END = re.compile(r"(?:’s|'s|s’|s')$")
# Words that may stand between a possessor and its noun (`Trump’s recent evidence-free assertion`).
_MAX_MODIFIERS = 3
# The noun is this near the quote (`his warning that Britain would go to the “back of the queue”`).
_MAX_NOUN_DISTANCE = 14




_NOUN_AFTER_QUOTE = re.compile(r"[,.]?[”\"]?\s+([a-z]+)\b")


def possessor_of_quoted_noun(text: str, prev: int, q_open: int, q_close: int) -> Mention | None:
    """The possessor right before a quote that modifies a noun for something said right
    after it: `Obama's "if you like your plan, you can keep it" promise`, `his “basket of
    deplorables” remark` (speech_nouns.txt)."""
    noun = _NOUN_AFTER_QUOTE.match(text, q_close, min(len(text), q_close + 30))
    if noun is None or noun.group(1) not in load_words("speech_nouns.txt"):
        return None
    before = _words(text, prev, q_open)[-4:]
    if not before or text[before[-1][1]:q_open].strip():
        return None
    last = before[-1]
    if last[2].lower() in _POSSESSIVE_WORDS:
        return Mention(last[0], last[1])
    cut = _POSSESSIVE_END.search(last[2])
    if cut is None:
        return None
    first = len(before) - 1
    while first > 0 and _is_cap(before[first - 1][2]) and before[first - 1][2].lower() not in load_words("function_words.txt") \
            and not text[before[first - 1][1]:before[first][0]].strip():
        first -= 1
    end = last[0] + cut.start() + (1 if last[2][cut.start():].startswith("s") else 0)
    mention = Mention(before[first][0], end)
    return mention if _is_cap(text[mention.start:end]) and valid_mention(text, mention) else None


def _possessed_utterance(text: str, prev: int, q_open: int) -> tuple[Mention, int] | None:
    """The possessor of a noun for something said before the quote, and the noun's offset:
    `her remark that “…”` -> her, `Donald Trump’s claim that … “…”` -> Donald Trump,
    `The Florida senator’s answer was that “…”` -> The Florida senator."""
    # Only the clause after the last semicolon, exclamation or question mark before the quote
    # (`…; Barrett’s dictum to his interns was, “…”`); a full stop inside the sentence is an
    # abbreviation's (`Gov. Mike Pence blamed the media for Donald Trump’s claim that …`).
    prev = max([prev] + [text.rfind(mark, prev, q_open) + 1 for mark in ";!?"])
    words = _words(text, prev, q_open)[-_MAX_NOUN_DISTANCE:]
    nouns = load_words("speech_nouns.txt")
    for i in range(len(words) - 1, 0, -1):
        if words[i][2].lower() not in nouns:
            continue
        for j in range(i - 1, max(-1, i - 2 - _MAX_MODIFIERS), -1):
            w = words[j]
            if "," in text[w[1]:words[j + 1][0]]:
                break
            if not _complement_of_noun(text, words[i][1], q_open) or _cue_before(text, prev, w[0]) and _judged(text, words[i][1], q_open):
                return None
            if w[2].lower() in _POSSESSIVE_WORDS:
                return Mention(w[0], w[1]), words[i][0]
            cut = _POSSESSIVE_END.search(w[2])
            if cut:
                end = w[0] + cut.start() + (1 if w[2][cut.start():].startswith("s") else 0)
                first = j
                while first > 0 and _is_cap(words[first - 1][2]) and j - first < 3 \
                        and not text[words[first - 1][1]:words[first][0]].strip() \
                        and words[first - 1][2].lower() not in load_words("function_words.txt"):
                    first -= 1      # (the name's words, not `While` opening the sentence)
                if first > 0 and words[first - 1][2].lower() == "the" and not text[words[first - 1][1]:words[first][0]].strip():
                    first -= 1
                mention = Mention(words[first][0], end)
                if (_is_cap(text[mention.start:end]) or text[mention.start:end].lower().startswith("the ")) \
                        and valid_mention(text, mention):
                    return mention, words[i][0]
                return None
        return None
    return None


# What joins a noun for something said to the quote that is its content: `remark that …`,
# `call to …`, `promise of …`, `answer was that …`, `response was: …` (not `remarks “are …”`,
# `remarks as “…”` or `description was “false”`: those quote someone judging the words).
_NOUN_COMPLEMENT = re.compile(r"\s*(?:(?:was|is|had\s+been|has\s+been)\s*(?:that\b|[:,])|that\b|to\b|of\b|for\b|:)")


# What may stand between the noun and its complement: a prepositional phrase (`her assertion
# during the debate that …`, `his dictum to his interns was, …`), or an aside in commas or
# parentheses (`His assumption, confidently stated on live TV, was that …`).
_NOUN_ASIDE = re.compile(r"\s*(?:\([^()“”\"]{1,80}\)|,[^,;:()“”\"]{1,60},|(?:in|during|before|at|on|to|about|against|from|over|after)\s[^,;:()“”\".]{1,60}?(?=\s*(?:\(|was\b|is\b|had\s+been\b|has\s+been\b|that\b|:)))")
_COPULA = re.compile(r"\b(?:was|is|were|are|had\s+been|has\s+been)\b")


def _judged(text: str, noun_end: int, q_open: int) -> bool:
    """Whether a copula stands between the noun and the quote (`Ryan said Obama’s claim that
    he won was “…”` may quote Ryan judging the claim); `Pence blamed the media for Trump’s
    claim that Obama “…”` quotes the claim itself."""
    return _COPULA.search(text, noun_end, q_open) is not None


_ARTICLE_ONLY = re.compile(r"\s*(?:(?:a|an|the)\s+)?")


def _complement_of_noun(text: str, noun_end: int, q_open: int) -> bool:
    m = _NOUN_COMPLEMENT.match(text, noun_end, q_open)
    if m is None:
        aside = _NOUN_ASIDE.match(text, noun_end, q_open)
        m = _NOUN_COMPLEMENT.match(text, aside.end(), q_open) if aside else None
        if m is not None and text[m.start():m.end()].strip() in ("to", "of", "for"):
            return False
    if m is None:
        return False
    if text[m.start():m.end()].strip() in ("of", "for"):
        # `his promise of “free college”`, `her assertion of a “claim of right”`
        return _ARTICLE_ONLY.fullmatch(text, m.end(), q_open) is not None
    return True


def _cue_before(text: str, lo: int, hi: int) -> bool:
    """A verb of speech before the possessor: `Ryan said Obama’s claim that … was “…”` may
    quote Ryan judging the claim, so the possessor rule leaves it to the cue."""
    verbs = speech_verbs()
    return any(_is_cue(text, w, verbs, lo) for w in cues_in(text, lo, hi, verbs))


_VERB_LIKE = frozenset("is are was were be been has have had do does did came went got made become became".split())


def _description_fallback(text: str, s_start: int, q_open: int) -> Mention | None:
    """A short description opening the sentence as the subject of a woven-in quote (`The
    Sanders campaign projects that “…”`): up to five words, its head a frequent speaker head,
    no verb before it (not `The first incident came during a …`)."""
    mention = description_subject(text, s_start, q_open)
    if mention is None:
        return None
    words = _words(text, mention.start, mention.end)
    if len(words) == 1 and words[0][2].lower() in _pronouns():
        return mention      # `That’s why he wanted to “…”`
    if text[s_start:mention.start].strip():
        return None     # (only a phrase opening the sentence: `Likewise, the old plan would be “…”` is no one's)
    head = words[-1][2].lower()
    counts = _source_head_counts()
    cue_next = _words(text, mention.end, q_open)[:1]
    cue_next = bool(cue_next) and cue_next[0][2] in speech_verbs()     # (`About four in 10 said …`)
    if len(words) > 5 or any(m in text[mention.start:mention.end] for m in DOUBLE_MARKS) or head in _DETERMINERS \
            or head in _PREPOSITIONS or counts.get(head, 0) < 3 and not cue_next:
        return None
    if any(w[2].lower() in _VERB_LIKE or w[2].lower().endswith("ed") or _CONTRACTION.search(w[2]) for w in words[1:]):
        return None
    return mention


@lru_cache(maxsize=1)
def _source_head_counts() -> dict[str, int]:
    return {row["word"]: int(row["count"]) for row in load_table("source_heads.tsv")}


_RELATIVE_AFTER = re.compile(r",\s+(who|which)\s[^,;:“”\"()—–]*$")


def _inside_relative(text: str, subject: Mention, q_open: int) -> Mention:
    """`Beck, who has in the past described Trump as “…”, clearly …`: a quote inside the
    subject's relative clause is credited to the relative pronoun (resolved to the subject)."""
    m = _RELATIVE_AFTER.match(text, subject.end, q_open)
    return Mention(m.start(1), m.end(1)) if m else subject


# `with X telling reporters …`: the participle's own subject stands right before it.
_ABSOLUTE = re.compile(r"(?:,?\s*\bwith|[,;—–](?!\s*with\b))\s+((?:[\w.’'-]+\s+){0,5}?[\w.’'-]+)\s+(?:[a-z]+ly\s+)?([a-z]+ing)\b")
# After `with` the subject may run longer: `…, with the campaign of the former senator from
# Pennsylvania saying …` (after a bare comma a longer run is as often a clause of its own:
# `…, his campaign sent out a text message to supporters saying …`).
_ABSOLUTE_WITH = re.compile(r",?\s*\bwith\s+((?:[\w.’'-]+\s+){6,9}?[\w.’'-]+)\s+(?:[a-z]+ly\s+)?([a-z]+ing)\b")


def _absolute_subject(text: str, prev: int, w: tuple[int, int, str]) -> Mention | None:
    """The subject of an absolute participle: `…, with Donald Trump tweeting that … and asking,
    “…”`, `…, many marchers and spectators chanting “…”`: a noun phrase right after a clause
    break (a comma, a dash, `with`), then a participle of speech that is the cue or is joined
    to it by `and`."""
    verbs = speech_verbs()
    found = None
    for m in _ABSOLUTE.finditer(text, prev, w[1]):
        found = m
    if found is None or found.end(2) != w[1]:
        for m in _ABSOLUTE_WITH.finditer(text, prev, w[1]) if "with" in text[prev:w[0]] else ():
            if m.end(2) == w[1]:
                found = m
    if found is None or found.group(2).lower() not in verbs:
        return None
    if found.end(2) != w[1]:
        between = text[found.end(2):w[0]]
        if not re.search(r"\band\s*$", between) or re.search(r"[,;:.!?]\s*\w+ing\b", between):
            return None
    words = _words(text, found.start(1), found.end(1))
    if not words or words[0][2].lower() in _PREPOSITIONS or words[-1][2].lower() in _PREPOSITIONS | _DETERMINERS:
        return None
    mention = mention_before(text, found.start(1), found.end(1))
    if mention is None or mention.start != words[0][0] and words[0][2].lower() not in ("the", "a", "an"):
        return None
    if valid_mention(text, mention):
        return mention
    # The participle's own subject, whatever its head, when the participle leads straight
    # into what is said (`with many marchers and spectators chanting “…”`; not `comes with the
    # right calling card: …`).
    leads = re.match(r"\s*(?:[“\"]|that\b|,|:)", text[w[1]:w[1] + 8]) is not None
    return mention if leads and _determined_phrase(text, mention) else None


_WITH_SUBJECT = re.compile(r"\bwith\s+((?:[A-Z]|(?:one|some|many|several|two|three)\s+of\b|the\s+[A-Z])[^,;:“”\"()]{1,80}?)\s+$")


def _asked_then_cue(text: str, quote: Quote, q_close: int, words: list[tuple[int, int, str]], verbs: frozenset[str]) -> bool:
    """`“…?” Trump told ITV in an interview aired on Monday …`: after a question or an
    exclamation, a cue within the next three words attributes the quote, however long the
    sentence runs on (after a full stop, `“….” He said he had …` is a new statement)."""
    if _last_mark(text, quote) not in ("?", "!") and text[q_close:q_close + 1] not in ("?", "!"):
        return False
    if any(_is_cue(text, words[k], verbs, words[0][0]) for k in range(1, min(4, len(words)))):
        return True
    # `“…?” Miller, a retired worker from a nuclear plant, said …`, `“…!” Rep. Ann Cole, D-Ore.,
    # said of …`: a name and its apposition or party tag
    cue = next((w for w in words[1:] if _is_cue(text, w, verbs, words[0][0])), None)
    if cue is None:
        return False
    name = [w for w in words if w[0] < cue[0]]
    if len(name) <= 6 and all(_is_cap(w[2]) for w in name) and not any(m in text[words[0][0]:cue[0]] for m in ",;:"):
        return True     # `“…!” US Senator Ann Cole said as she …`: a name with its titles, then the cue
    named = subject_of(text, words[0][0], cue[0])
    return (named is not None and words[0][0] in (named.start, (named.descriptor or (None,))[0])
            and "," in text[named.end:cue[0]] and valid_mention(text, named))


_OBJECT_RELATIVE = re.compile(r"\b(?:that|what|which)\s+")


def _relative_naming(text: str, s_start: int, q_open: int) -> tuple[Mention, tuple[int, int]] | None:
    """A naming verb right before the quote (naming_participles.txt: called, dubbed …) whose
    subject opens an object relative clause (`that X called “…”`, `what X called “…”`): that
    subject and the verb's span."""
    words = _words(text, max(s_start, q_open - 200), q_open)
    if not words or words[-1][2].lower() not in load_words("naming_participles.txt") \
            or text[words[-1][1]:q_open].strip(" ,"):
        return None
    verb = words[-1]
    relative = None
    for m in _OBJECT_RELATIVE.finditer(text, max(s_start, verb[0] - 120), verb[0]):
        relative = m
    if relative is None or any(mark in text[relative.end():verb[0]] for mark in ";:()“”\"—–"):
        return None
    mention = subject_of(text, relative.end(), verb[0])
    if mention is None or mention.start < relative.end() or not valid_mention(text, mention) \
            or text[mention.start:mention.end].lower() in _pronouns() | {"who", "which", "that"}:
        return None
    return mention, (verb[0], verb[1])


def _progressive_start(text: str, lo: int, w: tuple[int, int, str]) -> int | None:
    """Where the auxiliary of an -ing cue starts, when the word before the cue (past adverbs:
    `is already claiming`) is a form of `be` or a verb of aspect (progressive_auxiliaries.txt)."""
    auxiliaries = load_words("progressive_auxiliaries.txt")
    before = _words(text, max(lo, w[0] - 60), w[0])
    end = w[0]
    while before and not text[before[-1][1]:end].strip() and (
            before[-1][2].lower() in _TRAILING_NOISE - auxiliaries or _manner_adverb(text, before)):
        end = before.pop()[0]
    if not before or text[before[-1][1]:end].strip():
        return None
    return before[-1][0] if before[-1][2].lower() in auxiliaries else None


def _parenthetical_cue(text: str, prev: int, w: tuple[int, int, str], q_open: int) -> Mention | None:
    """A cue and its speaker set off by commas inside the sentence before the quote (`…, says
    Carl Anthony, a historian, is that …“…”`): the inverted parenthetical attributes it."""
    low = w[2].lower()
    if low.endswith("ing") or low in load_words("addressee_verbs.txt") or not text[prev:w[0]].rstrip().endswith(",") \
            or not text[prev:w[0]].strip(" ,"):
        return None
    mention = mention_after(text, w[1], q_open)
    if mention is None or not valid_mention(text, mention) or not _is_cap(text[mention.start:mention.end]) \
            or text[w[1]:mention.start].strip():
        return None     # (the speaker's name follows the cue: not `…, said he expects Obama, …`)
    if not re.match(r"\s*,\s*\S", text[mention.end:q_open]) or not _words(text, mention.end, q_open):
        return None
    # Its apposition runs to the next comma (`, historian at the library,`).
    mention.descriptor = apposition_after(text, mention.end, q_open)
    return mention


def _inverted_aside(text: str, prev: int, w: tuple[int, int, str], q_open: int) -> bool:
    """`…, explained Rosenberg, “…”`: a cue set off by commas right before the quote, its
    speaker named after it (the words before the comma are not its subject)."""
    if not text[prev:w[0]].rstrip().endswith(",") or w[2].lower() in load_words("addressee_verbs.txt"):
        return False    # `X, who …, told Reuters, “…”`: the name after the cue is its listener
    between = text[w[1]:q_open].rstrip()
    return between.endswith((",", ":")) and 0 < len(_words(text, w[1], q_open)) <= 4 and _words(text, w[1], q_open)[0][2][:1].isupper()


_GOES_ON = frozenset("about of in at on during after before while when as with".split())


def _attribution_goes_on(text: str, words: list[tuple[int, int, str]], verbs: frozenset[str], limit: int) -> bool:
    """`Lichtman said about McCain’s effort …` after a closed quote: a short subject, its cue,
    then a circumstance (a preposition), not a new reported clause (`He said he …`,
    `Trump said that …`)."""
    for k in range(1, min(4, len(words) - 1)):
        if _is_cue(text, words[k], verbs, words[0][0]):
            if any(mark in text[words[0][0]:words[k + 1][0]] for mark in DOUBLE_MARKS):
                return False    # `Indeed, “We cite …`: a quote's own words
            nxt = words[k + 1][2].lower()
            clause_end = re.search(r"[,;:.!?]", text[words[k][1]:limit])
            tail = text[words[k][1]:words[k][1] + clause_end.start()] if clause_end else text[words[k][1]:limit]
            return (nxt in _GOES_ON and not text[words[k][1]:words[k + 1][0]].strip()
                    and "that" not in [w.lower() for w in _WORD.findall(tail)[:6]])  # `said in a statement that …`
    return False


def is_title(quoted: str) -> bool:
    """`Star Wars`, `The Apprentice`, `Arab Spring`: short quoted names and titles."""
    return _title_words(_WORD.findall(quoted))


def is_title_at(text: str, start: int, end: int) -> bool:
    """is_title(text[start:end]), the words sliced from the article's word table (_WORD reads
    nothing outside its match, so the window's words are those of the copy)."""
    return _title_words([w[2] for w in _words(text, start, end)])


def _title_words(words: list[str]) -> bool:
    if not words or len(words) > 6:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_SMALL_WORDS for w in words) and words[0][:1].isupper()


# Words a title leaves in lower case (a set built once, not per call).
_TITLE_SMALL_WORDS = frozenset(("of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with"))


@lru_cache(maxsize=8)
def _cue_index(text: str, cues: frozenset[str]) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Every word of an article that is a cue, found in one pass over the text; sentences
    then look their cues up by offset instead of scanning their words again.

    An article is asked for two or three vocabularies (reported speech's candidate words,
    the speech verbs, the reported cues). Their union is looked up among all the article's
    words once; a vocabulary within it is then those few words (~50 an article) that it
    holds, in the same text order, not a second pass over every word."""
    union = _cue_union()
    if cues is not union and _within_union(cues):
        found = [w for w in _cue_index(text, union)[1] if w[2].lower() in cues]
    else:
        found = matches_among(text, _WORD, cues)
    return [w[0] for w in found], found


@lru_cache(maxsize=1)
def _cue_union() -> frozenset[str]:
    """The vocabularies cues_in is asked for: speech verbs, and reported speech's candidate
    words (which hold its reported cues)."""
    from .reported import _candidate_words     # (imported here: reported imports this module)
    return speech_verbs() | _candidate_words()


@lru_cache(maxsize=None)
def _within_union(cues: frozenset[str]) -> bool:
    # (Cached: a subset test reads every word of the vocabulary.)
    return cues <= _cue_union()


def cues_in(text: str, start: int, end: int, cues: frozenset[str]) -> list[tuple[int, int, str]]:
    """The cue words (start, end, word) between two offsets."""
    starts, found = _cue_index(text, cues)
    return found[bisect_left(starts, start):bisect_left(starts, end)]


def has_speech_verb(text: str, sent: tuple[int, int], quotes: list[Quote]) -> bool:
    """Whether a verb of speech stands in the sentence outside its quotes."""
    verbs = speech_verbs()
    found = cues_in(text, sent[0], sent[1], verbs)
    if not found:
        return False
    inside = [q.outer for q in quotes]
    return any(_is_cue(text, w, verbs, sent[0]) and not any(a <= w[0] < b for a, b in inside) for w in found)


_TRANSCRIPT_LABEL = re.compile(r"\s*([A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,2}):\s")
_DASH_CREDIT = re.compile(r"[-—–―]\s*([A-Z][\w'’-]*(?:\s+[A-Z][\w.'’-]*?){0,3})(?:,[^\n,]{1,60}(?:,[^\n,]{1,30})?)?\.?\s*$")
# A bracketed credit closing the quote's paragraph names the outlet or writer the quoted
# passage comes from (a digest's `“…” [WaPo.]`, `“…” [Mother Jones.]`): a capitalised name
# of up to four words, not a stage direction (`[Applause.]`: stage_directions.txt).
_BRACKET_CREDIT = re.compile(r"\[([A-Z][\w'’&-]*(?:\s+[A-Z][\w.'’&-]*?){0,3})\.?\]\.?")


def speaker_label(text: str, quote: Quote, next_paragraph: tuple[int, int] | None) -> tuple[int, int] | None:
    """Speakers named by layout rather than a cue: a transcript label opening the quote
    (`"PENCE: Well, look …"`), or a credit line after it (`- Hillary Clinton.`, `[WaPo.]`)."""
    m = _TRANSCRIPT_LABEL.match(text, quote.start)
    if m and len(m.group(1)) >= 3:
        return m.start(1), m.end(1)
    if quote.close_mark is not None:
        # `“…” ― Carla Sanchez.` closing the quote's own paragraph
        line_end = text.find("\n", quote.close_mark)
        tail = text[quote.close_mark + 1:len(text) if line_end < 0 else line_end]
        m = _DASH_CREDIT.fullmatch(tail.strip())
        if m:
            start = quote.close_mark + 1 + tail.index(m.group(1))
            return start, start + len(m.group(1))
        if "[" in tail:
            m = _BRACKET_CREDIT.fullmatch(tail.strip())
            if m and m.group(1).lower() not in load_words("stage_directions.txt"):
                start = quote.close_mark + 1 + tail.index(m.group(1))
                return start, start + len(m.group(1))
    if next_paragraph is not None:
        m = _DASH_CREDIT.fullmatch(text, next_paragraph[0], next_paragraph[1])
        if m:
            return m.start(1), m.end(1)
        if quote.close_mark is None and text[next_paragraph[1] - 1:next_paragraph[1]] in DOUBLE_MARKS:
            # `"…¶Dean Baker, Center for Economic and Policy Research."`: the quote's closing
            # mark strayed after the credit line that names its speaker (quotes.find_quotes
            # leaves the line out of the quote).
            m = _MARKED_CREDIT.fullmatch(text, next_paragraph[0], next_paragraph[1])
            if m:
                return m.start(1), m.end(1) - (text[m.end(1) - 1] == ".")
    return None


# A credit line inside the quotation marks: a name opening on a capital (up to eight words),
# perhaps a description after a comma, then the stray closing mark.
_MARKED_CREDIT = re.compile(r"\s*([A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,7}?)(?:,[^\n]{1,80})?\.?[\u201d\"]\s*")


def attribution_before_colon(text: str, sent: tuple[int, int]) -> Claim | None:
    """`He said:` closing a paragraph introduces the quote that opens the next one."""
    s_start, s_end = sent
    if not text[s_start:s_end].rstrip().endswith(":"):
        return None
    colon = text.rstrip().rfind(":", s_start, s_end)
    verbs = speech_verbs()
    for w in reversed(_words(text, s_start, colon)):
        if w[2].lower() in verbs:
            clause = _clause_start(text, s_start, w[0])
            if text[clause:w[0]].strip():
                mention = mention_before(text, clause, w[0])
                if mention is None and re.search(r"\bto\s+$", text[clause:w[0]]):
                    # `She went on to say:`: the infinitive's subject is the sentence's
                    mention = sentence_subject(text, clause, w[0])
            else:
                mention = mention_after(text, w[1], colon)
            if mention and valid_mention(text, mention):
                claim = Claim(kind="direct", start=s_start, end=s_end)
                return _set_mention(claim, mention, _cue_span(text, w), "colon-paragraph")
    return None


def interrupts(text: str, prev_end: int, q_open: int) -> bool:
    """Whether the words between two quotes are only an attribution set off by a comma or
    colon (`“…,” the investor said, “…”`), not a clause of their own (`“…,” X said,
    wearing a hat and “…”`)."""
    gap = text[prev_end:q_open]
    return gap.rstrip().endswith((",", ":")) and len(_WORD.findall(gap)) <= _MAX_MENTION_WORDS


_CONNECTIVE_ONLY = re.compile(r"\s*([A-Za-z]+)\s*[,—–]?\s*$")


def after_connective(text: str, s_start: int, q_open: int) -> bool:
    """Whether only a connective stands between the sentence start and the quote (`But “…”`,
    `Instead, “…”`, connectives.txt): the quote opens its sentence all the same."""
    m = _CONNECTIVE_ONLY.match(text, s_start, q_open)
    return m is not None and m.group(1)[:1].isupper() and m.group(1).lower() in load_words("connectives.txt")


def pronoun_subject(text: str, sent: tuple[int, int]) -> tuple[int, int] | None:
    """The he or she opening a sentence without quotation marks (`He then had a question
    for the crowd.`, `Why was he out in the heat?`), as the span of its word."""
    s_start, s_end = sent
    if any(mark in text[s_start:s_end] for mark in DOUBLE_MARKS):
        return None
    words = _words(text, s_start, min(s_end, s_start + 40))[:3]
    if words and words[0][2].lower() in ("why", "how", "where", "when") and len(words) > 2 \
            and words[1][2].lower() in ("was", "is", "did", "does", "had", "has"):
        words = words[2:]   # `Why was he …?`
    if words and words[0][2].lower() in ("he", "she"):
        return words[0][0], words[0][1]     # (`They also lie in a dead zone`: they are as often things)
    return None


def speaking_sentence(text: str, sent: tuple[int, int]) -> Claim | None:
    """A sentence without quotes whose speech verb has a subject (`Jane Roe agreed.`,
    `Tom Baker, the mayor, said in a statement.`): the speaker of an unattributed quote
    that opens the next sentence of its paragraph."""
    s_start, s_end = sent
    if any(mark in text[s_start:s_end] for mark in DOUBLE_MARKS) or text[max(0, s_start - 8):s_start].rstrip()[-1:] in DOUBLE_MARKS:
        return None     # (`“…?” Clinton asked.` is the tail of a quote's own attribution)
    verbs = speech_verbs()
    for w in cues_in(text, s_start, s_end, verbs):
        if not _is_cue(text, w, verbs, s_start) or w[2].lower().endswith("ing"):
            continue
        if not text[s_start:w[0]].strip():
            mention = mention_after(text, w[1], s_end)
        else:
            mention = subject_of(text, s_start, w[0])
            if mention is None and re.search(r"\b(?:and|but)\s+(?:then\s+|later\s+|also\s+)?$", text[s_start:w[0]]):
                # `Tom Baker arrived late and said he was tired.`: the cue shares the
                # sentence's subject with the verb it is coordinated with.
                mention = sentence_subject(text, s_start, w[0]) or description_subject(text, s_start, w[0])
        if mention is not None and valid_mention(text, mention):
            claim = Claim(kind="direct", start=s_start, end=s_end)
            return _set_mention(claim, mention, _cue_span(text, w), "previous-sentence")
        return None
    return None


def _names_a_thing(text: str, lo: int, cue_start: int) -> Mention | None:
    """The phrase right before a naming participle when it is a common noun phrase for a
    thing (`a memo`, `the 1969 book`), not a person (`the president`) or a name."""
    mention = mention_before(text, _clause_start(text, lo, cue_start), cue_start)
    if mention is None:
        return None
    words = _words(text, mention.start, mention.end)
    head = words[-1][2]
    thing = len(words) > 1 and words[0][2].lower() in _PHRASE_DETERMINERS and head[:1].islower() \
        and head.lower() not in _titles() and head.lower() not in _pronouns()
    return mention if thing else None


# Learned cue precisions (cues.tsv): below WEAK_CUE a verb is more often not a cue than one
# (`shows`, `agrees`, `found`); at STRONG_CUE and above it reports speech (`said`, `wrote`).
WEAK_CUE = 0.5
STRONG_CUE = 0.8
_REPORT_GAP = re.compile(r"[^;:“”\"()—–]{1,160}")


def _strong_report_before(text: str, s_start: int, w: tuple[int, int, str],
                          verbs: frozenset[str]) -> tuple[int, int, str] | None:
    """For a weak cue, the strong verb of speech before it in its sentence whose report it
    stands in (`X said that Y shows …`): the last cue before it, when that one is strong
    and only plain words lie between them."""
    table = cue_table()
    if table.get(w[2].lower(), (0, 1.0))[1] >= WEAK_CUE:
        return None
    for v in reversed(cues_in(text, s_start, w[0], verbs)):
        low = v[2].lower()
        if low.endswith("ing") or not _is_cue(text, v, verbs, s_start):
            continue
        if table.get(low, (0, 0.0))[1] < STRONG_CUE or not _REPORT_GAP.fullmatch(text, v[1], w[0]):
            return None
        return v
    return None


def _outer_report(text: str, s_start: int, w: tuple[int, int, str], q_open: int,
                  verbs: frozenset[str]) -> tuple[Mention, tuple[int, int]] | None:
    """For a weak cue, the subject and span of the strong verb of speech whose report it
    stands in (_strong_report_before), when that verb's subject is found."""
    v = _strong_report_before(text, s_start, w, verbs)
    if v is None:
        return None
    found = subject_of(text, s_start, v[0])
    if found is None or not valid_mention(text, found):
        return None
    return found, _cue_span(text, v)


def _reported_weak_cue(text: str, s_start: int, w: tuple[int, int, str], verbs: frozenset[str]) -> bool:
    """Whether a weak cue stands in what a strong verb of speech before it reports, whether
    or not that verb's subject is found."""
    return _strong_report_before(text, s_start, w, verbs) is not None


def _apposed_determined(text: str, lo: int, cue_start: int) -> Mention | None:
    """`The complaint, which was filed in court on Friday, alleged`: a determined phrase
    that the determined-subject rule accepts, set off from its cue by an apposition or a
    relative clause."""
    apposed = _apposed(text, lo, cue_start) if text[lo:cue_start].rstrip().endswith(",") else None
    return _determined_subject(text, lo, apposed.end) if apposed is not None else None


_DASH = re.compile(r"\s[-—–]\s|[—–]")


def _names_or_pronoun(text: str, mention: Mention) -> bool:
    """A subject pronoun, or a name none of whose words is a function word."""
    words = _words(text, mention.start, mention.end)
    if len(words) == 1 and words[0][2].lower() in _SUBJECT_PRONOUNS:
        return True
    return all(w[2][:1].isupper() and w[2].lower() not in load_words("function_words.txt") for w in words)


def _subject_then_verb(text: str, start: int, limit: int) -> tuple[Mention, tuple[int, int]] | None:
    """A name or pronoun followed by a lower-case verb: `Trump went on`, `she continued`."""
    words = _words(text, start, limit)[:6]
    for k in range(1, len(words)):
        w = words[k]
        if w[2][:1].islower() and w[2].lower() not in _TRAILING_NOISE and w[2].lower() not in _PREPOSITIONS:
            head = words[:k]
            lone_pronoun = len(head) == 1 and head[0][2].lower() in _pronouns()
            if not lone_pronoun and any(x[2][:1].islower() and x[2].lower() not in ("the",) for x in head):
                return None
            mention = _split_name(text, head) if not (len(head) == 1 and head[0][2].lower() in _pronouns()) else Mention(head[0][0], head[0][1])
            if mention and valid_mention(text, mention):
                return mention, (w[0], w[1])
            return None
    return None


def _earlier_cue_subject(text: str, s_start: int, limit: int) -> Mention | None:
    verbs = speech_verbs()
    for w in reversed(_words(text, s_start, limit)):
        if _is_cue(text, w, verbs, s_start) and not w[2].lower().endswith("ing"):
            if text[s_start:w[0]].strip():
                found = subject_of(text, s_start, w[0])
                if found is not None and _after_preposition(text, s_start, found) and not all(
                        _is_cap(x[2]) for x in _words(text, found.start, found.end) if x[2].lower() != "the"):
                    # `… reminds him of the old book titled “…”, explaining`: no subject (a
                    # body named after a preposition, `a group of experts at the Aspen
                    # Institute Homeland Security Group warned …`, stands for the phrase that
                    # governs it, which speakers.py resolves)
                    continue
                if _in_opening_clause(text, s_start, w, limit):
                    # `As Baker spoke, the union was …, urging …`: the main clause's subject
                    return _clause_subject(text, text.find(",", w[1], limit) + 1, limit)
                if found is None and re.search(r"\b(?:and|but)\s+$", text[s_start:w[0]]):
                    # `The spokesman refused to answer but said there was …, adding:`: the
                    # verbs share the sentence's subject
                    return sentence_subject(text, s_start, w[0]) or description_subject(text, s_start, w[0])
                if found is None and not text[_clause_start(text, s_start, w[0]):w[0]].strip():
                    # `…, said X, …`: inverted; not `X … endorsed Clinton, saying`
                    found = mention_after(text, w[1], limit)
                    found = found if found is not None and valid_mention(text, found) else None
                before = _words(text, max(s_start, w[0] - 30), w[0])[-2:]
                if found is None and w[2].lower().endswith("ed") and len(before) == 2 \
                        and before[0][2].lower() in ("the", "a", "an", "this", "that", "its", "his", "her", "their"):
                    continue    # `… says in the spot titled “…”, warning …`: a participle after a noun
                return found
            return None
    return None


_THE_NAME = re.compile(r"\s*(?:[Tt]he\s+)([A-Z][\w.&’'-]*(?:\s+(?:of\s+)?[A-Z][\w.&’'-]*){0,4})(?=\s+[a-z])")


def _clause_subject(text: str, start: int, limit: int) -> Mention | None:
    """The subject opening a main clause: a name or pronoun, a description up to its head,
    or `the` and a name (`the NRA was going …`, which sentence_subject reads as an opener)."""
    found = sentence_subject(text, start, limit) or description_subject(text, start, limit)
    if found is not None:
        return found
    m = _THE_NAME.match(text, start, limit)
    if m and not any(w.lower().rstrip(".") in _title_stems() for w in m.group(1).split()):
        mention = Mention(m.start(), m.end(1))
        mention.start = m.start() + len(text[m.start():m.end()]) - len(text[m.start():m.end()].lstrip())
        return mention if valid_mention(text, mention) else None
    return None


_SUBORDINATE = re.compile(r"(?:,|\s)\s*(?:when|while|where|whereupon)\s+")


def _subordinate_subject(text: str, s_start: int, w: tuple[int, int, str]) -> Mention | None:
    """`He tweeted when Clinton ended the debate with a joke, remarking, “…”`, `… the Taj,
    where about 50 protesters had gathered, chanting “…”`: a participle right after a
    subordinate clause in the middle of the sentence speaks for that clause's subject (a
    name or a determined phrase, then its verb; a quoted title may stand in the clause:
    `… with a reference to the "Star Wars" sequel, remarking, “…”`)."""
    comma = text.rfind(",", s_start, w[0])
    if comma < 0 or text[comma + 1:w[0]].strip():
        return None
    found = None
    for m in _SUBORDINATE.finditer(text, s_start, comma):
        found = m
    if found is None or found.start() <= s_start or any(mark in text[found.end():comma] for mark in ",;:—–()"):
        return None
    words = _words(text, found.end(), comma)
    if len(words) < 2:
        return None
    verbs = speech_verbs()
    # The subject runs to the clause's verb: a verb of speech, an auxiliary or a past tense.
    k = next((j for j, x in enumerate(words) if j and x[2][:1].islower() and (
        x[2].lower() in verbs or x[2].lower() in _VERB_LIKE or x[2].lower().endswith(("ed", "ly")))), None)
    if not k or k > 5:
        return None
    head = words[:k]
    if len(head) == 1 and head[0][2].lower() in _pronouns():
        return None     # (a pronoun there is the main clause's speaker again)
    mention = Mention(head[0][0], head[-1][1]) if _is_cap(head[0][2]) and not _is_cap(head[-1][2]) \
        and head[-1][2].endswith("s") and len(head) <= 3 else _split_name(text, head)   # `Sanders protesters`
    if mention is None or mention.start != head[0][0]:
        return None
    return mention if valid_mention(text, mention) or _determined_phrase(text, mention) \
        or text[mention.start:mention.end].endswith("s") and _is_cap(head[0][2]) else None


def _in_opening_clause(text: str, s_start: int, w: tuple[int, int, str], limit: int) -> bool:
    """Whether a cue stands in a subordinate clause that opens the sentence and a comma
    closes before `limit` (`As Tom Baker spoke, the union …`)."""
    if _WORD_TABLE_SAFE and s_start >= 0:
        # Most sentences open on neither a coordinator nor a subordinator: the first word,
        # read from the word table when the window cuts no word there, settles them.
        table = match_table(text, _WORD)
        starts, ends = table.starts, table.ends
        i = bisect_left(starts, s_start)
        if not (i and ends[i - 1] > s_start):
            if i == len(starts) or starts[i] >= w[0]:
                return False    # no word before the cue
            if ends[i] <= w[0] and table.lowered[i] not in _COORDINATING and table.lowered[i] not in _SUBORDINATORS:
                return False
    words = _words(text, s_start, w[0])
    k = 0
    while k < len(words) and words[k][2].lower() in _COORDINATING:
        k += 1
    if k >= len(words) or words[k][2].lower() not in _SUBORDINATORS:
        return False
    if any(mark in text[words[k][1]:w[0]] for mark in ",;:—–()"):
        return False
    comma = text.find(",", w[1], limit)
    return comma >= 0 and bool(text[comma + 1:limit].strip())


def _after_preposition(text: str, lo: int, mention: Mention) -> bool:
    """Whether a preposition stands right before the mention: the object of `of the old book`
    is no subject of the participle after it (`titled`)."""
    before = _word_before(text, max(lo, mention.start - 20), mention.start)
    return before is not None and before[2].lower() in _PREPOSITIONS and not text[before[1]:mention.start].strip()


def _introduces(word: str, next_word: str) -> bool:
    """A capitalised sentence opener that is not a name: `After`, `Asked which`, `Adding`,
    `Two` (a participle only before a lower-case word: `Jared Kushner` is a name)."""
    low = word.lower()
    return (low in _PREPOSITIONS or low in _LEADING_NOISE or low in _DETERMINERS or low in _NOT_NAMES
            or low in load_words("opening_adverbials.txt")
            or low.endswith(("ing", "ed")) and len(low) > 4 and not next_word[:1].isupper()
            or word[:1].isdigit()
            or low in ("after", "before", "during", "under", "over", "like", "unlike", "following", "asked", "told",
                       "minutes", "hours", "days", "weeks", "months", "years", "moments", "later", "earlier")
            or word.isupper() and len(word) > 1)   # a dateline: `WASHINGTON — …`


_OBJECT_PRONOUNS = frozenset("him her them us me it you".split())


def _modified_head(text: str, run: list[tuple[int, int, str]], limit: int) -> Mention | None:
    """The subject when the capitalised run opening a sentence modifies a head noun after it
    (`Clinton aides have …`, `Union leaders also see …`, `Mexican officials now say …`): the
    phrase to the head, not the name (whose aides speak, not Clinton). A title after the run,
    then a name (`Harvard professor Ann Cole`, `Trump campaign manager Tom Baker`): the name,
    the rest its descriptor. None when no head noun follows, or when the noun is a verb with
    its object (`Trump eyes a run`, `Clinton returns to Iowa`), or a singular noun after a
    plural (`Democrats host a forum`), or before `and` (a coordinated phrase the other rules
    read), or when the run is a title (`Former prosecutor and New York City Mayor …`)."""
    if all(w[2].lower().rstrip(".") in _title_stems() for w in run):
        return None     # `Former prosecutor and …`: a title opens the phrase, no modifier
    words = _words(text, run[-1][1], limit)[:8]
    heads = _source_heads() | _titles() | _role_words()
    end = _head_run_end(text, [run[-1]] + words, 0, heads)
    if end == run[-1][1]:
        return None
    nouns = [w for w in words if w[1] <= end]
    rest = words[len(nouns):]
    last = nouns[-1][2].lower()
    nxt = rest[0] if rest and not text[end:rest[0][0]].strip() else None
    if nxt is not None and _is_cap(nxt[2]) and not last.endswith("s"):
        name = []
        for w in rest[:4]:
            if not _is_cap(w[2]) or text[(name[-1] if name else nouns[-1])[1]:w[0]].strip():
                break
            name.append(w)
        return _split_name(text, run + nouns + name)
    if nxt is not None and (nxt[2].lower() in _DETERMINERS or nxt[2].lower() in _PREPOSITIONS
                            or nxt[2].lower() in _OBJECT_PRONOUNS or nxt[2].lower() in _COORDINATING or _is_cap(nxt[2])):
        return None
    if run[-1][2].endswith("s") and not last.endswith("s"):
        return None
    return Mention(run[0][0], end)


def sentence_subject(text: str, s_start: int, limit: int) -> Mention | None:
    """The name or pronoun that opens a sentence (its subject), up to the first verb."""
    if text[s_start:s_start + 1] in DOUBLE_MARKS:
        return None   # a sentence that opens with a quote: its first word is the speaker's
    words = _words(text, s_start, limit)
    if len(words) > 1 and words[0][2].lower() in _COORDINATING and (
            _uncontracted(words[1])[2].lower() in _pronouns() or _is_cap(words[1][2])):
        words = words[1:]     # `And he’s predicting …`, `Then he cut into Bush, calling …`
    if words:
        words[0] = _uncontracted(words[0])
    for _ in range(3):
        if not (words and (_introduces(words[0][2], words[1][2] if len(words) > 1 else "") or _adverb_opener(text, words[0])
                           or _ly_adverb_opener(text, words))):
            break
        # `After spending the week bickering, Clinton ripped into …`: the subject follows
        # the introductory phrase (or phrases: `On Thursday, after a meeting, Warren …`).
        comma = text.find(",", words[0][1], limit)
        if comma < 0:
            return None
        comma = _place_apposition_end(text, comma, limit)
        words = _words(text, comma + 1, limit)
    else:
        return None
    run = []
    for w in words[:10]:
        low = w[2].lower()
        if run and "(" in text[run[-1][1]:w[0]]:
            dateline = _DATELINE_TAG.match(text, run[-1][1])
            if dateline and dateline.end() < limit:
                return sentence_subject(text, dateline.end(), limit)    # `Washington (AFP) – Clinton …`
            break       # (`Sen. Bernie Sanders (I-Vt.) visited …`: the party tag ends the name)
        if run and "," in text[run[-1][1]:w[0]]:
            break
        if w[2][:1].isupper() or low in _pronouns() or low in ("the", "of") and (run or low == "the"):
            run.append(w)
            if low in _pronouns() and len(run) == 1:
                break
            continue
        break
    while run and run[-1][2].lower() in ("the", "of"):
        run.pop()
    if not run:
        return None
    if len(run) == 1 and run[0][2].lower() in _pronouns():
        return Mention(run[0][0], run[0][1]) if run[0][2].lower() not in ("it", "you", "i") else None
    if len(run) == 1 and _adverb_opener(text, run[0]):
        return None     # `Likewise, …`, `Last week, …`: capitalised by its place only
    if len(run) == 1 and run[0][2].lower() in load_words("function_words.txt") and _only_opens_sentences(text, run[0][2]):
        return None     # `Across town, …`, `Just click …`, `What “…” means`: a closed-class word, no name
    modified = _modified_head(text, run, limit)
    if modified is not None:
        return modified if valid_mention(text, modified) else None
    # The run must be followed by a verb-like lower-case word or a comma (an aside).
    after = text[run[-1][1]:run[-1][1] + 2]
    mention = _split_name(text, run)
    if mention and valid_mention(text, mention) and (after[:1] in (",", " ")):
        return mention
    return None


# A place named after a preposition and the comma that sets off its state or country
# (`in Salem, New Hampshire,`, `from Dayton, Ohio,`, `in Concord, N.H.,`).
_PLACE_BEFORE_COMMA = re.compile(r"\b(?:in|at|from|near|of|outside|to|across|throughout)\s+(?:the\s+)?"
                                 r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}$")
_PLACE_APPOSITION = re.compile(r"\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2},")


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    return load_words("regions.txt") | load_words("places.txt")


def _place_apposition_end(text: str, comma: int, limit: int) -> int:
    """The comma after a place's apposition when `comma` follows a place (`Speaking in Salem,
    New Hampshire, Trump went …`: the state is no subject), else `comma`."""
    if not _PLACE_BEFORE_COMMA.search(text, max(0, comma - 60), comma):
        return comma
    m = _PLACE_APPOSITION.match(text, comma + 1, limit)
    if m is None:
        return comma
    place = text[m.start():m.end() - 1].strip().lower()
    return m.end() - 1 if place in load_words("regions.txt") or place in load_words("places.txt") else comma


_DATELINE_TAG = re.compile(r"\s*\([^()]{1,30}\)\s*[—–-]+\s*")
# A dateline opening a sentence: `WASHINGTON, Dec. 8 (UPI) — `, `BAGHDAD — `.
_DATELINE_OPENING = re.compile(r"[A-Z][A-Z.’' -]*[A-Z.](?:,[^()—–\n]{1,30}?)?(?:\s*\([^()]{1,30}\))?\s*[—–]+\s*")
_OPENING_BEFORE = re.compile(r"(?:^|[.!?:;…—–(\[“”\"‘’]|\n)\s*$")


_TIME_NOUN_AFTER = re.compile(r"\s+(?:week|weeks|month|months|year|years|night|day|days|time|decades?|spring|summer|fall|autumn|winter)\b")


def _adverb_opener(text: str, w: tuple[int, int, str]) -> bool:
    """A lone capitalised word opening a sentence as an adverbial, not its subject:
    `Likewise, …`, `Meantime, …` (a word the article never writes mid-sentence, set off by
    a comma), `Last week, …`, `Thirteen years earlier, …`."""
    if _TIME_NOUN_AFTER.match(text, w[1]):
        return True
    return text[w[1]:w[1] + 1] == "," and w[2].lower() not in _source_heads() and _only_opens_sentences(text, w[2])


def _ly_adverb_opener(text: str, words: list[tuple[int, int, str]]) -> bool:
    """An -ly adverb opening the sentence before a lower-case word (`Hastily politicizing the
    tragedy, Trump cast …`, `Usually when …`, `Preemptively casting doubt …`): capitalised
    by its place only, no name (`Kelly said`: the article writes Kelly mid-sentence too)."""
    word = words[0][2]
    return len(words) > 1 and len(word) > 4 and word.endswith("ly") and words[1][2][:1].islower() \
        and _only_opens_sentences(text, word)


def _only_opens_sentences(text: str, word: str) -> bool:
    """Whether a capitalised word stands only where any word is capitalised (opening a
    sentence, a paragraph, a quote): a common word (`Last`, `Likewise`, `Frustrations`), not
    a name, which the article also writes mid-sentence (`… said Kasich`, `John Kasich`)."""
    n = len(word)
    at = text.find(word)
    while at != -1:
        whole = (at == 0 or not text[at - 1].isalnum()) and (at + n >= len(text) or not text[at + n].isalnum())
        if whole and not _OPENING_BEFORE.search(text, max(0, at - 6), at):
            return False
        at = text.find(word, at + 1)
    return True


_APPROXIMATE = frozenset("about nearly roughly almost around some over".split())
_POSSESSIVE_OPENER = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}(?:’s|'s)$")


def _head_run_end(text: str, words: list[tuple[int, int, str]], j: int, heads: frozenset[str]) -> int:
    """The end of a description whose head word `words[j]` is followed by more head words:
    a title or modifier word heads nothing when a noun of the same list follows it (`Her
    chief aide`, `A Clinton campaign official`, `The former secretary`), so the phrase runs
    to the last of them. Not over a word of saying (`the senator said`), an -ed or -ing
    form, a preposition, a learned cue of report (cues.tsv, precision >= 0.1: `The emails
    show`) or a head-list word that is no noun (not_head_nouns.txt: `the senator today`)."""
    end = words[j][1]
    for w in words[j + 1:]:
        low = w[2].lower()
        if text[end:w[0]].strip() or not w[2][:1].islower() or low not in heads or low in _DETERMINERS \
                or low in _PREPOSITIONS or low in speech_verbs() or low in _VERB_LIKE or low.endswith(("ed", "ing")) \
                or cue_table().get(low, (0, 0.0))[1] >= 0.1 or low in load_words("not_head_nouns.txt"):
            break
        end = w[1]
    return end


def description_subject(text: str, s_start: int, limit: int, for_participle: bool = False) -> Mention | None:
    """A description opening the sentence as its subject, up to its head word:
    `The billionaire businessman began …, saying …`, `His chief aide doubled down …`,
    `One operative inside Trump Tower tried …`, `Hillary Clinton’s right-hand woman …`.
    for_participle: the speaker of a participle cue (`…, saying …`) is looked for past a
    dateline and an opening prepositional phrase, and a possessive name may open it."""
    words = _words(text, s_start, limit)[:8]
    if len(words) < 2 or words[0][0] != s_start + len(text[s_start:limit]) - len(text[s_start:limit].lstrip()):
        return None
    dateline = _DATELINE_OPENING.match(text, words[0][0], limit) if for_participle else None
    if dateline is not None:
        # `WASHINGTON, Dec. 8 (UPI) — In response to …, Clinton’s right-hand woman …`
        return description_subject(text, dateline.end(), limit, for_participle)
    if words[0][2].lower() in load_words("opening_adverbials.txt") or for_participle and words[0][2].lower() in _ADJUNCT_OPENERS \
            or text[words[0][1]:words[0][1] + 1] == "," and _adverb_opener(text, words[0]):
        # `Outside the hall, about fifty farmers gathered, chanting …`: the subject follows the
        # opening adverbial's comma; for a participle's speaker, an opening prepositional
        # phrase's too (`In response to the plan, Rosa Ortiz’s top aide rallied supporters,
        # saying …`; a quote woven into `After the vote, the plan became “…”` is nobody's);
        # so does a lone adverb's (`Likewise, a paper from … had this to say: “…”`).
        comma = text.find(",", words[0][1], limit)
        if comma < 0:
            return None
        return description_subject(text, comma + 1, limit, for_participle)
    # A possessive name opens the phrase like a determiner: `Hillary Clinton’s right-hand woman`.
    owner = next((k for k, w in enumerate(words[:4]) if _POSSESSIVE_END.search(w[2])), None) if for_participle else None
    if owner is not None and 0 < owner < len(words) - 1 and all(_is_cap(w[2]) for w in words[:owner + 1]) \
            and not any(w[2].lower() in _ADJUNCT_OPENERS or w[2].lower() in _PREPOSITIONS for w in words[:owner]) \
            and not text[words[0][0]:words[owner][1]].count(","):
        opening, words = words[0][0], words[owner:]
    else:
        opening = words[0][0]
    first = words[0][2].lower()
    # (`about 200 protesters congregated …`: an approximate number opens the phrase too)
    approximate = first in _APPROXIMATE and (words[1][2][:1].isdigit() or words[1][2].lower() in _DETERMINERS)
    if not (first in _DETERMINERS or first in ("his", "her", "their", "its", "one", "another")
            or _POSSESSIVE_OPENER.match(words[0][2]) or approximate):
        return None
    heads = _source_heads() | _titles()
    for j, w in enumerate(words[1:], 1):
        if "," in text[words[j - 1][1]:w[0]]:
            return None
        low = w[2].lower()
        if low in speech_verbs() and w[2][:1].islower():
            # The cue right after the phrase: `About four in 10 said …` (not `… said` as a head).
            mention = Mention(opening, words[j - 1][1])
            return mention if j >= 2 and (approximate or valid_mention(text, mention) or _determined_phrase(text, mention)) else None
        if low in ("he", "she", "they", "we"):
            # (the learned heads hold the pronouns: `That’s why he …`, `all she could do`:
            # the pronoun is the subject, not the phrase up to it)
            return Mention(w[0], w[1])
        if low in heads and low not in _DETERMINERS and low not in load_words("not_head_nouns.txt"):
            # (the learned heads hold `a` and `over`: `The presidential race hurtled over …`)
            mention = Mention(opening, _head_run_end(text, words, j, heads))
            return mention if valid_mention(text, mention) else None
        if low in _VERB_LIKE:
            return None     # `The first incident came during a speech`: past its subject
    return None


# An apposition that opens with a possessive name: `Twitter’s director of political advertising`.
_POSSESSIVE_APPOSITION = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}(?:’s|'s|s’)\s[^;“”\"]+?"
# An age may stand between the name and the apposition: `Jane Roe, 41, a nurse from Dover, said`.
# The name opens the window or follows one of the marks it cannot hold: a match from inside a
# run of the name's characters could start from the run's first one as well, and so would
# (re takes the leftmost). Saying so first keeps re from trying the lazy name from every
# offset of the window, each up to the next comma (15 % of the work, the same matches).
_APPOSED = re.compile(r"(?:^|(?<=[,;:“”\"]))([^,;:“”\"]+?)(?:,\s+\d{1,3})?,\s+((?:the|a|an|who)\s[^;“”\"]+?|[a-z][^;“”\"]+?|%s),\s*$" % _POSSESSIVE_APPOSITION)
_APPOSED_TIGHT = re.compile(r"(?:^|(?<=[,;:“”\"]))([^,;:“”\"]+?)(?:,\s+\d{1,3})?,\s+((?:the|a|an)\s[^,;“”\"]+?),\s*$")
# A description, then the name apposed to it: `her senior policy adviser, Jake Sullivan, said`.
# (Two names joined by `and` too: `Henry Clay’s biographers, David and Jeanne Heidler, wrote`.)
# (The determiner may open the sentence, capitalised: `The party chairman, Kelly Armstrong, called`.)
_NAME_APPOSED = re.compile(r"(?:^|,)\s*((?:[Tt]he|[Aa]|[Aa]n|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur)\s[^,;:“”\"]+|%s),\s+"
                           r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3}|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}\s+and\s+"
                           r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,2}),\s*$" % _POSSESSIVE_APPOSITION.replace("+?", "+"))


# A capitalised apposition with no article (`Jon Hale, Ohio Secretary of State, said`),
# accepted when one of its words is a title (titles.txt).
_CAPITALISED_APPOSED = re.compile(r"(?:^|(?<=[,;:“”\"]))([^,;:“”\"]+?),\s+([A-Z][\w.’'&-]*(?:\s+[\w.’'&-]+){0,7}),\s*$")


def _titled_apposition(window: str) -> re.Match | None:
    # The apposition is what lies between the window's last two commas (the pattern's group
    # 2 can hold no comma): it is read first, and the pattern only tried when that part opens
    # on a capital and holds a title.
    end = window.rstrip()
    last = end.rfind(",", 0, len(end) - 1)
    part = end[last + 1:-1].strip()
    if not part[:1].isupper() or not any(w.lower().rstrip(".") in _titles() for w in part.split()):
        return None
    m = _CAPITALISED_APPOSED.search(window)
    if m is None or not any(w.lower().rstrip(".") in _titles() for w in m.group(2).split()):
        return None
    return m


# A conjunction opening the clause of an apposed name (lower case: no name's word).
_APPOSITION_LEADS = frozenset("while whereas and but when as after although though because".split())


def _apposed(text: str, lo: int, cue_start: int) -> Mention | None:
    """`Gerard Araud, the former French ambassador to the United States, said`."""
    window = text[lo:cue_start]
    if not window.rstrip().endswith(",") or window.count(",") < 2:
        # Both patterns need the apposition's two commas, the last one ending the window.
        return None
    named = _NAME_APPOSED.search(window)
    if named:
        return Mention(lo + named.start(2), lo + named.end(2), (lo + named.start(1), lo + named.end(1)))
    # The apposition closing the window without a comma of its own first: `In an article
    # posted on the website, the Paper, …, Shen Xincheng, a doctoral candidate at …, urged`
    # (the loose pattern's leftmost match starts at the sentence's opening phrase).
    m = _APPOSED_TIGHT.search(window)
    name = m.group(1).split() if m is not None else []
    if len(name) > 1 and name[0] in _APPOSITION_LEADS:
        name = name[1:]     # `…, while Mike Huckabee, the former Arkansas governor, proposed`
    if not (0 < len(name) <= 4 and all(_is_cap(x) for x in name)) \
            or _PLACE_BEFORE_COMMA.search(window, 0, max(0, m.start(1) - 1)) \
            or m.group(1).strip().lower().rstrip(".") in load_words("regions.txt") | load_words("places.txt"):
        m = _APPOSED.search(window) or _titled_apposition(window)     # (a name, not a state: `a driver from Ava, Mo., who …`)
    if not m:
        return None
    name_start = lo + m.start(1)
    words = _words(text, name_start, lo + m.end(1))
    words = words[-6:]
    if len(words) > 1 and words[0][2] in _APPOSITION_LEADS:
        words = words[1:]
    if not words:
        return None
    mention = _split_name(text, words)
    if mention is None:
        return None
    if mention.descriptor is None:
        mention.descriptor = (lo + m.start(2), lo + m.end(2))
    return mention
