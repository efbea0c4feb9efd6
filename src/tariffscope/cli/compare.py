"""``tariffscope compare``: several outcomes for one partner side by side.

With ``--case`` the user names the outcomes. Without, ``--date D`` builds them from the measure
catalog for any partner (:func:`catalog_cases`): the law on D; each of the partner's threatened
measures known on D, carried out on its own date; and the partner's deal, the law on the day
the last of its deal measures took effect (measures issued after D that lower its duties:
inclusive rates and exemptions).
"""

from __future__ import annotations

import datetime
import sys
from dataclasses import dataclass
from typing import Annotated, Any

import pandas as pd
import typer

from tariffscope.cli._json import print_json
from tariffscope.cli._pricing import (
    DrawsOption,
    Format,
    FormatOption,
    ImporterOption,
    MetalOption,
    Method,
    MethodOption,
    PartnerOption,
    ReferenceOption,
    SeedOption,
    SigmaOption,
    SigmaSource,
    SupplyOption,
    headline_rows,
    meta,
    price,
    scenario_from_spec,
    settings_from,
)
from tariffscope.cli._pricing_tables import not_priced, print_comparison
from tariffscope.errors import InputError, NotCoveredError

__all__ = ["Case", "catalog_cases", "compare_command", "parse_case"]


@dataclass(frozen=True)
class Case:
    """One outcome to compare: the law at ``date`` (as known on ``as_known``) + ``scenario``."""

    label: str
    date: str
    scenario: str | None = None
    as_known: str | None = None


def parse_case(text: str) -> Case:
    """``LABEL,DATE[,SCENARIO[,AS_KNOWN]]``; InputError for anything else."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise InputError(
            f"malformed case {text!r}",
            hint="write LABEL,DATE[,SCENARIO[,AS_KNOWN]], e.g. 'threat,2025-08-01,enact:ID'",
        )
    scenario = parts[2] if len(parts) > 2 and parts[2] else None
    as_known = parts[3] if len(parts) > 3 and parts[3] else None
    return Case(parts[0], parts[1], scenario, as_known)


def catalog_cases(partner: str, on: str, catalog: Any = None) -> list[Case]:
    """The outcomes the catalog holds for ``partner`` (ISO3 or EUN) as of date ``on``.

    The law on ``on``; each measure threatened against the partner (not against everyone)
    that was published by ``on`` and has an entry date on or after it, enacted on that date
    with the law read as known on ``on``; the deal: the law on the latest effective date of the
    partner-specific inclusive-rate and exemption measures issued after ``on``.
    """
    from tariffscope.regime.measures import ENACTED_STATUSES
    from tariffscope.regime.resolve import default_catalog, parse_date

    day = parse_date(on, "date")
    law = catalog or default_catalog()
    cases = [Case(f"law on {day.isoformat()}", day.isoformat())]
    mine = [m for m in law.measures if partner in m.members and "WLD" not in m.targets]
    for m in sorted(mine, key=lambda m: (m.effective_from or datetime.date.max, m.id)):
        if m.status != "threatened" or m.effective_from is None:
            continue
        if m.published_date > day or m.effective_from < day:
            continue
        rate = "" if m.rate is None else f" {100 * m.rate:g}%"
        cases.append(
            Case(
                f"threat{rate} from {m.effective_from.isoformat()} ({m.id})",
                m.effective_from.isoformat(),
                f"enact:{m.id}",
                day.isoformat(),
            )
        )
    deal = [
        m
        for m in mine
        if m.published_date > day
        and m.status in ENACTED_STATUSES
        and m.rule in ("inclusive_floor", "exemption")
        and not m.requires_claims
        and m.effective_from is not None
    ]
    if deal:
        start = max(m.effective_from for m in deal if m.effective_from is not None)
        cases.append(Case(f"deal as enacted, in full from {start.isoformat()}", start.isoformat()))
    return cases


def compare_command(
    partner: PartnerOption,
    case: Annotated[
        list[str] | None,
        typer.Option(
            "--case",
            "-c",
            help="LABEL,DATE[,SCENARIO[,AS_KNOWN]] (repeatable). Without it, --date builds the "
            "cases from the catalog: the law, the partner's threats, its deal.",
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            help="Date of the catalog cases (the law that day, threats known that day, the "
            "deal issued after it).",
        ),
    ] = None,
    importer: ImporterOption = "USA",
    draws: DrawsOption = 1000,
    seed: SeedOption = 0,
    method: MethodOption = Method.exact_ces,
    sigma_source: SigmaOption = SigmaSource.hauk,
    export_supply: SupplyOption = None,
    reference_date: ReferenceOption = "2025-01-01",
    metal_share: MetalOption = None,
    output_format: FormatOption = Format.table,
) -> None:
    """Price several outcomes side by side (headline numbers; median and 90% interval)."""
    settings = settings_from(
        importer,
        partner,
        draws,
        seed,
        method,
        sigma_source,
        export_supply,
        reference_date,
        metal_share,
    )
    if case:
        cases = [parse_case(text) for text in case]
    elif on:
        cases = catalog_cases(settings.partner, on)
    else:
        raise InputError("give --date or at least one --case", hint="e.g. --date 2025-07-18")
    results = []
    for item in cases:
        scenario = scenario_from_spec(item.scenario)
        try:
            outcome = price(settings, item.label, item.date, scenario, item.as_known)
        except NotCoveredError as error:
            not_priced(settings, error, output_format, reference_date=reference_date, cases=[])
            return
        results.append((outcome, meta(outcome, settings, item.scenario, item.as_known)))
    if output_format is Format.json:
        payload = {
            "partner": settings.partner,
            "reference_date": settings.reference_date,
            "cases": [{**info, "headline": headline_rows(o)} for o, info in results],
            "warnings": [],
        }
        print_json(payload)
        return
    if output_format is Format.csv:
        pd.concat([o.summary() for o, _ in results]).to_csv(
            sys.stdout, index=False, float_format="%.6g"
        )
        return
    print_comparison(results, settings)
