"""``tariffscope compare``: several outcomes for one partner side by side.

With ``--case`` the user names the outcomes. Without, ``--date D`` builds them from the measure
catalog for any partner (:func:`tariffscope.impact.pe.pricing.catalog_cases`): the law on D;
each of the partner's threatened measures known on D, carried out on its own date; and the
partner's deal, the law on the day the last of its deal measures took effect.
"""

from __future__ import annotations

import sys
from typing import Annotated

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
    pricing_options,
    progress_display,
    settings_from,
)
from tariffscope.cli._pricing_tables import not_priced, print_comparison
from tariffscope.errors import InputError, NotCoveredError
from tariffscope.impact.pe.pricing import Case, catalog_cases, parse_case

__all__ = ["Case", "catalog_cases", "compare_command", "parse_case"]


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
    options = pricing_options(
        importer, draws, seed, method, sigma_source, export_supply, reference_date, metal_share
    )
    settings = settings_from(partner, options)
    from tariffscope.api import compare

    if not case and not on:
        raise InputError("give --date or at least one --case", hint="e.g. --date 2025-07-18")
    try:
        with progress_display(settings.draws, "outcomes") as on_progress:
            comparison = compare(
                partner=settings.partner,
                date=on,
                cases=list(case or ()),
                **options,
                on_progress=None
                if on_progress is None
                else lambda _label, done, total: on_progress(done, total),
            )
    except NotCoveredError as error:
        not_priced(settings, error, output_format, reference_date=reference_date, cases=[])
        return
    results = [(c.outcome, dict(c.meta)) for c in comparison.cases]
    if output_format is Format.json:
        payload = {
            "partner": settings.partner,
            "reference_date": settings.reference_date,
            "cases": [
                {**c.meta, "headline": c.headline.to_dict(orient="records")}
                for c in comparison.cases
            ],
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
