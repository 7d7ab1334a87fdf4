"""Precision, recall and F1 of kept candidates, counted as ../shared/eval/score_claims.py
counts them; shared by the training tools (threshold choice, cross-validation)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))

from score_claims import covered  # noqa: E402


def span_scores(articles, probabilities, threshold):
    """articles: (rows, gold spans) per article, each row (features, label, span);
    probabilities: one per row, in the same order. Rows kept at >= threshold are the
    predictions; a prediction is right when gold covers half of it, a gold span found when
    predictions cover half of it. Returns (precision, recall, F1)."""
    pred = ok = gold = found = 0
    i = 0
    for rows, golds in articles:
        kept = [span for (_, _, span), p in zip(rows, probabilities[i:i + len(rows)]) if p >= threshold]
        i += len(rows)
        pred += len(kept)
        ok += sum(1 for s in kept if covered(s, golds) * 2 >= s[1] - s[0])
        gold += len(golds)
        found += sum(1 for g in golds if covered(g, kept) * 2 >= g[1] - g[0])
    p = ok / pred if pred else 0.0
    r = found / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
