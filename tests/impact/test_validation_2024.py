"""The law, applied, against the duties Census calculated on 2024 imports.

The target of issue 9: within 2% in total and 5% for each of the 20 largest partners (the EU
as the sum of its members, whose lines add up to the Census EU aggregate line by line). Two
comparisons: the law of 1 January 2025 (literal) and the law of each day of 2024 averaged over
the year (the law the entries were made under, and the law the pooled claim shares are fitted
on). The averaged total is 2.5% above (China's Section 301 lines, $1.4 bn, are most of it), and
17 of the 20 meet the 5% since the Section 232 product exclusions granted to importers are a
pooled claim (s232_exclusion, fitted on these duties: circular). The others are off by causes
docs/validation.md names and quantifies (solar modules beyond what the bifacial exclusion
explains, quotas the law does not price, the law of one day charged on a year's trade): each
such partner gets the bound its gap really has, and
the test checks that its named causes carry the gap (what is left is within 5%), so a new gap
or a wrong explanation fails. Mexico's gap, in both comparisons, lies outside the named causes
(a line on which two sources disagree) and has its own tests.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tariffscope.impact.validation import (
    CAUSES,
    Validation,
    validate_2024,
    validate_2024_averaged,
)

pytestmark = [pytest.mark.issue(9), pytest.mark.shared]

LARGEST = 20
#: Partners whose gap the literal law has within 5% without any allowance.
#: Chile since the General Approved Exclusions of 15 CFR 705 supp. 2 (CBP CSMS 52834487: its wire of
#: 7217.90.5030/.5060) are in the catalog; Taiwan, India and Turkey since the Section 232
#: exclusions granted to importers are a claim (s232_exclusion, with shares fitted on 2024).
WITHIN_FIVE = (
    *("EUN", "CAN", "JPN", "GBR", "CHE", "ISR", "BRA", "IDN", "CHL"),
    *("TWN", "IND", "TUR"),
)
#: The literal law's other largest partners: the causes that carry the gap, and its bound (%).
EXPLAINED: dict[str, tuple[tuple[str, ...], float]] = {
    # Section 301 step-ups of 27 September 2024 and 1 January 2025 charged on all of 2024 (with
    # the partial lines priced at their HTS10 lines, they no longer offset it)
    # (the 301 step-up on Chinese steel and aluminum of 27 September 2024 counts under the metals)
    "CHN": (("section_301_china", "partial_lines", "section_232_metals"), 9.0),
    # solar modules: bifacial modules were excluded from Section 201 until 26 June 2024 (the
    # thin-film modules of 8541.43.0080, outside it, paid none: Malaysia from 90% to 45%)
    "VNM": (("solar_modules",), 12.0),
    "MYS": (("solar_modules",), 43.0),
    "SGP": (("solar_modules",), 51.0),
    "KOR": (("solar_modules",), 7.0),
    # solar modules, and GSP-flagged lines beyond the share of flagged entries fitted for the
    # partner (the statistic, not the law: module census_statistic)
    "THA": (("solar_modules", "gsp_flagged"), 29.0),
    # in-quota sugar and dairy rates given only by reference to chapter 98/99 provisions, and
    # aluminum whose General Approved Exclusion ended on 1 July 2024 (charged all year here);
    # the sugar AVE rose (from 16.1% to 28.5%) once Mexico's sugar, free under USMCA
    # (9823.09.01), no longer counted among the General-rate payers
    "COL": (("quota_references", "section_232_metals"), 29.0),
}
#: Partners whose gap the averaged law has within 5% without any allowance.
AVERAGED_WITHIN_FIVE = (
    *("EUN", "CHN", "CAN", "JPN", "GBR", "CHE", "ISR", "BRA", "IDN"),
    # within 5% since the bifacial exclusion has a share (fitted on the days it was in force)
    *("VNM", "IND", "THA"),
    # within 5% since the General Approved Exclusions are in the catalog (CSMS 52834487)
    "CHL",
    # within 5% since the Section 232 exclusions granted to importers are a claim (fitted)
    *("KOR", "TWN", "TUR", "SGP"),
)
#: The averaged law's other largest partners (Mexico apart): causes and bound (%).
AVERAGED_EXPLAINED: dict[str, tuple[tuple[str, ...], float]] = {
    # solar modules: what the bifacial share, clipped at 1, leaves on the crystalline modules
    # (Malaysia from 22% to 10% once thin-film modules were outside Section 201)
    "MYS": (("solar_modules",), 9.0),
    # in-quota sugar and dairy rates given only by reference to chapter 98/99 provisions (13.2%
    # before Mexico's sugar left the payers of the 1701.99.50 AVE: 11.1% to 15.3%)
    "COL": (("quota_references",), 26.0),
}


@pytest.fixture(scope="module")
def validation() -> Validation:
    return validate_2024()


def test_the_largest_partners_are_the_ones_the_test_names(validation: Validation) -> None:
    largest = validation.largest(LARGEST)
    assert sorted(largest) == sorted((*WITHIN_FIVE, *EXPLAINED, "MEX"))
    assert largest[:4] == ["EUN", "MEX", "CHN", "CAN"]


def test_collected_duties_are_the_census_figures(validation: Validation, shared: Path) -> None:
    """The target is Census calculated duties: the shared HS2 file's chapters 1-97, less the
    few 2024 lines the 2025 schedule no longer has."""
    raw = pd.read_csv(
        shared / "data/a_trade/census_us_imports_for_consumption_hs2_by_country_2024.csv.gz",
        dtype={"CTY_CODE": str, "HS2": str},
    )
    goods = raw[(raw["CTY_CODE"] != "0003") & ~raw["HS2"].isin(["98", "99"])]
    everyone = validation.partner("ALL")
    assert everyone["collected_usd"] == pytest.approx(goods["CAL_DUT_YR_2024"].sum(), rel=0.01)
    assert everyone["imports_usd"] == pytest.approx(goods["CON_VAL_YR_2024"].sum(), rel=0.01)
    eu = raw[(raw["CTY_CODE"] == "0003") & ~raw["HS2"].isin(["98", "99"])]
    assert validation.partner("EUN")["collected_usd"] == pytest.approx(
        eu["CAL_DUT_YR_2024"].sum(), rel=0.01
    )


@pytest.mark.parametrize("partner", WITHIN_FIVE)
def test_partner_within_five_percent(validation: Validation, partner: str) -> None:
    row = validation.partner(partner)
    assert abs(row["gap_pct"]) <= 5.0, f"{partner}: {row['gap_pct']:.1f}%"


@pytest.mark.parametrize("partner", sorted(EXPLAINED))
def test_partner_gap_is_carried_by_its_named_causes(validation: Validation, partner: str) -> None:
    causes, bound = EXPLAINED[partner]
    assert set(causes) <= set(CAUSES)
    row = validation.partner(partner)
    assert abs(row["gap_pct"]) <= bound, f"{partner}: {row['gap_pct']:.1f}%"
    rest = row["gap_usd"] - sum(row[f"gap_{cause}_usd"] for cause in causes)
    assert abs(rest) <= 0.05 * row["collected_usd"], f"{partner}: {rest / 1e6:.1f} M$ left"


def test_total_gap_and_what_the_causes_leave(validation: Validation) -> None:
    """The total as Census calculates it is 6.7% above what was collected (China's Section 301
    lines, with the step-ups of 27 September 2024 and 1 January 2025 charged on all of 2024 and
    the exclusions that lapsed on 14 June 2024 charged, are more than half of it); outside the
    named causes' lines the law is within 2%."""
    row = validation.partner("ALL")
    assert 0.0 < row["gap_pct"] <= 7.0
    assert row["gap_pct"] < row["gap_law_pct"] <= 8.5
    assert abs(row["gap_unexplained_usd"]) <= 0.02 * row["collected_usd"]
    assert row["gap_section_301_china_usd"] > 0.55 * row["gap_usd"]


def test_usmca_shares_alone_bring_canada_and_mexico_within_five_percent(
    validation: Validation,
) -> None:
    """Not circular: the USMCA shares are observed (DataWeb), not fitted to these duties."""
    for partner in ("CAN", "MEX"):
        row = validation.partner(partner)
        assert row["statutory_usd"] > 4 * row["collected_usd"]
        assert row["usmca_only_usd"] == pytest.approx(row["collected_usd"], rel=0.05)


def test_circular_part_is_small_in_total(validation: Validation) -> None:
    """Duties on cells whose pooled share was fitted to them are reproduced by construction
    (by the averaged law of 2024); they are 23% of all duties (China's Section 301
    exclusion lines among them, and since the fit prices partial lines at their HTS10 lines
    its partial Section 301 lines: 31% of China's; the Section 232 exclusion shares add 1.7
    points of the total), but most of the FTA partners' (docs/validation.md)."""
    everyone = validation.partner("ALL")
    assert everyone["collected_fitted_usd"] < 0.24 * everyone["collected_usd"]
    china = validation.partner("CHN")
    assert china["collected_fitted_usd"] < 0.32 * china["collected_usd"]
    assert (
        validation.partner("KOR")["collected_fitted_usd"]
        > 0.5 * (validation.partner("KOR")["collected_usd"])
    )
    # the pooled shares move the total by about a quarter of the statutory-to-collected drop
    drop = everyone["statutory_usd"] - everyone["collected_usd"]
    pooled = everyone["usmca_only_usd"] - everyone["applied_usd"]
    assert 0.15 * drop < pooled < 0.35 * drop


# The law averaged over the days of 2024: the entries were made under the law of their day.


@pytest.fixture(scope="module")
def averaged() -> Validation:
    return validate_2024_averaged()


def test_averaged_law_weights_the_distinct_laws_of_2024(averaged: Validation) -> None:
    """Each law of 2024 is weighted by its days: the Section 201 step-down of 7 February, the
    Mexican metals of 10 July and the Section 301 step-ups of 27 September start laws."""
    starts = averaged.table.attrs["law_starts"]
    assert starts[0] == "2024-01-01"
    assert {"2024-02-07", "2024-07-10", "2024-09-27"} <= set(starts)
    assert averaged.date == "2024-01-01..2024-12-31"


def test_averaged_partners_are_the_largest(averaged: Validation) -> None:
    named = (*AVERAGED_WITHIN_FIVE, *AVERAGED_EXPLAINED, "MEX")
    assert sorted(averaged.largest(LARGEST)) == sorted(named)


@pytest.mark.parametrize("partner", AVERAGED_WITHIN_FIVE)
def test_averaged_partner_within_five_percent(averaged: Validation, partner: str) -> None:
    row = averaged.partner(partner)
    assert abs(row["gap_pct"]) <= 5.0, f"{partner}: {row['gap_pct']:.1f}%"


@pytest.mark.parametrize("partner", sorted(AVERAGED_EXPLAINED))
def test_averaged_partner_gap_is_carried_by_its_named_causes(
    averaged: Validation, partner: str
) -> None:
    causes, bound = AVERAGED_EXPLAINED[partner]
    row = averaged.partner(partner)
    assert abs(row["gap_pct"]) <= bound, f"{partner}: {row['gap_pct']:.1f}%"
    rest = row["gap_usd"] - sum(row[f"gap_{cause}_usd"] for cause in causes)
    assert abs(rest) <= 0.05 * row["collected_usd"], f"{partner}: {rest / 1e6:.1f} M$ left"


@pytest.mark.parametrize("comparison", ["literal", "averaged"])
def test_mexico_is_below_by_a_line_outside_the_named_causes(
    validation: Validation, averaged: Validation, comparison: str
) -> None:
    """Mexico is 8.3% below (6.5% literal): its peanuts of 2008.11.61, all USMCA by DataWeb and
    all at the over-quota General rate by Census, are more than its whole gap; the named causes
    (solar modules) push the other way. Goods of Mexico are free under USMCA's dairy, sugar and
    sugar-containing provisions (HTS 9823.01.01-9823.10.01, U.S. notes 1(a)-10(a) to subchapter
    XXIII: eligible "only under" that Free (S+) provision, no quota), so the law no longer charges
    the $13 M (dairy) and $26 M (sugar) Mexico did not pay, which offset the peanuts; no
    reference Mexico could claim is left unpriced (docs/validation.md)."""
    row = (validation if comparison == "literal" else averaged).partner("MEX")
    assert row["gap_unexplained_usd"] < row["gap_usd"] < 0.0
    assert 5.0 < abs(row["gap_pct"]) <= 9.0
    assert abs(row["gap_quota_references_usd"]) < 0.001 * row["collected_usd"]


def test_averaged_total_and_what_the_causes_leave(
    validation: Validation, averaged: Validation
) -> None:
    """The law of each day of 2024 is 2.5% above in total (the issue's 2% is not met: China's
    Section 301 lines carry $1.4 bn of the $1.9 bn, on lines where no exclusion is encoded):
    the Section 301 step-ups of 27 September 2024 and 1 January 2025 count for
    their days only, and the exclusions in force for part of 2024 (those that lapsed on 14 June
    2024, the bifacial modules to 24 September 2024) have shares fitted on the days they were
    in force. China's Section 301 lines carry $1.6 bn less gap than in the literal comparison;
    outside the named causes' lines the law is within 2%."""
    literal, mean = validation.partner("CHN"), averaged.partner("CHN")
    drop = literal["gap_section_301_china_usd"] - mean["gap_section_301_china_usd"]
    assert 1.0e9 < drop < 2.5e9
    assert abs(mean["gap_pct"]) < 5.0 < abs(literal["gap_pct"])
    assert abs(mean["gap_partial_lines_usd"]) < 0.01 * mean["collected_usd"]
    everyone = averaged.partner("ALL")
    assert 0.0 < everyone["gap_pct"] <= 2.6
    assert abs(everyone["gap_unexplained_usd"]) <= 0.02 * everyone["collected_usd"]
    assert everyone["gap_section_301_china_usd"] > 0.7 * everyone["gap_usd"]


def test_bifacial_exclusion_has_a_share_on_the_days_it_was_in_force(
    validation: Validation, averaged: Validation
) -> None:
    """Solar modules of 8541.43 paid Section 201 except bifacial ones (to 24 September 2024,
    claim bifacial_solar): fitted on the averaged law, Vietnam's share is positive and the
    averaged gap on modules falls; the law of 1 January 2025, without the exclusion, still
    charges them in full."""
    from tariffscope.impact.claim_shares import EXTRA_CLAIMS, claim_calibration

    assert "bifacial_solar" in EXTRA_CLAIMS
    calibration = claim_calibration()
    row = list(calibration.codes).index("85414300")
    assert calibration.share[row, calibration.origins.index("VNM")] > 0.5
    # Section 201 covers the crystalline modules only (8541.43.0010): the fit prices the line
    # at the partner's HTS10 mix, so the exclusion keeps a margin and Thailand's share is fitted
    thailand = calibration.origins.index("THA")
    assert calibration.fitted[row, thailand] and calibration.share[row, thailand] > 0.5
    literal, mean = validation.partner("VNM"), averaged.partner("VNM")
    assert mean["gap_solar_modules_usd"] < 0.3 * literal["gap_solar_modules_usd"]
    assert abs(mean["gap_pct"]) <= 5.0 < literal["gap_pct"]


def test_gsp_convention_is_the_statistic_not_the_law(validation: Validation) -> None:
    """Census calculates GSP-flagged entries at the GSP rate; the law charges them the General
    rate. The fitted flag shares lower only the statistic, only for designated partners, and
    leave AGOA beneficiaries (whose preference the pooled claims already price) at the law."""
    from tariffscope.impact.census_statistic import gsp_flag_shares

    for partner in ("BRA", "IDN", "THA"):
        row = validation.partner(partner)
        assert row["as_calculated_usd"] < row["applied_usd"], partner
        assert abs(row["gap_pct"]) < abs(row["gap_law_pct"]), partner
    for partner in ("IND", "TUR", "VNM", "CHN"):  # not designated by general note 4(a)
        row = validation.partner(partner)
        assert row["as_calculated_usd"] == pytest.approx(row["applied_usd"], rel=1e-12), partner
    shares = gsp_flag_shares()
    share = dict(zip(shares.origins, shares.share, strict=True))
    assert all(0.0 <= s <= 1.0 for s in share.values())
    assert share["IND"] == 0.0 and share["ZAF"] == 0.0 and share["NGA"] == 0.0
    assert 0.1 < share["BRA"] < 0.9 and 0.1 < share["IDN"] < 0.9


def test_gsp_circular_part(validation: Validation) -> None:
    """One share per partner reproduces each partner's total on its GSP lines: those duties are
    under 2% of all duties, but 65% of Thailand's and 43% of Brazil's (docs/validation.md)."""
    everyone = validation.partner("ALL")
    assert everyone["collected_gsp_fitted_usd"] < 0.03 * everyone["collected_usd"]
    thailand = validation.partner("THA")
    assert thailand["collected_gsp_fitted_usd"] > 0.5 * thailand["collected_usd"]


def test_section_301_exclusions_are_a_claim_with_shares_from_china_duties(
    validation: Validation,
) -> None:
    """The exclusions of notes 20(vvv)-(www) are claimed at entry; the pooled share on their
    lines comes from China's 2024 duties there (circular on those lines): printed circuit
    assemblies of 8473.30.11 paid 3.0% against the law's 25%."""
    from tariffscope.impact.claim_shares import EXTRA_CLAIMS, claim_calibration

    assert "s301_exclusion" in EXTRA_CLAIMS
    calibration = claim_calibration()
    row = list(calibration.codes).index("84733011")
    share = calibration.share[row, calibration.origins.index("CHN")]
    assert 0.8 < share < 0.95
    china = validation.partner("CHN")  # the rest of the gap: Section 301 step-ups, partial lines
    rest = china["gap_usd"] - china["gap_section_301_china_usd"] - china["gap_partial_lines_usd"]
    assert abs(rest) <= 0.05 * china["collected_usd"]


# Line by line: the HTS8 lines that carry each remaining gap (docs/validation.md, "The gaps line
# by line").

#: The lines that carry the averaged gap of a partner outside 5%, and why (docs/validation.md).
NAMED_LINES: dict[str, tuple[str, ...]] = {
    # crystalline modules of 8541.43.0010 beyond the bifacial share, clipped at 1
    "MYS": ("85414300",),
    # in-quota sugar of 1701.99.50 (free within the quota of U.S. note 32 to subchapter XXII, a
    # reference the law does not price) and PVC sheet of 3921.12.19, whose Special column in HTS
    # 2025 lists neither CO nor PA (nothing was collected on $18 M)
    "COL": ("17019950", "39211219"),
    # peanuts at the over-quota General rate (131.8%, HTS 2008.11.15/.61, 1202.42.90) although
    # HTS 2025 prints Free (S) for them and DataWeb counts them as USMCA claims
    "MEX": ("20081161", "20081115", "12024290"),
}


def test_lines_add_up_to_the_partner_rows(averaged: Validation) -> None:
    for partner in ("KOR", "MEX", "EUN"):
        lines = averaged.lines(partner, count=100_000)
        row = averaged.partner(partner)
        assert lines["gap_usd"].sum() == pytest.approx(row["gap_usd"], rel=1e-9, abs=1.0)
        assert lines["collected_usd"].sum() == pytest.approx(row["collected_usd"], rel=1e-9)
        assert lines["imports_usd"].sum() == pytest.approx(row["imports_usd"], rel=1e-9)
    top = averaged.lines("KOR")
    assert len(top) == 25
    assert top["gap_usd"].abs().is_monotonic_decreasing
    assert set(top["cause"]) <= {*CAUSES, ""}
    with pytest.raises(KeyError):
        averaged.lines("XXX")


@pytest.mark.parametrize("partner", sorted(NAMED_LINES))
def test_named_lines_carry_the_averaged_gap(averaged: Validation, partner: str) -> None:
    """Outside 5% on a few lines: without them the partner is within 5% of what it paid."""
    row = averaged.partner(partner)
    assert abs(row["gap_pct"]) > 5.0, f"{partner} is within 5% now: update the test"
    lines = averaged.lines(partner, count=100_000)
    named = lines[lines["hts8"].isin(NAMED_LINES[partner])]
    assert len(named) == len(NAMED_LINES[partner])
    assert (named["gap_usd"].sum() > 0) == (row["gap_usd"] > 0)
    rest = row["gap_usd"] - named["gap_usd"].sum()
    assert abs(rest) <= 0.05 * row["collected_usd"], f"{partner}: {rest / 1e6:+.1f} M$ left"


def test_section_232_exclusions_are_a_claim_with_shares_from_2024_duties(
    validation: Validation, averaged: Validation
) -> None:
    """Exclusions Commerce granted to importers (HTS 9903.80.01/9903.85.01 "any exclusions ...
    announced by the Department of Commerce", U.S. note 19(c)) are the pooled claim
    s232_exclusion: each partner's share on a metals line is what its 2024 duties there imply
    (Korea's can stock of 7606.12.30 paid 4.7% against the law's 10% on the KORUS base: a share
    inside (0, 1), fitted, so circular). What the averaged law leaves on the metals lines is the
    clipped cells only, and the circular part of Korea's and Taiwan's duties grows with it."""
    from tariffscope.impact.claim_shares import EXTRA_CLAIMS, claim_calibration

    assert "s232_exclusion" in EXTRA_CLAIMS
    calibration = claim_calibration()
    row = list(calibration.codes).index("76061230")
    korea = calibration.origins.index("KOR")
    assert calibration.fitted[row, korea] and 0.3 < calibration.share[row, korea] < 0.8
    everyone = averaged.partner("ALL")
    assert abs(everyone["gap_section_232_metals_usd"]) < 0.001 * everyone["collected_usd"]
    for partner in ("KOR", "TWN"):
        row_ = averaged.partner(partner)
        assert abs(row_["gap_section_232_metals_usd"]) < 0.01 * row_["collected_usd"], partner
    taiwan = validation.partner("TWN")
    assert taiwan["collected_fitted_usd"] > 0.2 * taiwan["collected_usd"]


#: The Section 301 exclusion lists in force on some day of 2024 (U.S. notes 20(ttt)-(www) to
#: subchapter III of chapter 99, HTS 2026 Rev.6; headings 9903.88.67-.70).
EXCLUSIONS_OF_2024 = (
    "s301_china_exclusions",
    "s301_china_exclusions_reinstated",
    "s301_china_exclusions_covid",
)


def test_china_largest_gaps_lie_on_lines_no_exclusion_of_2024_names(averaged: Validation) -> None:
    """China's 40 largest averaged gaps (docs/validation.md, "China's 40 largest gaps"): none is
    on a line the exclusions in force in 2024 name (notes 20(ttt)-(www), headings
    9903.88.67-.70), so no claim lowers their Section 301 duty; all but the partial battery
    line fall under the Section 301 cause, and together they carry over a third of its gap."""
    from tariffscope.regime._catalog_io import read_product_list

    excluded = {code[:8] for name in EXCLUSIONS_OF_2024 for code in read_product_list(name)}
    assert len(excluded) > 250  # the lists were read (125, 252 and 49 lines; 276 distinct)
    top = averaged.lines("CHN", 40)
    assert not set(top["hts8"]) & excluded
    assert (top["cause"] == "section_301_china").sum() == 39
    assert top.loc[top["hts8"] == "85076000", "cause"].item() == "partial_lines"
    china = averaged.partner("CHN")
    on_301 = top.loc[top["cause"] == "section_301_china", "gap_usd"].sum()
    assert (
        0.25 * china["gap_section_301_china_usd"]
        < on_301
        < 0.5 * china["gap_section_301_china_usd"]
    )


def test_chapter_98_entries_are_census_lines_of_their_own(shared: Path) -> None:
    """The Section 301 notes exempt entries "properly claimed under a provision of chapter 98"
    except 9802.00.40, .50, .60 and .80 (HTS 2026 Rev.6, ch. 99 U.S. note 31(a)). The Census
    HTS10 file records China's chapter 98 entries on chapter 98 lines (9801, 9810, 9817, ...:
    $6.3 bn), outside the chapter 1-97 lines compared here, and has no 9802.00.40/.60/.80 line
    for any partner: production sharing is counted under its chapter 1-97 line, unseen."""
    raw = pd.read_csv(
        shared / "data/a_trade/census_us_imports_for_consumption_hts10_51partners_2024.csv.gz",
        dtype={"CTY_CODE": str, "HTS10": str},
        usecols=["CTY_CODE", "HTS10", "CON_VAL_YR", "CAL_DUT_YR"],
    )
    china = raw[(raw["CTY_CODE"] == "5700") & raw["HTS10"].str.startswith("98")]
    assert 6.0e9 < china["CON_VAL_YR"].sum() < 6.6e9
    assert china["CAL_DUT_YR"].sum() < 0.01 * china["CON_VAL_YR"].sum()
    headings = set(china["HTS10"].str[:4])
    assert {"9801", "9810", "9817"} <= headings
    production_sharing = raw["HTS10"].str[:8].isin(["98020040", "98020060", "98020080"])
    assert not production_sharing.any()
