"""Train the quote model (is a quotation a claim?) on PolNeAR train.

    python tools/train_quote_model.py ../shared/data/polnear/train

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
from extract.pipeline import build_nlp  # noqa: E402

L2 = 1.0
STEPS = 3000
RATE = 0.5


def examples(root: Path):
    nlp = build_nlp(keep_all_quotes=True)
    for ann in sorted((root / "gold").glob("*.ann")):
        text = (root / "articles" / f"{ann.stem}.txt").read_text(encoding="utf-8")
        gold = [r for r in (content_region(text, c) for c, _ in load_gold(ann)) if r]
        doc = nlp(text)
        for claim in doc._.claims:
            if claim.kind != "direct" or claim.extra.get("title"):
                continue    # titles after a possessive are settled by a rule, not by the weights
            span = (claim.start, claim.end)
            label = covered(span, gold) * 2 >= span[1] - span[0]
            yield claim.extra["features"], float(label)


def main(root):
    data = list(examples(Path(root)))
    weights, p, y = fit(data, l2=L2, steps=STEPS, rate=RATE)
    acc = ((p >= 0.5) == (y == 1)).mean()
    out = {"trained_on": "PolNeAR train", "examples": len(y), "positives": int(y.sum()),
           "train_accuracy": round(float(acc), 4),
           "weights": weights}
    target = Path(__file__).resolve().parents[1] / "extract" / "data" / "quote_model.json"
    target.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(y)} quotes, {int(y.sum())} claims, train accuracy {acc:.3f} -> {target}")


if __name__ == "__main__":
    main(sys.argv[1])
