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


def normalise_uncached(text: str) -> str:
    """`normalise` of a string, not kept in its memo: for text seen once (a paragraph of a
    large corpus), which would only crowd out the quotes and names seen many times."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS).lower()
    text = text.replace("cannot", "can not").replace("n't", " not")
    text = _ABBREVIATION_DOT.sub("", text).replace("'s ", " ").replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", text).split())


_normalise = lru_cache(maxsize=400_000)(normalise_uncached)


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
        contained = _contained_texts(short.text, long.text)
        if contained >= ratio:
            return "contained", contained
    return None, 0.0


@lru_cache(maxsize=100_000)
def _contained_texts(short: str, long: str) -> float:
    """`_contained` of two normalised texts (their words), kept: a corpus compares the same
    two texts for many pairs of speakers and outlets."""
    return _contained(short.split(), long.split())


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
    return candidate_pairs_of_sets(key_sets(bags), exact_keys, n_keys, max_posting, min_hits)


def candidate_pairs_of_sets(sets: KeySets, exact_keys: list[str], n_keys: int, max_posting: int,
                            min_hits: int = 1) -> np.ndarray:
    """`candidate_pairs` of items given as KeySets."""
    n = len(sets.start) - 1
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    codes, _probes = _indexed_pairs(sets, n_keys, max_posting, min_hits)
    exact: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(exact_keys):
        if key:
            exact[key].append(i)
    chains = [np.asarray(m[:-1], dtype=np.int64) * n + np.asarray(m[1:], dtype=np.int64)
              for m in exact.values() if len(m) > 1]
    if chains:
        codes = np.union1d(codes, np.concatenate(chains))
    return np.stack([codes // n, codes % n], axis=1) if len(codes) else np.zeros((0, 2), dtype=np.int64)


@dataclass
class KeySets:
    """Items' sets of keys as one table: item i's keys are keys[start[i]:start[i + 1]]
    (numbers, each at most once per item); rank[k] orders the numbers as the keys
    themselves sort (the tie-break among equally rare keys)."""
    start: np.ndarray
    keys: np.ndarray
    rank: np.ndarray


def key_sets(bags: list) -> KeySets:
    """The KeySets of bags (dicts or sets of sortable keys)."""
    vocabulary: dict = {}
    keys, start = [], [0]
    for bag in bags:
        keys.extend(vocabulary.setdefault(k, len(vocabulary)) for k in bag)
        start.append(len(keys))
    return KeySets(np.asarray(start, dtype=np.int64), np.asarray(keys, dtype=np.int64), sort_rank(list(vocabulary)))


def sort_rank(names: list) -> np.ndarray:
    """rank[k]: the place of names[k] in sorted(names)."""
    rank = np.empty(len(names), dtype=np.int64)
    rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    return rank


def positions(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Every position of the spans starts[k]:starts[k] + lengths[k], span after span."""
    lengths = np.asarray(lengths, dtype=np.int64)
    offsets = np.cumsum(lengths) - lengths
    return np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(np.asarray(starts, dtype=np.int64) - offsets, lengths)


def _indexed_pairs(sets: KeySets, n_keys: int, max_posting: int, min_hits: int,
                   counts: np.ndarray | None = None, chunk: int = 4_000_000) -> tuple[np.ndarray, np.ndarray]:
    """The index part of `candidate_pairs`: pair codes i * n + j (i < j, sorted) and how many
    keys each item looked up. The lookups are walked `chunk` postings at a time.

    With `counts`, item i stands for counts[i] items with the same bag (a quote repeated
    across a corpus): keys are as common as all those items make them, and the pairs are
    those of distinct bags, where `candidate_pairs` over the repeated items would give the
    same pairs between every item of one and every item of the other. (Items of one bag pair
    among themselves when they looked up a key at all.)"""
    n = len(sets.start) - 1
    n_vocabulary = len(sets.rank)
    item = np.repeat(np.arange(n, dtype=np.int64), np.diff(sets.start))
    key = sets.keys
    weights = np.ones(n) if counts is None else np.asarray(counts, dtype=np.float64)
    df = np.rint(np.bincount(key, weights=weights[item], minlength=n_vocabulary)).astype(np.int64)
    eligible = (df > 1) & (df <= max_posting)
    looked = eligible[key]
    item, key = item[looked], key[looked]
    # Each item's n_keys rarest keys (ties by the key itself).
    order = np.lexsort((sets.rank[key], df[key], item))
    probe_item, probe_key = item[order], key[order]
    firsts = np.flatnonzero(np.r_[True, probe_item[1:] != probe_item[:-1]]) if len(order) else np.zeros(0, np.int64)
    place = np.arange(len(order)) - np.repeat(firsts, np.diff(np.r_[firsts, len(order)]))
    probe_item, probe_key = probe_item[place < n_keys], probe_key[place < n_keys]
    n_probes = np.bincount(probe_item, minlength=n)
    # Postings: the items of each looked-up key, in item order.
    posting = item[np.argsort(key, kind="stable")]
    posting_start = np.r_[0, np.cumsum(np.bincount(key, minlength=n_vocabulary))]
    sizes = posting_start[probe_key + 1] - posting_start[probe_key]
    done = np.cumsum(sizes)
    found_codes, found_hits = [], []
    begin = 0
    while begin < len(sizes):
        end = max(int(np.searchsorted(done, (done[begin - 1] if begin else 0) + chunk, side="right")), begin + 1)
        a = np.repeat(probe_item[begin:end], sizes[begin:end])
        b = posting[positions(posting_start[probe_key[begin:end]], sizes[begin:end])]
        begin = end
        keep = a != b
        a, b = a[keep], b[keep]
        codes, hits = np.unique(np.minimum(a, b) * n + np.maximum(a, b), return_counts=True)
        found_codes.append(codes)
        found_hits.append(hits)
    if not found_codes:
        return np.zeros(0, dtype=np.int64), n_probes
    codes, hits = np.concatenate(found_codes), np.concatenate(found_hits)
    if len(found_codes) > 1:
        order = np.argsort(codes, kind="stable")
        codes, hits = codes[order], hits[order]
        firsts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
        codes, hits = codes[firsts], np.add.reduceat(hits, firsts)
    left, right = codes // n, codes % n
    need = np.minimum(min_hits, np.maximum(np.minimum(n_probes[left], n_probes[right]), 1))
    return codes[hits >= need], n_probes


def _index_keys(quote: _Quote) -> dict[str, float]:
    """Stems and stem bigrams of a quote: a bigram of common words ("going to build") is
    rare where each of its words is not, so quotes of everyday words still find each other."""
    stems = [stem(w) for w in quote.words]
    keys = dict.fromkeys(stems, 1.0)
    keys.update(dict.fromkeys((f"{a} {b}" for a, b in zip(stems, stems[1:])), 1.0))
    return keys


def _could_match(pairs: np.ndarray, bags: list[dict[str, float]], rules: MatchRules,
                 chunk: int = 200_000, keep_mask: bool = False) -> np.ndarray:
    """The candidate pairs whose stem overlap can pass a whole-quote or a truncation test
    (an upper bound of same_claim's scores, computed for all pairs at once with sparse rows);
    with `keep_mask`, which of the pairs (a boolean array)."""
    if len(pairs) == 0:
        return np.zeros(0, dtype=bool) if keep_mask else pairs
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
        keep.append((dice >= lowest_whole - 1e-6) | (cover >= lowest_cover - 1e-6))
    mask = np.concatenate(keep)
    return mask if keep_mask else pairs[mask]


# ---------------------------------------------------------------- grouping

class _Groups:
    """Union-find whose groups never hold two overlapping, unequal spans of one article (a
    quote nested in a longer claim of the same article, the Pentagon's "at the direction of
    the president" inside its reported statement, is a claim of its own) nor two different
    speakers (two speakers never chain into one group through a quote without a speaker)."""

    def __init__(self, articles: np.ndarray, starts: np.ndarray, ends: np.ndarray, has_span: np.ndarray,
                 speakers: list[SpeakerKey], rules: MatchRules = RULES):
        self.parent = list(range(len(articles)))
        # Each row's article (any code that is equal for equal articles) and span, if it has one.
        self.base = (articles, starts, ends, has_span)
        self.base_speakers = speakers
        # Filled for a root when it first takes part in a union.
        self.spans: dict[int, dict] = {}
        self.speakers: dict[int, set[SpeakerKey]] = {}
        # Roots found unable to join. Groups only grow, and what keeps two groups apart (two
        # speakers, two overlapping spans) stays in the groups that grow from them, so two
        # roots once apart stay apart: the answer is kept, not looked for again.
        self.apart: set[tuple[int, int]] = set()
        self.rules = rules

    def _members(self, root: int):
        if root not in self.spans:
            articles, starts, ends, has_span = self.base
            self.spans[root] = {int(articles[root]): [(int(starts[root]), int(ends[root]))]} if has_span[root] else {}
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
        # (In the order asked: two speakers' agreement need not be symmetric.)
        if (ra, rb) in self.apart:
            return False
        if not self.can_join(ra, rb):
            self.apart.add((ra, rb))
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


def _codes(series: pd.Series) -> tuple[np.ndarray, list]:
    """(code of each row, distinct values): -1 for a missing value or one that is not a
    string, as `_quote` and `speaker_key` read anything that is not a string as nothing."""
    codes, uniques = pd.factorize(series)
    values = uniques.tolist()
    not_text = np.asarray([not isinstance(v, str) for v in values] + [True], dtype=bool)
    return np.where(not_text[codes], -1, codes).astype(np.int64), values


def _offsets(claims: pd.DataFrame, column: str) -> tuple[np.ndarray, np.ndarray]:
    """(values, known) of an offset column, as `_int_or_none` reads each value."""
    n = len(claims)
    if column not in claims:
        return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
    series = claims[column]
    if pd.api.types.is_integer_dtype(series.dtype) and not series.hasnans:
        return series.to_numpy(dtype=np.int64), np.ones(n, dtype=bool)
    if pd.api.types.is_float_dtype(series.dtype):
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
        known = ~np.isnan(values)
        if np.isfinite(values[known]).all():
            return np.where(known, values, 0).astype(np.int64), known
    read = [_int_or_none(v) for v in series]
    return (np.asarray([0 if v is None else v for v in read], dtype=np.int64),
            np.asarray([v is not None for v in read], dtype=bool))


class _DistinctQuotes:
    """The quotes of a claims table, each distinct (quote, speaker) built once, and each
    distinct normalised text once: a corpus repeats its quotes (wire copies, outlets quoting
    one debate), and every occurrence of one compares as any other does."""

    def __init__(self, texts: pd.Series, speakers: pd.Series, rules: MatchRules):
        text_codes, text_values = _codes(texts)
        speaker_codes, speaker_values = _codes(speakers)
        combined = (text_codes + 1) * (len(speaker_values) + 1) + (speaker_codes + 1)
        keys, first_rows, key_of_row = np.unique(combined, return_index=True, return_inverse=True)
        by_first_row = np.argsort(first_rows, kind="stable")     # quotes numbered as they first come
        number = np.empty(len(keys), dtype=np.int64)
        number[by_first_row] = np.arange(len(keys))
        quote_of_row = number[key_of_row.ravel()]
        text_ids: dict[str, int] = {}
        self.quotes: list[_Quote] = []
        self.texts: list[_Quote] = []          # one quote of each normalised text
        text_of_quote = []
        for key in keys[by_first_row].tolist():
            t_code, s_code = divmod(key, len(speaker_values) + 1)
            text = text_values[t_code - 1] if t_code else None
            speaker = speaker_values[s_code - 1] if s_code else None
            norm = normalise(text)
            t = text_ids.get(norm)
            if t is None:
                t = text_ids[norm] = len(self.texts)
                quote = _quote(text, speaker, rules)
                self.texts.append(quote)
            else:
                shared = self.texts[t]   # same words: the same lists and bags
                quote = _Quote(shared.words, shared.text, shared.bag, shared.negated, speaker_key(speaker),
                               text if text is not None else "")
            self.quotes.append(quote)
            text_of_quote.append(t)
        self.quote_of_row = quote_of_row
        self.text_of_row = np.asarray(text_of_quote, dtype=np.int64)[quote_of_row]
        self.text_counts = np.bincount(self.text_of_row, minlength=len(self.texts))
        # Rows of each text, in row order: rows_by_text[text_start[t]:text_start[t + 1]].
        self.rows_by_text = np.argsort(self.text_of_row, kind="stable")
        self.text_start = np.r_[0, np.cumsum(self.text_counts)]

    def row_pairs(self, left: np.ndarray, right: np.ndarray, chained: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Row pairs (i < j) of text pairs: every row of one text with every row of the other;
        for a text paired with itself every two of its rows, or when `chained` only rows next
        to each other in row order."""
        counts, start, rows = self.text_counts, self.text_start, self.rows_by_text
        chain = (left == right) & chained
        pairs = ~chain
        lc, rc = counts[left[pairs]], counts[right[pairs]]
        sizes = lc * rc
        which = np.repeat(np.arange(len(sizes)), sizes)
        k = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        a = rows[start[left[pairs]][which] + k // rc[which]]
        b = rows[start[right[pairs]][which] + k % rc[which]]
        i, j = np.minimum(a, b), np.maximum(a, b)
        keep = i != j
        i, j = i[keep], j[keep]
        self_pair = (left[pairs] == right[pairs])[which][keep]
        # A text with itself gave each two rows twice (and each row with itself, dropped).
        once = ~self_pair | (a[keep] < b[keep])
        i, j = i[once], j[once]
        if chain.any():
            firsts = [np.arange(start[t], start[t + 1] - 1) for t in left[chain].tolist()]
            firsts = np.concatenate(firsts) if firsts else np.zeros(0, dtype=np.int64)
            i, j = np.r_[i, rows[firsts]], np.r_[j, rows[firsts + 1]]
        return i, j


def _text_pairs(distinct: _DistinctQuotes, rules: MatchRules) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """The candidate pairs of `candidate_pairs` over every row's quote (its index keys, and
    its normalised text as exact key), as pairs of distinct texts: (left, right, chained,
    number of row pairs). Row pairs of two texts are every row of one with every row of the
    other; a text pairs with itself when it looked up a key (then every two of its rows
    pair) or, as `candidate_pairs`' exact key, only chained (rows next to each other)."""
    n_texts = len(distinct.texts)
    counts = distinct.text_counts
    codes, probes = _indexed_pairs(key_sets([_index_keys(q) for q in distinct.texts]), rules.index_keys,
                                   rules.max_posting, rules.index_min_hits, counts=counts)
    left, right = codes // max(n_texts, 1), codes % max(n_texts, 1)
    repeated = np.flatnonzero((counts >= 2) & np.asarray([q.text != "" for q in distinct.texts], dtype=bool))
    chained = np.r_[np.zeros(len(left), dtype=bool), probes[repeated] == 0]
    left, right = np.r_[left, repeated], np.r_[right, repeated]
    selfs = left == right
    rows = np.where(selfs, np.where(chained, counts[left] - 1, counts[left] * (counts[left] - 1) // 2),
                    counts[left] * counts[right])
    return left, right, chained, int(rows.sum())


def group_claims(claims: pd.DataFrame, copies: dict[str, str] | None = None,
                 aligned: dict[tuple[str, str], dict[int, int]] | None = None,
                 paragraph_of=None, rules: MatchRules = RULES, stats: dict | None = None,
                 block_rows: int = 1_000_000) -> np.ndarray:
    """Group label (row position of the group's first member) for each row of `claims`.

    `copies` maps a copy's article_id to its original's; `aligned[(copy, original)]` maps the
    copy's paragraph numbers to the original's, and `paragraph_of(article_id, offset)` gives
    a claim's paragraph number: quotes in aligned paragraphs are compared with the relaxed
    `copy_aligned_similarity`.

    Candidates are found and filtered between distinct texts, scored once per distinct pair
    of (quote, speaker), and only then spread over the rows, `block_rows` row pairs at a
    time; the edges are then joined in the order of their score and rows, as they would be
    with every row compared on its own."""
    n = len(claims)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    missing = pd.Series([None] * n, index=claims.index, dtype=object)
    distinct = _DistinctQuotes(claims["quote"] if "quote" in claims else missing, _speaker_column(claims), rules)
    quotes, quote_of_row = distinct.quotes, distinct.quote_of_row
    articles, article_names = pd.factorize(claims["article_id"].astype(str) if "article_id" in claims
                                           else pd.Series([""] * n, dtype=object))
    starts, known_start = _offsets(claims, "quote_start")
    ends, known_end = _offsets(claims, "quote_end")
    groups = _Groups(articles, starts, ends, known_start & known_end,
                     [quotes[q].speaker for q in quote_of_row.tolist()], rules)

    left, right, chained, indexed = _text_pairs(distinct, rules)
    kept = _could_match(np.stack([left, right], axis=1), [q.bag for q in distinct.texts], rules, keep_mask=True)
    left, right, chained = left[kept], right[kept], chained[kept]
    counts = distinct.text_counts
    sizes = np.where(left == right, np.where(chained, counts[left] - 1, counts[left] * (counts[left] - 1) // 2),
                     counts[left] * counts[right])
    # Edges as row pairs and the number of their verdict (whose score is scores[verdict]).
    row_type = np.int32 if n < 2**31 else np.int64
    full_i, full_j, full_verdict, part_i, part_j, scores = [], [], [], [], [], []
    n_verdicts, n_quotes = 0, len(quotes)
    done = np.cumsum(sizes)
    begin = 0
    while begin < len(sizes):
        end = max(int(np.searchsorted(done, (done[begin - 1] if begin else 0) + block_rows, side="right")), begin + 1)
        i, j = distinct.row_pairs(left[begin:end], right[begin:end], chained[begin:end])
        begin = end
        # A pair of quotes belongs to one pair of texts, so it is scored in one block only.
        codes, inverse = np.unique(quote_of_row[i] * n_quotes + quote_of_row[j], return_inverse=True)
        inverse = inverse.ravel()
        kinds, block_scores = np.zeros(len(codes), dtype=np.int8), np.zeros(len(codes))
        for k, code in enumerate(codes.tolist()):
            kind, block_scores[k] = same_claim(quotes[code // n_quotes], quotes[code % n_quotes], rules)
            kinds[k] = 1 if kind == "full" else 2 if kind == "contained" else 0
        kind_of_pair = kinds[inverse]
        full, part = kind_of_pair == 1, kind_of_pair == 2
        full_i.append(i[full].astype(row_type))
        full_j.append(j[full].astype(row_type))
        full_verdict.append(inverse[full] + n_verdicts)
        part_i.append(i[part])
        part_j.append(j[part])
        scores.append(block_scores)
        n_verdicts += len(codes)
        del i, j, codes, inverse, kind_of_pair

    copy_pairs = 0
    if copies and aligned and paragraph_of is not None:
        by_name = {name: code for code, name in enumerate(article_names.tolist())}
        article_order = np.argsort(articles, kind="stable")
        article_start = np.r_[0, np.cumsum(np.bincount(articles[articles >= 0], minlength=len(article_names)))]

        def rows_of(article: str) -> list[int]:
            code = by_name.get(article)
            return [] if code is None else article_order[article_start[code]:article_start[code + 1]].tolist()

        edges, copy_pairs = _copy_edges(copies, aligned, paragraph_of, rows_of, starts, known_start,
                                        lambda row: quotes[quote_of_row[row]], rules)
        if edges:
            neg, i, j = zip(*edges)
            scores.append(-np.asarray(neg, dtype=np.float64))
            full_i.append(np.asarray(i, dtype=row_type))
            full_j.append(np.asarray(j, dtype=row_type))
            full_verdict.append(np.arange(n_verdicts, n_verdicts + len(edges)))
            n_verdicts += len(edges)

    n_full = _join_by_score(groups, full_i, full_j, full_verdict, scores, block_rows)
    del full_i, full_j, full_verdict, scores
    # Truncations join the one group that contains them; a fragment found in two different
    # groups of the speaker is ambiguous and stays apart. Longer fragments go first, so a
    # chain of truncations (A in B in C) resolves to one group.
    part_i, part_j = (np.concatenate(x) if x else np.zeros(0, dtype=np.int64) for x in (part_i, part_j))
    lengths = np.asarray([len(q.words) for q in quotes], dtype=np.int64)[quote_of_row]
    first_short = lengths[part_i] <= lengths[part_j]
    short, long = np.where(first_short, part_i, part_j), np.where(first_short, part_j, part_i)
    order = np.lexsort((short, -lengths[short]))
    short, long = short[order].tolist(), long[order].tolist()
    begin = 0
    while begin < len(short):
        end = begin
        while end < len(short) and short[end] == short[begin]:
            end += 1
        own = groups.find(short[begin])
        roots = {groups.find(t) for t in long[begin:end]} - {own}
        if len(roots) == 1:
            groups.union(short[begin], roots.pop())
        begin = end
    if stats is not None:
        stats.update(candidate_pairs=indexed, scored_pairs=int(sizes.sum()), copy_pairs=copy_pairs, full_edges=n_full,
                     contained_edges=len(part_i))
    return np.array([groups.find(i) for i in range(n)], dtype=np.int64)


def _copy_edges(copies, aligned, paragraph_of, rows_of, starts, known_start, quote, rules: MatchRules):
    """Quotes of a copy and its original in aligned paragraphs: a looser test, one-to-one.
    ([(-score, i, j)], pairs compared)."""
    edges, compared = [], 0
    for copy, original in sorted(copies.items()):
        mapping = aligned.get((copy, original), {})
        in_paragraph: dict[tuple[str, int], list[int]] = defaultdict(list)
        for article in (copy, original):
            for i in rows_of(article):
                if known_start[i]:
                    in_paragraph[(article, paragraph_of(article, int(starts[i])))].append(i)
        scored = []
        for (article, paragraph), rows in sorted(in_paragraph.items()):
            if article != copy or mapping.get(paragraph) is None:
                continue
            others = in_paragraph.get((original, mapping[paragraph]), [])
            for i in rows:
                for j in others:
                    compared += 1
                    only = (sum(quote(k).speaker.key == quote(i).speaker.key for k in rows) == 1
                            and sum(quote(k).speaker.key == quote(j).speaker.key for k in others) == 1)
                    relaxed = rules.copy_aligned_only_quote_similarity if only else rules.copy_aligned_similarity
                    kind, score = same_claim(quote(i), quote(j), rules, relaxed=relaxed,
                                             relaxed_unknown=rules.copy_aligned_unknown_speaker_similarity)
                    if kind == "full":
                        scored.append((-score, i, j))
        used_i, used_j = set(), set()
        for neg, i, j in sorted(scored):
            if i not in used_i and j not in used_j:
                edges.append((neg, min(i, j), max(i, j)))
                used_i.add(i)
                used_j.add(j)
    return edges, compared


def _join_by_score(groups: _Groups, edge_i: list, edge_j: list, edge_verdict: list, scores: list,
                   block_rows: int) -> int:
    """Join the edges' rows highest score first, then by rows (i, j): the order of sorting
    (-score, i, j) tuples. The sort key is one integer (score rank, i, j) when it fits in
    63 bits. Returns the number of edges."""
    edge_i, edge_j, edge_verdict = (np.concatenate(x) if x else np.zeros(0, dtype=np.int64)
                                    for x in (edge_i, edge_j, edge_verdict))
    if len(edge_i) == 0:
        return 0
    _values, rank = np.unique(-np.concatenate(scores), return_inverse=True)
    rank = rank.ravel()[edge_verdict]
    del edge_verdict
    row_bits = max(int(max(edge_i.max(), edge_j.max())).bit_length(), 1)
    if int(rank.max()).bit_length() + 2 * row_bits <= 63:
        key = (rank.astype(np.int64) << (2 * row_bits)) | (edge_i.astype(np.int64) << row_bits) | edge_j
        del rank, edge_i, edge_j
        key.sort()
        mask = (1 << row_bits) - 1
        blocks = (((part >> row_bits) & mask, part & mask) for part in
                  (key[b:b + block_rows] for b in range(0, len(key), block_rows)))
    else:
        order = np.lexsort((edge_j, edge_i, rank))
        blocks = ((edge_i[part], edge_j[part]) for part in
                  (order[b:b + block_rows] for b in range(0, len(order), block_rows)))
    parent = groups.parent
    count = 0
    for block_i, block_j in blocks:
        count += len(block_i)
        for i, j in zip(block_i.tolist(), block_j.tolist()):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            while parent[j] != j:
                parent[j] = parent[parent[j]]
                j = parent[j]
            if i != j:
                groups.union(i, j)
    return count


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
    for column, values in _group_columns(out, labels, copy_of).items():
        out[column] = values
    return out


def _shared_list(series: pd.Series) -> list:
    """series.tolist() with each distinct value one object (a corpus's repeated quotes,
    article ids and outlets are not copied once per row); missing values as the first
    missing one reads."""
    codes, uniques = pd.factorize(series)
    missing = series[series.isna()].iloc[0] if series.hasnans else None
    distinct = uniques.tolist() + [missing]
    return [distinct[c] for c in codes.tolist()]


def _group_columns(claims: pd.DataFrame, labels: np.ndarray, copy_of: dict[str, str] | None = None) -> dict[str, list]:
    """MATCH_COLUMNS of a non-empty claims table from group labels, as lists in row order."""
    n = len(claims)
    copy_of = copy_of or {}
    speakers = [speaker_key(s).key for s in _shared_list(_speaker_column(claims))]
    quotes = [q if isinstance(q, str) else "" for q in _shared_list(claims["quote"])] if "quote" in claims else [""] * n
    articles = _shared_list(claims["article_id"].astype(str)) if "article_id" in claims else [""] * n
    outlets = _shared_list(claims["outlet"]) if "outlet" in claims else [None] * n
    dates = _shared_list(claims["date"]) if "date" in claims else [None] * n
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels.tolist()):
        members[label].append(i)

    claim_id = [None] * n
    claim_text = [None] * n
    version = [None] * n
    carried = [0] * n
    independent = [0] * n
    first_seen = [None] * n
    used_ids: dict[str, tuple] = {}
    versions_seen: dict[tuple[str, str], str] = {}
    # Groups in a content order (not row order), so a colliding id is resolved the same way.
    ordered = sorted(members.values(), key=lambda rows: min((articles[r], quotes[r]) for r in rows))
    del members
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
        first = min(seen) if seen else None
        for r in rows:
            claim_id[r] = cid
            claim_text[r] = canonical
            key = (quotes[r], canonical)
            kind = versions_seen.get(key)
            if kind is None:
                kind = versions_seen[key] = _version(quotes[r], canonical)
            version[r] = kind
            carried[r] = len(outlet_keys)
            independent[r] = len(own)
            first_seen[r] = first
    return {"claim_id": claim_id, "claim_text": claim_text, "version": version, "carried_by": carried,
            "carried_by_independent": independent, "first_seen": first_seen}


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
    keyed.index = np.arange(len(keyed))
    order = keyed.sort_values(list(keyed.columns), kind="stable").index.to_numpy()
    del keyed
    # Only the columns grouping reads, in the content order; the new columns are then put
    # back in the given order (no copy of the whole table in between).
    read = [c for c in ("article_id", "outlet", "date", "quote", "quote_start", "quote_end", "speaker",
                        "speaker_canonical") if c in claims]
    ordered = claims[read].take(order).reset_index(drop=True)
    paragraph_of = paragraph_index(articles, rules)
    labels = group_claims(ordered, copy_of, alignments, paragraph_of, rules, stats)
    columns = _group_columns(ordered, labels, copy_of)
    del ordered, labels
    position = np.empty(len(order), dtype=np.int64)
    position[order] = np.arange(len(order))
    position = position.tolist()
    annotated = claims.copy()
    for column, values in columns.items():
        annotated[column] = [values[k] for k in position]
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
