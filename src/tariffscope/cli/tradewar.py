"""``tariffscope tradewar``: Ossa's (2014) Tables 3, 4 and 5 recomputed, beside his numbers.

The numbers come from :func:`tariffscope.impact.tradewar.tables.reproduce`; this module checks
the options and formats the comparison (a table, JSON or CSV).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import numpy as np
import pandas as pd
import typer
from rich import box
from rich.table import Table

from tariffscope.cli._app import TabularFormat, guarded, out_console
from tariffscope.errors import InputError
from tariffscope.impact.tradewar.tables import TALKS_STARTS, compare, reproduce
from tariffscope.strict_json import to_json

__all__ = ["register", "tradewar_command"]


class Panel(StrEnum):
    """Ossa's panels: A without, B with political-economy weights."""

    A = "A"
    B = "B"
    both = "both"


class Start(StrEnum):
    """Table 5's starting points of the talks."""

    nash = "nash"
    factual = "factual"
    freetrade = "freetrade"
    all = "all"


def _frame(table: int, panel: Panel, start: Start) -> pd.DataFrame:
    political = {Panel.A: [False], Panel.B: [True], Panel.both: [False, True]}[panel]
    starts = TALKS_STARTS if start is Start.all else (start.value,)
    frames = [
        compare(reproduce(table, p, starts) if table == 5 else reproduce(table, p), table, p)
        for p in political
    ]
    return pd.concat(frames, ignore_index=True)


def _published(value: float) -> str:
    # Ossa's arrays carry one decimal, two for the small gains from free trade.
    return "-" if np.isnan(value) else f"{value:g}"


def _print_table(frame: pd.DataFrame) -> None:
    for (table, panel), rows in frame.groupby(["table", "panel"], sort=False):
        out = Table(
            title=f"Ossa (2014) Table {table}, panel {panel}: ours / published", box=box.SIMPLE
        )
        out.add_column("region")
        columns = list(dict.fromkeys(rows["column"]))
        for column in columns:
            out.add_column(column, justify="right")
        for region, cells in rows.groupby("region", sort=False):
            ours = cells.set_index("column")["ours"].astype(float)
            published = cells.set_index("column")["published"].astype(float)
            out.add_row(
                str(region),
                *(f"{float(ours[c]):.2f} / {_published(float(published[c]))}" for c in columns),
            )
        out_console.print(out)


def tradewar_command(
    table: Annotated[
        int,
        typer.Option("--table", help="3 (optimal tariffs), 4 (Nash tariffs) or 5 (trade talks)"),
    ],
    panel: Annotated[Panel, typer.Option("--panel", help="A, B or both")] = Panel.both,
    start: Annotated[
        Start,
        typer.Option("--start", help="Table 5 only: the talks' starting point, or all three"),
    ] = Start.all,
    output_format: Annotated[
        TabularFormat, typer.Option("--format", help="table, json or csv")
    ] = TabularFormat.table,
) -> None:
    """Reproduce Ossa (2014) Table 3, 4 or 5 on his data.

    Tables 3 and 4 take about a minute per panel; Table 5 a few minutes per starting point
    (the Nash start first computes Table 4's Nash tariffs).
    """
    if table not in (3, 4, 5):
        raise InputError(f"--table must be 3, 4 or 5 (got {table})")
    if start is not Start.all and table != 5:
        raise InputError(f"--start applies to --table 5 only (got --table {table})")
    frame = _frame(table, panel, start)
    if output_format is TabularFormat.json:
        sys.stdout.write(to_json(frame.to_dict(orient="records")) + "\n")
    elif output_format is TabularFormat.csv:
        frame.to_csv(sys.stdout, index=False)
    else:
        _print_table(frame)


def register(app: typer.Typer) -> None:
    """Add ``tariffscope tradewar`` to the application."""
    app.command("tradewar")(guarded(tradewar_command))
