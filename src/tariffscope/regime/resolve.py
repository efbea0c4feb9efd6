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
from datetime import date
from functools import cache

import numpy as np

from tariffscope import __version__
from tariffscope.domain.countries import country_name, normalize_country
from tariffscope.errors import MalformedInputError
from tariffscope.regime._base_layer import base_component, base_rate, preference_rate, preferences
from tariffscope.regime._pickle_cache import cached_pickle
from tariffscope.regime.answer import Component, NotApplied, Resolution
from tariffscope.regime.catalog import Catalog, catalog_dir, load_catalog
from tariffscope.regime.engine import US_CONTENT, BlockResult, active_measures, evaluate
from tariffscope.regime.measures import Measure
from tariffscope.regime.scenario import Scenario, apply_scenario
from tariffscope.regime.schedule import Schedule, ScheduleLine, load_schedule

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
    return cached_pickle(
        "catalog",
        _catalog_fingerprint(schedule),
        Catalog,
        lambda: load_catalog(children=schedule.children),
    )


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


def _partial_warnings(
    measures: tuple[Measure, ...], line: ScheduleLine, schedule: Schedule
) -> list[str]:
    """One warning per measure that covers only some statistical lines of an 8-digit line
    (e.g. a Section 301 entry "except for" named statistical numbers), naming them."""
    out: list[str] = []
    children = schedule.children(line.hts)
    for measure in measures:
        if not measure.scope.is_partial(line.hts):
            continue
        covered = [child for child in children if measure.scope.covers(child)]
        out.append(
            f"{measure.id} ({measure.title}) covers only some goods of HTS {line.hts}: "
            f"statistical lines {', '.join(covered) or 'none printed'}; the 8-digit answer "
            "leaves it out; give the 10-digit code for an exact answer"
        )
    return out


def _us_content_warning(catalog: Catalog, measure: Measure, us_content: float | None) -> str:
    head = (
        f"{measure.id} is charged on the non-US content of the vehicle only once the Secretary "
        "of Commerce approves the importer's US content"
    )
    if us_content is not None:
        return f"{head}; US content given: {us_content:.0%} of the value"
    default = catalog.parameters.get(US_CONTENT)
    if default is None:
        return f"{head}; no US content is assumed (give --us-content)"
    return (
        f"{head}; the total assumes {default.value:.0%} of the value is US content "
        f"({default.source}); give --us-content for the vehicle's own share, 0 without approval"
    )


def _warnings(
    catalog: Catalog,
    result: BlockResult,
    line: ScheduleLine,
    applied: list[Measure],
    metal_share: float | None,
    schedule: Schedule,
    us_content: float | None = None,
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
        if measure.basis == "non_us_content":
            out.append(_us_content_warning(catalog, measure, us_content))
        for claim in measure.unless_claims:
            out.append(
                f"{measure.id} assumes the entry is not {catalog.claims[claim]} (claim {claim})"
            )
    for measure in activation.claimable:
        # a claim that would switch a duty off for this line (exemptions, TRQs) or add one
        # that applies to particular products (non-North-American metal, over-quota cells);
        # claims adding a duty on every product (transshipment, postal shipments) are not
        # repeated on every answer
        adds_everywhere = not measure.is_switch and measure.scope.all_products
        if measure.scope.covers(line.hts) and measure.requires_claims and not adds_everywhere:
            claims = " and ".join(catalog.claims[c] for c in measure.requires_claims)
            out.append(
                f"if the goods are {claims}, {measure.id} applies ({measure.title}); "
                f"claim: {', '.join(measure.requires_claims)}"
            )
    if bool(result.partial[0]):
        out.extend(_partial_warnings(activation.measures, line, schedule))
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
    us_content: float | None = None,
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
    us_content
        Share of a USMCA vehicle's value that is US content (Section 232 autos and MHD vehicles
        are charged on the rest); None takes the catalog's default (``catalog.yaml``
        parameter ``us_content_share``).

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
    if us_content is not None and not 0.0 <= us_content <= 1.0:
        raise MalformedInputError(f"US content share {us_content} must lie between 0 and 1")
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
    printed = column2 or line.mfn
    base = base_rate(printed, unit_value, warnings)
    effective = law.effective_claims(claim_set, origin_code, day, as_known=known)
    preference, available = preferences(
        law, line, origin_code, day, known, claim_set, printed, base, warnings
    )
    if preference is not None:
        base = preference_rate(preference, unit_value, warnings)
    activation = active_measures(law, origin_code, day, as_known=known, claims=effective)
    codes = np.array([line.hts])
    result = evaluate(
        law,
        activation,
        codes,
        np.array([base]),
        metal_share=metal_share,
        us_content=us_content,
        explain=True,
    )
    components = [base_component(schedule, line, origin_code, column2, base, preference)]
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
    warnings.extend(_warnings(law, result, line, applied, metal_share, schedule, us_content))
    return Resolution(
        hts=line.hts,
        description=line.description,
        origin=origin_code,
        entry_date=day,
        as_known=known,
        scenario=None if scenario is None else scenario.name,
        mfn=printed,
        components=tuple(components),
        not_applied=tuple(not_applied),
        warnings=tuple(dict.fromkeys(warnings)),
        claims=tuple(sorted(claim_set)),
        preferences_available=tuple(available),
    )


def origin_label(code: str) -> str:
    """ "Japan (JPN)" for display."""
    return f"{country_name(code)} ({code})"
