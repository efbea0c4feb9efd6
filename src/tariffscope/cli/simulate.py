"""``tariffscope simulate``: price one outcome of the tariff law for a partner (SMART + MC).

``simulate --partner ISO3 --date D`` prices the law at entry date D (plus an optional scenario)
against the reference law (1 January 2025, under which the 2024 baseline trade was bought), on
the 2024 Census imports of every partner by GTAP sector; the partner is any country with 2024
US imports or ``EUN`` (the EU members as a bloc). A valid partner without trade data is not an
error: the result says "not priced" in its warnings and the command exits 0. ``compare``
(:mod:`tariffscope.cli.compare`) prices several outcomes side by side. With ``--cluster`` the
batches of Monte Carlo draws are solved on Dask workers (the law resolved once, here); the
answer is the same, bit for bit, for the same ``--seed``.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from tariffscope.cli._app import guarded
from tariffscope.cli._cluster import ClusterOption, cluster_spec, maybe_cluster
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
from tariffscope.cli._pricing_tables import not_priced, print_headline, print_sectors
from tariffscope.errors import NotCoveredError

__all__ = ["register", "simulate_command"]


def simulate_command(
    date: Annotated[
        str, typer.Option("--date", "-d", help="Entry date of the outcome (YYYY-MM-DD).")
    ],
    partner: PartnerOption,
    importer: ImporterOption = "USA",
    scenario: Annotated[
        str | None,
        typer.Option(
            "--scenario",
            help="Scenario YAML file (as for `tariffscope rate`), or enact:ID[+ID] for "
            "catalog measures (e.g. enact:THREAT-KOR-25).",
        ),
    ] = None,
    as_known: Annotated[
        str | None, typer.Option("--as-known", help="Read the law as published on this date.")
    ] = None,
    draws: DrawsOption = 1000,
    seed: SeedOption = 0,
    method: MethodOption = Method.exact_ces,
    sigma_source: SigmaOption = SigmaSource.hauk,
    export_supply: SupplyOption = None,
    reference_date: ReferenceOption = "2025-01-01",
    metal_share: MetalOption = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Sectors to show.")] = 10,
    output_format: FormatOption = Format.table,
    cluster: ClusterOption = None,
) -> None:
    """Price the law at DATE (plus a scenario) against the reference law: trade, duties, costs.

    With --cluster the Monte Carlo draws are solved in batches on Dask workers; the answer is
    the same.
    """
    spec = cluster_spec(cluster)
    options = pricing_options(
        importer, draws, seed, method, sigma_source, export_supply, reference_date, metal_share
    )
    settings = settings_from(partner, options)
    from tariffscope.api import simulate

    try:
        with maybe_cluster(spec) as client, progress_display(settings.draws, date) as on_progress:
            map_draws = None
            if client is not None:
                from tariffscope.distributed.map import client_mapper

                map_draws = client_mapper(client, name="tariffscope-draws")
            result = simulate(
                partner=settings.partner,
                date=date,
                scenario=scenario,
                as_known=as_known,
                **options,
                top=top,
                on_progress=on_progress,
                map_draws=map_draws,
            )
    except NotCoveredError as error:
        not_priced(
            settings,
            error,
            output_format,
            entry_date=date,
            reference_date=reference_date,
            scenario=scenario,
            sectors=[],
        )
        return
    headline = result.headline.to_dict(orient="records")
    if output_format is Format.json:
        print_json(
            {**result.meta, "headline": headline, "sectors": result.sectors.to_dict("records")}
        )
        return
    if output_format is Format.csv:
        frame = result.headline.copy()
        frame.insert(0, "outcome", result.label)
        frame.to_csv(sys.stdout, index=False, float_format="%.6g")
        return
    print_headline(dict(result.meta), headline, settings)
    print_sectors(result.sectors, settings)


def register(app: typer.Typer) -> None:
    """Add ``tariffscope simulate`` and ``compare`` to the application."""
    from tariffscope.cli.compare import compare_command

    app.command("simulate")(guarded(simulate_command))
    app.command("compare")(guarded(compare_command))
