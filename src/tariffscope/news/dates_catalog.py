"""The day a story that states no date is read as of, from the law it reports.

A story may give no day, no month and no date in its URL ("Trump said he would look at the
10% levies on whisky"), yet the measures it reports are dated in the law: a 10% duty on all
British goods in force exists from 5 April 2025, not before. The caller (the tracker) passes
the story's reported measures and the dated actions of the measure catalog for the partners
they name, as plain records; this module matches them and keeps no catalog of its own.

A reported measure matches an action on the same partner whose rate is the reported rate (to
0.05 points), on the same goods: a rate on all goods needs an action on all products; named
goods need an action of a stacking group those goods belong to, or an action on all products
(the 10% on whisky is the 10% on every British good), except on every origin's goods, where a
named sector's rate is that sector's duty, not a rate on every good from everywhere ("15% on
medicines entering American markets" is no across-the-board surcharge); goods the caller could
not place match any action. A 0% on named goods is a duty removed: it matches the partner's own
exemptions (the caller gives them as 0% actions: "the United States is to eliminate the
reciprocal tariffs on certain natural resources" is the framework's exemption), not a sector's
rate of 0% (a quota's duty-free share). What each match says about the story's day:

- in force: the story is no older than the day the action took effect;
- agreed, proposed or suspended: no older than the day the action was announced;
- threatened: older than the day the action takes effect (a threat is made before it is
  carried out; its announcement may predate the catalog's record, so it bounds nothing below).
  A threatened change from a rate that is the partner's own action ("15%, a modest cut from
  the 17% announced in April", the 17% Israel's own) is a change of the partner's own rates:
  its new rate is the partner's own action where one fits, not a later action on every
  origin at that rate.

A reported measure with several matching actions bounds the story by the weakest of them (the
earliest day for a lower bound, the latest for an upper one). The story is read as of the
latest lower bound: the earliest day consistent with every measure it reports as announced or
in force; when it reports only threats, the day before the earliest effective date they bound.
A year the story gives (URL, title, text) moves that day into the year when the bounds allow.

Last resort (:func:`horizon_clue`): the last day the catalog covers, or the last day of the
year the story gives when that is earlier. Pure functions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["CatalogAction", "ReportedMeasure", "catalog_bounds", "catalog_day", "horizon_day"]

_RATE_TOLERANCE_PCT = 0.05
#: the code of a measure on every origin's goods (``tariffscope.domain.countries``)
_EVERY_ORIGIN = "WLD"
_BELOW = frozenset({"in_force", "agreed", "proposed", "suspended"})


@dataclass(frozen=True, slots=True)
class ReportedMeasure:
    """A measure as a story reports it: on whom, at what rate, on which goods, in what state.

    ``goods``: ``all`` (every good of the partner), ``specific`` (named goods, with the
    catalog ``groups`` they can belong to) or ``some`` (goods the caller could not place).
    """

    target: str
    rate_pct: float
    status: str
    goods: str
    groups: frozenset[str] = frozenset()
    said: str = ""
    from_pct: float | None = None


@dataclass(frozen=True, slots=True)
class CatalogAction:
    """A dated action of the measure catalog on one partner's goods.

    ``effective`` and ``until`` bound the days it applies (``until`` exclusive, None when open);
    ``enacted`` is False for a threat the catalog records; ``own`` is False for an action on
    every origin or on a schedule of many countries (not the partner's own rate); ``removal``
    is True for an exemption (a 0% on the goods it relieves); ``label`` names it in the
    warning.
    """

    partner: str
    rate_pct: float
    announced: dt.date
    effective: dt.date | None
    until: dt.date | None
    all_products: bool
    group: str
    enacted: bool
    label: str
    own: bool = False
    removal: bool = False


def _matches(reported: ReportedMeasure, action: CatalogAction) -> bool:
    if action.partner != reported.target:
        return False
    if abs(action.rate_pct - reported.rate_pct) > _RATE_TOLERANCE_PCT:
        return False
    if reported.status == "in_force" and (not action.enacted or action.effective is None):
        return False
    if reported.rate_pct == 0 and not (action.removal or action.all_products):
        return False  # a duty removed is an exemption, not a sector's quota at 0%
    if reported.goods == "all":
        return action.all_products
    if reported.goods == "specific" and reported.groups:
        if reported.target == _EVERY_ORIGIN:
            return action.group in reported.groups  # a sector's duty on every origin
        return action.all_products or action.group in reported.groups
    return True


def _own_change(
    measure: ReportedMeasure, found: list[CatalogAction], actions: Sequence[CatalogAction]
) -> list[CatalogAction]:
    """The actions a threatened change of the partner's own rate can be: its own ones, when
    the rate it changes from is an own action of the partner (see the module)."""
    if measure.from_pct is None or not any(a.own for a in found):
        return found
    before = dataclasses.replace(measure, rate_pct=measure.from_pct, status="proposed")
    if not any(a.own and _matches(before, a) for a in actions):
        return found
    return [a for a in found if a.own]


def _lower(reported: ReportedMeasure, action: CatalogAction) -> dt.date | None:
    if reported.status == "in_force":
        return action.effective
    return action.announced if reported.status in _BELOW else None


@dataclass(frozen=True, slots=True)
class _Bound:
    day: dt.date
    how: str


def catalog_bounds(
    reported: Sequence[ReportedMeasure], actions: Sequence[CatalogAction]
) -> tuple[_Bound | None, _Bound | None]:
    """The earliest and latest day the story can have, from the measures it reports (None
    where nothing bounds it): see the module docstring."""
    lows: list[_Bound] = []
    highs: list[_Bound] = []
    for measure in reported:
        found = [a for a in actions if _matches(measure, a)]
        if not found:
            continue
        what = f"{measure.said or f'{measure.rate_pct:g}% on {measure.target}'} ({measure.status})"
        if measure.status == "threatened":
            found = _own_change(measure, found, actions)
            ends = [a for a in found if a.effective is not None]
            if ends:
                action = max(ends, key=lambda a: a.effective or dt.date.min)
                assert action.effective is not None
                highs.append(
                    _Bound(
                        action.effective - dt.timedelta(days=1),
                        f"{what} is before {action.label} took effect "
                        f"({action.effective.isoformat()})",
                    )
                )
            continue
        days = [(day, a) for a in found if (day := _lower(measure, a)) is not None]
        if days:
            day, action = min(days, key=lambda item: item[0])
            verb = "took effect" if measure.status == "in_force" else "was announced"
            lows.append(_Bound(day, f"{what} is {action.label}, which {verb} on {day.isoformat()}"))
    low = max(lows, key=lambda b: b.day) if lows else None
    high = min(highs, key=lambda b: b.day) if highs else None
    return low, high


def catalog_day(
    reported: Sequence[ReportedMeasure],
    actions: Sequence[CatalogAction],
    *,
    year: int | None = None,
    year_from: str = "",
) -> tuple[dt.date, str] | None:
    """The day the story is read as of from the law it reports, and how (None when no
    reported measure matches a dated action)."""
    low, high = catalog_bounds(reported, actions)
    if low is None and high is None:
        return None
    if low is not None:
        day, how = low.day, f"the earliest day consistent with the law it reports: {low.how}"
        if high is not None and high.day < low.day:
            how += f" (it also reports a threat dated earlier: {high.how})"
    else:
        assert high is not None
        day, how = high.day, f"the day before a threat it reports takes effect: {high.how}"
    if year is not None and day.year != year:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        floor = low.day if low is not None else dt.date.min
        ceiling = high.day if high is not None else dt.date.max
        if max(first, floor) <= min(last, ceiling):
            day = max(first, floor) if low is not None else min(last, ceiling)
            how += f"; moved into {year}, the year from {year_from}"
    return day, how


def horizon_day(
    horizon: dt.date, *, year: int | None = None, year_from: str = ""
) -> tuple[dt.date, str]:
    """The last resort: the last day the catalog covers, or the last day of the year the
    story gives when that is earlier."""
    if year is not None and year < horizon.year:
        return dt.date(year, 12, 31), (
            f"the last day of {year}, the year from {year_from}: the story states no day, no "
            "month and no measure the catalog dates, so it may be up to a year older"
        )
    return horizon, (
        f"the last day the tariff catalog covers ({horizon.isoformat()}): the story states no "
        "day, no month and no measure the catalog dates, so it may be much older"
    )
