"""``tariffscope deals``: the deal space of a pair on a date, and where bargaining lands.

The numbers come from :func:`tariffscope.api.deals`; this module checks the options, formats
the solutions (a table, JSON or CSV) and writes the chart.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import numpy as np
import pandas as pd
import typer
from rich import box
from rich.table import Table

from tariffscope.cli._app import TabularFormat, err_console, guarded, plain_console
from tariffscope.cli._cluster import ClusterOption, cluster_spec, maybe_cluster
from tariffscope.cli._files import writable_file
from tariffscope.cli._options import PoliticalEconomyOption
from tariffscope.errors import InputError, NotCoveredError
from tariffscope.strict_json import to_json

if TYPE_CHECKING:
    from tariffscope.api import DealSpaceResult

__all__ = ["deals_command", "register"]


class DisagreementPoint(StrEnum):
    """What happens without a deal."""

    threat = "threat"
    status_quo = "status-quo"
    war = "war"


def _cell(value: object, digits: int) -> str:
    if isinstance(value, float):
        return "" if not np.isfinite(value) else f"{value:,.{digits}f}"
    return str(value)


def _table(frame: pd.DataFrame, date: str, payoff: str = "real income") -> Table:
    pair = frame.attrs["pair"]
    table = Table(
        title=f"Deal space {pair[0]}-{pair[1]} on {date}: "
        f"{frame.attrs['x_lever']} x {frame.attrs['y_lever']}; payoffs: {payoff}",
        caption="rates: %; payoffs against the disagreement point: % of the model's income "
        "(GDP) and US$ bn a year (2022); off-grid rows: trade-weighted mean rates in the "
        "levers' sectors",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("solution")
    table.add_column(frame.attrs["x_lever"], justify="right")
    table.add_column(frame.attrs["y_lever"], justify="right")
    for member in pair:
        table.add_column(f"{member} %", justify="right")
        table.add_column(f"{member} US$bn", justify="right")
    table.add_column("detail")
    for row in frame.to_dict(orient="records"):
        cells = [str(row["solution"]), _cell(row["x_pct"], 1), _cell(row["y_pct"], 1)]
        for member in pair:
            cells += [
                _cell(row[f"payoff_pct_{member}"], 4),
                _cell(row[f"payoff_usd_bn_{member}"], 2),
            ]
        table.add_row(*cells, str(row["detail"]))
    return table


def _csv_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """Nested cells (``by_sector``: side -> sector -> rate) as JSON text, one cell each."""
    if "by_sector" not in frame:
        return frame
    out = frame.copy()
    out["by_sector"] = [None if v is None else to_json(v) for v in frame["by_sector"]]
    return out


def deals_command(
    pair: Annotated[
        str, typer.Option("--pair", help="Two ICIO countries, the imposer first: A-B.")
    ],
    date: Annotated[
        str,
        typer.Option(
            "--date", "-d", help="Status quo: the US law that day; threat: the catalog's next."
        ),
    ],
    grid: Annotated[
        str | None,
        typer.Option(
            "--grid",
            help="Two levers NAME=START:STOP:STEP in percent: general, partner or the sector "
            "lever. Default general=0:30:2,partner=-10:0:1 (or general x the sector lever).",
        ),
    ] = None,
    weight: Annotated[
        float, typer.Option("--weight", help="Bargaining weight of the imposer, in (0, 1).")
    ] = 0.5,
    disagreement: Annotated[
        DisagreementPoint,
        typer.Option("--disagreement", help="threat (default), status-quo or war."),
    ] = DisagreementPoint.threat,
    threat: Annotated[
        float | None,
        typer.Option("--threat", help="Override the catalog's threat: RATE % added to MFN."),
    ] = None,
    sector_lever: Annotated[
        str | None,
        typer.Option(
            "--sector-lever", help="NAME=SECTOR[+SECTOR] of the ICIO file, e.g. autos=C29."
        ),
    ] = None,
    keep: Annotated[
        str | None,
        typer.Option(
            "--keep", help="ICIO sectors every deal leaves at the status quo, e.g. C24A+C25."
        ),
    ] = None,
    transfer: Annotated[
        str | None,
        typer.Option(
            "--transfer",
            help="What the partner pays at every deal, for commitments the model cannot price "
            "(investment pledges, purchases): US$ bn a year (12.5) or a share of its GDP "
            "(0.5%gdp); added as given, not modelled.",
        ),
    ] = None,
    actual: Annotated[
        str | None,
        typer.Option(
            "--actual", help="The deal struck on the grid's levers, e.g. general=15,autos=15."
        ),
    ] = None,
    elasticities: Annotated[
        str | None,
        typer.Option("--elasticities", help="Elasticity source of the ICIO file (default U4)."),
    ] = None,
    political_economy: PoliticalEconomyOption = None,
    sensitivity: Annotated[
        bool,
        typer.Option(
            "--sensitivity/--no-sensitivity", help="Also solve with sigma - 1 x0.75 and x1.25."
        ),
    ] = True,
    output_format: Annotated[
        TabularFormat, typer.Option("--format", "-f", help="Table, JSON or CSV.")
    ] = TabularFormat.table,
    chart: Annotated[
        Path | None,
        typer.Option("--chart", help="Also draw the deal space: FILE.png or FILE.html."),
    ] = None,
    cluster: ClusterOption = None,
) -> None:
    """Each side's gain from every deal on a grid against a disagreement point, and where
    bargaining lands (Nash, Kalai-Smorodinsky), with optimal tariffs and the trade war.

    With --cluster the grid's rows, the weight sweep's deals and the sensitivity's
    elasticities are solved on Dask workers; the answer is the same, bit for bit.
    """
    from tariffscope.api import deals
    from tariffscope.api._deals import parse_transfer
    from tariffscope.report.etr_chart import CHART_SUFFIXES

    cluster_at = cluster_spec(cluster)
    transfer_usd_bn, transfer_pct_gdp = parse_transfer(transfer) if transfer else (0.0, 0.0)

    if chart is not None:
        if chart.suffix.lower() not in CHART_SUFFIXES:
            raise InputError(
                f"--chart {str(chart)!r} has neither of the suffixes {', '.join(CHART_SUFFIXES)}"
            )
        writable_file(chart)
    with maybe_cluster(cluster_at) as client:
        map_deals = None
        if client is not None:
            from tariffscope.distributed.map import client_mapper

            map_deals = client_mapper(client, name="tariffscope-deals")
        try:
            result = deals(
                pair,
                date,
                grid=grid,
                weight=weight,
                disagreement=disagreement.value,
                threat=threat,
                sector_lever=sector_lever,
                keep=keep or (),
                transfer_usd_bn=transfer_usd_bn,
                transfer_pct_gdp=transfer_pct_gdp,
                actual=actual,
                elasticities=elasticities,
                sensitivity=sensitivity,
                political_economy=political_economy,
                map_deals=map_deals,
            )
        except NotCoveredError as error:
            result = _not_covered(pair, date, grid, sector_lever, error)
    frame = result.solutions
    warnings = list(result.warnings)
    if output_format is TabularFormat.json:
        sys.stdout.write(to_json(result.to_dict(), indent=1) + "\n")
    elif output_format is TabularFormat.csv:
        if result.computed:
            _csv_ready(frame).to_csv(sys.stdout, index=False)
    elif not result.computed:
        pass  # no table: the reason is the warning below
    else:
        console = plain_console(file=sys.stdout, width=160)
        console.print(_table(frame, result.date, result.payoff))
        if result.transfer is not None:
            console.print(_transfer_line(result.transfer))
        if not result.sensitivity.empty:
            console.print(result.sensitivity.round(3).to_string(index=False))
        for source in result.sources:
            console.print(f"source: {source}")
    if chart is not None and result.computed:
        from tariffscope.report.deals_chart import deals_chart
        from tariffscope.report.etr_chart import write_spec

        chart_spec = deals_chart(
            result.grid, frame, result.sweep, result.pair, result.x_lever, result.y_lever
        )
        write_spec(chart_spec, chart, warnings=warnings, sources=list(result.sources))
    if output_format is not TabularFormat.json:
        for warning in warnings:
            err_console.print(f"warning: {warning}", markup=False, highlight=False)


def _transfer_line(transfer: dict[str, Any]) -> str:
    """The transfer in both units, e.g. for the table's foot."""
    return (
        f"transfer (not modelled), in every deal row: {transfer['payer']} pays "
        f"{transfer['receiver']} US$ {transfer['usd_bn']:,.2f} bn a year = "
        f"{transfer['pct_gdp_payer']:.3f}% of {transfer['payer']}'s GDP = "
        f"{transfer['pct_gdp_receiver']:.3f}% of {transfer['receiver']}'s (GDP: income in the "
        "ICIO baseline, gross output)"
    )


def _not_covered(
    pair: str, date: str, grid: str | None, sector_lever: str | None, error: NotCoveredError
) -> DealSpaceResult:
    """The pair's entry without a deal space: a capability the tool lacks, warned, exit 0."""
    from tariffscope.api._deals import (
        DEFAULT_GRID,
        DEFAULT_SECTOR_GRID,
        DealSpaceResult,
        parse_grid,
        parse_pair,
        parse_sector_lever,
    )

    lever = parse_sector_lever(sector_lever)[0] if sector_lever else None
    (x_lever, _), (y_lever, _) = parse_grid(
        grid or (DEFAULT_SECTOR_GRID.format(name=lever) if lever else DEFAULT_GRID)
    )
    return DealSpaceResult.not_computed(
        parse_pair(pair), date, error.one_line(), x_lever=x_lever, y_lever=y_lever
    )


def register(app: typer.Typer) -> None:
    """Add ``tariffscope deals`` to the application."""
    app.command("deals")(guarded(deals_command))
