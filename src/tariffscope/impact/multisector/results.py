"""Results of a Caliendo-Parro solve: welfare, its decomposition, wages and trade.

Two welfare numbers are reported for each country:

``welfare_pct``
    The exact change in real income ``I'/I / P_hat`` with ``I = w L + R - S`` and the consumer
    price index ``P_hat = prod_j (P_hat^j)^alpha^j``.
``welfare_cp_pct``
    The paper's measure (its Tables 2, 9, A.3): the sum of the terms-of-trade and volume-of-trade
    effects of its equation (16), evaluated as the authors' ``Welfarelineal.m`` does with finite
    changes and baseline tariffs:

    .. math::

        \\text{ToT}_n = \\frac{1}{I_n}\\sum_j \\sum_i \\big(E_{ni}^j (\\hat c_n^j - 1)
            - M_{ni}^j (\\hat c_i^j - 1)\\big), \\qquad
        \\text{VoT}_n = \\frac{1}{I_n}\\sum_j \\sum_i \\tau_{ni}^j M_{ni}^j
            \\big(\\hat M_{ni}^j - \\hat c_i^j\\big)

    It is a first-order measure: for small shocks it equals ``welfare_pct``; for NAFTA's large
    cuts in Mexican tariffs the two differ (see docs/models.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.gravity.results import pct_change, solver_diagnostics
from tariffscope.impact.multisector.baseline import MSBaseline

if TYPE_CHECKING:
    from tariffscope.impact.multisector.solve import MSShock

__all__ = ["MSResult", "build_ms_result"]


@dataclass(frozen=True, eq=False)
class MSResult:
    """A solved Caliendo-Parro counterfactual (arrays in the baseline's orientation)."""

    baseline: MSBaseline
    shock: MSShock
    wage_hat: FloatArray
    price_hat: FloatArray
    cost_hat: FloatArray
    shares: FloatArray
    expenditure: FloatArray
    flows: FloatArray
    price_index_hat: FloatArray
    real_wage_hat: FloatArray
    real_income_hat: FloatArray
    terms_of_trade: FloatArray
    volume_of_trade: FloatArray
    converged: bool
    iterations: int
    residual_norm: float
    method: str
    elapsed: float

    @property
    def countries(self) -> tuple[str, ...]:
        """Country codes in array order."""
        return self.baseline.countries

    def _international(self, flows: FloatArray) -> FloatArray:
        """Flows summed over sectors, ``[importer, exporter]``, domestic sales removed."""
        total = flows.sum(axis=0)
        np.fill_diagonal(total, 0.0)
        return np.asarray(total)

    def by_country(self) -> pd.DataFrame:
        """One row per country; changes in percent, trade at factory prices (US dollars)."""
        old = self._international(self.baseline.flows)
        new = self._international(self.flows)
        frame = pd.DataFrame(
            {
                "country": list(self.countries),
                "welfare_pct": pct_change(self.real_income_hat),
                "welfare_cp_pct": 100.0 * (self.terms_of_trade + self.volume_of_trade),
                "tot_pct": 100.0 * self.terms_of_trade,
                "vot_pct": 100.0 * self.volume_of_trade,
                "real_wage_pct": pct_change(self.real_wage_hat),
                "real_gdp_pct": pct_change(self.real_wage_hat),
                "exports_pct": pct_change(new.sum(axis=0) / old.sum(axis=0)),
                "imports_pct": pct_change(new.sum(axis=1) / old.sum(axis=1)),
                "price_index_pct": pct_change(self.price_index_hat),
                "wage_pct": pct_change(self.wage_hat),
            }
        )
        frame.attrs["unit"] = "US dollars (1993)"
        return frame

    def bilateral_imports(self) -> pd.DataFrame:
        """Imports of each country from each partner, all sectors, baseline and new."""
        old = self._international(self.baseline.flows)
        new = self._international(self.flows)
        n = len(self.countries)
        with np.errstate(divide="ignore", invalid="ignore"):
            change = np.where(old > 0, 100.0 * (new / old - 1.0), np.nan)
        return pd.DataFrame(
            {
                "importer": np.repeat(np.array(self.countries), n),
                "exporter": np.tile(np.array(self.countries), n),
                "imports_baseline": old.reshape(-1),
                "imports_new": new.reshape(-1),
                "imports_pct": change.reshape(-1),
            }
        )

    def bloc_imports_pct(self, members: Sequence[str]) -> pd.Series:
        """Growth of each member's imports from the other members (the paper's intra-bloc trade)."""
        idx = [self.baseline.index(code) for code in members]
        old = self._international(self.baseline.flows)[np.ix_(idx, idx)].sum(axis=1)
        new = self._international(self.flows)[np.ix_(idx, idx)].sum(axis=1)
        return pd.Series(pct_change(new / old), index=list(members), name="bloc_imports_pct")

    def diagnostics(self) -> dict[str, object]:
        """Solver diagnostics as plain values."""
        return solver_diagnostics(self)


def build_ms_result(
    baseline: MSBaseline,
    shock: MSShock,
    state: dict[str, FloatArray],
    *,
    converged: bool,
    iterations: int,
    residual_norm: float,
    method: str,
    elapsed: float,
) -> MSResult:
    """Flows, price indices and the welfare measures from a solved state."""
    w, p, c, shares, x, f = (state[k] for k in ("w", "p", "c", "shares", "x", "f"))
    kappa_new = 1.0 + shock.tariffs
    flows = x[:, :, None] * shares / kappa_new
    price_index = np.prod(p**baseline.alpha, axis=0)
    income_old = baseline.income
    income_new = w * baseline.value_added + (x * (1.0 - f)).sum(axis=0) - baseline.surplus
    old = baseline.flows
    cost_change = (c - 1.0)[:, None, :]  # [j, 1, source]
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = flows / old
    exporter_side = (
        (old * cost_change).sum(axis=1).sum(axis=0)
    )  # sum over destinations of n's sales
    importer_side = (old * cost_change).sum(axis=2).sum(axis=0)
    tot = (exporter_side - importer_side) / income_old
    vot_terms = old * baseline.tariffs * ((growth - 1.0) - cost_change)
    vot = np.nansum(vot_terms, axis=(0, 2)) / income_old
    return MSResult(
        baseline=baseline,
        shock=shock,
        wage_hat=w,
        price_hat=p,
        cost_hat=c,
        shares=shares,
        expenditure=x,
        flows=np.asarray(flows),
        price_index_hat=np.asarray(price_index),
        real_wage_hat=np.asarray(w / price_index),
        real_income_hat=np.asarray(income_new / income_old / price_index),
        terms_of_trade=np.asarray(tot),
        volume_of_trade=np.asarray(vot),
        converged=converged,
        iterations=iterations,
        residual_norm=residual_norm,
        method=method,
        elapsed=elapsed,
    )
