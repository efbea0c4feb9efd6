"""The deal space on the ICIO 2022 baseline (reads ../shared)."""

from __future__ import annotations

import numpy as np
import pytest

from tariffscope.impact.tradewar.baseline import shares
from tariffscope.impact.tradewar.deals import Lever, payoff_grid
from tariffscope.impact.tradewar.icio import (
    aggregate_pair,
    goods_sectors,
    load_icio2022,
    purge_imbalances,
)

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def icio():
    return load_icio2022()


@pytest.mark.parametrize(("home", "partner"), [("USA", "CHN"), ("DEU", "KOR")])
def test_an_icio_pair_is_balanced_and_zero_change_gives_zero_payoffs(icio, home, partner) -> None:
    data = purge_imbalances(aggregate_pair(icio, home, partner))
    assert np.abs(shares(data).net_exports).max() < 1e-6 * data.trade.sum()
    goods = goods_sectors(data)
    assert len(goods) == len(data.sectors) - 1
    on_partner = Lever("home on partner", home, partner, goods, "inclusive")
    on_home = Lever("partner on home", partner, home, goods, "additional")
    grid = payoff_grid(data, (home, partner), (on_partner, [0.0, 0.25]), (on_home, [0.0, 0.1]))
    zero = grid[(grid.x == 0) & (grid.y == 0)].iloc[0]
    assert abs(zero[f"payoff_pct_{home}"]) < 1e-9 and abs(zero[f"payoff_pct_{partner}"]) < 1e-9
    hit = grid[(grid.x == 0.25) & (grid.y == 0)].iloc[0]
    assert hit[f"payoff_pct_{partner}"] < 0  # a tariff on the partner's goods hurts the partner


def test_icio_load_keeps_the_inferred_orientation(icio) -> None:
    usa, chn = icio.index("USA"), icio.index("CHN")
    assert icio.trade[chn, usa].sum() > icio.trade[usa, chn].sum()  # MANIFEST: 532bn vs 222bn
    assert icio.trade.shape == (81, 81, 28)
