"""Numbers of a brief as formatted tables, shared by the terminal, HTML and JSON renderers.

One formatting rule everywhere: US dollars in bn with one decimal (m below a billion), percent
and percentage points with one decimal, general-equilibrium percent changes with the decimals
of their column (:data:`GE_DECIMALS`). The terminal and HTML briefs show the same cells, built
here; the JSON brief carries the unrounded numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from tariffscope.domain.countries import WLD
from tariffscope.report.brief import Brief, PricedScenario
from tariffscope.report.numbers import (
    Estimate,
    HeadlineRow,
    headline_table,
    partner_name,
    presented,
    reference_label,
    status_quo,
    status_quo_for,
    status_quo_text,
)

__all__ = [
    "GE_DECIMALS",
    "HeadlineSection",
    "comparison_note",
    "diversion_against",
    "fmt",
    "fmt_estimate",
    "headline_records",
    "headline_sections",
    "money",
    "scenario_diversion",
    "scenario_sectors",
]

#: Decimals of general-equilibrium percent changes, by column.
GE_DECIMALS: dict[str, int] = {
    "real_gdp_pct": 3,
    "welfare_pct": 3,
    "exports_pct": 2,
    "imports_pct": 2,
    "exports_to_usa_pct": 1,
}

_SCOPE_TITLES = {
    "partner": "What each outcome does with {partner} (partial equilibrium)",
    "national": "US national totals, all partners (partial equilibrium)",
}
_UNIT_TEXT = {"USD": "US$", "USD a year": "US$ a year", "%": "%", "pp": "points"}


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def money(value: float | None, *, signed: bool = False) -> str:
    """US dollars with a unit: "$1.2 bn", "-$350 m"; "n/a" when unknown."""
    if _missing(value):
        return "n/a"
    assert value is not None
    sign = "-" if value < 0 else ("+" if signed and value > 0 else "")
    size = abs(value)
    if size >= 0.95e9:
        return f"{sign}${size / 1e9:,.1f} bn"
    if size >= 1e6:
        return f"{sign}${size / 1e6:,.0f} m"
    return f"{sign}${size:,.0f}"


def fmt(value: float | None, unit: str, *, signed: bool = False) -> str:
    """A number in its unit: money, "12.3%", "+8.5 pp"."""
    if unit.startswith("USD"):
        return money(value, signed=signed)
    if _missing(value):
        return "n/a"
    assert value is not None
    if abs(value) < 0.05:  # no "-0.0"
        value = 0.0
    text = f"{value:+.1f}" if signed and value else f"{value:.1f}"
    return f"{text} pp" if unit == "pp" else f"{text}%"


def fmt_estimate(estimate: Estimate, unit: str, *, signed: bool = False) -> str:
    """The median and [5th to 95th percentile] over the draws; the value alone without draws.

    Medians, not the estimate at the central elasticities: with draws that pick among studies,
    the central elasticities (a geometric mean of the studies) belong to no study, and the
    estimate there can lie outside the interval. Medians of an outcome and of its increment
    need not add up; each is the middle of its own distribution.
    """
    text = fmt(estimate.median, unit, signed=signed)
    if estimate.has_interval:
        low, high = fmt(estimate.p05, unit, signed=signed), fmt(estimate.p95, unit, signed=signed)
        text += f" [{low} to {high}]"
    return text


def headline_records(brief: Brief) -> list[dict[str, object]]:
    """The JSON ``headline`` rows (unrounded), one per outcome, metric and comparison."""
    return [row.to_dict() for row in headline_table(brief)]


@dataclass(frozen=True)
class HeadlineSection:
    """One table of headline numbers: rows ``(quantity, compared with, cells per outcome)``."""

    scope: str
    title: str
    outcomes: tuple[str, ...]
    rows: tuple[tuple[str, str, tuple[str, ...]], ...]


def _against(row: HeadlineRow) -> str:
    if row.comparison == "level":
        return "level"
    return "status quo" if row.comparison == "status_quo" else "reference"


def headline_sections(brief: Brief) -> list[HeadlineSection]:
    """The headline tables: the partner's numbers, then national totals.

    For each quantity, the increment over the status quo first (blank for the status quo
    itself), then the change against the reference law or the level under the outcome.
    """
    partner = partner_name(brief.partner)
    table = headline_table(brief)
    labels = tuple(s.spec.label for s in brief.scenarios)
    keys = [s.spec.key for s in brief.scenarios]
    base = status_quo(brief)
    by_key = {(r.outcome, r.metric): r for r in table}
    sections = []
    for scope in ("partner", "national"):
        rows = []
        for spec in (p for p in presented(brief) if p.scope == scope):
            name = f"{spec.text.format(partner=partner)}"
            own = [by_key[(k, spec.metric)] for k in keys]
            increments = [by_key.get((k, f"{spec.metric}_vs_status_quo")) for k in keys]
            unit = spec.increment_unit or spec.unit
            if base is not None and spec.status_quo_row:
                cells = tuple(
                    "(status quo)" if r is None else fmt_estimate(r.estimate, unit, signed=True)
                    for r in increments
                )
                rows.append((f"{name}: change, {_UNIT_TEXT[unit]}", "status quo", cells))
            label = (
                f"{name} {spec.under}, {_UNIT_TEXT[spec.unit]}"
                if spec.kind == "level"
                else f"{name}: change, {_UNIT_TEXT[spec.unit]}"
            )
            signed = spec.kind == "change"
            cells = tuple(fmt_estimate(r.estimate, spec.unit, signed=signed) for r in own)
            rows.append((label, _against(own[0]), cells))
        title = _SCOPE_TITLES[scope].format(partner=partner)
        sections.append(HeadlineSection(scope, title, labels, tuple(rows)))
    return sections


def comparison_note(brief: Brief) -> str:
    """What "status quo" and "reference" mean in the headline tables."""
    base = status_quo(brief)
    text = (
        f"'reference': against {reference_label(brief)}, the law under which the 2024 baseline "
        "trade was bought (so it includes every 2025 tariff on every partner); "
    )
    if base is not None:
        later = [
            (s.spec.label, status_quo_text(brief, other))
            for s in brief.scenarios
            if (other := status_quo_for(brief, s)) is not None and other is not base
        ]
        text += (
            f"'status quo': the increment over the law on {base.spec.entry_date.isoformat()}, "
            "the change the outcome itself brings"
        )
        if later:
            text += (
                " (an outcome entered later is compared with the law on its own entry date as "
                "known on the story's date, without the outcome)"
            )
        text += "; "
    text += (
        "'level': under the outcome. Median and [5th to 95th percentile] over elasticity "
        "draws that each pick one of Hauk (2012), Broda-Weinstein (2006) and CEPII ProTEE "
        "(2022); increments are per-draw differences, so their medians need not equal the "
        "difference of the levels' medians. Sector tables are at the central elasticities "
        "(the geometric mean of the three studies)."
    )
    if base is not None:  # one line per distinct comparator law, naming its outcomes
        by_law: dict[str, list[str]] = {}
        for label, law in later:
            by_law.setdefault(law, []).append(f"'{label}'")
        text += "".join(
            f"\n'status quo' of {', '.join(labels)}: {law}." for law, labels in by_law.items()
        )
    return text


def scenario_sectors(brief: Brief, top: int = 10) -> pd.DataFrame:
    """Change in imports from the partner by sector (rows) and outcome (columns), largest first."""
    if not brief.scenarios:
        return pd.DataFrame()
    columns = {}
    for scenario in brief.scenarios:
        frame = scenario.outcome.point.focus_by_sector()
        columns[scenario.spec.label] = frame.set_index("description")["change_usd"]
    table = pd.DataFrame(columns).fillna(0.0)
    order = table.abs().max(axis=1).sort_values(ascending=False).index
    return table.loc[order[:top]]


def diversion_against(brief: Brief) -> str:
    """What the diversion table is measured against: the status quo's label, or each
    outcome's status quo when some outcome is compared with the law on a later date."""
    base = status_quo(brief) or brief.scenarios[0]
    if all(status_quo_for(brief, s) in (None, base) for s in brief.scenarios):
        return base.spec.label
    return (
        f"each outcome's status quo ({base.spec.label}, or the law on the outcome's later "
        "entry date without it)"
    )


def scenario_diversion(brief: Brief, top: int = 10) -> pd.DataFrame:
    """Trade diverted to other suppliers by sector: each outcome against its status quo.

    For every outcome other than the status quo (the law on the story's date; the first
    outcome when the brief has none), the change in US imports from all suppliers other than
    the partner, minus the same change under the outcome's status quo (the law on its entry
    date without it, :func:`tariffscope.report.numbers.status_quo_for`): positive values are
    imports that move to other suppliers because of that outcome. Rows are the ``top``
    sectors where some outcome diverts most (largest absolute value first; sectors where none
    diverts a dollar are left out: an outcome on one sector's goods is not shown as $0 in the
    sectors the law moves most); no rows and no columns when there is nothing to compare.
    """
    if len(brief.scenarios) < 2 or brief.partner == WLD:  # all partners: no other suppliers
        return pd.DataFrame()
    base = status_quo(brief) or brief.scenarios[0]

    def others(scenario: PricedScenario) -> pd.Series:
        frame = scenario.outcome.point.to_frame()
        rest = frame[frame["partner"] != scenario.outcome.point.focus]
        return rest.groupby("description")["change_usd"].sum()

    columns = {}
    for scenario in brief.scenarios:
        if scenario is base:
            continue
        against = status_quo_for(brief, scenario) or base
        columns[scenario.spec.label] = others(scenario).sub(others(against), fill_value=0.0)
    diverted = pd.DataFrame(columns).fillna(0.0)
    size = diverted.abs().max(axis=1)
    order = size[size >= 0.5].sort_values(ascending=False, kind="stable").index[:top]
    return diverted.loc[order]
