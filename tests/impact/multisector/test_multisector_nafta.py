"""Caliendo and Parro (2015): NAFTA's tariff reductions on the authors' replication data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tariffscope.impact.multisector import (
    MSBaseline,
    MSResult,
    MSShock,
    load_cp_data,
    prepare_baseline,
    solve,
    zero_surplus_baseline,
)

pytestmark = [pytest.mark.shared, pytest.mark.reference]

# Published headline (CP 2015, abstract and Table 2): welfare in percent, within 0.02 points
WELFARE = {"MEX": 1.31, "USA": 0.08, "CAN": -0.06}
WELFARE_ATOL = 0.02
# Intra-bloc trade growth (imports from the other members, Table 5), within 5 points
BLOC_TRADE = {"MEX": 118.0, "CAN": 11.0, "USA": 41.0}
BLOC_ATOL = 5.0


@pytest.fixture(scope="module")
def nafta(shared: Path) -> tuple[MSBaseline, MSResult]:
    data = load_cp_data()
    base = zero_surplus_baseline(data)
    return base, solve(base, MSShock.nafta(base, data.tariffs_2005))


def test_final_shares_match_the_authors(shared: Path) -> None:
    data = load_cp_data()
    np.testing.assert_allclose(prepare_baseline(data).alpha, data.final_shares, atol=1e-9)


def test_welfare_headline(nafta: tuple[MSBaseline, MSResult]) -> None:
    _, result = nafta
    frame = result.by_country().set_index("country")
    for code, value in WELFARE.items():
        assert frame.loc[code, "welfare_cp_pct"] == pytest.approx(value, abs=WELFARE_ATOL), code
    # the decomposition of Table 2: ToT and VoT for Mexico (-0.41 and 1.72)
    assert frame.loc["MEX", "tot_pct"] == pytest.approx(-0.41, abs=0.01)
    assert frame.loc["MEX", "vot_pct"] == pytest.approx(1.72, abs=0.01)


def test_intra_bloc_trade(nafta: tuple[MSBaseline, MSResult]) -> None:
    _, result = nafta
    growth = result.bloc_imports_pct(["MEX", "CAN", "USA"])
    for code, value in BLOC_TRADE.items():
        assert growth[code] == pytest.approx(value, abs=BLOC_ATOL), code


def test_equilibrium_conditions(nafta: tuple[MSBaseline, MSResult]) -> None:
    base, result = nafta
    assert result.converged and result.residual_norm < 1e-10
    sales = result.flows.sum(axis=1).sum(axis=0)
    purchases = result.flows.sum(axis=2).sum(axis=0)
    np.testing.assert_allclose((sales - purchases) / base.value_added, 0.0, atol=1e-9)
    assert (result.wage_hat * base.value_added).sum() == pytest.approx(base.value_added.sum())
    outside = [k for k, code in enumerate(base.countries) if code not in ("CAN", "MEX", "USA")]
    np.testing.assert_array_equal(result.shock.tariffs[:, outside, :], base.tariffs[:, outside, :])
