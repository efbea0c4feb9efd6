"""Ossa's (2014) equilibrium in changes (exact hat algebra), as pure, batchable functions.

Unknowns: wage changes ``w[i]`` and expenditure changes ``e[j]``. For new tariffs ``t'`` with
``tau_hat = (1 + t') / (1 + t)``, firm numbers fixed and a constant mark-up (plain text)::

    D[j, s]      = sum_i gamma[i, j, s] (w[i] tau_hat[i, j, s])^(1 - sigma[s])   (= P_hat^(1-sigma))
    x_hat[i,j,s] = w[i]^(1 - sigma) tau_hat^(-sigma) e[j] / D[j, s]       (trade at exporter prices)
    r_hat[i, s]  = sum_j alpha[i, j, s] x_hat[i, j, s]                    (revenue = profit change)
    0 = w[i] - sum_s delta[i, s] r_hat[i, s]                              (labour market)
    0 = e[j] E[j] - wL[j] w[j] - sum_s profits[j, s] r_hat[j, s]
        - sum_{i,s} t'[i, j, s] X[i, j, s] x_hat[i, j, s] + NX'[j]          (budget)

Walras' law makes one labour-market condition redundant; it is replaced by the numeraire
``sum_i wL[i] w[i] / sum_i wL[i] = 1`` (as in Ossa's code). Counterfactual net exports are zero
(``NX' = 0``, the purged baseline the paper starts from). Every function accepts leading batch
dimensions and complex inputs, so derivatives come from the complex step (Squire and Trapp
1998): exact to rounding, and one batched call gives a whole Jacobian.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tariffscope.errors import ConvergenceError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar.baseline import Shares

__all__ = [
    "Equilibrium",
    "jacobian_y",
    "parts",
    "parts_one_importer",
    "residual",
    "residual_from_parts",
    "solve",
]

STEP = 1e-30  # complex step; any tiny value works because there is no subtraction


@dataclass(frozen=True)
class Parts:
    price_index: FloatArray  # D[..., j, s]
    trade_hat: FloatArray  # x_hat[..., i, j, s]
    revenue_hat: FloatArray  # r_hat[..., i, s]


def parts(sh: Shares, w: FloatArray, e: FloatArray, new_tariffs: FloatArray) -> Parts:
    tau_hat = (1.0 + new_tariffs) / (1.0 + sh.tariffs)
    wi = w[..., :, None, None]
    d = (sh.gamma * (wi * tau_hat) ** (1.0 - sh.sigma)).sum(axis=-3)
    x_hat = (
        wi ** (1.0 - sh.sigma)
        * tau_hat ** (-sh.sigma)
        * (e[..., None, :, None] / d[..., None, :, :])
    )
    r_hat = (sh.alpha * x_hat).sum(axis=-2)
    return Parts(d, x_hat, r_hat)


def parts_one_importer(
    sh: Shares, w: FloatArray, e: FloatArray, new_tariffs: FloatArray, base: Parts, j: int
) -> Parts:
    """``parts`` when only importer ``j``'s tariffs differ (by batch) from those of ``base``.

    Only column ``j`` is recomputed, which makes a batch over j's own tariffs (the gradient of
    a best response) about N times cheaper than :func:`parts`.
    """
    tau_hat = (1.0 + new_tariffs[..., :, j, :]) / (1.0 + sh.tariffs[:, j, :])
    sig = sh.sigma
    d_j = (sh.gamma[:, j, :] * (w[:, None] * tau_hat) ** (1.0 - sig)).sum(axis=-2)
    x_j = w[:, None] ** (1.0 - sig) * tau_hat ** (-sig) * (e[j] / d_j[..., None, :])
    batch = new_tariffs.shape[:-3]
    d = np.broadcast_to(base.price_index, (*batch, *base.price_index.shape)).astype(complex)
    d[..., j, :] = d_j
    x_hat = np.broadcast_to(base.trade_hat, (*batch, *base.trade_hat.shape)).astype(complex)
    x_hat[..., :, j, :] = x_j
    r_hat = base.revenue_hat + sh.alpha[:, j, :] * (x_j - base.trade_hat[:, j, :])
    return Parts(d, x_hat, r_hat)


def residual(sh: Shares, y: FloatArray, new_tariffs: FloatArray) -> FloatArray:
    """``[..., 2N]``: numeraire and labour markets 2..N, then budgets relative to ``E``."""
    n = sh.n
    batch = np.broadcast_shapes(y.shape[:-1], new_tariffs.shape[:-3])
    y = np.broadcast_to(y, (*batch, 2 * n))
    return residual_from_parts(sh, y, new_tariffs, parts(sh, y[..., :n], y[..., n:], new_tariffs))


def residual_from_parts(sh: Shares, y: FloatArray, new_tariffs: FloatArray, p: Parts) -> FloatArray:
    n = sh.n
    w, e = y[..., :n], y[..., n:]
    batch = p.revenue_hat.shape[:-2]
    w = np.broadcast_to(w, (*batch, n))
    e = np.broadcast_to(e, (*batch, n))
    labour = w - (sh.delta * p.revenue_hat).sum(axis=-1)
    numeraire = (sh.numeraire_weights * w).sum(axis=-1) - 1.0
    labour = np.concatenate([numeraire[..., None], labour[..., 1:]], axis=-1)
    tariff_revenue = (new_tariffs * sh.trade * p.trade_hat).sum(axis=(-3, -1))
    income = sh.labour_income * w + (sh.profits * p.revenue_hat).sum(axis=-1) + tariff_revenue
    budget = (e * sh.expenditure - income) / sh.expenditure
    return np.concatenate([labour, budget], axis=-1)


def jacobian_y(sh: Shares, y: FloatArray, new_tariffs: FloatArray) -> FloatArray:
    """``d residual / d y`` at ``y`` (complex step, one batched call)."""
    m = y.shape[-1]
    ys = y[None, :] + 1j * STEP * np.eye(m)
    return np.asarray(residual(sh, ys, new_tariffs).imag.T / STEP)


@dataclass(frozen=True, eq=False)
class Equilibrium:
    wage_hat: FloatArray
    expenditure_hat: FloatArray
    iterations: int

    @property
    def y(self) -> FloatArray:
        return np.concatenate([self.wage_hat, self.expenditure_hat])


def solve(
    sh: Shares,
    new_tariffs: FloatArray,
    start: FloatArray | None = None,
    *,
    tol: float = 1e-12,
    max_iter: int = 100,
) -> Equilibrium:
    """Newton's method with a complex-step Jacobian and step halving, from ``start`` (or ones)."""
    n = sh.n
    y = np.ones(2 * n) if start is None else np.array(start, dtype=float)
    f = residual(sh, y, new_tariffs)
    for it in range(1, max_iter + 1):
        if np.max(np.abs(f)) < tol:
            return Equilibrium(y[:n].copy(), y[n:].copy(), it - 1)
        step = np.linalg.solve(jacobian_y(sh, y, new_tariffs), -f)
        size = 1.0
        while True:
            trial = y + size * step
            if (trial > 0).all():
                f_trial = residual(sh, trial, new_tariffs)
                if np.max(np.abs(f_trial)) < np.max(np.abs(f)) or size < 1e-6:
                    break
            size /= 2.0
        y, f = trial, f_trial
    if np.max(np.abs(f)) < tol * 1e3:
        return Equilibrium(y[:n].copy(), y[n:].copy(), max_iter)
    raise ConvergenceError(
        f"the trade-war equilibrium did not converge (|F| = {np.max(np.abs(f)):.2e})"
    )
