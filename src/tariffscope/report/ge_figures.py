"""General-equilibrium tables and the PE/GE comparison as formatted cells (terminal and HTML).

Cells show the value at the model's central trade elasticity and, in brackets, the lowest and
highest value over the published range; every column keeps its own number of decimals
(:data:`tariffscope.report.figures.GE_DECIMALS`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tariffscope.domain.countries import country_name
from tariffscope.report.brief import Brief
from tariffscope.report.compare import Range, model_comparison
from tariffscope.report.economy import GE_METRICS
from tariffscope.report.figures import GE_DECIMALS, fmt_estimate
from tariffscope.report.numbers import partner_name, possessive

__all__ = ["GE_HEADERS", "Table", "comparison_table", "economy_tables"]

#: Column headers of the economy tables, by metric.
GE_HEADERS: dict[str, str] = {
    "real_gdp_pct": "real GDP, %",
    "welfare_pct": "real income, %",
    "exports_pct": "exports, %",
    "imports_pct": "imports, %",
    "exports_to_usa_pct": "exports to the US, %",
}
_COMPARISONS = (
    ("status_quo", "against the status quo"),
    ("reference", "against the reference"),
)


@dataclass(frozen=True)
class Table:
    """A titled table of text cells."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _number(value: float, decimals: int) -> str:
    if not math.isfinite(value):
        return "n/a"
    if abs(value) < 0.5 * 10.0**-decimals:  # no "-0.000" or "+0.000"
        return f"{0.0:.{decimals}f}"
    return f"{value:+.{decimals}f}"


def ge_cell(central: float, low: float, high: float, decimals: int, unit: str = "") -> str:
    """A GE change with its range, "-0.109 [-0.142 to -0.081]"; alone if the range is a point."""
    text = _number(central, decimals) + unit
    if math.isfinite(low) and math.isfinite(high) and round(high - low, decimals) != 0:
        text += f" [{_number(low, decimals)}{unit} to {_number(high, decimals)}{unit}]"
    return text


def economy_tables(brief: Brief) -> list[Table]:
    """One table per comparison: outcome x country rows, one column per GE metric."""
    frame = brief.economy
    if frame is None or frame.empty:
        return []
    meta = frame.attrs.get("metadata", {})
    model = f"{meta.get('model', 'GE')} model, {meta.get('base_year', '')} data".strip()
    tables = []
    for comparison, words in _COMPARISONS:
        rows = frame[frame["comparison"] == comparison]
        if rows.empty:
            continue
        against = str(rows["compared_with"].iloc[0])
        cells = []
        for _, row in rows.iterrows():
            values = [
                ge_cell(
                    float(row[m]),
                    float(row[f"{m}_low"]),
                    float(row[f"{m}_high"]),
                    GE_DECIMALS[m],
                )
                for m in GE_METRICS
            ]
            cells.append((str(row["outcome"]), f"{country_name(row['country'])}", *values))
        tables.append(
            Table(
                title=f"Economy-wide effects {words} ({against}), general equilibrium "
                f"({model}): % change [range over trade elasticities]",
                columns=("outcome", "country", *(GE_HEADERS[m] for m in GE_METRICS)),
                rows=tuple(cells),
            )
        )
    return tables


def _range(value: Range | None, decimals: int) -> str:
    if value is None:
        return "not computed"
    return ge_cell(value.central, value.low, value.high, decimals, "%")


def comparison_table(brief: Brief) -> Table:
    """PE and GE changes of the same flows against the same laws, one row per comparison."""
    partner = partner_name(brief.partner)
    rows = []
    for item in model_comparison(brief):
        against = "status quo" if item.comparison == "status_quo" else "reference"
        rows.append(
            (
                item.label,
                f"{against} ({item.compared_with})",
                fmt_estimate(item.pe_partner, "%", signed=True),
                _range(item.ge_partner, GE_DECIMALS["exports_to_usa_pct"]),
                fmt_estimate(item.pe_total, "%", signed=True),
                _range(item.ge_total, GE_DECIMALS["imports_pct"]),
            )
        )
    return Table(
        title="Partial and general equilibrium against the same laws (% change)",
        columns=(
            "outcome",
            "against",
            f"US imports from {partner}: PE",
            f"{possessive(partner)} exports to the US: GE",
            "all US imports: PE",
            "US imports: GE",
        ),
        rows=tuple(rows),
    )
