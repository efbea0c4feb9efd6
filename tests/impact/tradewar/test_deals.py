"""The deal space: payoff grids against a disagreement point, on synthetic and ICIO economies."""

from __future__ import annotations

import numpy as np
import pytest

from tariffscope.errors import InputError
from tariffscope.impact.tradewar.data import TradeWarData
from tariffscope.impact.tradewar.deals import (
    Lever,
    acceptable,
    apply_levers,
    nash_bargaining,
    nash_bargaining_sweep,
    pareto_frontier,
    payoff_grid,
    scenario_welfare,
)
from tariffscope.impact.tradewar.icio import aggregate_pair, purge_imbalances

RATES = [0.0, 0.1, 0.25, 0.4]


def synthetic_three(seed: int = 1) -> TradeWarData:
    """Synthetic, unbalanced 3-country x 3-sector economy (purged before use)."""
    rng = np.random.default_rng(seed)
    trade = rng.uniform(1.0, 10.0, size=(3, 3, 3))
    trade[np.arange(3), np.arange(3), :] *= 20.0
    tariffs = rng.uniform(0.0, 0.15, size=(3, 3, 3))
    tariffs[np.arange(3), np.arange(3), :] = 0.0
    return TradeWarData(
        regions=("AAA", "BBB", "CCC"),
        sectors=("g1", "g2", "g3"),
        trade=trade,
        tariffs=tariffs,
        sigma=np.array([3.0, 5.0, 8.0]),
        lambda_pol=np.ones((3, 3)),
    )


def symmetric_two() -> TradeWarData:
    """Synthetic mirror-image two-country, two-sector economy."""
    trade = np.array([[[50.0, 80.0], [6.0, 9.0]], [[6.0, 9.0], [50.0, 80.0]]])
    tariffs = np.array([[[0.0, 0.0], [0.04, 0.08]], [[0.04, 0.08], [0.0, 0.0]]])
    return TradeWarData(
        regions=("AAA", "BBB"),
        sectors=("g1", "g2"),
        trade=trade,
        tariffs=tariffs,
        sigma=np.array([4.0, 6.0]),
        lambda_pol=np.ones((2, 2)),
    )


def _levers(data: TradeWarData, a: str, b: str) -> tuple[Lever, Lever]:
    return (
        Lever(f"{a} on {b}", a, b, data.sectors, "inclusive"),
        Lever(f"{b} on {a}", b, a, data.sectors, "additional"),
    )


def test_zero_change_gives_zero_payoffs_against_the_status_quo() -> None:
    data = purge_imbalances(synthetic_three())
    la, lb = _levers(data, "AAA", "BBB")
    grid = payoff_grid(data, ("AAA", "BBB"), (la, RATES), (lb, RATES))
    at_zero = grid[(grid.x == 0.0) & (grid.y == 0.0)].iloc[0]
    for col in ("payoff_pct_AAA", "payoff_pct_BBB", "payoff_usd_bn_BBB", "vs_baseline_pct_AAA"):
        assert abs(at_zero[col]) < 1e-9
    assert grid["payoff_pct_BBB"].abs().max() > 0.1  # the grid does move payoffs


def test_the_threat_point_has_zero_payoff_when_it_is_the_disagreement_point() -> None:
    data = purge_imbalances(synthetic_three())
    la, lb = _levers(data, "AAA", "BBB")
    grid = payoff_grid(data, ("AAA", "BBB"), (la, RATES), (lb, RATES), disagreement=[(la, 0.25)])
    threat = grid[(grid.x == 0.25) & (grid.y == 0.0)].iloc[0]
    assert abs(threat["payoff_pct_AAA"]) < 1e-9 and abs(threat["payoff_pct_BBB"]) < 1e-9
    assert abs(threat["vs_baseline_pct_BBB"]) > 0.01


def test_a_grid_point_equals_a_direct_solve_of_that_scenario() -> None:
    data = purge_imbalances(synthetic_three())
    la, lb = _levers(data, "AAA", "BBB")
    threat = [(la, 0.4), (lb, 0.1)]
    grid = payoff_grid(data, ("AAA", "BBB"), (la, RATES), (lb, RATES), disagreement=threat)
    point = grid[(grid.x == 0.1) & (grid.y == 0.25)].iloc[0]
    deal = scenario_welfare(data, [(la, 0.1), (lb, 0.25)])
    dis = scenario_welfare(data, threat)
    for name, m in (("AAA", 0), ("BBB", 1)):
        assert point[f"payoff_pct_{name}"] == pytest.approx(100 * (deal[m] / dis[m] - 1), abs=1e-9)
        assert point[f"vs_baseline_pct_{name}"] == pytest.approx(100 * (deal[m] - 1), abs=1e-9)


def test_payoffs_are_mirror_images_in_a_symmetric_two_country_economy() -> None:
    data = symmetric_two()
    la = Lever("A on B", "AAA", "BBB", data.sectors, "additional")
    lb = Lever("B on A", "BBB", "AAA", data.sectors, "additional")
    war = [(la, 0.3), (lb, 0.3)]
    grid = payoff_grid(data, ("AAA", "BBB"), (la, RATES), (lb, RATES), disagreement=war)
    table_a = grid.pivot(index="x", columns="y", values="payoff_pct_AAA").to_numpy()
    table_b = grid.pivot(index="x", columns="y", values="payoff_pct_BBB").to_numpy()
    np.testing.assert_allclose(table_a, table_b.T, atol=1e-10)
    assert np.abs(table_a - table_b).max() > 0.01  # not trivially equal
    deal = nash_bargaining(grid, ("AAA", "BBB"), 0.5)
    assert deal["x"] == deal["y"]
    assert pareto_frontier(grid, ("AAA", "BBB"))[deal.name]


def test_acceptable_set_frontier_and_bargaining_weight() -> None:
    data = purge_imbalances(synthetic_three())
    la, lb = _levers(data, "AAA", "BBB")
    rates = np.linspace(0.0, 0.5, 11)
    grid = payoff_grid(data, ("AAA", "BBB"), (la, rates), (lb, [0.0]), disagreement=[(la, 0.5)])
    ok = acceptable(grid, ("AAA", "BBB"))
    assert ok.any() and not ok.all()
    assert (grid.loc[ok, ["payoff_pct_AAA", "payoff_pct_BBB"]] > 0).all().all()
    # More weight on the importer moves the predicted rate up (weakly).
    low = nash_bargaining(grid, ("AAA", "BBB"), 0.1)["x"]
    high = nash_bargaining(grid, ("AAA", "BBB"), 0.9)["x"]
    assert high >= low
    sweep = nash_bargaining_sweep(grid, ("AAA", "BBB"), [0.1, 0.5, 0.9])
    assert list(sweep["x"]) == sorted(sweep["x"]) and sweep["x"].iloc[0] == low
    with pytest.raises(InputError):
        nash_bargaining(grid, ("AAA", "BBB"), 1.0)


def test_lever_modes() -> None:
    data = symmetric_two()
    new = apply_levers(data, [(Lever("a", "BBB", "AAA", ("g1", "g2"), "inclusive"), 0.06)])
    np.testing.assert_allclose(new[0, 1], [0.06, 0.08])
    new = apply_levers(data, [(Lever("a", "BBB", "AAA", ("g2",), "additional"), -0.1)])
    np.testing.assert_allclose(new[0, 1], [0.04, 0.0])
    new = apply_levers(data, [(Lever("a", "BBB", "AAA", ("g1",), "replace"), 0.5)])
    np.testing.assert_allclose(new[0, 1], [0.5, 0.08])
    on_top = [
        (Lever("a", "BBB", "AAA", ("g1",), "replace"), 0.5),
        (Lever("b", "BBB", "AAA", ("g1", "g2"), "stacked"), -0.06),
    ]
    np.testing.assert_allclose(apply_levers(data, on_top)[0, 1], [0.44, 0.02])
    floor = Lever("a", "BBB", "AAA", ("g1", "g2"), "inclusive", base=(0.01, 0.2))
    np.testing.assert_allclose(apply_levers(data, [(floor, 0.1)])[0, 1], [0.1, 0.2])
    with pytest.raises(InputError, match="base"):
        Lever("a", "BBB", "AAA", ("g1",), "inclusive", base=(0.1, 0.2))
    with pytest.raises(InputError):
        apply_levers(data, [(Lever("a", "BBB", "AAA", ("nope",)), 0.1)])
    with pytest.raises(InputError):
        Lever("a", "AAA", "AAA", ("g1",))


def test_aggregation_keeps_totals_and_tariff_revenue() -> None:
    data = synthetic_three()
    pair = aggregate_pair(data, "CCC", "AAA", rest="REST")
    assert pair.regions == ("CCC", "AAA", "REST")
    assert pair.trade.sum() == pytest.approx(data.trade.sum())
    assert (pair.trade * pair.tariffs).sum() == pytest.approx((data.trade * data.tariffs).sum())
    np.testing.assert_allclose(pair.trade[0, 1], data.trade[2, 0])
    np.testing.assert_allclose(pair.tariffs[0, 1], data.tariffs[2, 0])
    np.testing.assert_allclose(pair.trade[2, 2], data.trade[1, 1])
    with pytest.raises(InputError):
        aggregate_pair(data, "AAA", "AAA")
    with pytest.raises(InputError):
        aggregate_pair(data, "AAA", "XXX")
