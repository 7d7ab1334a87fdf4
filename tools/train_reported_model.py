"""Train the reported-speech model (is a cue candidate a claim?) on PolNeAR train.

    python tools/train_reported_model.py ../shared/data/polnear/train
    python tools/train_reported_model.py ../shared/data/polnear/train --cv 5   # writes nothing

--cv K fits the model K times, each on all but every K-th article (folds by article, so
one article's candidates never sit on both sides), and prints the indirect precision,
recall and F1 of the held-out candidates by acceptance threshold, counted as the scorer
counts them: how well the features generalise within train, without looking at dev.

Runs extract.reported.find_reported over every sentence keeping every candidate, labels
each one by the gold (a candidate is a claim when at least half of its characters lie in a
gold attributed content, with or without quotation marks: the codebook counts reported
content that quotes some words as an indirect claim too), fits an L2-regularised logistic
regression with plain gradient descent (numpy; a few dozen weights), then picks the
acceptance threshold that gives the best indirect F1 on train as the official scorer counts
it, and writes extract/data/reported_model.json. Deterministic: same data, same weights.
Only train is read, never dev.
"""
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))

from score_claims import content_region, covered, load_gold  # noqa: E402

from extract import layout, quotes  # noqa: E402
from extract.attribution import sentence_spans  # noqa: E402
from extract.logistic import fit  # noqa: E402
from extract.reported import find_reported  # noqa: E402
from scoring import span_scores  # noqa: E402

L2 = 1.0
STEPS = 3000
RATE = 0.5


def article_examples(text: str, gold: list):
    """(features, is a claim, span) for every candidate, and the article's gold indirect spans."""
    contents = [(c[0][0], c[-1][1]) for c, _ in gold]
    indirect = [(c[0][0], c[-1][1]) for c, _ in gold if content_region(text, c) is None]
    indirect = [g for g in indirect if g[1] - g[0] >= 3]
    lay = layout.analyse(text)
    paragraphs = [p for p in lay.paragraphs if p != lay.headline]
    found = quotes.find_quotes(text, paragraphs)
    rows = []
    for p_start, p_end in paragraphs:
        para_quotes = [q for q in found if q.start < p_end and q.end > p_start]
        for sent in sentence_spans(text, p_start, p_end, para_quotes):
            for claim in find_reported(text, sent, para_quotes, keep_all=True):
                span = (claim.start, claim.end)
                rows.append((claim.extra["features"], covered(span, contents) * 2 >= span[1] - span[0], span))
    return rows, indirect


def cross_validate(articles: list, k: int) -> None:
    from extract.logistic import probability

    held_out: list[list[float]] = [[] for _ in articles]
    for fold in range(k):
        train = [(f, label) for i, (rows, _) in enumerate(articles) if i % k != fold for f, label, _ in rows]
        model = {"weights": fit(train, l2=L2, steps=STEPS, rate=RATE)[0]}
        for i in range(fold, len(articles), k):
            held_out[i] = [probability(model, f) for f, _, _ in articles[i][0]]
    probabilities = [p for probs in held_out for p in probs]
    for threshold in THRESHOLDS:
        precision, recall, f1 = span_scores(articles, probabilities, threshold)
        print(f"{k}-fold CV, threshold {threshold:.2f}: P={precision:.3f} R={recall:.3f} F1={f1:.3f}")


THRESHOLDS = [round(t, 2) for t in np.arange(0.2, 0.71, 0.05)]


def main(root, cv: int | None = None):
    root = Path(root)
    articles = []
    for ann in sorted((root / "gold").glob("*.ann")):
        text = (root / "articles" / f"{ann.stem}.txt").read_text(encoding="utf-8")
        articles.append(article_examples(text, load_gold(ann)))
    if cv:
        cross_validate(articles, cv)
        return
    data = [(f, label) for rows, _ in articles for f, label, _ in rows]
    weights, p, y = fit(data, l2=L2, steps=STEPS, rate=RATE)
    acc = ((p >= 0.5) == (y == 1)).mean()
    f1s = {t: span_scores(articles, p, t)[2] for t in THRESHOLDS}
    best = max(THRESHOLDS, key=lambda t: (f1s[t], -abs(t - 0.5)))
    out = {"trained_on": "PolNeAR train", "examples": len(y), "positives": int(y.sum()),
           "train_accuracy": round(float(acc), 4), "threshold": best,
           "train_f1_by_threshold": {str(t): round(f, 4) for t, f in f1s.items()},
           "weights": weights}
    target = Path(__file__).resolve().parents[1] / "extract" / "data" / "reported_model.json"
    target.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(y)} candidates, {int(y.sum())} claims, train accuracy {acc:.3f}, "
          f"threshold {best} (train indirect F1 {f1s[best]:.3f}) -> {target}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", help="a PolNeAR split (train)")
    parser.add_argument("--cv", type=int, metavar="K", help="K-fold cross-validation on that split; writes nothing")
    args = parser.parse_args()
    main(args.root, args.cv)
