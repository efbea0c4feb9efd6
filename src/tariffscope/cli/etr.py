"""``tariffscope etr``: the daily trade-weighted US tariff rate by partner or sector.

The numbers come from :func:`tariffscope.impact.etr.effective_rates`; this module only checks
the options and formats the rows (a table of the periods over which the rates hold, JSON or CSV
of every day) and writes the chart.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import pandas as pd
import typer
from rich import box
from rich.table import Table

from tariffscope.cli._app import (
    TabularFormat,
    err_console,
    guarded,
    out_console,
    plain_console,
)
from tariffscope.cli._cluster import ClusterOption, cluster_spec, maybe_cluster
from tariffscope.cli._files import writable_file
from tariffscope.errors import InputError
from tariffscope.strict_json import to_json

__all__ = ["etr_command", "register"]


class Rates(StrEnum):
    applied = "applied"
    statutory = "statutory"


class By(StrEnum):
    """How the rows are broken down."""

    partner = "partner"
    sector = "sector"


_TABLE_WIDTH = {By.partner: 100, By.sector: 150}


def _runs(frame: pd.DataFrame) -> pd.DataFrame:
    """Consecutive days of one partner (and sector) with the same rates, as one row."""
    keys = ["partner", "sector"] if "sector" in frame.columns else ["partner"]
    values = ["etr_pct", "etr_after_substitution_pct", "law_from"]
    ordered = frame.sort_values([*keys, "date"], kind="stable")
    shifted = ordered.groupby(keys, sort=False)[values].shift()
    new = (ordered[values].ne(shifted) & ~(ordered[values].isna() & shifted.isna())).any(axis=1)
    run = new.cumsum()
    grouped = ordered.groupby(run, sort=False)
    runs = grouped.first().rename(columns={"date": "from"})
    runs.insert(1, "to", grouped["date"].last())
    first_of = {k: i for i, k in enumerate(dict.fromkeys(frame["partner"]))}
    runs["_order"] = runs["partner"].map(first_of)
    return runs.sort_values(["from", "_order"], kind="stable").drop(columns="_order")


def _pct(value: float) -> str:
    return "" if not np.isfinite(value) else f"{value:.2f}"


def _bn(value: float) -> str:
    return "" if not np.isfinite(value) else f"{value / 1e9:,.2f}"


def _table(frame: pd.DataFrame, title: str) -> Table:
    runs = _runs(frame)
    table = Table(
        title=title,
        caption="imports and duties: US$ bn, 2024 imports as weights; ETR: before substitution; "
        "subst.: after; each row holds from its first to its last day",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for column in ("from", "to"):
        table.add_column(column, no_wrap=True)
    table.add_column("partner", no_wrap=True)
    if "sector" in frame.columns:
        table.add_column("sector")
    for column in ("imports", "duties", "ETR %", "subst. %"):
        table.add_column(column, justify="right", no_wrap=True)
    table.add_column("law from", no_wrap=True)
    for row in runs.to_dict(orient="records"):
        cells = [str(row["from"]), str(row["to"]), str(row["partner"])]
        if "sector" in frame.columns:
            cells.append(f"{row['sector']} ({row['sector_name']})")
        cells += [
            _bn(row["imports_usd"]),
            _bn(row["duties_usd"]),
            _pct(row["etr_pct"]),
            _pct(row["etr_after_substitution_pct"]),
            str(row["law_from"]),
        ]
        table.add_row(*cells)
    return table


def _payload(frame: pd.DataFrame) -> dict[str, Any]:
    return {
        "rows": frame.to_dict(orient="records"),
        "warnings": list(frame.attrs.get("warnings", [])),
        "sources": list(frame.attrs.get("sources", [])),
    }


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {str(out)!r}: {error.strerror}") from None


def etr_command(
    date: Annotated[
        str | None, typer.Option("--date", "-d", help="One entry date (YYYY-MM-DD).")
    ] = None,
    start: Annotated[
        str | None, typer.Option("--from", help="First entry date of a daily series.")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Last entry date of a daily series.")
    ] = None,
    partner: Annotated[
        list[str] | None,
        typer.Option(
            "--partner",
            "-p",
            help="ISO3 code, EUN (the EU) or ALL; repeat for several. Default: ALL and every "
            "partner (--by partner), ALL (--by sector).",
        ),
    ] = None,
    by: Annotated[By, typer.Option("--by", help="One row per partner or per sector.")] = (
        By.partner
    ),
    output_format: Annotated[
        TabularFormat, typer.Option("--format", "-f", help="Table, JSON or CSV.")
    ] = TabularFormat.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the output to this file.")
    ] = None,
    chart: Annotated[
        Path | None,
        typer.Option("--chart", help="Also draw the series: FILE.png or FILE.html."),
    ] = None,
    rates: Annotated[
        Rates,
        typer.Option(
            "--rates",
            help="applied: the law as entries claim it (USMCA and other preference "
            "programmes by claim shares); statutory: no preference claimed.",
        ),
    ] = Rates.applied,
    cluster: ClusterOption = None,
) -> None:
    """Effective tariff rates: duties the law levies on 2024 US imports / those imports, by day,
    before and after substitution (SMART).

    With --cluster the distinct laws of the period (one per set of measures in force, not
    one per day) are computed on Dask workers; the answer is the same.
    """
    from tariffscope.api import etr
    from tariffscope.report.etr_chart import CHART_SUFFIXES

    spec = cluster_spec(cluster)
    if chart is not None and chart.suffix.lower() not in CHART_SUFFIXES:
        raise InputError(
            f"--chart {str(chart)!r} has neither of the suffixes {', '.join(CHART_SUFFIXES)}"
        )
    for path in (out, chart):
        if path is not None:
            writable_file(path)
    with maybe_cluster(spec) as client:
        if client is None:
            map_laws = None
        else:
            from tariffscope.distributed import law_mapper

            map_laws = law_mapper(client)
        frame = etr(
            date=date,
            start=start,
            end=end,
            partners=partner,
            by=by.value,
            rates=rates.value,
            map_laws=map_laws,
        )
    first, last = str(date or start), str(date or end)
    warnings = list(frame.attrs.get("warnings", []))
    if output_format is TabularFormat.json:
        _write(to_json(_payload(frame), indent=1) + "\n", out)
    elif output_format is TabularFormat.csv:
        _write(frame.to_csv(index=False), out)
    else:
        title = f"US effective tariff rate, {first}" + (f" to {last}" if last != first else "")
        table = _table(frame, title)
        # wide enough for every column whatever the terminal says (a pipe reads as 80)
        width = max(out_console.width, _TABLE_WIDTH[by])
        if out is None:
            plain_console(file=sys.stdout, width=width).print(table)
        else:
            with out.open("w", encoding="utf-8") as handle:
                plain_console(file=handle, width=width).print(table)
    if chart is not None and frame.empty:
        warnings.append(f"no chart written to {chart}: there are no rows")
    elif chart is not None:
        from tariffscope.report.etr_chart import write_etr_chart

        write_etr_chart(
            frame, chart, warnings=warnings, sources=list(frame.attrs.get("sources", []))
        )
    if output_format is not TabularFormat.json:
        for warning in warnings:
            err_console.print(f"warning: {warning}", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add ``tariffscope etr`` to the application."""
    app.command("etr")(guarded(etr_command))
