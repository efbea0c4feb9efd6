"""``tariffscope rate``, ``history`` and ``measures``: the tariff law from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from tariffscope.cli._app import Format, guarded, out_console
from tariffscope.cli._json import print_json
from tariffscope.domain.countries import country_name
from tariffscope.regime.history import history
from tariffscope.regime.listing import claim_rows, measure_rows
from tariffscope.regime.resolve import Resolution, default_catalog, parse_date, resolve
from tariffscope.regime.scenario import Scenario, load_scenario
from tariffscope.regime.schedule import format_hts

__all__ = ["register"]


HtsArgument = Annotated[str, typer.Argument(help="HTS code, 8 or 10 digits (dots optional).")]
OriginOption = Annotated[
    str, typer.Option("--origin", "-o", help="Country of origin, ISO3 (e.g. JPN).")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Print a table or JSON.")]
ScenarioOption = Annotated[
    Path | None,
    typer.Option("--scenario", help="Scenario file (YAML) adding or removing measures."),
]
ClaimOption = Annotated[
    list[str] | None,
    typer.Option(
        "--claim", help="A claim for the entry, e.g. usmca (repeatable; see `measures --claims`)."
    ),
]


def _scenario(path: Path | None) -> Scenario | None:
    return None if path is None else load_scenario(path)


def _print_resolution(result: Resolution) -> None:
    title = (
        f"HTS {format_hts(result.hts)} from {country_name(result.origin)} ({result.origin}), "
        f"entered {result.entry_date.isoformat()}"
    )
    if result.as_known:
        title += f", law as known on {result.as_known.isoformat()}"
    if result.scenario:
        title += f", scenario: {result.scenario}"
    table = Table(title=title, caption=result.description, title_justify="left")
    table.add_column("measure")
    table.add_column("authority")
    table.add_column("rule")
    table.add_column("rate %", justify="right")
    table.add_column("legal source", overflow="fold")
    for component in result.components:
        share = "" if component.share == 1 else f" (on {component.share:.0%} of value)"
        label = component.measure
        if component.special_code:
            label = f"{component.measure} ({component.special_code})"
        table.add_row(
            label,
            component.authority,
            component.rule,
            f"{component.rate_pct:g}{share}",
            component.citation or component.instrument,
        )
    table.add_row("total", "", "", Text(f"{result.total_pct:g}", style="bold"), "")
    out_console.print(table)
    for item in result.not_applied:
        out_console.print(
            f"  not applied: {item.measure}: {item.reason}", markup=False, highlight=False
        )
    for warning in result.warnings:
        out_console.print(f"  warning: {warning}", markup=False, highlight=False)


@guarded
def rate_command(
    hts: HtsArgument,
    origin: OriginOption,
    entry_date: Annotated[str, typer.Option("--date", "-d", help="Entry date, YYYY-MM-DD.")],
    as_known: Annotated[
        str | None, typer.Option("--as-known", help="Read the law as published on this date.")
    ] = None,
    scenario: ScenarioOption = None,
    claim: ClaimOption = None,
    unit_value: Annotated[
        float | None,
        typer.Option("--unit-value", help="US$ per unit, to convert a specific MFN rate."),
    ] = None,
    metal_share: Annotated[
        float | None, typer.Option("--metal-share", help="Share of value that is metal (0-1).")
    ] = None,
    us_content: Annotated[
        float | None,
        typer.Option(
            "--us-content",
            help="Share of a USMCA vehicle's value that is approved US content (0-1).",
        ),
    ] = None,
    output: FormatOption = Format.table,
) -> None:
    """The duty on a product from a country on an entry date, layer by layer, with legal sources."""
    result = resolve(
        hts,
        origin,
        entry_date,
        as_known,
        _scenario(scenario),
        claims=tuple(claim or ()),
        unit_value=unit_value,
        metal_share=metal_share,
        us_content=us_content,
    )
    if output is Format.json:
        print_json(result.to_dict())
    else:
        _print_resolution(result)


@guarded
def history_command(
    hts: HtsArgument,
    origin: OriginOption,
    start: Annotated[
        str | None, typer.Option("--from", help="First date (default: catalog start).")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Last date (default: last scheduled change).")
    ] = None,
    scenario: ScenarioOption = None,
    claim: ClaimOption = None,
    output: FormatOption = Format.table,
) -> None:
    """Every change of the total duty on a product from a country, and the measure causing it."""
    changes = history(
        hts, origin, start=start, end=end, scenario=_scenario(scenario), claims=tuple(claim or ())
    )
    if output is Format.json:
        print_json([c.to_dict() for c in changes])
        return
    first = changes[0].resolution
    table = Table(
        title=(
            f"Duty on HTS {format_hts(first.hts)} from {country_name(first.origin)} "
            f"({first.origin})"
        ),
        caption=first.description,
        title_justify="left",
    )
    table.add_column("from (entry date)")
    table.add_column("total %", justify="right")
    table.add_column("change", justify="right")
    table.add_column("measures started (+) / ended (-)", overflow="fold")
    for change in changes:
        delta = (
            "" if change.previous_pct is None else f"{change.total_pct - change.previous_pct:+g}"
        )
        table.add_row(change.date.isoformat(), f"{change.total_pct:g}", delta, change.cause())
    out_console.print(table)


@guarded
def measures_command(
    origin: Annotated[
        str | None, typer.Option("--origin", "-o", help="Only measures covering this origin.")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--on", help="Only measures in effect on this entry date.")
    ] = None,
    claims: Annotated[
        bool, typer.Option("--claims", help="List the claims an entry can make.")
    ] = False,
    output: FormatOption = Format.table,
) -> None:
    """The measure catalog: every measure (or those for an origin and date), or the claims."""
    catalog = default_catalog()
    if claims:
        rows_of_claims = claim_rows(catalog)
        if output is Format.json:
            print_json(rows_of_claims)
        else:
            _print_claims(rows_of_claims)
        return
    day = None if on is None else parse_date(on, "date")
    rows = measure_rows(origin, day)
    if output is Format.json:
        print_json({"catalog_version": catalog.version, "measures": rows})
        return
    table = Table(
        title=f"Measure catalog {catalog.version} ({len(rows)} measures)", title_justify="left"
    )
    for column in ("id", "authority", "rule", "rate %", "from", "to", "status", "title"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            row["id"],
            row["authority"],
            row["rule"],
            "" if row["rate_pct"] is None else f"{row['rate_pct']:g}",
            row["effective_from"] or "",
            row["effective_to"] or "",
            row["status"],
            row["title"],
        )
    out_console.print(table)


def _print_claims(rows: dict[str, dict[str, Any]]) -> None:
    """One paragraph per claim: programmes first (codes, dates, countries), then the others."""
    ordered = sorted(rows.items(), key=lambda item: (item[1]["kind"] != "programme", item[0]))
    for name, row in ordered:
        head = f"{name}: {row['description']}"
        if row["kind"] == "programme":
            countries = (
                "any column 1 country"
                if row["origin_independent"]
                else ", ".join(dict.fromkeys(c["country"] for c in row["countries"]))
                or "none encoded"
            )
            codes = ", ".join(row["special_codes"]) or "chapter 98"
            head += (
                f"\n    HTS Special {codes}; entries {row['effective_from']} to "
                f"{row['effective_to'] or 'open'}; {countries}; {row['legal_source']}"
            )
        if row["measures"]:
            head += f"\n    used by measures: {', '.join(row['measures'])}"
        out_console.print(head, markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.command("rate")(rate_command)
    app.command("history")(history_command)
    app.command("measures")(measures_command)
