"""What ``simulate`` and ``compare`` share: options and the progress display.

The settings, cases and records live in :mod:`tariffscope.impact.pe.pricing`; a partner
without 2024 trade raises :class:`~tariffscope.errors.NotCoveredError`, which the commands
turn into a result with a warning (exit 0).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, TimeElapsedColumn

from tariffscope.cli._app import TabularFormat as Format
from tariffscope.cli._app import err_console, plain_text_column, progress_bar
from tariffscope.cli._options import SeedOption
from tariffscope.impact.pe.pricing import (
    PricingSettings,
    headline_rows,
    price_case,
    pricing_settings,
    scenario_from_spec,
    sector_rows,
)
from tariffscope.impact.pe.pricing import outcome_meta as meta

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
    "pricing_options",
    "progress_display",
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


Settings = PricingSettings


def pricing_options(
    importer: str,
    draws: int,
    seed: int,
    method: Method,
    sigma: SigmaSource,
    export_supply: float | None,
    reference_date: str,
    metal_share: float | None = None,
) -> dict[str, Any]:
    """The shared options as keyword arguments of the API (``simulate``, ``compare``)."""
    return {
        "importer": importer,
        "draws": draws,
        "seed": seed,
        "method": method.value,
        "sigma_source": sigma.value,
        "export_supply": export_supply,
        "reference_date": reference_date,
        "metal_share": metal_share,
    }


def settings_from(partner: str, options: dict[str, Any]) -> Settings:
    """Check the shared options (from :func:`pricing_options`); InputError (exit 2) names a
    bad importer or partner."""
    return pricing_settings(partner=partner, **options)


@contextmanager
def progress_display(draws: int, label: str) -> Iterator[Callable[[int, int], None] | None]:
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
    """Price one outcome with a progress display on stderr."""
    with progress_display(settings.draws, label or date) as on_progress:
        return price_case(settings, label, date, scenario, as_known, on_progress)
