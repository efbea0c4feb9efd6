"""Where bargaining over a deal space lands: Nash, Kalai-Smorodinsky, optimal tariffs, war.

With payoffs ``u = (u_1, u_2)`` against the disagreement point (:mod:`.deals`):

* Nash bargaining (Nash 1950; asymmetric form, Kalai 1977): the deal maximising
  ``w log u_1 + (1 - w) log u_2`` over deals both prefer to disagreement, for the bargaining
  weight ``w`` of ``pair[0]``;
* Kalai-Smorodinsky (1975): the efficient deal whose payoffs are in the proportion of the ideal
  point ``I`` (each side's best payoff among acceptable deals), i.e. the deal maximising
  ``min(u_1 / I_1, u_2 / I_2)``;
* each side's optimal tariff on the other: its own lever's uniform rate that maximises its own
  real income, the other's tariffs held (a best response in the lever, not sector by sector);
* the pair's trade war: both sides' uniform best responses to each other, iterated
  (Gauss-Seidel) to a fixed point, the rest of the world passive.

Grid solutions come first; the refined ones start from the best grid deal and search the
continuous lever rates within the grid's bounds by Nelder-Mead, which copes with the kinks that
``inclusive`` levers make where a rate crosses a sector's baseline tariff: SciPy's
(``method="scipy"``, the default) or a NumPy transcription of the same algorithm, simplex and
stopping rule (``method="numpy"``), which spares the 0.3-0.4 s of importing
``scipy.optimize`` (the brief, which must start fast, uses it; tests check that the two agree).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
import pandas as pd

from tariffscope.errors import InputError
from tariffscope.impact.tradewar.data import TradeWarData
from tariffscope.impact.tradewar.deals import (
    DealSpace,
    Evaluator,
    Lever,
    Setting,
    acceptable,
    nash_bargaining,
    scenario_welfare,
)

__all__ = [
    "Disagreement",
    "OptimalTariff",
    "PairWar",
    "disagreement_settings",
    "ideal_point",
    "kalai_smorodinsky",
    "kalai_smorodinsky_refined",
    "nash_bargaining_refined",
    "optimal_tariff",
    "pair_war",
    "with_sigma_scaled",
]

Disagreement = Literal["threat", "status-quo", "war"]
Refinement = Literal["scipy", "numpy"]
REFINEMENTS: tuple[Refinement, ...] = ("scipy", "numpy")
DISAGREEMENTS: tuple[Disagreement, ...] = ("threat", "status-quo", "war")
TOL = 1e-6  # rate tolerance of the 1-D and 2-D searches (a ten-thousandth of a point)


def _pcts(grid: pd.DataFrame, pair: tuple[str, str]) -> np.ndarray:
    return grid[[f"payoff_pct_{m}" for m in pair]].to_numpy()


def ideal_point(grid: pd.DataFrame, pair: tuple[str, str]) -> np.ndarray:
    """Each side's best payoff (%) among the grid's acceptable deals."""
    ok = acceptable(grid, pair)
    if not ok.any():
        raise InputError("no deal on the grid is better than disagreement for both sides")
    return np.asarray(_pcts(grid[ok], pair).max(axis=0))


def kalai_smorodinsky(grid: pd.DataFrame, pair: tuple[str, str]) -> pd.Series:
    """The acceptable grid deal maximising ``min(u_1 / I_1, u_2 / I_2)``."""
    ideal = ideal_point(grid, pair)
    ok = acceptable(grid, pair)
    ratio = (_pcts(grid[ok], pair) / ideal).min(axis=1)
    return grid[ok].iloc[int(np.argmax(ratio))]


def _bounds(grid: pd.DataFrame) -> list[tuple[float, float]]:
    return [(float(grid.x.min()), float(grid.x.max())), (float(grid.y.min()), float(grid.y.max()))]


def _refine(
    space: DealSpace,
    grid: pd.DataFrame,
    start: pd.Series,
    objective_of_payoffs: Callable[[np.ndarray], float],
    method: Refinement = "scipy",
) -> pd.Series:
    if method not in REFINEMENTS:
        raise InputError(f"unknown refinement {method!r}; choose {', '.join(REFINEMENTS)}")
    ev = Evaluator(space)
    bounds = _bounds(grid)
    spans = np.array([max(hi - lo, 1e-9) for lo, hi in bounds])
    lows = np.array([lo for lo, _ in bounds])

    def objective(z: np.ndarray) -> float:
        a, b = lows + spans * z
        return -float(objective_of_payoffs(ev.payoffs(a, b)))

    z0 = (np.array([start["x"], start["y"]]) - lows) / spans
    xatol, simplex = TOL / spans.max(), _simplex(z0)
    if method == "numpy":
        z, fun = _nelder_mead(objective, simplex, xatol=xatol, fatol=1e-10)
    else:
        from scipy import optimize

        res = optimize.minimize(
            objective,
            z0,
            method="Nelder-Mead",
            bounds=[(0.0, 1.0), (0.0, 1.0)],
            options={"xatol": xatol, "fatol": 1e-10, "initial_simplex": simplex},
        )
        z, fun = res.x, float(res.fun)
    best = z if fun <= objective(z0) else z0
    a, b = lows + spans * best
    return pd.Series(ev.record(a, b))


def _nelder_mead(
    f: Callable[[np.ndarray], float],
    simplex: np.ndarray,
    *,
    xatol: float,
    fatol: float,
    max_evals: int = 400,
) -> tuple[np.ndarray, float]:
    """Minimise ``f`` on the unit box from ``simplex`` (n + 1 points): SciPy's Nelder-Mead
    (``scipy.optimize._optimize._minimize_neldermead``, non-adaptive coefficients 1, 2, 1/2,
    1/2, points clipped to the bounds, the same stopping rule) without importing SciPy."""
    points = np.clip(np.array(simplex, dtype=float), 0.0, 1.0)
    values = np.array([f(p) for p in points])
    evals = len(points)
    while evals < max_evals:
        order = np.argsort(values, kind="stable")
        points, values = points[order], values[order]
        if (
            np.max(np.abs(points[1:] - points[0])) <= xatol
            and np.max(np.abs(values[0] - values[1:])) <= fatol
        ):
            break
        centre = points[:-1].mean(axis=0)
        reflected = np.clip(2.0 * centre - points[-1], 0.0, 1.0)
        f_r = f(reflected)
        evals += 1
        shrink = False
        if f_r < values[0]:
            expanded = np.clip(3.0 * centre - 2.0 * points[-1], 0.0, 1.0)
            f_e = f(expanded)
            evals += 1
            points[-1], values[-1] = (expanded, f_e) if f_e < f_r else (reflected, f_r)
        elif f_r < values[-2]:
            points[-1], values[-1] = reflected, f_r
        elif f_r < values[-1]:  # outside contraction
            outside = np.clip(1.5 * centre - 0.5 * points[-1], 0.0, 1.0)
            f_c = f(outside)
            evals += 1
            if f_c <= f_r:
                points[-1], values[-1] = outside, f_c
            else:
                shrink = True
        else:  # inside contraction
            inside = np.clip(0.5 * centre + 0.5 * points[-1], 0.0, 1.0)
            f_c = f(inside)
            evals += 1
            if f_c < values[-1]:
                points[-1], values[-1] = inside, f_c
            else:
                shrink = True
        if shrink:
            for k in range(1, len(points)):
                points[k] = np.clip(points[0] + 0.5 * (points[k] - points[0]), 0.0, 1.0)
                values[k] = f(points[k])
            evals += len(points) - 1
    best = int(np.argmin(values))
    return points[best], float(values[best])


def _simplex(z0: np.ndarray, step: float = 0.04) -> np.ndarray:
    """A small simplex around the grid deal (a grid step is about 1/10 to 1/25 of the span),
    pointing inwards at an upper bound."""
    steps = np.where(z0 + step > 1.0, -step, step)
    return np.asarray(z0 + np.array([[0.0, 0.0], [steps[0], 0.0], [0.0, steps[1]]]))


def nash_bargaining_refined(
    space: DealSpace, grid: pd.DataFrame, weight: float, *, method: Refinement = "scipy"
) -> pd.Series:
    """The Nash bargaining deal at ``weight`` off the grid, started from the best grid deal."""
    start = nash_bargaining(grid, space.pair, weight)

    def product(u: np.ndarray) -> float:
        if (u <= 0).any():
            return -1e6 + float(np.minimum(u, 0).sum())  # outside the acceptable set
        return float(weight * np.log(u[0]) + (1.0 - weight) * np.log(u[1]))

    return _refine(space, grid, start, product, method)


def kalai_smorodinsky_refined(
    space: DealSpace, grid: pd.DataFrame, *, method: Refinement = "scipy"
) -> pd.Series:
    """The Kalai-Smorodinsky deal off the grid (ideal point from the grid's acceptable deals)."""
    ideal = ideal_point(grid, space.pair)
    start = kalai_smorodinsky(grid, space.pair)
    return _refine(space, grid, start, lambda u: float((u / ideal).min()), method)


@dataclass(frozen=True)
class OptimalTariff:
    """``side``'s welfare-maximising uniform rate of ``lever``, given ``settings``."""

    side: str
    lever: str
    rate: float
    welfare_change_pct: float  # against the settings without the lever (the side's gain)


def optimal_tariff(
    data: TradeWarData,
    side: str,
    lever: Lever,
    settings: Sequence[Setting] = (),
    bounds: tuple[float, float] = (0.0, 1.0),
    weights: np.ndarray | None = None,
) -> OptimalTariff:
    """``side``'s best uniform rate of ``lever`` (its own tariff), the ``settings`` held.

    Bounded 1-D search (Brent) of ``side``'s real income over the lever's rate (government
    welfare with political-economy ``weights`` ``[region, sector]``).
    """
    from scipy import optimize

    if lever.importer != side:
        raise InputError(f"{side}'s optimal tariff needs a lever {side} sets, not {lever.name!r}")
    m = data.index(side)
    base = scenario_welfare(data, list(settings), weights)[m]

    def loss(rate: float) -> float:
        return -float(np.log(scenario_welfare(data, [*settings, (lever, rate)], weights)[m]))

    res = optimize.minimize_scalar(loss, bounds=bounds, method="bounded", options={"xatol": TOL})
    return OptimalTariff(side, lever.name, float(res.x), 100.0 * (np.exp(-res.fun) / base - 1.0))


@dataclass(frozen=True)
class PairWar:
    """The pair's trade war in uniform rates: each rate the best response to the other."""

    rates: tuple[float, float]  # of the first lever, then the second
    rounds: int
    converged: bool


def pair_war(
    data: TradeWarData,
    levers: tuple[Lever, Lever],
    settings: Sequence[Setting] = (),
    *,
    start: tuple[float, float] = (0.0, 0.0),
    bounds: tuple[float, float] = (0.0, 1.0),
    tol: float = 1e-5,
    max_rounds: int = 30,
    weights: np.ndarray | None = None,
) -> PairWar:
    """Iterated uniform best responses of ``levers[0].importer`` and ``levers[1].importer``
    (each maximising government welfare with political-economy ``weights``)."""
    rates = list(start)
    for rnd in range(1, max_rounds + 1):
        before = tuple(rates)
        for k in (0, 1):
            other = levers[1 - k]
            given = [*settings, (other, rates[1 - k])]
            rates[k] = optimal_tariff(
                data, levers[k].importer, levers[k], given, bounds, weights
            ).rate
        if max(abs(r - b) for r, b in zip(rates, before, strict=True)) < tol:
            return PairWar((rates[0], rates[1]), rnd, True)
    return PairWar((rates[0], rates[1]), max_rounds, False)


def disagreement_settings(
    kind: str,
    status_quo: Sequence[Setting],
    threat: Sequence[Setting],
    retaliation: Lever | None = None,
    data: TradeWarData | None = None,
    weights: np.ndarray | None = None,
) -> tuple[tuple[Setting, ...], float | None]:
    """The disagreement point's settings, and the retaliation rate for ``war``.

    ``status-quo``: the law today; ``threat``: today's law with the threat carried out (later
    settings win); ``war``: the threat plus the partner's best-response retaliation
    (``retaliation``, its uniform tariff on the home country's goods) to it, maximising its
    government welfare if political-economy ``weights`` are given.
    """
    if kind not in DISAGREEMENTS:
        raise InputError(f"unknown disagreement point {kind!r}; choose one of {DISAGREEMENTS}")
    if kind == "status-quo":
        return tuple(status_quo), None
    carried = (*status_quo, *threat)
    if kind == "threat":
        return carried, None
    if retaliation is None or data is None:
        raise InputError("the 'war' disagreement point needs the partner's retaliation lever")
    best = optimal_tariff(data, retaliation.importer, retaliation, carried, weights=weights)
    return (*carried, (retaliation, best.rate)), best.rate


def with_sigma_scaled(space: DealSpace, factor: float) -> DealSpace:
    """The same deal space with every trade elasticity ``sigma - 1`` scaled by ``factor``."""
    data = space.data
    sigma = 1.0 + factor * (data.sigma - 1.0)
    scaled = replace(data, sigma=sigma, source=f"{data.source}; sigma - 1 x{factor:g}")
    return replace(space, data=scaled)
