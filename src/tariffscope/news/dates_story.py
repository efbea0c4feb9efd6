"""The day a story without a publication date was written, from every date clue it gives.

Many real pages give no publication date. What they do give, strongest first:

- **a full date in the URL** (``/2025/07/22/``, ``/2025-07-22``, ``/20250722-...``,
  ``/2025/jul/22/``): the day the page was filed;
- **the dates the story tells as past or without a direction** ("met on October 3, 2025",
  "Sunday, July 13th"): the story cannot be older than the latest of them. A month and day
  without a year ("on July 22") takes its year from the URL, else the title, else the text
  (the years of its dates, else a year it states: "the 2025 deal"), and never falls after the
  end of a month the URL gives;
- **a year and month in the URL** (``/2025/07/``): the story was filed that month. With no date
  of that month told in the text, it is read as of the **last day of the month**: the law as
  it stood when the month closed, every event of the month known (the story may be up to a
  month older, and the brief says so).

A date that looks ahead ("effective from February 1", "by 2030") is never a clue: a story
announces what comes later. A year alone dates nothing (a story of 2025 could be any day of
it), and neither do weekdays or relative words ("on Tuesday", "yesterday") without a day to
count from. Pure functions; :func:`tariffscope.tracker.StoryDating` calls :func:`story_date`
with the directions the grammar gives (:mod:`tariffscope.news.dates_component`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from tariffscope.news.dates import _MONTHS, DateExpr, find_dates

__all__ = ["DateClue", "StoryDateBasis", "story_date", "text_year", "url_date", "url_year"]

StoryDateBasis = Literal["url", "stated", "url_month"]

_Y = r"(?P<y>20\d\d)"
_MM = r"(?P<m>0?[1-9]|1[0-2])"
_DD = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_MON = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_END = r"(?=[/_.?#&=-]|$)"
_URL_DAY = (
    re.compile(rf"(?<![\d]){_Y}[/-]{_MM}[/-]{_DD}{_END}"),
    re.compile(rf"(?<![\d]){_Y}/{_MON}/{_DD}{_END}", re.I),
    re.compile(rf"(?<![\d]){_Y}(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01]){_END}"),
)
_URL_MONTH = (
    re.compile(rf"/{_Y}[/-]{_MM}{_END}"),
    re.compile(rf"/{_Y}/{_MON}{_END}", re.I),
)
_URL_YEAR = re.compile(rf"/{_Y}(?=/)")
_BARE_YEAR = re.compile(
    r"(?<![\d$€£.,/-])\b(20\d\d)\b(?![-/]?\d|%|\s+(?:target|goal|deadline|plan))"
)
_AHEAD = re.compile(r"\b(?:by|until|till|through|before|to|in|for)\s+$", re.I)


@dataclass(frozen=True, slots=True)
class DateClue:
    """The day a story is read as of, and what in the story gave it.

    ``basis``: ``url`` (a full date in the URL), ``stated`` (the latest date the text tells as
    past), ``url_month`` (the last day of the URL's month). ``detail`` says it in words
    ("July 22, with the year 2025 from its URL").
    """

    day: dt.date
    basis: StoryDateBasis
    detail: str

    @property
    def full(self) -> bool:
        """Whether the day is written out in full where it was found (day, month and year)."""
        return self.basis == "url" or (
            self.basis == "stated" and "with the year" not in self.detail
        )


def _where(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + ("?" + parts.query if parts.query else "")


def _month_number(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("mon"):
        return _MONTHS[groups["mon"].lower()[:3]]
    return int(groups["m"])


def url_date(url: str | None) -> tuple[dt.date, Literal["day", "month"]] | None:
    """The day (or the month, as its first day) a URL's path gives, if any."""
    if not url:
        return None
    where = _where(url)
    for pattern in _URL_DAY:
        for match in pattern.finditer(where):
            try:
                return dt.date(int(match["y"]), _month_number(match), int(match["d"])), "day"
            except ValueError:
                continue
    for pattern in _URL_MONTH:
        match = pattern.search(where)
        if match:
            return dt.date(int(match["y"]), _month_number(match), 1), "month"
    return None


def url_year(url: str | None) -> int | None:
    """The year a URL's path gives (in a date, a month or a ``/2025/`` folder), if any."""
    found = url_date(url)
    if found is not None:
        return found[0].year
    match = _URL_YEAR.search(_where(url)) if url else None
    return int(match[1]) if match else None


def _stated_years(text: str) -> list[int]:
    """Years a text states on their own ("the 2025 deal"), not those it looks ahead to
    ("by 2030", "until 2028")."""
    return [
        int(m[1])
        for m in _BARE_YEAR.finditer(text)
        if not _AHEAD.search(text[max(0, m.start() - 12) : m.start()])
    ]


def text_year(exprs: Sequence[tuple[DateExpr, int]], text: str) -> int | None:
    """The year a text dates itself by: the latest year of its dates told as past or without
    a direction, else of any of its dates, else the latest year it states on its own."""
    for wanted in (lambda way: way <= 0, lambda way: True):
        years = [e.year for e, way in exprs if e.year is not None and wanted(way)]
        if years:
            return max(years)
    years = _stated_years(text)
    return max(years) if years else None


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _year_source(
    url: str | None, title: str | None, exprs: Sequence[tuple[DateExpr, int]], text: str
) -> tuple[int, str] | None:
    year = url_year(url)
    if year is not None:
        return year, "its URL"
    if title:
        years = [e.year for e in find_dates(title) if e.year is not None] + _stated_years(title)
        if years:
            return max(years), "its title"
    year = text_year(exprs, text)
    return None if year is None else (year, "its text")


def _past_days(
    exprs: Sequence[tuple[DateExpr, int, str]],
    year: tuple[int, str] | None,
    ceiling: dt.date | None,
) -> list[tuple[dt.date, str]]:
    """Every day the story tells as past or without a direction, with how it reads."""
    out: list[tuple[dt.date, str]] = []
    for expr, way, where in exprs:
        if expr.kind != "absolute" or way > 0 or not expr.month or not expr.day:
            continue
        said = f'"{expr.text.strip()}" in {where}'
        if expr.year is not None:
            if _valid(expr.year, expr.month, expr.day):
                out.append((dt.date(expr.year, expr.month, expr.day), said))
            continue
        if year is None:
            continue
        for candidate in (year[0], year[0] - 1):  # a day after the URL's month is the year before
            if _valid(candidate, expr.month, expr.day):
                day = dt.date(candidate, expr.month, expr.day)
                if ceiling is None or day <= ceiling:
                    out.append((day, f"{said}, with the year {day.year} from {year[1]}"))
                    break
    return out


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def story_date(
    exprs: Sequence[tuple[DateExpr, int]],
    *,
    text: str,
    url: str | None = None,
    title: str | None = None,
) -> DateClue | None:
    """The day an undated story is read as of, from its clues (see the module docstring).

    Parameters
    ----------
    exprs
        The date expressions of the body with the direction the grammar gives each (-1 past,
        0 none, +1 ahead).
    text, url, title
        The body (for the years it states), the page's URL and its title (whose dates count
        as told without a direction).

    Returns
    -------
    DateClue or None
        None when the story gives no day: no full date, no month and day with a year to put
        on it, no date or month in its URL.
    """
    in_url = url_date(url)
    ceiling = _month_end(in_url[0]) if in_url and in_url[1] == "month" else None
    year = _year_source(url, title, exprs, text)
    everything = [
        *((e, way, "its text") for e, way in exprs),
        *((e, 0, "its title") for e in (find_dates(title) if title else ())),
    ]
    days = _past_days(everything, year, ceiling)
    latest = max(days, key=lambda item: item[0]) if days else None
    if in_url is not None and in_url[1] == "day" and (latest is None or latest[0] <= in_url[0]):
        return DateClue(in_url[0], "url", f"the date in its URL ({in_url[0].isoformat()})")
    if in_url is not None and in_url[1] == "month":
        month = in_url[0]
        if latest is None or latest[0] < month:
            return DateClue(
                _month_end(month),
                "url_month",
                f"the last day of the month its URL gives ({month:%Y-%m}); the story may be "
                "up to a month older",
            )
    if latest is None:
        return None
    day, how = latest
    return DateClue(day, "stated", how)
