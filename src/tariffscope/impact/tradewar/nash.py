"""Nash (trade-war) tariffs: every region plays its best response to the others' tariffs.

Method: iterated best responses, Gauss-Seidel order (each region answers the latest tariffs of
the others, so a round needs N best responses), each warm-started from that region's previous
answer. It stops when the mean absolute change of all tariffs over a round is below ``tol``
(Ossa's code iterates the same way, in parallel (Jacobi) order, and stops at a mean change of
0.01). Convergence is not guaranteed in general; the rounds and final change are reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar.baseline import Shares
from tariffscope.impact.tradewar.optimal import best_response

__all__ = ["NashResult", "nash_tariffs"]


@dataclass(frozen=True, eq=False)
class NashResult:
    tariffs: FloatArray
    rounds: int
    change: float
    converged: bool


def nash_tariffs(
    sh: Shares,
    weights: FloatArray,
    start: FloatArray,
    *,
    tol: float = 1e-3,
    max_rounds: int = 30,
    progress: Callable[[int, float], None] | None = None,
) -> NashResult:
    """Nash tariffs from ``start`` (e.g. each region's optimal tariffs against the factual)."""
    n = sh.n
    t = np.array(start, dtype=float)
    for k in range(n):
        t[k, k, :] = 0.0
    change = np.inf
    for rnd in range(1, max_rounds + 1):
        before = t.copy()
        for j in range(n):
            guess = np.delete(t[:, j, :], j, axis=0)
            t = best_response(sh, j, t, weights, start=guess).tariffs
        change = float(np.mean(np.abs(t - before)))
        if progress is not None:
            progress(rnd, change)
        if change < tol:
            return NashResult(t, rnd, change, True)
    return NashResult(t, max_rounds, change, False)
