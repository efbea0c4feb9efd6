"""Terminal tables of ``simulate`` and ``compare`` (Rich)."""

from __future__ import annotations

import sys
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from rich.table import Table

from tariffscope.cli._app import err_console, out_console
from tariffscope.cli._json import print_json
from tariffscope.cli._pricing import Format, Settings, headline_rows
from tariffscope.domain.countries import country_name
from tariffscope.errors import NotCoveredError

__all__ = [
    "money",
    "not_priced",
    "print_comparison",
    "print_headline",
    "print_sectors",
    "value",
]


def money(amount: float) -> str:
    """US dollars in billions or millions (empty when unknown)."""
    if not np.isfinite(amount):
        return ""
    if abs(amount) >= 1e9:
        return f"{amount / 1e9:,.2f} bn"
    return f"{amount / 1e6:,.1f} m"


def value(amount: float, unit: str) -> str:
    """A headline number in its unit (empty when unknown)."""
    if not np.isfinite(amount):
        return ""
    return money(amount) if unit == "USD" else f"{amount:,.2f}"


def print_headline(
    meta: dict[str, Any], headline: Sequence[Mapping[Hashable, Any]], settings: Settings
) -> None:
    """The headline numbers of one outcome, with their interval when there are draws."""
    name = country_name(settings.partner)
    title = (
        f"US imports from {name}: the law of {meta['entry_date']}"
        + (f" + {meta['scenario']}" if meta["scenario"] else "")
        + f" against the law of {meta['reference_date']}"
    )
    caption = (
        f"SMART {settings.method}, substitution: {settings.sigma_source}, export supply: "
        f"{'infinite' if meta['export_supply'] is None else meta['export_supply']}; baseline "
        f"{meta['baseline_year']} trade (Census, by GTAP sector); "
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
        cells = [row["description"], unit, value(row["point"], row["unit"])]
        if settings.draws:
            cells.append(value(row["median"], row["unit"]))
            cells.append(f"{value(row['p05'], row['unit'])} to {value(row['p95'], row['unit'])}")
        table.add_row(*cells)
    out_console.print(table)


def print_sectors(sectors: pd.DataFrame, settings: Settings) -> None:
    """The sectors with the largest change in imports from the partner."""
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
            money(row["imports_before_usd"]),
            money(row["change_usd"]),
            "" if pd.isna(row["change_pct"]) else f"{row['change_pct']:.1f}",
        ]
        if settings.draws:
            cells.append(f"{money(row['p05_usd'])} to {money(row['p95_usd'])}")
        table.add_row(*cells)
    out_console.print(table)


def print_comparison(results: list[tuple[Any, dict[str, Any]]], settings: Settings) -> None:
    """Several outcomes side by side: one column per outcome."""
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
    rows = [headline_rows(outcome) for outcome, _ in results]
    for index, first in enumerate(rows[0]):
        unit = "$" if first["unit"] == "USD" else first["unit"]
        cells = [f"{first['description']} ({unit})"]
        for case_rows in rows:
            row = case_rows[index]
            if settings.draws:
                cells.append(
                    f"{value(row['median'], row['unit'])}\n"
                    f"[{value(row['p05'], row['unit'])}, {value(row['p95'], row['unit'])}]"
                )
            else:
                cells.append(value(row["point"], row["unit"]))
        table.add_row(*cells)
    out_console.print(table)


def not_priced(
    settings: Settings, error: NotCoveredError, output_format: Format, **fields: Any
) -> None:
    """Print a result without numbers whose warning says why (exit 0)."""
    warning = error.one_line()
    err_console.print(f"warning: {warning}", markup=False, highlight=False)
    if output_format is Format.json:
        payload = {"partner": settings.partner, **fields, "headline": [], "warnings": [warning]}
        print_json(payload)
    elif output_format is Format.csv:
        sys.stdout.write("outcome,metric,unit,description,point\n")
    else:
        out_console.print(f"warning: {warning}", markup=False, highlight=False)
