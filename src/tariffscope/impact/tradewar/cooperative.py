"""Trade talks: efficient tariffs that raise every government's welfare by the same percentage.

Ossa (2014, section V.B) computes cooperative tariffs as the tariffs (all regions, all
partners, all industries; 1,386 numbers in his data, bounded by 0 and 10) that maximise the
common gain in government welfare measured from a starting point (factual tariffs, the Nash
equilibrium or free trade) with every government gaining equally: maximise ``g`` over ``t``
subject to ``c_j(t) = log G_hat[j](t) - log G_ref[j] = g`` for every ``j``.

Method: an augmented Lagrangian on the ``N - 1`` equal-gain constraints
``c_j - mean(c) = 0`` (Nocedal and Wright 2006, *Numerical Optimization*, ch. 17.4, bound
constraints kept in the subproblem). Each subproblem maximises, over the tariffs alone,

    mean(c) - sum_j mu_j (c_j - mean(c)) - rho / 2 sum_j (c_j - mean(c))^2

by L-BFGS-B within the bounds, warm-started from the previous tariffs; then
``mu_j += rho (c_j - mean(c))``, and ``rho`` grows tenfold when the spread of the gains did not
shrink fourfold. The subproblem's gradient is ``v' J`` with ``v_j = 1/N - (mu_j - mean(mu)) -
rho (c_j - mean(c))``, so it is a Pareto-weighted sum of the regions' gains: at the answer
``v`` is the vector of Pareto weights that picks the equal-gain point on the frontier. ``J``, the
Jacobian of all N gains in all tariffs, comes from one adjoint solve with N right-hand sides
(:func:`log_welfare_and_jacobian`, about 0.1 s on Ossa's data). An earlier version solved the
constrained problem directly by SLSQP, whose dense quadratic subproblem in 1,387 variables took
15-20 s an iteration on Ossa's data.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar import equilibrium as eq
from tariffscope.impact.tradewar.baseline import Shares
from tariffscope.impact.tradewar.optimal import LOWER, UPPER, log_government_welfare
from tariffscope.impact.tradewar.welfare import government_welfare_hat

__all__ = ["Cooperative", "cooperative_tariffs", "log_welfare_and_jacobian"]


@dataclass(frozen=True, eq=False)
class Cooperative:
    tariffs: FloatArray
    common_gain_pct: float  # % gain of every government from the reference point
    government_welfare_hat: FloatArray  # from the factual equilibrium
    pareto_weights: FloatArray  # v at the answer (sums to one)
    spread: float  # max - min of the regions' log gains at the answer
    converged: bool
    message: str
    iterations: int  # outer (multiplier) iterations
    evaluations: int  # equilibrium solves with a Jacobian


def _mask(n: int, s: int) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Indices ``(i, j, s)`` of the off-diagonal tariffs, ordered by importer j."""
    i, j, k = np.meshgrid(np.arange(n), np.arange(n), np.arange(s), indexing="ij")
    keep = i != j
    order = np.lexsort((k[keep], i[keep], j[keep]))
    return i[keep][order], j[keep][order], k[keep][order]


def log_welfare_and_jacobian(
    sh: Shares, t: FloatArray, weights: FloatArray, start: FloatArray | None = None
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """``log G_hat[j]`` for every region and its gradient in every off-diagonal tariff.

    Returns ``(values [N], jacobian [N, N (N - 1) S] in the order of :func:`_mask`, y)``.
    """
    n, s = sh.n, sh.sigma.size
    y = eq.solve(sh, t, start=start).y
    ys = y[None, :] + 1j * eq.STEP * np.eye(2 * n)
    jac_y = eq.residual(sh, ys, t).imag.T / eq.STEP
    g_y = log_government_welfare(sh, ys, t, weights).imag / eq.STEP  # [2N (pert), N (region)]
    adjoint = np.linalg.solve(jac_y.T, g_y)  # [2N, N]
    base = eq.parts(sh, y[:n], y[n:], t)
    blocks = []
    partners_all = np.arange(n)
    for j in range(n):
        partners = partners_all[partners_all != j]
        m = partners.size * s
        tb = np.broadcast_to(t, (m, *t.shape)).astype(complex)
        tb[np.arange(m), np.repeat(partners, s), j, np.tile(np.arange(s), partners.size)] += (
            1j * eq.STEP
        )
        pb = eq.parts_one_importer(sh, y[:n], y[n:], tb, base, j)
        f_t = eq.residual_from_parts(sh, y, tb, pb).imag / eq.STEP  # [m, 2N]
        g_t = np.log(government_welfare_hat(sh, pb, tb, weights)).imag / eq.STEP  # [m, N]
        blocks.append(g_t - f_t @ adjoint)
    values = log_government_welfare(sh, y, t, weights)
    return np.asarray(values), np.concatenate(blocks, axis=0).T, y


def _scale(sh: Shares, rows: FloatArray, cols: FloatArray, inds: FloatArray) -> FloatArray:
    """Search units per tariff: welfare's curvature in a tariff grows with ``sigma`` times the
    flow's share of the importer's spending (as in :mod:`.optimal`); tiny flows are stretched."""
    curvature = sh.sigma[inds] * sh.trade[rows, cols, inds] / sh.expenditure[cols]
    scale = np.sqrt(np.maximum(curvature, 1e-12))
    return np.asarray(scale / np.exp(np.mean(np.log(scale))))


def _embed(
    sh: Shares, mask: tuple[FloatArray, FloatArray, FloatArray], x: FloatArray
) -> FloatArray:
    t = np.zeros_like(sh.tariffs)
    t[mask] = x
    return t


def cooperative_tariffs(
    sh: Shares,
    weights: FloatArray,
    reference_log_welfare: FloatArray,
    start: FloatArray,
    *,
    lower: float = LOWER,
    upper: float = UPPER,
    tol: float = 1e-9,
    penalty: float = 1e3,
    max_outer: int = 30,
    inner_max_fun: int = 5000,
    inner_ftol: float = 1e-15,
    inner_gtol: float = 1e-10,
) -> Cooperative:
    """Efficient tariffs with equal gains from ``reference_log_welfare`` (log G_hat, [N]).

    ``start``: the initial tariffs ``[i, j, s]`` (the diagonal is ignored). Converged when the
    spread of the regions' log gains is below ``tol`` and the last subproblem converged.
    """
    n, s = sh.n, sh.sigma.size
    mask = _mask(n, s)
    scale = _scale(sh, *mask)
    last_y = [np.ones(2 * n)]
    evaluations = [0]
    multipliers = np.zeros(n)

    def gains(u: FloatArray) -> tuple[FloatArray, FloatArray]:
        evaluations[0] += 1
        t = _embed(sh, mask, u / scale)
        values, jac, y = log_welfare_and_jacobian(sh, t, weights, start=last_y[0])
        last_y[0] = y
        return np.asarray(values - reference_log_welfare), jac / scale

    def pareto_weights(c: FloatArray, rho: float) -> FloatArray:
        return np.asarray(1.0 / n - (multipliers - multipliers.mean()) - rho * (c - c.mean()))

    def negative_lagrangian(u: FloatArray, rho: float) -> tuple[float, FloatArray]:
        c, jac = gains(u)
        gap = c - c.mean()
        value = c.mean() - multipliers @ gap - 0.5 * rho * gap @ gap
        return -float(value), -(pareto_weights(c, rho) @ jac)

    from scipy import optimize  # here: importing it costs 0.3-0.5 s, and the brief never calls it

    u = np.clip(start[mask], lower, upper) * scale
    bounds = list(zip(lower * scale, upper * scale, strict=True))
    rho, spread, inner_ok, outer = penalty, np.inf, False, 0
    while outer < max_outer:
        outer += 1
        res = optimize.minimize(
            negative_lagrangian,
            u,
            args=(rho,),
            jac=True,
            method="L-BFGS-B",
            bounds=bounds,
            options={
                "maxfun": inner_max_fun,
                "maxiter": inner_max_fun,
                "ftol": inner_ftol,
                "gtol": inner_gtol,
                "maxcor": 30,
            },
        )
        u, inner_ok = res.x, bool(res.success)
        c, _ = gains(u)
        previous, spread = spread, float(np.ptp(c))
        weights_at_answer = pareto_weights(c, rho)
        multipliers = multipliers + rho * (c - c.mean())
        if spread < tol and inner_ok:
            break
        if spread > 0.25 * previous:
            rho *= 10.0
    t = _embed(sh, mask, u / scale)
    common = float(c.mean())
    converged = spread < tol and inner_ok
    return Cooperative(
        tariffs=t,
        common_gain_pct=float(100.0 * (np.exp(common) - 1.0)),
        government_welfare_hat=np.exp(c + reference_log_welfare),
        pareto_weights=weights_at_answer,
        spread=spread,
        converged=converged,
        message=f"gain spread {spread:.1e} after {outer} multiplier updates ({res.message})",
        iterations=outer,
        evaluations=evaluations[0],
    )
