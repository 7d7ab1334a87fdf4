"""The corpus-level passes as they were before they were made to scale (commit 5d387db):
candidate pairs from dicts, every row's quote built and scored on its own, every
paragraph pair's similarity computed in Python. tests/test_corpus_pass_equivalence.py
checks that extract.matching and extract.copies give the very same results.

The helpers these functions call and that did not change (same_claim, _quote, _index_keys,
_could_match, weighted_dice, stem_weights, normalise, ...) are imported from extract.
"""
from __future__ import annotations

import functools
from collections import Counter, defaultdict

import numpy as np
import pandas as pd

from extract.copies import _date, _known_outlet, _original_first, paragraphs
from extract.matching import (RULES, MatchRules, SpeakerKey, _agree_cached, _claim_id, _could_match, _date_text,
                              _index_keys, _int_or_none, _order_key, _outlet_key, _quote, _speaker_column, _version,
                              normalise, same_claim, speaker_key, stem_weights, weighted_dice)
from extract.schema import MATCH_COLUMNS


# ---------------------------------------------------------------- extract/matching.py

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


def link(articles: pd.DataFrame, claims: pd.DataFrame, rules: MatchRules = RULES,
         stats: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles with `copy_of`, claims with MATCH_COLUMNS (same row order as given)."""
    from extract.copies import paragraph_index

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
        from extract.speakers import canonical_speakers
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



# ---------------------------------------------------------------- extract/copies.py

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
