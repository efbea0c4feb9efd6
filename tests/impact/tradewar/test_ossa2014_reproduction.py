"""Ossa (2014, AER) Tables 3, 4 and 5 reproduced on his own data (../shared).

Reference numbers: ``ossa2014_tables_reproduced_long.csv`` (Ossa's ``tables.m`` run on his stored
results; its Panel B averages match the printed abstract: 62%, 63%, -2.9%). Tolerances are
issue 12's: each region's median tariff within 2 points, welfare within 0.2 points, averages
within 1 point. The tables are printed to one decimal, hence the extra 0.05 of rounding.
Where a cell misses, the test pins the measured gap instead (see docs/models.md).
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest

from tariffscope.impact.tradewar import tables as tb
from tariffscope.impact.tradewar.baseline import shares
from tariffscope.impact.tradewar.data import (
    TradeWarData,
    load_ossa2014,
    load_ossa2014_result_tariffs,
    load_ossa2014_tables,
)

pytestmark = [pytest.mark.shared, pytest.mark.reference]

PANELS = {False: "A_no_political_economy", True: "B_political_economy"}
ROUNDING = 0.05


def _equal_gains(government_pct: np.ndarray) -> bool:
    """The talks' constraint as the search guarantees it: the spread of log gains below the
    search's tolerance (``tables.talks``' default 1e-6), which in percent changes is
    100 * (1 + gain) * 1e-6 (a gain of 3.4% makes the bound 1.034e-4, not 1e-4)."""
    bound = 100.0 * (1.0 + government_pct.max() / 100.0) * 1e-6
    return bool(np.ptp(government_pct) < bound * (1.0 + 1e-9))


MEDIAN_TOL, WELFARE_TOL, AVERAGE_TOL = 2.0, 0.2, 1.0


@pytest.fixture(scope="module")
def data(shared: object) -> TradeWarData:
    return load_ossa2014()


@pytest.fixture(scope="module")
def published(shared: object) -> pd.DataFrame:
    return load_ossa2014_tables()


def reference(published: pd.DataFrame, table: int, political: bool, column: str) -> pd.Series:
    rows = published[
        (published["table"] == table)
        & (published["panel"] == PANELS[political])
        & (published["column"] == column)
    ]
    return rows.set_index("row")["value"]


def gaps(ours: pd.DataFrame, published: pd.DataFrame, table: int, political: bool, column: str):
    ref = reference(published, table, political, column)
    mine = ours.set_index("region")[column]
    return (mine - ref.reindex(mine.index)).abs()


@pytest.mark.parametrize("political", [False, True])
@pytest.mark.parametrize("scenario", ["optimal", "nash"])
def test_the_model_gives_the_published_welfare_at_ossas_own_tariffs(
    data: TradeWarData, published: pd.DataFrame, scenario: str, political: bool
) -> None:
    """The equilibrium and welfare code alone, with Ossa's stored tariffs as input."""
    sh, w = shares(data), tb.weights(data, political)
    stored = load_ossa2014_result_tariffs(f"{scenario}_{'pol' if political else 'nopol'}")
    if scenario == "nash":
        out = tb.outcome(sh, stored, w)
        ref_g = reference(published, 4, political, "gov_welfare")
        ref_w = reference(published, 4, political, "welfare")
        ours_g, ours_w = out.government_welfare_pct, out.welfare_pct
    else:
        ours_g, ours_w = np.zeros(sh.n), np.zeros(sh.n)
        for j in range(sh.n):
            t = data.tariffs.copy()
            t[:, j, :] = stored[:, j, :]
            out = tb.outcome(sh, t, w)
            ours_g[j], ours_w[j] = out.government_welfare_pct[j], out.welfare_pct[j]
        ref_g = reference(published, 3, political, "gov_welfare_own")
        ref_w = reference(published, 3, political, "welfare_own")
    regions = list(data.regions)
    np.testing.assert_allclose(ours_g, ref_g[regions].to_numpy(), atol=ROUNDING + 0.02)
    np.testing.assert_allclose(ours_w, ref_w[regions].to_numpy(), atol=ROUNDING + 0.02)
    medians = tb.median_tariffs(stored)
    col = "median_nash_tariff" if scenario == "nash" else "median_optimal_tariff"
    np.testing.assert_allclose(
        medians,
        reference(published, 4 if scenario == "nash" else 3, political, col)[regions],
        atol=ROUNDING + 0.01,
    )


WELFARE_COLUMNS = {
    3: ["gov_welfare_own", "gov_welfare_others_mean", "welfare_own", "welfare_others_mean"],
    4: ["gov_welfare", "welfare"],
}
MEDIAN_COLUMN = {3: "median_optimal_tariff", 4: "median_nash_tariff"}


@pytest.mark.slow
@pytest.mark.parametrize("political", [False, True])
@pytest.mark.parametrize("table", [3, 4])
def test_optimal_and_nash_tariffs_reproduce_tables_3_and_4(
    published: pd.DataFrame, table: int, political: bool
) -> None:
    """Our solver's tariffs and welfare against Ossa's, per region and on average."""
    ours = tb.reproduce(table, political)
    regions = ours["region"] != "Average"
    for column in WELFARE_COLUMNS[table]:
        gap = gaps(ours, published, table, political, column)
        assert gap[regions.to_numpy()].max() <= WELFARE_TOL + ROUNDING, (column, gap)
        assert gap["Average"] <= AVERAGE_TOL, (column, gap)
    gap = gaps(ours, published, table, political, MEDIAN_COLUMN[table])
    assert gap[regions.to_numpy()].max() <= MEDIAN_TOL + ROUNDING, gap
    assert gap["Average"] <= AVERAGE_TOL, gap


@pytest.mark.slow
def test_abstract_averages_62_and_63_percent_and_minus_2_9() -> None:
    """The abstract: optimal tariffs average 62%, trade-war tariffs 63%, and a breakdown of
    cooperation costs governments 2.9% (all Panel B)."""
    optimal = tb.reproduce(3, True).set_index("region")
    nash = tb.reproduce(4, True).set_index("region")
    assert optimal.at["Average", "median_optimal_tariff"] == pytest.approx(62, abs=1.0)
    assert nash.at["Average", "median_nash_tariff"] == pytest.approx(63, abs=1.0)
    assert nash.at["Average", "gov_welfare"] == pytest.approx(-2.9, abs=1.0)


@pytest.mark.slow
@pytest.mark.parametrize("political", [False, True])
def test_talks_from_factual_tariffs_reproduce_table_5(
    published: pd.DataFrame, political: bool
) -> None:
    """Table 5 from factual tariffs: every government gains the same (0.5% in both panels);
    Panel B's welfare by region differs (China -1.6%). The free-trade starting point is checked
    by ``tariffscope tradewar --table 5`` (docs/models.md); the Nash one below."""
    ours = tb.reproduce(5, political, ("factual",))
    regions = (ours["region"] != "Average").to_numpy()
    government = ours["gov_welfare_from_factual"].to_numpy()
    assert _equal_gains(government[regions])  # equal gains, the constraint of the talks
    for column in ["gov_welfare_from_factual", "welfare_from_factual"]:
        gap = gaps(ours, published, 5, political, column)
        assert gap[regions].max() <= WELFARE_TOL + ROUNDING, (column, gap)
        assert gap["Average"] <= AVERAGE_TOL, (column, gap)


# Panel A's talks from our Nash take 10-25 minutes on two cores (Panel B's 2-4): run it with
# TARIFFSCOPE_LONG_TESTS=1; round 7 left Panel A unchanged (common gain 3.4168, docs/models.md).
PANEL_A_LONG = pytest.mark.skipif(
    not os.environ.get("TARIFFSCOPE_LONG_TESTS"),
    reason="Panel A's talks from our own Nash run 10-25 min: set TARIFFSCOPE_LONG_TESTS=1",
)


@pytest.mark.slow
@pytest.mark.issue(12)
@pytest.mark.parametrize("political", [pytest.param(False, marks=PANEL_A_LONG), True])
def test_talks_from_our_own_nash_tariffs_reproduce_table_5(
    published: pd.DataFrame, political: bool
) -> None:
    """Table 5 from the Nash equilibrium, with OUR Nash tariffs (Table 4 above) as the start.
    Panel B needs the best response's tie-break (docs/models.md, "Round 7"): before it, four
    tariffs on choked flows sat at 544-988% instead of ~70-79%, the talks reached another local
    solution, and India's welfare missed by 0.66 points. Japan's is the closest call (4.68
    against a published 4.9, within the rounding allowance)."""
    ours = tb.reproduce(5, political, ("nash",))
    regions = (ours["region"] != "Average").to_numpy()
    government = ours["gov_welfare_from_nash"].to_numpy()
    assert _equal_gains(government[regions])
    for column in ["gov_welfare_from_nash", "welfare_from_nash"]:
        gap = gaps(ours, published, 5, political, column)
        assert gap[regions].max() <= WELFARE_TOL + ROUNDING, (column, gap)
        assert gap["Average"] <= AVERAGE_TOL, (column, gap)
