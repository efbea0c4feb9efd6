"""One plain sentence per outcome: what it does to US imports from the partner and to duties.

The sentence states the central estimate (at the central elasticities: central estimates add
up, medians over a mixture of studies do not) with its unit and its 90% interval over the
elasticity draws, and says what it is compared with: the law on the story's date (the status
quo) for every other outcome, the reference law for the status quo itself. When the interval
includes zero, a second sentence says that the direction depends on the elasticities.
"""

from __future__ import annotations

from datetime import date

from tariffscope.domain.countries import country_name
from tariffscope.report.brief import Brief, PricedScenario
from tariffscope.report.figures import fmt, money
from tariffscope.report.numbers import Estimate, HeadlineRow, headline_table, status_quo

__all__ = ["outcome_sentences"]


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def _interval(estimate: Estimate, unit: str) -> str:
    if not estimate.has_interval:
        return ""
    return f"; 90% interval {fmt(estimate.p05, unit)} to {fmt(estimate.p95, unit)}"


def _move(usd: Estimate, pct: Estimate, rise: str, fall: str) -> tuple[str, bool]:
    """("fall by $13.6 bn (-9.4%; 90% interval ...)", whether the interval crosses zero)."""
    detail = f"({fmt(pct.point, '%', signed=True)}{_interval(usd, 'USD')})"
    crosses = usd.has_interval and (usd.p05 or 0.0) < 0.0 < (usd.p95 or 0.0)
    if abs(usd.point) < 0.5e6:
        return f"barely change {detail}", crosses
    verb = rise if usd.point > 0 else fall
    return f"{verb} by {money(abs(usd.point))} {detail}", crosses


def _opening(scenario: PricedScenario, base: PricedScenario | None) -> str:
    spec = scenario.spec
    if scenario is base:
        return f"Under the law on {_day(spec.entry_date)} (the status quo)"
    if spec.key.startswith("threat"):
        return f"If the threat is carried out ({spec.description})"
    if spec.key == "deal":
        how = "as later enacted, in hindsight" if spec.hindsight else "as the story reports it"
        return f"With the deal {how}, from {_day(spec.entry_date)}"
    return f"Under the outcome '{spec.label}' ({spec.description})"


def _caveat(crosses: bool, partner: str) -> str:
    if not crosses:
        return ""
    return (
        f" Whether imports from {partner} rise or fall depends on the elasticities: the "
        "studies disagree."
    )


def outcome_sentences(brief: Brief) -> dict[str, str]:
    """Outcome key -> one sentence with the headline numbers, their units and intervals."""
    rows: dict[tuple[str, str], HeadlineRow] = {
        (r.outcome, r.metric): r for r in headline_table(brief)
    }
    partner = country_name(brief.pair[1])
    base = status_quo(brief)
    out = {}
    for scenario in brief.scenarios:
        key = scenario.spec.key
        duties = rows[(key, "duty_focus_after_usd")].estimate
        etr = rows[(key, "etr_focus_after_pct")].estimate
        levels = f"{money(duties.point)} a year (an effective tariff of {fmt(etr.point, '%')})"
        if base is None or scenario is base:
            reference = scenario.outcome.before.entry_date
            imports, crosses = _move(
                rows[(key, "imports_focus_change_usd")].estimate,
                rows[(key, "imports_focus_change_pct")].estimate,
                "are higher",
                "are lower",
            )
            out[key] = (
                f"{_opening(scenario, base)}, US imports from {partner} {imports} than under "
                f"the law of {_day(reference)} (the reference), and US duties on goods from "
                f"{partner} come to {levels}." + _caveat(crosses, partner)
            )
            continue
        imports, crosses = _move(
            rows[(key, "imports_focus_change_usd_vs_status_quo")].estimate,
            rows[(key, "imports_focus_change_pct_vs_status_quo")].estimate,
            "rise",
            "fall",
        )
        extra = rows[(key, "duty_focus_after_usd_vs_status_quo")].estimate
        direction = "rise" if extra.point > 0 else "fall"
        out[key] = (
            f"{_opening(scenario, base)}, US imports from {partner} {imports} compared with the "
            f"status quo (the law on {_day(base.spec.entry_date)}), and US duties on goods from "
            f"{partner} {direction} by {money(abs(extra.point))} a year to {levels}."
            + _caveat(crosses, partner)
        )
    return out
