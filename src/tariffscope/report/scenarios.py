"""The outcomes a brief prices: the law on the story's date, each threat carried out, a deal.

Each outcome is the tariff law at an entry date, read as known on the story's date, plus a
scenario (:class:`tariffscope.regime.Scenario`):

- **law on the story's date**: what applies to goods entered that day, no scenario;
- **each threatened measure carried out on its date**: the catalog's threat (linked from the
  story) enacted, or the candidate measure the story implies; a reported rate that the law
  already holds from a later day (measures enacted by the story's date, or a deal enacted soon
  after it: a combined link) is the law on that day;
- **the deal**: a measure the story reports as agreed; otherwise the partner-specific deal
  measures the catalog holds (inclusive rates and exemptions issued after the story), applied
  from the threat date. That one is hindsight, and is labelled so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tariffscope.regime import Catalog, Scenario
from tariffscope.regime.measures import ENACTED_STATUSES, Measure
from tariffscope.tracker.linking import MeasureLink, candidate_scenario

__all__ = ["OutcomeSpec", "outcome_specs"]


@dataclass(frozen=True)
class OutcomeSpec:
    """One outcome to price: law at ``entry_date`` as known on ``as_known`` plus ``scenario``."""

    key: str
    label: str
    description: str
    entry_date: date
    as_known: date
    scenario: Scenario | None = None
    hindsight: bool = False


def _deal_measures(catalog: Catalog, partner: str, after: date) -> list[Measure]:
    """Partner-specific deal measures issued after ``after`` (inclusive rates, exemptions)."""
    return [
        m
        for m in catalog.measures
        if partner in m.members
        and "WLD" not in m.targets
        and m.published_date > after
        and m.status in ENACTED_STATUSES
        and m.rule in ("inclusive_floor", "exemption")
        and not m.requires_claims
        and m.effective_from is not None
    ]


def _deal_scenario(measures: Sequence[Measure], start: date, partner: str) -> Scenario:
    moved = tuple(
        dataclasses.replace(
            m, id=f"{m.id}@{start.isoformat()}", effective_from=start, supersedes=()
        )
        for m in measures
    )
    superseded = tuple(sorted({s for m in measures for s in m.supersedes}))
    return Scenario(
        name=f"{partner} deal from {start.isoformat()}",
        description="the deal measures later enacted ("
        + ", ".join(m.id for m in measures)
        + f"), applied from {start.isoformat()}",
        remove=superseded,
        add=moved,
    )


def _scheduled(link: MeasureLink, start: date, published: date) -> OutcomeSpec:
    """A reported rate the law holds from a later day: the law on that day."""
    return OutcomeSpec(
        key=f"law:{start.isoformat()}",
        label=f"Law on {start.isoformat()}",
        description=f"the tariff law for goods entered on {start.isoformat()}, as known on "
        f"{published.isoformat()}: {link.mention.to_rate_pct:g}% on all goods from "
        f"{link.mention.target} is " + " + ".join(link.measure_ids) + " in the catalog",
        entry_date=start,
        as_known=published,
    )


def outcome_specs(
    links: Sequence[MeasureLink], catalog: Catalog, *, partner: str, published: date
) -> list[OutcomeSpec]:
    """The outcomes to price for a story published on ``published`` about ``partner``."""
    specs = [
        OutcomeSpec(
            key="law",
            label=f"Law on {published.isoformat()}",
            description=f"the tariff law for goods entered on {published.isoformat()}, "
            "as known that day",
            entry_date=published,
            as_known=published,
        )
    ]
    first_threat: date | None = None
    seen: set[str] = set()
    for link in links:  # rates the law already holds from a later day (combined links)
        start = link.mention.effective_date
        if len(link.measure_ids) > 1 and start is not None and start > published:
            scheduled = _scheduled(link, start, published)
            if scheduled.key not in seen:
                seen.add(scheduled.key)
                specs.append(scheduled)
                first_threat = start if first_threat is None else min(first_threat, start)
    threats = [link for link in links if link.threatened and (link.measure_id or link.candidate)]
    for link in threats:
        start = link.mention.effective_date
        if start is None and link.measure_id is not None:
            start = catalog.measure(link.measure_id).effective_from
        start = start or published
        scenario = candidate_scenario(f"threat of {start.isoformat()}", [link])
        if scenario is None:
            continue
        key = f"threat:{link.measure_id or (link.candidate and link.candidate['id'])}"
        if key in seen:
            continue
        seen.add(key)
        first_threat = start if first_threat is None else min(first_threat, start)
        what = (
            f"{link.mention.products} from {link.mention.target} at {link.mention.to_rate_pct:g}%"
        )
        specs.append(
            OutcomeSpec(
                key=key,
                label=f"Threat carried out: {link.mention.to_rate_pct:g}% from {start.isoformat()}",
                description=f"{what} from {start.isoformat()}, "
                + (
                    f"as {link.measure_id} announced" if link.measure_id else "as the story reports"
                ),
                entry_date=start,
                as_known=published,
                scenario=scenario,
            )
        )
    start = first_threat or published
    agreed = [link for link in links if link.status == "agreed"]
    deal = (
        candidate_scenario("agreed in the story", agreed, enact_threats=False) if agreed else None
    )
    if deal is not None:
        specs.append(
            OutcomeSpec(
                "deal",
                "Deal as reported",
                "the rates the story reports as agreed",
                start,
                published,
                deal,
            )
        )
    else:
        measures = _deal_measures(catalog, partner, published)
        if measures:
            specs.append(
                OutcomeSpec(
                    key="deal",
                    label=f"Deal as later enacted, from {start.isoformat()}",
                    description="hindsight: "
                    + "; ".join(m.title for m in measures)
                    + f" (issued after {published.isoformat()}), applied from {start.isoformat()}",
                    entry_date=start,
                    as_known=published,
                    scenario=_deal_scenario(measures, start, partner),
                    hindsight=True,
                )
            )
    return specs
