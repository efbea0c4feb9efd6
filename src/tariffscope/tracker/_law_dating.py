"""The law a story reports and the catalog's dated actions, for dating a story with no date.

:func:`tariffscope.news.dates_story.story_date` dates a story that gives no day and no month
by the measures it reports (:mod:`tariffscope.news.dates_catalog`); it reads no catalog, so
this module builds what it compares, for the partners the story's US measures name only:

- every catalog exemption of the partner's own, as a 0% on the goods it relieves (a
  framework's removal of reciprocal tariffs on some goods);
- every catalog measure with a rate that covers the partner's goods (a measure on every
  country with no day it applies from is an authority over countries designated later, and
  is left out), with its announcement (else publication) day, or the day it applies from
  when that is earlier (a retroactive measure), its effective days, its
  stacking group and whether it was enacted or only threatened;
- the rate all of the partner's goods pay, summed over the across-the-board measures in force
  together (:func:`tariffscope.tracker._combined.across_the_board`: "50% on Brazilian goods"
  is the 10% reciprocal rate plus the 40% Brazil duty), from each day it changes to the next,
  announced on the latest announcement of the measures it sums.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date

from tariffscope.domain.countries import EU_MEMBERS, EUN
from tariffscope.domain.news import MeasureMention
from tariffscope.news.dates_catalog import CatalogAction, ReportedMeasure
from tariffscope.news.dates_story import LawClues
from tariffscope.regime.catalog import Catalog
from tariffscope.regime.measures import ENACTED_STATUSES, Measure
from tariffscope.tracker._combined import across_the_board
from tariffscope.tracker.linking import _goods, no_rate_of_one_country

__all__ = ["catalog_law", "law_clues"]


def _reported(mentions: Iterable[MeasureMention]) -> tuple[ReportedMeasure, ...]:
    out = []
    for mention in mentions:
        if mention.imposer != "USA":
            continue  # the catalog holds US law only
        kind, _, groups = _goods(mention.products)
        out.append(
            ReportedMeasure(
                target=mention.target,
                rate_pct=float(mention.to_rate_pct),
                status=mention.status,
                goods=kind,
                groups=frozenset(groups),
                from_pct=None if mention.from_rate_pct is None else float(mention.from_rate_pct),
                said=f"{mention.to_rate_pct:g}% on "
                + (
                    f"all of {mention.target}'s goods"
                    if kind == "all"
                    else f"{mention.target}'s {mention.products}"
                ),
            )
        )
    return tuple(out)


def _covers(measure: Measure, partner: str) -> bool:
    if "WLD" in measure.members and measure.effective_from is None:
        return False  # an authority over countries designated later
    if no_rate_of_one_country(measure):
        return False  # the de minimis suspension: no rate of the partner's goods
    if partner == EUN:
        return EUN in measure.members or "WLD" in measure.members
    return measure.covers_origin(partner)


def _announced(measure: Measure) -> date:
    """The day the measure was known: its announcement (else publication), or the day it
    applies from when that is earlier. A measure applied retroactively from the day a deal was
    struck is noticed weeks later ("15% retroactive to 14 November", published 18 December):
    a story reporting the rate agreed may be as old as the deal, as one reporting it in force
    may be as old as the day it took effect."""
    day = measure.announced_date or measure.published_date
    if measure.effective_from is not None and measure.effective_from < day:
        return measure.effective_from
    return day


def _single(measure: Measure, partner: str) -> CatalogAction | None:
    if measure.is_switch or measure.rate_pct is None:
        return None
    return CatalogAction(
        partner=partner,
        rate_pct=measure.rate_pct,
        announced=_announced(measure),
        effective=measure.effective_from,
        until=measure.effective_to,
        all_products=measure.scope.all_products,
        group=measure.group,
        enacted=measure.status in ENACTED_STATUSES,
        label=f"{measure.id} ({measure.title})",
        own=_own(measure, partner),
    )


def _exemption(measure: Measure, partner: str) -> CatalogAction | None:
    """A catalog exemption that names the partner (not every origin) as a 0% on the goods it
    relieves: "the United States is to eliminate the reciprocal tariffs on certain natural
    resources" of a framework is the framework's exemption, dated by it."""
    if measure.rule != "exemption" or "WLD" in measure.members:
        return None
    return CatalogAction(
        partner=partner,
        rate_pct=0.0,
        announced=_announced(measure),
        effective=measure.effective_from,
        until=measure.effective_to,
        all_products=False,
        group=measure.group,
        enacted=measure.status in ENACTED_STATUSES,
        label=f"{measure.id} ({measure.title})",
        own=True,
        removal=True,
    )


def _own(measure: Measure, partner: str) -> bool:
    """Whether the measure is the partner's own rate: on the partner alone (the EU and its
    members count as one), not on every origin nor on a schedule of many countries."""
    own = {partner} | ({EUN, *EU_MEMBERS} if partner == EUN or partner in EU_MEMBERS else set())
    return bool(measure.members) and measure.members <= own


def _totals(catalog: Catalog, partner: str, known: date) -> list[CatalogAction]:
    """The across-the-board rate on the partner's goods from each day it changes."""
    # one member stands for the EU: EU-wide measures treat the members alike
    origin = min(EU_MEMBERS) if partner == EUN else partner
    days = sorted(
        {
            day
            for m in catalog.measures
            if m.scope.all_products and m.status in ENACTED_STATUSES and _covers(m, origin)
            for day in (m.effective_from, m.effective_to)
            if day is not None
        }
    )
    out: list[CatalogAction] = []
    previous: float | None = None
    for day, after in zip(days, [*days[1:], None], strict=True):
        total, measures = across_the_board(catalog, origin, day, as_known=known)
        if out and previous == total and out[-1].until == day:
            # the same rate on: one action from the day it began (a threat precedes that day)
            out[-1] = dataclasses.replace(out[-1], until=after)
            continue
        previous = total
        if len(measures) < 2:
            continue  # one measure alone is its own action
        out.append(
            CatalogAction(
                partner=partner,
                rate_pct=total,
                announced=max(_announced(m) for m in measures),
                effective=day,
                until=after,
                all_products=True,
                group="",
                enacted=True,
                label=f"the {total:g}% on all of {partner}'s goods from {day.isoformat()} ("
                + " + ".join(f"{m.id} {m.rate_pct:g}%" for m in measures)
                + ")",
            )
        )
    return out


def law_clues(mentions: Sequence[MeasureMention], catalog: Catalog) -> LawClues:
    """The story's US measures and the catalog's dated actions on the partners they name."""
    reported = _reported(mentions)
    actions: list[CatalogAction] = []
    known = catalog.coverage_end
    for partner in sorted({r.target for r in reported}):
        actions += [
            a
            for m in catalog.measures
            if _covers(m, partner) and (a := _single(m, partner) or _exemption(m, partner))
        ]
        actions += _totals(catalog, partner, known)
    return LawClues(reported, tuple(actions))


def catalog_law(mentions: Sequence[MeasureMention]) -> LawClues:
    """:func:`law_clues` over the default catalog: the law source the CLI gives the reader
    (:data:`tariffscope.news.law_anchor.LawSource`)."""
    from tariffscope.regime.resolve import default_catalog

    return law_clues(mentions, default_catalog())
