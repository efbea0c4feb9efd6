"""``tariffscope simulate`` and ``compare``: price an outcome of the tariff law (SMART + MC).

``simulate`` prices one outcome (the law at an entry date, plus an optional scenario) against
the reference law (1 January 2025, under which the 2024 baseline trade was bought), on the
embedded US import baseline by GTAP sector and partner. ``compare`` prices several outcomes
side by side; with ``--partner JPN`` and no ``--case`` it compares the law of 18 July 2025,
the threatened 25% from 1 August and the 15% deal as enacted.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import pandas as pd
import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from tariffscope.cli._app import TabularFormat as Format
from tariffscope.cli._app import err_console, guarded, out_console
from tariffscope.cli._json import print_json
from tariffscope.domain.countries import country_name, normalize_country
from tariffscope.errors import InputError

__all__ = ["register"]


class Method(StrEnum):
    """SMART form (``docs/models.md``)."""

    exact_ces = "exact-ces"
    smart_linear = "smart-linear"


class SigmaSource(StrEnum):
    """Source of the elasticity of substitution between partners."""

    hauk = "hauk"
    broda_weinstein = "broda-weinstein"
    protee = "protee"
    mixed = "mixed"


PROGRESS_FROM_DRAWS = 2000  # show a progress bar for runs at least this long

PartnerOption = Annotated[
    str, typer.Option("--partner", "-p", help="Partner singled out: JPN, CHN, CAN, MEX, EUN, GBR.")
]
ImporterOption = Annotated[
    str, typer.Option("--importer", help="Importer; the embedded baseline is USA.")
]
DrawsOption = Annotated[
    int,
    typer.Option("--draws", "-n", min=0, help="Monte Carlo draws over elasticities (0 = none)."),
]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed of the Monte Carlo draws.")]
MethodOption = Annotated[Method, typer.Option("--method", help="SMART form.")]
SigmaOption = Annotated[
    SigmaSource,
    typer.Option(
        "--sigma-source",
        help="Substitution elasticities: hauk (short run, default), broda-weinstein, protee "
        "(long run) or mixed (draws pick a source).",
    ),
]
SupplyOption = Annotated[
    float | None,
    typer.Option(
        "--export-supply",
        min=0.01,
        help="Export-supply elasticity (default: infinite, world prices fixed; WITS uses 99).",
    ),
]
MetalOption = Annotated[
    float | None,
    typer.Option(
        "--metal-share",
        min=0.0,
        max=1.0,
        help="Share of value that is steel/aluminum, for Section 232 derivative duties "
        "(default: the whole value, an upper bound).",
    ),
]
ReferenceOption = Annotated[
    str,
    typer.Option("--reference-date", help="The law the outcome is compared with (entry date)."),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="table, json or csv.")]


@dataclass(frozen=True)
class _Settings:
    partner: str
    draws: int
    seed: int
    method: str
    sigma_source: str
    export_supply: float
    reference_date: str
    metal_share: float | None = None


def _settings(
    importer: str,
    partner: str,
    draws: int,
    seed: int,
    method: Method,
    sigma: SigmaSource,
    export_supply: float | None,
    reference_date: str,
    metal_share: float | None = None,
) -> _Settings:
    if normalize_country(importer) != "USA":
        raise InputError(
            f"importer {importer!r} has no embedded baseline",
            hint="the embedded baseline is US imports; price other importers from BACI or "
            "Comtrade data with tariffscope.impact.pe.simulate_smart",
        )
    code = normalize_country(partner)
    if code in ("ROW", "WLD"):
        raise InputError(f"partner {partner!r} is not a single partner")
    return _Settings(
        partner=code,
        draws=draws,
        seed=seed,
        method=method.value.replace("-", "_"),
        sigma_source=sigma.value.replace("-", "_"),
        export_supply=float("inf") if export_supply is None else export_supply,
        reference_date=reference_date,
        metal_share=metal_share,
    )


@contextmanager
def _progress(draws: int, label: str) -> Iterator[Callable[[int, int], None] | None]:
    if draws < PROGRESS_FROM_DRAWS or not err_console.is_terminal:
        with err_console.status(f"pricing {label} ..."):
            yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task(f"{label}: {draws} draws", total=draws)
        yield lambda done, total: bar.update(task, completed=done)


def _price(
    settings: _Settings, label: str | None, date: str, scenario: Any, as_known: str | None
) -> Any:
    from tariffscope.impact.pe.law import price_outcome

    with _progress(settings.draws, label or date) as on_progress:
        return price_outcome(
            partner=settings.partner,
            entry_date=date,
            scenario=scenario,
            label=label,
            reference_date=settings.reference_date,
            draws=settings.draws,
            seed=settings.seed,
            method=settings.method,  # type: ignore[arg-type]
            sigma_source=settings.sigma_source,  # type: ignore[arg-type]
            export_supply=settings.export_supply,
            as_known=as_known,
            metal_share=settings.metal_share,
            on_progress=on_progress,
        )


def _scenario(spec: str | None) -> Any:
    """A scenario from a YAML path, or ``enact:ID[+ID...]`` for catalog measures."""
    from tariffscope.regime.scenario import load_scenario, scenario_from_mapping

    if not spec:
        return None
    if spec.startswith("enact:"):
        ids = [part for part in spec[len("enact:") :].split("+") if part]
        return scenario_from_mapping({"name": spec, "enact": ids})
    return load_scenario(Path(spec))


def _money(value: float) -> str:
    if not np.isfinite(value):
        return ""
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.2f} bn"
    return f"{value / 1e6:,.1f} m"


def _value(value: float, unit: str) -> str:
    if not np.isfinite(value):
        return ""
    return _money(value) if unit == "USD" else f"{value:,.2f}"


def _headline_rows(outcome: Any) -> list[dict[str, Any]]:
    frame = outcome.summary()
    rows = []
    for record in frame.to_dict(orient="records"):
        row = {k: record[k] for k in ("metric", "unit", "description", "point")}
        for key in ("median", "p05", "p95"):
            if key in record:
                row[key] = record[key]
        rows.append(row)
    return rows


def _sector_rows(outcome: Any, top: int) -> pd.DataFrame:
    by_sector = outcome.point.focus_by_sector()
    if outcome.monte_carlo is not None:
        intervals = outcome.monte_carlo.sector_summary().set_index("gtap_code")
        by_sector = by_sector.join(intervals, on="gtap_code")
    by_sector = by_sector.reindex(by_sector["change_usd"].abs().sort_values(ascending=False).index)
    view: pd.DataFrame = by_sector.head(top).reset_index(drop=True)
    return view


def _meta(
    outcome: Any, settings: _Settings, scenario_spec: str | None, as_known: str | None
) -> dict[str, Any]:
    baseline = outcome.point.baseline
    return {
        "outcome": outcome.label,
        "importer": "USA",
        "partner": settings.partner,
        "entry_date": outcome.after.entry_date.isoformat(),
        "reference_date": outcome.before.entry_date.isoformat(),
        "as_known": as_known,
        "scenario": scenario_spec,
        "method": settings.method,
        "sigma_source": settings.sigma_source,
        "export_supply": None if np.isinf(settings.export_supply) else settings.export_supply,
        "metal_share": settings.metal_share,
        "draws": settings.draws,
        "seed": settings.seed,
        "interval": "5th-95th percentile" if settings.draws else None,
        "baseline_year": baseline.year,
        "sources": baseline.sources,
    }


def simulate_command(
    date: Annotated[
        str, typer.Option("--date", "-d", help="Entry date of the outcome (YYYY-MM-DD).")
    ],
    partner: PartnerOption = "JPN",
    importer: ImporterOption = "USA",
    scenario: Annotated[
        str | None,
        typer.Option(
            "--scenario",
            help="Scenario YAML file (as for `tariffscope rate`), or enact:ID[+ID] for "
            "catalog measures (e.g. enact:THREAT-JPN-25).",
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
) -> None:
    """Price the law at DATE (plus a scenario) against the reference law: trade, duties, costs."""
    settings = _settings(
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
    outcome = _price(settings, None, date, _scenario(scenario), as_known)
    meta = _meta(outcome, settings, scenario, as_known)
    headline = _headline_rows(outcome)
    sectors = _sector_rows(outcome, top)
    if output_format is Format.json:
        print_json({**meta, "headline": headline, "sectors": sectors.to_dict(orient="records")})
        return
    if output_format is Format.csv:
        frame = pd.DataFrame(headline)
        frame.insert(0, "outcome", outcome.label)
        frame.to_csv(sys.stdout, index=False, float_format="%.6g")
        return
    _print_headline(meta, headline, settings)
    _print_sectors(sectors, settings)


def _print_headline(
    meta: dict[str, Any], headline: list[dict[str, Any]], settings: _Settings
) -> None:
    name = country_name(settings.partner)
    title = (
        f"US imports from {name}: the law of {meta['entry_date']}"
        + (f" + {meta['scenario']}" if meta["scenario"] else "")
        + f" against the law of {meta['reference_date']}"
    )
    caption = (
        f"SMART {settings.method}, substitution: {settings.sigma_source}, export supply: "
        f"{'infinite' if meta['export_supply'] is None else meta['export_supply']}; baseline "
        f"{meta['baseline_year']} trade (Budget Lab GTAP sectors); "
        + (f"{settings.draws} draws, seed {settings.seed}" if settings.draws else "no draws")
    )
    table = Table(title=title, caption=caption)
    table.add_column("headline")
    table.add_column("unit")
    table.add_column("point", justify="right")
    if settings.draws:
        table.add_column("median", justify="right")
        table.add_column("90% interval", justify="right")
    for row in headline:
        unit = "$" if row["unit"] == "USD" else row["unit"]
        cells = [row["description"], unit, _value(row["point"], row["unit"])]
        if settings.draws:
            cells.append(_value(row["median"], row["unit"]))
            cells.append(f"{_value(row['p05'], row['unit'])} to {_value(row['p95'], row['unit'])}")
        table.add_row(*cells)
    out_console.print(table)


def _print_sectors(sectors: pd.DataFrame, settings: _Settings) -> None:
    table = Table(title=f"Largest changes by sector, imports from {settings.partner}")
    for column in (
        "sector",
        "tariff before %",
        "tariff after %",
        "imports before",
        "change",
        "change %",
    ):
        table.add_column(column, justify="left" if column == "sector" else "right")
    if settings.draws:
        table.add_column("90% interval", justify="right")
    for row in sectors.to_dict(orient="records"):
        cells = [
            f"{row['gtap_code']} {row['description']}",
            f"{row['tariff_before_pct']:.1f}",
            f"{row['tariff_after_pct']:.1f}",
            _money(row["imports_before_usd"]),
            _money(row["change_usd"]),
            "" if pd.isna(row["change_pct"]) else f"{row['change_pct']:.1f}",
        ]
        if settings.draws:
            cells.append(f"{_money(row['p05_usd'])} to {_money(row['p95_usd'])}")
        table.add_row(*cells)
    out_console.print(table)


JAPAN_CASES: tuple[tuple[str, str, str | None, str | None], ...] = (
    ("law of 18 Jul 2025", "2025-07-18", None, None),
    ("threat: 25% from 1 Aug", "2025-08-01", "enact:THREAT-JPN-25", "2025-07-18"),
    ("deal: 15% as enacted", "2025-09-16", None, None),
)


def _parse_case(text: str) -> tuple[str, str, str | None, str | None]:
    parts = [part.strip() for part in text.split(",")]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise InputError(
            f"malformed case {text!r}",
            hint="write LABEL,DATE[,SCENARIO[,AS_KNOWN]], "
            "e.g. 'threat,2025-08-01,enact:THREAT-JPN-25'",
        )
    scenario = parts[2] if len(parts) > 2 and parts[2] else None
    as_known = parts[3] if len(parts) > 3 and parts[3] else None
    return parts[0], parts[1], scenario, as_known


def compare_command(
    case: Annotated[
        list[str] | None,
        typer.Option(
            "--case",
            "-c",
            help="LABEL,DATE[,SCENARIO[,AS_KNOWN]] (repeatable). Default for JPN: the law of 18 "
            "July 2025, the threatened 25% from 1 August, the 15% deal as enacted.",
        ),
    ] = None,
    partner: PartnerOption = "JPN",
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
    settings = _settings(
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
        cases = [_parse_case(text) for text in case]
    elif settings.partner == "JPN":
        cases = list(JAPAN_CASES)
    else:
        raise InputError("give at least one --case", hint="e.g. --case 'law,2025-07-18'")
    results = []
    for label, date, scenario_spec, as_known in cases:
        outcome = _price(settings, label, date, _scenario(scenario_spec), as_known)
        results.append((outcome, _meta(outcome, settings, scenario_spec, as_known)))
    if output_format is Format.json:
        payload = {
            "partner": settings.partner,
            "reference_date": settings.reference_date,
            "cases": [{**meta, "headline": _headline_rows(o)} for o, meta in results],
        }
        print_json(payload)
        return
    if output_format is Format.csv:
        pd.concat([o.summary() for o, _ in results]).to_csv(
            sys.stdout, index=False, float_format="%.6g"
        )
        return
    _print_comparison(results, settings)


def _print_comparison(results: list[tuple[Any, dict[str, Any]]], settings: _Settings) -> None:
    table = Table(
        title=f"US imports from {country_name(settings.partner)}: outcomes against the law of "
        f"{settings.reference_date}",
        caption=(
            f"median and 90% interval over {settings.draws} draws (seed {settings.seed})"
            if settings.draws
            else "point estimates (central elasticities)"
        ),
    )
    table.add_column("headline")
    for outcome, meta in results:
        table.add_column(f"{outcome.label}\n({meta['entry_date']})", justify="right")
    rows = [_headline_rows(outcome) for outcome, _ in results]
    for index, first in enumerate(rows[0]):
        unit = "$" if first["unit"] == "USD" else first["unit"]
        cells = [f"{first['description']} ({unit})"]
        for case_rows in rows:
            row = case_rows[index]
            if settings.draws:
                cells.append(
                    f"{_value(row['median'], row['unit'])}\n"
                    f"[{_value(row['p05'], row['unit'])}, {_value(row['p95'], row['unit'])}]"
                )
            else:
                cells.append(_value(row["point"], row["unit"]))
        table.add_row(*cells)
    out_console.print(table)


def register(app: typer.Typer) -> None:
    """Add ``tariffscope simulate`` and ``compare`` to the application."""
    app.command("simulate")(guarded(simulate_command))
    app.command("compare")(guarded(compare_command))
