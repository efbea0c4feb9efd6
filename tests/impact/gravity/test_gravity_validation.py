"""Reproduce published GE gravity results (../shared/validation/README.md gives the tolerances)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tariffscope.impact.gravity import GEOptions, GravityEstimate, Shock, estimate_ppml, solve
from tariffscope.impact.gravity.agtpa import agtpa_full_ge
from tariffscope.impact.gravity.baseline import pivot_pairs
from tariffscope.impact.gravity.io import (
    baseline_from_frame,
    eu_enlargement_effects,
    load_agtpa_trade_without_borders,
    load_wiod44,
    partial_effect_matrix,
)

pytestmark = [pytest.mark.shared, pytest.mark.reference]

# Tolerances of ../shared/validation/README.md
CDL_EXPORTS_ATOL = 0.01  # percentage points, every country
FULL_RGDP_MEDIAN = 0.05  # percentage points, median over countries (published procedure)
FULL_RGDP_WORST = 1.0  # percentage points, worst country
WELFARE_RATIO_ATOL = 1e-6  # ge_gravity welfare ratios
# The exact equilibrium differs from the published table by more than FULL_RGDP_MEDIAN at the
# median (0.086 points) because the published Stata procedure stops early and at an inconsistent
# state; docs/models.md explains. The exact answer must stay within these bounds:
EXACT_RGDP_MEDIAN = 0.09
PUBLISHED_COEFFICIENTS = {"ln_DIST": -0.7912879, "CNTG": 0.6736456, "INTL_BRDR": -2.47445}


@pytest.fixture(scope="module")
def agtpa(shared: Path) -> tuple[pd.DataFrame, GravityEstimate, pd.DataFrame]:
    data = load_agtpa_trade_without_borders()
    est = estimate_ppml(data, list(PUBLISHED_COEFFICIENTS))
    published = pd.read_csv(
        shared / "validation/agtpa_ch2_app1_trade_without_borders_published.csv"
    )
    return data, est, published.set_index("country")


def test_agtpa_ppml_coefficients(agtpa: tuple[pd.DataFrame, GravityEstimate, pd.DataFrame]) -> None:
    _, est, _ = agtpa
    for name, value in PUBLISHED_COEFFICIENTS.items():
        assert est.coefficients[name] == pytest.approx(value, abs=1e-6)


def _ag_options(kind: str) -> GEOptions:
    return GEOptions.from_sigma(
        7.0,
        imbalance="multiplicative",
        numeraire="reference_price_index",
        reference="DEU",
        kind=kind,
    )


def test_agtpa_conditional_ge_exports(
    agtpa: tuple[pd.DataFrame, GravityEstimate, pd.DataFrame],
) -> None:
    _, est, published = agtpa
    base = est.baseline()
    result = solve(base, est.shock(base, {"INTL_BRDR": 0.0}), _ag_options("conditional"))
    assert len(base.countries) == 69
    mine = result.by_country().set_index("country")["exports_pct"]
    diff = (mine - published.loc[mine.index, "change_Xi_CDL"]).abs()
    assert diff.max() < CDL_EXPORTS_ATOL, diff.idxmax()


def test_agtpa_full_ge_real_gdp(agtpa: tuple[pd.DataFrame, GravityEstimate, pd.DataFrame]) -> None:
    _, est, published = agtpa
    base = est.baseline()
    result = solve(base, est.shock(base, {"INTL_BRDR": 0.0}), _ag_options("full"))
    assert result.converged and result.residual_norm < 1e-12
    frame = result.by_country().set_index("country")
    diff = (frame["real_gdp_pct"] - published.loc[frame.index, "change_rGDP_FULL"]).abs()
    assert diff.max() < FULL_RGDP_WORST, diff.idxmax()
    assert diff.median() < EXACT_RGDP_MEDIAN
    # the exact solution clears every market; the published one is 0.03-0.6 points away from it
    np.testing.assert_allclose(
        result.trade.sum(axis=1) / base.output, result.factory_price_hat, atol=1e-12
    )
    exports = (frame["exports_pct"] - published.loc[frame.index, "change_Xi_FULL"]).abs()
    assert exports.median() < 1.5


def test_agtpa_published_procedure_is_reproduced(
    agtpa: tuple[pd.DataFrame, GravityEstimate, pd.DataFrame],
) -> None:
    data, est, published = agtpa
    countries, observed = pivot_pairs(data.exporter, data.importer, data.trade)
    _, before = pivot_pairs(data.exporter, data.importer, est.cost_index())
    _, after = pivot_pairs(data.exporter, data.importer, est.cost_index(data.assign(INTL_BRDR=0.0)))
    run = agtpa_full_ge(observed, before, after, 7.0, countries.index("DEU"))
    assert run.stopped_by_rule and run.iterations == 6
    pub = published.loc[list(countries)]
    rgdp = np.abs(run.real_gdp_pct - pub["change_rGDP_FULL"].to_numpy())
    assert np.median(rgdp) < FULL_RGDP_MEDIAN and rgdp.max() < FULL_RGDP_WORST
    assert rgdp.max() < 1e-4  # in fact it matches to the published digits
    for column, mine in (
        ("change_price_FULL", run.factory_price_pct),
        ("change_IMR_FULL", run.imr_pct),
        ("change_Xi_FULL", run.exports_pct),
    ):
        np.testing.assert_allclose(mine, pub[column].to_numpy(), atol=1e-3)


@pytest.mark.parametrize(
    ("imbalance", "column"), [("additive", "w_eu"), ("multiplicative", "w_mult")]
)
@pytest.mark.parametrize("method", ["newton", "fixed_point"])
def test_ge_gravity_eu_enlargement_welfare(
    shared: Path, imbalance: str, column: str, method: str
) -> None:
    rows = eu_enlargement_effects(load_wiod44(), beta=0.224249)
    base = baseline_from_frame(rows)
    assert base.n == 44 and int((rows["beta"] > 0).sum()) == 572
    shock = Shock.from_partial_effects(partial_effect_matrix(rows, "beta", base))
    options = GEOptions(theta=4.0, imbalance=imbalance, method=method)  # type: ignore[arg-type]
    result = solve(base, shock, options)
    stata = pd.read_csv(
        shared / "validation/ge_gravity_eu_enlargement_welfare_stata.csv"
    ).set_index("exporter")
    expected = stata.loc[list(base.countries), column].to_numpy()
    np.testing.assert_allclose(result.welfare_hat, expected, atol=WELFARE_RATIO_ATOL, rtol=0)
