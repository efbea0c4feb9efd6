"""The embedded HTS 2025 schedule: lookups, inheritance, arrays, errors (no ../shared needed)."""

from __future__ import annotations

import numpy as np
import pytest

from tariffscope.errors import MalformedInputError, UnknownCodeError
from tariffscope.regime.schedule import Schedule, format_hts, load_schedule, normalize_hts


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    return load_schedule()


def test_load_is_cached(schedule: Schedule) -> None:
    assert load_schedule() is schedule
    assert schedule.edition == "HTS 2025 Basic Edition"


@pytest.mark.parametrize("code", ["8703.23.01", "87032301", " 8703 23 01 ", "8703.2301"])
def test_code_forms(schedule: Schedule, code: str) -> None:
    assert schedule.line(code).hts == "87032301"


def test_passenger_cars_are_2_5_percent(schedule: Schedule) -> None:
    line = schedule.line("8703.23.01")
    assert (line.level, line.mfn.kind, line.mfn.text) == (8, "ad_valorem", "2.5%")
    assert line.mfn.ad_valorem == 0.025
    assert line.rate_source == "87032301"
    assert line.full_description.startswith("Motor cars and other motor vehicles")
    assert "1,500 cc but not exceeding 3,000 cc" in line.description


def test_statistical_lines_inherit_their_tariff_line_rate(schedule: Schedule) -> None:
    line = schedule.line("8703.23.01.90")
    assert (line.level, line.description, line.unit) == (10, "Used", "No.")
    assert line.mfn == schedule.line("8703.23.01").mfn
    assert line.rate_source == "87032301"
    assert line.full_description.endswith("3,000 cc Other: Used")
    assert schedule.children("8703.23.01") == (
        "8703230110",
        "8703230120",
        "8703230130",
        "8703230140",
        "8703230160",
        "8703230170",
        "8703230190",
    )


def test_over_quota_beef_is_26_4_percent(schedule: Schedule) -> None:
    """us_japan_tariff_timeline_2025.csv (EO 14326 row): "beef 26.4% -> 41.4%". The 26.4%
    General rate is heading 0201.30.80 (boneless beef, other than in-quota)."""
    line = schedule.line("0201.30.80")
    assert (line.mfn.kind, line.mfn.ad_valorem) == ("ad_valorem", pytest.approx(0.264))
    assert schedule.line("0201.30.80.10").mfn.ad_valorem == pytest.approx(0.264)
    # the in-quota line is specific: 4.4¢/kg
    in_quota = schedule.line("0201.30.50").mfn
    assert (in_quota.kind, in_quota.specific[0].amount_usd, in_quota.specific[0].unit) == (
        "specific",
        0.044,
        "kg",
    )


def test_specific_and_compound_lines(schedule: Schedule) -> None:
    goats = schedule.line("0104.20.00").mfn
    assert (goats.kind, goats.specific[0].amount_usd, goats.specific[0].unit) == (
        "specific",
        0.68,
        "head",
    )
    milk = schedule.line("0402.29.50").mfn
    assert milk.text == "$1.104/kg + 14.9%"
    assert milk.kind == "compound" and milk.ad_valorem == pytest.approx(0.149)
    assert milk.ad_valorem_equivalent(4.0) == pytest.approx(0.149 + 1.104 / 4.0)
    olives = schedule.line("0711.51.00").mfn
    assert olives.specific[0].unit == "kg drained weight"


def test_ten_digit_line_standing_for_its_tariff_line(schedule: Schedule) -> None:
    """The file prints 0101.30.00.00 (asses, 6.8%) with no 0101.30.00 row; both exist here."""
    line8, line10 = schedule.line("0101.30.00"), schedule.line("0101.30.00.00")
    assert (line8.level, line10.level) == (8, 10)
    assert line8.mfn.text == line10.mfn.text == "6.8%"
    assert line8.rate_source == line10.rate_source == "0101300000"
    assert line8.description == "Asses"
    assert schedule.children("01013000") == ("0101300000",)
    assert "01013000" in schedule.hts8


def test_specific_lines_inherit_with_units(schedule: Schedule) -> None:
    line = schedule.line("0102.29.40.24")
    assert line.unit == "No., kg"
    assert line.mfn.text == "1¢/kg" and line.rate_source == "01022940"


def test_chapter_99_is_found_but_not_in_arrays(schedule: Schedule) -> None:
    line = schedule.line("9903.88.01")
    assert line.is_special and line.mfn.kind == "other"
    assert not any(code.startswith(("98", "99")) for code in schedule.hts8)
    assert not any(code.startswith(("98", "99")) for code in schedule.hts10)


def test_line_without_any_published_rate(schedule: Schedule) -> None:
    line = schedule.line("9802.00.91.00")  # its rate is in the Special column only
    assert (line.mfn.text, line.mfn.kind, line.rate_source) == ("", "other", "")


def test_arrays(schedule: Schedule) -> None:
    hts8, hts10 = schedule.hts8, schedule.hts10
    assert len(hts8) > 11_000 and len(hts10) > 19_000
    assert (np.sort(hts8) == hts8).all() and (np.sort(hts10) == hts10).all()
    assert len(np.unique(hts8)) == len(hts8)
    assert all(len(code) == 8 for code in hts8[:100])
    assert set(code[:8] for code in hts10) <= set(hts8.tolist())
    assert schedule.mfn_ad_valorem_hts8.shape == schedule.mfn_is_specific_hts8.shape == hts8.shape
    assert not schedule.mfn_ad_valorem_hts8.flags.writeable
    i = int(np.searchsorted(hts8, "87032301"))
    assert schedule.mfn_ad_valorem_hts8[i] == 0.025 and not schedule.mfn_is_specific_hts8[i]
    j = int(np.searchsorted(hts8, "04022950"))
    assert schedule.mfn_ad_valorem_hts8[j] == pytest.approx(0.149)
    assert schedule.mfn_is_specific_hts8[j] and schedule.mfn_kind_hts8[j] == "compound"
    kinds = dict(zip(*np.unique(schedule.mfn_kind_hts8, return_counts=True), strict=True))
    assert set(kinds) == {"free", "ad_valorem", "specific", "compound", "other"}
    assert (
        schedule.mfn_is_specific_hts8 == ~np.isin(schedule.mfn_kind_hts8, ["free", "ad_valorem"])
    ).all()


def test_to_frame(schedule: Schedule) -> None:
    frame = schedule.to_frame()
    assert len(frame) == len(schedule)
    assert frame["hts"].is_monotonic_increasing
    row = frame.set_index("hts").loc["04022950"]
    assert (row["rate_kind"], row["specific_unit"], row["specific_terms"]) == ("compound", "kg", 1)
    assert row["specific_usd"] == pytest.approx(1.104)
    assert row["context"].startswith("Milk and cream")


@pytest.mark.parametrize("code", ["8703", "870323", "87032301501", "8703.23.0x", "", "HTS"])
def test_malformed_codes(schedule: Schedule, code: str) -> None:
    with pytest.raises(MalformedInputError, match="8- or 10-digit"):
        schedule.line(code)


def test_unknown_codes_are_named(schedule: Schedule) -> None:
    with pytest.raises(UnknownCodeError, match=r"0000\.00\.00 is not in the HTS 2025"):
        schedule.line("0000.00.00")
    with pytest.raises(UnknownCodeError) as info:
        schedule.line("8703.23.01.50")
    assert "8703.23.01.50" in info.value.message
    assert info.value.hint is not None and "8703.23.01.90" in info.value.hint
    assert info.value.exit_code == 2


def test_children_needs_a_tariff_line(schedule: Schedule) -> None:
    with pytest.raises(MalformedInputError):
        schedule.children("8703.23.01.90")
    with pytest.raises(UnknownCodeError):
        schedule.children("0000.00.00")


def test_contains_and_formatting(schedule: Schedule) -> None:
    assert "8703.23.01" in schedule and "0000.00.00" not in schedule and "junk" not in schedule
    assert format_hts("8703230190") == "8703.23.01.90" and format_hts("87032301") == "8703.23.01"
    assert normalize_hts("8703.23.01.90") == "8703230190"
