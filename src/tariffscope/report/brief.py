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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from tariffscope.domain.blocs import bloc, is_bloc
from tariffscope.domain.countries import EUN, WLD, country_name
from tariffscope.domain.news import Actor, Deadline, Event, Extraction, Quote
from tariffscope.errors import InputError, NotCoveredError, TariffscopeError
from tariffscope.impact.pe.law import PricedOutcome, price_outcome
from tariffscope.regime import Catalog, default_catalog
from tariffscope.report.deal_space import DealSpaceSection, deal_space_section, not_computed
from tariffscope.report.law_notes import LawNote, law_note
from tariffscope.report.scenarios import OutcomeSpec, comparator_specs, outcome_specs
from tariffscope.tracker import DatedStory, NegotiationState, lone_party, rank_pairs
from tariffscope.tracker._identity import of_pair
from tariffscope.tracker.linking import MeasureLink, link_mentions

if TYPE_CHECKING:
    from tariffscope.impact.tradewar.political_economy import PoliticalEconomy

__all__ = [
    "Brief",
    "LawNote",
    "PricedScenario",
    "build_brief",
    "negotiation_pair",
    "no_negotiation_pair",
    "pair_label",
    "pair_title",
]

logger = logging.getLogger(__name__)

US = "USA"


@dataclass(frozen=True)
class PricedScenario:
    """One outcome priced: its definition and the partial-equilibrium result."""

    spec: OutcomeSpec
    outcome: PricedOutcome

    def headline(self) -> pd.DataFrame:
        return self.outcome.summary()


@dataclass(frozen=True)
class Brief:
    """Everything the renderers need.

    ``pair`` is the negotiation briefed, imposer first; ``other_pairs`` the other negotiations
    the stories concern (briefed with ``pair=`` or one brief each); ``warnings`` what the
    brief could not do or had to assume (a story without a date, a partner without trade
    data, a pair without the United States), said on every rendering.
    """

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
    warnings: tuple[str, ...] = ()
    other_pairs: tuple[tuple[str, str], ...] = ()
    deal_space: DealSpaceSection = field(
        default_factory=lambda: not_computed("the brief was built without it")
    )
    dating: tuple[DatedStory, ...] = ()  # how each story without a date was dated
    #: laws that are an outcome's status quo but no outcome (the law on a threat's entry date
    #: as known on the story's date; :func:`tariffscope.report.scenarios.status_quo_spec`)
    comparators: tuple[PricedScenario, ...] = ()

    @property
    def partner(self) -> str:
        """The party whose goods the US law is priced on: the one that is not the US."""
        return self.pair[0] if self.pair[1] == US else self.pair[1]

    @property
    def partners(self) -> tuple[str, ...]:
        """Every party the stories' negotiations involve other than the US, the pair's
        partner first (all partners, WLD, only when it is the pair's partner)."""
        parties = [self.partner, *self.pair, *(p for pair in self.other_pairs for p in pair)]
        return tuple(
            dict.fromkeys(p for k, p in enumerate(parties) if p != US and (k == 0 or p != WLD))
        )

    @property
    def priced(self) -> bool:
        """Whether any outcome was priced."""
        return bool(self.scenarios)

    @property
    def next_deadline(self) -> Deadline | None:
        upcoming = [d for d in self.deadlines if d.date >= self.as_of]
        return min(upcoming, key=lambda d: d.date) if upcoming else None

    @property
    def days_to_deadline(self) -> int | None:
        deadline = self.next_deadline
        return None if deadline is None else (deadline.date - self.as_of).days


def pair_label(pair: tuple[str, str]) -> str:
    """ "USA-CHN"."""
    return f"{pair[0]}-{pair[1]}"


def pair_title(pair: tuple[str, str]) -> str:
    """ "United States - all partners (USA-WLD)"."""
    return f"{country_name(pair[0])} - {country_name(pair[1])} ({pair_label(pair)})"


def negotiation_pair(
    extractions: Sequence[Extraction], texts: Sequence[str | None] | None = None
) -> tuple[str, str]:
    """The negotiation the stories centre on, imposer first (the tracker's ranking,
    :func:`tariffscope.tracker.rank_pairs`); for stories that name none, the pair of
    :func:`no_negotiation_pair`."""
    ranked = rank_pairs(extractions, texts=texts)
    return ranked[0] if ranked else no_negotiation_pair(extractions, texts)[0]


def no_negotiation_pair(
    extractions: Sequence[Extraction], texts: Sequence[str | None] | None = None
) -> tuple[tuple[str, str], str]:
    """The pair to brief stories that name no negotiation by, and the warning that says so.

    No measure, no event and no people of two countries, and no measure on every country:
    the stories are briefed as what they report of the one party they name most with all
    its partners (WLD), or, when they name no party at all, of the United States with all
    partners (the catalog holds US law, and the US comes first wherever nothing says who
    imposes: :func:`tariffscope.tracker._pairs.order_pair`). Either way nothing is priced.
    """
    party = lone_party(extractions, texts)
    pair = (party or US, WLD)
    how = (
        f"they are briefed as {pair_title(pair)}, the one party they name and all its partners"
        if party is not None
        else f"they name no country, so they are briefed as {pair_title(pair)} (the catalog "
        "holds US tariff law)"
    )
    return pair, (
        "the stories name no negotiation (no measure, event or people of two countries, and "
        f"no measure on every country): {how}, with what they report; nothing is priced. "
        "Choose the pair with --pair A-B (e.g. USA-CHN)"
    )


def _status(links: Sequence[MeasureLink], events: Sequence[Event], pair: tuple[str, str]) -> str:
    kinds = {e.kind for e in events if e.status == "happened"}
    if "agreement" in kinds or any(link.status == "agreed" for link in links):
        return "framework announced"
    if WLD in pair and links:  # one side's measures on every partner: no negotiation
        return "measures on all partners"
    if any(link.threatened for link in links):
        return "talks ongoing under a threatened tariff increase"
    return "talks ongoing" if links or events else "no talks reported"


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


def _price(
    specs: Sequence[OutcomeSpec],
    partner: str,
    draws: int,
    seed: int,
    warnings: list[str],
    *,
    comparators: bool = False,
) -> tuple[PricedScenario, ...]:
    """Each outcome priced (``comparators``: each law an outcome is compared with; one that
    fails is a warning, its outcomes are then compared with the law on the story's date); a
    partner the engines do not cover is a warning, not an error, and so is an outcome the law
    or the engines cannot price (the brief goes on without it: pricing never fails a story)."""
    priced: list[PricedScenario] = []
    for spec in specs:
        try:
            outcome = price_outcome(
                partner=partner,
                entry_date=spec.entry_date,
                as_known=spec.as_known,
                scenario=spec.scenario,
                label=spec.label,
                draws=draws,
                seed=seed,
                sigma_source="mixed",
            )
        except NotCoveredError as error:
            said = error.one_line()
            warnings.append(said if said.startswith("not priced") else f"not priced: {said}")
            return ()
        except TariffscopeError as error:
            warnings.append(f"{spec.label} not priced: {error.one_line()}{_instead(comparators)}")
            continue
        except Exception as error:  # a failure of the engines must not lose the brief
            logger.exception("pricing %s failed", spec.label)
            warnings.append(
                f"{spec.label} not priced: {type(error).__name__}: {error}{_instead(comparators)}"
            )
            continue
        priced.append(PricedScenario(spec, outcome))
    if comparators:
        return tuple(priced)
    if specs and priced and priced[0].spec is not specs[0]:
        return ()  # without the law on the story's date no increment can be stated
    return tuple(priced)


def _instead(comparator: bool) -> str:
    """What a comparator that could not be priced leaves its outcomes compared with."""
    if not comparator:
        return ""
    return "; the outcomes entered that day are compared with the law on the story's date"


def _economy(
    economy: Callable[..., tuple[pd.DataFrame | None, str]] | None,
    specs: Sequence[OutcomeSpec],
    partner: str,
) -> tuple[pd.DataFrame | None, str]:
    """Economy-wide effects; whatever goes wrong there, the brief goes on without them."""
    if economy is None:
        return None, "economy-wide effects not computed"
    try:
        return economy(specs, partner)
    except TariffscopeError as error:
        return None, f"economy-wide effects not computed: {error.one_line()}"
    except Exception as error:  # a failure of the GE engines must not lose the brief
        logger.exception("economy-wide effects failed")
        return None, f"economy-wide effects not computed: {type(error).__name__}: {error}"


def _deal_space(
    pair: tuple[str, str],
    priced: Sequence[PricedScenario],
    links: Sequence[MeasureLink],
    catalog: Catalog,
    wanted: bool,
    political_economy: PoliticalEconomy | None = None,
    comparators: Sequence[PricedScenario] = (),
) -> DealSpaceSection:
    """The deal space of the story's threat, or the one-line reason it is not computed."""
    if US not in pair:
        return not_computed(f"{pair_label(pair)} is not a US pair (the catalog holds US law)")
    if not wanted:
        return not_computed("economy-wide models are off (--ge none)")
    if not priced:
        return not_computed("no outcome was priced")
    return deal_space_section(pair, priced, links, catalog, political_economy, comparators)


def _bloc_warnings(code: str) -> list[str]:
    """What pricing a bloc as its members' trade summed leaves out (members without 2024 US
    imports), with the member list's source."""
    from tariffscope.impact.pe.partners import schedule_trade

    found = bloc(code)
    if found is None:
        return []
    traded = set(schedule_trade().origins)
    missing = sorted(found.members - traded)
    said = (
        f"{country_name(code)} is priced as its members' US imports summed "
        f"({', '.join(sorted(found.members))}; members from {found.source}); US law treats "
        "each member as its own customs territory, so each pays its own duties"
    )
    if missing:
        said += f"; no 2024 US trade data for {', '.join(missing)}: not in the numbers"
    return [said]


def _trade_source(priced: Sequence[PricedScenario]) -> str:
    """Where the priced trade comes from (the baseline's own citation)."""
    if not priced:
        return "not used: no outcome priced"
    return priced[0].outcome.point.baseline.sources["imports"]


def _trade_assumption(priced: PricedScenario, partner: str) -> str:
    """How the partners' trade enters the prices, from the baseline the outcome used."""
    baseline = priced.outcome.point.baseline
    own = [p for p in baseline.partners if p not in ("ROW", partner)]
    if partner == WLD:
        return (
            f"all partners are priced together: each of the {len(own)} largest suppliers by "
            f"its own {baseline.year} US imports by line, the rest of the world by its members' "
            "imports together, and the numbers for all partners are their sums; each column's "
            f"tariff is its lines' duties weighted by its own {baseline.year} imports "
            "(docs/assumptions.md T1-T2)"
        )
    group = " (its members' trade as one bloc)" if partner == EUN or is_bloc(partner) else ""
    return (
        f"{country_name(partner)}{group} and each of the {len(own)} other largest suppliers "
        f"are priced by their own {baseline.year} US imports by line, the rest of the world "
        "by its members' imports together; each column's tariff is its lines' duties weighted "
        f"by its own {baseline.year} imports (docs/assumptions.md T1-T2)"
    )


def build_brief(
    extractions: Sequence[Extraction],
    *,
    catalog: Catalog | None = None,
    draws: int = 500,
    seed: int = 0,
    economy: Callable[..., tuple[pd.DataFrame | None, str]] | None = None,
    state: NegotiationState | None = None,
    pair: tuple[str, str] | None = None,
    as_of: date | None = None,
    other_pairs: Sequence[tuple[str, str]] | None = None,
    warnings: Sequence[str] = (),
    price: bool = True,
    deal_space: bool | None = None,
    political_economy: PoliticalEconomy | None = None,
) -> Brief:
    """Assemble the brief of one negotiation from the stories' records.

    Parameters
    ----------
    extractions
        Records of the stories (in any order).
    draws
        Monte Carlo draws over elasticities for each priced outcome (0 for point estimates).
    economy
        Optional function ``(specs, partner) -> (table, note)`` giving economy-wide effects.
    state
        The negotiation state merged by the tracker across the stories (events with all their
        sources, quotes de-duplicated across outlets); without it the stories' own records
        are used as they are.
    pair
        The negotiation to brief, imposer first; default the one the stories centre on
        (:func:`negotiation_pair`), the others then go to ``other_pairs``.
    as_of
        The brief's date; default the latest publication date of the stories.
    warnings
        Warnings from reading the stories (how undated stories were dated, ...).
    price
        Whether to price the outcomes (False for stories that name no negotiation: their
        pair is :func:`no_negotiation_pair`'s, chosen by default when ``pair`` is None).
    deal_space
        Whether to solve the deal space of the story's threat
        (:mod:`tariffscope.report.deal_space`); default: when ``economy`` is given (the
        CLI's ``--ge none`` turns both off).
    political_economy
        Weights on organised sectors for the deal space's payoffs (government welfare,
        :mod:`tariffscope.impact.tradewar.political_economy`); default None: real income.

    Raises
    ------
    InputError
        No story, or no date to brief as of.
    """
    if not extractions:
        raise InputError("no story to brief on")
    dated = [x.article.published for x in extractions if x.article.published is not None]
    if as_of is None and not dated:
        raise InputError(
            "the story has no publication date",
            hint="give the day to brief it as of with --as-of YYYY-MM-DD",
        )
    as_of = as_of or max(dated)
    law = catalog or default_catalog()
    notes = list(warnings)
    if as_of > law.coverage_end:
        # a story dated past the catalog (a stated day, a year read from the law) is priced
        # under the last law the catalog knows: say so, as `rate` does
        notes.append(
            f"the brief's date {as_of.isoformat()} is after the last day the tariff catalog "
            f"covers ({law.coverage_end.isoformat()}): the law is read as the catalog has it, "
            "and actions after that day are unknown"
        )
    if pair is None:
        ranked = rank_pairs(extractions)
        if ranked:
            pair = ranked[0]
        else:
            pair, said = no_negotiation_pair(extractions)
            notes.append(said)
            price = False
        if other_pairs is None:
            other_pairs = [p for p in ranked if set(p) != set(pair)]
    links: list[MeasureLink] = []
    for extraction in extractions:
        published = extraction.article.published or as_of
        source = extraction.article.url or f"article:{extraction.article.title or 'untitled'}"
        found = link_mentions(extraction.measures, published, law, source=source)
        links.extend(
            link for link in found if of_pair(link.mention.imposer, link.mention.target, pair)
        )
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
    partner = pair[0] if pair[1] == US else pair[1]
    law_notes = tuple(law_note(link, partner, as_of, law) for link in links)
    specs: list[OutcomeSpec] = []
    if US in pair and price and is_bloc(partner):
        notes.extend(_bloc_warnings(partner))
    if US in pair and price:
        specs = outcome_specs(links, law, partner=partner, published=as_of)
        notes.extend(spec.warning for spec in specs if spec.warning)
    elif US not in pair and price:
        notes.append(
            f"{pair_label(pair)} is briefed as a negotiation only: the catalog holds US tariff "
            "law, so no outcome between these parties is priced"
        )
    priced = _price(specs, partner, draws, seed, notes)
    comparators = (
        _price(
            comparator_specs([p.spec for p in priced]),
            partner,
            draws,
            seed,
            notes,
            comparators=True,
        )
        if priced
        else ()
    )
    economy_table, economy_note = (None, "economy-wide effects not computed")
    if priced:
        economy_table, economy_note = _economy(economy, [p.spec for p in priced], partner)
    space = _deal_space(
        pair,
        priced,
        links,
        law,
        economy is not None if deal_space is None else deal_space,
        political_economy,
        comparators,
    )
    return Brief(
        extractions=tuple(extractions),
        as_of=as_of,
        pair=pair,
        status=state.status if state is not None else _status(links, events, pair),
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
        warnings=tuple(dict.fromkeys(notes)),
        other_pairs=tuple(other_pairs or ()),
        deal_space=space,
        comparators=comparators,
        vintage={
            "tariff law": f"measure catalog {law.version} "
            f"(coverage {law.coverage_start} to {law.coverage_end})",
            "HTS": "HTS 2025 Basic Edition (USITC)",
            "trade": _trade_source(priced),
        },
        assumptions=()
        if not priced
        else (
            "partial equilibrium: SMART (exact CES) per GTAP sector, world prices fixed; "
            "import-demand elasticities from Hauk (2012); substitution elasticities from "
            "Hauk (2012), Broda and Weinstein (2006) and CEPII ProTEE (Fontagne, Guimbard and "
            "Orefice 2022): each Monte Carlo draw picks one of the three studies, so the 90% "
            "interval spans the disagreement between them (docs/models.md)",
            "every outcome is priced against the law of 1 January 2025 (the reference, under "
            "which the 2024 baseline trade was bought) and, as an increment, against its status "
            "quo: the law on its own entry date as known on the story's date, without the "
            "outcome (the law on the story's date for an outcome entered that day); the "
            "general-equilibrium effects use the same two comparisons",
            "the law of an outcome is read as known on the story's date (docs/tariff-law.md)",
            _trade_assumption(priced[0], partner),
        ),
    )
