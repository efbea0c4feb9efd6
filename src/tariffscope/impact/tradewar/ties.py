"""The tie-break of a best response: among near-equal tariffs, the lowest.

On a flow a tariff has choked, government welfare no longer moves with the tariff (the flow is
worth ~1e-9 of spending and shrinks further as the tariff rises), so a local search stops
wherever it entered the plateau: 544% or 79% on the same flow are equally "optimal" to it.
The rule here makes the answer well defined: each tariff in turn is lowered to the lowest
value whose objective stays within ``tol`` of the best found (searched downward from where it
is: the lower end of the plateau it sits on). An economist reads it as "no tariff higher than
needed to choke a flow". Lowering a choked tariff towards the flow's interior optimum raises
welfare, so the rule also lets the local search climb out of the plateau afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from tariffscope.impact.gravity.baseline import FloatArray

__all__ = ["NOISE", "TIE_TOL", "Lowered", "lowest_ties"]

# Log points (relative welfare). The objective is evaluated to ~1e-15 (equilibria solved to
# 1e-14); 1e-10 would move the interior optimum of a flow worth 1e-9 of spending by ~0.1.
TIE_TOL = 1e-12
# A step that loses no more than this against the best value on the coordinate's own way down
# is a tie whatever the budget left: the evaluation noise (the same tariffs solved from
# different warm starts differ by ~5e-16).
NOISE = 2e-15


@dataclass(frozen=True, eq=False)
class Lowered:
    values: FloatArray
    objective: float  # at ``values``
    best: float  # the best objective seen (``objective >= best - tol - moved * NOISE``)
    moved: int  # coordinates lowered by more than the resolution
    evaluations: int


def lowest_ties(
    objective: Callable[[FloatArray], float],
    values: FloatArray,
    lower: float,
    *,
    tol: float = TIE_TOL,
    first_step: float = 1e-3,
    resolution: float = 1e-3,
) -> Lowered:
    """Lower each coordinate of ``values`` (maximising ``objective``) to the lowest value, down
    to ``lower``, whose objective is within ``tol`` of the best seen.

    Per coordinate: steps down of ``first_step``, doubling while the objective stays within
    ``tol``; then bisection to ``resolution`` between the last acceptable and the first
    unacceptable value. A coordinate at an interior optimum of a real flow costs one
    evaluation (the first step already loses more than ``tol``). The tolerance is one budget
    for all coordinates (the answer is within ``tol`` of the best, not ``tol`` per
    coordinate), so early coordinates can use it up; a step that loses at most :data:`NOISE`
    against the best value seen on this coordinate's way down is accepted regardless, so a
    tariff on a flat plateau still moves (the answer is then within ``tol`` plus ``NOISE`` per
    coordinate moved so).
    """
    v = np.array(values, dtype=float)
    current = objective(v)
    best, calls, moved = current, 1, 0

    path_best = current  # the best value on the current coordinate's way down

    def accept(trial: FloatArray) -> float | None:
        nonlocal best, calls, path_best
        calls += 1
        g = objective(trial)
        best = max(best, g)
        tied = g >= best - tol or g >= path_best - NOISE
        path_best = max(path_best, g)
        return g if tied else None

    for k in range(v.size):
        start, ok, bad = v[k], v[k], None
        path_best = current
        step = first_step
        while ok > lower:
            trial = v.copy()
            trial[k] = max(ok - step, lower)
            g = accept(trial)
            if g is None:
                bad = trial[k]
                break
            ok, current = trial[k], g
            v[k] = ok
            step *= 2.0
        while bad is not None and ok - bad > resolution:
            trial = v.copy()
            trial[k] = 0.5 * (ok + bad)
            g = accept(trial)
            if g is None:
                bad = trial[k]
            else:
                ok, current = trial[k], g
                v[k] = ok
        moved += int(start - v[k] > resolution)
    return Lowered(v, current, best, moved, calls)
