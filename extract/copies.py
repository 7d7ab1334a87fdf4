"""Articles that copy articles: syndicated or (machine-)translated re-publications.

An article is a copy of another when most of its paragraphs align, in order, with the
other's paragraphs (order-aware alignment over word-stem similarity, which survives
translation rewording). Candidate article pairs come from an inverted index over each
article's rarest stems, so articles are never all compared. Thresholds: MatchRules in
extract/matching.py.

Scale: a candidate pair of articles is first judged on an upper bound of every paragraph
pair's similarity at once (one sparse product per article, against all its candidates);
only the pairs whose bound leaves enough paragraphs that could align get the exact
similarities and the alignment. Results are those of comparing every paragraph pair
(`align`), to the last float: tests/test_corpus_pass_equivalence.py.
"""
from __future__ import annotations

import bisect
import functools
import math
import re

import numpy as np
import pandas as pd

from .matching import (RULES, KeySets, MatchRules, candidate_pairs_of_sets, normalise_uncached,
                       positions, sort_rank, stem_weights, weighted_dice)

_LINE = re.compile(r"[^\n]+")


def paragraphs(text) -> list[tuple[int, str]]:
    """(start offset, text) of each non-blank line: the paragraphs of a plain-text article."""
    if not isinstance(text, str):
        return []
    return [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group().strip()]


def paragraph_index(articles: pd.DataFrame, rules: MatchRules = RULES):
    """paragraph_of(article_id, offset) -> number of the paragraph holding the offset."""
    starts: dict[str, list[int]] = {}
    if "article_id" in articles and "text" in articles:
        for article_id, text in zip(articles["article_id"].astype(str), articles["text"]):
            starts[article_id] = [s for s, _ in paragraphs(text)]

    def paragraph_of(article_id: str, offset: int) -> int | None:
        line_starts = starts.get(article_id)
        if not line_starts or offset is None:
            return None
        return max(bisect.bisect_right(line_starts, offset) - 1, 0)

    return paragraph_of


def align(a: list[tuple[int, dict]], b: list[tuple[int, dict]], rules: MatchRules = RULES) -> dict[int, int]:
    """Order-preserving alignment of a's paragraphs to b's (paragraph numbers), keeping
    pairs at or above `paragraph_similarity`; the alignment with the largest total similarity
    (dynamic programming, like a diff that tolerates rewording and dropped paragraphs)."""
    if not a or not b:
        return {}
    sim = np.array([[weighted_dice(x, y) for _, y in b] for _, x in a])
    sim[sim < rules.paragraph_similarity] = 0.0
    return _alignment(sim, [n for n, _ in a], [n for n, _ in b])


def _alignment(sim: np.ndarray, a_numbers: list[int], b_numbers: list[int]) -> dict[int, int]:
    """The alignment of a thresholded similarity matrix (see `align`).

    best[i, j] = max(best[i-1, j], best[i, j-1], best[i-1, j-1] + sim[i-1, j-1]) is computed a
    row at a time: the first two terms per column, then a running maximum along the row (the
    same additions and maxima, so the same floats). A row without any similarity only copies
    the row above and the walk back passes it straight up, so such rows are left out."""
    rows = np.flatnonzero(sim.any(axis=1))
    if len(rows) == 0:
        return {}
    sim = sim[rows]
    n, m = sim.shape
    best = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        np.maximum.accumulate(np.maximum(best[i - 1, 1:], best[i - 1, :-1] + sim[i - 1]), out=best[i, 1:])
    best_rows, sim_rows = best.tolist(), sim.tolist()
    mapping: dict[int, int] = {}
    i, j = n, m
    while i > 0 and j > 0:
        here = sim_rows[i - 1][j - 1]
        if here > 0 and best_rows[i][j] == best_rows[i - 1][j - 1] + here:
            mapping[a_numbers[rows[i - 1]]] = b_numbers[j - 1]
            i, j = i - 1, j - 1
        elif best_rows[i][j] == best_rows[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return mapping


def _enough(aligned, shorter, rules: MatchRules):
    """Whether `aligned` paragraphs make a copy of an article pair whose shorter has
    `shorter` paragraphs (numbers or numpy arrays)."""
    return (aligned >= rules.copy_min_paragraphs) & (aligned >= rules.copy_coverage * shorter)


class _Paragraphs:
    """The comparable paragraphs of every article (those of `paragraph_min_words` words or
    more) as stem bags (`stem_weights`), each distinct paragraph's bag kept once, as a row of
    arrays of stems and weights (articles that reuse paragraphs, wire copies, share rows).

    A row holds its stems in the bag's own order with the bag's own weights, so the bag
    comes back as it was (`bag`) for the exact similarity. Square roots of the weights give,
    by one sparse product, an upper bound of many paragraph pairs' weighted Dice at once:
    sum(min(a_k, b_k)) <= sum(sqrt(a_k * b_k))."""

    def __init__(self, texts, rules: MatchRules):
        self.rules = rules
        vocabulary: dict[str, int] = {}
        seen: dict[str, int] = {}          # paragraph text -> bag row (-1: too short to compare)
        indptr, keys, weights = [0], [], []
        self.numbers: list[list[int]] = []
        self.rows: list[np.ndarray] = []
        for text in texts:
            numbers, rows = [], []
            for number, (_start, para) in enumerate(paragraphs(text)):
                row = seen.get(para)
                if row is None:
                    words = normalise_uncached(para).split()
                    row = -1
                    if len(words) >= rules.paragraph_min_words:
                        row = len(indptr) - 1
                        for k, w in stem_weights(words, rules).items():
                            keys.append(vocabulary.setdefault(k, len(vocabulary)))
                            weights.append(w)
                        indptr.append(len(keys))
                    seen[para] = row
                if row >= 0:
                    numbers.append(number)
                    rows.append(row)
            self.numbers.append(numbers)
            self.rows.append(np.asarray(rows, dtype=np.int64))
        del seen
        self.vocabulary = vocabulary
        self.indptr = np.asarray(indptr, dtype=np.int64)
        self.keys = np.asarray(keys, dtype=np.int64)
        self.weights = np.asarray(weights, dtype=np.float64)
        n_bags = len(indptr) - 1
        self.roots = np.sqrt(self.weights)
        self.width = max(len(vocabulary), 1)
        self.totals = np.add.reduceat(self.weights, self.indptr[:-1]) if len(keys) else np.zeros(n_bags)
        self._bags: dict[int, dict[int, float]] = {}
        self._dice: dict[tuple[int, int], float] = {}

    def content_stems(self, articles_at_once: int = 2000) -> KeySets:
        """Each article's content stems (weight 1 or more in one of its paragraphs; function
        words say nothing about a copy), for the index that proposes candidate pairs."""
        width = self.width
        start, keys = [np.zeros(1, dtype=np.int64)], []
        for first in range(0, len(self.rows), articles_at_once):
            part = self.rows[first:first + articles_at_once]
            rows = np.concatenate(part) if part else np.zeros(0, dtype=np.int64)
            article = np.repeat(np.arange(len(part)), [len(r) for r in part])
            lengths = self.indptr[rows + 1] - self.indptr[rows]
            entry = positions(self.indptr[rows], lengths)
            heavy = self.weights[entry] >= 1.0
            codes = np.sort(np.repeat(article, lengths)[heavy] * width + self.keys[entry[heavy]])
            # (np.unique without counts or inverse is much slower here: numpy 2.4 hashes)
            codes = codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes
            keys.append(codes % width)
            start.append(start[-1][-1] + np.cumsum(np.bincount(codes // width, minlength=len(part))))
        return KeySets(np.concatenate(start), np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64),
                       sort_rank(list(self.vocabulary)))

    def count(self, article: int) -> int:
        return len(self.numbers[article])

    def bag(self, row: int) -> dict[int, float]:
        """The stem bag of a row (stems as vocabulary numbers), in its original order."""
        bag = self._bags.get(row)
        if bag is None:
            if len(self._bags) >= 200_000:
                self._bags.clear()
            lo, hi = self.indptr[row], self.indptr[row + 1]
            bag = self._bags[row] = dict(zip(self.keys[lo:hi].tolist(), self.weights[lo:hi].tolist()))
        return bag

    def dice(self, x: int, y: int) -> float:
        """weighted_dice of two rows' bags (order kept: its float sums depend on it)."""
        value = self._dice.get((x, y))
        if value is None:
            if len(self._dice) >= 500_000:
                self._dice.clear()
            value = self._dice[(x, y)] = weighted_dice(self.bag(x), self.bag(y))
        return value

    def _matrix(self, rows: np.ndarray):
        """The rows' square-root weights as a sparse matrix (rows x stems)."""
        from scipy import sparse

        lengths = self.indptr[rows + 1] - self.indptr[rows]
        entry = positions(self.indptr[rows], lengths)
        return sparse.csr_matrix((self.roots[entry], self.keys[entry], np.r_[0, np.cumsum(lengths)]),
                                 shape=(len(rows), self.width))

    def bound(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Where the weighted Dice of rows x cols can reach `paragraph_similarity` (each
        distinct paragraph of the cols once; the product turns the few rows to stems x rows,
        not the many cols)."""
        distinct, which = np.unique(cols, return_inverse=True)
        shared = (self._matrix(distinct) @ self._matrix(rows).T.tocsr()).toarray().T[:, which.ravel()]
        total = self.totals[rows][:, None] + self.totals[cols][None, :]
        return 2 * shared >= (self.rules.paragraph_similarity - 1e-9) * total

    def similarity(self, rows: np.ndarray, cols: np.ndarray, possible: np.ndarray) -> np.ndarray:
        """`align`'s thresholded similarity matrix, computed where `possible` (the bound) says
        it may be non-zero; zero elsewhere, as `align` would have set it."""
        sim = np.zeros(possible.shape)
        for r, c in zip(*np.nonzero(possible)):
            sim[r, c] = self.dice(rows[r], cols[c])
        sim[sim < self.rules.paragraph_similarity] = 0.0
        return sim

    def align(self, i: int, j: int) -> dict[int, int]:
        """align(article i's bags, article j's bags), the same mapping."""
        rows, cols = self.rows[i], self.rows[j]
        if len(rows) == 0 or len(cols) == 0:
            return {}
        sim = self.similarity(rows, cols, self.bound(rows, cols))
        return _alignment(sim, self.numbers[i], self.numbers[j])

    def copy_pairs(self, pairs: np.ndarray, ids: list[str]):
        """The candidate pairs (i, j) that are copies (`align` of their bags aligns at least
        `copy_min_paragraphs` and `copy_coverage` of the shorter's paragraphs), judged an
        article at a time against all its candidates: most fail on the bound alone, since
        the paragraphs that can align bound the alignment's length."""
        if len(pairs) == 0:
            return
        order = np.argsort(pairs[:, 0], kind="stable")
        pairs = pairs[order]
        firsts = np.flatnonzero(np.r_[True, pairs[1:, 0] != pairs[:-1, 0]])
        for begin, end in zip(firsts, np.r_[firsts[1:], len(pairs)]):
            i = int(pairs[begin, 0])
            rows = self.rows[i]
            partners = [j for j in pairs[begin:end, 1].tolist() if ids[j] != ids[i] and self.count(j)]
            if len(rows) == 0 or not partners:
                continue
            sizes = np.asarray([self.count(j) for j in partners])
            starts = np.r_[0, np.cumsum(sizes)[:-1]]
            cols = np.concatenate([self.rows[j] for j in partners])
            possible = self.bound(rows, cols)
            most = np.minimum(np.logical_or.reduceat(possible, starts, axis=1).sum(axis=0),
                              np.add.reduceat(possible.any(axis=0), starts))
            shorter = np.minimum(len(rows), sizes)
            for k in np.flatnonzero(_enough(most, shorter, self.rules)).tolist():
                j, lo, hi = partners[k], starts[k], starts[k] + sizes[k]
                sim = self.similarity(rows, cols[lo:hi], possible[:, lo:hi])
                nonzero = sim > 0
                if not _enough(min(nonzero.any(axis=1).sum(), nonzero.any(axis=0).sum()), shorter[k], self.rules):
                    continue
                if _enough(len(_alignment(sim, self.numbers[i], self.numbers[j])), shorter[k], self.rules):
                    yield i, j


def _date(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(stamp) else stamp.date().isoformat()


def _known_outlet(value) -> bool:
    return isinstance(value, str) and value.strip() != "" and value.strip().lower() != "unknown"


def _original_first(x: dict, y: dict) -> tuple[int, str]:
    """(-1 if x is the original, 1 if y is, the reason): earlier date when both are dated;
    else the page whose publisher is known (a re-publisher that does not name itself is an
    echo); else the longer (copies trim); else, undecidable, the smaller article_id."""
    if x["date"] and y["date"] and x["date"] != y["date"]:
        return (-1 if x["date"] < y["date"] else 1), "date"
    if x["known"] != y["known"]:
        return (-1 if x["known"] else 1), "outlet"
    if x["paragraphs"] != y["paragraphs"]:
        return (-1 if x["paragraphs"] > y["paragraphs"] else 1), "length"
    return (-1 if x["article_id"] < y["article_id"] else 1), "undecided"


def find_copies(articles: pd.DataFrame, rules: MatchRules = RULES,
                stats: dict | None = None) -> tuple[pd.DataFrame, dict[tuple[str, str], dict[int, int]]]:
    """Copies among the articles: a table (article_id, copy_of, aligned, basis) with one row
    per copy, and the paragraph alignment of every (copy, original) pair."""
    empty = pd.DataFrame(columns=["article_id", "copy_of", "aligned", "basis"])
    if articles is None or articles.empty or "text" not in articles or "article_id" not in articles:
        if stats is not None:
            stats["article_pairs"] = 0
        return empty, {}
    ids = articles["article_id"].astype(str).tolist()
    paras = _Paragraphs(articles["text"], rules)
    pairs = candidate_pairs_of_sets(paras.content_stems(), [""] * len(ids), rules.copy_index_keys,
                                    rules.max_posting, min_hits=rules.copy_candidate_shared_keys)
    if stats is not None:
        stats["article_pairs"] = len(pairs)
    parent = list(range(len(ids)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in paras.copy_pairs(pairs, ids):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    clusters: dict[int, list[int]] = {}
    for i in range(len(ids)):
        clusters.setdefault(find(i), []).append(i)

    dates = articles["date"].tolist() if "date" in articles else [None] * len(ids)
    outlets = articles["outlet"].tolist() if "outlet" in articles else [None] * len(ids)
    rows, alignments = [], {}
    for members in clusters.values():
        if len(members) < 2:
            continue
        info = [{"i": i, "article_id": ids[i], "date": _date(dates[i]), "known": _known_outlet(outlets[i]),
                 "paragraphs": paras.count(i)} for i in sorted(members, key=lambda i: ids[i])]
        original = sorted(info, key=functools.cmp_to_key(lambda x, y: _original_first(x, y)[0]))[0]
        for other in info:
            if other is original:
                continue
            mapping = paras.align(other["i"], original["i"])
            alignments[(other["article_id"], original["article_id"])] = mapping
            rows.append({"article_id": other["article_id"], "copy_of": original["article_id"],
                         "aligned": len(mapping), "basis": _original_first(original, other)[1]})
    table = pd.DataFrame(rows, columns=empty.columns) if rows else empty
    return table.sort_values("article_id", kind="stable").reset_index(drop=True), alignments
