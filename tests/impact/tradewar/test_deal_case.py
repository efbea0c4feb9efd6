"""The deal space of an ICIO pair on a date: the law's outcomes and the API (reads ../shared)."""

from __future__ import annotations

import numpy as np
import pytest

import tariffscope
from tariffscope.errors import InputError, MalformedInputError, NotCoveredError, UnknownCodeError
from tariffscope.impact.tradewar.icio import load_icio2022
from tariffscope.impact.tradewar.law_link import icio_concordance, law_points

pytestmark = pytest.mark.shared

GRID = "general=0:30:5,autos=0:30:5"


@pytest.fixture(scope="module")
def sectors() -> tuple[str, ...]:
    return load_icio2022().sectors


def test_the_icio_concordance_places_key_products(sectors) -> None:
    conc = icio_concordance(sectors)
    where = dict(zip(conc.table["hs6"], conc.table["sector"], strict=True))
    assert where["870323"] == "C29"  # passenger cars
    assert where["720851"] == "C24A"  # flat-rolled steel
    assert where["260111"] == "B07"  # iron ore
    assert where["890110"] == "C301"  # cruise ships
    assert where["100630"] == "C10T12"  # milled rice: GTAP processed rice (pcr)
    assert not conc.table["hs6"].duplicated().any()
    assert "B09" not in conc.sectors and "Services (aggregate)" not in conc.sectors


def test_the_law_gives_the_status_quo_the_threat_and_the_deal(sectors) -> None:
    points = law_points("JPN", "2025-07-18", sectors)
    kinds = [p.kind for p in points]
    assert kinds[0] == "status-quo" and "threat" in kinds and "deal" in kinds
    sq, threat = points[0], points[kinds.index("threat")]
    deal = points[kinds.index("deal")]
    cars, food = sectors.index("C29"), sectors.index("C10T12")
    assert sq.rates[cars] > 0.2  # Section 232 on cars in force on 18 July 2025
    assert threat.rates[food] > sq.rates[food] + 0.1  # 25% instead of 10% reciprocal
    assert deal.rates[cars] < sq.rates[cars] - 0.05  # cars at 15% inclusive in the deal
    assert np.isnan(sq.rates[sectors.index("Services (aggregate)")])
    assert (sq.mfn[np.isfinite(sq.mfn)] <= sq.rates[np.isfinite(sq.rates)] + 1e-12).all()


@pytest.fixture(scope="module")
def usa_jpn():
    return tariffscope.deals(
        "USA-JPN",
        "2025-07-18",
        grid=GRID,
        sector_lever="autos=C29",
        keep="C24A+C24B+C25",
        actual="general=15,autos=15",
        sensitivity=False,
    )


def test_the_founding_story_has_an_acceptable_region_and_bargaining_solutions(usa_jpn) -> None:
    table = usa_jpn.solutions.set_index("solution")
    dis = table.loc["disagreement point"]
    assert abs(dis["payoff_pct_USA"]) < 1e-9 and abs(dis["payoff_pct_JPN"]) < 1e-9
    assert "THREAT-JPN-25" in dis["detail"]
    nash = table.loc["Nash bargaining w=0.5"]
    assert nash["payoff_pct_USA"] > 0 and nash["payoff_pct_JPN"] > 0
    assert 0.0 <= nash["x_pct"] <= 30.0 and 0.0 <= nash["y_pct"] <= 30.0
    ks = table.loc["Kalai-Smorodinsky"]
    assert ks["payoff_pct_USA"] > 0 and ks["payoff_pct_JPN"] > 0
    actual = table.loc["actual deal"]
    assert (actual["x_pct"], actual["y_pct"]) == (15.0, 15.0)
    grid = usa_jpn.grid.set_index(["x_pct", "y_pct"])
    assert actual["payoff_usd_bn_JPN"] == pytest.approx(grid.loc[(15.0, 15.0), "payoff_usd_bn_JPN"])
    assert usa_jpn.grid["acceptable"].any() and not usa_jpn.grid["acceptable"].all()
    assert usa_jpn.warnings == ()


def test_more_us_bargaining_weight_gives_the_us_more(usa_jpn) -> None:
    sweep = usa_jpn.sweep
    assert list(sweep["weight"]) == sorted(sweep["weight"])
    assert np.all(np.diff(sweep["payoff_pct_USA"]) >= -1e-9)
    assert np.all(np.diff(sweep["payoff_pct_JPN"]) <= 1e-9)
    assert sweep["payoff_pct_USA"].iloc[-1] > sweep["payoff_pct_USA"].iloc[0]


def test_a_pair_without_us_law_warns_and_uses_the_given_threat() -> None:
    result = tariffscope.deals(
        "DEU-KOR", "2025-07-18", grid="general=0:20:5,partner=-5:0:5", threat=20.0,
        sensitivity=False,
    )  # fmt: skip
    assert any(w.startswith("not covered: the catalog holds US law only") for w in result.warnings)
    assert "--threat: 20%" in result.solutions["detail"].iloc[0]
    assert result.disagreement == "threat"


def test_a_country_outside_the_icio_file_is_not_covered_a_code_of_no_country_bad_input() -> None:
    with pytest.raises(NotCoveredError, match="ATA is not among the 81 countries") as raised:
        tariffscope.deals("USA-ATA", "2025-07-18", sensitivity=False)
    assert raised.value.what == "ATA"
    with pytest.raises(UnknownCodeError, match="XYZ is not an ISO 3166-1 alpha-3 country"):
        tariffscope.deals("USA-XYZ", "2025-07-18", sensitivity=False)


def test_bad_input_names_what_is_wrong() -> None:
    with pytest.raises(MalformedInputError, match="pair"):
        tariffscope.deals("USAJPN", "2025-07-18")
    with pytest.raises(MalformedInputError, match="grid"):
        tariffscope.deals("USA-JPN", "2025-07-18", grid="general=0-30")
    with pytest.raises(InputError, match="unknown grid lever 'autos'"):
        tariffscope.deals("USA-JPN", "2025-07-18", grid=GRID, sensitivity=False)
    with pytest.raises(InputError, match="weight"):
        tariffscope.deals("USA-JPN", "2025-07-18", weight=1.0)
    with pytest.raises(InputError, match="disagreement"):
        tariffscope.deals("USA-JPN", "2025-07-18", disagreement="peace", sensitivity=False)
    with pytest.raises(InputError, match="--actual must set the grid's levers"):
        tariffscope.deals("USA-JPN", "2025-07-18", actual="general=15,autos=15")
