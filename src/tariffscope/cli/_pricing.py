"""What ``simulate`` and ``compare`` share: options, settings, pricing one outcome, records.

Pricing goes through :func:`tariffscope.impact.pe.law.price_outcome`; a partner without 2024
trade raises :class:`~tariffscope.errors.NotCoveredError`, which the commands turn into a
result with a warning (exit 0).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import pandas as pd
import typer
from rich.progress import BarColumn, TimeElapsedColumn

from tariffscope.cli._app import TabularFormat as Format
from tariffscope.cli._app import err_console, plain_text_column, progress_bar
from tariffscope.domain.countries import normalize_country
from tariffscope.errors import InputError

__all__ = [
    "DrawsOption",
    "Format",
    "FormatOption",
    "ImporterOption",
    "MetalOption",
    "Method",
    "MethodOption",
    "PartnerOption",
    "ReferenceOption",
    "SeedOption",
    "Settings",
    "SigmaOption",
    "SigmaSource",
    "SupplyOption",
    "headline_rows",
    "meta",
    "price",
    "scenario_from_spec",
    "sector_rows",
    "settings_from",
]


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
    str,
    typer.Option(
        "--partner",
        "-p",
        help="Partner singled out (required): the ISO3 code of any country with 2024 US "
        "imports (KOR, VNM, MUS, ...) or EUN for the EU members as a bloc.",
    ),
]
ImporterOption = Annotated[
    str, typer.Option("--importer", help="Importer; the trade baseline is US imports.")
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
class Settings:
    """The options every pricing command shares, checked."""

    partner: str
    draws: int
    seed: int
    method: str
    sigma_source: str
    export_supply: float
    reference_date: str
    metal_share: float | None = None


def settings_from(
    importer: str,
    partner: str,
    draws: int,
    seed: int,
    method: Method,
    sigma: SigmaSource,
    export_supply: float | None,
    reference_date: str,
    metal_share: float | None = None,
) -> Settings:
    """Check the shared options; InputError (exit 2) names a bad importer or partner."""
    if normalize_country(importer) != "USA":
        raise InputError(
            f"importer {importer!r} has no trade baseline",
            hint="the baseline is US imports; price other importers from BACI or Comtrade "
            "data with tariffscope.impact.pe.simulate_smart",
        )
    from tariffscope.impact.pe.partners import focus_code

    return Settings(
        partner=focus_code(partner),
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
    columns = (plain_text_column("{task.description}"), BarColumn(), TimeElapsedColumn())
    with progress_bar(*columns) as bar:
        task = bar.add_task(f"{label}: {draws} draws", total=draws)
        yield lambda done, total: bar.update(task, completed=done)


def price(
    settings: Settings, label: str | None, date: str, scenario: Any, as_known: str | None
) -> Any:
    """Price one outcome (a :class:`~tariffscope.impact.pe.law.PricedOutcome`)."""
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


def scenario_from_spec(spec: str | None) -> Any:
    """A scenario from a YAML path, or ``enact:ID[+ID...]`` for catalog measures."""
    from tariffscope.regime.scenario import load_scenario, scenario_from_mapping

    if not spec:
        return None
    if spec.startswith("enact:"):
        ids = [part for part in spec[len("enact:") :].split("+") if part]
        return scenario_from_mapping({"name": spec, "enact": ids})
    return load_scenario(Path(spec))


def headline_rows(outcome: Any) -> list[dict[str, Any]]:
    """The outcome's headline numbers as records (point, and median/p05/p95 with draws)."""
    frame = outcome.summary()
    rows = []
    for record in frame.to_dict(orient="records"):
        row = {k: record[k] for k in ("metric", "unit", "description", "point")}
        for key in ("median", "p05", "p95"):
            if key in record:
                row[key] = record[key]
        rows.append(row)
    return rows


def sector_rows(outcome: Any, top: int) -> pd.DataFrame:
    """The ``top`` sectors with the largest change in imports from the partner."""
    by_sector = outcome.point.focus_by_sector()
    if outcome.monte_carlo is not None:
        intervals = outcome.monte_carlo.sector_summary().set_index("gtap_code")
        by_sector = by_sector.join(intervals, on="gtap_code")
    by_sector = by_sector.reindex(by_sector["change_usd"].abs().sort_values(ascending=False).index)
    view: pd.DataFrame = by_sector.head(top).reset_index(drop=True)
    return view


def meta(
    outcome: Any, settings: Settings, scenario_spec: str | None, as_known: str | None
) -> dict[str, Any]:
    """What was priced and how: dates, options, the partner axis and the sources."""
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
        "partner_columns": list(baseline.partners),
        "sources": baseline.sources,
        "warnings": [],
    }
