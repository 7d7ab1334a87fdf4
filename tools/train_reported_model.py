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
it (the highest of those within 0.001 of the best), and writes extract/data/reported_model.json. Deterministic: same data, same weights.
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
# Features (most of them word identities: the word before the cue, the content's first
# word, ...) seen in fewer candidates than this get no weight: too few to learn from.
MIN_FEATURE_COUNT = 10


def train(data: list) -> tuple:
    """fit() on the features seen at least MIN_FEATURE_COUNT times in data."""
    counts: dict[str, int] = {}
    for features, _ in data:
        for k in features:
            counts[k] = counts.get(k, 0) + 1
    kept = [({k: v for k, v in features.items() if counts[k] >= MIN_FEATURE_COUNT}, label) for features, label in data]
    return fit(kept, l2=L2, steps=STEPS, rate=RATE, sparse=True)


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
        examples = [(f, label) for i, (rows, _) in enumerate(articles) if i % k != fold for f, label, _ in rows]
        model = {"weights": train(examples)[0]}
        for i in range(fold, len(articles), k):
            held_out[i] = [probability(model, f) for f, _, _ in articles[i][0]]
    probabilities = [p for probs in held_out for p in probs]
    for threshold in THRESHOLDS:
        precision, recall, f1 = span_scores(articles, probabilities, threshold)
        print(f"{k}-fold CV, threshold {threshold:.2f}: P={precision:.3f} R={recall:.3f} F1={f1:.3f}")


THRESHOLDS = [round(t, 2) for t in np.arange(0.2, 0.71, 0.05)]
F1_TIE = 0.001


def load_articles(root) -> list:
    root = Path(root)
    articles = []
    for ann in sorted((root / "gold").glob("*.ann")):
        text = (root / "articles" / f"{ann.stem}.txt").read_text(encoding="utf-8")
        articles.append(article_examples(text, load_gold(ann)))
    return articles


def pick_threshold(f1s: dict[float, float]) -> float:
    """The acceptance threshold for these train F1s. Thresholds within F1_TIE of the best
    are a tie, below what the estimate can tell apart (cross-validation moves by more); the
    highest of them is taken: at equal F1 an editor is better served by fewer false claims
    than by more claims found."""
    top = max(f1s.values())
    return max(t for t, f in f1s.items() if f >= top - F1_TIE)


def model_text(articles: list) -> str:
    """The model file's text (JSON) for these training articles."""
    data = [(f, label) for rows, _ in articles for f, label, _ in rows]
    weights, p, y = train(data)
    acc = ((p >= 0.5) == (y == 1)).mean()
    f1s = {t: span_scores(articles, p, t)[2] for t in THRESHOLDS}
    best = pick_threshold(f1s)
    out = {"trained_on": "PolNeAR train", "examples": len(y), "positives": int(y.sum()),
           "train_accuracy": round(float(acc), 4), "threshold": best,
           "train_f1_by_threshold": {str(t): round(f, 4) for t, f in f1s.items()},
           "weights": weights}
    return json.dumps(out, indent=1, sort_keys=True) + "\n"


TARGET = Path(__file__).resolve().parents[1] / "extract" / "data" / "reported_model.json"


def main(root, cv: int | None = None):
    articles = load_articles(root)
    if cv:
        cross_validate(articles, cv)
        return
    text = model_text(articles)
    TARGET.write_text(text, encoding="utf-8")
    out = json.loads(text)
    print(f"{out['examples']} candidates, {out['positives']} claims, train accuracy {out['train_accuracy']:.3f}, "
          f"threshold {out['threshold']} (train indirect F1 {out['train_f1_by_threshold'][str(out['threshold'])]:.3f}) -> {TARGET}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", help="a PolNeAR split (train)")
    parser.add_argument("--cv", type=int, metavar="K", help="K-fold cross-validation on that split; writes nothing")
    args = parser.parse_args()
    main(args.root, args.cv)
