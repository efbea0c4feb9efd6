"""The duty on one product from one origin on one entry date, with its legal reasons.

Semantics (docs/tariff-law.md has the long version):

- By default an entry is priced under the law *as it applies to that entry date today*:
  later executive amendments made retroactive (the Japan inclusive 15% rule of 4 September
  2025, back to 7 August; the April 2025 electronics exclusion, back to 5 April) are included.
- ``as_known=D`` reads the law as published on D: measures published later are ignored, and
  end dates set by later measures are unknown.
- A measure later struck down by a court (the IEEPA duties, 20 February 2026) stays in the
  answer for entries before collection ended, as the duty assessed, with a warning that it may
  be refundable; for later entries it is gone.
- A claim of a preference programme (``claims=("korus",)``) replaces the General rate by the
  programme's Special rate where the line lists the programme's code and the origin is
  eligible on the entry date (:mod:`tariffscope.regime.preferences`); an ineligible claim is a
  warning. Without the claim, the answer lists the preferences available
  (``preferences_available``).
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import numpy as np

from tariffscope import __version__
from tariffscope.config import user_dir
from tariffscope.domain.countries import country_name, normalize_country
from tariffscope.errors import MalformedInputError
from tariffscope.regime.catalog import Catalog, catalog_dir, load_catalog
from tariffscope.regime.engine import BlockResult, active_measures, evaluate
from tariffscope.regime.measures import Measure
from tariffscope.regime.preferences import Preference, best_preference, line_preferences
from tariffscope.regime.scenario import Scenario, apply_scenario
from tariffscope.regime.schedule import (
    MfnRate,
    Schedule,
    ScheduleLine,
    load_schedule,
    parse_rate,
)

logger = logging.getLogger(__name__)

__all__ = [
    "Component",
    "NotApplied",
    "Resolution",
    "default_catalog",
    "parse_date",
    "resolve",
]


def parse_date(value: date | str, what: str = "date") -> date:
    """An ISO date from a string or date; MalformedInputError names the bad value."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise MalformedInputError(
            f"malformed {what} {value!r}", hint="use YYYY-MM-DD, e.g. 2025-07-18"
        ) from None


def _catalog_fingerprint(schedule: Schedule) -> str:
    """Hash of every catalog file, the schedule and the package version."""
    digest = hashlib.sha256(f"{__version__}|{schedule.edition}|{len(schedule)}".encode())
    for path in sorted(catalog_dir().rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(catalog_dir()).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


@cache
def default_catalog() -> Catalog:
    """The built-in catalog, validated against the built-in HTS schedule (cached).

    Validating the catalog takes most of a second, so the validated catalog is kept in the
    user cache under a fingerprint of its files; any change to them validates it again.
    """
    schedule = load_schedule()
    cache_file = user_dir() / "cache" / f"catalog-{_catalog_fingerprint(schedule)}.pickle"
    try:
        with cache_file.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, Catalog):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    catalog = load_catalog(children=schedule.children)
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        partial = cache_file.with_suffix(".tmp")
        with partial.open("wb") as handle:
            pickle.dump(catalog, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(cache_file)
    except OSError as error:  # a read-only home still works, only slower
        logger.info("catalog cache not written: %s", error)
    return catalog


@dataclass(frozen=True)
class Component:
    """One layer of the duty: the MFN base or one measure."""

    measure: str
    title: str
    authority: str
    group: str
    rule: str
    rate: float
    nominal_rate: float | None
    share: float
    citation: str
    instrument: str
    status: str
    sources: tuple[str, ...] = ()
    programme: str | None = None
    special_code: str | None = None

    @property
    def rate_pct(self) -> float:
        return round(self.rate * self.share * 100, 6)

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "title": self.title,
            "authority": self.authority,
            "group": self.group,
            "rule": self.rule,
            "rate_pct": self.rate_pct,
            "nominal_rate_pct": None
            if self.nominal_rate is None
            else round(self.nominal_rate * 100, 6),
            "value_share": self.share,
            "citation": self.citation,
            "instrument": self.instrument,
            "status": self.status,
            "sources": list(self.sources),
            "programme": self.programme,
            "special_code": self.special_code,
        }


@dataclass(frozen=True)
class NotApplied:
    """A measure in effect whose scope covered the line, and why it did not apply."""

    measure: str
    reason: str


@dataclass(frozen=True)
class Resolution:
    """The total ad valorem duty on one entry and its components."""

    hts: str
    description: str
    origin: str
    entry_date: date
    as_known: date | None
    scenario: str | None
    mfn: MfnRate
    components: tuple[Component, ...]
    not_applied: tuple[NotApplied, ...] = ()
    warnings: tuple[str, ...] = ()
    claims: tuple[str, ...] = field(default=())
    preferences_available: tuple[dict[str, Any], ...] = ()

    @property
    def total(self) -> float:
        return sum(c.rate * c.share for c in self.components)

    @property
    def total_pct(self) -> float:
        return round(self.total * 100, 6)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of DESIGN.md (plus explanations)."""
        return {
            "hts": self.hts,
            "description": self.description,
            "origin": self.origin,
            "entry_date": self.entry_date.isoformat(),
            "as_known": None if self.as_known is None else self.as_known.isoformat(),
            "scenario": self.scenario,
            "claims": list(self.claims),
            "total_pct": self.total_pct,
            "mfn": {"text": self.mfn.text, "kind": self.mfn.kind},
            "components": [c.to_dict() for c in self.components],
            "not_applied": [{"measure": n.measure, "reason": n.reason} for n in self.not_applied],
            "preferences_available": [dict(item) for item in self.preferences_available],
            "warnings": list(self.warnings),
        }


def _base_rate(mfn: MfnRate, unit_value: float | None, warnings: list[str]) -> float:
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


def _component(measure: Measure, duty: float, share: float) -> Component:
    return Component(
        measure=measure.id,
        title=measure.title,
        authority=measure.authority,
        group=measure.group,
        rule=measure.rule,
        rate=float(duty),
        nominal_rate=measure.rate,
        share=float(share),
        citation=measure.citation,
        instrument=measure.instrument,
        status=measure.status,
        sources=measure.sources,
    )


def _warnings(
    catalog: Catalog,
    result: BlockResult,
    line: ScheduleLine,
    applied: list[Measure],
    metal_share: float | None,
) -> list[str]:
    activation = result.activation
    out: list[str] = []
    for measure in applied:
        note = catalog.status_notes.get(measure.status)
        if note:
            out.append(f"{measure.id}: {note}")
        if measure.warning:
            out.append(f"{measure.id}: {measure.warning}")
        if measure.basis == "metal_content" and metal_share is None:
            out.append(
                f"{measure.id} is charged on the value of the metal content; the total assumes the "
                "whole value is metal (give --metal-share for the metal's share of the value)"
            )
        for claim in measure.unless_claims:
            out.append(
                f"{measure.id} assumes the entry is not {catalog.claims[claim]} (claim {claim})"
            )
    for measure in activation.claimable:
        if measure.scope.covers(line.hts) and measure.is_switch:
            claims = " and ".join(catalog.claims[c] for c in measure.requires_claims)
            out.append(
                f"if the goods are {claims}, {measure.id} applies ({measure.title}); "
                f"claim: {', '.join(measure.requires_claims)}"
            )
    if bool(result.partial[0]):
        out.append(
            f"some measures cover only part of HTS {line.hts}'s statistical lines; "
            "give the 10-digit code for an exact answer"
        )
    if activation.entry_date > catalog.coverage_end or (
        activation.as_known is not None and activation.as_known > catalog.coverage_end
    ):
        out.append(
            "the date is beyond the catalog's coverage, which ends "
            f"{catalog.coverage_end.isoformat()}: "
            f"later actions are unknown ({catalog.coverage_note})"
        )
    if activation.entry_date < catalog.coverage_start:
        out.append(
            f"the catalog starts on {catalog.coverage_start.isoformat()}; "
            "earlier measures are not encoded"
        )
    for gap in catalog.gaps:
        if gap.relevant(activation.origin, activation.entry_date):
            out.append(gap.message)
    return out


def resolve(
    hts: str,
    origin: str,
    entry_date: date | str,
    as_known: date | str | None = None,
    scenario: Scenario | None = None,
    *,
    claims: tuple[str, ...] = (),
    unit_value: float | None = None,
    metal_share: float | None = None,
    catalog: Catalog | None = None,
    schedule: Schedule | None = None,
) -> Resolution:
    """Total ad valorem duty on HTS line ``hts`` from ``origin`` entered on ``entry_date``.

    Parameters
    ----------
    hts
        An 8- or 10-digit HTS code, with or without dots.
    origin
        ISO3 country of origin (ISO2 and English names are accepted too).
    entry_date
        Date of entry for consumption (US Eastern).
    as_known
        Read the law as published on this date (None: as known today).
    scenario
        Measures to enact, add or remove (see :mod:`tariffscope.regime.scenario`).
    claims
        Claims made for the entry, e.g. ``("usmca",)`` for USMCA-qualifying goods.
    unit_value
        US$ per unit of a specific MFN rate, to convert it to ad valorem.
    metal_share
        Share of value that is metal, for duties charged on metal content.

    Returns
    -------
    Resolution
        Total and one component per layer (MFN first), what did not apply and why, warnings.

    Raises
    ------
    UnknownCodeError, MalformedInputError
        For an unknown HTS code or country, or a malformed date (CLI exit code 2).
    """
    schedule = schedule or load_schedule()
    line = schedule.line(hts)
    origin_code = normalize_country(origin, allow_groups=False)
    day = parse_date(entry_date, "entry date")
    known = None if as_known is None else parse_date(as_known, "as-known date")
    if metal_share is not None and not 0.0 <= metal_share <= 1.0:
        raise MalformedInputError(f"metal share {metal_share} must lie between 0 and 1")
    base_catalog = catalog or default_catalog()
    law = apply_scenario(base_catalog, scenario) if scenario is not None else base_catalog
    claim_set = frozenset(claims)
    unknown_claims = sorted(claim_set - set(law.claims))
    if unknown_claims:
        raise MalformedInputError(
            f"unknown claim {unknown_claims[0]!r}",
            hint=f"known claims: {', '.join(sorted(law.claims))}",
        )
    warnings: list[str] = []
    column2 = line.column2 if law.pays_column2(origin_code, day) else None
    if law.pays_column2(origin_code, day) and column2 is None:
        warnings.append(f"no Column 2 rate is printed for {line.hts}; the general rate is used")
    base_rate = column2 or line.mfn
    base = _base_rate(base_rate, unit_value, warnings)
    effective = law.effective_claims(claim_set, origin_code, day, as_known=known)
    preference, available = _preferences(
        law, line, origin_code, day, known, claim_set, base_rate, base, warnings
    )
    if preference is not None:
        base = _preference_rate(preference, unit_value, warnings)
    activation = active_measures(law, origin_code, day, as_known=known, claims=effective)
    codes = np.array([line.hts])
    result = evaluate(
        law, activation, codes, np.array([base]), metal_share=metal_share, explain=True
    )
    components = [_base_component(schedule, line, origin_code, column2, base, preference)]
    applied: list[Measure] = []
    for group, slot in result.chosen.items():
        index = int(slot[0])
        if index < 0:
            continue
        measure = activation.measures[index]
        applied.append(measure)
        components.append(_component(measure, result.duty[group][0], result.share[group][0]))
    not_applied = [
        NotApplied(activation.measures[index].id, why)
        for index, notes in result.reasons.items()
        for where, why in notes
        if where[0]
    ]
    warnings.extend(_warnings(law, result, line, applied, metal_share))
    return Resolution(
        hts=line.hts,
        description=line.description,
        origin=origin_code,
        entry_date=day,
        as_known=known,
        scenario=None if scenario is None else scenario.name,
        mfn=base_rate,
        components=tuple(components),
        not_applied=tuple(not_applied),
        warnings=tuple(dict.fromkeys(warnings)),
        claims=tuple(sorted(claim_set)),
        preferences_available=tuple(available),
    )


def _base_component(
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


def _preferences(
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
    claimed_prefs = line_preferences(line, claimed)
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
    available = [
        p for p in line_preferences(line, others) if best_preference([p], base, False)
    ]
    for item in available:
        warnings.append(
            f"preference available: {item.programme.name} gives {item.text} "
            f"({item.rate * 100:g}% ad valorem{', plus specific duty' if item.specific else ''})"
            f" instead of {base * 100:g}% for qualifying goods (HTS Special code {item.code});"
            f" add --claim {item.programme.id}"
        )
    listed = [p.to_dict(claimed=True) for p in claimed_prefs if p.priced] + [
        p.to_dict(claimed=False) for p in available
    ]
    return chosen, listed


def _preference_rate(preference: Preference, unit_value: float | None, warnings: list[str]) -> float:
    """The preference's rate as a fraction; a specific rate is converted or warned about."""
    if not preference.specific:
        return preference.rate
    return _base_rate(parse_rate(preference.text), unit_value, warnings)


def origin_label(code: str) -> str:
    """ "Japan (JPN)" for display."""
    return f"{country_name(code)} ({code})"
