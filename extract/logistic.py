"""Small logistic models over named features, stored as JSON in extract/data.

Two components use one: the quote model (is a quotation a claim?) and the reported-speech
model (is a cue candidate reported speech?). Both are trained on PolNeAR train by tools in
tools/, which call `fit` here; at run time a model is a dict of weights and a dot product,
so applying it costs a few microseconds per candidate.
"""
from __future__ import annotations

import json
import math
from itertools import repeat
from operator import mul
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The stored model (weights, threshold, training figures), or {} when there is none."""
    path = resources.files("extract").joinpath("data", name)
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def probability(model: dict, features: dict[str, float]) -> float:
    """P(positive | features); 1.0 without a model, so nothing is filtered out."""
    weights = model.get("weights")
    if not weights:
        return 1.0
    # sum(weights.get(k, 0.0) * v for k, v in features.items()), the same products added in
    # the same order, with map doing the loop.
    z = sum(map(mul, map(weights.get, features, repeat(0.0)), features.values()))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(examples: list[tuple[dict[str, float], float]], l2: float = 1.0, steps: int = 3000,
        rate: float = 0.5, sparse: bool = False):
    """L2-regularised logistic regression by full-batch gradient descent (numpy, used only
    by the training tools). Deterministic: same examples, same weights.
    sparse keeps the examples in a scipy.sparse matrix: the same descent, for models with
    thousands of word features, where a dense matrix would be slow (its sums are added in
    another order, so the last digits of the weights can differ from the dense path's).
    Returns (weights by feature name, the training probabilities, the labels)."""
    import numpy as np

    names = sorted({k for f, _ in examples for k in f})
    index = {k: i for i, k in enumerate(names)}
    y = np.array([float(label) for _, label in examples])
    if sparse:
        from scipy.sparse import csr_matrix

        rows, cols, values = [], [], []
        for row, (features, _) in enumerate(examples):
            for k, v in features.items():
                rows.append(row)
                cols.append(index[k])
                values.append(v)
        X = csr_matrix((values, (rows, cols)), shape=(len(examples), len(names)))
        XT = X.T.tocsr()
    else:
        X = np.zeros((len(examples), len(names)))
        for row, (features, _) in enumerate(examples):
            for k, v in features.items():
                X[row, index[k]] = v
        XT = X.T
    w = np.zeros(len(names))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(X @ w)))
        w -= rate * (XT @ (p - y) / len(y) + l2 * w / len(y))
    p = 1 / (1 + np.exp(-X @ w))
    return {k: round(float(w[i]), 4) for k, i in index.items()}, p, y
