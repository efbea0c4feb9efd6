"""Baseline shares of Ossa's (2014) model, computed once from trade, tariffs and elasticities.

With trade ``X[i, j, s]`` at exporter prices (US$), tariffs ``t[i, j, s]`` of importer j on
exporter i and elasticities ``sigma[s]`` (Ossa 2014, section II and online appendix):

* ``alpha[i, j, s] = X[i, j, s] / sum_j X[i, j, s]``: share of i's sales of s that go to j;
* ``gamma[i, j, s] = (1 + t) X / sum_i (1 + t) X``: j's spending share on i within s;
* ``mu[j, s]``: j's (Cobb-Douglas) spending share on s, tariffs included;
* revenue of ``(i, s)`` is split into wages ``(sigma - 1)/sigma`` and profits ``1/sigma`` (fixed
  number of firms, constant mark-up), so ``delta[i, s]`` is s's share of i's wage bill;
* expenditure ``E[j] = labour income + profits + tariff revenue - net exports``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar.data import TradeWarData

__all__ = ["Shares", "shares"]


@dataclass(frozen=True, eq=False)
class Shares:
    trade: FloatArray  # [i, j, s]
    tariffs: FloatArray  # [i, j, s]
    sigma: FloatArray  # [s]
    alpha: FloatArray
    gamma: FloatArray
    delta: FloatArray  # [i, s]
    mu: FloatArray  # [j, s]
    expenditure: FloatArray  # [j]
    revenue: FloatArray  # [i, s]
    profits: FloatArray  # [i, s]
    labour_income: FloatArray  # [i]
    net_exports: FloatArray  # [i]

    @property
    def n(self) -> int:
        return int(self.trade.shape[0])

    @property
    def numeraire_weights(self) -> FloatArray:
        """World labour income shares: the numeraire keeps their wage index at one."""
        return np.asarray(self.labour_income / self.labour_income.sum())


def _share(values: FloatArray, axis: int) -> FloatArray:
    total = values.sum(axis=axis, keepdims=True)
    return np.asarray(np.divide(values, total, out=np.zeros_like(values), where=total > 0))


def shares(data: TradeWarData) -> Shares:
    """Shares of the factual equilibrium that the equations in changes need."""
    x, t, sigma = data.trade, data.tariffs, data.sigma
    inclusive = (1.0 + t) * x
    revenue = x.sum(axis=1)
    wage_bill = revenue * (sigma - 1.0) / sigma
    profits = revenue / sigma
    expenditure = inclusive.sum(axis=(0, 2))
    net_exports = x.sum(axis=(1, 2)) - x.sum(axis=(0, 2))
    tariff_revenue = (t * x).sum(axis=(0, 2))
    labour = expenditure + net_exports - tariff_revenue - profits.sum(axis=1)
    return Shares(
        trade=x,
        tariffs=t,
        sigma=sigma,
        alpha=_share(x, 1),
        gamma=_share(inclusive, 0),
        delta=_share(wage_bill, 1),
        mu=inclusive.sum(axis=0) / expenditure[:, None],
        expenditure=expenditure,
        revenue=revenue,
        profits=profits,
        labour_income=labour,
        net_exports=net_exports,
    )
