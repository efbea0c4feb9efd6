"""A binary logistic model over named features: keep or drop one candidate record.

Shared by the reader's learned filters (a candidate event, a candidate actor, ...): each
filter builds a mapping of feature name to value per candidate, and this module fits, applies
and serialises the weights. The fit is deterministic (L-BFGS from zero weights, L2 penalty on
every weight but the bias), so the shipped weights are reproducible from the annotations.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

BIAS = "bias"


@dataclass(frozen=True)
class BinaryModel:
    """Weights per feature name (a name without a weight weighs 0) and the probability at or
    above which a candidate is kept."""

    weights: Mapping[str, float]
    threshold: float = 0.5

    def probability(self, features: Mapping[str, float]) -> float:
        """The probability that the candidate is right."""
        z = self.weights.get(BIAS, 0.0) + sum(
            self.weights.get(name, 0.0) * value for name, value in features.items()
        )
        # A numerically safe sigmoid: exp of a large positive z overflows.
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def keep(self, features: Mapping[str, float]) -> bool:
        """Whether the candidate is kept."""
        return self.probability(features) >= self.threshold

    def with_threshold(self, threshold: float) -> BinaryModel:
        """The same weights with another threshold."""
        return BinaryModel(self.weights, threshold)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the threshold and the weight of each feature name, sorted."""
        return {
            "threshold": self.threshold,
            "weights": {name: self.weights[name] for name in sorted(self.weights)},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BinaryModel:
        """Inverse of :meth:`to_dict`; a malformed file raises ValueError naming the field."""
        if not isinstance(data, Mapping):
            raise ValueError("binary model: not an object")
        weights = data.get("weights")
        if not isinstance(weights, Mapping):
            raise ValueError("binary model: 'weights' is not an object")
        try:
            threshold = float(data.get("threshold", 0.5))
            parsed = {str(name): float(value) for name, value in weights.items()}
        except (TypeError, ValueError) as exc:
            raise ValueError(
                f"binary model: a weight or the threshold is not a number ({exc})"
            ) from None
        if not 0.0 <= threshold <= 1.0 or not all(map(math.isfinite, parsed.values())):
            raise ValueError("binary model: the threshold must lie in [0, 1], weights be finite")
        return cls(parsed, threshold)


def feature_names(rows: Sequence[Mapping[str, float]]) -> tuple[str, ...]:
    """Every feature name of the rows, sorted (the bias first)."""
    return (BIAS, *sorted({name for row in rows for name in row} - {BIAS}))


def fit(
    rows: Sequence[Mapping[str, float]],
    labels: Sequence[bool],
    *,
    l2: float = 1.0,
    threshold: float = 0.5,
    digits: int = 6,
) -> BinaryModel:
    """Fit by log-loss plus ``l2``/2 times the squared weights (not the bias), minimised by
    L-BFGS from zero. Weights are rounded to ``digits`` so the JSON is stable."""
    if len(rows) != len(labels):
        raise ValueError(f"binary model: {len(rows)} rows but {len(labels)} labels")
    names = feature_names(rows)
    if not rows:
        return BinaryModel({BIAS: 0.0}, threshold)
    from scipy.optimize import minimize

    x = np.array([[1.0] + [row.get(n, 0.0) for n in names[1:]] for row in rows], dtype=float)
    y = np.array(labels, dtype=float)
    penalty = np.full(len(names), l2)
    penalty[0] = 0.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        # log(1 + e^z) computed without overflow
        log_one_plus = np.logaddexp(0.0, z)
        value = float((log_one_plus - y * z).sum() + 0.5 * (penalty * w * w).sum())
        p = np.exp(z - log_one_plus)
        grad = x.T @ (p - y) + penalty * w
        return value, grad

    result = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B")
    weights = {n: round(float(v), digits) for n, v in zip(names, result.x, strict=True)}
    return BinaryModel({n: w for n, w in weights.items() if w != 0.0 or n == BIAS}, threshold)
