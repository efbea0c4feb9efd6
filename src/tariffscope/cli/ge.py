"""``tariffscope ge``: economy-wide effects of tariff changes (general equilibrium).

Runs the published validation applications, a file of bilateral tariff changes on one of the
model data sets, a tariff-law scenario (the law on a date plus the scenario's measures against
the law on a reference date) or the user's own gravity panel, and prints real GDP, welfare and
trade changes for every country. The runs are :mod:`tariffscope.impact.ge_runs` (through
:func:`tariffscope.api.ge`); this module parses options and prints.
"""

from __future__ import annotations

import math
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
    panel: Annotated[
        Path | None,
        typer.Option(
            "--panel",
            help="Your own gravity panel (CSV or Parquet: exporter, importer, trade, [year],"
            " covariates): PPML, fitted baseline, shock of --set, GE solve (sigma --sigma).",
            dir_okay=False,
        ),
    ] = None,
    covariate: Annotated[
        list[str] | None,
        typer.Option("--covariate", help="With --panel: a trade-cost covariate (repeatable)."),
    ] = None,
    set_values: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="With --panel: the new value of a covariate, NAME=NUMBER, or NAME=COLUMN for"
            " a column holding each pair's new value (repeatable).",
        ),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="With --panel: the baseline year.")
    ] = None,
    fixed_effect: Annotated[
        list[str] | None,
        typer.Option(
            "--fe",
            help="With --panel: a fixed-effect term (repeatable), e.g. exporter^year,"
            " importer^year, exporter^importer (default: exporter and importer).",
        ),
    ] = None,
    pair_effects: Annotated[
        Path | None,
        typer.Option(
            "--pair-effects",
            help="With --panel: write the estimated pair fixed effects to this CSV.",
            dir_okay=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Print a table, JSON or CSV.")
    ] = OutputFormat.table,
) -> None:
    """Economy-wide effects: real GDP, welfare and trade changes for every country."""
    from tariffscope.api import ge

    given = [
        name
        for name, value in (
            ("--app", app_name),
            ("--tariffs", tariffs),
            ("--scenario", scenario),
            ("--panel", panel),
        )
        if value is not None
    ]
    if len(given) != 1:
        raise InputError(
            "give exactly one of --app, --tariffs, --scenario or --panel",
            hint="see `tariffscope ge --help`",
        )
    if scenario is None and (entry_date or reference_date):
        raise InputError("--date and --reference-date go with --scenario")
    panel_only = (covariate, set_values, year, fixed_effect, pair_effects)
    if panel is None and any(v is not None for v in panel_only):
        raise InputError("--covariate, --set, --year, --fe and --pair-effects go with --panel")
    with err_console.status("solving the general equilibrium ..."):
        run = ge(
            app=None if app_name is None else app_name.value,
            tariffs=tariffs,
            data=dataset.value,
            sigma=sigma,
            scenario=scenario,
            date=entry_date,
            reference_date=reference_date,
            model=model.value,
            start=start.value,
            panel=panel,
            covariates=tuple(covariate or ()),
            changes=_assignments(set_values or []),
            year=year,
            fixed_effects=tuple(fixed_effect or ("exporter", "importer")),
        )
    for warning in run.warnings:
        err_console.print(f"warning: {warning}", markup=False, highlight=False)
    if pair_effects is not None:
        _write_pair_effects(run, pair_effects)
    _print(
        run.countries,
        dict(run.diagnostics),
        run.title,
        output_format,
        None if run.metadata is None else dict(run.metadata),
    )


def _assignments(texts: list[str]) -> dict[str, float | str]:
    """``NAME=NUMBER`` or ``NAME=COLUMN`` pairs as a mapping; InputError names a bad one."""
    values: dict[str, float | str] = {}
    for text in texts:
        name, sep, raw = (part.strip() for part in text.partition("="))
        if not sep or not name or not raw:
            raise InputError(
                f"--set {text!r} is not NAME=NUMBER or NAME=COLUMN", hint="e.g. --set FTA=1"
            )
        try:
            number = float(raw)
        except ValueError:
            values[name] = raw  # a column of the panel with each pair's new value
            continue
        if not math.isfinite(number):
            raise InputError(f"--set {text!r}: the value must be a finite number")
        values[name] = number
    return values


def _write_pair_effects(run: object, path: Path) -> None:
    estimate = getattr(run, "estimate", None)
    if estimate is None:
        raise InputError("--pair-effects goes with --panel")
    try:
        estimate.pair_effects().to_csv(path, index=False, float_format="%.10g")
    except OSError as error:
        raise InputError(f"cannot write {str(path)!r}: {error.strerror}") from None
    err_console.print(f"wrote {path}", markup=False)


def register(app: typer.Typer) -> None:
    """Add ``tariffscope ge`` to the application."""
    app.command("ge")(guarded(ge_command))
