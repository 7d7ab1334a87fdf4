"""Articles that copy articles: syndicated or (machine-)translated re-publications.

An article is a copy of another when most of its paragraphs align, in order, with the
other's paragraphs (order-aware alignment over word-stem similarity, which survives
translation rewording). Candidate article pairs come from an inverted index over each
article's rarest stems, so articles are never all compared. Thresholds: MatchRules in
extract/matching.py.
"""
from __future__ import annotations

import bisect
import functools
import math
import re

import numpy as np
import pandas as pd

from .matching import RULES, MatchRules, candidate_pairs, normalise, stem_weights, weighted_dice

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


def _bags(text, rules: MatchRules) -> list[tuple[int, dict[str, float]]]:
    """(paragraph number, stem bag) of the paragraphs long enough to compare."""
    out = []
    for number, (_start, para) in enumerate(paragraphs(text)):
        words = normalise(para).split()
        if len(words) >= rules.paragraph_min_words:
            out.append((number, stem_weights(words, rules)))
    return out


def align(a: list[tuple[int, dict]], b: list[tuple[int, dict]], rules: MatchRules = RULES) -> dict[int, int]:
    """Order-preserving alignment of a's paragraphs to b's (paragraph numbers), keeping
    pairs at or above `paragraph_similarity`; the alignment with the largest total similarity
    (dynamic programming, like a diff that tolerates rewording and dropped paragraphs)."""
    if not a or not b:
        return {}
    sim = np.array([[weighted_dice(x, y) for _, y in b] for _, x in a])
    sim[sim < rules.paragraph_similarity] = 0.0
    n, m = sim.shape
    best = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best[i, j] = max(best[i - 1, j], best[i, j - 1], best[i - 1, j - 1] + sim[i - 1, j - 1])
    mapping: dict[int, int] = {}
    i, j = n, m
    while i > 0 and j > 0:
        if sim[i - 1, j - 1] > 0 and best[i, j] == best[i - 1, j - 1] + sim[i - 1, j - 1]:
            mapping[a[i - 1][0]] = b[j - 1][0]
            i, j = i - 1, j - 1
        elif best[i, j] == best[i - 1, j]:
            i -= 1
        else:
            j -= 1
    return mapping


def _is_copy_pair(a, b, rules: MatchRules) -> dict[int, int] | None:
    mapping = align(a, b, rules)
    shorter = min(len(a), len(b))
    if len(mapping) >= rules.copy_min_paragraphs and len(mapping) >= rules.copy_coverage * shorter:
        return mapping
    return None


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
    bags = [_bags(t, rules) for t in articles["text"]]
    whole = []
    for paras in bags:
        merged: dict[str, float] = {}
        for _n, bag in paras:
            for k, w in bag.items():
                if w >= 1.0:  # content stems only: function words say nothing about a copy
                    merged[k] = 1.0
        whole.append(merged)
    pairs = candidate_pairs(whole, [""] * len(ids), rules.copy_index_keys, rules.max_posting,
                            min_hits=rules.copy_candidate_shared_keys)
    if stats is not None:
        stats["article_pairs"] = len(pairs)
    parent = list(range(len(ids)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs.tolist():
        if ids[i] != ids[j] and _is_copy_pair(bags[i], bags[j], rules) is not None:
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
                 "paragraphs": len(bags[i])} for i in sorted(members, key=lambda i: ids[i])]
        original = sorted(info, key=functools.cmp_to_key(lambda x, y: _original_first(x, y)[0]))[0]
        for other in info:
            if other is original:
                continue
            mapping = align(bags[other["i"]], bags[original["i"]], rules)
            alignments[(other["article_id"], original["article_id"])] = mapping
            rows.append({"article_id": other["article_id"], "copy_of": original["article_id"],
                         "aligned": len(mapping), "basis": _original_first(original, other)[1]})
    table = pd.DataFrame(rows, columns=empty.columns) if rows else empty
    return table.sort_values("article_id", kind="stable").reset_index(drop=True), alignments
