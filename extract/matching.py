"""The same claim across articles: claim groups, their canonical text and who carries them.

    from extract.matching import link, claim_outlet_matrix
    articles, claims = link(articles, claims)   # claims gain MATCH_COLUMNS, articles copy_of
    claim_outlet_matrix(claims)                 # claim_id x outlet: articles carrying it

Two occurrences are one claim when a compatible speaker says the same words, allowing for
punctuation, case, quote marks, truncation and the rewording of translation (CODEBOOK.md,
"Same claim across outlets"). Pairs are never all compared: an inverted index over each
claim's rarest word stems proposes candidates, and only those are scored (see
`candidate_pairs`). Every rule and threshold is in `MatchRules` below.
"""
from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from .lexicon import load_words
from .schema import MATCH_COLUMNS


@dataclass(frozen=True)
class MatchRules:
    # Weighted Dice of word stems (function words weigh `function_word_weight`) at or above
    # which two quotes of one speaker are one claim ("likely"/"probably" rewording passes).
    same_speaker_similarity: float = 0.6
    # The same when one occurrence has no speaker (or only a generic one): the words carry it.
    unknown_speaker_similarity: float = 0.85
    # Inside an article that is a copy of another, quotes in aligned paragraphs of the two
    # articles, by compatible speakers, need only this much (machine translation rewords a lot).
    copy_aligned_similarity: float = 0.3
    # ... 0.15 when each is its speaker's only quote in the two aligned paragraphs, and 0.5
    # when one speaker is unknown. Negation need not agree there ("not thought through" /
    # "unreflected").
    copy_aligned_only_quote_similarity: float = 0.15
    copy_aligned_unknown_speaker_similarity: float = 0.5
    function_word_weight: float = 0.2
    # Truncation: the shorter quote (>= min tokens) found in the longer one with this
    # rapidfuzz partial_ratio / 100; stricter when a speaker is unknown.
    contained_ratio: float = 0.9
    contained_ratio_unknown_speaker: float = 0.95
    contained_min_tokens: int = 3
    # ... and the fragment is at least this share of the longer quote unless it has
    # `contained_long_fragment` tokens ("Meet the Press" is no truncation of a paragraph).
    contained_min_share: float = 0.25
    contained_long_fragment: int = 8
    contained_min_tokens_unknown_speaker: int = 6
    # Quotes of 1-2 tokens match only when their normalised words are equal; quotes under
    # `short_quote_max_tokens` tokens need `short_quote_similarity` ("New York values" is not
    # "recently in New York"); with an unknown speaker, a quote needs `unknown_speaker_min_tokens`
    # tokens to match at all ("confidential" said by anyone is no claim of anyone's).
    short_quote_tokens: int = 2
    short_quote_max_tokens: int = 6
    short_quote_similarity: float = 0.85
    unknown_speaker_min_tokens: int = 5
    # Speakers: weighted token Dice (fuzzy tokens: "Iraq"/"Iraqi") at or above which two
    # speaker strings name one speaker; a name contained in another ("Esper"/"Mark Esper")
    # also does when it has a capitalised word.
    speaker_similarity: float = 0.75
    speaker_token_ratio: float = 0.8
    # Blocking: each claim looks up its `index_keys` rarest stems in an index of every
    # claim's stems; a stem carried by more than `max_posting` claims is too common to
    # propose pairs; a pair needs `index_min_hits` hits (fewer when a quote has fewer keys).
    index_keys: int = 4
    index_min_hits: int = 2
    max_posting: int = 64
    stem_length: int = 5
    # Copies (extract/copies.py): paragraphs of at least `paragraph_min_words` words; two
    # paragraphs align at `paragraph_similarity`; an article is a copy when aligned paragraphs
    # cover `copy_coverage` of the shorter article's paragraphs, and at least `copy_min_paragraphs`.
    paragraph_min_words: int = 8
    paragraph_similarity: float = 0.45
    copy_coverage: float = 0.6
    copy_min_paragraphs: int = 3
    copy_index_keys: int = 12
    copy_candidate_shared_keys: int = 4


RULES = MatchRules()

NEGATIONS = frozenset({"not", "no", "never", "nor", "neither", "nothing", "none"})
_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                              "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                              "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2026": " "})
_ABBREVIATION_DOT = re.compile(r"(?<=\b[a-z])\.(?=[a-z]\b\.?)")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_SUFFIXES = ("ingly", "edly", "ing", "ied", "ies", "ed", "es", "ly", "ian", "an", "s")


def normalise(text) -> str:
    """Comparison form of a quote: lower case, straight marks, no punctuation, "n't" -> not."""
    if not isinstance(text, str):
        return ""
    return _normalise(text)


@lru_cache(maxsize=400_000)
def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS).lower()
    text = text.replace("cannot", "can not").replace("n't", " not")
    text = _ABBREVIATION_DOT.sub("", text).replace("'s ", " ").replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", text).split())


@lru_cache(maxsize=200_000)
def stem(word: str, length: int = RULES.stem_length) -> str:
    """A crude stem: inflection and nationality suffixes off, then a fixed prefix
    ("encircling"/"encircle", "Iranian"/"Iran", "disaster"/"disasters")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word.endswith("e"):  # make/making, encircle/encircling
        word = word[:-1]
    return word[:length]


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return load_words("match_stopwords.txt")


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    return load_words("pronouns.txt") | {"it", "its", "they", "she", "he", "we", "i"}


def stem_weights(words: list[str], rules: MatchRules = RULES) -> dict[str, float]:
    """Weighted bag of stems: content words weigh 1, function words `function_word_weight`."""
    function_words = _function_words()
    bag: dict[str, float] = defaultdict(float)
    for w in words:
        bag[stem(w)] += rules.function_word_weight if w in function_words else 1.0
    return dict(bag)


def weighted_dice(a: dict[str, float], b: dict[str, float]) -> float:
    total = sum(a.values()) + sum(b.values())
    if total == 0:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    shared = sum(min(w, b[k]) for k, w in a.items() if k in b)
    return 2 * shared / total


def covered(short: dict[str, float], long: dict[str, float]) -> float:
    """Share of the shorter bag's weight found in the longer one."""
    total = sum(short.values())
    if total == 0:
        return 0.0
    return sum(min(w, long.get(k, 0.0)) for k, w in short.items()) / total


# ---------------------------------------------------------------- speakers

_LEADING = frozenset({"a", "an", "the", "one", "another", "some", "other", "two", "three", "four",
                      "several", "many", "former", "ex"})


@dataclass(frozen=True)
class SpeakerKey:
    key: str                  # normalised words, leading determiners off ("" = unknown)
    words: tuple[str, ...]    # its content words
    has_name: bool            # a capitalised word after the first: a name or a named body


def speaker_key(speaker) -> SpeakerKey:
    if not isinstance(speaker, str) or not speaker.strip():
        return SpeakerKey("", (), False)
    return _speaker_key(speaker)


@lru_cache(maxsize=200_000)
def _speaker_key(speaker: str) -> SpeakerKey:
    words = normalise(speaker).split()
    while words and words[0] in _LEADING:
        words = words[1:]
    if not words or (len(words) == 1 and words[0] in _pronouns()):
        return SpeakerKey("", (), False)
    raw = speaker.split()
    has_name = any(w[:1].isupper() for w in raw[1:]) or (len(raw) == 1 and raw[0][:1].isupper())
    return SpeakerKey(" ".join(words), tuple(w for w in words if w not in _function_words()), has_name)


def _fuzzy_token_match(a: tuple[str, ...], b: tuple[str, ...], rules: MatchRules) -> int:
    """How many of a's words find a word of b (same stem, or a close spelling: Iraq/Iraqi)."""
    b_stems = {stem(y) for y in b}
    found = 0
    for x in a:
        if stem(x) in b_stems or any(fuzz.ratio(x, y) >= rules.speaker_token_ratio * 100 for y in b):
            found += 1
    return found


def speakers_agree(a: SpeakerKey, b: SpeakerKey, rules: MatchRules = RULES) -> str:
    """"same", "unknown" (one side unknown or only generically related) or "different"."""
    if not a.key or not b.key:
        return "unknown"
    if a.key == b.key:
        return "same"
    sa, sb = a.words, b.words
    if not sa or not sb:
        return "unknown"
    shorter, longer = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    found = _fuzzy_token_match(shorter, longer, rules)
    dice = 2 * found / (len(sa) + len(sb))
    if dice >= rules.speaker_similarity:
        return "same"
    if found == len(shorter):
        # "Esper" in "Mark Esper" names one person; "officials" in "senior officials" does not.
        short_key = a if len(sa) <= len(sb) else b
        return "same" if short_key.has_name else "unknown"
    return "different"


@lru_cache(maxsize=500_000)
def _agree_cached(a: SpeakerKey, b: SpeakerKey, rules: MatchRules = RULES) -> str:
    return speakers_agree(a, b, rules)


# ---------------------------------------------------------------- one pair of quotes

@dataclass
class _Quote:
    words: list[str]
    text: str                 # normalised
    bag: dict[str, float]
    negated: bool
    speaker: SpeakerKey
    raw: str

    @property
    def names(self) -> frozenset[str]:
        """Stems of names and numbers: a rewording keeps them."""
        return _names(self.raw)


_NAME_OR_NUMBER = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w'’-]*|\d[\d,.]*")


@lru_cache(maxsize=100_000)
def _names(text) -> frozenset[str]:
    """Names (capitalised words not opening the quote or a sentence) and numbers."""
    if not isinstance(text, str):
        return frozenset()
    out = set()
    for match in _NAME_OR_NUMBER.finditer(text.strip()):
        for w in normalise(match.group()).split():
            if w != "i":
                out.add(stem(w))
    return frozenset(out)


def _quote(text, speaker, rules: MatchRules = RULES) -> _Quote:
    norm = normalise(text)
    words = norm.split()
    return _Quote(words, norm, stem_weights(words, rules), any(w in NEGATIONS for w in words), speaker_key(speaker),
                  text if isinstance(text, str) else "")


def same_claim(a: _Quote, b: _Quote, rules: MatchRules = RULES, relaxed: float | None = None,
               relaxed_unknown: float | None = None) -> tuple[str | None, float]:
    """("full" | "contained" | None, score): whether two quotes are one claim and how.

    `relaxed` (`relaxed_unknown` when a speaker is unknown) lowers the whole-quote threshold
    and lifts the negation rule, for quotes of aligned paragraphs of a copy."""
    agree = _agree_cached(a.speaker, b.speaker, rules)
    if agree == "different" or not a.words or not b.words:
        return None, 0.0
    known = agree == "same"
    short, long = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if not known and len(short.words) < rules.unknown_speaker_min_tokens:
        return None, 0.0
    if len(short.words) <= rules.short_quote_tokens and a.speaker.key != b.speaker.key:
        return None, 0.0  # one or two words ("establishment") need the very same speaker
    if a.text == b.text:
        return "full", 1.0
    if len(short.words) <= rules.short_quote_tokens:
        return None, 0.0
    score = weighted_dice(a.bag, b.bag)
    need = rules.same_speaker_similarity if known else rules.unknown_speaker_similarity
    if len(long.words) < rules.short_quote_max_tokens:
        need = max(need, rules.short_quote_similarity)
    loose = relaxed if known else relaxed_unknown
    if loose is not None:
        need = min(need, loose)
    # A rewording keeps names and numbers ("happened to the establishment" is not "happened
    # to Israel", "by 4 points" not "by 6 points"); a translated copy may not.
    if score >= need and (loose is not None or (a.negated == b.negated and a.names <= b.bag.keys()
                                                 and b.names <= a.bag.keys())):
        return "full", score
    min_tokens = rules.contained_min_tokens if known else rules.contained_min_tokens_unknown_speaker
    ratio = rules.contained_ratio if known else rules.contained_ratio_unknown_speaker
    long_enough = (len(short.words) >= rules.contained_long_fragment
                   or len(short.words) >= rules.contained_min_share * len(long.words))
    if len(short.words) >= min_tokens and long_enough and covered(short.bag, long.bag) >= ratio:
        contained = _contained(short.words, long.words)
        if contained >= ratio:
            return "contained", contained
    return None, 0.0


def _contained(short: list[str], long: list[str]) -> float:
    """How well the short quote's words appear as one run of the long quote's words (best
    window of the short's length, +1 for an inserted word; stems compared, order kept). A
    window that says it the other way round scores 0: "we will respond" is no fragment of
    "we will not respond"."""
    a = [stem(w) for w in short]
    b = [stem(w) for w in long]
    negated = any(w in NEGATIONS for w in short)
    best = 0.0
    for size in (len(a), len(a) + 1):
        for start in range(0, max(len(b) - size, 0) + 1):
            window = b[start:start + size]
            score = Indel.normalized_similarity(a, window)
            if score > best and any(w in NEGATIONS for w in long[start:start + size]) == negated:
                best = score
    return best


# ---------------------------------------------------------------- blocking

def candidate_pairs(bags: list[dict[str, float]], exact_keys: list[str], n_keys: int,
                    max_posting: int, min_hits: int = 1) -> np.ndarray:
    """Pairs (i < j) worth scoring, as an (n, 2) int array.

    Every item's stems go into an inverted index; each item then looks up only its `n_keys`
    rarest stems (ties by the stem itself, so the choice is deterministic). A pair needs
    `min_hits` lookups that find it (counted from both sides; fewer when an item has fewer
    keys), so a fragment finds the long quote holding its rare words. A stem carried by more
    than `max_posting` items is never looked up, which bounds the work at
    n * n_keys * max_posting instead of n^2. Items with the same `exact_keys` always pair."""
    n = len(bags)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, bag in enumerate(bags):
        for k in bag:
            postings[k].append(i)
    df = {k: len(v) for k, v in postings.items()}
    arrays = {k: np.asarray(v, dtype=np.int64) for k, v in postings.items() if 1 < len(v) <= max_posting}
    found, lengths = [], []
    n_probes = np.zeros(n, dtype=np.int64)
    for i, bag in enumerate(bags):
        keys = sorted((k for k in bag if k in arrays), key=lambda k: (df[k], k))[:n_keys]
        n_probes[i] = len(keys)
        found.extend(arrays[k] for k in keys)
        lengths.append(sum(df[k] for k in keys))
    codes = np.zeros(0, dtype=np.int64)
    if found:
        a = np.repeat(np.arange(n, dtype=np.int64), np.asarray(lengths, dtype=np.int64))
        b = np.concatenate(found)
        keep = a != b
        a, b = a[keep], b[keep]
        pair = np.minimum(a, b) * n + np.maximum(a, b)
        codes, hits = np.unique(pair, return_counts=True)
        left, right = codes // n, codes % n
        need = np.minimum(min_hits, np.maximum(np.minimum(n_probes[left], n_probes[right]), 1))
        codes = codes[hits >= need]
    exact: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(exact_keys):
        if key:
            exact[key].append(i)
    chains = [np.asarray(m[:-1], dtype=np.int64) * n + np.asarray(m[1:], dtype=np.int64)
              for m in exact.values() if len(m) > 1]
    if chains:
        codes = np.union1d(codes, np.concatenate(chains))
    return np.stack([codes // n, codes % n], axis=1) if len(codes) else np.zeros((0, 2), dtype=np.int64)


def _index_keys(quote: _Quote) -> dict[str, float]:
    """Stems and stem bigrams of a quote: a bigram of common words ("going to build") is
    rare where each of its words is not, so quotes of everyday words still find each other."""
    stems = [stem(w) for w in quote.words]
    keys = dict.fromkeys(stems, 1.0)
    keys.update(dict.fromkeys((f"{a} {b}" for a, b in zip(stems, stems[1:])), 1.0))
    return keys


def _could_match(pairs: np.ndarray, bags: list[dict[str, float]], rules: MatchRules,
                 chunk: int = 200_000) -> np.ndarray:
    """The candidate pairs whose stem overlap can pass a whole-quote or a truncation test
    (an upper bound of same_claim's scores, computed for all pairs at once with sparse rows)."""
    if len(pairs) == 0:
        return pairs
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for bag in bags:
        for k, w in bag.items():
            indices.append(vocabulary.setdefault(k, len(vocabulary)))
            data.append(w)
        indptr.append(len(indices))
    weights = sparse.csr_matrix((np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int64),
                                 np.asarray(indptr, dtype=np.int64)), shape=(len(bags), max(len(vocabulary), 1)))
    totals = np.asarray(weights.sum(axis=1)).ravel()
    lowest_whole = min(rules.same_speaker_similarity, rules.unknown_speaker_similarity)
    lowest_cover = min(rules.contained_ratio, rules.contained_ratio_unknown_speaker)
    keep = []
    for begin in range(0, len(pairs), chunk):
        part = pairs[begin:begin + chunk]
        left, right = part[:, 0], part[:, 1]
        overlap = np.asarray(weights[left].minimum(weights[right]).sum(axis=1)).ravel()
        dice = 2 * overlap / np.maximum(totals[left] + totals[right], 1e-9)
        cover = overlap / np.maximum(np.minimum(totals[left], totals[right]), 1e-9)
        keep.append(part[(dice >= lowest_whole - 1e-6) | (cover >= lowest_cover - 1e-6)])
    return np.concatenate(keep)


# ---------------------------------------------------------------- grouping

class _Groups:
    """Union-find whose groups never hold two overlapping, unequal spans of one article (a
    quote nested in a longer claim of the same article, the Pentagon's "at the direction of
    the president" inside its reported statement, is a claim of its own) nor two different
    speakers (two speakers never chain into one group through a quote without a speaker)."""

    def __init__(self, spans: list[tuple], speakers: list[SpeakerKey], rules: MatchRules = RULES):
        self.parent = list(range(len(spans)))
        self.base_spans, self.base_speakers = spans, speakers
        # Filled for a root when it first takes part in a union.
        self.spans: dict[int, dict] = {}
        self.speakers: dict[int, set[SpeakerKey]] = {}
        self.rules = rules

    def _members(self, root: int):
        if root not in self.spans:
            article, start, end = self.base_spans[root]
            self.spans[root] = {article: [(start, end)]} if start is not None else {}
            self.speakers[root] = {self.base_speakers[root]} if self.base_speakers[root].key else set()
        return self.spans[root], self.speakers[root]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def can_join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        (sa, speakers_a), (sb, speakers_b) = self._members(ra), self._members(rb)
        for x in speakers_a:
            for y in speakers_b:
                if _agree_cached(x, y, self.rules) == "different":
                    return False
        if len(sa) > len(sb):
            sa, sb = sb, sa
        for article, spans in sa.items():
            for s1, e1 in spans:
                for s2, e2 in sb.get(article, ()):
                    if (s1, e1) != (s2, e2) and s1 < e2 and s2 < e1:
                        return False
        return True

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.can_join(ra, rb):
            return False
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        for article, spans in self.spans.pop(rb).items():
            self.spans[ra].setdefault(article, []).extend(spans)
        self.speakers[ra] |= self.speakers.pop(rb)
        return True


def _int_or_none(value):
    try:
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)
    except (TypeError, ValueError):
        return None


def _speaker_column(claims: pd.DataFrame) -> pd.Series:
    """The speaker to compare: the corpus-canonical name when known, else as written."""
    speaker = claims["speaker"] if "speaker" in claims else pd.Series(None, index=claims.index, dtype=object)
    if "speaker_canonical" in claims:
        canonical = claims["speaker_canonical"]
        speaker = canonical.where(canonical.notna() & (canonical.astype(str).str.strip() != ""), speaker)
    return speaker


def group_claims(claims: pd.DataFrame, copies: dict[str, str] | None = None,
                 aligned: dict[tuple[str, str], dict[int, int]] | None = None,
                 paragraph_of=None, rules: MatchRules = RULES, stats: dict | None = None) -> np.ndarray:
    """Group label (row position of the group's first member) for each row of `claims`.

    `copies` maps a copy's article_id to its original's; `aligned[(copy, original)]` maps the
    copy's paragraph numbers to the original's, and `paragraph_of(article_id, offset)` gives
    a claim's paragraph number: quotes in aligned paragraphs are compared with the relaxed
    `copy_aligned_similarity`."""
    n = len(claims)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    speakers = _speaker_column(claims).tolist()
    quotes_text = claims["quote"].tolist() if "quote" in claims else [None] * n
    quotes = [_quote(t, s, rules) for t, s in zip(quotes_text, speakers)]
    articles = claims["article_id"].astype(str).tolist() if "article_id" in claims else [""] * n
    starts = [_int_or_none(v) for v in (claims["quote_start"] if "quote_start" in claims else [None] * n)]
    ends = [_int_or_none(v) for v in (claims["quote_end"] if "quote_end" in claims else [None] * n)]
    groups = _Groups([(a, s, e) if s is not None and e is not None else (a, None, None)
                      for a, s, e in zip(articles, starts, ends)], [q.speaker for q in quotes], rules)

    pairs = candidate_pairs([_index_keys(q) for q in quotes], [q.text for q in quotes], rules.index_keys,
                            rules.max_posting, rules.index_min_hits)
    indexed = len(pairs)
    pairs = _could_match(pairs, [q.bag for q in quotes], rules)
    full_edges, contained_edges = [], []
    for i, j in pairs.tolist():
        kind, score = same_claim(quotes[i], quotes[j], rules)
        if kind == "full":
            full_edges.append((-score, i, j))
        elif kind == "contained":
            contained_edges.append((-score, i, j))

    # Quotes of a copy and its original in aligned paragraphs: a looser test, one-to-one.
    copy_pairs = 0
    if copies and aligned and paragraph_of is not None:
        rows_by_article: dict[str, list[int]] = defaultdict(list)
        for i, a in enumerate(articles):
            rows_by_article[a].append(i)
        for copy, original in sorted(copies.items()):
            mapping = aligned.get((copy, original), {})
            in_paragraph: dict[tuple[str, int], list[int]] = defaultdict(list)
            for article in (copy, original):
                for i in rows_by_article.get(article, ()):
                    if starts[i] is not None:
                        in_paragraph[(article, paragraph_of(article, starts[i]))].append(i)
            scored = []
            for (article, paragraph), rows in sorted(in_paragraph.items()):
                if article != copy or mapping.get(paragraph) is None:
                    continue
                others = in_paragraph.get((original, mapping[paragraph]), [])
                for i in rows:
                    for j in others:
                        copy_pairs += 1
                        only = (sum(quotes[k].speaker.key == quotes[i].speaker.key for k in rows) == 1
                                and sum(quotes[k].speaker.key == quotes[j].speaker.key for k in others) == 1)
                        relaxed = rules.copy_aligned_only_quote_similarity if only else rules.copy_aligned_similarity
                        kind, score = same_claim(quotes[i], quotes[j], rules, relaxed=relaxed,
                                                 relaxed_unknown=rules.copy_aligned_unknown_speaker_similarity)
                        if kind == "full":
                            scored.append((-score, i, j))
            used_i, used_j = set(), set()
            for neg, i, j in sorted(scored):
                if i not in used_i and j not in used_j:
                    full_edges.append((neg, min(i, j), max(i, j)))
                    used_i.add(i)
                    used_j.add(j)

    for _neg, i, j in sorted(full_edges):
        groups.union(i, j)
    # Truncations join the one group that contains them; a fragment found in two different
    # groups of the speaker is ambiguous and stays apart. Longer fragments go first, so a
    # chain of truncations (A in B in C) resolves to one group.
    targets: dict[int, set[int]] = defaultdict(set)
    for _neg, i, j in contained_edges:
        short, long = (i, j) if len(quotes[i].words) <= len(quotes[j].words) else (j, i)
        targets[short].add(long)
    for short in sorted(targets, key=lambda s: (-len(quotes[s].words), s)):
        roots = {groups.find(t) for t in targets[short]} - {groups.find(short)}
        if len(roots) == 1:
            groups.union(short, roots.pop())
    if stats is not None:
        stats.update(candidate_pairs=indexed, scored_pairs=len(pairs), copy_pairs=copy_pairs, full_edges=len(full_edges),
                     contained_edges=len(contained_edges))
    return np.array([groups.find(i) for i in range(n)], dtype=np.int64)


# ---------------------------------------------------------------- group columns

def _version(occurrence: str, canonical: str) -> str:
    if occurrence.strip() == canonical.strip():
        return "exact"
    a, b = normalise(occurrence), normalise(canonical)
    if a == b:
        return "punctuation"
    if a and a in b:
        return "truncated"
    if b and b in a:
        return "extended"
    if len(a.split()) <= 0.8 * len(b.split()) and fuzz.partial_ratio(a, b) >= RULES.contained_ratio * 100:
        return "truncated"
    return "reworded"


def _outlet_key(outlet, article_id) -> str:
    """An outlet to count; pages of unknown publishers count one each."""
    if isinstance(outlet, str) and outlet.strip() and outlet.strip().lower() != "unknown":
        return outlet.strip()
    return f"Unknown:{article_id}"


def _date_text(value) -> str | None:
    if isinstance(value, str):
        return value.strip()[:10] or None
    if isinstance(value, pd.Timestamp) and not pd.isna(value):
        return value.date().isoformat()
    return None


def _claim_id(speaker: str, text: str) -> str:
    return "c" + hashlib.sha1(f"{speaker}\x1f{text}".encode("utf-8")).hexdigest()[:12]


def annotate_groups(claims: pd.DataFrame, labels: np.ndarray, copy_of: dict[str, str] | None = None) -> pd.DataFrame:
    """Add MATCH_COLUMNS to claims from group labels (see MATCH_COLUMNS in extract/schema.py)."""
    out = claims.copy()
    if out.empty:
        for column in MATCH_COLUMNS:
            out[column] = pd.Series(dtype=object)
        return out
    copy_of = copy_of or {}
    speakers = [speaker_key(s).key for s in _speaker_column(out)]
    quotes = [q if isinstance(q, str) else "" for q in out["quote"]] if "quote" in out else [""] * len(out)
    articles = out["article_id"].astype(str).tolist() if "article_id" in out else [""] * len(out)
    outlets = out["outlet"].tolist() if "outlet" in out else [None] * len(out)
    dates = out["date"].tolist() if "date" in out else [None] * len(out)
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels.tolist()):
        members[label].append(i)

    claim_id = [None] * len(out)
    claim_text = [None] * len(out)
    version = [None] * len(out)
    carried = [0] * len(out)
    independent = [0] * len(out)
    first_seen = [None] * len(out)
    used_ids: dict[str, tuple] = {}
    # Groups in a content order (not row order), so a colliding id is resolved the same way.
    ordered = sorted(members.values(), key=lambda rows: min((articles[r], quotes[r]) for r in rows))
    for rows in ordered:
        if len(rows) == 1:
            r = rows[0]
            cid = _claim_id(speakers[r], normalise(quotes[r]))
            anchor = (articles[r], quotes[r])
            if cid in used_ids and used_ids[cid] != anchor:
                cid = _claim_id(speakers[r], normalise(quotes[r]) + "\x1f" + "\x1f".join(anchor))
            used_ids[cid] = anchor
            claim_id[r], claim_text[r], version[r], carried[r] = cid, quotes[r], "exact", 1
            independent[r] = 0 if copy_of.get(articles[r]) else 1
            first_seen[r] = _date_text(dates[r])
            continue
        versions = Counter(normalise(quotes[r]) for r in rows)
        # Canonical: the most common version, then the longest, then the first in order.
        best_norm = min(versions, key=lambda v: (-versions[v], -len(v), v))
        canonical = min((quotes[r] for r in rows if normalise(quotes[r]) == best_norm), key=lambda q: (-len(q), q))
        named = Counter(speakers[r] for r in rows if speakers[r])
        speaker = min(named, key=lambda s: (-named[s], s)) if named else ""
        cid = _claim_id(speaker, best_norm)
        anchor = min((articles[r], quotes[r]) for r in rows)
        if cid in used_ids and used_ids[cid] != anchor:
            cid = _claim_id(speaker, best_norm + "\x1f" + "\x1f".join(anchor))
        used_ids[cid] = anchor
        outlet_keys = {_outlet_key(outlets[r], articles[r]) for r in rows}
        own = {_outlet_key(outlets[r], articles[r]) for r in rows if not copy_of.get(articles[r])}
        seen = [d for d in (_date_text(dates[r]) for r in rows) if d]
        for r in rows:
            claim_id[r] = cid
            claim_text[r] = canonical
            version[r] = _version(quotes[r], canonical)
            carried[r] = len(outlet_keys)
            independent[r] = len(own)
            first_seen[r] = min(seen) if seen else None
    out["claim_id"] = claim_id
    out["claim_text"] = claim_text
    out["version"] = version
    out["carried_by"] = carried
    out["carried_by_independent"] = independent
    out["first_seen"] = first_seen
    return out


# ---------------------------------------------------------------- public entry points

def _order_key(claims: pd.DataFrame) -> pd.DataFrame:
    """A content order of the rows, so grouping does not depend on how the rows came."""
    columns = [c for c in ("article_id", "quote_start", "quote_end", "speaker", "quote") if c in claims]
    keyed = pd.DataFrame({c: claims[c].map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) else v)
                          for c in columns}, index=claims.index)
    for c in ("quote_start", "quote_end"):
        if c in keyed:
            keyed[c] = pd.to_numeric(keyed[c], errors="coerce").fillna(-1)
    for c in ("article_id", "speaker", "quote"):
        if c in keyed:
            keyed[c] = keyed[c].astype(str)
    return keyed


def link(articles: pd.DataFrame, claims: pd.DataFrame, rules: MatchRules = RULES,
         stats: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles with `copy_of`, claims with MATCH_COLUMNS (same row order as given)."""
    from .copies import find_copies, paragraph_index

    articles = articles.copy() if articles is not None else pd.DataFrame(columns=["article_id", "text"])
    claims = claims.copy() if claims is not None else pd.DataFrame(columns=["article_id", "quote"])
    copies_table, alignments = find_copies(articles, rules, stats=stats)
    copy_of = dict(zip(copies_table["article_id"], copies_table["copy_of"])) if not copies_table.empty else {}
    if "article_id" in articles:
        articles["copy_of"] = articles["article_id"].astype(str).map(copy_of).astype(object)
        articles["copy_of"] = articles["copy_of"].where(articles["copy_of"].notna(), None)
    else:
        articles["copy_of"] = pd.Series(dtype=object)
    if claims.empty:
        return articles, annotate_groups(claims, np.zeros(0, dtype=np.int64))
    if "speaker_canonical" not in claims and "anonymity" in claims and "speaker" in claims:
        from .speakers import canonical_speakers
        claims = canonical_speakers(claims)
    keyed = _order_key(claims)
    order = keyed.sort_values(list(keyed.columns), kind="stable").index
    ordered = claims.loc[order].reset_index(drop=True)
    paragraph_of = paragraph_index(articles, rules)
    labels = group_claims(ordered, copy_of, alignments, paragraph_of, rules, stats)
    annotated = annotate_groups(ordered, labels, copy_of)
    annotated.index = order
    annotated = annotated.loc[claims.index]
    return articles, annotated


def claim_outlet_matrix(claims: pd.DataFrame) -> pd.DataFrame:
    """claim_id x outlet: how many articles of each outlet carry the claim (0 when none),
    with claim_text, carried_by and carried_by_independent first; most carried first."""
    lead = ["claim_text", "carried_by", "carried_by_independent"]
    if claims is None or claims.empty or "claim_id" not in claims:
        return pd.DataFrame(columns=lead).rename_axis("claim_id")
    frame = claims.assign(outlet=claims["outlet"].fillna("Unknown").replace("", "Unknown") if "outlet" in claims else "Unknown")
    counts = (frame.drop_duplicates(["claim_id", "article_id"])
              .pivot_table(index="claim_id", columns="outlet", values="article_id", aggfunc="count", fill_value=0))
    counts.columns = [str(c) for c in counts.columns]
    info = frame.groupby("claim_id")[lead].first()
    table = info.join(counts).sort_values(["carried_by", "carried_by_independent"], ascending=False, kind="stable")
    table.columns.name = None
    return table


# The name explorer/data.py looks for.
match_claims = link
