"""The base layer of a single-line answer: the General, Column 2 or a programme's rate.

The helpers of :func:`tariffscope.regime.resolve` that choose the base rate of one line: the
General (MFN) rate or, for Column 2 countries, the Column 2 rate, converted to ad valorem when a
unit value is given; or, when the entry claims a preference programme it is eligible for and the
line lists the programme's code, the programme's Special rate
(:mod:`tariffscope.regime.preferences`). They also say which preferences the entry could claim.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tariffscope.regime.answer import Component
from tariffscope.regime.catalog import Catalog
from tariffscope.regime.preferences import Preference, best_preference, line_preferences
from tariffscope.regime.schedule import MfnRate, Schedule, ScheduleLine, parse_rate

__all__ = ["base_component", "base_rate", "preference_rate", "preferences"]


def base_rate(mfn: MfnRate, unit_value: float | None, warnings: list[str]) -> float:
    if mfn.is_ad_valorem_only:
        return mfn.ad_valorem
    equivalent = mfn.ad_valorem_equivalent(unit_value)
    if equivalent is not None:
        warnings.append(
            f"MFN rate {mfn.text!r} converted to {equivalent * 100:.3f}% ad valorem at a unit "
            "value of "
            f"${unit_value:g} per unit"
        )
        return equivalent
    warnings.append(
        f"MFN rate {mfn.text!r} is not ad valorem: the total counts only its ad valorem part "
        f"({mfn.ad_valorem * 100:g}%); give --unit-value (US$ per unit of the rate) for an "
        "equivalent"
    )
    return mfn.ad_valorem


def base_component(
    schedule: Schedule,
    line: ScheduleLine,
    origin: str,
    column2: MfnRate | None,
    base: float,
    preference: Preference | None,
) -> Component:
    """The first layer: the General (MFN) rate, the Column 2 rate or a programme's rate."""
    if preference is not None:
        programme = preference.programme
        where = (
            f"Special column ({preference.code})"
            if preference.code != "ch98"
            else programme.chapter98.provisions
            if programme.chapter98
            else "chapter 98"
        )
        return Component(
            measure=programme.id,
            title=(
                f"{programme.name}: HTSUS special rate of {line.hts} ({preference.text}) "
                f"instead of the general rate ({line.mfn.text or 'no rate'})"
            ),
            authority="HTSUS",
            group="mfn",
            rule="base",
            rate=base,
            nominal_rate=base,
            share=1.0,
            citation=f"HTSUS {schedule.edition}, {line.rate_source}, {where}; {programme.citation}",
            instrument=schedule.edition,
            status="in_force",
            sources=programme.sources,
            programme=programme.id,
            special_code=preference.code,
        )
    return Component(
        measure="MFN" if column2 is None else "COLUMN2",
        title=(
            f"HTSUS column 1 general rate of {line.hts} ({line.mfn.text or 'no rate'})"
            if column2 is None
            else f"HTSUS column 2 rate of {line.hts} ({column2.text}), general note 3(b)"
        ),
        authority="HTSUS",
        group="mfn",
        rule="base",
        rate=base,
        nominal_rate=base,
        share=1.0,
        citation=f"HTSUS {schedule.edition}, {line.rate_source}"
        + ("" if column2 is None else f", column 2 ({origin}: general note 3(b))"),
        instrument=schedule.edition,
        status="in_force",
    )


def preferences(
    law: Catalog,
    line: ScheduleLine,
    origin: str,
    day: date,
    known: date | None,
    claims: frozenset[str],
    base_rate: MfnRate,
    base: float,
    warnings: list[str],
) -> tuple[Preference | None, list[dict[str, Any]]]:
    """The claimed preference that applies (or None) and every preference available.

    Warns about claimed programmes the origin cannot claim, claimed programmes the line does
    not list, and preferences available but not claimed.
    """
    column2 = law.pays_column2(origin, day)
    claimed: list[Any] = []
    for claim in sorted(claims & set(law.programmes)):
        programme = law.programmes[claim]
        reason = programme.ineligibility(origin, day, as_known=known, column2=column2)
        if reason is None:
            claimed.append(programme)
        else:
            warnings.append(f"claim {claim} does not apply: {reason}; the general rate is used")
    claimed_prefs = line_preferences(line, claimed, origin)
    chosen = best_preference(claimed_prefs, base, base_rate.is_specific)
    for programme in claimed:
        found = [p for p in claimed_prefs if p.programme.id == programme.id]
        codes = ", ".join(programme.codes) or "its chapter 98 provisions"
        if not found:
            warnings.append(
                f"claim {programme.id}: the Special column of {line.hts} does not list {codes}"
                f" ({line.special_text or 'no Special rate'}); the general rate applies"
            )
        elif not found[0].priced:
            warnings.append(
                f"claim {programme.id}: the Special column gives {found[0].code} only by "
                f"reference to {found[0].reference} (a chapter 98/99 provision, often an "
                "in-quota rate) which is not priced; the general rate applies"
            )
    others = [p for p in law.eligible_programmes(origin, day, as_known=known) if p not in claimed]
    offered = line_preferences(line, others, origin)
    available = [p for p in offered if best_preference([p], base, False)]
    by_reference = [p for p in offered if not p.priced]
    for item in by_reference:
        warnings.append(
            f"preference by reference: {item.programme.name} treats qualifying goods under "
            f"{item.reference} (HTS Special code {item.code}; a chapter 98/99 provision, mostly "
            "the in-quota rate of a tariff-rate quota), which is not priced: the total uses the "
            "general rate"
        )
    for item in available:
        warnings.append(
            f"preference available: {item.programme.name} gives {item.text} "
            f"({item.rate * 100:g}% ad valorem{', plus specific duty' if item.specific else ''})"
            f" instead of {base * 100:g}% for qualifying goods (HTS Special code {item.code});"
            f" add --claim {item.programme.id}"
        )
    listed = (
        [p.to_dict(claimed=True) for p in claimed_prefs]
        + [p.to_dict(claimed=False) for p in available]
        + [p.to_dict(claimed=False) for p in by_reference]
    )
    return chosen, listed


def preference_rate(preference: Preference, unit_value: float | None, warnings: list[str]) -> float:
    """The preference's rate as a fraction; a specific rate is converted or warned about."""
    if not preference.specific:
        return preference.rate
    return base_rate(parse_rate(preference.text), unit_value, warnings)
