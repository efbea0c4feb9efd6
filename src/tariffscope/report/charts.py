"""Charts of a brief, as Altair (Vega-Lite) specifications."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from tariffscope.regime import history
from tariffscope.report.brief import Brief
from tariffscope.report.figures import scenario_sectors
from tariffscope.report.numbers import headline_table, partner_name

__all__ = ["brief_charts"]

_WIDTH = 560


def _or(value: float | None, default: float) -> float:
    return default if value is None else value


def _duties_chart(brief: Brief) -> alt.LayerChart:
    rows = [r for r in headline_table(brief) if r.metric == "duty_focus_after_usd"]
    frame = pd.DataFrame(
        {
            "outcome": [r.label for r in rows],
            "duties_bn": [r.estimate.median / 1e9 for r in rows],
            "low_bn": [_or(r.estimate.p05, r.estimate.median) / 1e9 for r in rows],
            "high_bn": [_or(r.estimate.p95, r.estimate.median) / 1e9 for r in rows],
        }
    )
    base = alt.Chart(frame).encode(y=alt.Y("outcome:N", sort=None, title=None))
    bars = base.mark_bar().encode(
        x=alt.X(
            "duties_bn:Q",
            title=f"US duties on goods from {partner_name(brief.partner)}, US$ bn a year",
        ),
        tooltip=["outcome", alt.Tooltip("duties_bn:Q", format=".1f")],
    )
    whiskers = base.mark_rule(color="black").encode(x="low_bn:Q", x2="high_bn:Q")
    chart: alt.LayerChart = (bars + whiskers).properties(
        width=_WIDTH, title="Duties collected by outcome (median, 90% interval)"
    )
    return chart


def _sector_chart(brief: Brief) -> alt.Chart:
    table = scenario_sectors(brief, top=8)
    frame = table.reset_index(names="sector").melt(
        id_vars="sector", var_name="outcome", value_name="change"
    )
    frame["change_bn"] = frame["change"] / 1e9
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("sector:N", sort=list(table.index), title=None),
            yOffset=alt.YOffset("outcome:N", sort=None),
            x=alt.X(
                "change_bn:Q",
                title=f"change in US imports from {partner_name(brief.partner)} against the "
                "reference law, US$ bn",
            ),
            color=alt.Color("outcome:N", sort=None, legend=alt.Legend(orient="bottom", title=None)),
            tooltip=["sector", "outcome", alt.Tooltip("change_bn:Q", format=".2f")],
        )
        .properties(width=_WIDTH, title="Change in imports by sector (at the central elasticities)")
    )
    return chart


def _history_chart(brief: Brief) -> alt.Chart | None:
    notes = [n for n in brief.law_notes if n.resolution is not None]
    if not notes:
        return None
    note = notes[0]
    resolution = note.resolution
    assert resolution is not None
    changes = history(
        resolution.hts,
        resolution.origin,
        start="2025-01-01",
        end=brief.as_of.replace(year=brief.as_of.year + 1),
    )
    frame = pd.DataFrame(
        {
            "date": [c.date.isoformat() for c in changes],
            "total_pct": [c.total_pct for c in changes],
            "cause": [c.cause() for c in changes],
        }
    )
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_line(interpolate="step-after", point=True)
        .encode(
            x=alt.X("date:T", title="entry date"),
            y=alt.Y("total_pct:Q", title="total duty, %"),
            tooltip=["date:T", "total_pct:Q", "cause:N"],
        )
        .properties(
            width=_WIDTH,
            title=f"Duty on {note.product} from {resolution.origin} (HTS {resolution.hts}), "
            "as the law applies today",
        )
    )
    return chart


def _timeline_chart(brief: Brief) -> alt.Chart | None:
    rows = [
        {
            "date": e.date.isoformat(),
            "what": f"{e.kind}: {', '.join(e.participants)}",
            "status": e.status,
        }
        for e in brief.events
        if e.date is not None
    ] + [
        {"date": d.date.isoformat(), "what": f"deadline: {d.what[:60]}", "status": "deadline"}
        for d in brief.deadlines
    ]
    if not rows:
        return None
    frame = pd.DataFrame(rows)
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_point(filled=True, size=120)
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("status:N", title=None),
            color=alt.Color("status:N", legend=None),
            tooltip=["date:T", "what:N", "status:N"],
        )
        .properties(width=_WIDTH, height=120, title="Timeline")
    )
    return chart


def brief_charts(brief: Brief) -> dict[str, dict[str, Any]]:
    """Vega-Lite specifications by name (dicts ready for JSON)."""
    charts: dict[str, Any] = {"duties": _duties_chart(brief), "sectors": _sector_chart(brief)}
    for name, maker in (("history", _history_chart), ("timeline", _timeline_chart)):
        chart = maker(brief)
        if chart is not None:
            charts[name] = chart
    return {name: chart.to_dict() for name, chart in charts.items()}
