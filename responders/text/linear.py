"""A small linear text model shipped as data: hashed-free sparse features and one weight each.

Rules recognise the shapes they were written for; a review or a reply written by a stranger
often says the same thing in other words. A logistic model over words, word pairs and
character n-grams, trained on the labelled sets written by several independent authors, picks
up what those sets share (vocabulary of accusation, of contempt, of a person's situation)
without listing phrasings. It never decides alone: the engines use its score to ask a person
to look (« à vérifier », `review`), never to clear what a rule stopped.

Everything here is pure Python and deterministic: features are computed in one pass over the
text (linear in its length), training is seeded AdaGrad on the logistic loss, and the model is a
JSON file inside the package, so nothing is fetched at run time.
"""

from __future__ import annotations

import json
import math
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

FEATURE_VERSION = 1
_WORD = re.compile(r"[a-z0-9]+")
_CHAR_NGRAMS = (3, 4, 5)


def _fold(text: str) -> str:
    """Lower case without accents; a leet « c0nnard » keeps its digits (its n-grams still help)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def features(text: str) -> dict[str, float]:
    """Words, adjacent word pairs and the character 3–5-grams of each word, L2-normalised."""
    words = _WORD.findall(_fold(text))
    counts: Counter[str] = Counter()
    for w in words:
        counts["w:" + w] += 1
    for a, b in zip(words, words[1:], strict=False):
        counts["b:" + a + "_" + b] += 1
    for w in words:
        padded = "<" + w + ">"
        for n in _CHAR_NGRAMS:
            for i in range(len(padded) - n + 1):
                counts["c:" + padded[i : i + n]] += 1
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {k: v / norm for k, v in counts.items()}


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class LinearModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    def score(self, text: str) -> float:
        """Probability-like score in [0, 1] that `text` belongs to the positive class."""
        return self.score_features(features(text))

    def score_features(self, x: dict[str, float]) -> float:
        w = self.weights
        return _sigmoid(self.bias + sum(w.get(k, 0.0) * v for k, v in x.items()))

    def to_json(self) -> str:
        body = {
            "feature_version": FEATURE_VERSION,
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
            "meta": self.meta,
            "weights": {k: self.weights[k] for k in sorted(self.weights)},
        }
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        body = json.loads(text)
        if body.get("feature_version") != FEATURE_VERSION:
            raise ValueError("linear model built with other features: retrain it")
        return cls(
            {str(k): float(v) for k, v in body["weights"].items()},
            float(body["bias"]),
            float(body["threshold"]),
            dict(body.get("meta", {})),
        )

    @classmethod
    def load(cls, package: str, name: str) -> LinearModel:
        return cls.from_json((resources.files(package) / "data" / name).read_text(encoding="utf-8"))


def train(
    texts: Sequence[str],
    labels: Sequence[int],
    *,
    threshold: float,
    epochs: int = 30,
    l2: float = 1e-4,
    rate: float = 0.5,
    seed: int = 0,
    prune: float = 1e-3,
    meta: dict[str, Any] | None = None,
) -> LinearModel:
    """Class-balanced logistic regression by AdaGrad; same data and seed, same model."""
    if len(texts) != len(labels) or not texts:
        raise ValueError("train: texts and labels must be non-empty and of the same length")
    positives = sum(1 for y in labels if y)
    if positives in (0, len(labels)):
        raise ValueError("train: both classes are needed")
    class_weight = {
        1: len(labels) / (2 * positives),
        0: len(labels) / (2 * (len(labels) - positives)),
    }
    rows = [features(t) for t in texts]
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias = 0.0
    order = list(range(len(rows)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            x = rows[i]
            y = 1 if labels[i] else 0
            p = _sigmoid(bias + sum(weights.get(k, 0.0) * v for k, v in x.items()))
            g = (p - y) * class_weight[y]
            for k, v in x.items():
                wk = weights.get(k, 0.0)
                gk = g * v + l2 * wk
                sq = squares.get(k, 1e-8) + gk * gk
                squares[k] = sq
                weights[k] = wk - rate * gk / math.sqrt(sq)
            bias -= 0.05 * g
    kept = {k: round(v, 4) for k, v in weights.items() if abs(v) >= prune}
    return LinearModel(kept, bias, threshold, dict(meta or {}))
