"""Bargaining solutions over a deal space: closed forms on synthetic economies."""

from __future__ import annotations

import numpy as np
import pytest
from test_deals import symmetric_two, synthetic_three  # the synthetic economies

from tariffscope.errors import InputError
from tariffscope.impact.tradewar.bargaining import (
    disagreement_settings,
    ideal_point,
    kalai_smorodinsky,
    kalai_smorodinsky_refined,
    nash_bargaining_refined,
    optimal_tariff,
    pair_war,
    with_sigma_scaled,
)
from tariffscope.impact.tradewar.deals import (
    DealSpace,
    Evaluator,
    Lever,
    grid_of,
    nash_bargaining,
    pareto_frontier,
    scenario_welfare,
)
from tariffscope.impact.tradewar.icio import purge_imbalances

PAIR = ("AAA", "BBB")
RATES = np.linspace(0.0, 0.4, 9)


def _symmetric_space() -> DealSpace:
    data = symmetric_two()
    la = Lever("A on B", "AAA", "BBB", data.sectors, "additional")
    lb = Lever("B on A", "BBB", "AAA", data.sectors, "additional")
    return DealSpace(data, PAIR, la, lb, disagreement=((la, 0.4), (lb, 0.4)))


@pytest.fixture(scope="module")
def symmetric():
    space = _symmetric_space()
    return space, grid_of(space, RATES, RATES)


def _dominated_by_grid(grid, u: np.ndarray, slack: float) -> bool:
    pays = grid[["payoff_pct_AAA", "payoff_pct_BBB"]].to_numpy()
    return bool(((pays >= u + slack).all(axis=1)).any())


def test_symmetric_nash_bargaining_at_equal_weights_is_symmetric_and_efficient(symmetric) -> None:
    space, grid = symmetric
    deal = nash_bargaining_refined(space, grid, 0.5)
    assert deal["x"] == pytest.approx(deal["y"], abs=1e-4)
    assert deal["payoff_pct_AAA"] == pytest.approx(deal["payoff_pct_BBB"], abs=1e-6)
    u = np.array([deal["payoff_pct_AAA"], deal["payoff_pct_BBB"]])
    assert (u > 0).all()
    # on the frontier: no grid deal is better for both, and the refined deal beats the grid's
    assert not _dominated_by_grid(grid, u, 1e-9)
    on_grid = nash_bargaining(grid, PAIR, 0.5)
    assert np.log(u).sum() >= np.log(on_grid[["payoff_pct_AAA", "payoff_pct_BBB"]]).sum() - 1e-12
    assert pareto_frontier(grid, PAIR)[on_grid.name]


def test_symmetric_kalai_smorodinsky_is_symmetric(symmetric) -> None:
    space, grid = symmetric
    ideal = ideal_point(grid, PAIR)
    assert ideal[0] == pytest.approx(ideal[1], abs=1e-10)
    coarse = kalai_smorodinsky(grid, PAIR)
    assert coarse["x"] == coarse["y"]
    fine = kalai_smorodinsky_refined(space, grid)
    assert fine["x"] == pytest.approx(fine["y"], abs=1e-4)
    assert fine["payoff_pct_AAA"] == pytest.approx(fine["payoff_pct_BBB"], abs=1e-6)
    assert fine["payoff_pct_AAA"] >= coarse["payoff_pct_AAA"] - 1e-12


def test_more_weight_moves_the_refined_deal_towards_that_side(symmetric) -> None:
    space, grid = symmetric
    low = nash_bargaining_refined(space, grid, 0.2)
    high = nash_bargaining_refined(space, grid, 0.8)
    assert high["payoff_pct_AAA"] > low["payoff_pct_AAA"] + 1e-4
    assert high["payoff_pct_BBB"] < low["payoff_pct_BBB"] - 1e-4


def test_a_refined_deal_equals_a_direct_solve_of_its_rates(symmetric) -> None:
    space, grid = symmetric
    deal = nash_bargaining_refined(space, grid, 0.3)
    direct = scenario_welfare(space.data, space.settings(deal["x"], deal["y"]))
    dis = scenario_welfare(space.data, list(space.disagreement))
    expected = 100 * (direct[0] / dis[0] - 1)
    assert deal["payoff_pct_AAA"] == pytest.approx(expected, abs=1e-9)


def test_a_transfer_moves_payoffs_one_for_one_in_dollars() -> None:
    space = _symmetric_space()
    paid = DealSpace(space.data, PAIR, space.x, space.y, space.disagreement, (), 0.5)
    without = Evaluator(space).record(0.1, 0.1)
    with_t = Evaluator(paid).record(0.1, 0.1)
    assert with_t["payoff_usd_bn_AAA"] == pytest.approx(without["payoff_usd_bn_AAA"] + 0.5)
    assert with_t["payoff_usd_bn_BBB"] == pytest.approx(without["payoff_usd_bn_BBB"] - 0.5)
    assert with_t["transfer_usd_bn_BBB"] == -0.5


def test_the_optimal_tariff_is_a_maximum_and_positive() -> None:
    data = purge_imbalances(synthetic_three())
    lever = Lever("A on B", "AAA", "BBB", data.sectors, "additional")
    best = optimal_tariff(data, "AAA", lever)
    assert 0.0 < best.rate < 1.0
    assert best.welfare_change_pct > 0.0
    at = scenario_welfare(data, [(lever, best.rate)])[0]
    for nudge in (-0.02, 0.02):
        assert scenario_welfare(data, [(lever, best.rate + nudge)])[0] < at
    with pytest.raises(InputError, match="lever"):
        optimal_tariff(data, "BBB", lever)


def test_a_symmetric_pair_war_has_equal_rates_each_a_best_response() -> None:
    space = _symmetric_space()
    war = pair_war(space.data, (space.x, space.y))
    assert war.converged
    assert war.rates[0] == pytest.approx(war.rates[1], abs=1e-4)
    assert war.rates[0] > 0.01
    again = optimal_tariff(space.data, "AAA", space.x, [(space.y, war.rates[1])])
    assert again.rate == pytest.approx(war.rates[0], abs=1e-4)


def test_disagreement_points() -> None:
    space = _symmetric_space()
    sq = ((space.x, 0.05),)
    threat = ((space.x, 0.3),)
    assert disagreement_settings("status-quo", sq, threat) == (sq, None)
    assert disagreement_settings("threat", sq, threat)[0] == (*sq, *threat)
    war, rate = disagreement_settings("war", sq, threat, space.y, space.data)
    assert rate is not None and rate > 0.0 and war[-1] == (space.y, rate)
    with pytest.raises(InputError, match="disagreement"):
        disagreement_settings("peace", sq, threat)
    with pytest.raises(InputError, match="retaliation"):
        disagreement_settings("war", sq, threat)


def test_lower_elasticities_raise_the_optimal_tariff() -> None:
    """A smaller trade elasticity makes foreign supply less elastic: a higher optimal tariff."""
    space = _symmetric_space()
    rates = [
        optimal_tariff(with_sigma_scaled(space, f).data, "AAA", space.x).rate
        for f in (0.75, 1.0, 1.25)
    ]
    assert rates[0] > rates[1] > rates[2]


def test_warm_and_cold_grids_agree() -> None:
    space = _symmetric_space()
    warm = grid_of(space, RATES, RATES)
    cold = grid_of(space, RATES, RATES, warm=False)
    np.testing.assert_allclose(warm.to_numpy(), cold.to_numpy(), atol=1e-10)


@pytest.mark.issue(12)
@pytest.mark.parametrize("weight", [0.3, 0.5, 0.8])
def test_the_numpy_nelder_mead_agrees_with_scipys(symmetric, weight: float) -> None:
    """The brief refines with the NumPy transcription (no scipy.optimize import): the same
    deals as SciPy's Nelder-Mead, Nash and Kalai-Smorodinsky alike."""
    space, grid = symmetric
    for solve in (
        lambda method: nash_bargaining_refined(space, grid, weight, method=method),
        lambda method: kalai_smorodinsky_refined(space, grid, method=method),
    ):
        ours, theirs = solve("numpy"), solve("scipy")
        assert ours["x"] == pytest.approx(theirs["x"], abs=1e-5)
        assert ours["y"] == pytest.approx(theirs["y"], abs=1e-5)
        assert ours["payoff_pct_AAA"] == pytest.approx(theirs["payoff_pct_AAA"], abs=1e-9)


@pytest.mark.issue(12)
def test_an_unknown_refinement_is_refused(symmetric) -> None:
    space, grid = symmetric
    with pytest.raises(InputError, match="unknown refinement"):
        nash_bargaining_refined(space, grid, 0.5, method="simplex")  # type: ignore[arg-type]
