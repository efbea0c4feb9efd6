"""When an event may have happened: a window of days implied by one story.

An exact date gives a window of that day, widened by :data:`DAY_TOLERANCE` on each side (a
meeting in Tokyo on Friday morning is Thursday evening in Washington, and outlets date it
either way). A month gives the month. With no date, the window comes from the story's
publication date, the words that dated the event ("last week", "earlier this month") and its
status: a past event without any date words is taken to lie within :data:`UNDATED_PAST_DAYS`
days before publication, a planned one within :data:`UNDATED_FUTURE_DAYS` days after. A
weekday or month name without a resolvable date ("on Tuesday" in a story of unknown date)
restricts the days to that weekday or month. Two reports can describe one event only when
their windows intersect.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from tariffscope.domain.news import Event

__all__ = [
    "DAY_TOLERANCE",
    "UNDATED_FUTURE_DAYS",
    "UNDATED_PAST_DAYS",
    "DateWindow",
    "event_window",
]

DAY_TOLERANCE = 1
"""Days added on each side of an exact date (time zones, overnight meetings)."""
UNDATED_PAST_DAYS = 31
"""How far before publication an undated past event is looked for."""
UNDATED_FUTURE_DAYS = 120
"""How far after publication an undated planned event is looked for."""

_ALL_DAYS = frozenset(range(7))
_ALL_MONTHS = frozenset(range(1, 13))
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WORDS = re.compile(r"[a-z]+")
_MAX_SCAN = 400


@dataclass(frozen=True, slots=True)
class DateWindow:
    """Days from ``lo`` to ``hi`` (inclusive; None = open) on the given weekdays and months."""

    lo: dt.date | None = None
    hi: dt.date | None = None
    weekdays: frozenset[int] = _ALL_DAYS
    months: frozenset[int] = _ALL_MONTHS

    @property
    def bounded(self) -> bool:
        """True when both ends are known."""
        return self.lo is not None and self.hi is not None

    @property
    def width(self) -> int | None:
        """Number of days in the range (None when open)."""
        if self.lo is None or self.hi is None:
            return None
        return (self.hi - self.lo).days + 1

    def _ok(self, day: dt.date) -> bool:
        return day.weekday() in self.weekdays and day.month in self.months

    def days(self) -> list[dt.date]:
        """The admissible days of a bounded window of at most 400 days (else empty)."""
        width = self.width
        if width is None or width <= 0 or width > _MAX_SCAN or self.lo is None:
            return []
        return [d for k in range(width) if self._ok(d := self.lo + dt.timedelta(days=k))]

    def is_empty(self) -> bool:
        """True when no day satisfies the window."""
        if not self.weekdays or not self.months:
            return True
        if self.lo is not None and self.hi is not None:
            if self.hi < self.lo:
                return True
            if self.weekdays == _ALL_DAYS and self.months == _ALL_MONTHS:
                return False
            if (self.hi - self.lo).days < _MAX_SCAN:
                return not self.days()
        return False

    def intersect(self, other: DateWindow) -> DateWindow:
        """The days admissible in both windows (may be empty: check :meth:`is_empty`)."""
        lo = max((d for d in (self.lo, other.lo) if d is not None), default=None)
        hi = min((d for d in (self.hi, other.hi) if d is not None), default=None)
        return DateWindow(lo, hi, self.weekdays & other.weekdays, self.months & other.months)

    def single_day(self) -> dt.date | None:
        """The only admissible day, if there is exactly one."""
        days = self.days()
        return days[0] if len(days) == 1 else None


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _relative(words: list[str], published: dt.date) -> tuple[dt.date, dt.date] | None:
    text = " ".join(words)
    week = dt.timedelta(days=7)
    if "last week" in text or "past week" in text:
        return published - 2 * week, published
    if "next week" in text or "coming week" in text:
        return published, published + 2 * week
    if "coming weeks" in text or "next few weeks" in text:
        return published, published + 9 * week
    if "this week" in text:
        return published - week, published + week
    if "last month" in text or "past month" in text:
        return _month_range(*_shift_month(published, -1))
    if "next month" in text:
        return _month_range(*_shift_month(published, 1))
    if "this month" in text:
        return _month_range(published.year, published.month)
    if "last year" in text:
        return dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31)
    if "next year" in text:
        return dt.date(published.year + 1, 1, 1), dt.date(published.year + 1, 12, 31)
    if "this year" in text:
        return dt.date(published.year, 1, 1), dt.date(published.year, 12, 31)
    return None


def event_window(
    event: Event, published: dt.date | None, tolerance: int = DAY_TOLERANCE
) -> DateWindow:
    """The days on which ``event`` (as one story reports it) may have taken place.

    Parameters
    ----------
    event
        The event record.
    published
        The story's publication date, or None.
    tolerance
        Days added on each side of an exact date.
    """
    pad = dt.timedelta(days=tolerance)
    if event.date is not None:
        if event.date_precision != "month":
            return DateWindow(event.date - pad, event.date + pad)
        first, last = _month_range(event.date.year, event.date.month)
        lo, hi = first, last
        if published is not None and event.status == "happened":
            hi = min(hi, published + pad)  # a story reports only what happened before it
        elif published is not None and event.status == "planned":
            lo = max(lo, published - pad)
        return DateWindow(lo, hi) if lo <= hi else DateWindow(first, last)
    words = _WORDS.findall((event.date_text or "").lower())
    weekdays = frozenset(_WEEKDAYS[w] for w in words if w in _WEEKDAYS)
    months = frozenset(_MONTHS[w] for w in words if w in _MONTHS)
    if len(weekdays) != 1:
        weekdays = _ALL_DAYS
    else:  # the weekday may be the other side's day (see DAY_TOLERANCE)
        (day,) = weekdays
        weekdays = frozenset((day + k) % 7 for k in range(-tolerance, tolerance + 1))
    if len(months) != 1:
        months = _ALL_MONTHS
    if published is None:
        return DateWindow(None, None, weekdays, months)
    span = _relative(words, published)
    if span is not None and event.status == "happened":
        span = (span[0], min(span[1], published + pad))
    elif span is not None and event.status == "planned":
        span = (max(span[0], published - pad), span[1])
    if span is None:
        past = published - dt.timedelta(days=UNDATED_PAST_DAYS)
        future = published + dt.timedelta(days=UNDATED_FUTURE_DAYS)
        if event.status == "happened":
            span = (past, published + pad)
        elif event.status == "planned":
            span = (published - pad, future)
        else:
            span = (past, future)
    return DateWindow(span[0], span[1], weekdays, months)
