"""Invariants of stacking, checked on random lines, origins and dates (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tariffscope.regime import default_catalog, load_schedule, resolve, resolve_lines
from tariffscope.regime.measures import ENACTED_STATUSES

ORIGINS = [
    "JPN",
    "CHN",
    "HKG",
    "CAN",
    "MEX",
    "DEU",
    "FRA",
    "GBR",
    "KOR",
    "CHE",
    "IND",
    "BRA",
    "VNM",
    "TWN",
    "AUS",
    "NIC",
    "RUS",
    "GTM",
    "SLV",
    "CHL",
    "SGP",
    "ZAF",
    "UKR",
]
START, END = date(2024, 1, 1), date(2026, 12, 31)
# programme claims and other claims, alone and together (a claim set applies to every origin)
CLAIM_SETS = [
    (),
    ("usmca",),
    ("korus", "cafta_dr"),
    ("civil_aircraft", "pharmaceutical"),
    ("agoa", "us_japan_ta", "chile_fta"),
    ("in_quota_232", "usmca"),
    tuple(sorted({"ausfta", "singapore_fta", "nafta", "gsp", "cbera"})),
]

lines = st.integers(min_value=0, max_value=len(load_schedule().hts8) - 1).map(
    lambda i: str(load_schedule().hts8[i])
)
origins = st.sampled_from(ORIGINS)
days = st.integers(min_value=0, max_value=(END - START).days).map(
    lambda n: START + timedelta(days=n)
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(lines, origins, days)
def test_total_is_the_sum_of_components_and_never_below_mfn(
    hts: str, origin: str, day: date
) -> None:
    result = resolve(hts, origin, day)
    assert result.total == pytest.approx(sum(c.rate * c.share for c in result.components))
    assert all(c.rate >= 0 for c in result.components)
    assert result.total >= result.components[0].rate - 1e-12  # the MFN base comes first
    assert result.components[0].measure in ("MFN", "COLUMN2")  # the base rate comes first
    assert len({c.group for c in result.components}) == len(result.components)  # one per group


@SETTINGS
@given(lines, origins, days)
def test_threatened_measures_never_apply_without_a_scenario(
    hts: str, origin: str, day: date
) -> None:
    result = resolve(hts, origin, day)
    assert all(c.status in ENACTED_STATUSES | {"in_force"} for c in result.components)
    assert not any(c.measure.startswith("THREAT-") for c in result.components)


@SETTINGS
@given(lines, origins, days)
def test_law_known_today_equals_the_default(hts: str, origin: str, day: date) -> None:
    assert (
        resolve(hts, origin, day, as_known="2030-01-01").total_pct
        == resolve(hts, origin, day).total_pct
    )


@SETTINGS
@given(lines, days)
def test_no_reciprocal_or_country_duty_stacks_on_section_232(hts: str, day: date) -> None:
    for origin in ("JPN", "BRA", "IND", "VNM"):
        groups = {c.group for c in resolve(hts, origin, day).components}
        if groups & {
            "s232_autos",
            "s232_steel",
            "s232_aluminum",
            "s232_copper",
            "s232_timber",
            "s232_mhd",
            "s232_metals",
        }:
            assert not groups & {"ieepa_reciprocal", "ieepa_brazil", "ieepa_india_russia", "s122"}


@SETTINGS
@given(lines, st.integers(min_value=0, max_value=(date(2026, 2, 23) - date(2025, 8, 7)).days))
def test_japan_inclusive_floor_makes_the_total_the_larger_of_15_and_mfn(
    hts: str, offset: int
) -> None:
    """EO 14345: for Japanese goods under the reciprocal tariff, MFN + reciprocal = max(15%, MFN)."""
    day = date(2025, 8, 7) + timedelta(days=offset)
    result = resolve(hts, "JPN", day)
    groups = {c.group: c for c in result.components}
    if "ieepa_reciprocal" in groups and len(groups) == 2 and result.mfn.is_ad_valorem_only:
        assert result.total_pct == pytest.approx(max(15.0, result.components[0].rate_pct))


@settings(max_examples=25, deadline=None)
@given(
    days,
    st.lists(origins, min_size=1, max_size=4, unique=True),
    st.sampled_from(CLAIM_SETS),
    st.booleans(),
)
def test_vectorized_path_agrees_with_single_lines(
    day: date, countries: list[str], claims: tuple[str, ...], whole_schedule: bool
) -> None:
    """resolve_lines == resolve line by line, with and without claims, on a sample of lines or
    on every line (the schedule's cached Special arrays) read at the sample's rows."""
    schedule = load_schedule()
    rng = np.random.default_rng(day.toordinal())
    rows = np.sort(rng.choice(len(schedule.hts8), size=40, replace=False))
    sample = [str(c) for c in schedule.hts8[rows]]
    if whole_schedule:
        table = resolve_lines(countries, day, claims=claims)
        total = table.total[rows]
        preference = None if table.preference is None else table.preference[rows]
    else:
        table = resolve_lines(countries, day, codes=sample, claims=claims)
        total, preference = table.total, table.preference
    for i, hts in enumerate(sample):
        for j, origin in enumerate(countries):
            single = resolve(hts, origin, day, claims=claims)
            assert total[i, j] == pytest.approx(single.total, abs=1e-12), (hts, origin, day)
            programme = single.components[0].programme or ""
            assert (preference[i, j] if preference is not None else "") == programme


@SETTINGS
@given(lines, origins, days, st.sampled_from(CLAIM_SETS[1:]))
def test_a_claim_never_raises_the_duty_and_ineligible_claims_change_nothing(
    hts: str, origin: str, day: date, claims: tuple[str, ...]
) -> None:
    plain = resolve(hts, origin, day)
    claimed = resolve(hts, origin, day, claims=claims)
    if "in_quota_232" not in claims:  # the only claims here that remove rather than add duty
        assert claimed.components[0].rate <= plain.components[0].rate + 1e-12
    eligible = {p.id for p in default_catalog().eligible_programmes(origin, day)}
    if not eligible & set(claims) and "in_quota_232" not in claims:
        assert claimed.total_pct == plain.total_pct
