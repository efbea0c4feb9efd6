"""Trade talks: efficient tariffs that raise every government's welfare by the same percentage.

Ossa (2014, section V.B) computes cooperative tariffs as the tariffs (all regions, all
partners, all industries; 1,386 numbers in his data, bounded by 0 and 10) that maximise the
common gain in government welfare measured from a starting point (factual tariffs, the Nash
equilibrium or free trade) with every government gaining equally. Here: maximise ``g`` over
``(t, g)`` subject to ``log G_hat[j](t) - log G_ref[j] = g`` for every ``j``, by SLSQP (scipy),
with exact gradients from the adjoint of the equilibrium (see :mod:`.optimal`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize

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
    converged: bool
    message: str
    iterations: int


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


def cooperative_tariffs(
    sh: Shares,
    weights: FloatArray,
    reference_log_welfare: FloatArray,
    start: FloatArray,
    *,
    lower: float = LOWER,
    upper: float = UPPER,
    tol: float = 1e-10,
    max_iter: int = 500,
) -> Cooperative:
    """Efficient tariffs with equal gains from ``reference_log_welfare`` (log G_hat, [N])."""
    n, s = sh.n, sh.sigma.size
    rows, cols, inds = _mask(n, s)
    m = rows.size
    cache: dict[bytes, tuple[FloatArray, FloatArray]] = {}
    state = {"y": np.ones(2 * n)}

    def evaluate(x: FloatArray) -> tuple[FloatArray, FloatArray]:
        key = x.tobytes()
        if key not in cache:
            t = np.zeros_like(sh.tariffs)
            t[rows, cols, inds] = x[:m]
            values, jac, y = log_welfare_and_jacobian(sh, t, weights, start=state["y"])
            state["y"] = y
            cache.clear()
            cache[key] = (np.asarray(values - reference_log_welfare), jac)
        return cache[key]

    def constraints(x: FloatArray) -> FloatArray:
        return np.asarray(evaluate(x)[0] - x[m])

    def constraints_jac(x: FloatArray) -> FloatArray:
        return np.hstack([evaluate(x)[1], -np.ones((n, 1))])

    x0 = np.append(start[rows, cols, inds], 0.0)
    x0[m] = float(np.min(evaluate(x0)[0]))
    objective_grad = np.zeros(m + 1)
    objective_grad[m] = -1.0
    res = optimize.minimize(
        lambda x: -x[m],
        x0,
        jac=lambda x: objective_grad,
        method="SLSQP",
        bounds=[(lower, upper)] * m + [(None, None)],
        constraints=[{"type": "eq", "fun": constraints, "jac": constraints_jac}],
        options={"maxiter": max_iter, "ftol": tol},
    )
    t = np.zeros_like(sh.tariffs)
    t[rows, cols, inds] = res.x[:m]
    values, _, _ = log_welfare_and_jacobian(sh, t, weights, start=state["y"])
    return Cooperative(
        tariffs=t,
        common_gain_pct=float(100.0 * (np.exp(res.x[m]) - 1.0)),
        government_welfare_hat=np.exp(values),
        converged=bool(res.success),
        message=str(res.message),
        iterations=int(res.nit),
    )
