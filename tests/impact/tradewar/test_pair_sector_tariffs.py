"""A pair's optimal tariffs and trade war sector by sector, on synthetic economies."""

from __future__ import annotations

import numpy as np
import pytest
from test_deals import symmetric_two, synthetic_three  # the synthetic economies
from test_tradewar_model import armington_two_country

from tariffscope.errors import InputError
from tariffscope.impact.tradewar.bargaining import optimal_tariff
from tariffscope.impact.tradewar.baseline import shares
from tariffscope.impact.tradewar.deals import Lever, apply_levers, scenario_welfare
from tariffscope.impact.tradewar.icio import purge_imbalances
from tariffscope.impact.tradewar.optimal import best_response
from tariffscope.impact.tradewar.sector_tariffs import (
    sector_optimal_tariff,
    sector_pair_war,
    sector_settings,
)

pytestmark = pytest.mark.issue(12)


def _uniform_then_by_sector(data, side: str, partner: str):
    lever = Lever("uniform", side, partner, data.sectors, "stacked")
    uniform = optimal_tariff(data, side, lever, (), (-0.5, 1.0))
    i, j = data.index(partner), data.index(side)
    start = apply_levers(data, [(lever, uniform.rate)])[i, j, :]
    by = sector_optimal_tariff(data, side, partner, data.tariffs, data.sectors, start=start)
    return uniform, by


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_sector_optimum_beats_the_uniform_one(seed: int) -> None:
    """Sector tariffs can follow each sector's elasticity (3, 5, 8 here), one uniform change
    cannot: the imposer does at least as well, here strictly better, with different rates."""
    data = purge_imbalances(synthetic_three(seed))
    uniform, by = _uniform_then_by_sector(data, "AAA", "BBB")
    assert by.converged
    assert by.welfare_change_pct >= uniform.welfare_change_pct - 1e-12
    assert by.welfare_change_pct > uniform.welfare_change_pct + 1e-6
    assert np.ptp(by.rates) > 1e-3
    # the reported gain is a direct solve of those tariffs
    direct = scenario_welfare(data, sector_settings("AAA", "BBB", data.sectors, by.rates))[0]
    base = scenario_welfare(data, [])[0]
    assert by.welfare_change_pct == pytest.approx(100 * (direct / base - 1), abs=1e-10)


def test_the_sector_optimum_is_a_local_maximum_in_every_sector() -> None:
    data = purge_imbalances(synthetic_three())
    _, by = _uniform_then_by_sector(data, "AAA", "BBB")
    at = scenario_welfare(data, sector_settings("AAA", "BBB", data.sectors, by.rates))[0]
    for k in range(len(data.sectors)):
        for nudge in (-0.01, 0.01):
            rates = by.rates.copy()
            rates[k] += nudge
            moved = scenario_welfare(data, sector_settings("AAA", "BBB", data.sectors, rates))[0]
            assert moved < at


def test_with_one_sector_the_sector_and_uniform_optima_coincide() -> None:
    data = armington_two_country(0.3, 4.0)
    uniform, by = _uniform_then_by_sector(data, "Home", "Foreign")
    assert by.rates[0] == pytest.approx(data.tariffs[1, 0, 0] + uniform.rate, abs=1e-5)
    assert by.welfare_change_pct == pytest.approx(uniform.welfare_change_pct, abs=1e-9)


def test_a_symmetric_sector_war_is_symmetric_and_each_side_best_responds() -> None:
    data = symmetric_two()
    war = sector_pair_war(data, ("AAA", "BBB"), data.tariffs, data.sectors)
    assert war.converged
    np.testing.assert_allclose(war.rates[0], war.rates[1], atol=1e-6)
    assert (war.rates[0] > 0.01).all()
    again = sector_optimal_tariff(data, "AAA", "BBB", war.tariffs, data.sectors)
    np.testing.assert_allclose(again.rates, war.rates[0], atol=1e-5)


def test_a_restricted_best_response_leaves_other_tariffs_alone() -> None:
    data = purge_imbalances(synthetic_three())
    sh = shares(data)
    br = best_response(sh, 0, data.tariffs, data.lambda_pol, partners=[1], sectors=[0, 2])
    changed = np.argwhere(~np.isclose(br.tariffs, data.tariffs))
    assert {(int(i), int(j), int(s)) for i, j, s in changed} <= {(1, 0, 0), (1, 0, 2)}
    with pytest.raises(InputError, match="own goods"):
        best_response(sh, 0, data.tariffs, data.lambda_pol, partners=[0])
    with pytest.raises(InputError, match="unknown"):
        sector_optimal_tariff(data, "AAA", "BBB", data.tariffs, ("g9",))


def test_a_sector_war_that_stops_on_gains_is_an_equilibrium_up_to_the_tolerance() -> None:
    """Stopped because nobody gains (tariffs still free to move on flat welfare): neither side's
    best response against the result gains more than the tolerance."""
    data = purge_imbalances(synthetic_three())
    war = sector_pair_war(data, ("AAA", "BBB"), data.tariffs, data.sectors, gain_tol=1e-8)
    assert war.converged
    for side, partner in (("AAA", "BBB"), ("BBB", "AAA")):
        again = sector_optimal_tariff(data, side, partner, war.tariffs, data.sectors)
        assert again.welfare_change_pct / 100.0 <= 1e-8
