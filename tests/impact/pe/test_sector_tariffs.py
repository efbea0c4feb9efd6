"""Aggregation of HTS8 line tariffs to sectors by trade, with hand-made inputs, and on the law."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tariffscope.data.line_trade import load_line_trade
from tariffscope.errors import InputError
from tariffscope.impact.pe import (
    aggregate_line_tariffs,
    group_lines,
    line_weights,
    load_sector_baseline,
)
from tariffscope.impact.pe.law import sector_tariffs_at
from tariffscope.impact.pe.tariffs import line_totals

HS6 = pd.DataFrame(
    {
        "hs6": ["870323", "870324", "870899", "840999", "840991"],
        "gtap_code": ["mvh", "mvh", "mvh", "ome", "ome"],
    }
)
LINES = [
    "87032301",  # cars
    "87032401",  # cars
    "87089910",  # parts
    "87089990",
    "84099910",  # machinery parts
    "84099100",
    "99999999",  # outside every sector
]
# imports by line: JPN sells cars and parts and no machinery; DEU sells both
VALUES = np.array(
    [[100.0, 10.0], [0.0, 10.0], [50.0, 5.0], [50.0, 5.0], [0.0, 1.0], [0.0, 3.0], [1e9, 1e9]]
)
RATES = np.array(
    [[0.3, 0.3], [0.9, 0.9], [0.1, 0.1], [0.1, 0.1], [0.0, 0.0], [0.4, 0.4], [5.0, 5.0]]
)


def test_each_partners_own_imports_weight_its_lines() -> None:
    weights = line_weights(
        LINES, sectors=["mvh", "ome"], partners=["JPN", "DEU"], hs6_sectors=HS6, values=VALUES
    )
    assert weights.sector.tolist() == [0, 0, 0, 0, 1, 1, -1]
    rates, coverage = aggregate_line_tariffs(RATES, weights)
    assert rates[0, 0] == pytest.approx((30 + 5 + 5) / 200)  # Japan's own mix
    assert rates[0, 1] == pytest.approx((3 + 9 + 0.5 + 0.5) / 30)  # Germany's own mix
    assert rates[1, 1] == pytest.approx(1.2 / 4)
    np.testing.assert_allclose(coverage, 1.0)
    assert weights.weights[6].tolist() == [0.0, 0.0]  # no sector, no weight


def test_no_imports_in_a_sector_falls_back_to_everyones_imports() -> None:
    weights = line_weights(
        LINES, sectors=["mvh", "ome"], partners=["JPN", "DEU"], hs6_sectors=HS6, values=VALUES
    )
    assert weights.fallback.tolist() == [[False, False], [True, False]]
    # Japan sells no machinery: its lines weigh by what all partners sell (1 and 3)
    np.testing.assert_allclose(weights.weights[4:6, 0], [1.0, 3.0])
    rates, _ = aggregate_line_tariffs(RATES, weights)
    assert rates[1, 0] == pytest.approx(1.2 / 4)
    everyone = np.array([0.0, 0.0, 0.0, 0.0, 7.0, 1.0, 0.0])
    explicit = line_weights(
        LINES,
        sectors=["mvh", "ome"],
        partners=["JPN", "DEU"],
        hs6_sectors=HS6,
        values=VALUES,
        all_imports=everyone,
    )
    rates, _ = aggregate_line_tariffs(RATES, explicit)
    assert rates[1, 0] == pytest.approx(0.4 / 8)


def test_unknown_rates_are_left_out_and_coverage_reported() -> None:
    weights = line_weights(
        LINES[:4], sectors=["mvh", "ome"], partners=["JPN"], hs6_sectors=HS6, values=VALUES[:4, :1]
    )
    rates = np.array([[0.30], [np.nan], [0.20], [0.20]])
    sector_rates, coverage = aggregate_line_tariffs(rates, weights)
    assert sector_rates[0, 0] == pytest.approx((30 + 10 + 10) / 200)
    assert coverage[0, 0] == pytest.approx(1.0)  # the unknown line had no imports
    rates = np.array([[np.nan], [0.9], [0.20], [0.20]])
    sector_rates, coverage = aggregate_line_tariffs(rates, weights)
    assert sector_rates[0, 0] == pytest.approx(0.2) and coverage[0, 0] == pytest.approx(0.5)


def test_a_group_is_the_trade_weighted_mean_of_its_members() -> None:
    values = np.array([[1.0, 3.0, 5.0], [0.0, 0.0, 2.0], [0.0, 0.0, 0.0]])
    rates = np.array([[0.1, 0.3, 0.5], [0.2, np.nan, 0.4], [0.1, 0.2, 0.6]])
    column = np.array([0, 0, 1])  # origins 0 and 1 form column 0
    out, summed = group_lines(rates, values, column, 2)
    np.testing.assert_allclose(out[:, 0], [(0.1 + 0.9) / 4, 0.2, 0.15])  # plain mean if no trade
    np.testing.assert_allclose(out[:, 1], rates[:, 2])
    np.testing.assert_allclose(summed, [[4.0, 5.0], [0.0, 2.0], [0.0, 0.0]])
    # the same through the totals of all origins (how the rest of the world is computed)
    big = np.array([0, 0, 0, 1])
    values4 = np.hstack([values, values[:, :1]])
    rates4 = np.hstack([rates, rates[:, :1]])
    direct, _ = group_lines(rates4, values4, big, 2)
    via, _ = group_lines(rates4, values4, big, 2, totals=line_totals(rates4, values4))
    np.testing.assert_allclose(via, direct, rtol=1e-12)


@pytest.mark.parametrize("partner", ["KOR", "MUS", "EUN"])
@pytest.mark.parametrize("applied", [True, False])
def test_sector_tariffs_of_the_law_weight_by_the_partners_trade(
    partner: str, applied: bool
) -> None:
    """A sector's tariff is the partner's 2024 duty at the law's line rates over its value:
    the applied rates by default, the statutory ones (no claim) with ``applied=False``."""
    baseline = load_sector_baseline(partner)
    tariffs = sector_tariffs_at(baseline, "2025-08-08", applied=applied)
    assert np.isfinite(tariffs.rates).all() and (tariffs.rates >= 0).all()
    lines = baseline.lines
    assert lines is not None
    from tariffscope.impact.applied import applied_line_rates
    from tariffscope.impact.pe.law import line_rates_at

    if applied:
        rates = applied_line_rates(lines, "2025-08-08").rates
    else:
        _, rates = line_rates_at(lines, "2025-08-08")
    members = [lines.origin_index(m) for m in baseline.members_of(0)]
    mvh = lines.sector == baseline.sectors.index("mvh")
    value = lines.values[mvh][:, members]
    known = np.isfinite(rates[mvh][:, members])
    if value.sum() > 0:
        expected = np.nansum(value * rates[mvh][:, members]) / value[known].sum()
        assert tariffs.rates[baseline.sectors.index("mvh"), 0] == pytest.approx(expected, rel=1e-6)
    # a sector the partner does not sell at all is weighted by everyone's imports
    assert tariffs.fallback is not None
    assert tariffs.fallback[:, 0].tolist() == (baseline.imports[:, 0] <= 0).tolist()


def test_no_partner_gets_the_hs6_equal_mean() -> None:
    """Japan's vehicles: 81% cars at 27.5% by trade; an HS6-equal mean would give parts half."""
    baseline = load_sector_baseline("JPN")
    tariffs = sector_tariffs_at(baseline, "2025-07-18")
    mvh = tariffs.rates[baseline.sectors.index("mvh"), 0]
    trade = load_line_trade("hts8")
    jpn = trade.index("JPN")
    cars = trade.values[np.char.startswith(trade.codes, "8703"), jpn].sum()
    vehicles = trade.values[np.char.startswith(trade.codes, "87"), jpn].sum()
    assert cars / vehicles > 0.75
    assert 0.26 < mvh < 0.28  # 25% Section 232 + 2.5% on cars; 25% + MFN on listed parts


def test_bad_inputs() -> None:
    with pytest.raises(InputError, match="eight digits"):
        line_weights(
            ["8703"], sectors=["mvh"], partners=["JPN"], hs6_sectors=HS6, values=np.ones((1, 1))
        )
    with pytest.raises(InputError, match="shape"):
        line_weights(LINES, sectors=["mvh"], partners=["JPN"], hs6_sectors=HS6, values=VALUES)
    with pytest.raises(InputError, match="hs6_sectors or sector"):
        line_weights(LINES, sectors=["mvh"], partners=["JPN"], values=VALUES[:, :1])
    weights = line_weights(
        LINES, sectors=["mvh"], partners=["JPN"], hs6_sectors=HS6, values=VALUES[:, :1]
    )
    with pytest.raises(InputError, match="lines x partners"):
        aggregate_line_tariffs(np.zeros((3, 1)), weights)
