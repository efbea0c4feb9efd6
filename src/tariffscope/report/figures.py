"""Numbers of a brief as tables, shared by the terminal, HTML and JSON renderers."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from tariffscope.report.brief import Brief, PricedScenario

__all__ = [
    "HEADLINES",
    "headline_records",
    "headline_rows",
    "money",
    "scenario_diversion",
    "scenario_sectors",
]

#: Headline numbers shown for every outcome: metric -> label.
HEADLINES: dict[str, str] = {
    "etr_focus_before_pct": "effective tariff on the partner, baseline (%)",
    "etr_focus_after_pct": "effective tariff on the partner, after substitution (%)",
    "duty_focus_after_usd": "US duties on the partner's goods (US$ a year)",
    "imports_focus_change_usd": "change in US imports from the partner (US$)",
    "imports_focus_change_pct": "change in US imports from the partner (%)",
    "imports_others_change_usd": "change in US imports from all other partners (US$)",
    "consumer_surplus_change_usd": "change in US buyers' surplus (US$)",
    "tariff_revenue_change_usd": "change in US tariff revenue (US$)",
}


def money(value: float) -> str:
    """US$ with a unit: 1.2 bn, 350 m."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    sign = "-" if value < 0 else ""
    size = abs(value)
    if size >= 1e9:
        return f"{sign}{size / 1e9:.1f} bn"
    if size >= 1e6:
        return f"{sign}{size / 1e6:.0f} m"
    return f"{sign}{size:,.0f}"


def _format(metric: str, value: float) -> str:
    return money(value) if metric.endswith("_usd") else f"{value:.1f}"


def _interval(scenario: PricedScenario, metric: str) -> tuple[float, float | None, float | None]:
    monte_carlo = scenario.outcome.monte_carlo
    if monte_carlo is None:
        return scenario.outcome.point.headline[metric], None, None
    median, low, high = monte_carlo.interval(metric)
    return median, low, high


def headline_records(brief: Brief) -> list[dict[str, Any]]:
    """One record per outcome and headline metric: point, median, 5th and 95th percentile."""
    records = []
    for scenario in brief.scenarios:
        point = scenario.outcome.point.headline
        for metric, label in HEADLINES.items():
            median, low, high = _interval(scenario, metric)
            records.append(
                {
                    "outcome": scenario.spec.key,
                    "label": scenario.spec.label,
                    "metric": metric,
                    "description": label,
                    "point": point[metric],
                    "median": median,
                    "p05": low,
                    "p95": high,
                }
            )
    return records


def headline_rows(brief: Brief) -> list[tuple[str, list[str]]]:
    """Rows for a table with one column per outcome: "median [5th to 95th]"."""
    rows = []
    for metric, label in HEADLINES.items():
        cells = []
        for scenario in brief.scenarios:
            median, low, high = _interval(scenario, metric)
            text = _format(metric, median)
            if (
                low is not None
                and high is not None
                and abs(high - low) > 1e-9 * max(1.0, abs(median))
            ):
                text += f" [{_format(metric, low)} to {_format(metric, high)}]"
            cells.append(text)
        rows.append((label, cells))
    return rows


def scenario_sectors(brief: Brief, top: int = 10) -> pd.DataFrame:
    """Change in imports from the partner by sector (rows) and outcome (columns), largest first."""
    columns = {}
    for scenario in brief.scenarios:
        frame = scenario.outcome.point.focus_by_sector()
        columns[scenario.spec.label] = frame.set_index("description")["change_usd"]
    table = pd.DataFrame(columns).fillna(0.0)
    order = table.abs().max(axis=1).sort_values(ascending=False).index
    return table.loc[order[:top]]


def scenario_diversion(brief: Brief, top: int = 10) -> pd.DataFrame:
    """Trade diverted to other suppliers by sector: each outcome against the first one.

    For every outcome after the first (the law on the story's date), the change in US imports
    from all suppliers other than the partner, minus the same change under the first outcome:
    positive values are imports that move to other suppliers because of that outcome. Rows are
    the sectors of :func:`scenario_sectors`, in its order.
    """
    others = {}
    for scenario in brief.scenarios:
        frame = scenario.outcome.point.to_frame()
        rest = frame[frame["partner"] != scenario.outcome.point.focus]
        others[scenario.spec.label] = rest.groupby("description")["change_usd"].sum()
    table = pd.DataFrame(others).fillna(0.0)
    if table.shape[1] < 2:
        return table.iloc[:, 0:0]
    first = table.columns[0]
    diverted = table.drop(columns=[first]).sub(table[first], axis=0)
    order = [s for s in scenario_sectors(brief, top=top).index if s in diverted.index]
    return diverted.loc[order]
