"""Partial and general equilibrium side by side, against the same laws, and why they differ.

Both models price every outcome against the reference law (1 January 2025) and against the
status quo (the law on the story's date, or on an outcome's later entry date without it). The
comparison pairs the partial-equilibrium change in US imports from the partner (and in all US
imports) with the general-equilibrium change in the partner's exports to the US (and in US
imports), and states the reasons the two differ: the year of the data, what each model covers,
how substitution is modelled and the general-equilibrium effects the partial model leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from tariffscope.report.brief import Brief
from tariffscope.report.numbers import Estimate, headline_table, partner_name, possessive

__all__ = ["ModelComparison", "difference_reasons", "ge_notes", "model_comparison"]


@dataclass(frozen=True)
class Range:
    """A GE result at the central trade elasticity, and its range over published ones."""

    central: float
    low: float
    high: float

    def to_dict(self) -> dict[str, float]:
        return {"central": self.central, "low": self.low, "high": self.high}


@dataclass(frozen=True)
class ModelComparison:
    """One outcome and comparison: PE and GE percent changes of the same flows."""

    outcome: str
    label: str
    comparison: str
    compared_with: str | None
    pe_partner: Estimate
    ge_partner: Range | None
    pe_total: Estimate
    ge_total: Range | None
    ge_note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON record (``pe_*``: median, p05, p95; ``ge_*``: central, low, high)."""

        def pe(e: Estimate) -> dict[str, float | None]:
            return {"point": e.point, "median": e.median, "p05": e.p05, "p95": e.p95}

        return {
            "outcome": self.outcome,
            "label": self.label,
            "comparison": self.comparison,
            "compared_with": self.compared_with,
            "pe_imports_from_partner_pct": pe(self.pe_partner),
            "ge_partner_exports_to_usa_pct": None
            if self.ge_partner is None
            else self.ge_partner.to_dict(),
            "pe_us_imports_pct": pe(self.pe_total),
            "ge_us_imports_pct": None if self.ge_total is None else self.ge_total.to_dict(),
            "ge_note": self.ge_note,
        }


def _ge(
    frame: pd.DataFrame | None, key: str, comparison: str, code: str, metric: str
) -> Range | None:
    if frame is None or frame.empty:
        return None
    rows = frame[
        (frame["outcome_key"] == key)
        & (frame["comparison"] == comparison)
        & (frame["country"] == code)
    ]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return Range(float(row[metric]), float(row[f"{metric}_low"]), float(row[f"{metric}_high"]))


def ge_notes(frame: pd.DataFrame | None) -> dict[tuple[str, str], str]:
    """Why an outcome's GE result is missing or partial, by (outcome key, comparison)."""
    if frame is None:
        return {}
    notes = [*frame.attrs.get("not_computed", []), *frame.attrs.get("partly_computed", [])]
    return {(n["outcome_key"], n["comparison"]): str(n["reason"]) for n in notes}


def model_comparison(brief: Brief) -> list[ModelComparison]:
    """PE and GE changes of US imports from the partner and of all US imports, side by side."""
    rows = {(r.outcome, r.metric): r for r in headline_table(brief)}
    notes = ge_notes(brief.economy)
    partner = brief.partner
    out = []
    for scenario in brief.scenarios:
        key = scenario.spec.key
        for comparison, suffix in (("status_quo", "_vs_status_quo"), ("reference", "")):
            partner_row = rows.get((key, f"imports_focus_change_pct{suffix}"))
            total_row = rows.get((key, f"imports_total_change_pct{suffix}"))
            if partner_row is None or total_row is None:
                continue
            out.append(
                ModelComparison(
                    outcome=key,
                    label=scenario.spec.label,
                    comparison=comparison,
                    compared_with=partner_row.compared_with,
                    pe_partner=partner_row.estimate,
                    ge_partner=_ge(brief.economy, key, comparison, partner, "exports_to_usa_pct"),
                    pe_total=total_row.estimate,
                    ge_total=_ge(brief.economy, key, comparison, "USA", "imports_pct"),
                    ge_note=notes.get((key, comparison)),
                )
            )
    return out


def difference_reasons(brief: Brief) -> list[str]:
    """Why the partial- and general-equilibrium numbers differ, for this brief's models."""
    partner = partner_name(brief.partner)
    meta: dict[str, Any] = {} if brief.economy is None else brief.economy.attrs.get("metadata", {})
    base_year = meta.get("base_year", "its base year")
    regions = meta.get("regions", "the model's countries")
    sectors = meta.get("sectors", "its sectors")
    elasticity = meta.get("central_elasticity", "its trade elasticity")
    span = meta.get("elasticity_range", "")
    share_pe = _pe_share(brief)
    share_ge = meta.get("partner_share_of_us_imports_pct")
    shares = ""
    if share_pe is not None and share_ge is not None:
        shares = (
            f": {partner} is {share_pe:.1f}% of US goods imports in the partial-equilibrium "
            f"data and {share_ge:.1f}% of US imports in the general-equilibrium data"
        )
    return [
        f"Data year: the partial-equilibrium model prices 2024 US imports; the "
        f"general-equilibrium model starts from {base_year} trade ({regions}){shares}.",
        "Scope: the partial-equilibrium model covers US imports only, sector by sector, with "
        "world prices fixed (tariffs passed on in full); the general-equilibrium model covers "
        f"every country's trade and production ({sectors}), and wages, prices and incomes "
        f"adjust, so {possessive(partner)} producers absorb part of a tariff.",
        "Substitution: the partial-equilibrium model uses sector elasticities of substitution "
        "between suppliers (Hauk 2012, Broda-Weinstein 2006, CEPII ProTEE 2022: each draw picks "
        "one) and Hauk's import-demand elasticities; the general-equilibrium model uses "
        f"{elasticity}" + (f", with the range over the {span}" if span else "") + ".",
        "General-equilibrium effects: third countries' exports to the US move with relative "
        "prices and incomes, US spending moves with US real income and tariff revenue, and "
        "the results are long-run equilibria; the partial-equilibrium model holds incomes and "
        "other markets fixed.",
    ]


def _pe_share(brief: Brief) -> float | None:
    if not brief.scenarios:
        return None
    headline = brief.scenarios[0].outcome.point.headline
    total = headline.get("imports_total_before_usd", 0.0)
    if not total:
        return None
    return 100.0 * headline["imports_focus_before_usd"] / total
