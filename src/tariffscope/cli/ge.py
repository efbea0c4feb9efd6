"""``tariffscope ge``: economy-wide effects of tariff changes (general equilibrium).

Runs the published validation applications, a file of bilateral tariff changes on one of the
model data sets, or a tariff-law scenario (the law on a date plus the scenario's measures
against the law on a reference date), and prints real GDP, welfare and trade changes for every
country.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import numpy as np
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


def _agtpa_borders() -> tuple[pd.DataFrame, dict[str, object], str]:
    from tariffscope.config import shared_file
    from tariffscope.impact.gravity import GEOptions, estimate_ppml, solve
    from tariffscope.impact.gravity.io import load_agtpa_trade_without_borders

    data = load_agtpa_trade_without_borders()
    est = estimate_ppml(data, ["ln_DIST", "CNTG", "INTL_BRDR"])
    base = est.baseline(unit="US$ million")
    options = GEOptions.from_sigma(
        7.0, imbalance="multiplicative", numeraire="reference_price_index", reference="DEU"
    )
    result = solve(base, est.shock(base, {"INTL_BRDR": 0.0}), options)
    frame = result.by_country()
    published = pd.read_csv(
        shared_file("validation/agtpa_ch2_app1_trade_without_borders_published.csv")
    ).set_index("country")
    frame["published_pct"] = published.loc[frame["country"], "change_rGDP_FULL"].to_numpy()
    title = "Advanced Guide ch.2 app.1: trade without borders (full GE; published = real GDP)"
    return frame, result.diagnostics(), title


def _ge_gravity_eu() -> tuple[pd.DataFrame, dict[str, object], str]:
    from tariffscope.config import shared_file
    from tariffscope.impact.gravity import GEOptions, Shock, solve
    from tariffscope.impact.gravity.io import (
        baseline_from_frame,
        eu_enlargement_effects,
        load_wiod44,
        partial_effect_matrix,
    )

    rows = eu_enlargement_effects(load_wiod44(), beta=0.224249)
    base = baseline_from_frame(rows, unit="US$ million")
    shock = Shock.from_partial_effects(partial_effect_matrix(rows, "beta", base))
    result = solve(base, shock, GEOptions(theta=4.0))
    frame = result.by_country()
    stata = pd.read_csv(shared_file("validation/ge_gravity_eu_enlargement_welfare_stata.csv"))
    stata = stata.set_index("exporter")
    frame["published_pct"] = 100 * (stata.loc[frame["country"], "w_eu"].to_numpy() - 1)
    return frame, result.diagnostics(), "ge_gravity EU enlargement (WIOD 2000, additive)"


def _cp_frame(result: object) -> pd.DataFrame:
    from tariffscope.impact.multisector import MSResult

    assert isinstance(result, MSResult)
    return result.by_country()


def _cp_nafta() -> tuple[pd.DataFrame, dict[str, object], str]:
    from tariffscope.impact.multisector import MSShock, load_cp_data, solve, zero_surplus_baseline

    data = load_cp_data()
    base = zero_surplus_baseline(data)
    result = solve(base, MSShock.nafta(base, data.tariffs_2005))
    frame = _cp_frame(result)
    published = {"MEX": 1.31, "USA": 0.08, "CAN": -0.06}
    frame["published_pct"] = [published.get(code, np.nan) for code in frame["country"]]
    return frame, result.diagnostics(), "Caliendo-Parro (2015): NAFTA tariff reductions"


def _run_tariffs_cp(path: Path) -> tuple[pd.DataFrame, dict[str, object], str]:
    from tariffscope.impact.gravity.io import read_tariff_changes
    from tariffscope.impact.multisector import MSShock, load_cp_data, solve, zero_surplus_baseline

    data = load_cp_data()
    changes = read_tariff_changes(path, countries=data.countries)
    base = zero_surplus_baseline(data)
    result = solve(base, MSShock.from_tariff_changes(base, changes, path.name))
    title = f"{path.name} on Caliendo-Parro 1993 data (31 regions, 40 sectors)"
    return _cp_frame(result), result.diagnostics(), title


def _run_tariffs_agtpa(path: Path, sigma: float) -> tuple[pd.DataFrame, dict[str, object], str]:
    from tariffscope.impact.gravity import GEOptions, Shock, solve
    from tariffscope.impact.gravity.io import (
        baseline_from_frame,
        load_agtpa_trade_without_borders,
        read_tariff_changes,
    )

    frame = load_agtpa_trade_without_borders()
    base = baseline_from_frame(frame, unit="US$ million")
    changes = read_tariff_changes(path, countries=base.countries)
    taxed, shock = Shock.from_tariff_changes(base, changes, path.name)
    options = GEOptions.from_sigma(sigma, imbalance="multiplicative")
    result = solve(taxed, shock, options)
    title = f"{path.name} on Advanced Guide 2006 data (69 countries, sigma={sigma:g})"
    return result.by_country(), result.diagnostics(), title


def _run_scenario(
    path: Path,
    entry_date: str | None,
    reference_date: str | None,
    model: Model,
    start: StartPoint,
) -> tuple[pd.DataFrame, dict[str, object], str, dict[str, object]]:
    from tariffscope.impact.economy_wide import scenario_effects, scenario_start_date
    from tariffscope.regime import load_scenario
    from tariffscope.regime.resolve import parse_date

    scenario = load_scenario(path)
    if entry_date is None:
        first = scenario_start_date(scenario)
        if first is None:
            raise InputError(
                f"scenario {path.name} has no measure with an effective date",
                hint="give --date YYYY-MM-DD",
            )
        day = first
    else:
        day = parse_date(entry_date, "--date")
    reference = day if reference_date is None else parse_date(reference_date, "--reference-date")
    effects = scenario_effects(
        scenario,
        entry_date=day,
        reference_date=reference,
        model=model.value,
        start="reference" if start is StartPoint.reference else "base_year",
    )
    meta = effects.metadata
    title = (
        f"{scenario.name}: law on {meta['entry_date']} with the scenario vs the law on "
        f"{meta['reference_date']} ({model.value} model, base year {meta['base_year']})"
    )
    return effects.countries, effects.diagnostics, title, meta


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
