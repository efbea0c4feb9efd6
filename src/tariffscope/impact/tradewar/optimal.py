"""One region's optimal (best-response) tariffs, the other regions' tariffs held fixed.

Region ``j`` chooses its tariffs ``t'[i, j, s]`` on every partner ``i != j`` and industry ``s``
(``(N - 1) S`` numbers, 198 in Ossa's data) to maximise its government welfare, within bounds
(Ossa's 0 and 10, i.e. 0% to 1000%). Method: nested. For each trial tariff vector the
equilibrium is solved by Newton (warm-started from the previous trial); the gradient of
``log G_hat[j]`` comes from the implicit-function theorem (adjoint),
``dG/dt = dG/dt|_y - lambda' dF/dt|_y`` with ``J_y' lambda = dG/dy``, every partial derivative
by one batched complex-step call, so a gradient costs about one extra equilibrium evaluation
per tariff instead of one solve per tariff. L-BFGS-B (scipy) does the bounded search.
Ossa (2014) instead solves the same problem as an MPEC with MATLAB's ``fmincon``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from tariffscope.errors import InputError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar import equilibrium as eq
from tariffscope.impact.tradewar.baseline import Shares
from tariffscope.impact.tradewar.ties import TIE_TOL, lowest_ties
from tariffscope.impact.tradewar.welfare import government_welfare_hat

if TYPE_CHECKING:  # the solvers import scipy.optimize when they run (the brief never does)
    from scipy import optimize

__all__ = ["BestResponse", "best_response", "log_government_welfare"]

LOWER, UPPER = 0.0, 10.0  # Ossa's bounds on a tariff (0% and 1000%)
SWEEP = (0.0, 0.5, 1.0, 2.0, 5.0)  # industry tariff levels tried against non-concavity


def log_government_welfare(
    sh: Shares, y: FloatArray, new_tariffs: FloatArray, weights: FloatArray
) -> FloatArray:
    n = sh.n
    p = eq.parts(sh, y[..., :n], y[..., n:], new_tariffs)
    return np.asarray(np.log(government_welfare_hat(sh, p, new_tariffs, weights)))


@dataclass(frozen=True, eq=False)
class BestResponse:
    region: int
    tariffs: FloatArray  # the full [i, j, s] array with region's column optimised
    government_welfare_hat: float
    y: FloatArray
    evaluations: int
    converged: bool
    message: str
    sweeps: int = 0  # industry sweeps that found a better local optimum


@dataclass
class _State:
    """The last equilibrium (warm start for the next trial) and the evaluation count."""

    y: FloatArray
    calls: int = 0


def _embed(
    base: FloatArray, j: int, rows: FloatArray, cols: FloatArray, v: FloatArray
) -> FloatArray:
    t = base.copy()
    t[rows, j, cols] = np.reshape(v, -1)
    return t


# The adjoint gradient of log G is exact to ~1e-10 (scaled units): below that, a line search
# finds no decrease, and L-BFGS-B stops "ABNORMAL" at a point that is stationary.
GRADIENT_FLOOR = 1e-8


def _at_precision_floor(
    res: optimize.OptimizeResult, lower: FloatArray, upper: FloatArray
) -> optimize.OptimizeResult:
    """``res``, counted as converged if the line search failed where the projected gradient is
    below the gradient's precision (:data:`GRADIENT_FLOOR`): tighter ``gtol`` than the gradient
    can resolve, not a failed search (Japan's sector best response in the USA-JPN deal space
    stopped so with a projected gradient of 1.5e-10; gtol 1e-9 converges to the same value
    within 4e-13)."""
    if res.success or not str(res.message).startswith("ABNORMAL"):
        return res
    x, g = res.x, res.jac
    free = ~(((x <= lower) & (g > 0)) | ((x >= upper) & (g < 0)))
    projected = float(np.max(np.abs(g[free]), initial=0.0))
    if projected < GRADIENT_FLOOR:
        res.success = True
        res.message = f"stationary to the gradient's precision (projected gradient {projected:.1e})"
    return res


def best_response(
    sh: Shares,
    j: int,
    tariffs: FloatArray,
    weights: FloatArray,
    start: FloatArray | None = None,
    *,
    lower: float = LOWER,
    upper: float = UPPER,
    gtol: float = 1e-11,
    ftol: float = 1e-15,
    sweep: tuple[float, ...] = SWEEP,
    max_sweeps: int = 4,
    partners: Sequence[int] | FloatArray | None = None,
    sectors: Sequence[int] | FloatArray | None = None,
    tie_tol: float | None = TIE_TOL,
) -> BestResponse:
    """Region ``j``'s optimal tariffs against ``tariffs`` (its own column there is ignored).

    ``partners`` and ``sectors`` (indices; default every other region and every industry)
    restrict the choice to ``j``'s tariffs on those partners' goods in those industries; its
    other tariffs stay as in ``tariffs`` (e.g. a best response within one pair of countries).
    ``start``: initial ``[partners, sectors]`` tariffs (default ``1 / (sigma - 1)``,
    the optimal tariff of a small-exporter Armington-Krugman economy, as in Ossa's code).

    Government welfare need not be concave in an industry's tariff: with political-economy
    weights, an industry can have a local optimum at a moderate tariff and a better one at a
    prohibitive tariff (Japan's rice in Ossa's Panel B). After each local search, every
    industry's tariffs (on all partners at once) are tried at the levels in ``sweep`` (and the
    upper bound); the best improvement found restarts the local search, at most ``max_sweeps``
    times. The sweep costs one equilibrium solve per industry and level.

    Ties: on a flow the tariff has choked, welfare no longer moves with the tariff, and the
    local search stops anywhere on that plateau. Among tariffs whose government welfare is
    within ``tie_tol`` (log points) of the best found, the lowest is taken
    (:func:`tariffscope.impact.tradewar.ties.lowest_ties`, every tariff in turn). If that moved
    a tariff by more than 0.001, the local search runs again from there and the rule is
    applied once more, so the answer is always the lowest of its ties. ``tie_tol=None`` skips
    it. The sweep breaks ties the same way: it tries levels upwards and keeps only strict
    improvements.
    """
    n = sh.n
    chosen_partners = np.array(
        [i for i in range(n) if i != j] if partners is None else partners, dtype=int
    )
    if (chosen_partners == j).any():
        raise InputError(f"region {j} cannot set a tariff on its own goods")
    chosen = np.arange(sh.sigma.size) if sectors is None else np.asarray(sectors, dtype=int)
    s = chosen.size
    rows = np.repeat(chosen_partners, s)
    cols = np.tile(chosen, chosen_partners.size)
    m = rows.size
    v0 = (
        1.0 / (sh.sigma[cols] - 1.0)
        if start is None
        else np.asarray(start, dtype=float).reshape(-1)
    )
    v0 = np.clip(v0, lower, upper)
    # Preconditioning: the curvature of welfare in a tariff grows with sigma times the flow's
    # share of spending, so tariffs on tiny flows are searched in stretched units; without it
    # L-BFGS-B needs ~10x more evaluations to settle them.
    curvature = sh.sigma[cols] * sh.trade[rows, j, cols] / sh.expenditure[j]
    scale = np.sqrt(np.maximum(curvature, 1e-12))
    scale = scale / np.exp(np.mean(np.log(scale)))
    eye_y = 1j * eq.STEP * np.eye(2 * n)
    state = _State(np.ones(2 * n))

    def fun(u: FloatArray) -> tuple[float, FloatArray]:
        v = u / scale
        state.calls += 1
        t = _embed(tariffs, j, rows, cols, v)
        y = eq.solve(sh, t, start=state.y).y
        state.y = y
        ys = y[None, :] + eye_y
        jac = eq.residual(sh, ys, t).imag.T / eq.STEP
        g_y = log_government_welfare(sh, ys, t, weights)[:, j].imag / eq.STEP
        tb = np.broadcast_to(t, (m, *t.shape)).astype(complex)
        tb[np.arange(m), rows, j, cols] += 1j * eq.STEP
        base = eq.parts(sh, y[:n], y[n:], t)
        pb = eq.parts_one_importer(sh, y[:n], y[n:], tb, base, j)
        f_t = eq.residual_from_parts(sh, y, tb, pb).imag / eq.STEP  # [m, 2N]
        g_t = np.log(government_welfare_hat(sh, pb, tb, weights)[:, j]).imag / eq.STEP
        adjoint = np.linalg.solve(jac.T, g_y)
        value = float(log_government_welfare(sh, y, t, weights)[j])
        return -value, -(g_t - f_t @ adjoint) / scale

    from scipy import optimize  # here: importing it costs 0.3-0.5 s, and the brief never calls it

    def local(v: FloatArray) -> optimize.OptimizeResult:
        res = optimize.minimize(
            fun,
            v * scale,
            jac=True,
            method="L-BFGS-B",
            bounds=list(zip(lower * scale, upper * scale, strict=True)),
            options={"maxiter": 5000, "maxfun": 20000, "ftol": ftol, "gtol": gtol, "maxcor": 30},
        )
        return _at_precision_floor(res, lower * scale, upper * scale)

    levels = sorted({*(x for x in sweep if lower <= x <= upper), upper})

    def industry_sweep(v: FloatArray, value: float) -> tuple[FloatArray, float]:
        best_v, best = v, value
        grid = v.reshape(chosen_partners.size, s)
        y = state.y
        for k in range(s):
            for level in levels:
                trial = grid.copy()
                trial[:, k] = level
                t = _embed(tariffs, j, rows, cols, trial)
                y_trial = eq.solve(sh, t, start=y).y
                g = float(log_government_welfare(sh, y_trial, t, weights)[j])
                if g > best + 1e-10:
                    best_v, best = trial.reshape(-1), g
        return best_v, best

    def solved_value(v: FloatArray) -> float:
        state.calls += 1
        t = _embed(tariffs, j, rows, cols, v)
        y = eq.solve(sh, t, start=state.y, tol=1e-14).y  # ties are judged at 1e-12
        state.y = y
        return float(log_government_welfare(sh, y, t, weights)[j])

    res = local(v0)
    sweeps = 0
    while sweeps < max_sweeps and levels:
        v, value = res.x / scale, -float(res.fun)
        candidate, better = industry_sweep(v, value)
        if better <= value:
            break
        sweeps += 1
        res = local(candidate)
    v, value, searched = res.x / scale, -float(res.fun), res
    if tie_tol is not None:
        low = lowest_ties(solved_value, v, lower, tol=tie_tol)
        if low.moved:
            # Below a choked flow's plateau welfare can rise again (to the flow's interior
            # optimum): search locally from the plateau's lower end, then break ties again.
            res = local(low.values)
            low = lowest_ties(solved_value, res.x / scale, lower, tol=tie_tol)
        v, value = low.values, low.objective
    t = _embed(tariffs, j, rows, cols, v)
    y = eq.solve(sh, t, start=state.y).y
    return BestResponse(
        region=j,
        tariffs=t,
        government_welfare_hat=float(np.exp(value)),
        y=y,
        evaluations=state.calls,
        converged=bool(searched.success),  # the search; the tie-break only lowers ties
        message=str(searched.message),
        sweeps=sweeps,
    )
