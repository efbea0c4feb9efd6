"""One plain sentence per outcome: what it does to US imports from the partner and to duties.

The sentence states the median over the elasticity draws with its unit and its 90% interval,
and says what it is compared with: its status quo for every other outcome (the law on the
story's date, or the law on the outcome's own later entry date without it), the reference law
for the status quo itself. Increments and levels are separate
statements, each with its own median (medians of a level and of an increment need not add up).
When the interval of the change in imports includes zero, the sentence says that the direction
depends on the elasticities.
"""

from __future__ import annotations

from datetime import date

from tariffscope.report.brief import Brief, PricedScenario
from tariffscope.report.figures import fmt, money
from tariffscope.report.numbers import (
    Estimate,
    HeadlineRow,
    headline_table,
    partner_name,
    status_quo,
    status_quo_for,
)

__all__ = ["outcome_sentences"]


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def _interval(estimate: Estimate, unit: str) -> str:
    if not estimate.has_interval:
        return ""
    return f"90% interval {fmt(estimate.p05, unit)} to {fmt(estimate.p95, unit)}"


def _crosses(estimate: Estimate) -> bool:
    return estimate.has_interval and (estimate.p05 or 0.0) < 0.0 < (estimate.p95 or 0.0)


def _move(usd: Estimate, pct: Estimate, rise: str, fall: str) -> str:
    """ "fall by $13.6 bn (-9.4%; 90% interval ...)"."""
    interval = _interval(usd, "USD")
    detail = f"({fmt(pct.median, '%', signed=True)}" + (f"; {interval})" if interval else ")")
    if abs(usd.median) < 0.5e6:
        return f"barely change {detail}"
    verb = rise if usd.median > 0 else fall
    return f"{verb} by {money(abs(usd.median))} {detail}"


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


def _compared(scenario: PricedScenario, base: PricedScenario, story: PricedScenario | None) -> str:
    """ "the status quo (the law on 2 Jul 2025)", or "the law on 14 Jul 2025 without the
    threat" when the outcome is compared with the law on its own later entry date."""
    if base is story:
        return f"the status quo (the law on {_day(base.spec.entry_date)})"
    key = scenario.spec.key
    what = "threat" if key.startswith("threat") else "deal" if key == "deal" else "outcome"
    return f"the law on {_day(base.spec.entry_date)} without the {what}"


def _caveat(usd: Estimate, partner: str) -> str:
    if not _crosses(usd):
        return ""
    return (
        f" Whether imports from {partner} rise or fall depends on the elasticities: the "
        "studies disagree."
    )


def outcome_sentences(brief: Brief) -> dict[str, str]:
    """Outcome key -> the outcome's headline numbers in plain words, units and intervals."""
    rows: dict[tuple[str, str], HeadlineRow] = {
        (r.outcome, r.metric): r for r in headline_table(brief)
    }
    partner = partner_name(brief.partner)
    story = status_quo(brief)
    out = {}
    for scenario in brief.scenarios:
        base = status_quo_for(brief, scenario)
        key = scenario.spec.key
        duties = rows[(key, "duty_focus_after_usd")].estimate
        etr = rows[(key, "etr_focus_after_pct")].estimate
        level = (
            f"US duties on goods from {partner} come to {money(duties.median)} a year (an "
            f"effective tariff of {fmt(etr.median, '%')})"
        )
        if base is None:
            usd = rows[(key, "imports_focus_change_usd")].estimate
            imports = _move(usd, rows[(key, "imports_focus_change_pct")].estimate, *_LEVEL_VERBS)
            reference = _day(scenario.outcome.before.entry_date)
            out[key] = (
                f"{_opening(scenario, story)}, US imports from {partner} {imports} than under "
                f"the law of {reference} (the reference), and {level}." + _caveat(usd, partner)
            )
            continue
        usd = rows[(key, "imports_focus_change_usd_vs_status_quo")].estimate
        imports = _move(
            usd, rows[(key, "imports_focus_change_pct_vs_status_quo")].estimate, "rise", "fall"
        )
        extra = rows[(key, "duty_focus_after_usd_vs_status_quo")].estimate
        direction = "rise" if extra.median > 0 else "fall"
        interval = _interval(extra, "USD a year")
        out[key] = (
            f"{_opening(scenario, story)}, US imports from {partner} {imports} compared with "
            f"{_compared(scenario, base, story)}, and US duties on goods from "
            f"{partner} {direction} by {money(abs(extra.median))} a year"
            + (f" ({interval})" if interval else "")
            + f"; under this outcome {level}."
            + _caveat(usd, partner)
        )
    return out


_LEVEL_VERBS = ("are higher", "are lower")
