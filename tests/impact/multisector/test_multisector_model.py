"""Caliendo-Parro engine on a small synthetic world: identities and equilibrium conditions."""

from __future__ import annotations

import numpy as np
import pytest

from tariffscope.errors import ConvergenceError, InputError, ScenarioError, UnknownCodeError
from tariffscope.impact.gravity import TariffChange
from tariffscope.impact.multisector import CPData, MSOptions, MSShock, prepare_baseline, solve
from tariffscope.impact.multisector.baseline import MSBaseline

ATOL = 1e-9  # trade balances relative to value added


def small_world() -> CPData:
    """Three countries, two tradable sectors and one service sector."""
    rng = np.random.default_rng(3)
    j, n = 3, 3
    flows = np.zeros((j, n, n))
    flows[:2] = rng.uniform(5.0, 20.0, (2, n, n))
    flows[:, np.arange(n), np.arange(n)] = 0.0
    tariffs = np.zeros((j, n, n))
    tariffs[:2] = rng.uniform(0.02, 0.15, (2, n, n))
    tariffs[:, np.arange(n), np.arange(n)] = 0.0
    io = rng.uniform(0.1, 1.0, (n, j, j))
    io /= io.sum(axis=1, keepdims=True)
    return CPData(
        countries=("AAA", "BBB", "CCC"),
        sectors=("goods_a", "goods_b", "nontradable_03"),
        flows=flows,
        tariffs_1993=tariffs,
        tariffs_2005=tariffs * 0.2,
        gross_output=rng.uniform(150.0, 300.0, (j, n)),
        value_added_share=rng.uniform(0.3, 0.6, (j, n)),
        final_shares=np.full((j, n), 1 / 3),
        io=io,
        theta=np.array([5.0, 8.0, 8.22]),
    )


@pytest.fixture(scope="module")
def base() -> MSBaseline:
    return prepare_baseline(small_world())


def test_zero_shock_returns_baseline_with_deficits(base: MSBaseline) -> None:
    """Raw data are not an equilibrium; once re-solved (deficits kept), a zero shock is identity."""
    assert np.abs(base.surplus).max() > 1.0  # the data are unbalanced
    first = solve(base, MSShock.none(base))
    assert first.converged and first.residual_norm < 1e-10
    flows = first.flows.copy()
    output = flows.sum(axis=1)
    flows[:, np.arange(3), np.arange(3)] = 0.0
    rebased = prepare_baseline(small_world(), flows, output, alpha=base.alpha)
    np.testing.assert_allclose(rebased.surplus, base.surplus, rtol=1e-8)
    again = solve(rebased, MSShock.none(rebased))
    np.testing.assert_allclose(again.wage_hat, 1.0, atol=1e-9)
    np.testing.assert_allclose(again.flows, rebased.flows, rtol=1e-7)


def test_zero_surplus_baseline_is_an_equilibrium() -> None:
    from tariffscope.impact.multisector import zero_surplus_baseline

    balanced = zero_surplus_baseline(small_world())
    np.testing.assert_allclose(balanced.surplus, 0.0)
    exports = balanced.flows.sum(axis=1).sum(axis=0)
    imports = balanced.flows.sum(axis=2).sum(axis=0)
    np.testing.assert_allclose(exports, imports, rtol=1e-9)
    result = solve(balanced, MSShock.none(balanced))
    np.testing.assert_allclose(result.wage_hat, 1.0, atol=1e-9)
    np.testing.assert_allclose(result.flows, balanced.flows, rtol=1e-7)
    np.testing.assert_allclose(result.real_income_hat, 1.0, atol=1e-9)
    np.testing.assert_allclose(result.terms_of_trade + result.volume_of_trade, 0.0, atol=1e-9)


def test_tariff_cut_meets_equilibrium_conditions(base: MSBaseline) -> None:
    data = small_world()
    shock = MSShock(data.tariffs_2005, "cut")
    result = solve(base, shock)
    kappa = 1.0 + shock.tariffs
    x, pi = result.expenditure, result.shares
    # trade balance with the baseline surplus, relative to value added
    exports = np.einsum("kmn,km->n", pi / kappa, x)
    imports = (x * (pi / kappa).sum(axis=2)).sum(axis=0)
    np.testing.assert_allclose(
        (exports - imports - base.surplus) / base.value_added, 0.0, atol=ATOL
    )
    # shares sum to one and prices solve the price equation
    np.testing.assert_allclose(pi[:2].sum(axis=2), 1.0, rtol=1e-12)
    theta = base.theta[:, None]
    weighted = base.shares * (kappa / base.kappa) ** (-base.theta[:, None, None])
    price = np.einsum("jni,ji->jn", weighted, result.cost_hat ** (-theta)) ** (-1 / theta)
    np.testing.assert_allclose(result.price_hat, price, rtol=1e-11)
    # numeraire: world value added unchanged
    assert (result.wage_hat * base.value_added).sum() == pytest.approx(
        base.value_added.sum(), rel=1e-12
    )
    # labour market clearing (implied by Walras): w_hat VA = sum_j beta * gross output
    output = result.flows.sum(axis=1)
    np.testing.assert_allclose(
        (base.beta * output).sum(axis=0), result.wage_hat * base.value_added, rtol=1e-8
    )


def test_small_shock_welfare_measures_agree(base: MSBaseline) -> None:
    """The paper's linear decomposition equals the exact real-income change to first order."""
    data = small_world()
    shock = MSShock(base.tariffs + 0.001 * (data.tariffs_2005 - base.tariffs))
    result = solve(base, shock)
    exact = result.real_income_hat - 1.0
    linear = result.terms_of_trade + result.volume_of_trade
    assert np.abs(exact).max() > 1e-7
    np.testing.assert_allclose(linear, exact, atol=1e-2 * np.abs(exact).max())


def test_tariff_changes_by_sector(base: MSBaseline) -> None:
    shock = MSShock.from_tariff_changes(base, [TariffChange("AAA", "BBB", 0.1, 0.3, "goods_b")])
    assert shock.tariffs[1, 0, 1] == pytest.approx(0.3)
    assert shock.tariffs[0, 0, 1] == pytest.approx(base.tariffs[0, 0, 1])
    everywhere = MSShock.from_tariff_changes(base, [TariffChange("AAA", "BBB", 0.1, 0.3)])
    assert everywhere.tariffs[:2, 0, 1] == pytest.approx([0.3, 0.3])
    assert everywhere.tariffs[2, 0, 1] == 0.0
    with pytest.raises(ScenarioError, match="not traded"):
        MSShock.from_tariff_changes(base, [TariffChange("AAA", "BBB", 0, 0.3, "nontradable_03")])
    with pytest.raises(UnknownCodeError, match="sector 'steel'"):
        MSShock.from_tariff_changes(base, [TariffChange("AAA", "BBB", 0, 0.3, "steel")])
    with pytest.raises(UnknownCodeError, match="'USA' is not in the Caliendo-Parro data"):
        MSShock.from_tariff_changes(base, [TariffChange("USA", "BBB", 0, 0.3)])


def test_bad_input(base: MSBaseline) -> None:
    with pytest.raises(InputError, match="shape"):
        solve(base, MSShock(np.zeros((2, 3, 3))))
    with pytest.raises(InputError, match="above -100%"):
        MSShock(np.full((3, 3, 3), -1.5))
    with pytest.raises(InputError, match="tol"):
        MSOptions(tol=1.0)


def test_non_convergence_raises(base: MSBaseline) -> None:
    data = small_world()
    with pytest.raises(ConvergenceError, match="Caliendo-Parro solve stopped"):
        solve(base, MSShock(data.tariffs_2005), MSOptions(max_evaluations=2))
