"""PPML estimation on synthetic gravity data with known coefficients."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tariffscope.errors import DataFileError
from tariffscope.impact.gravity import GEOptions, estimate_ppml, solve
from tariffscope.impact.gravity.equations import multilateral_resistances, structural_flows


@pytest.fixture(scope="module")
def synthetic() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = 12
    codes = [f"C{k:02d}" for k in range(n)]
    dist = rng.uniform(1.0, 3.0, (n, n))
    dist = (dist + dist.T) / 2
    border = 1.0 - np.eye(n)
    exp_fe, imp_fe = rng.normal(0, 0.5, n), rng.normal(0, 0.5, n)
    mean = np.exp(exp_fe[:, None] + imp_fe[None, :] - 0.8 * np.log(dist) - 2.0 * border) * 1000
    return pd.DataFrame(
        {
            "exporter": np.repeat(codes, n),
            "importer": np.tile(codes, n),
            "trade": mean.reshape(-1),
            "ln_dist": np.log(dist).reshape(-1),
            "border": border.reshape(-1),
        }
    )


def test_ppml_recovers_coefficients(synthetic: pd.DataFrame) -> None:
    est = estimate_ppml(synthetic, ["ln_dist", "border"])
    assert est.coefficients["ln_dist"] == pytest.approx(-0.8, abs=1e-6)
    assert est.coefficients["border"] == pytest.approx(-2.0, abs=1e-6)
    np.testing.assert_allclose(est.data["fitted"], synthetic["trade"], rtol=1e-6)


def test_fitted_flows_satisfy_the_mr_equations(synthetic: pd.DataFrame) -> None:
    est = estimate_ppml(synthetic, ["ln_dist", "border"])
    base = est.baseline()
    from tariffscope.impact.gravity.baseline import pivot_pairs

    _, costs = pivot_pairs(est.data.exporter, est.data.importer, est.cost_index())
    omr, imr, it = multilateral_resistances(costs, base.output, base.spending, reference=0)
    assert it < 100_000 and imr[0] == pytest.approx(1.0)
    rebuilt = structural_flows(base.output, base.spending, costs, omr, imr)
    np.testing.assert_allclose(rebuilt, base.trade, rtol=1e-6)


def test_covariate_shock_equals_partial_effect(synthetic: pd.DataFrame) -> None:
    est = estimate_ppml(synthetic, ["ln_dist", "border"])
    base = est.baseline()
    shock = est.shock(base, {"border": 0.0})
    off = ~np.eye(base.n, dtype=bool)
    np.testing.assert_allclose(shock.flow_factor[off], np.exp(-est.coefficients["border"]))
    np.testing.assert_allclose(np.diagonal(shock.flow_factor), 1.0)
    result = solve(base, shock, GEOptions(theta=5.0))
    assert np.all(result.exports_hat > 1.0)
    with pytest.raises(DataFileError, match="'tariff' is not in the model"):
        est.shock(base, {"tariff": 0.0})


def test_bad_estimation_input(synthetic: pd.DataFrame) -> None:
    with pytest.raises(DataFileError, match="no column 'distance'"):
        estimate_ppml(synthetic, ["distance"])
    negative = synthetic.assign(trade=synthetic.trade.where(synthetic.index != 3, -1.0))
    with pytest.raises(DataFileError, match="negative flows"):
        estimate_ppml(negative, ["ln_dist"])
