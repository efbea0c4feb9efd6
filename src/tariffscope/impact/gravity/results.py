"""Results of a one-sector GE solve: per-country and per-pair changes, and solver diagnostics.

Definitions (hats are new / old; percent changes are ``100 * (hat - 1)``):

factory-gate price ``w``
    The exporter's price (in full GE); all ones in conditional GE.
inward multilateral resistance ``P``
    The consumer price index, ``Phi_j ** (-1/theta)``.
outward multilateral resistance ``Pi``
    ``OMR ** (-1/theta)`` with ``OMR_hat = Y_hat * w**theta`` (the Advanced Guide's definition).
real GDP
    ``w / P`` (nominal output over the consumer price index).
welfare
    Real expenditure ``E_hat / P`` with additive imbalances (ge_gravity's ``welfare``); with
    multiplicative imbalances the real income ``w / P`` (ge_gravity's ``real_wage``, equal to
    its ``welfare``). With tariffs, expenditure includes the rebated tariff revenue.
terms of trade
    ``w_i`` over the import-weighted geometric mean of partners' ``w_k`` (baseline weights).
exports, imports
    International flows at customs value, in the numeraire's units.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from tariffscope.impact.gravity.baseline import Baseline, FloatArray
from tariffscope.impact.gravity.equations import ModelArrays, State
from tariffscope.impact.gravity.shock import Shock

if TYPE_CHECKING:
    from tariffscope.impact.gravity.solve import GEOptions

__all__ = ["COUNTRY_COLUMNS", "GEResult", "build_result", "pct_change", "solver_diagnostics"]

COUNTRY_COLUMNS = (
    "country",
    "real_gdp_pct",
    "welfare_pct",
    "exports_pct",
    "imports_pct",
    "factory_price_pct",
    "imr_pct",
    "omr_pct",
    "terms_of_trade_pct",
    "output_baseline",
    "exports_baseline",
    "exports_new",
)


#: What every solved counterfactual (gravity, multisector) reports of its solver.
SOLVER_FIELDS = ("converged", "iterations", "residual_norm", "method", "elapsed")


def pct_change(hat: FloatArray) -> FloatArray:
    """A ratio of new to old as a percent change."""
    return np.asarray(100.0 * (hat - 1.0))


def solver_diagnostics(result: object) -> dict[str, object]:
    """The solver's diagnostics of a solved counterfactual as plain values."""
    return {name: getattr(result, name) for name in SOLVER_FIELDS}


@dataclass(frozen=True, eq=False)
class GEResult:
    """A solved counterfactual. Arrays are indexed like ``baseline.countries``."""

    baseline: Baseline
    shock: Shock
    options: GEOptions
    factory_price_hat: FloatArray
    price_index_hat: FloatArray
    omr_hat: FloatArray
    expenditure_hat: FloatArray
    real_gdp_hat: FloatArray
    welfare_hat: FloatArray
    terms_of_trade_hat: FloatArray
    trade: FloatArray
    exports_hat: FloatArray
    imports_hat: FloatArray
    converged: bool
    iterations: int
    residual_norm: float
    method: str
    elapsed: float

    @property
    def countries(self) -> tuple[str, ...]:
        """Country codes in array order."""
        return self.baseline.countries

    def by_country(self) -> pd.DataFrame:
        """One row per country; changes in percent (``*_pct``), levels in the baseline's unit."""
        off = ~np.eye(self.baseline.n, dtype=bool)
        exports0 = (self.baseline.trade * off).sum(axis=1)
        exports1 = (self.trade * off).sum(axis=1)
        frame = pd.DataFrame(
            {
                "country": list(self.countries),
                "real_gdp_pct": pct_change(self.real_gdp_hat),
                "welfare_pct": pct_change(self.welfare_hat),
                "exports_pct": pct_change(self.exports_hat),
                "imports_pct": pct_change(self.imports_hat),
                "factory_price_pct": pct_change(self.factory_price_hat),
                "imr_pct": pct_change(self.price_index_hat),
                "omr_pct": pct_change(self.omr_hat),
                "terms_of_trade_pct": pct_change(self.terms_of_trade_hat),
                "output_baseline": self.baseline.output,
                "exports_baseline": exports0,
                "exports_new": exports1,
            },
            columns=list(COUNTRY_COLUMNS),
        )
        frame.attrs["unit"] = self.baseline.unit
        return frame

    def by_pair(self) -> pd.DataFrame:
        """One row per exporter-importer pair: baseline and new flows and the percent change."""
        n = self.baseline.n
        exp = np.repeat(np.array(self.countries), n)
        imp = np.tile(np.array(self.countries), n)
        old = self.baseline.trade.reshape(-1)
        new = self.trade.reshape(-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            change = np.where(old > 0, 100.0 * (new / old - 1.0), np.nan)
        frame = pd.DataFrame(
            {
                "exporter": exp,
                "importer": imp,
                "trade_baseline": old,
                "trade_new": new,
                "trade_pct": change,
            }
        )
        frame.attrs["unit"] = self.baseline.unit
        return frame

    def diagnostics(self) -> dict[str, object]:
        """Solver diagnostics as plain values."""
        return {
            **solver_diagnostics(self),
            "kind": self.options.kind,
            "imbalance": self.options.imbalance,
            "numeraire": self.options.numeraire,
            "theta": self.options.theta,
        }


def build_result(
    baseline: Baseline,
    shock: Shock,
    options: GEOptions,
    m: ModelArrays,
    state: State,
    *,
    converged: bool,
    iterations: int,
    residual_norm: float,
    elapsed: float,
) -> GEResult:
    """Assemble the reported quantities from a solved state."""
    conditional = options.kind == "conditional"
    w = state.w
    price_index = state.phi ** (-1.0 / m.theta)
    output_hat = state.sales / m.output
    factory = np.ones_like(w) if conditional else w
    omr_power = output_hat * w**m.theta
    omr = omr_power ** (-1.0 / m.theta)
    exp_hat = state.expenditure / baseline.expenditure
    if options.imbalance == "multiplicative" and not conditional:
        scaled = (m.output + m.deficit) * w
        # income without the world rescaling kappa (ge_gravity's real wage)
        net_hat = scaled / (m.output + m.deficit)
        gross_hat = net_hat * (1.0 - baseline_revenue_share(baseline)) / (1.0 - state.revenue_share)
        welfare = gross_hat / price_index
    else:
        welfare = exp_hat / price_index
    real_gdp = output_hat / price_index
    trade = state.shares * m.inv_tariff * state.expenditure[None, :]
    off = ~np.eye(baseline.n, dtype=bool)
    old_imports = baseline.trade * off
    weights = old_imports / old_imports.sum(axis=0, keepdims=True)
    import_price = np.exp(weights.T @ np.log(factory))
    tot = factory / import_price
    exports_hat = (trade * off).sum(axis=1) / old_imports.sum(axis=1)
    imports_hat = (trade * off).sum(axis=0) / old_imports.sum(axis=0)
    return GEResult(
        baseline=baseline,
        shock=shock,
        options=options,
        factory_price_hat=np.asarray(factory),
        price_index_hat=np.asarray(price_index),
        omr_hat=np.asarray(omr),
        expenditure_hat=np.asarray(exp_hat),
        real_gdp_hat=np.asarray(real_gdp),
        welfare_hat=np.asarray(welfare),
        terms_of_trade_hat=np.asarray(tot),
        trade=np.asarray(trade),
        exports_hat=np.asarray(exports_hat),
        imports_hat=np.asarray(imports_hat),
        converged=converged,
        iterations=iterations,
        residual_norm=residual_norm,
        method=options.method,
        elapsed=elapsed,
    )


def baseline_revenue_share(baseline: Baseline) -> FloatArray:
    """Tariff revenue as a share of gross expenditure, per importer."""
    return np.asarray(baseline.tariff_revenue / baseline.expenditure)
