"""Aggregation of HTS8 line tariffs to sectors, with hand-made inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tariffscope.errors import InputError
from tariffscope.impact.pe import aggregate_line_tariffs, line_weights

HS6 = pd.DataFrame(
    {
        "hs6": ["870323", "870324", "870899", "840999", "840991"],
        "gtap_code": ["mvh", "mvh", "mvh", "ome", "ome"],
    }
)
LINES = [
    "87032301",  # cars, one line
    "87032401",  # cars, one line
    "87089910",  # parts: two lines in one HS6
    "87089990",
    "84099910",  # machinery parts
    "84099100",
    "99999999",  # outside every sector
]


def test_hs6_equal_weights() -> None:
    weights = line_weights(LINES, sectors=["mvh", "ome"], partners=["JPN"], hs6_sectors=HS6)
    assert weights.sector.tolist() == [0, 0, 0, 0, 1, 1, -1]
    # three HS6 codes in mvh: each 1/3; the parts code split over its two lines
    np.testing.assert_allclose(
        weights.weights[:, 0], [1 / 3, 1 / 3, 1 / 6, 1 / 6, 1 / 2, 1 / 2, 0.0]
    )


def test_weighted_mean_by_sector_and_partner() -> None:
    weights = line_weights(LINES, sectors=["mvh", "ome"], partners=["JPN", "DEU"], hs6_sectors=HS6)
    rates = np.array(
        [
            [0.275, 0.275],
            [0.275, 0.275],
            [0.25, 0.25],
            [0.10, 0.10],
            [0.10, 0.15],
            [0.20, 0.15],
            [9.99, 9.99],  # ignored: no sector
        ]
    )
    sector_rates, coverage = aggregate_line_tariffs(rates, weights)
    expected_mvh = (0.275 + 0.275) / 3 + (0.25 + 0.10) / 6
    np.testing.assert_allclose(sector_rates[:, 0], [expected_mvh, 0.15])
    np.testing.assert_allclose(sector_rates[:, 1], [expected_mvh, 0.15])
    np.testing.assert_allclose(coverage, 1.0)


def test_unknown_rates_are_left_out_and_coverage_reported() -> None:
    weights = line_weights(LINES[:4], sectors=["mvh", "ome"], partners=["JPN"], hs6_sectors=HS6)
    rates = np.array([[0.30], [np.nan], [0.20], [0.20]])
    sector_rates, coverage = aggregate_line_tariffs(rates, weights)
    assert sector_rates[0, 0] == pytest.approx((0.30 / 3 + 0.20 / 3) / (2 / 3))
    assert coverage[0, 0] == pytest.approx(2 / 3)
    assert np.isnan(sector_rates[1, 0]) and coverage[1, 0] == 0.0  # no ome lines


def test_partner_composition_overrides_weights_for_that_partner_only() -> None:
    composition = pd.DataFrame(
        {
            "partner": ["JPN", "JPN"],
            "gtap_code": ["mvh", "mvh"],
            "hs_prefixes": ["8703", "8706 8707 8708"],
            "share": [0.8, 0.2],
            "source": ["test", "test"],
        }
    )
    weights = line_weights(
        LINES,
        sectors=["mvh", "ome"],
        partners=["JPN", "DEU"],
        hs6_sectors=HS6,
        composition=composition,
    )
    japan, germany = weights.weights[:, 0], weights.weights[:, 1]
    np.testing.assert_allclose(japan[:4], [0.4, 0.4, 0.1, 0.1])
    np.testing.assert_allclose(germany[:4], [1 / 3, 1 / 3, 1 / 6, 1 / 6])
    np.testing.assert_allclose(japan[4:], germany[4:])  # other sectors untouched
    rates = np.tile(np.array([[0.275], [0.275], [0.25], [0.25], [0.1], [0.1], [0.0]]), (1, 2))
    sector_rates, _ = aggregate_line_tariffs(rates, weights)
    assert sector_rates[0, 0] == pytest.approx(0.8 * 0.275 + 0.2 * 0.25)
    assert sector_rates[0, 1] == pytest.approx(2 / 3 * 0.275 + 1 / 3 * 0.25)


def test_trade_values_as_weights() -> None:
    values = np.array([[100.0], [0.0], [50.0], [50.0], [1.0], [3.0], [1e9]])
    weights = line_weights(
        LINES, sectors=["mvh", "ome"], partners=["JPN"], hs6_sectors=HS6, values=values
    )
    rates = np.array([[0.3], [0.9], [0.1], [0.1], [0.0], [0.4], [5.0]])
    sector_rates, _ = aggregate_line_tariffs(rates, weights)
    np.testing.assert_allclose(sector_rates[:, 0], [(30 + 5 + 5) / 200, 1.2 / 4])


def test_bad_inputs() -> None:
    with pytest.raises(InputError, match="eight digits"):
        line_weights(["8703"], sectors=["mvh"], partners=["JPN"], hs6_sectors=HS6)
    weights = line_weights(LINES, sectors=["mvh"], partners=["JPN"], hs6_sectors=HS6)
    with pytest.raises(InputError, match="lines x partners"):
        aggregate_line_tariffs(np.zeros((3, 1)), weights)
