"""Train the quote model (is a quotation a claim?) on PolNeAR train.

    python tools/train_quote_model.py ../shared/data/polnear/train
    python tools/train_quote_model.py ../shared/data/polnear/train --cv 5   # writes nothing

--cv K fits the model K times, each on all but every K-th article, and prints the direct
precision, recall and F1 of the held-out quotes by acceptance threshold, counted as the
scorer counts them (gold quotes under a rule-settled title or never found stay in the
gold): how well the features generalise within train, without looking at dev.

Runs the pipeline keeping every quotation, labels each one by the gold (a quote is a claim
when at least half of its characters lie in a gold attributed content that holds quotation
marks: the scorer's definition), fits an L2-regularised logistic regression with plain
gradient descent (numpy; the model has a few dozen weights) and writes
extract/data/quote_model.json. Deterministic: same data, same weights. Only train is read.
"""
import json
import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))

from score_claims import content_region, covered, load_gold  # noqa: E402

from extract.logistic import fit  # noqa: E402
from extract.pipeline import QUOTE_THRESHOLD, build_nlp  # noqa: E402
from extract.quote_model import names_a_title  # noqa: E402
from scoring import span_scores  # noqa: E402

L2 = 1.0
STEPS = 3000
RATE = 0.5


def articles(root: Path):
    """Per article: its gold quotes (as the scorer reads them) and (features, is a claim,
    span) for each quotation the quote model decides on."""
    nlp = build_nlp(keep_all_quotes=True)
    for ann in sorted((root / "gold").glob("*.ann")):
        text = (root / "articles" / f"{ann.stem}.txt").read_text(encoding="utf-8")
        gold = [r for r in (content_region(text, c) for c, _ in load_gold(ann)) if r]
        rows = []
        for claim in nlp(text)._.claims:
            if claim.kind != "direct" or names_a_title(text, claim):
                continue    # titles after a possessive are settled by a rule, not by the weights
            span = (claim.start, claim.end)
            rows.append((claim.extra["features"], float(covered(span, gold) * 2 >= span[1] - span[0]), span))
        yield rows, [g for g in gold if g[1] - g[0] >= 3]


def cross_validate(arts: list, k: int) -> None:
    import numpy as np

    from extract.logistic import probability

    held_out: list[list[float]] = [[] for _ in arts]
    for fold in range(k):
        train = [(f, label) for i, (rows, _) in enumerate(arts) if i % k != fold for f, label, _ in rows]
        model = {"weights": fit(train, l2=L2, steps=STEPS, rate=RATE)[0]}
        for i in range(fold, len(arts), k):
            held_out[i] = [probability(model, f) for f, _, _ in arts[i][0]]
    probabilities = [p for probs in held_out for p in probs]
    for threshold in np.arange(0.4, 0.81, 0.05):
        precision, recall, f1 = span_scores(arts, probabilities, threshold)
        print(f"{k}-fold CV, threshold {threshold:.2f}: P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    # A quote with no speaker mention found must clear a threshold of its own
    # (extract.pipeline.UNATTRIBUTED_THRESHOLD), with the pipeline's QUOTE_THRESHOLD for the rest.
    attributed = [f.get("has_mention", 0.0) > 0 for rows, _ in arts for f, _, _ in rows]
    for unattributed in np.arange(0.6, 0.81, 0.05):
        kept = [p if has or p >= unattributed else 0.0 for p, has in zip(probabilities, attributed)]
        precision, recall, f1 = span_scores(arts, kept, QUOTE_THRESHOLD)
        print(f"{k}-fold CV, threshold {QUOTE_THRESHOLD:.2f}, without a mention {unattributed:.2f}: "
              f"P={precision:.3f} R={recall:.3f} F1={f1:.3f}")


def main(root, cv: int | None = None):
    arts = list(articles(Path(root)))
    if cv:
        cross_validate(arts, cv)
        return
    data = [(f, label) for rows, _ in arts for f, label, _ in rows]
    weights, p, y = fit(data, l2=L2, steps=STEPS, rate=RATE)
    acc = ((p >= 0.5) == (y == 1)).mean()
    out = {"trained_on": "PolNeAR train", "examples": len(y), "positives": int(y.sum()),
           "train_accuracy": round(float(acc), 4),
           "weights": weights}
    target = Path(__file__).resolve().parents[1] / "extract" / "data" / "quote_model.json"
    target.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(y)} quotes, {int(y.sum())} claims, train accuracy {acc:.3f} -> {target}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", help="a PolNeAR split (train)")
    parser.add_argument("--cv", type=int, metavar="K", help="K-fold cross-validation on that split; writes nothing")
    args = parser.parse_args()
    main(args.root, args.cv)
