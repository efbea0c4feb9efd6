"""A rate a story gives for all of a country's goods, read as the sum of the law's measures.

News gives the rate a country's goods pay, not the measures that make it up: "30% on Chinese
goods from May 14" is the 10% reciprocal rate plus the 20% fentanyl duty in force together;
"50% on Brazilian goods" is the 10% reciprocal rate plus the 40% Brazil duty. Such a rate is
linked to that set of catalog measures, not priced as a new measure on top of them.

:func:`across_the_board` asks the stacking engine which of the catalog's all-products measures
apply to the target's goods on a day, as known on a day (product-specific measures such as
Section 232 duties are left out: they are not "the rate on a country's goods"), and their sum.
:func:`combined_link` compares a mention's rate with that sum on the mention's effective date
(or the story's date); for an agreed or proposed rate, also on each later day within
:data:`HORIZON_DAYS` of the story on which an all-products measure for the target starts, as
known at the end of that horizon (a deal is enacted after it is announced).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, timedelta

import numpy as np

from tariffscope.domain.countries import EU_MEMBERS, EUN, WLD
from tariffscope.domain.news import MeasureMention
from tariffscope.regime.catalog import Catalog
from tariffscope.regime.engine import active_measures, evaluate, measures_in
from tariffscope.regime.measures import ENACTED_STATUSES, Measure

__all__ = ["HORIZON_DAYS", "CombinedMatch", "across_the_board", "combined_link"]

#: Days after a story within which a reported deal may be enacted (the law read then).
HORIZON_DAYS = 120
_TOLERANCE_PCT = 0.05
_ANY_LINE = np.array(["0000000000"])  # all-products scopes cover every line alike


@dataclasses.dataclass(frozen=True)
class CombinedMatch:
    """The measures whose rates add up to a mention's rate, on the day they were read."""

    measures: tuple[Measure, ...]
    day: date
    total_pct: float

    def reason(self) -> str:
        parts = " + ".join(f"{m.id} {m.rate_pct:g}%" for m in self.measures)
        return (
            f"{self.total_pct:g}% on all goods is {parts}, the law's across-the-board duties "
            f"for goods entered on {self.day.isoformat()}"
        )


def across_the_board(
    catalog: Catalog, origin: str, day: date, *, as_known: date | None
) -> tuple[float, tuple[Measure, ...]]:
    """The additional duty (percent) every good of ``origin`` pays on ``day``, and the
    all-products measures that make it up (the engine's stacking choice, exemptions of
    named products aside)."""
    activation = active_measures(catalog, origin, day, as_known=as_known)
    kept = tuple(m for m in activation.measures if m.scope.all_products and not m.requires_claims)
    block = evaluate(
        catalog, dataclasses.replace(activation, measures=kept), _ANY_LINE, np.zeros(1)
    )
    applied = tuple(m for _, m in sorted(measures_in(block, 0), key=lambda gm: gm[0]))
    total = float(sum(block.duty[g][0] * block.share[g][0] for g in block.chosen))
    return round(total * 100, 6), applied


def _origins(target: str) -> tuple[str, ...]:
    # the EU's goods: every member (EU measures treat them alike; a member's own measure
    # makes the members disagree, and then no sum is the EU's)
    return tuple(sorted(EU_MEMBERS)) if target == EUN else (target,)


def _match_on(
    mention: MeasureMention, catalog: Catalog, day: date, as_known: date | None
) -> CombinedMatch | None:
    found: set[tuple[float, tuple[str, ...]]] = set()
    measures: tuple[Measure, ...] = ()
    for origin in _origins(mention.target):
        total, measures = across_the_board(catalog, origin, day, as_known=as_known)
        found.add((total, tuple(m.id for m in measures)))
    if len(found) != 1 or len(measures) < 2:
        return None  # one measure alone is the single-measure linker's case
    total = next(iter(found))[0]
    if abs(total - mention.to_rate_pct) > _TOLERANCE_PCT:
        return None
    return CombinedMatch(measures, day, total)


def _later_starts(catalog: Catalog, target: str, after: date, until: date) -> Iterable[date]:
    origins = set(_origins(target))
    days = {
        m.effective_from
        for m in catalog.measures
        if m.scope.all_products
        and m.status in ENACTED_STATUSES
        and m.effective_from is not None
        and after < m.effective_from <= until
        and after <= m.published_date <= until
        and any(m.covers_origin(o) for o in origins)
    }
    return sorted(d for d in days if d is not None)


def combined_link(
    mention: MeasureMention, published: date, catalog: Catalog
) -> CombinedMatch | None:
    """The set of catalog measures whose sum is the mention's rate on all the target's goods,
    or None (see the module docstring for the days compared)."""
    if mention.imposer != "USA" or mention.target in (None, "", "USA", WLD):
        return None
    day = mention.effective_date or published
    match = _match_on(mention, catalog, day, as_known=published)
    if match is not None or mention.status not in ("agreed", "proposed"):
        return match
    horizon = published + timedelta(days=HORIZON_DAYS)
    for later in _later_starts(catalog, mention.target, published, horizon):
        match = _match_on(mention, catalog, later, as_known=horizon)
        if match is not None:
            return match
    return None
