"""The deal space as charts (Altair / Vega-Lite): each side's gain over the grid, and the
predicted deal as the bargaining weight moves.

Top: one heat map per side of its payoff (US$ bn a year against the disagreement point) over
the grid's two levers; cells both sides prefer to disagreement are outlined, the grid's Pareto
frontier is a dashed line (in the order of the first member's payoff), and the solutions
(Kalai-Smorodinsky, Nash bargaining, the actual deal, the disagreement point) are marked where
their rates fall inside the grid. Bottom: the refined Nash deal's two rates against the weight
of the first member.
"""

from __future__ import annotations

from typing import Any

import altair as alt
import numpy as np
import pandas as pd

__all__ = ["deals_chart"]

_MARKED = ("Kalai-Smorodinsky", "Nash bargaining", "actual deal", "disagreement point")


def _cells(grid: pd.DataFrame) -> pd.DataFrame:
    """Each grid deal as a rectangle: half a step either side of its rates."""
    out = grid.copy()
    for axis in ("x_pct", "y_pct"):
        values = np.sort(out[axis].unique())
        half = (np.diff(values).min() / 2.0) if values.size > 1 else 0.5
        out[f"{axis}_lo"], out[f"{axis}_hi"] = out[axis] - half, out[axis] + half
    return out


def _heat(
    cells: pd.DataFrame, member: str, first: str, x_title: str, y_title: str
) -> alt.LayerChart:
    value = f"payoff_usd_bn_{member}"
    base = alt.Chart(cells)
    x = alt.X("x_pct_lo:Q", title=x_title, scale=alt.Scale(nice=False, zero=False))
    y = alt.Y("y_pct_lo:Q", title=y_title, scale=alt.Scale(nice=False, zero=False))
    heat = base.mark_rect().encode(
        x=x,
        x2="x_pct_hi:Q",
        y=y,
        y2="y_pct_hi:Q",
        color=alt.Color(
            f"{value}:Q",
            title=f"{member} gain, US$ bn",
            scale=alt.Scale(scheme="redblue", domainMid=0),
        ),
        tooltip=[
            alt.Tooltip("x_pct:Q", title=x_title, format=".2f"),
            alt.Tooltip("y_pct:Q", title=y_title, format=".2f"),
            alt.Tooltip(f"{value}:Q", format=".3f"),
            alt.Tooltip(f"payoff_pct_{member}:Q", format=".4f"),
        ],
    )
    outline = (
        base.transform_filter("datum.acceptable")
        .mark_rect(filled=False, stroke="black", strokeWidth=0.6)
        .encode(x=x, x2="x_pct_hi:Q", y=y, y2="y_pct_hi:Q")
    )
    frontier = (
        base.transform_filter("datum.frontier")
        .mark_line(color="black", point=True, strokeDash=[3, 2])
        .encode(x="x_pct:Q", y="y_pct:Q", order=f"payoff_pct_{first}:Q")
    )
    return alt.LayerChart(layer=[heat, outline, frontier]).properties(
        width=300, height=260, title=f"{member}'s gain over the grid"
    )


def _marks(solutions: pd.DataFrame, grid: pd.DataFrame) -> pd.DataFrame:
    marked = solutions[solutions["solution"].str.startswith(_MARKED)]
    marked = marked[~marked["solution"].str.endswith("(grid)")]
    inside = marked["x_pct"].between(grid["x_pct"].min() - 1e-9, grid["x_pct"].max() + 1e-9) & (
        marked["y_pct"].between(grid["y_pct"].min() - 1e-9, grid["y_pct"].max() + 1e-9)
    )
    return marked[inside][["solution", "x_pct", "y_pct"]]


def deals_chart(
    grid: pd.DataFrame,
    solutions: pd.DataFrame,
    sweep: pd.DataFrame,
    pair: tuple[str, str],
    x_lever: str,
    y_lever: str,
    *,
    title: str | None = None,
) -> dict[str, Any]:
    """A Vega-Lite specification of a deal space (see the module docstring)."""
    cells = _cells(grid)
    x_title, y_title = f"{x_lever} rate, %", f"{y_lever} rate, %"
    marks = _marks(solutions, grid)
    points = alt.Chart(marks).mark_point(filled=True, size=80, color="black")
    points = points.encode(
        x="x_pct:Q",
        y="y_pct:Q",
        shape=alt.Shape("solution:N", title="solution"),
        tooltip=["solution:N", alt.Tooltip("x_pct:Q", format=".2f"), "y_pct:Q"],
    )
    heats = alt.hconcat(
        *(alt.layer(_heat(cells, m, pair[0], x_title, y_title), points) for m in pair)
    ).resolve_scale(color="independent")
    parts: list[Any] = [heats]
    if not sweep.empty:
        long = sweep.melt(id_vars=["weight"], value_vars=["x_pct", "y_pct"], var_name="lever")
        long["lever"] = long["lever"].map({"x_pct": x_lever, "y_pct": y_lever})
        parts.append(
            alt.Chart(long)
            .mark_line(point=True)
            .encode(
                x=alt.X("weight:Q", title=f"bargaining weight of {pair[0]}"),
                y=alt.Y("value:Q", title="predicted rate, %"),
                color=alt.Color("lever:N", title="lever"),
                tooltip=["weight:Q", "lever:N", alt.Tooltip("value:Q", format=".2f")],
            )
            .properties(width=640, height=200, title="Nash bargaining deal by weight")
        )
    chart = alt.vconcat(*parts).properties(
        title=title or f"Deal space {pair[0]}-{pair[1]}: gains against the disagreement point"
    )
    spec: dict[str, Any] = chart.to_dict()
    return spec
