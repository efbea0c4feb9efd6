"""The brief: what a trade analyst would write about a negotiation from one or more stories.

:func:`build_brief` takes the extracted records of the stories (and, when several stories are
followed in a store, the merged negotiation state) and joins them to the tariff law and the
economic engines:

- who the players are, what happened and what comes next, what was said;
- the measures in force and threatened, linked to the catalog with their legal source, and the
  duty on a representative product explained layer by layer;
- the deadline and the days left to it;
- the outcomes priced side by side (partial equilibrium, with Monte Carlo intervals) and,
  when available, their economy-wide effects (general equilibrium);
- the data vintage, model assumptions and sources.

The result is a plain frozen record; renderers (terminal, HTML, JSON) only format it.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from tariffscope.domain.countries import country_name
from tariffscope.domain.news import Actor, Deadline, Event, Extraction, Quote
from tariffscope.errors import InputError
from tariffscope.impact.pe.law import PricedOutcome, price_outcome
from tariffscope.regime import Catalog, Resolution, default_catalog, resolve
from tariffscope.report.scenarios import OutcomeSpec, outcome_specs
from tariffscope.tracker import NegotiationState
from tariffscope.tracker.linking import MeasureLink, link_mentions

__all__ = ["Brief", "LawNote", "PricedScenario", "build_brief", "negotiation_pair"]

logger = logging.getLogger(__name__)

_GROUPS_FILE = Path(__file__).resolve().parents[1] / "tracker" / "data" / "product_groups.yaml"


@dataclass(frozen=True)
class LawNote:
    """The duty on a representative product of a measure the story mentions, explained."""

    link: MeasureLink
    product: str
    resolution: Resolution | None

    def sentence(self) -> str:
        mention = self.link.mention
        if self.resolution is None:
            return f"{mention.products}: {mention.to_rate_pct:g}% ({self.link.status})"
        layers = (
            " + ".join(
                f"{c.measure} {c.rate_pct:g}%" for c in self.resolution.components if c.rate_pct
            )
            or "MFN 0%"
        )
        return (
            f"{self.product} (HTS {self.resolution.hts}) from {self.resolution.origin} on "
            f"{self.resolution.entry_date.isoformat()}: {self.resolution.total_pct:g}% = {layers}"
        )


@dataclass(frozen=True)
class PricedScenario:
    """One outcome priced: its definition and the partial-equilibrium result."""

    spec: OutcomeSpec
    outcome: PricedOutcome

    def headline(self) -> pd.DataFrame:
        return self.outcome.summary()


@dataclass(frozen=True)
class Brief:
    """Everything the renderers need."""

    extractions: tuple[Extraction, ...]
    as_of: date
    pair: tuple[str, str]
    status: str
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    links: tuple[MeasureLink, ...]
    deadlines: tuple[Deadline, ...]
    law_notes: tuple[LawNote, ...]
    scenarios: tuple[PricedScenario, ...]
    economy: pd.DataFrame | None = None
    economy_note: str = ""
    vintage: dict[str, str] = field(default_factory=dict)
    assumptions: tuple[str, ...] = ()
    event_sources: tuple[tuple[str, ...], ...] = ()
    status_reason: str = ""

    @property
    def next_deadline(self) -> Deadline | None:
        upcoming = [d for d in self.deadlines if d.date >= self.as_of]
        return min(upcoming, key=lambda d: d.date) if upcoming else None

    @property
    def days_to_deadline(self) -> int | None:
        deadline = self.next_deadline
        return None if deadline is None else (deadline.date - self.as_of).days


def negotiation_pair(extractions: Sequence[Extraction]) -> tuple[str, str]:
    """The US and the partner most named in measures, then actors."""
    counts: Counter[str] = Counter()
    for extraction in extractions:
        for m in extraction.measures:
            for code in (m.imposer, m.target):
                if code and code not in ("USA", "WLD"):
                    counts[code] += 3
        for actor in extraction.actors:
            if actor.country and actor.country != "USA":
                counts[actor.country] += 1
    if not counts:
        raise InputError("the stories name no partner of the United States to brief on")
    return ("USA", counts.most_common(1)[0][0])


def _status(links: Sequence[MeasureLink], events: Sequence[Event]) -> str:
    kinds = {e.kind for e in events if e.status == "happened"}
    if "agreement" in kinds or any(link.status == "agreed" for link in links):
        return "framework announced"
    if any(link.threatened for link in links):
        return "talks ongoing under a threatened tariff increase"
    return "talks ongoing"


@cache
def _example_products() -> dict[str, tuple[str, str]]:
    """Product word -> (label, representative HTS line), from product_groups.yaml."""
    with _GROUPS_FILE.open(encoding="utf-8") as handle:
        table: dict[str, dict[str, Any]] = yaml.safe_load(handle)
    return {
        word: (entry["example"]["label"], entry["example"]["hts"])
        for word, entry in table.items()
        if "example" in entry
    }


def _law_note(link: MeasureLink, partner: str, published: date, catalog: Catalog) -> LawNote:
    from tariffscope.news.products import product_class

    _, words = product_class(link.mention.products)
    examples = _example_products()
    target = link.mention.target if link.mention.target not in ("WLD", "EUN", None) else partner
    for word in sorted(words):
        if word in examples:
            label, hts = examples[word]
            day = published if not link.threatened else (link.mention.effective_date or published)
            result = resolve(hts, target, day, as_known=published, catalog=catalog)
            return LawNote(link, label, result)
    return LawNote(link, link.mention.products, None)


def _unique_quotes(extractions: Sequence[Extraction]) -> tuple[Quote, ...]:
    seen: set[str] = set()
    out: list[Quote] = []
    for extraction in extractions:
        for quote in extraction.quotes:
            key = " ".join(quote.text.lower().split())
            if key not in seen:
                seen.add(key)
                out.append(quote)
    return tuple(out)


def build_brief(
    extractions: Sequence[Extraction],
    *,
    catalog: Catalog | None = None,
    draws: int = 500,
    seed: int = 0,
    economy: Callable[..., tuple[pd.DataFrame | None, str]] | None = None,
    state: NegotiationState | None = None,
) -> Brief:
    """Assemble the brief of one negotiation from the stories' records.

    Parameters
    ----------
    extractions
        Records of the stories (in any order); the latest publication date is the brief's date.
    draws
        Monte Carlo draws over elasticities for each priced outcome (0 for point estimates).
    economy
        Optional function ``(specs, partner) -> (table, note)`` giving economy-wide effects.
    state
        The negotiation state merged by the tracker across the stories (events with all their
        sources, quotes de-duplicated across outlets); without it the stories' own records
        are used as they are.

    Raises
    ------
    InputError
        When the stories have no publication date or name no partner.
    """
    if not extractions:
        raise InputError("no story to brief on")
    dated = [x.article.published for x in extractions if x.article.published is not None]
    if not dated:
        raise InputError(
            "the story has no publication date",
            hint="add a 'published: YYYY-MM-DD' line to its header block",
        )
    as_of = max(dated)
    law = catalog or default_catalog()
    pair = negotiation_pair(extractions)
    partner = pair[1]
    links: list[MeasureLink] = []
    for extraction in extractions:
        published = extraction.article.published or as_of
        source = extraction.article.url or f"article:{extraction.article.title or 'untitled'}"
        links.extend(link_mentions(extraction.measures, published, law, source=source))
    events = tuple(
        sorted(
            (e for x in extractions for e in x.events), key=lambda e: (e.date or date.max, e.start)
        )
    )
    deadlines = tuple(sorted((d for x in extractions for d in x.deadlines), key=lambda d: d.date))
    actors = tuple({a.name: a for x in extractions for a in x.actors}.values())
    quotes = _unique_quotes(extractions)
    event_sources: tuple[tuple[str, ...], ...] = ()
    status_reason = ""
    if state is not None:
        from tariffscope.report.stored import merged_records

        actors, events, event_sources, quotes, deadlines = merged_records(state)
        status_reason = state.status_reason
    law_notes = tuple(
        _law_note(link, partner, as_of, law) for link in links if link.mention.imposer == "USA"
    )
    specs = outcome_specs(links, law, partner=partner, published=as_of)
    priced = tuple(
        PricedScenario(
            spec,
            price_outcome(
                partner=partner,
                entry_date=spec.entry_date,
                as_known=spec.as_known,
                scenario=spec.scenario,
                label=spec.label,
                draws=draws,
                seed=seed,
                sigma_source="mixed",
            ),
        )
        for spec in specs
    )
    economy_table, economy_note = (None, "economy-wide effects not computed")
    if economy is not None:
        economy_table, economy_note = economy(specs, partner)
    return Brief(
        extractions=tuple(extractions),
        as_of=as_of,
        pair=pair,
        status=state.status if state is not None else _status(links, events),
        actors=actors,
        events=events,
        quotes=quotes,
        links=tuple(links),
        deadlines=deadlines,
        law_notes=law_notes,
        scenarios=priced,
        economy=economy_table,
        economy_note=economy_note,
        event_sources=event_sources,
        status_reason=status_reason,
        vintage={
            "tariff law": f"measure catalog {law.version} "
            f"(coverage {law.coverage_start} to {law.coverage_end})",
            "HTS": "HTS 2025 Basic Edition (USITC)",
            "trade": "US imports by GTAP sector and partner "
            "(Budget Lab GTAP baseline, inferred 2024)",
        },
        assumptions=(
            "partial equilibrium: SMART (exact CES) per GTAP sector, world prices fixed; "
            "import-demand elasticities from Hauk (2012); substitution elasticities from "
            "Hauk (2012), Broda and Weinstein (2006) and CEPII ProTEE (Fontagne, Guimbard and "
            "Orefice 2022): each Monte Carlo draw picks one of the three studies, so the 90% "
            "interval spans the disagreement between them (docs/models.md)",
            "every outcome is priced against the law of 1 January 2025 (the reference, under "
            "which the 2024 baseline trade was bought) and, as an increment, against the law "
            "on the story's date (the status quo); the general-equilibrium effects use the "
            "same two comparisons",
            "the law of an outcome is read as known on the story's date (docs/tariff-law.md)",
            f"the EU is represented by Germany and the rest of the world by a basket of suppliers "
            f"in the sector tariffs ({country_name(partner)} is priced by its own tariffs)",
        ),
    )
