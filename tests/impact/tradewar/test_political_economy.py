"""Political-economy weights and the transfer as a share of GDP in the deal space (issue 12)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_deals import synthetic_three  # the synthetic economy

from tariffscope.api._deals import parse_transfer
from tariffscope.api._deals_run import _transfer
from tariffscope.errors import InputError
from tariffscope.impact.tradewar.data import TradeWarData, load_ossa2014
from tariffscope.impact.tradewar.deals import Lever, income_usd_bn, payoff_grid
from tariffscope.impact.tradewar.icio import purge_imbalances
from tariffscope.impact.tradewar.political_economy import (
    PoliticalEconomy,
    parse_political_economy,
    political_economy_weights,
)
from tariffscope.impact.tradewar.sector_tariffs import sector_optimal_tariff

pytestmark = pytest.mark.issue(12)

RATES = [0.0, 0.1, 0.25]
PAIR = ("AAA", "BBB")


def _levers(data: TradeWarData) -> tuple[Lever, Lever]:
    return (
        Lever("AAA on BBB", "AAA", "BBB", data.sectors, "inclusive"),
        Lever("BBB on AAA", "BBB", "AAA", data.sectors, "additional"),
    )


def _grid(data: TradeWarData, **options: object) -> pd.DataFrame:
    la, lb = _levers(data)
    return payoff_grid(data, PAIR, (la, RATES), (lb, RATES), [(la, 0.25)], **options)  # type: ignore[arg-type]


def test_weights_of_one_give_the_real_income_payoffs() -> None:
    data = purge_imbalances(synthetic_three())
    plain = _grid(data)
    ones = _grid(data, pe_weights=np.ones((3, 3)))
    for column in ("payoff_pct_AAA", "payoff_pct_BBB", "vs_baseline_pct_BBB"):
        np.testing.assert_allclose(ones[column], plain[column], rtol=0, atol=1e-12)
    assert plain["payoff_pct_BBB"].abs().max() > 0.1  # payoffs do move over the grid


def test_unequal_weights_change_the_payoffs() -> None:
    data = purge_imbalances(synthetic_three())
    weights = np.ones((3, 3))
    weights[0] = (2.0, 1.0, 0.5)
    moved = _grid(data, pe_weights=weights)
    plain = _grid(data)
    assert (moved["payoff_pct_AAA"] - plain["payoff_pct_AAA"]).abs().max() > 1e-4
    # the other side keeps weights one: its payoffs are its real income's
    np.testing.assert_allclose(moved["payoff_pct_BBB"], plain["payoff_pct_BBB"], atol=1e-12)


def test_a_higher_weight_on_a_sector_raises_the_imposers_optimal_tariff_on_it() -> None:
    """Grossman and Helpman: the more the government values an industry's income, the more it
    protects it; the sector optimum is searched with the side's government welfare."""
    data = purge_imbalances(synthetic_three())
    k = 1  # sector g2
    plain = sector_optimal_tariff(data, "AAA", "BBB", data.tariffs, data.sectors)
    weights = np.ones((3, 3))
    weights[0, k] = 1.5
    favoured = sector_optimal_tariff(
        data, "AAA", "BBB", data.tariffs, data.sectors, weights=weights
    )
    assert plain.converged and favoured.converged
    assert favoured.rates[k] > plain.rates[k] + 1e-3
    same = sector_optimal_tariff(
        data, "AAA", "BBB", data.tariffs, data.sectors, weights=np.ones((3, 3))
    )
    np.testing.assert_allclose(same.rates, plain.rates, atol=1e-6)


@pytest.mark.parametrize("share_pct", [0.1, 0.5])
def test_a_transfer_of_x_pct_of_the_payers_gdp(share_pct: float) -> None:
    """Payer ``BBB``: its payoff moves by -x, the receiver's by +x GDP_payer / GDP_receiver."""
    data = purge_imbalances(synthetic_three())
    usd_bn, record = _transfer(data, PAIR, 0.0, share_pct)
    gdp_payer, gdp_receiver = income_usd_bn(data, "BBB"), income_usd_bn(data, "AAA")
    assert usd_bn == pytest.approx(share_pct / 100 * gdp_payer)
    assert record is not None and record["pct_gdp_payer"] == pytest.approx(share_pct)
    assert record["pct_gdp_receiver"] == pytest.approx(share_pct * gdp_payer / gdp_receiver)
    plain = _grid(data)
    paid = _grid(data, transfer_usd_bn=usd_bn)
    np.testing.assert_allclose(
        paid["payoff_pct_BBB"] - plain["payoff_pct_BBB"], -share_pct, atol=1e-9
    )
    np.testing.assert_allclose(
        paid["payoff_pct_AAA"] - plain["payoff_pct_AAA"],
        share_pct * gdp_payer / gdp_receiver,
        atol=1e-9,
    )
    np.testing.assert_allclose(paid["transfer_pct_BBB"], -share_pct)
    assert gdp_payer != pytest.approx(gdp_receiver)  # the ratio is tested, not 1


def test_transfer_text_in_both_units() -> None:
    assert parse_transfer("12.5") == (12.5, 0.0)
    assert parse_transfer("12.5bn") == (12.5, 0.0)
    assert parse_transfer(" 0.5%GDP ") == (0.0, 0.5)
    for bad in ("0.5%", "half", "1%gpd"):
        with pytest.raises(InputError, match="malformed transfer"):
            parse_transfer(bad)


def test_the_source_text() -> None:
    assert parse_political_economy("ossa2014") == PoliticalEconomy("ossa2014")
    assert parse_political_economy("uniform:1.5") == PoliticalEconomy("uniform", 1.5)
    for bad in ("ossa", "uniform:", "uniform:-1", "uniform:0"):
        with pytest.raises(InputError):
            parse_political_economy(bad)


def _icio_like(regions: tuple[str, str, str]) -> TradeWarData:
    """A synthetic pair economy on a few ICIO sector codes (the weights need only the axes)."""
    sectors = ("A01", "C10T12", "C29", "B05", "Services (aggregate)")
    n, s = len(regions), len(sectors)
    return TradeWarData(
        regions=regions,
        sectors=sectors,
        trade=np.ones((n, n, s)),
        tariffs=np.zeros((n, n, s)),
        sigma=np.full(s, 5.0),
        lambda_pol=np.ones((n, s)),
    )


def test_uniform_weights_fall_on_the_pairs_goods_sectors() -> None:
    data = _icio_like(("USA", "KOR", "ROW"))
    weights, warnings = political_economy_weights(
        data, ("USA", "KOR"), PoliticalEconomy("uniform", 1.3)
    )
    assert not warnings
    np.testing.assert_allclose(weights[:2, :4], 1.3)
    np.testing.assert_allclose(weights[:2, 4], 1.0)  # services
    np.testing.assert_allclose(weights[2], 1.0)  # the rest of the world


@pytest.mark.shared
def test_ossa_weights_map_his_regions_and_sectors(shared: object) -> None:
    ossa = load_ossa2014()
    lam = {
        (r, s): ossa.lambda_pol[i, k]
        for i, r in enumerate(ossa.regions)
        for k, s in enumerate(ossa.sectors)
    }
    data = _icio_like(("DEU", "KOR", "ROW"))
    weights, warnings = political_economy_weights(
        data, ("DEU", "KOR"), PoliticalEconomy("ossa2014")
    )
    # Germany is in his EU; motor vehicles map one to one (C29 <- mvh)
    assert weights[0, 2] == pytest.approx(lam[("EU", "mvh")])
    # A01: his farm industries' weights, averaged with the EU's 2007 output of each
    farm = ("ric", "wht", "gro", "v_f", "osd", "sug", "pfb", "ocr", "ctl", "oap", "dry", "wol")
    output = ossa.trade[ossa.index("EU")].sum(axis=0)  # [sector]
    k = [ossa.sectors.index(c) for c in farm]
    expected = (output[k] * ossa.lambda_pol[ossa.index("EU"), k]).sum() / output[k].sum()
    assert weights[0, 0] == pytest.approx(expected, rel=1e-12)
    assert weights[0, 0] != pytest.approx(1.0, abs=1e-3)
    # mining and services have no counterpart among his 33 goods industries
    assert weights[0, 3] == 1.0 and weights[0, 4] == 1.0
    # Korea is in his rest of the world, which is no government: weights 1 and a warning
    np.testing.assert_allclose(weights[1], 1.0)
    assert len(warnings) == 1 and "KOR" in warnings[0]
    us, _ = political_economy_weights(
        _icio_like(("USA", "JPN", "ROW")), ("USA", "JPN"), PoliticalEconomy("ossa2014")
    )
    assert us[0, 2] == pytest.approx(lam[("US", "mvh")])
    assert us[1, 2] == pytest.approx(lam[("Japan", "mvh")])
