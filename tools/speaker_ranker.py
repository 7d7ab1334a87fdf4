"""Would a learned speaker re-ranker beat the attribution rules on direct quotes? Measured on
PolNeAR train by cross-validation; writes nothing (the answer so far is no: docs/speaker_ranker.md).

    python tools/speaker_ranker.py ../shared/data/polnear/train --cv 5
    python tools/speaker_ranker.py ../shared/data/polnear/train --cv 5 --names --pairs

For every direct claim the pipeline keeps, the candidates are the rules' mention (its rule
name a feature) and the alternatives the rules' own helpers give (extract/attribution.py):
the subject opening the quote's sentence, the reported claim the quote sits in, a name or
pronoun right after the quote, the subject of each speech verb of the sentence and the name
after it, the speaking sentence or the subject of the sentence before, and the last speaker
of the same or the previous paragraph. --names adds every capitalised run and subject or
relative pronoun of the quote's sentence and the one before.

Each gold direct quote with a source that the scorer finds is judged on the prediction that
covers it most, as ../shared/eval/score_claims.py judges it, and that prediction's candidates
are labelled by the gold: a candidate is the speaker when it overlaps a gold source span, or
its words (or the speaker resolved for the same span, where a claim of the article has that
mention) share a content word with the source text. PolNeAR credits the outer source of
nested sourcing (`X said “…”, according to Y` → Y) where the codebook credits X, so a quote
whose rules' mention lies inside the gold content and is judged wrong is left out, and so
is any candidate inside the gold content judged wrong: nothing learns the convention the
codebook rejects.

An L2-regularised logistic regression (extract/logistic.fit) gives each candidate a
probability of being the speaker (--pairs adds every pair of a candidate's features as a
feature of its own, kept when seen 10 times); an alternative replaces the rules' mention
when its probability clears a threshold and beats the rules' mention's by a margin (a quote
with no mention from the rules takes its best candidate over the threshold). --cv K fits the
model K times, each on all but every K-th article (folds by article), and prints, for the
held-out quotes, the rules' right speakers, how many a perfect choice among the candidates
would get (the oracle), and by margin and threshold the right speakers with the model, split
into quotes the model filled (no mention from the rules) and quotes it overrode.
Deterministic. Only train is read, never dev.
"""
from __future__ import annotations

import itertools
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))

from score_claims import content_region, covered, load_gold, overlap, words  # noqa: E402

from extract import attribution  # noqa: E402
from extract.logistic import fit, probability  # noqa: E402
from extract.pipeline import build_nlp  # noqa: E402

L2 = 1.0
STEPS = 3000
RATE = 0.5
MIN_FEATURE_COUNT = 10
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.5, 1.1)    # 1.1: never override, only fill quotes without a mention
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)


@dataclass
class Candidate:
    start: int
    end: int
    sources: list[str] = field(default_factory=list)


def _add(found: list[Candidate], start: int | None, end: int | None, source: str) -> None:
    if start is None or end is None or end <= start:
        return
    for c in found:
        if (c.start, c.end) == (start, end):
            c.sources.append(source)
            return
    found.append(Candidate(start, end, [source]))


# Capitalised runs and subject or relative pronouns: every name-like mention of a sentence.
_NAME_OR_PRONOUN = re.compile(r"\b[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)*|\b(?:he|she|they|who|that|which)\b")


def candidates(text: str, claim, quote, sent: tuple[int, int], prev_sent: tuple[int, int] | None,
               reported: list, previous, names: bool = False) -> list[Candidate]:
    """The rules' mention first (when there is one), then the alternatives, one per span."""
    found: list[Candidate] = []
    _add(found, claim.mention_start, claim.mention_end, "rules")
    q_open, q_end = quote.outer
    if text[sent[0]:q_open].strip():
        subject = attribution.sentence_subject(text, sent[0], q_open)
        if subject is not None:
            _add(found, subject.start, subject.end, "subject")
    host = next((r for r in reported if r.start <= q_open and quote.end <= r.end + 1 and r.mention_start is not None), None)
    if host is not None:
        _add(found, host.mention_start, host.mention_end, "host")
    if quote.close_mark is not None:
        after = attribution._subject_then_verb(text, q_end, min(len(text), sent[1], q_end + 80))
        if after is not None:
            _add(found, after[0].start, after[0].end, "after")
    verbs = attribution.speech_verbs()
    for w in attribution.cues_in(text, sent[0], sent[1], verbs):
        if q_open <= w[0] < q_end:
            continue
        lo = sent[0] if w[0] < q_open else q_end
        subject = attribution.subject_of(text, lo, w[0]) if text[lo:w[0]].strip() else None
        if subject is not None and attribution.valid_mention(text, subject):
            _add(found, subject.start, subject.end, "cue-subject")
        after = attribution.mention_after(text, w[1], q_open if w[0] < q_open else sent[1])
        if after is not None and attribution.valid_mention(text, after):
            _add(found, after.start, after.end, "cue-object")
    if prev_sent is not None:
        speaking = attribution.speaking_sentence(text, prev_sent)
        if speaking is not None:
            _add(found, speaking.mention_start, speaking.mention_end, "prev-speaking")
        else:
            subject = attribution.sentence_subject(text, prev_sent[0], prev_sent[1])
            if subject is not None:
                _add(found, subject.start, subject.end, "prev-subject")
    if names:
        lo = prev_sent[0] if prev_sent is not None else sent[0]
        for m in _NAME_OR_PRONOUN.finditer(text, lo, sent[1]):
            if not q_open <= m.start() < q_end:
                _add(found, m.start(), m.end(), "name")
    if previous is not None:
        _add(found, previous.mention_start, previous.mention_end, "previous")
    return found


_RELATIVE = frozenset("who which that whom whose".split())


def _bucket(distance: int) -> str:
    return next((label for limit, label in ((0, "0"), (20, "20"), (60, "60"), (150, "150"), (400, "400"))
                 if distance <= limit), "far")


def _where(cand: Candidate, quote, sent: tuple[int, int], para_start: int) -> tuple[str, int]:
    q_open, q_end = quote.outer
    if cand.end <= q_open:
        where = "before_sent" if cand.start >= sent[0] else "before_para" if cand.start >= para_start else "before_prev_para"
        return where, q_open - cand.end
    if cand.start >= q_end:
        return "after", cand.start - q_end
    return "inside", 0


def _kind(text: str, cand: Candidate) -> str:
    low = text[cand.start:cand.end].lower()
    if low in attribution._pronouns():
        return "pronoun"
    if low in _RELATIVE:
        return "relative"
    ws = text[cand.start:cand.end].split()
    if ws and ws[0][:1].isupper() and all(w[:1].isupper() or w.lower() in ("of", "the", "and") for w in ws):
        return "name"
    return "description"


def features(text: str, claim, quote, cand: Candidate, sent: tuple[int, int], para_start: int,
             quotes: list, found: list[Candidate]) -> dict[str, float]:
    f: dict[str, float] = {"bias": 1.0}
    rules = "rules" in cand.sources
    for s in cand.sources:
        f["src=" + s] = 1.0
    if len(cand.sources) > 1:
        f["agree"] = 1.0
    f[("rule=" if rules else "alt_rule=") + (claim.rule or "none")] = 1.0
    if len(found) == 1:
        f["alone"] = 1.0
    where, distance = _where(cand, quote, sent, para_start)
    f["at=" + where] = 1.0
    f["dist=" + _bucket(distance)] = 1.0
    kind = _kind(text, cand)
    f["kind=" + kind] = 1.0
    f[f"kind={kind}&src={'rules' if rules else 'alt'}"] = 1.0
    if len(text[cand.start:cand.end].split()) > 4:
        f["long"] = 1.0
    if any(q.start <= cand.start and cand.end <= q.end for q in quotes if q is not quote):
        f["in_quote"] = 1.0
    q_open, q_end = quote.outer
    between = (cand.end, q_open) if where.startswith("before") else (q_end, cand.start) if where == "after" else (0, 0)
    if between[1] > between[0] and attribution.cues_in(text, between[0], between[1], attribution.speech_verbs()):
        f["cue_between"] = 1.0
    if not text[sent[0]:q_open].strip():
        f["q_opens"] = 1.0
    if len(text[quote.start:quote.end].split()) <= 3:
        f["q_short"] = 1.0
    if not rules:
        # How the alternative compares with the rules' mention (or its absence).
        other = next((c for c in found if "rules" in c.sources), None)
        if other is None:
            f["rules_none"] = 1.0
        else:
            o_where, o_distance = _where(other, quote, sent, para_start)
            f["rules_at=" + o_where] = 1.0
            f["rules_kind=" + _kind(text, other)] = 1.0
            if o_where == where:
                f["closer" if distance < o_distance else "farther"] = 1.0
            if any(q.start <= other.start and other.end <= q.end for q in quotes if q is not quote):
                f["rules_in_quote"] = 1.0
    return f


def with_pairs(f: dict[str, float]) -> dict[str, float]:
    g = dict(f)
    for a, b in itertools.combinations(sorted(f), 2):
        g[a + "*" + b] = 1.0
    return g


def claim_candidates(text: str, doc, names: bool = False) -> list:
    """(claim, [(Candidate, features)]) for each direct claim of a doc the pipeline made:
    the context the rules had (the sentence before, the sentence's reported claims, the
    last claim with a speaker of the same or the previous paragraph) read back from the
    doc's claims, sentences and quotes."""
    lay = doc._.layout
    paragraphs = [p for p in lay.paragraphs if p != lay.headline]
    para_starts = [p[0] for p in paragraphs]
    sentences = doc._.sentences or []
    sent_index = {s: k for k, s in enumerate(sentences)}
    by_start = {q.start: q for q in doc._.quotes or []}
    claims = [c for c in doc._.claims if (c.sentence_start, c.sentence_end) in sent_index]
    out = []
    previous, previous_para, previous_sent = None, -1, None
    pending = []        # claims of the current sentence, which become `previous` after it
    for k, claim in enumerate(claims):
        sent = (claim.sentence_start, claim.sentence_end)
        if sent != previous_sent:
            for c in pending:
                if c.mention_start is not None and text[c.mention_start:c.mention_end].lower() not in ("who", "which"):
                    previous, previous_para = c, bisect_right(para_starts, c.sentence_start) - 1
            pending, previous_sent = [], sent
        pending.append(claim)
        if claim.kind != "direct" or claim.start not in by_start:
            continue
        quote = by_start[claim.start]
        p_index = bisect_right(para_starts, sent[0]) - 1
        p_start, p_end = paragraphs[p_index]
        s = sent_index[sent]
        prev_sent = sentences[s - 1] if s > 0 else None
        reported = [c for c in claims if c.kind == "indirect" and c.sentence_start == sent[0]]
        para_quotes = [q for q in doc._.quotes if q.start < p_end and q.end > p_start]
        recent = previous if previous is not None and p_index - previous_para <= 1 else None
        found = candidates(text, claim, quote, sent, prev_sent, reported, recent, names)
        out.append((claim, [(c, features(text, claim, quote, c, sent, p_start, para_quotes, found)) for c in found]))
    return out


def article_quotes(nlp, text: str, gold: list, names: bool = False) -> list:
    """One entry per scored gold quote: (candidates with features, labels, trainable);
    a label is None where a wrong candidate lies inside the gold content (nested sourcing)."""
    doc = nlp(text)
    listed = claim_candidates(text, doc, names)
    direct = [c for c, _ in listed]
    spans = [(c.start, c.end) for c in direct]
    resolved = {}
    for c in doc._.claims:
        if c.mention_start is not None and c.speaker:
            resolved.setdefault((c.mention_start, c.mention_end), c.speaker)
    out = []
    for content, source in gold:
        region = content_region(text, content)
        if region is None or region[1] - region[0] < 3 or not source or not direct:
            continue
        if covered(region, spans) * 2 < region[1] - region[0]:
            continue
        best = max(range(len(direct)), key=lambda i: overlap(spans[i], region))
        cands = listed[best][1]
        src_words = words(" ".join(text[s:e] for s, e in source))
        outer = (content[0][0], content[-1][1])
        labels = []
        for cand, _ in cands:
            span = (cand.start, cand.end)
            right = any(overlap(span, s) > 0 for s in source) or bool(
                words(text[cand.start:cand.end]) & src_words) or bool(words(resolved.get(span) or "") & src_words)
            labels.append(None if not right and overlap(span, outer) > 0 else right)
        rules = next((k for k, (c, _) in enumerate(cands) if "rules" in c.sources), None)
        out.append((cands, labels, not (rules is not None and labels[rules] is None)))
    return out


def load_articles(root, names: bool = False) -> list:
    root = Path(root)
    nlp = build_nlp()
    return [article_quotes(nlp, (root / "articles" / f"{ann.stem}.txt").read_text(encoding="utf-8"),
                           load_gold(ann), names)
            for ann in sorted((root / "gold").glob("*.ann"))]


def choose(cands: list, probs: list[float], threshold: float, margin: float) -> int | None:
    """The index of the alternative that replaces (or fills in) the rules' mention, or None."""
    rules = next((k for k, (c, _) in enumerate(cands) if "rules" in c.sources), None)
    best = max((k for k in range(len(cands)) if k != rules), key=lambda k: probs[k], default=None)
    if best is None or probs[best] < threshold:
        return None
    if rules is not None and probs[best] - probs[rules] < margin:
        return None
    return best


def train(articles: list) -> dict:
    data = [(f, float(label)) for quotes in articles for cands, labels, ok in quotes if ok
            for (_, f), label in zip(cands, labels) if label is not None]
    counts: dict[str, int] = {}
    for f, _ in data:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    data = [({k: v for k, v in f.items() if counts[k] >= MIN_FEATURE_COUNT}, label) for f, label in data]
    return {"weights": fit(data, l2=L2, steps=STEPS, rate=RATE, sparse=True)[0]}


def tally(articles: list, probabilities: list, margin: float, threshold: float) -> dict[str, int]:
    t = dict.fromkeys(("quotes", "rules", "oracle", "model", "filled_right", "filled_wrong",
                       "overrides_gained", "overrides_lost"), 0)
    for quotes, probs in zip(articles, probabilities):
        for (cands, labels, ok), p in zip(quotes, probs):
            if not ok:
                continue
            rules = next((k for k, (c, _) in enumerate(cands) if "rules" in c.sources), None)
            before = bool(labels[rules]) if rules is not None else False
            pick = choose(cands, p, threshold, margin)
            after = before if pick is None else bool(labels[pick])     # a nested pick (None) counts wrong
            t["quotes"] += 1
            t["rules"] += before
            t["oracle"] += before or any(labels)
            t["model"] += after
            if pick is not None and rules is None:
                t["filled_right" if after else "filled_wrong"] += 1
            elif pick is not None:
                t["overrides_gained"] += after and not before
                t["overrides_lost"] += before and not after
    return t


def cross_validate(articles: list, k: int) -> list[str]:
    held_out: list = [None] * len(articles)
    for fold in range(k):
        model = train([a for i, a in enumerate(articles) if i % k != fold])
        for i in range(fold, len(articles), k):
            held_out[i] = [[probability(model, f) for _, f in cands] for cands, _, _ in articles[i]]
    lines = []
    for margin in MARGINS:
        for threshold in THRESHOLDS:
            t = tally(articles, held_out, margin, threshold)
            lines.append(f"{k}-fold CV, margin {margin:.1f}, threshold {threshold:.1f}: of {t['quotes']} quotes "
                         f"rules right {t['rules']}, oracle {t['oracle']}, with the model {t['model']} "
                         f"({t['model'] - t['rules']:+d}: filled {t['filled_right']} right / {t['filled_wrong']} wrong, "
                         f"overrides +{t['overrides_gained']} -{t['overrides_lost']})")
    return lines


def main(root, k: int, names: bool, pairs: bool) -> None:
    articles = load_articles(root, names)
    if pairs:
        articles = [[([(c, with_pairs(f)) for c, f in cands], labels, ok) for cands, labels, ok in quotes]
                    for quotes in articles]
    print("\n".join(cross_validate(articles, k)))


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", help="a PolNeAR split (train)")
    parser.add_argument("--cv", type=int, default=5, metavar="K", help="K-fold cross-validation (default 5)")
    parser.add_argument("--names", action="store_true", help="every name and pronoun near the quote as a candidate too")
    parser.add_argument("--pairs", action="store_true", help="pairs of features as features")
    args = parser.parse_args()
    main(args.root, args.cv, args.names, args.pairs)
