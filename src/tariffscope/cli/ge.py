"""``tariffscope ge``: economy-wide effects of tariff changes (general equilibrium).

Runs the published validation applications, a file of bilateral tariff changes on one of the
model data sets, a tariff-law scenario (the law on a date plus the scenario's measures against
the law on a reference date) or the user's own gravity panel, and prints real GDP, welfare and
trade changes for every country. The runs are :mod:`tariffscope.impact.ge_runs` (through
:func:`tariffscope.api.ge`); this module parses options and prints.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from tariffscope.cli._app import TabularFormat as OutputFormat
from tariffscope.cli._app import err_console, guarded, out_console
from tariffscope.cli._json import print_json
from tariffscope.errors import InputError

__all__ = ["register"]


class Application(StrEnum):
    """Published applications the engines reproduce."""

    agtpa_borders = "agtpa-borders"
    ge_gravity_eu = "ge-gravity-eu"
    cp_nafta = "cp-nafta"


class Dataset(StrEnum):
    """Baselines a tariff-change file can be run on."""

    cp = "cp"
    agtpa = "agtpa"


class Model(StrEnum):
    """Engines a scenario can be priced with."""

    cp = "cp"
    gravity = "gravity"


class StartPoint(StrEnum):
    """Where a scenario's solve starts."""

    reference = "reference"
    base_year = "base-year"


_COLUMNS = {
    "real_gdp_pct": "real GDP %",
    "welfare_pct": "welfare %",
    "welfare_cp_pct": "welfare (CP) %",
    "exports_pct": "exports %",
    "imports_pct": "imports %",
    "exports_to_usa_pct": "to US %",
    "us_tariff_before_pct": "US tariff before %",
    "us_tariff_after_pct": "US tariff after %",
    "published_pct": "published %",
}


def _print(
    frame: pd.DataFrame,
    diagnostics: dict[str, object],
    title: str,
    fmt: OutputFormat,
    metadata: dict[str, object] | None = None,
) -> None:
    columns = ["country", *[name for name in _COLUMNS if name in frame.columns]]
    view = frame[columns]
    if fmt is OutputFormat.csv:
        view.to_csv(sys.stdout, index=False, float_format="%.6g")
        return
    if fmt is OutputFormat.json:
        payload: dict[str, object] = {"title": title, "countries": view.to_dict(orient="records")}
        if metadata is not None:
            payload["metadata"] = metadata
        payload["diagnostics"] = diagnostics
        print_json(payload)
        return
    if metadata is not None:
        _print_scenario_table(view, diagnostics, title)
        return
    table = Table(title=title, caption=_caption(diagnostics))
    table.add_column("country")
    for name in columns[1:]:
        table.add_column(_COLUMNS[name], justify="right")
    for row in view.itertuples(index=False):
        table.add_row(row[0], *(("" if pd.isna(v) else f"{v:.3f}") for v in row[1:]))
    out_console.print(table)


def _print_scenario_table(view: pd.DataFrame, diagnostics: dict[str, object], title: str) -> None:
    """Narrower table for scenarios: the US tariff before and after in one column."""
    shown = ["welfare_pct", "real_gdp_pct", "exports_pct", "imports_pct", "exports_to_usa_pct"]
    table = Table(title=title, caption=_caption(diagnostics))
    table.add_column("country")
    for name in shown:
        table.add_column(_COLUMNS[name], justify="right")
    table.add_column("US tariff %", justify="right", no_wrap=True)
    for row in view.to_dict(orient="records"):
        cells = ["" if pd.isna(row[name]) else f"{row[name]:.3f}" for name in shown]
        before, after = row["us_tariff_before_pct"], row["us_tariff_after_pct"]
        cells.append(f"{before:.1f} -> {after:.1f}")
        table.add_row(str(row["country"]), *cells)
    out_console.print(table)


def _caption(diagnostics: dict[str, object]) -> str:
    elapsed = float(diagnostics.get("elapsed", 0.0))  # type: ignore[arg-type]
    return (
        f"converged={diagnostics.get('converged')} iterations={diagnostics.get('iterations')} "
        f"residual={float(diagnostics.get('residual_norm', 0.0)):.2g} "  # type: ignore[arg-type]
        f"method={diagnostics.get('method')} time={elapsed * 1000:.0f} ms"
    )


def ge_command(
    app_name: Annotated[
        Application | None,
        typer.Option("--app", help="Run a published validation application."),
    ] = None,
    tariffs: Annotated[
        Path | None,
        typer.Option(
            "--tariffs",
            help="CSV of tariff changes: importer, exporter, sector (optional), tariff_before_pct,"
            " tariff_after_pct (percent).",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    dataset: Annotated[
        Dataset,
        typer.Option(
            "--data",
            help="Baseline for --tariffs: cp = Caliendo-Parro 1993, 31 regions x 40 sectors (its"
            " 1993 tariffs are the starting point; tariff_before_pct is not used); agtpa ="
            " Advanced Guide 2006, 69 countries, one sector (tariff_before_pct is the baseline).",
        ),
    ] = Dataset.cp,
    sigma: Annotated[
        float,
        typer.Option("--sigma", help="Elasticity of substitution for --data agtpa.", min=1.01),
    ] = 7.0,
    scenario: Annotated[
        Path | None,
        typer.Option(
            "--scenario",
            help="Scenario file (YAML, as for `tariffscope rate --scenario`): price the law on"
            " --date with the scenario against the law on --reference-date.",
            dir_okay=False,
        ),
    ] = None,
    entry_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Entry date of the scenario's law (YYYY-MM-DD); default: the first effective"
            " date of the scenario's measures.",
        ),
    ] = None,
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date",
            help="Date of the law the scenario is compared with (no scenario); default: --date,"
            " so the result is the effect of the scenario's own measures.",
        ),
    ] = None,
    model: Annotated[
        Model,
        typer.Option(
            "--model",
            help="Engine for --scenario: cp = Caliendo-Parro (31 regions, 20 tradable sectors,"
            " 1993 base); gravity = one sector, 69 countries, 2006 base (sigma 7).",
        ),
    ] = Model.cp,
    start: Annotated[
        StartPoint,
        typer.Option(
            "--start",
            help="For --scenario: reference = first move the model's base year to the reference"
            " law's US tariffs, then to the scenario's; base-year = apply the law's change in"
            " (1 + tariff) to the base year's tariffs and trade as observed.",
        ),
    ] = StartPoint.reference,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Print a table, JSON or CSV.")
    ] = OutputFormat.table,
) -> None:
    """Economy-wide effects: real GDP, welfare and trade changes for every country."""
    given = [
        name
        for name, value in (("--app", app_name), ("--tariffs", tariffs), ("--scenario", scenario))
        if value is not None
    ]
    if len(given) != 1:
        raise InputError(
            "give exactly one of --app, --tariffs or --scenario",
            hint="see `tariffscope ge --help`",
        )
    if scenario is None and (entry_date or reference_date):
        raise InputError("--date and --reference-date go with --scenario")
    metadata = None
    with err_console.status("solving the general equilibrium ..."):
        if scenario is not None:
            frame, diagnostics, title, metadata = _run_scenario(
                scenario, entry_date, reference_date, model, start
            )
        elif tariffs is not None:
            if dataset is Dataset.cp:
                frame, diagnostics, title = _run_tariffs_cp(tariffs)
            else:
                frame, diagnostics, title = _run_tariffs_agtpa(tariffs, sigma)
        elif app_name is Application.agtpa_borders:
            frame, diagnostics, title = _agtpa_borders()
        elif app_name is Application.ge_gravity_eu:
            frame, diagnostics, title = _ge_gravity_eu()
        else:
            frame, diagnostics, title = _cp_nafta()
    _print(frame, diagnostics, title, output_format, metadata)


def register(app: typer.Typer) -> None:
    """Add ``tariffscope ge`` to the application."""
    app.command("ge")(guarded(ge_command))
