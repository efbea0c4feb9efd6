"""Measure records: one legal action or rate change, as the catalog's data files describe it.

A measure belongs to a *stacking group* (``group``): measures of one group never add up; for a
given entry the most specific measure of the group that applies is the group's duty. Groups add
up unless an exclusion rule in ``stacking.yaml`` drops one in the presence of another.

Dates follow the entry-date convention of DESIGN.md: ``effective_from`` is the first entry date
covered (a measure "effective 12:01 a.m. ET on 5 April" covers goods entered on or after
5 April) and ``effective_to`` the first entry date *not* covered (exclusive), or None when open.
``published_date`` is when the measure became law in public (signature or publication of the
order, whichever the sources give first); an ``as_known`` query sees only measures published on
or before its date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

from tariffscope.regime.scope import ProductScope

__all__ = [
    "ENACTED_STATUSES",
    "Authority",
    "Basis",
    "Measure",
    "Rule",
    "Status",
    "target_specificity",
]

Authority = Literal["IEEPA", "232", "301", "122", "201", "statute", "news"]
Rule = Literal["additional", "replace", "inclusive_floor", "exemption", "suspension", "quota"]
Status = Literal[
    "in_force", "superseded", "struck_down", "expired", "threatened", "proposed", "scenario"
]
Basis = Literal["full_value", "metal_content", "non_us_content"]

AUTHORITIES: tuple[str, ...] = get_args(Authority)
RULES: tuple[str, ...] = get_args(Rule)
STATUSES: tuple[str, ...] = get_args(Status)

# Statuses of measures that were law at some time; threatened and proposed measures enter a
# resolution only through a scenario.
ENACTED_STATUSES: frozenset[str] = frozenset(
    {"in_force", "superseded", "struck_down", "expired", "scenario"}
)


@dataclass(frozen=True)
class Measure:
    """One record of the measure catalog.

    ``rate`` is a fraction (0.25 for 25%). For ``inclusive_floor`` it is the target total
    including the base (MFN) rate; the duty added is ``max(0, rate - base)``. Exemption and
    suspension measures carry no rate; they switch off the groups in ``exempts_groups`` (or
    the measures in ``exempts_measures``) for their targets, products and dates.
    """

    id: str
    title: str
    authority: str
    instrument: str
    citation: str
    sources: tuple[str, ...]
    announced_date: date | None
    published_date: date
    effective_from: date | None
    effective_to: date | None
    targets: frozenset[str]
    members: frozenset[str]
    group: str
    rule: str
    status: str
    rate: float | None = None
    except_targets: frozenset[str] = frozenset()
    scope: ProductScope = field(
        default_factory=lambda: ProductScope.build(all_products=True), compare=False
    )
    supersedes: tuple[str, ...] = ()
    end_set_by: str | None = None
    exempts_groups: tuple[str, ...] = ()
    exempts_measures: tuple[str, ...] = ()
    requires_claims: tuple[str, ...] = ()
    unless_claims: tuple[str, ...] = ()
    basis: str = "full_value"
    priority: int = 0
    notes: str = ""
    warning: str = ""
    source_row: str = ""

    @property
    def is_switch(self) -> bool:
        """True for exemptions and suspensions, which remove duties instead of adding one."""
        return self.rule in ("exemption", "suspension")

    @property
    def rate_pct(self) -> float | None:
        return None if self.rate is None else round(self.rate * 100, 6)

    def covers_origin(self, origin: str) -> bool:
        """Whether goods of ``origin`` (ISO3) fall under the measure's targets."""
        if origin in self.except_targets:
            return False
        return "WLD" in self.members or origin in self.members

    def in_effect(self, entry_date: date, effective_to: date | None) -> bool:
        """Whether ``entry_date`` lies in [effective_from, effective_to)."""
        if self.effective_from is None or entry_date < self.effective_from:
            return False
        return effective_to is None or entry_date < effective_to

    def known_on(self, as_known: date | None) -> bool:
        """Whether the measure was published on or before ``as_known`` (None: known now)."""
        return as_known is None or self.published_date <= as_known


def target_specificity(targets: frozenset[str]) -> int:
    """Rank of a target set: all countries 0, several countries or the EU 1, one country 2."""
    if "WLD" in targets:
        return 0
    if len(targets) == 1 and "EUN" not in targets:
        return 2
    return 1
