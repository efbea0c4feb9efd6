"""One-sector GE: closed-form cases, equilibrium conditions, solver behaviour (no shared data)."""

from __future__ import annotations

import numpy as np
import pytest

from tariffscope.errors import ConvergenceError, InputError
from tariffscope.impact.gravity import Baseline, GEOptions, Shock, solve
from tariffscope.impact.gravity.equations import evaluate, excess_demand_jacobian
from tariffscope.impact.gravity.solve import model_arrays

ATOL = 1e-9  # equilibrium conditions, relative to output
RTOL = 1e-8  # agreement between solvers

FLOWS = np.array(
    [
        [500.0, 40.0, 25.0, 10.0],
        [30.0, 300.0, 15.0, 20.0],
        [20.0, 35.0, 250.0, 5.0],
        [15.0, 10.0, 30.0, 120.0],
    ]
)
COUNTRIES = ("AAA", "BBB", "CCC", "DDD")


@pytest.fixture
def base() -> Baseline:
    return Baseline(COUNTRIES, FLOWS, unit="test units")


@pytest.fixture
def agreement(base: Baseline) -> Shock:
    return Shock.for_pairs(base, [("AAA", "BBB"), ("BBB", "AAA")], 0.5, "A-B agreement")


ALL_OPTIONS = [
    GEOptions(theta=4.0),
    GEOptions(theta=4.0, imbalance="multiplicative"),
    GEOptions(theta=6.0, numeraire="reference_price_index", reference="CCC"),
    GEOptions(theta=6.0, numeraire="reference_factory_price", reference="DDD"),
    GEOptions(theta=5.0, kind="conditional"),
    GEOptions(theta=5.0, kind="conditional", imbalance="multiplicative", method="fixed_point"),
    GEOptions(theta=4.0, method="fixed_point"),
]


@pytest.mark.parametrize(
    "options", ALL_OPTIONS, ids=lambda o: f"{o.kind}-{o.imbalance}-{o.numeraire}-{o.method}"
)
def test_zero_shock_returns_baseline(base: Baseline, options: GEOptions) -> None:
    result = solve(base, Shock.none(base.n), options)
    assert result.converged
    np.testing.assert_allclose(result.trade, base.trade, rtol=1e-10)
    np.testing.assert_allclose(result.real_gdp_hat, 1.0, atol=1e-10)
    np.testing.assert_allclose(result.welfare_hat, 1.0, atol=1e-10)
    np.testing.assert_allclose(result.price_index_hat, 1.0, atol=1e-10)


def test_zero_shock_with_baseline_tariffs_returns_baseline(base: Baseline) -> None:
    tariffs = np.full((4, 4), 0.1)
    np.fill_diagonal(tariffs, 0.0)
    taxed = base.with_tariffs(tariffs)
    result = solve(taxed, Shock.none(4), GEOptions(theta=4.0))
    np.testing.assert_allclose(result.trade, base.trade, rtol=1e-10)
    np.testing.assert_allclose(result.welfare_hat, 1.0, atol=1e-10)


@pytest.mark.parametrize("options", ALL_OPTIONS[:4], ids=lambda o: f"{o.imbalance}-{o.numeraire}")
def test_full_ge_clears_markets_and_meets_numeraire(
    base: Baseline, agreement: Shock, options: GEOptions
) -> None:
    result = solve(base, agreement, options)
    w = result.factory_price_hat
    # market clearing: every country's sales equal its new output
    np.testing.assert_allclose(result.trade.sum(axis=1) / base.output, w, atol=ATOL)
    # inward MR: P_hat^-theta = sum_i lambda_ij f_ij w_i^-theta
    phi = (base.shares * agreement.flow_factor).T @ w ** (-options.theta)
    np.testing.assert_allclose(result.price_index_hat, phi ** (-1.0 / options.theta), rtol=1e-12)
    # spending adds up to world output (Walras)
    assert result.trade.sum() == pytest.approx((base.output * w).sum(), rel=1e-12)
    if options.numeraire == "world_output":
        assert (base.output * w).sum() == pytest.approx(base.output.sum(), rel=1e-12)
    elif options.numeraire == "reference_price_index":
        assert result.price_index_hat[base.index("CCC")] == pytest.approx(1.0, abs=1e-12)
    else:
        assert w[base.index("DDD")] == pytest.approx(1.0, abs=1e-12)
    if options.imbalance == "additive":
        # deficits unchanged in units of the numeraire
        deficit = result.trade.sum(axis=0) - result.trade.sum(axis=1)
        np.testing.assert_allclose(deficit, base.deficit, atol=ATOL * base.output.max())


def test_conditional_ge_keeps_output_and_expenditure(base: Baseline, agreement: Shock) -> None:
    result = solve(base, agreement, GEOptions(theta=5.0, kind="conditional"))
    np.testing.assert_allclose(result.trade.sum(axis=1), base.output, rtol=ATOL)
    np.testing.assert_allclose(result.trade.sum(axis=0), base.spending, rtol=ATOL)
    np.testing.assert_allclose(result.factory_price_hat, 1.0)
    assert result.exports_hat[base.index("AAA")] > 1.0


def test_acr_formula_holds(base: Baseline, agreement: Shock) -> None:
    """Arkolakis-Costinot-Rodriguez-Clare: real income = (domestic share hat)^(-1/theta)."""
    theta = 4.0
    result = solve(base, agreement, GEOptions(theta=theta, imbalance="multiplicative"))
    new_shares = result.trade / result.trade.sum(axis=0, keepdims=True)
    own = np.diagonal(new_shares) / np.diagonal(base.shares)
    np.testing.assert_allclose(result.real_gdp_hat, own ** (-1.0 / theta), rtol=1e-10)


def test_symmetric_world_has_no_price_change() -> None:
    flows = np.full((3, 3), 10.0) + np.eye(3) * 90.0
    sym = Baseline(("X", "Y", "Z"), flows)
    uniform = Shock(np.where(np.eye(3) == 1, 1.0, 1.3))
    result = solve(sym, uniform, GEOptions(theta=4.0))
    np.testing.assert_allclose(result.factory_price_hat, 1.0, atol=1e-12)
    assert np.all(result.welfare_hat > 1.0)


def test_newton_and_fixed_point_agree(base: Baseline, agreement: Shock) -> None:
    for kind in ("full", "conditional"):
        a = solve(base, agreement, GEOptions(theta=4.0, kind=kind))
        b = solve(base, agreement, GEOptions(theta=4.0, kind=kind, method="fixed_point"))
        np.testing.assert_allclose(a.trade, b.trade, rtol=RTOL)
        np.testing.assert_allclose(a.welfare_hat, b.welfare_hat, rtol=RTOL)
        assert a.iterations < b.iterations


@pytest.mark.parametrize("imbalance", ["additive", "multiplicative"])
@pytest.mark.parametrize("kind", ["full", "conditional"])
def test_jacobian_matches_finite_differences(base: Baseline, imbalance: str, kind: str) -> None:
    tariffs = np.full((4, 4), 0.05)
    np.fill_diagonal(tariffs, 0.0)
    new = tariffs.copy()
    new[0, 1] = 0.25
    shock = Shock(np.exp(0.2 * (1 - np.eye(4))), new)
    options = GEOptions(theta=4.0, imbalance=imbalance, kind=kind)  # type: ignore[arg-type]
    m = model_arrays(base.with_tariffs(tariffs), shock, options)
    u = np.array([0.03, -0.02, 0.01, 0.04])
    jac = excess_demand_jacobian(m, evaluate(m, np.exp(u)))
    step = 1e-6
    numeric = np.empty_like(jac)
    for k in range(4):
        up, down = u.copy(), u.copy()
        up[k] += step
        down[k] -= step
        numeric[:, k] = (evaluate(m, np.exp(up)).excess - evaluate(m, np.exp(down)).excess) / (
            2 * step
        )
    np.testing.assert_allclose(jac, numeric, atol=1e-7)


def test_tariff_increase_raises_revenue_and_cuts_imports(base: Baseline) -> None:
    new = np.zeros((4, 4))
    new[base.index("BBB"), base.index("AAA")] = 0.25  # AAA taxes imports from BBB
    result = solve(base, Shock(np.ones((4, 4)), new), GEOptions(theta=4.0))
    i, j = base.index("BBB"), base.index("AAA")
    assert result.trade[i, j] < base.trade[i, j]
    # expenditure includes the rebated revenue: gross spending - customs value = revenue
    gross = (1 + new) * result.trade
    revenue = gross.sum(axis=0) - result.trade.sum(axis=0)
    assert revenue[j] == pytest.approx(0.25 * result.trade[i, j], rel=1e-12)
    np.testing.assert_allclose(
        result.trade.sum(axis=1) / base.output, result.factory_price_hat, atol=ATOL
    )


def test_by_country_and_by_pair_frames(base: Baseline, agreement: Shock) -> None:
    result = solve(base, agreement, GEOptions(theta=4.0))
    frame = result.by_country()
    assert list(frame["country"]) == list(COUNTRIES)
    assert frame.attrs["unit"] == "test units"
    np.testing.assert_allclose(frame["welfare_pct"], 100 * (result.welfare_hat - 1))
    pairs = result.by_pair()
    assert len(pairs) == 16
    row = pairs[(pairs.exporter == "AAA") & (pairs.importer == "BBB")].iloc[0]
    assert row.trade_new == pytest.approx(result.trade[0, 1])
    assert result.diagnostics()["converged"] is True


def test_non_convergence_raises(base: Baseline, agreement: Shock) -> None:
    with pytest.raises(ConvergenceError, match="stopped after 1 iterations"):
        solve(base, agreement, GEOptions(theta=4.0, method="fixed_point", max_iter=1))
    result = solve(
        base,
        agreement,
        GEOptions(theta=4.0, method="fixed_point", max_iter=1, raise_on_failure=False),
    )
    assert not result.converged
    assert result.residual_norm > 1e-12


def test_impossible_expenditure_raises() -> None:
    # BBB's deficit is AAA's surplus: AAA's fixed surplus exceeds its income once its price falls
    flows = np.array([[100.0, 900.0], [1.0, 10.0]])
    base = Baseline(("AAA", "BBB"), flows)
    shock = Shock(np.array([[1.0, 1e-6], [1.0, 1.0]]))
    with pytest.raises(ConvergenceError, match="expenditure of AAA would be negative"):
        solve(base, shock, GEOptions(theta=4.0))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"theta": -1.0},
        {"theta": 4.0, "method": "bisection"},
        {"theta": 4.0, "imbalance": "none"},
        {"theta": 4.0, "numeraire": "reference_price_index"},
        {"theta": 4.0, "tol": 0.5},
    ],
)
def test_bad_options_are_input_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(InputError):
        GEOptions(**kwargs)  # type: ignore[arg-type]


def test_shock_of_wrong_size_is_an_input_error(base: Baseline) -> None:
    with pytest.raises(InputError, match="shock is for 3 countries"):
        solve(base, Shock.none(3), GEOptions(theta=4.0))
