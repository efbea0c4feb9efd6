"""Welfare and government welfare in Ossa's (2014) model, as changes (1 = no change).

Welfare is real income: ``W_hat[j] = e[j] / P_hat[j]``, with the Cobb-Douglas price index
``P_hat[j] = prod_s D[j, s]^(-mu[j, s] / (sigma[s] - 1))``.

Government welfare (Ossa 2014, eq. 6, after Grossman and Helpman 1994) weighs the income earned
in each industry by ``lambda[j, s]``: industry income is revenue (wages and profits) plus the
industry's share ``delta'[j, s]`` (its share of the wage bill) of tariff revenue, so that with
all weights one it adds up to total income and government welfare equals welfare::

    G_hat[j] = sum_s lambda[j, s] I'[j, s] / sum_s lambda[j, s] I[j, s] / P_hat[j]

Functions are batchable and complex-safe (see :mod:`.equilibrium`).
"""

from __future__ import annotations

import numpy as np

from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar.baseline import Shares
from tariffscope.impact.tradewar.equilibrium import Parts

__all__ = ["government_welfare_hat", "log_price_index_hat", "welfare_hat"]


def log_price_index_hat(sh: Shares, p: Parts) -> FloatArray:
    return np.asarray((-sh.mu / (sh.sigma - 1.0) * np.log(p.price_index)).sum(axis=-1))


def welfare_hat(sh: Shares, e: FloatArray, p: Parts) -> FloatArray:
    return np.asarray(e / np.exp(log_price_index_hat(sh, p)))


def _industry_income(sh: Shares, trade: FloatArray, new_tariffs: FloatArray) -> FloatArray:
    revenue = trade.sum(axis=-2)  # [..., i, s]
    wage_bill = revenue * (sh.sigma - 1.0) / sh.sigma
    delta = wage_bill / wage_bill.sum(axis=-1, keepdims=True)
    tariff_revenue = (new_tariffs * trade).sum(axis=(-3, -1))  # [..., j]
    return np.asarray(revenue + delta * tariff_revenue[..., :, None])


def government_welfare_hat(
    sh: Shares, p: Parts, new_tariffs: FloatArray, weights: FloatArray
) -> FloatArray:
    """``G_hat[..., j]`` for political-economy ``weights[j, s]`` (ones: plain welfare)."""
    before = (weights * _industry_income(sh, sh.trade, sh.tariffs)).sum(axis=-1)
    after = (weights * _industry_income(sh, sh.trade * p.trade_hat, new_tariffs)).sum(axis=-1)
    return np.asarray(after / before / np.exp(log_price_index_hat(sh, p)))
