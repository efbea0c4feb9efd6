"""Closed-form and internal-consistency checks of the trade-war engine on synthetic economies."""

from __future__ import annotations

import numpy as np
import pytest

from tariffscope.errors import InputError
from tariffscope.impact.tradewar import equilibrium as eq
from tariffscope.impact.tradewar.baseline import shares
from tariffscope.impact.tradewar.cooperative import (
    _mask,
    cooperative_tariffs,
    log_welfare_and_jacobian,
)
from tariffscope.impact.tradewar.data import TradeWarData
from tariffscope.impact.tradewar.nash import nash_tariffs
from tariffscope.impact.tradewar.optimal import best_response, log_government_welfare
from tariffscope.impact.tradewar.ties import NOISE, TIE_TOL, lowest_ties
from tariffscope.impact.tradewar.welfare import government_welfare_hat, welfare_hat


def synthetic_economy(n: int = 3, s: int = 2, seed: int = 0) -> TradeWarData:
    """A synthetic balanced economy (symmetric trade, so net exports are zero)."""
    rng = np.random.default_rng(seed)
    trade = rng.uniform(1.0, 10.0, size=(n, n, s))
    trade = trade + trade.transpose(1, 0, 2)
    trade[np.arange(n), np.arange(n), :] *= 10.0  # home bias
    tariffs = rng.uniform(0.0, 0.2, size=(n, n, s))
    tariffs[np.arange(n), np.arange(n), :] = 0.0
    return TradeWarData(
        regions=tuple(f"R{k}" for k in range(n)),
        sectors=tuple(f"S{k}" for k in range(s)),
        trade=trade,
        tariffs=tariffs,
        sigma=np.linspace(2.5, 6.0, s),
        lambda_pol=rng.uniform(0.5, 1.5, size=(n, s)),
    )


def _welfare(data: TradeWarData, new_tariffs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    sh = shares(data)
    sol = eq.solve(sh, new_tariffs)
    p = eq.parts(sh, sol.wage_hat, sol.expenditure_hat, new_tariffs)
    return welfare_hat(sh, sol.expenditure_hat, p), government_welfare_hat(
        sh, p, new_tariffs, data.lambda_pol
    )


def test_zero_change_gives_zero_welfare_change() -> None:
    data = synthetic_economy()
    welfare, government = _welfare(data, data.tariffs)
    np.testing.assert_allclose(welfare, 1.0, atol=1e-12)
    np.testing.assert_allclose(government, 1.0, atol=1e-12)


def test_a_tariff_rise_moves_welfare_and_unit_weights_make_government_welfare_welfare() -> None:
    data = synthetic_economy()
    new = data.tariffs.copy()
    new[1, 0, :] += 0.3
    sh = shares(data)
    sol = eq.solve(sh, new)
    p = eq.parts(sh, sol.wage_hat, sol.expenditure_hat, new)
    welfare = welfare_hat(sh, sol.expenditure_hat, p)
    assert welfare[1] < 1.0  # the exporter facing the tariff loses
    assert np.max(np.abs(welfare - 1.0)) > 1e-4
    government = government_welfare_hat(sh, p, new, np.ones((3, 2)))
    np.testing.assert_allclose(government, welfare, rtol=1e-12)
    np.testing.assert_allclose(eq.residual(sh, sol.y, new), 0.0, atol=1e-11)


def test_complex_step_jacobian_matches_finite_differences() -> None:
    data = synthetic_economy()
    sh = shares(data)
    y = np.linspace(0.95, 1.05, 2 * sh.n)
    jac = eq.jacobian_y(sh, y, data.tariffs)
    h = 1e-6
    fd = np.column_stack(
        [
            (eq.residual(sh, y + h * e, data.tariffs) - eq.residual(sh, y - h * e, data.tariffs))
            / (2 * h)
            for e in np.eye(2 * sh.n)
        ]
    )
    np.testing.assert_allclose(jac, fd, atol=1e-7)


def test_best_response_is_a_local_maximum_of_solved_government_welfare() -> None:
    data = synthetic_economy()
    sh = shares(data)
    br = best_response(sh, 0, data.tariffs, data.lambda_pol)
    assert br.converged
    base = float(log_government_welfare(sh, br.y, br.tariffs, data.lambda_pol)[0])
    rng = np.random.default_rng(1)
    for _ in range(5):
        trial = br.tariffs.copy()
        trial[1:, 0, :] = np.maximum(trial[1:, 0, :] + rng.normal(0, 0.02, size=(2, 2)), 0.0)
        y = eq.solve(sh, trial).y
        assert float(log_government_welfare(sh, y, trial, data.lambda_pol)[0]) <= base + 1e-12


def armington_two_country(home_share: float, sigma: float) -> TradeWarData:
    """One industry, two countries with balanced trade: the Armington special case.

    ``home_share`` is Home's share of the two domestic markets; 0.5 makes mirror images."""
    foreign_size = 1.0 / home_share - 1.0
    trade = np.array([[[5.0], [1.0]], [[1.0], [5.0 * foreign_size]]])
    return TradeWarData(
        regions=("Home", "Foreign"),
        sectors=("goods",),
        trade=trade,
        tariffs=np.zeros((2, 2, 1)),
        sigma=np.array([sigma]),
        lambda_pol=np.ones((2, 1)),
    )


@pytest.mark.parametrize(("home_share", "sigma"), [(0.5, 5.0), (0.2, 3.0), (0.8, 4.0)])
def test_one_sector_optimal_tariff_is_the_inverse_export_supply_elasticity(
    home_share: float, sigma: float
) -> None:
    """Costinot and Rodríguez-Clare (2014, Handbook vol. 4, ch. 4, section 4.1): with one
    sector, ``t* = 1 / (epsilon lambda'_FF)``, epsilon = sigma - 1 the trade elasticity and
    ``lambda'_FF`` Foreign's own-spending share at the optimum (Foreign's tariff zero)."""
    data = armington_two_country(home_share, sigma)
    sh = shares(data)
    br = best_response(sh, 0, data.tariffs, data.lambda_pol, start=np.array([[0.1]]))
    tariff = br.tariffs[1, 0, 0]
    p = eq.parts(sh, br.y[:2], br.y[2:], br.tariffs)
    flows = sh.trade * p.trade_hat * (1.0 + br.tariffs)
    foreign_own_share = flows[1, 1, 0] / flows[:, 1, 0].sum()
    closed_form = 1.0 / ((sigma - 1.0) * foreign_own_share)
    assert tariff == pytest.approx(closed_form, abs=1e-6)
    assert tariff > 1.0 / (sigma - 1.0)  # a large Foreign market would give 1/epsilon


def test_nash_tariffs_of_mirror_image_countries_are_equal() -> None:
    data = armington_two_country(0.5, 4.0)  # Home and Foreign mirror each other
    sh = shares(data)
    nash = nash_tariffs(sh, data.lambda_pol, np.full((2, 2, 1), 0.2))
    assert nash.converged
    assert nash.tariffs[1, 0, 0] == pytest.approx(nash.tariffs[0, 1, 0], abs=1e-6)
    assert nash.tariffs[1, 0, 0] > 0.0


def test_bad_shapes_are_refused() -> None:
    data = synthetic_economy()
    with pytest.raises(InputError, match="sigma"):
        TradeWarData(
            regions=data.regions,
            sectors=data.sectors,
            trade=data.trade,
            tariffs=data.tariffs,
            sigma=np.array([0.5, 2.0]),
            lambda_pol=data.lambda_pol,
        )


def test_talks_from_a_symmetric_trade_war_end_in_free_trade_with_equal_gains() -> None:
    """With one industry and mirror-image countries, free trade is efficient and symmetric, so
    the cooperative tariffs from the Nash equilibrium are zero and each government gains back
    exactly what the war cost it."""
    data = armington_two_country(0.5, 4.0)
    sh = shares(data)
    nash = nash_tariffs(sh, data.lambda_pol, np.full((2, 2, 1), 0.2))
    at_war, _, _ = log_welfare_and_jacobian(sh, nash.tariffs, data.lambda_pol)
    assert at_war[0] < -1e-3
    talks = cooperative_tariffs(sh, data.lambda_pol, at_war, nash.tariffs)
    assert talks.converged
    np.testing.assert_allclose(talks.tariffs, 0.0, atol=1e-6)
    assert talks.common_gain_pct == pytest.approx(100 * (np.exp(-at_war[0]) - 1), abs=1e-6)


def test_talks_from_factual_tariffs_raise_every_government_equally() -> None:
    data = synthetic_economy()
    sh = shares(data)
    talks = cooperative_tariffs(sh, data.lambda_pol, np.zeros(3), data.tariffs)
    assert talks.converged
    assert talks.common_gain_pct > 0.1
    np.testing.assert_allclose(
        100 * (talks.government_welfare_hat - 1), talks.common_gain_pct, atol=1e-7
    )
    assert (talks.tariffs >= -1e-12).all()


def test_talks_end_on_the_frontier_where_the_pareto_weighted_gain_is_stationary() -> None:
    """Efficiency (first-order): at the cooperative tariffs no tariff change within the bounds
    raises the Pareto-weighted sum of the gains, and the weights are positive and sum to one."""
    data = synthetic_economy(n=3, s=3, seed=4)
    sh = shares(data)
    talks = cooperative_tariffs(sh, data.lambda_pol, np.zeros(3), data.tariffs)
    assert talks.converged
    assert talks.pareto_weights.sum() == pytest.approx(1.0, abs=1e-9)
    assert (talks.pareto_weights > 0).all()
    _, jac, _ = log_welfare_and_jacobian(sh, talks.tariffs, data.lambda_pol)
    gradient = talks.pareto_weights @ jac  # in the order of cooperative._mask
    t = talks.tariffs[_mask(3, 3)]
    interior = t > 1e-8
    assert interior.any()
    np.testing.assert_allclose(gradient[interior], 0.0, atol=1e-6)
    # At the zero bound only a (forbidden) subsidy could raise the weighted gain.
    assert (gradient[~interior] <= 1e-6).all()


@pytest.mark.issue(12)
def test_talks_from_a_common_search_start_depend_on_the_starting_point_only_by_welfare() -> None:
    """Two starting points that differ only in a tariff on a flow that does not exist have the
    same government welfare; talks searched from free trade (Ossa's convention, the option
    ``search_from``) give the same cooperative tariffs from both. (Searched from each starting
    point's own tariffs, the default, the tariff on the missing flow stays where it started.)"""
    from tariffscope.impact.tradewar.tables import talks, talks_guess

    data = synthetic_economy(n=3, s=2, seed=2)
    trade = data.trade.copy()
    trade[0, 1, 0] = trade[1, 0, 0] = 0.0  # keeps trade symmetric, so balanced
    data = TradeWarData(
        data.regions, data.sectors, trade, data.tariffs, data.sigma, data.lambda_pol
    )
    sh = shares(data)
    prohibitive = data.tariffs.copy()
    prohibitive[0, 1, 0] = 5.0
    free = talks_guess(sh)
    one = talks(sh, data.lambda_pol, data.tariffs, search_from=free)
    other = talks(sh, data.lambda_pol, prohibitive, search_from=free)
    assert one.converged and other.converged
    np.testing.assert_allclose(one.tariffs, other.tariffs, atol=1e-12)
    assert one.common_gain_pct > 0.1
    own = talks(sh, data.lambda_pol, prohibitive)
    assert own.tariffs[0, 1, 0] > 4.0
    assert own.common_gain_pct == pytest.approx(other.common_gain_pct, abs=1e-6)


def test_lowest_ties_takes_the_lower_end_of_a_plateau_and_keeps_a_strict_optimum() -> None:
    """Coordinate 0 is flat above 2 (a choked flow), coordinate 1 has a strict optimum at 1."""

    def objective(v: np.ndarray) -> float:
        return float(-(max(2.0 - v[0], 0.0) ** 2) - (v[1] - 1.0) ** 2)

    low = lowest_ties(objective, np.array([7.0, 1.0]), 0.0, tol=1e-12)
    assert low.values[0] == pytest.approx(2.0, abs=1e-3)
    assert low.values[1] == pytest.approx(1.0, abs=1e-5)
    assert low.objective >= low.best - 1e-12
    assert low.moved == 1


def test_a_plateau_is_left_after_earlier_ties_used_up_the_tolerance() -> None:
    """Coordinate 0 has a step down of just under the tolerance: lowering it to the step's
    lower end uses up the budget. Coordinate 1 is on a plateau (flat above 2) with evaluation
    noise of 1e-15: each step on it can look like a loss of 1e-15, which the spent budget
    would refuse, so it must move as a lossless step. (In Ossa's Panel B, India's tariff on
    Brazilian dairy stayed at 973% so before lossless steps were accepted.)"""

    def objective(v: np.ndarray) -> float:
        step = 0.0 if v[0] >= 0.5 else (-(1e-12 - 1e-16) if v[0] >= 0.2 else -1.0)
        noise = 1e-15 * (1.0 + np.sin(1e4 * v[1])) / 2.0
        return float(step - max(2.0 - v[1], 0.0) ** 2 - noise)

    low = lowest_ties(objective, np.array([1.0, 7.0]), 0.0, tol=1e-12)
    assert low.values[0] == pytest.approx(0.2, abs=1e-3)  # the budget went to coordinate 0
    assert low.values[1] == pytest.approx(2.0, abs=1e-3)
    assert low.objective >= low.best - 1e-12 - 2 * NOISE


@pytest.mark.issue(12)
def test_best_response_picks_the_lowest_tariff_that_chokes_a_tiny_flow() -> None:
    """A flow of ~1e-10 of spending, started at the 1000% bound where it is choked: welfare is
    flat in its tariff there, so a local search stays where it starts. The tie-break lowers
    the tariff to the lowest one whose government welfare is within the tolerance of the best
    (here the lower end of a range of tied tariffs around the flow's interior optimum)."""
    data = synthetic_economy(n=3, s=2, seed=3)
    trade = data.trade.copy()
    trade[1, 0, 1] = trade[0, 1, 1] = 1e-8  # symmetric, so trade stays balanced
    data = TradeWarData(
        data.regions, data.sectors, trade, data.tariffs, data.sigma, data.lambda_pol
    )
    sh = shares(data)
    start = np.array([[0.2, 10.0], [0.2, 0.2]])  # region 0's tariffs on regions 1 and 2
    stuck = best_response(sh, 0, data.tariffs, data.lambda_pol, start=start, tie_tol=None)
    assert stuck.tariffs[1, 0, 1] > 5.0  # the plateau: the search does not leave it
    br = best_response(sh, 0, data.tariffs, data.lambda_pol, start=start)
    assert br.tariffs[1, 0, 1] < 5.0

    def value(tariff: float) -> float:
        t = br.tariffs.copy()
        t[1, 0, 1] = tariff
        y = eq.solve(sh, t, tol=1e-14).y
        return float(log_government_welfare(sh, y, t, data.lambda_pol)[0])

    grid = np.linspace(0.0, 10.0, 1001)
    values = np.array([value(x) for x in grid])
    ties = grid[values >= values.max() - TIE_TOL]
    assert ties.max() > ties.min() + 0.1 and ties.min() > 0.0  # a range, not a point
    assert br.tariffs[1, 0, 1] == pytest.approx(ties.min(), abs=0.011)
    assert np.log(br.government_welfare_hat) >= values.max() - TIE_TOL - 1e-14


def test_a_failed_line_search_at_the_gradients_precision_counts_as_converged() -> None:
    from scipy.optimize import OptimizeResult

    from tariffscope.impact.tradewar.optimal import _at_precision_floor

    lower, upper = np.zeros(3), np.full(3, 10.0)

    def stopped(x: list[float], g: list[float]) -> OptimizeResult:
        return OptimizeResult(x=np.array(x), jac=np.array(g), success=False, message="ABNORMAL: ")

    # the largest free gradient 1.5e-10; the 1e-3 one pushes against the zero bound
    assert _at_precision_floor(
        stopped([0.0, 1.0, 2.0], [1e-3, 1.5e-10, -1e-11]), lower, upper
    ).success
    assert not _at_precision_floor(stopped([0.5, 1.0, 2.0], [1e-3, 0.0, 0.0]), lower, upper).success
    other = OptimizeResult(x=np.ones(3), jac=np.zeros(3), success=False, message="STOP: TOTAL NO.")
    assert not _at_precision_floor(other, lower, upper).success
