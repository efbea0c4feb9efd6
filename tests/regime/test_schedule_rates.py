"""The General (MFN) rate-text parser: every form of the HTS 2025 Basic Edition."""

from __future__ import annotations

import collections
import csv
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tariffscope.errors import MalformedInputError
from tariffscope.regime._rate_text import AdValoremPart, MfnRate, SpecificDuty, parse_rate

# text -> (kind, ad valorem fraction, specific terms as (dollars, unit))
CASES: dict[str, tuple[str, float, tuple[tuple[float, str], ...]]] = {
    "Free": ("free", 0.0, ()),
    "6.5%": ("ad_valorem", 0.065, ()),
    "2.5%": ("ad_valorem", 0.025, ()),
    "6.5% on the entire set": ("ad_valorem", 0.065, ()),
    "1¢/kg": ("specific", 0.0, ((0.01, "kg"),)),
    "0.9¢ each": ("specific", 0.0, ((0.009, "each"),)),
    "89.6¢/1000": ("specific", 0.0, ((0.896, "1000"),)),
    "$1.13/m3": ("specific", 0.0, ((1.13, "m3"),)),
    "2.8¢/doz.": ("specific", 0.0, ((0.028, "doz"),)),
    "68¢/head": ("specific", 0.0, ((0.68, "head"),)),
    "10.5¢/bbl": ("specific", 0.0, ((0.105, "bbl"),)),
    "4.5¢/ liter": ("specific", 0.0, ((0.045, "liter"),)),
    "23.7¢/pf.liter": ("specific", 0.0, ((0.237, "pf.liter"),)),
    "18.7¢/clean kg": ("specific", 0.0, ((0.187, "clean kg"),)),
    "3.7¢/kg on drained weight": ("specific", 0.0, ((0.037, "kg drained weight"),)),
    "1.7¢/kg on lead content": ("specific", 0.0, ((0.017, "kg lead content"),)),
    "3.6606¢/kg of total sugars": ("specific", 0.0, ((0.036606, "kg total sugars"),)),
    "20¢/thousand + 3.5%": ("compound", 0.035, ((0.2, "1000"),)),
    "10¢/1,000 pins + 3.5%": ("compound", 0.035, ((0.1, "1000 pins"),)),
    "0.3¢/line/ gross + 4.6%": ("compound", 0.046, ((0.003, "line/gross"),)),
    "$1.104/kg + 14.9%": ("compound", 0.149, ((1.104, "kg"),)),
    "5.7¢/kg on drained weight + 8%": ("compound", 0.08, ((0.057, "kg drained weight"),)),
    "5.7¢/kg on drained weight +8%": ("compound", 0.08, ((0.057, "kg drained weight"),)),
    "90¢/pr. + 37.5%": ("compound", 0.375, ((0.9, "pr"),)),
    "4.4¢/liter + 31.4¢/pf. liter": ("specific", 0.0, ((0.044, "liter"), (0.314, "pf.liter"))),
    "36¢ each + 5.6% + 2¢/jewel": ("compound", 0.056, ((0.36, "each"), (0.02, "jewel"))),
    "40¢ each + 6% on the case + 5.3% on the battery": ("compound", 0.06, ((0.4, "each"),)),
    "3.9% on the movement and case + 5.3% on the battery": ("other", 0.039, ()),
    "2.5% on the value of the lead content": ("other", 0.025, ()),
    "3 percent of the fair retail value": ("other", 0.03, ()),
    "The duty provided in the applicable subheading": ("other", 0.0, ()),
    "The duty provided in the applicable subheading + 25%": ("other", 0.0, ()),
    "The duty rate provided in such subheading minus 0.5%": ("other", 0.0, ()),
    "See additional U.S. note 1": ("other", 0.0, ()),
    "No change": ("other", 0.0, ()),
    "Free, under bond, as prescribed in U.S. note 1 to this subchapter": ("free", 0.0, ()),
}


@pytest.mark.parametrize("text", sorted(CASES))
def test_known_forms(text: str) -> None:
    kind, ad_valorem, specific = CASES[text]
    rate = parse_rate(text)
    assert rate.text == text
    assert rate.kind == kind
    assert rate.ad_valorem == pytest.approx(ad_valorem, abs=1e-12)
    assert [(s.amount_usd, s.unit) for s in rate.specific] == [
        (pytest.approx(a, abs=1e-12), u) for a, u in specific
    ]


def test_cents_become_exact_dollars() -> None:
    # 0.9 / 100 in binary floating point is 0.009000000000000001; the parser avoids that
    assert parse_rate("0.9¢ each").specific[0].amount_usd == 0.009
    assert parse_rate("4.4%").ad_valorem == 0.044


def test_parts_keep_their_basis() -> None:
    rate = parse_rate(
        "44¢ each + 6% on the case + 14% on the strap, band or bracelet + 5.3% on the battery"
    )
    assert rate.kind == "compound"
    assert rate.ad_valorem_parts == (
        AdValoremPart(0.06, "the case"),
        AdValoremPart(0.14, "the strap, band or bracelet"),
        AdValoremPart(0.053, "the battery"),
    )
    assert "parts of the value" in rate.note


def test_sugar_sliding_scale_is_specific_at_100_degrees() -> None:
    text = (
        "1.4606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a"
        " degree in proportion) but not less than 0.943854¢/kg"
    )
    rate = parse_rate(text)
    assert rate.kind == "specific"
    assert rate.specific == (SpecificDuty(0.014606, "kg"),)
    assert "0.943854" in rate.note


def test_proviso_goes_to_note() -> None:
    rate = parse_rate(
        "4.3% + 1.7¢/jewel + 0.2¢ for each other piece or part, but if consisting in part of a"
        " plate or a set of plates the total duty shall not exceed the duty for the complete"
        " movement"
    )
    assert rate.kind == "compound"
    assert rate.ad_valorem == pytest.approx(0.043)
    assert [s.unit for s in rate.specific] == ["jewel", "other piece or part"]
    assert rate.note.startswith("but if consisting")


def test_ad_valorem_equivalent() -> None:
    assert parse_rate("Free").ad_valorem_equivalent() == 0.0
    assert parse_rate("2.5%").ad_valorem_equivalent() == 0.025
    assert parse_rate("2.5%").ad_valorem_equivalent(7.0) == 0.025  # unit value is not needed
    specific = parse_rate("1¢/kg")
    assert specific.ad_valorem_equivalent() is None
    assert specific.ad_valorem_equivalent(2.0) == pytest.approx(0.005)
    compound = parse_rate("$1.104/kg + 14.9%")
    assert compound.ad_valorem_equivalent(10.0) == pytest.approx(0.1104 + 0.149)
    # terms in different units, parts of the value, references: not computable
    assert parse_rate("4.4¢/liter + 31.4¢/pf. liter").ad_valorem_equivalent(1.0) is None
    assert parse_rate("40¢ each + 6% on the case").ad_valorem_equivalent(50.0) is None
    assert (
        parse_rate("The duty provided in the applicable subheading").ad_valorem_equivalent(1.0)
        is None
    )


@pytest.mark.parametrize("bad", [0.0, -1.0, math.nan, math.inf])
def test_ad_valorem_equivalent_rejects_bad_unit_values(bad: float) -> None:
    with pytest.raises(MalformedInputError, match="1¢/kg"):
        parse_rate("1¢/kg").ad_valorem_equivalent(bad)


def test_is_ad_valorem_only() -> None:
    assert parse_rate("Free").is_ad_valorem_only
    assert parse_rate("6.5%").is_ad_valorem_only
    assert not parse_rate("1¢/kg").is_ad_valorem_only
    assert not parse_rate("$1.104/kg + 14.9%").is_ad_valorem_only
    assert not parse_rate("No change").is_ad_valorem_only


@pytest.mark.parametrize("text", ["", "   ", "5 widgets", "12¢ per fortnight", "abc 5%"])
def test_unreadable_text_raises_naming_it(text: str) -> None:
    with pytest.raises(MalformedInputError) as info:
        parse_rate(text)
    assert repr(text) in info.value.message


@given(
    cents=st.decimals(min_value="0.01", max_value="999.99", places=2),
    percent=st.decimals(min_value="0.1", max_value="99.9", places=1),
    unit=st.sampled_from(["kg", "liter", "doz.", "m2", "t", "head", "gross"]),
)
def test_compound_round_trip(cents: object, percent: object, unit: str) -> None:
    rate = parse_rate(f"{cents}¢/{unit} + {percent}%")
    assert rate.kind == "compound"
    assert rate.ad_valorem == pytest.approx(float(str(percent)) / 100, rel=1e-12)
    (term,) = rate.specific
    assert term.amount_usd == pytest.approx(float(str(cents)) / 100, rel=1e-12)
    assert term.unit == unit.rstrip(".")
    # the equivalent at a unit value u is the sum of both parts
    assert rate.ad_valorem_equivalent(2.0) == pytest.approx(rate.ad_valorem + term.amount_usd / 2)


@pytest.mark.shared
def test_every_general_rate_text_of_the_2025_edition_parses(shared: Path) -> None:
    """Each distinct text of the General column gets a kind; 'other' only for texts that
    refer to another provision or tax a part or another base of the value."""
    path = shared / "data/b_tariff_schedule/hts_2025_basic_edition.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        texts = {row["General Rate of Duty"].strip() for row in csv.DictReader(handle)} - {""}
    assert len(texts) > 700
    kinds = collections.Counter()
    for text in texts:
        rate = parse_rate(text)
        kinds[rate.kind] += 1
        if rate.kind == "other":
            assert rate.note, text
        if rate.kind in ("specific", "compound"):
            assert rate.specific and all(s.amount_usd > 0 and s.unit for s in rate.specific)
        if rate.kind == "ad_valorem":
            assert 0 < rate.ad_valorem <= 3.5 and not rate.specific  # 350%: tobacco over quota
    assert set(kinds) == {"free", "ad_valorem", "specific", "compound", "other"}
    assert kinds["other"] < 60


def test_rates_are_frozen_values() -> None:
    rate = parse_rate("2.5%")
    assert rate == MfnRate("2.5%", "ad_valorem", 0.025, (), (AdValoremPart(0.025),))
    with pytest.raises(AttributeError):
        rate.kind = "free"  # type: ignore[misc]
