"""Equilibrium conditions of Caliendo and Parro (2015) in changes, as pure functions.

Countries ``n, i`` (destination, source), sectors ``j, k``; hats are new / old; ``kappa`` is one
plus the tariff. With value-added shares ``beta``, intermediate shares ``gamma`` and final
shares ``alpha`` (equations 9-14 of the paper, 11-14 in the authors' code):

(written in plain text; ``prod`` and ``sum`` run over the repeated index)::

    c_hat[j,i]  = w_hat[i]^beta[j,i] * prod_k P_hat[k,i]^((1 - beta[j,i]) gamma_i[k,j])
    P_hat[j,n]  = ( sum_i pi[j,n,i] (kappa_hat[j,n,i] c_hat[j,i])^-theta[j] )^(-1/theta[j])
    pi'[j,n,i]  = pi[j,n,i] (kappa_hat[j,n,i] c_hat[j,i] / P_hat[j,n])^-theta[j]
    X'[j,n]     = sum_k gamma_n[j,k] (1 - beta[k,n]) sum_m X'[k,m] pi'[k,m,n] / kappa'[k,m,n]
                  + alpha[j,n] (w_hat[n] VA[n] + sum_k X'[k,n] (1 - F'[k,n]) - S[n])
    0           = sum_j sum_m X'[j,m] pi'[j,m,n] / kappa'[j,m,n]
                  - sum_j X'[j,n] F'[j,n] - S[n]              (trade balance)

with ``F_n^j = sum_i pi_ni^j / kappa_ni^j`` (so ``1 - F`` is the tariff revenue share). Arrays:
bilateral ``[J, N_dest, N_source]``, sector-country ``[J, N]``, ``io[n, k, j] = gamma_n^{k,j}``.

References
----------
Caliendo, L. and Parro, F. (2015), "Estimates of the trade and welfare effects of NAFTA",
Review of Economic Studies 82(1), 1-44.
"""

from __future__ import annotations

import numpy as np

from tariffscope.impact.gravity.baseline import FloatArray

__all__ = ["costs", "expenditure", "prices", "trade_balance", "trade_shares"]


def costs(w: FloatArray, log_p: FloatArray, beta: FloatArray, io: FloatArray) -> FloatArray:
    """Change in the cost of an input bundle ``c_hat[j, i]``."""
    inputs = np.einsum("ikj,ki->ji", io, log_p)
    return np.asarray(np.exp(beta * np.log(w)[None, :] + (1.0 - beta) * inputs))


def prices(
    w: FloatArray,
    weighted_shares: FloatArray,
    beta: FloatArray,
    io: FloatArray,
    theta: FloatArray,
    start: FloatArray | None = None,
    *,
    tol: float = 1e-13,
    max_iter: int = 10_000,
) -> tuple[FloatArray, FloatArray, int]:
    """Sectoral price changes ``P_hat[j, n]`` and costs ``c_hat[j, i]`` for wages ``w``.

    ``weighted_shares`` is ``pi * kappa_hat ** -theta``. The fixed point is a contraction (the
    intermediate shares are below one); it stops when ``max |d log P| < tol``. A sector a country
    does not buy at all keeps a price change of one, as in the authors' ``PH.m``.
    """
    log_p = np.zeros_like(beta) if start is None else np.log(start)
    th = theta[:, None]
    it = 0
    for it in range(1, max_iter + 1):  # noqa: B007 - the count is returned
        c = costs(w, log_p, beta, io)
        total = np.einsum("jni,ji->jn", weighted_shares, c ** (-th))
        new = np.where(total > 0, -np.log(np.where(total > 0, total, 1.0)) / th, 0.0)
        step = float(np.max(np.abs(new - log_p)))
        log_p = new
        if step < tol:
            break
    p = np.exp(log_p)
    return np.asarray(p), costs(w, log_p, beta, io), it


def trade_shares(
    weighted_shares: FloatArray, c: FloatArray, p: FloatArray, theta: FloatArray
) -> FloatArray:
    """New shares ``pi'[j, n, i]``."""
    th = theta[:, None]
    return np.asarray(weighted_shares * (c ** (-th))[:, None, :] * (p**th)[:, :, None])


def expenditure(
    w: FloatArray,
    shares: FloatArray,
    kappa: FloatArray,
    alpha: FloatArray,
    beta: FloatArray,
    io: FloatArray,
    value_added: FloatArray,
    surplus: FloatArray,
    start: FloatArray | None = None,
    *,
    tol: float = 1e-14,
    max_iter: int = 2_000,
) -> tuple[FloatArray, FloatArray]:
    """Sectoral expenditure ``X'[j, n]`` (tariff-inclusive) and ``F'[j, n]``.

    Solves the linear system of the module docstring by fixed-point iteration from ``start``
    (its spectral radius is the share of spending that is recycled as intermediate demand and
    tariff revenue, below one); falls back to a dense solve if that is slow.
    """
    q = shares / kappa  # [k, m, n]: payment to source n per unit of m's spending
    f = q.sum(axis=2)
    gb = io * (1.0 - beta).T[:, None, :]  # [n, j, k]: gamma_n^{j,k} (1 - beta_n^k)
    fixed = alpha * (w * value_added - surplus)[None, :]
    x = np.maximum(fixed, 0.0) if start is None else start.copy()
    for _ in range(max_iter):
        sales = np.einsum("kmn,km->kn", q, x)
        revenue = (x * (1.0 - f)).sum(axis=0)
        new = np.einsum("njk,kn->jn", gb, sales) + alpha * revenue[None, :] + fixed
        change = float(np.max(np.abs(new - x)) / max(float(np.max(np.abs(new))), 1e-300))
        x = new
        if change < tol:
            return np.asarray(x), np.asarray(f)
    return _expenditure_direct(q, f, gb, alpha, fixed), np.asarray(f)


def _expenditure_direct(
    q: FloatArray, f: FloatArray, gb: FloatArray, alpha: FloatArray, fixed: FloatArray
) -> FloatArray:
    j, n = alpha.shape
    a = np.einsum("njk,kmn->njmk", gb, q)
    idx = np.arange(n)
    a[idx, :, idx, :] += np.einsum("jn,kn->njk", alpha, 1.0 - f)
    matrix = np.eye(n * j) - a.reshape(n * j, n * j)
    x = np.linalg.solve(matrix, fixed.T.reshape(-1))
    return np.asarray(x.reshape(n, j).T)


def trade_balance(
    x: FloatArray, shares: FloatArray, kappa: FloatArray, f: FloatArray, surplus: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """``(exports - imports - S, exports, imports)`` per country, at factory prices.

    Exports and imports include domestic sales on both sides (they cancel in the difference).
    """
    exports = np.einsum("kmn,km->n", shares / kappa, x)
    imports = (x * f).sum(axis=0)
    return np.asarray(exports - imports - surplus), np.asarray(exports), np.asarray(imports)
