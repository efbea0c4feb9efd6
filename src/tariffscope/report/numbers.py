"""The brief's headline numbers: what each outcome does with the partner, and national totals.

The partial-equilibrium engine prices every outcome against one **reference** law (1 January
2025, the law under which the 2024 baseline trade was bought), so its raw numbers include every
2025 tariff on every partner: under the law of July 2025, US imports from *all other partners*
are some $400 bn lower than under the law of January 2025 whatever happens with the partner in
the story. A brief therefore shows, for each outcome and each number:

- ``comparison="reference"``: the change against the reference law (the engine's number);
- ``comparison="status_quo"``: the **increment** over the outcome's status quo, the change the
  outcome itself would bring: the law on the outcome's entry date as known on the story's
  date, without the outcome (:func:`status_quo_for`; the law on the story's date, the outcome
  the brief calls "law", for an outcome entered that day). Without it, a threat entered weeks
  after the story would carry what the law itself does in between (a monthly update of claim
  shares, a scheduled rate). Intervals are per-draw
  differences: every outcome is priced with the same elasticity draws (same seed and baseline,
  :func:`tariffscope.impact.uncertainty.monte_carlo_sectors`), so the difference of draw ``d``
  in two outcomes is the increment under one set of elasticities;
- ``comparison="level"``: a level under the outcome (duties a year, an effective tariff).

Numbers are grouped by **scope**: ``partner`` (imports from the partner, duties on its goods, its
effective tariff, trade diverted to or away from it) and ``national`` (all US imports, tariff
revenue, buyers' surplus and welfare, over all partners).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from tariffscope.domain.countries import WLD, country_name
from tariffscope.report.brief import Brief, PricedScenario
from tariffscope.report.scenarios import status_quo_spec

__all__ = [
    "PRESENTED",
    "Comparison",
    "Estimate",
    "HeadlineRow",
    "Presented",
    "headline_table",
    "partner_name",
    "possessive",
    "presented",
    "reference_label",
    "status_quo",
    "status_quo_for",
    "status_quo_text",
]

Comparison = Literal["level", "reference", "status_quo"]
Scope = Literal["partner", "national"]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Presented:
    """A headline number as the brief shows it.

    ``text`` names the quantity (``{partner}`` is the partner's name); ``kind`` is ``change``
    (a change against the reference law) or ``level`` (a value under the outcome, whose
    increment over the status quo is a change in ``increment_unit``). ``base`` names the level
    a percent change is taken on, so that its increment over the status quo is recomputed from
    levels rather than subtracted.
    """

    metric: str
    scope: Scope
    kind: Literal["change", "level"]
    unit: str
    text: str
    increment_unit: str = ""
    base: str = ""
    status_quo_row: bool = True
    under: str = "under the outcome"


#: Headline numbers of the brief, in display order (metric names from HEADLINE_METRICS).
PRESENTED: tuple[Presented, ...] = (
    Presented("imports_focus_change_usd", "partner", "change", "USD", "US imports from {partner}"),
    Presented(
        "imports_focus_change_pct",
        "partner",
        "change",
        "%",
        "US imports from {partner}",
        base="imports_focus",
    ),
    Presented(
        "duty_focus_after_usd",
        "partner",
        "level",
        "USD a year",
        "US duties on goods from {partner}",
        increment_unit="USD a year",
    ),
    Presented(
        "etr_focus_after_pct",
        "partner",
        "level",
        "%",
        "effective US tariff on goods from {partner}, after substitution",
        increment_unit="pp",
    ),
    Presented(
        "etr_focus_before_pct",
        "partner",
        "level",
        "%",
        "effective US tariff on goods from {partner}",
        status_quo_row=False,
        under="under the reference law",
    ),
    Presented(
        "trade_diversion_focus_usd",
        "partner",
        "change",
        "USD",
        "trade diverted to (+) or away from (-) {partner} by the change in relative prices",
    ),
    Presented(
        "imports_total_change_usd", "national", "change", "USD", "all US imports (all partners)"
    ),
    Presented(
        "imports_total_change_pct",
        "national",
        "change",
        "%",
        "all US imports (all partners)",
        base="imports_total",
    ),
    Presented(
        "imports_others_change_usd",
        "national",
        "change",
        "USD",
        "US imports from all partners other than {partner}",
    ),
    Presented(
        "tariff_revenue_change_usd",
        "national",
        "change",
        "USD a year",
        "US tariff revenue (all partners)",
    ),
    Presented(
        "consumer_surplus_change_usd",
        "national",
        "change",
        "USD a year",
        "US buyers' surplus (all partners; negative = cost to buyers)",
    ),
    Presented(
        "welfare_change_usd",
        "national",
        "change",
        "USD a year",
        "US welfare: buyers' surplus plus tariff revenue",
    ),
)


@dataclass(frozen=True)
class Estimate:
    """Point estimate (central elasticities), median and 90% interval over the draws."""

    point: float
    median: float
    p05: float | None = None
    p95: float | None = None

    @property
    def has_interval(self) -> bool:
        """True when the interval is known and not a single point."""
        if self.p05 is None or self.p95 is None:
            return False
        return abs(self.p95 - self.p05) > 1e-9 * max(1.0, abs(self.median))


@dataclass(frozen=True)
class HeadlineRow:
    """One number of one outcome, with what it is compared with."""

    outcome: str
    label: str
    metric: str
    description: str
    scope: Scope
    comparison: Comparison
    compared_with: str | None
    unit: str
    estimate: Estimate

    def to_dict(self) -> dict[str, Any]:
        """The row of the brief's JSON ``headline`` (see docs/brief.schema.json)."""
        return {
            "outcome": self.outcome,
            "label": self.label,
            "metric": self.metric,
            "description": self.description,
            "scope": self.scope,
            "comparison": self.comparison,
            "compared_with": self.compared_with,
            "unit": self.unit,
            "point": self.estimate.point,
            "median": self.estimate.median,
            "p05": self.estimate.p05,
            "p95": self.estimate.p95,
        }


#: Names read with "the" in a sentence ("US imports from the United Kingdom").
_WITH_THE = ("United ", "European ", "Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives")


def partner_name(code: str) -> str:
    """The country's name as it reads inside a sentence: "Japan", "the European Union"."""
    name = country_name(code)
    if name.startswith(_WITH_THE) or name.endswith((" Republic", " Islands", " Emirates")):
        return f"the {name}"
    return name


def possessive(name: str) -> str:
    """ "Japan's", "all partners'", "the Philippines'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def status_quo(brief: Brief) -> PricedScenario | None:
    """The outcome that is the law on the story's date (no scenario), if the brief has one."""
    for scenario in brief.scenarios:
        if scenario.spec.key == "law":
            return scenario
    for scenario in brief.scenarios:
        if scenario.spec.scenario is None and scenario.spec.entry_date == brief.as_of:
            return scenario
    return None


def status_quo_for(brief: Brief, scenario: PricedScenario) -> PricedScenario | None:
    """What ``scenario``'s increment is measured against (None for the status quo itself):
    the law on its entry date as known on the story's date, without it
    (:func:`tariffscope.report.scenarios.status_quo_spec`), an outcome of the brief or one of
    its comparators; the law on the story's date when that law was not priced."""
    base = status_quo(brief)
    if scenario is base:
        return None
    wanted = status_quo_spec(scenario.spec, [s.spec for s in brief.scenarios])
    if wanted is not None:
        for priced in (*brief.scenarios, *brief.comparators):
            if priced.spec.key == wanted.key:
                return priced
    return base


def status_quo_text(brief: Brief, base: PricedScenario) -> str:
    """How a status quo is named: "the law on 2025-07-02", or, for a law on a later entry
    date than the story's, "the law on 2025-07-14 without the outcome"."""
    day = base.spec.entry_date.isoformat()
    story = status_quo(brief)
    if story is None or base is story:
        return f"the law on {day}"
    return f"the law on {day} without the outcome"


def reference_label(brief: Brief) -> str:
    """The reference law every outcome was priced against, as "the law of <date>"."""
    if not brief.scenarios:
        return "the reference law"
    return f"the law of {brief.scenarios[0].outcome.before.entry_date.isoformat()}"


def _samples(scenario: PricedScenario, metric: str) -> FloatArray | None:
    monte_carlo = scenario.outcome.monte_carlo
    return None if monte_carlo is None else monte_carlo.samples[metric]


def _estimate(point: float, samples: FloatArray | None) -> Estimate:
    if samples is None or samples.size == 0 or not np.isfinite(samples).any():
        return Estimate(point, point)
    low, median, high = np.nanpercentile(samples, [5.0, 50.0, 95.0])
    return Estimate(point, float(median), float(low), float(high))


def _same_draws(a: PricedScenario, b: PricedScenario) -> bool:
    """True when both outcomes were priced with the same elasticity draws."""
    x, y = a.outcome.monte_carlo, b.outcome.monte_carlo
    if x is None or y is None:
        return False
    return (
        x.import_demand.shape == y.import_demand.shape
        and np.array_equal(x.import_demand, y.import_demand)
        and np.array_equal(x.substitution, y.substitution)
    )


def _pct_of_levels(change: Any, base_change: Any, before: Any) -> Any:
    """Percent change from the level ``before + base_change`` to ``before + change``."""
    start = before + base_change
    with np.errstate(divide="ignore", invalid="ignore"):
        return 100.0 * (change - base_change) / np.where(start == 0, np.nan, start)


def _increment(spec: Presented, outcome: PricedScenario, base: PricedScenario) -> Estimate:
    point_b = outcome.outcome.point.headline
    point_a = base.outcome.point.headline
    if spec.base:
        before = f"{spec.base}_before_usd"
        change = spec.metric.replace("_pct", "_usd")
        point = float(_pct_of_levels(point_b[change], point_a[change], point_b[before]))
    else:
        point = point_b[spec.metric] - point_a[spec.metric]
    if not _same_draws(outcome, base):
        return Estimate(point, point)
    if spec.base:
        change = spec.metric.replace("_pct", "_usd")
        b, a = _samples(outcome, change), _samples(base, change)
        before_samples = _samples(outcome, f"{spec.base}_before_usd")
        assert b is not None and a is not None and before_samples is not None
        return _estimate(point, np.asarray(_pct_of_levels(b, a, before_samples)))
    b, a = _samples(outcome, spec.metric), _samples(base, spec.metric)
    assert b is not None and a is not None
    return _estimate(point, b - a)


#: Numbers about the partners other than the brief's partner: none when it is all of them.
_ABOUT_OTHERS = frozenset({"imports_others_change_usd", "trade_diversion_focus_usd"})


def presented(brief: Brief) -> tuple[Presented, ...]:
    """The headline numbers the brief shows: :data:`PRESENTED`, without those about the other
    partners when the partner is all partners (WLD; they are zero by construction)."""
    if brief.partner != WLD:
        return PRESENTED
    return tuple(p for p in PRESENTED if p.metric not in _ABOUT_OTHERS)


def _describe(spec: Presented, comparison: Comparison, partner: str, against: str) -> str:
    text = spec.text.format(partner=partner)
    unit = (spec.increment_unit or spec.unit) if comparison == "status_quo" else spec.unit
    if comparison == "level":
        return f"{text} {spec.under} ({unit})"
    return f"change in {text}, against {against} ({unit})"


def headline_table(brief: Brief) -> list[HeadlineRow]:
    """Every headline number of every outcome, against the reference and the status quo."""
    partner = partner_name(brief.partner)
    reference = reference_label(brief)
    rows: list[HeadlineRow] = []
    for scenario in brief.scenarios:
        base = status_quo_for(brief, scenario)
        against = "" if base is None else status_quo_text(brief, base)
        point = scenario.outcome.point.headline
        for spec in presented(brief):
            comparison: Comparison = "level" if spec.kind == "level" else "reference"
            rows.append(
                HeadlineRow(
                    outcome=scenario.spec.key,
                    label=scenario.spec.label,
                    metric=spec.metric,
                    description=_describe(spec, comparison, partner, f"{reference} (reference)"),
                    scope=spec.scope,
                    comparison=comparison,
                    compared_with=None if comparison == "level" else reference,
                    unit=spec.unit,
                    estimate=_estimate(point[spec.metric], _samples(scenario, spec.metric)),
                )
            )
            if base is None or not spec.status_quo_row:
                continue
            rows.append(
                HeadlineRow(
                    outcome=scenario.spec.key,
                    label=scenario.spec.label,
                    metric=f"{spec.metric}_vs_status_quo",
                    description=_describe(
                        spec, "status_quo", partner, f"{against} (the status quo)"
                    ),
                    scope=spec.scope,
                    comparison="status_quo",
                    compared_with=against,
                    unit=spec.increment_unit or spec.unit,
                    estimate=_increment(spec, scenario, base),
                )
            )
    return rows
