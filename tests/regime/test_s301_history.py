"""Section 301 China on each date: the 2018-2019 list rate until a product's four-year-review
step-up, the step-ups on their own dates, and the entries that cover only part of an HTS8 line.

Sources: HTS 2026 Rev.6 chapter 99, U.S. note 20(g) (heading 9903.88.04: list 3 subheadings
"except for" named statistical numbers, 25%) and note 20(s)(ii) (9903.88.15, list 4A, 7.5%);
U.S. note 31 (headings 9903.91.01-.11, the step-ups); USTR's final four-year-review table
(89 FR 76581, 18 September 2024: "previous Section 301 tariff rate" by product group) and the
notice of 16 December 2024 (89 FR 101682: tungsten 0 -> 25%, polysilicon and wafers +25 points).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tariffscope.regime import load_schedule, resolve, resolve_lines
from tariffscope.regime._s301_partial import (
    LIST3_PARTIAL,
    PartialEntry,
    covered_statistical_lines,
    partial_entries,
)
from tariffscope.regime.catalog import read_product_list


def _s301(hts: str, day: str) -> tuple[float, list[str]]:
    """Section 301 China rate (percent) on a line on a date, and the measures charging it."""
    result = resolve(hts, "CHN", day)
    parts = [c for c in result.components if c.group == "s301_china"]
    return sum(c.rate_pct for c in parts), [c.measure for c in parts]


@pytest.mark.parametrize(
    ("hts", "before", "on", "rate_before", "rate_on", "step"),
    [
        # semiconductors: list 2 at 25% until the 50% of 1 January 2025 (9903.91.05, note 31(f))
        ("8542.31.00", "2024-12-31", "2025-01-01", 25.0, 50.0, "301-CHN-SEMIS-50"),
        # electric vehicles: 25% until the 100% of 27 September 2024 (9903.91.03, note 31(d))
        ("8703.80.00", "2024-09-26", "2024-09-27", 25.0, 100.0, "301-CHN-2024-100"),
        # non-EV lithium-ion batteries: list 4A 7.5% until 1 January 2026 (9903.91.06)
        (
            "8507.60.00.20",
            "2025-12-31",
            "2026-01-01",
            7.5,
            25.0,
            "301-CHN-GRAPHITE-MAGNETS-BATTERIES-25",
        ),
        # EV lithium-ion batteries: 7.5% until 27 September 2024 (note 31(b) numbers 1-4)
        ("8507.60.00.10", "2024-09-26", "2024-09-27", 7.5, 25.0, "301-CHN-2024-25-DELETED"),
        # rubber medical gloves: 7.5% -> 50% in 2025 -> 100% in 2026
        ("4015.12.10", "2024-12-31", "2025-01-01", 7.5, 50.0, "301-CHN-GLOVES-50"),
        ("4015.12.10", "2025-12-31", "2026-01-01", 50.0, 100.0, "301-CHN-GLOVES-100"),
        # wafers: 25% -> 50% on 1 January 2025 (89 FR 101682)
        ("3818.00.00", "2024-12-31", "2025-01-01", 25.0, 50.0, "301-CHN-SEMIS-50"),
        # steel: list 4A 7.5% until the 25% of 27 September 2024 (9903.91.01, note 31(b))
        ("7208.51.00", "2024-09-26", "2024-09-27", 7.5, 25.0, "301-CHN-2024-25"),
        # tungsten: no Section 301 duty until 2025 (9903.91.11, note 31(j))
        ("8101.94.00", "2024-12-31", "2025-01-01", 0.0, 25.0, "301-CHN-TUNGSTEN-25"),
        # natural graphite: none until 2026 (9903.91.06, note 31(g))
        (
            "2504.10.10",
            "2025-12-31",
            "2026-01-01",
            0.0,
            25.0,
            "301-CHN-GRAPHITE-MAGNETS-BATTERIES-25",
        ),
        # disposable face masks: 7.5% -> 25% in 2025 (9903.91.04, note 31(e)) -> 50% in 2026
        ("6307.90.98.70", "2024-12-31", "2025-01-01", 7.5, 25.0, "301-CHN-FACEMASKS-2025"),
    ],
)
def test_list_rate_until_the_step_up_then_the_step_up(
    hts: str, before: str, on: str, rate_before: float, rate_on: float, step: str
) -> None:
    assert _s301(hts, before)[0] == rate_before
    rate, measures = _s301(hts, on)
    assert rate == rate_on and measures == [step]


def test_enteral_syringes_pay_the_100_percent_only_from_2026() -> None:
    # 9903.91.10: enteral syringes (9018.31.0080) keep the subheading's duty until 2026
    assert _s301("9018.31.00.80", "2025-06-01")[0] == 0.0
    assert _s301("9018.31.00.40", "2025-06-01")[0] == 100.0
    assert _s301("9018.31.00.80", "2026-01-01")[0] == 100.0
    assert _s301("9018.31.00.40", "2024-06-01")[0] == 0.0  # syringes paid nothing before


def test_ship_to_shore_cranes_are_a_description_within_a_line() -> None:
    # 9903.92.10: STS gantry cranes of 8426.19.00 at 25% from 27 September 2024, by claim
    plain = resolve("8426.19.00", "CHN", "2024-10-01")
    assert plain.total_pct == 0.0
    assert any("ship_to_shore_crane" in w for w in plain.warnings)
    claimed = resolve("8426.19.00", "CHN", "2024-10-01", claims=("ship_to_shore_crane",))
    assert claimed.total_pct == 25.0
    assert (
        resolve("8426.19.00", "CHN", "2024-09-26", claims=("ship_to_shore_crane",)).total_pct == 0
    )


@pytest.mark.parametrize(
    ("day", "excluded"),
    [
        ("2024-01-02", True),  # the reinstated exclusions, extended through 31 May 2024
        ("2025-06-01", True),  # extended 1 June - 31 August 2025 (9903.88.69)
        ("2025-11-30", True),  # 30 November 2025 - 9 November 2026
        ("2026-11-09", True),
        ("2026-11-10", False),  # not extended beyond 9 November 2026 by any stored source
    ],
)
def test_product_exclusions_are_a_claim_while_ustr_extends_them(day: str, excluded: bool) -> None:
    # U.S. note 20(vvv)(i)-(iv), heading 9903.88.69: printed circuit assemblies of 8473.30.11
    # (list 3, 25%) described in the note; excluded products pay no list duty when claimed
    assert _s301("8473.30.11", day)[0] == 25.0
    claimed = resolve("8473.30.11", "CHN", day, claims=("s301_exclusion",))
    parts = [c for c in claimed.components if c.group == "s301_china"]
    assert (sum(c.rate_pct for c in parts) == 0.0) is excluded
    # a line the notes do not name keeps its duty under the claim
    other = resolve("8708.50.89", "CHN", day, claims=("s301_exclusion",))
    assert other.total_pct == resolve("8708.50.89", "CHN", day).total_pct


@pytest.mark.parametrize(
    ("day", "excluded"),
    [
        ("2024-01-02", True),
        ("2024-06-14", True),  # the last day of the two weeks' transition
        ("2024-06-15", False),  # not among the 164 extended as note 20(vvv)
    ],
)
def test_exclusions_that_lapsed_on_14_june_2024(day: str, excluded: bool) -> None:
    # U.S. note 20(ttt), heading 9903.88.67 (expired): other parts and accessories of vehicles
    # of 8708.99.81 (list 3, 25%) named by a reinstated exclusion that USTR did not extend
    claimed = resolve("8708.99.81", "CHN", day, claims=("s301_exclusion",))
    plain = resolve("8708.99.81", "CHN", day)
    assert (claimed.total_pct < plain.total_pct) is excluded


def test_partial_entry_of_note_20g_is_partial_at_8_digits() -> None:
    # 8517.62.00: list 3 (9903.88.04) except 8517.62.0090; list 4A (note 20(s)(ii)) except
    # .0010 and .0020 -- routers at 25%, the rest at 7.5%
    assert _s301("8517.62.00.20", "2024-06-01") == (25.0, ["301-CHN-LIST3-PARTIAL"])
    assert _s301("8517.62.00.90", "2024-06-01") == (7.5, ["301-CHN-LIST4A-PARTIAL"])
    whole = resolve("8517.62.00", "CHN", "2024-06-01")
    assert not [c for c in whole.components if c.group == "s301_china"]
    partial = [w for w in whole.warnings if "covers only some goods of HTS 85176200" in w]
    assert len(partial) == 2
    assert any("301-CHN-LIST3-PARTIAL" in w and "8517620010, 8517620020" in w for w in partial)
    table = resolve_lines(["CHN"], "2024-06-01", codes=["8517.62.00", "8542.31.00"])
    assert table.partial[:, 0].tolist() == [True, False]
    # the excepted seats of 9401.71.00 pay neither (they were list 4B, suspended)
    assert _s301("9401.71.00.01", "2024-06-01")[0] == 0.0
    assert _s301("9401.71.00.11", "2024-06-01")[0] == 25.0
    assert _s301("9401.71.00.07", "2024-06-01")[0] == 7.5


def test_partial_entries_parser() -> None:
    text = """(g) For the purposes of heading 9903.88.04, products of China, as provided for in this note:

1. Other compounds, provided for in 2931.90.90, except for such compounds provided
         for in statistical reporting number 2931.90.9051;

2. Machines, provided
         for in [subheading] 8517.62.00, except for such machines provided for in statistical
         reporting numbers 8517.62.0010 and 8517.62.0090.

(h) The U.S. Trade Representative determined to establish a process
"""
    entries = partial_entries(text, LIST3_PARTIAL)
    assert entries == (
        PartialEntry("29319090", ("2931909051",)),
        PartialEntry("85176200", ("8517620010", "8517620090")),
    )
    children = {
        "29319090": ("2931909010", "2931909052"),
        "85176200": ("8517620010", "8517620020", "8517620090"),
    }
    # 2931.90.9051 is printed as 2931.90.9052 in the 2025 edition
    assert covered_statistical_lines(entries, children.__getitem__) == (
        "2931909010",
        "8517620020",
    )


def test_partial_lists_hold_the_statistical_lines_of_the_notes() -> None:
    list3 = read_product_list("s301_china_list3_partial")
    list4a = read_product_list("s301_china_list4a_partial")
    assert not set(list3) & set(list4a)
    assert {c[:8] for c in list3} == {
        "29319090", "85176200", "94016140", "94016960", "94017100", "94017900",
        "94018020", "94018040", "94018060", "94037040", "94037080",
    }  # fmt: skip
    assert {c[:8] for c in list4a} == {"49019900", "63079098", "85176200", "94016960", "94017100"}
    assert "4901990040" not in list4a and "6307909875" not in list4a  # excepted


@pytest.mark.shared
def test_partial_entries_match_2024_calculated_duties(shared: Path) -> None:
    """Census 2024 duties on China's lines of the partial entries: the statistical lines the
    catalog covers at 25% paid about 21% above MFN, those at 7.5% about 7.3%, the excepted
    ones almost nothing (Section 301 exclusions explain what the first group did not pay)."""
    frame = _china_2024(shared)
    list3 = set(read_product_list("s301_china_list3_partial"))
    list4a = set(read_product_list("s301_china_list4a_partial"))
    frame = frame[frame["HTS10"].str[:8].isin({c[:8] for c in list3 | list4a})]
    masks = frame["HTS10"].str.startswith("630790984") | frame["HTS10"].str.startswith(
        "630790987"
    )  # moved by the four-year review
    frame = frame[~masks]
    rate = _extra_rate_by(
        frame,
        np.where(
            frame["HTS10"].isin(list3), "25", np.where(frame["HTS10"].isin(list4a), "7.5", "none")
        ),
    )
    assert 18.0 <= rate["25"] <= 25.0
    assert 6.5 <= rate["7.5"] <= 7.5
    assert rate["none"] <= 1.0


@pytest.mark.shared
@pytest.mark.parametrize(
    ("prefix", "low", "high"),
    [
        (("8542",), 15.0, 25.0),  # semiconductors: 25% all year (50% from 2025)
        (("40151210",), 6.0, 7.6),  # gloves: 7.5% all year (50% from 2025)
        (("810194", "810199"), 0.0, 1.0),  # tungsten: no 301 before 2025
        (("250410",), 0.0, 1.0),  # natural graphite: none before 2026
        (("870380",), 35.0, 50.0),  # EVs: 25% to 26 September, 100% after
    ],
)
def test_rates_before_the_step_ups_match_2024_calculated_duties(
    shared: Path, prefix: tuple[str, ...], low: float, high: float
) -> None:
    """What China's lines paid above MFN in 2024 (Census) agrees with the list rate the
    catalog gives them before their step-up (exclusions can only lower it)."""
    frame = _china_2024(shared)
    frame = frame[frame["HTS10"].str.startswith(prefix)]
    assert frame["CON_VAL_YR"].sum() > 5e6
    rate = _extra_rate_by(frame, np.full(len(frame), "all"))["all"]
    assert low <= rate <= high


def _china_2024(shared: Path) -> pd.DataFrame:
    path = shared / "data/a_trade/census_us_imports_for_consumption_hts10_51partners_2024.csv.gz"
    frame = pd.read_csv(path, dtype={"HTS10": str, "CTY_CODE": str})
    frame = frame[frame["CTY_CODE"] == "5700"]  # China
    schedule = load_schedule()
    known = set(schedule.hts8.tolist())
    frame = frame[frame["HTS10"].str[:8].isin(known)].copy()
    frame["mfn"] = [schedule.line(code[:8]).mfn.ad_valorem for code in frame["HTS10"]]
    return frame


def _extra_rate_by(frame: pd.DataFrame, groups: np.ndarray) -> dict[str, float]:
    """Duty above the MFN rate per value, percent, by group."""
    extra = frame["CAL_DUT_YR"] - frame["CON_VAL_YR"] * frame["mfn"]
    table = pd.DataFrame({"g": groups, "v": frame["CON_VAL_YR"], "x": extra})
    sums = table.groupby("g")[["v", "x"]].sum()
    return {str(k): float(100 * row.x / row.v) for k, row in sums.iterrows()}
