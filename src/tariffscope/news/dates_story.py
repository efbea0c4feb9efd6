"""The day a story without a publication date was written, from every date clue it gives.

Many real pages give no publication date. What they do give, strongest first:

- **a full date in the URL** (``/2025/07/22/``, ``/2025-07-22``, ``/20250722-...``,
  ``/2025/jul/22/``): the day the page was filed;
- **the dates the story tells as past or without a direction** ("met on October 3, 2025",
  "Sunday, July 13th"): the story cannot be older than the latest of them. A month and day
  without a year ("on July 22") takes its year from the URL, else the title, else the text
  (the years of its dates, else a year it states: "the 2025 deal", but not the year of a
  figure told once that year was over: "the 2025 trade deficit"), and never falls after the
  end of a month the URL gives;
  A month and day with its weekday ("Wednesday, July 30", "Friday (20 February)") and no
  year from those sources take the latest year, not after today, in which that day falls on
  that weekday; a numeric date whose day and month cannot be confused ("19/5/2025",
  "2025/05/19") counts as a full date;
- **a year and month in the URL** (``/2025/07/``): the story was filed that month. With no date
  of that month told in the text, it is read as of the **last day of the month**: the law as
  it stood when the month closed, every event of the month known (the story may be up to a
  month older, and the brief says so).

A date that looks ahead ("effective from February 1", "by 2030") is never a clue that the story
is as late as that date: a story announces what comes later. But a story that tells no day as
past was written before the days it looks ahead to (the day before the earliest of them). With
no day at all, **months** date it the same way, more coarsely: the last day of the latest month
it tells as past ("in July", "last October", "in March 2025"; the year from the URL, title or
text, else the latest that puts the month's end on or before the caller's horizon, one year for
all the yearless dates told as past: when one cannot fall in the horizon's year, none does), else
the day before the earliest month it tells as ahead. A month of another year ("April last year",
"April next year") dates nothing, and a day told without a direction that the story tells
elsewhere as ahead, and nowhere as past, is ahead (a verbless subheading repeating a deadline).
A year alone dates nothing (a story of 2025 could be any day of it), and neither do weekdays or
relative words ("on Tuesday", "yesterday") without a day to count from.

A story with none of these clues is dated, when the caller passes the law it reports
(``law``), by the measures it reports matched to the catalog's dated actions
(:mod:`tariffscope.news.dates_catalog`, basis ``catalog``), else as of the last day the catalog
covers (basis ``horizon``); a year the story gives moves either into that year. Pure functions;
:func:`tariffscope.tracker.StoryDating` calls :func:`story_date` with the directions the
grammar gives (:mod:`tariffscope.news.dates_component`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from tariffscope.news._syntax import caption_spans
from tariffscope.news.dates import _MONTHS, DateExpr, find_dates
from tariffscope.news.dates_catalog import (
    CatalogAction,
    ReportedMeasure,
    catalog_bounds,
    catalog_day,
    horizon_day,
)
from tariffscope.news.lexicon import default_lexicon

__all__ = [
    "BARE_YEAR_SOURCE",
    "WEEKDAY_YEARS",
    "DateClue",
    "LawClues",
    "StoryDateBasis",
    "numeric_dates",
    "story_date",
    "text_year",
    "url_date",
    "url_year",
    "wants_law",
    "weekday_year",
]

StoryDateBasis = Literal["url", "stated", "url_month", "ahead", "month", "catalog", "horizon"]

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
    # a year and month closing a folder's name ("/nachrichten-2025-07/"): not one in a longer
    # slug ("/top-10-2025-12-picks"), where the digits may be anything, nor a year that ends
    # a date written month or day first ("/8-2-2025-1/": the "1" counts the day's pages)
    re.compile(rf"(?<!\d)[-_]{_Y}-{_MM}(?=/)"),
    re.compile(rf"/{_Y}/{_MON}{_END}", re.I),
)
_URL_YEAR = re.compile(rf"/{_Y}(?=/)")
#: A page's reading time glued to the date before it ("5/6/20252 min read"): the text of a
#: page's header lines joined without a space.
_READING_TIME = r"\d{1,2}[ \t]*min(?:ute)?s?[ \t]+read\b"
_NUMERIC_DMY = re.compile(
    rf"(?<![\d/.-])(\d{{1,2}})([/.-])(\d{{1,2}})\2(20\d\d)(?:(?![\d/.-])|(?={_READING_TIME}))",
    re.I,
)
_NUMERIC_YMD = re.compile(r"(?<![\d/.])(20\d\d)/(\d{1,2})/(\d{1,2})(?![\d/.])")
_WEEKDAY_BEFORE = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[^.;:\n]{0,20}$"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: How many years back a weekday-pinned day is looked for.
WEEKDAY_YEARS = 12
_BARE_YEAR = re.compile(
    r"(?<![\d$€£.,/-])\b(20\d\d)\b(?![-/]?\d|%|\s+(?:target|goal|deadline|plan))"
)
_AHEAD = re.compile(r"\b(?:by|until|till|through|before|to|in|for)\s+$", re.I)
#: The (up to two) lower-case words right after a year: the noun it may qualify.
_FOLLOWING_WORDS = re.compile(r"(?:\s+[a-z][a-z-]*){1,2}")
#: The kinds of date expression that name a month: a yearless one is on the story's time line.
_YEARLESS_KINDS = frozenset({"absolute", "month"})
#: The weakest year source: a year the text states in a sentence that names no month.
BARE_YEAR_SOURCE = "its text (a year it states in a sentence that names no month)"


@dataclass(frozen=True, slots=True)
class DateClue:
    """The day a story is read as of, and what in the story gave it.

    ``basis``: ``url`` (a full date in the URL), ``stated`` (the latest date the text tells as
    past), ``url_month`` (the last day of the URL's month), ``ahead`` (the day before the
    earliest date the story tells as ahead, when it tells none as past), ``month`` (a month it
    names), ``catalog`` (the dated law it reports), ``horizon`` (the last day the catalog
    covers, or of the year the story gives). ``detail`` says it in words
    ("July 22, with the year 2025 from its URL"); ``year_from`` names the clue that gave the
    year of its yearless dates ("its URL", "the law it reports", ...; empty when none did).
    """

    day: dt.date
    basis: StoryDateBasis
    detail: str
    year_from: str = ""

    @property
    def full(self) -> bool:
        """Whether the day is written out in full where it was found (day, month and year)."""
        return self.basis == "url" or (
            self.basis == "stated" and "with the year" not in self.detail
        )


@dataclass(frozen=True, slots=True)
class LawClues:
    """The measures a story reports and the catalog's dated actions on the partners they
    name (built by the caller: this module reads no catalog)."""

    reported: tuple[ReportedMeasure, ...]
    actions: tuple[CatalogAction, ...]


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
        found = pattern.search(where)
        if found:
            return dt.date(int(found["y"]), _month_number(found), 1), "month"
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


def text_year(
    exprs: Sequence[tuple[DateExpr, int]],
    text: str,
    *,
    bare: Literal["any", "dated", "none"] = "any",
) -> int | None:
    """The year a text dates itself by: the latest year of its dates told as past or without
    a direction, else the earliest year of the dates it tells as ahead (a story is written
    before what it looks ahead to: "a vote on March 3, 2026", "valid until March 2028"), else
    the latest year it states on its own (``bare``: ``any`` such year, only those in a
    sentence that also names a month, ``dated``, or ``none``)."""
    years = [e.year for e, way in exprs if e.year is not None and way <= 0]
    if years:
        return max(years)
    years = [e.year for e, way in exprs if e.year is not None]
    if years:
        return min(years)
    if bare == "none":
        return None
    months = [e.start for e, _ in exprs if e.month]
    found = [
        y
        for y, at in _stated_year_spans(text)
        if not _figure_year(text, at)
        and not _period_told_over(text, at)
        and (bare == "any" or _same_sentence(text, at, months))
    ]
    return max(found) if found else None


def _figure_year(text: str, at: int) -> bool:
    """The year at ``at`` qualifies a figure measured over it ("the 2025 trade deficit", "its
    2024 exports", words ``time_period_figure_nouns``): a figure is told once its year is
    over, so that year is not the story's time line and gives no year to its yearless dates
    ("on 24 February, ... the 2025 trade deficit"). A year of a thing done in it stays one
    ("the 2023 agreement")."""
    words = _FOLLOWING_WORDS.match(text, at + 4)
    if words is None:
        return False
    figures = default_lexicon().words("time_period_figure_nouns")
    return any(w.lower() in figures for w in words[0].split())


#: A year named as the stretch a state lasted ("throughout 2024 and 2025", "during 2025"),
#: the years coordinated before it included.
_PERIOD_YEAR = re.compile(
    r"\b(?:throughout|during|across|over)\s+(?:(?:both|all of)\s+)?"
    r"(?:20\d\d\s*(?:,|and|or|-|–)\s*)*$",
    re.I,
)
#: A past perfect ("had shaped", "had been"): what it tells was over before the story's past.
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+|not\s+)?[a-z]+(?:ed|en|wn|t)\b", re.I)


def _period_told_over(text: str, at: int) -> bool:
    """The year at ``at`` is a stretch that a past perfect tells as over ("a question that
    had shaped trade policy throughout 2024 and 2025"): over before what the story tells as
    past, so not the story's year, and no year for its yearless dates."""
    begin = max(text.rfind(stop, 0, at) for stop in (". ", "\n", "? ", "! ")) + 1
    before = text[begin:at]
    return _PERIOD_YEAR.search(before) is not None and _PAST_PERFECT.search(before) is not None


def _stated_year_spans(text: str) -> list[tuple[int, int]]:
    """:func:`_stated_years` with where each year stands."""
    return [
        (int(m[1]), m.start())
        for m in _BARE_YEAR.finditer(text)
        if not _AHEAD.search(text[max(0, m.start() - 12) : m.start()])
    ]


def _same_sentence(text: str, at: int, starts: Sequence[int]) -> bool:
    """Whether one of ``starts`` lies in the sentence of the character ``at``."""
    begin = max(text.rfind(stop, 0, at) for stop in (". ", "\n", "? ", "! ")) + 1
    ends = [i for i in (text.find(stop, at) for stop in (". ", "\n", "? ", "! ")) if i >= 0]
    end = min(ends) if ends else len(text)
    return any(begin <= start < end for start in starts)


def numeric_dates(
    text: str,
    *,
    latest: dt.date | None = None,
    months: frozenset[int] = frozenset(),
    day_first: bool | None = None,
) -> list[tuple[dt.date, str]]:
    """Numeric dates whose day and month can be told apart: "19/5/2025" (a day above 12),
    "2025/05/19" (year first), "5/5/2025" (both readings agree), "06-06-2025" (glued to a
    byline as well). Where both readings are days ("10-02-2026"), the story's other clues
    choose, first that decides: a weekday written just before it; ``latest`` (the latest
    day a story can have: a reading after it is not the story's); ``months`` (the months the
    story tells: the one reading in one of them); ``day_first`` (the convention of the
    country the page's domain names, None when it names none). Else it is left out: a
    guess could be months off."""
    out: list[tuple[dt.date, str]] = []
    for match in _NUMERIC_YMD.finditer(text):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        if _valid(year, month, day):
            out.append((dt.date(year, month, day), match[0]))
    for match in _NUMERIC_DMY.finditer(text):
        a, b, year = int(match[1]), int(match[3]), int(match[4])
        readings = {
            dt.date(year, month, day) for day, month in ((a, b), (b, a)) if _valid(year, month, day)
        }
        weekday = _WEEKDAY_BEFORE.search(text[max(0, match.start() - 30) : match.start()])
        day_first_reading = None if day_first is None else _ordered(a, b, year, day_first)
        chosen = _choose_reading(
            readings,
            weekday=None if weekday is None else _WEEKDAYS.index(weekday[1].lower()),
            latest=latest,
            months=months,
            convention=day_first_reading,
        )
        if chosen is not None:
            out.append((chosen, match[0]))
    return out


def _choose_reading(
    readings: set[dt.date],
    *,
    weekday: int | None,
    latest: dt.date | None,
    months: frozenset[int],
    convention: dt.date | None,
) -> dt.date | None:
    """The one reading of a numeric date the clues leave, each clue in turn narrowing them
    (a clue that would leave none is passed over); None when two remain."""
    tests = (
        lambda d: weekday is not None and d.weekday() == weekday,
        lambda d: latest is not None and d <= latest,
        lambda d: d.month in months,
        lambda d: d == convention,
    )
    for keep in tests:
        if len(readings) == 1:
            break
        readings = {d for d in readings if keep(d)} or readings
    return next(iter(readings)) if len(readings) == 1 else None


def _ordered(a: int, b: int, year: int, day_first: bool) -> dt.date | None:
    day, month = (a, b) if day_first else (b, a)
    return dt.date(year, month, day) if _valid(year, month, day) else None


def day_first_domain(url: str | None, conventions: dict[str, frozenset[str]]) -> bool | None:
    """Whether the country a URL's domain names writes the day first (``time_day_first_tlds``)
    or the month first (``time_month_first_tlds``); None for a domain naming no country
    (".com") or one in neither list."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if tld in conventions["day_first"]:
        return True
    if tld in conventions["month_first"]:
        return False
    return None


def weekday_year(
    month: int, day: int, weekday: int, today: dt.date, *, first_year: int | None = None
) -> int | None:
    """The latest year, not after ``today`` nor before ``first_year`` (else looked for over
    :data:`WEEKDAY_YEARS` years), in which ``month``/``day`` falls on ``weekday`` (0 Monday)."""
    last = first_year if first_year is not None else today.year - WEEKDAY_YEARS + 1
    for year in range(today.year, last - 1, -1):
        if _valid(year, month, day):
            candidate = dt.date(year, month, day)
            if candidate <= today and candidate.weekday() == weekday:
                return year
    return None


def _weekday_of(expr: DateExpr, text: str) -> int | None:
    """The weekday written with a month and day: "Wednesday, July 30" (one expression) or
    "Friday morning (20 February)" (the weekday just before, in the same clause)."""
    head = expr.text.split(maxsplit=1)[0].strip(",").lower()
    if head in _WEEKDAYS:
        return _WEEKDAYS.index(head)
    match = _WEEKDAY_BEFORE.search(text[max(0, expr.start - 30) : expr.start])
    return None if match is None else _WEEKDAYS.index(match[1].lower())


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _year_source(
    url: str | None,
    title: str | None,
    exprs: Sequence[tuple[DateExpr, int]],
    text: str,
    *,
    pinned: tuple[int, str] | None = None,
    law: tuple[dt.date, str] | None = None,
) -> tuple[int, str] | None:
    """The year the story's yearless dates are read in, strongest clue first: its URL, its
    title, the years of the dates its text writes with their year (or a year alone in a
    sentence that also names a month), a month and day pinned by their weekday, the law it
    reports (``law``), and last a year its text states in a sentence with no month ("the 2022
    crisis", "the 2026 review": often the year of something else)."""
    year = url_year(url)
    if year is not None:
        return year, "its URL"
    if title:
        years = [e.year for e in find_dates(title) if e.year is not None] + _stated_years(title)
        if years:
            return max(years), "its title"
    year = text_year(exprs, text, bare="dated")
    if year is not None:
        return year, "its text"
    if pinned is not None:
        return pinned
    if law is not None:
        return law[0].year, "the law it reports"
    year = text_year(exprs, text, bare="any")
    return None if year is None else (year, BARE_YEAR_SOURCE)


def _pinned_year(
    exprs: Sequence[tuple[DateExpr, int, str]],
    texts: dict[str, str],
    today: dt.date | None,
    first_year: int | None,
) -> tuple[int, str] | None:
    """The latest year a month and day written with their weekday ("Friday, August 1") name,
    not after ``today`` nor before ``first_year`` (None: no year is pinned)."""
    if today is None:
        return None
    found: list[tuple[int, str]] = []
    for expr, _, where in exprs:
        if expr.kind != "absolute" or expr.year is not None or not expr.month or not expr.day:
            continue
        weekday = _weekday_of(expr, texts[where])
        if weekday is None:
            continue
        year = weekday_year(expr.month, expr.day, weekday, today, first_year=first_year)
        if year is not None:
            found.append(
                (year, f'the weekday of "{expr.text.strip()}" ({_WEEKDAYS[weekday].title()})')
            )
    return max(found) if found else None


def _past_days(
    exprs: Sequence[tuple[DateExpr, int, str]],
    year: tuple[int, str] | None,
    ceiling: dt.date | None,
    texts: dict[str, str],
    today: dt.date | None,
    horizon: dt.date | None = None,
    first_year: int | None = None,
    day_first: bool | None = None,
    high: dt.date | None = None,
) -> list[tuple[dt.date, str]]:
    """Every day the story tells as past or without a direction, with how it reads (a
    yearless one before ``high``, the earliest date it tells as ahead: :func:`_time_line`)."""
    out: list[tuple[dt.date, str]] = []
    months = frozenset(e.month for e, way, _ in exprs if e.month and way <= 0)
    for where, text in texts.items():
        out += [
            (day, f'"{said}" in {where}')
            for day, said in numeric_dates(text, latest=today, months=months, day_first=day_first)
        ]
    glossed = _glossed_days(exprs, texts)
    for expr, way, where in exprs:
        if expr.kind != "absolute" or way > 0 or not expr.month or not expr.day:
            continue
        told = len(out)
        _past_day(expr, where, exprs, year, ceiling, texts, today, horizon, first_year, high, out)
        shift = glossed.get((where, expr.start), 0)
        if shift:  # "yesterday (20 November)": the story is a day after the date it states
            out[told:] = [
                (day + dt.timedelta(days=shift), f"{how}, told as {_SHIFTED[shift]}")
                for day, how in out[told:]
            ]
    return out


#: How a story's day stands to a date it glosses a relative day with.
_SHIFTED = {1: "yesterday, a day before the story", -1: "tomorrow, a day after the story"}

#: What may stand between a relative day and the date that glosses it: "yesterday (20
#: November)", "yesterday, November 20,", "yesterday – on 20 November".
_GLOSS = re.compile(r"[ \t]*(?:\(|,|\u2013|\u2014|-)[ \t]*(?:on[ \t]+)?")


def _glossed_days(
    exprs: Sequence[tuple[DateExpr, int, str]], texts: dict[str, str]
) -> dict[tuple[str, int], int]:
    """The dates that gloss "yesterday" or "tomorrow" right before them, each with the days
    from it to the story's own day (keyed by where it is and its start): an explicit date in
    brackets names the relative day, not the day of the story."""
    out: dict[tuple[str, int], int] = {}
    for rel, _, where in exprs:
        if rel.kind != "relative" or rel.offset_days not in (-1, 1) or " " in rel.text.strip():
            continue
        for expr, _, at in exprs:
            if at != where or expr.kind != "absolute" or expr.start < rel.end:
                continue
            gap = texts[where][rel.end : expr.start]
            if _GLOSS.fullmatch(gap):
                out[(where, expr.start)] = -rel.offset_days
    return out


def _past_day(
    expr: DateExpr,
    where: str,
    exprs: Sequence[tuple[DateExpr, int, str]],
    year: tuple[int, str] | None,
    ceiling: dt.date | None,
    texts: dict[str, str],
    today: dt.date | None,
    horizon: dt.date | None,
    first_year: int | None,
    high: dt.date | None,
    out: list[tuple[dt.date, str]],
) -> None:
    """The day a date told as past or without a direction reads as (:func:`_past_days`),
    appended to ``out``."""
    if not expr.month or not expr.day:
        return
    said = f'"{expr.text.strip()}" in {where}'
    if expr.year is not None:
        if _valid(expr.year, expr.month, expr.day):
            out.append((dt.date(expr.year, expr.month, expr.day), said))
        return
    weekday = _weekday_of(expr, texts[where])
    if _weaker_than_weekday(year) and weekday is not None and today is not None:
        pinned = weekday_year(expr.month, expr.day, weekday, today, first_year=first_year)
        if pinned is not None:
            day = dt.date(pinned, expr.month, expr.day)
            out.append(
                (
                    day,
                    f"{said}, with the year {pinned}, when it is a " + _WEEKDAYS[weekday].title(),
                )
            )
            return
    if year is None:
        if horizon is not None:
            out += [(_before(day, high), how) for day, how in _horizon_day(expr, said, horizon)]
        return
    floor = _dated_floor(exprs) if year[1] == "its text" else None
    if floor is not None:  # the year of the dated past nearest to it
        options = [
            dt.date(y, expr.month, expr.day)
            for y in (floor.year - 1, floor.year, floor.year + 1)
            if _valid(y, expr.month, expr.day)
        ]
        day = _before(min(options, key=lambda d: abs((d - floor).days)), high)
        out.append((day, f"{said}, with the year {day.year} from {year[1]}"))
        return
    for candidate in (year[0], year[0] - 1):  # a day after the URL's month is the year before
        if _valid(candidate, expr.month, expr.day):
            day = _before(dt.date(candidate, expr.month, expr.day), high)
            if ceiling is None or day <= ceiling:
                out.append((day, f"{said}, with the year {day.year} from {year[1]}"))
                return


def _weaker_than_weekday(year: tuple[int, str] | None) -> bool:
    """Whether a month and day written with their weekday name their own year rather than take
    the story's (:func:`_year_source`: the weekday comes before the law and a bare year)."""
    return (
        year is None
        or year[1] in {"the law it reports", BARE_YEAR_SOURCE}
        or (year[1].startswith("the weekday of"))
    )


def _dated_floor(exprs: Sequence[tuple[DateExpr, int, str]]) -> dt.date | None:
    """The latest day or month written with its year that the text tells as past or without
    a direction (a month as its first day): the story is no older. A month and day without a
    year then takes the year that puts it nearest that floor, before or after it ("in November
    2025 ... signed on Feb. 5": the February after, not the one nine months before)."""
    return max(_dated_days(exprs, ahead=False), default=None)


def _dated_ceiling(exprs: Sequence[tuple[DateExpr, int, str]]) -> dt.date | None:
    """The earliest day or month (its first day) written with its year that the story tells
    as ahead: the story is older, and so is every date it tells as past."""
    return min(_dated_days(exprs, ahead=True), default=None)


def _dated_days(exprs: Sequence[tuple[DateExpr, int, str]], *, ahead: bool) -> list[dt.date]:
    """The days and months (their first days) written with their year the story tells as
    ahead (``ahead``), else those its text tells as past or without a direction."""
    return [
        dt.date(e.year, e.month, e.day or 1)
        for e, way, where in exprs
        if (way > 0 if ahead else way <= 0 and where == "its text")
        and e.year is not None
        and e.month
        and e.kind in {"absolute", "month"}
        and _valid(e.year, e.month, e.day or 1)
    ]


def _past_month_floor(exprs: Sequence[tuple[DateExpr, int, str]]) -> dt.date | None:
    """The first day of the latest month written with its year that the story tells as past
    ("since early August 2025"): the story is no older, as for a full date told as past."""
    days = [
        dt.date(e.year, e.month, 1)
        for e, way, _ in exprs
        if way < 0 and e.year is not None and e.month and e.kind == "month"
    ]
    return max(days) if days else None


def _after(day: dt.date, low: dt.date | None) -> dt.date:
    """A yearless date told as ahead, in the next year when its year puts it before ``low``
    (a date the story tells as past with its year: "July 2025 ... set to begin Feb. 1")."""
    if low is None or day >= low or not _valid(day.year + 1, day.month, day.day):
        return day
    return day.replace(year=day.year + 1)


def _before(day: dt.date, high: dt.date | None) -> dt.date:
    """A yearless date told as past, in the year before when its year puts it on or after
    ``high`` (the earliest date the story tells as ahead)."""
    if high is None or day < high or not _valid(day.year - 1, day.month, day.day):
        return day
    return day.replace(year=day.year - 1)


def _time_line(
    exprs: Sequence[tuple[DateExpr, int, str]],
    year: tuple[int, str] | None,
    horizon: dt.date | None,
) -> tuple[dt.date | None, dt.date | None]:
    """The bounds the story's own time line puts on the year of a yearless date: ``low``, the
    latest date or month written with its year it tells as past or without a direction (a
    yearless date told as ahead is after it), and ``high``, the earliest it tells as ahead (a
    yearless date told as past is before it). With no year anywhere (each yearless date in the
    latest year the horizon allows), the yearless dates told as ahead bound ``high`` too: "set
    to expire in November ... in April" is the April before that November."""
    low = _dated_floor(exprs)
    high = _dated_ceiling(exprs)
    if year is None and horizon is not None:
        firsts = [
            dt.date(found[0], e.month, e.day or 1)
            for e, way, _ in exprs
            if way > 0
            and e.year is None
            and e.month
            and e.kind in {"absolute", "month"}
            and (found := _month_year(e, None, horizon)) is not None
            and _valid(found[0], e.month, e.day or 1)
        ]
        high = min([*firsts, *([high] if high else [])], default=None)
    return low, high


def _line_horizon(
    body: Sequence[tuple[DateExpr, int, str]], year: tuple[int, str] | None, horizon: dt.date | None
) -> dt.date | None:
    """The day the story's yearless dates are read on or before when no clue gives their
    year: ``horizon``, but the end of the year before it when one of the months or days the
    story tells as past or without a direction would fall after ``horizon`` in its year (one
    time line, one year: "agreed in May ... In October, talks continued" is not May of one
    year and October of the year before)."""
    if year is not None or horizon is None:
        return horizon
    for expr, way, _ in body:
        if way > 0 or expr.year is not None or not expr.month or expr.kind not in _YEARLESS_KINDS:
            continue
        if not _valid(horizon.year, expr.month, expr.day or 1):
            continue
        first = dt.date(horizon.year, expr.month, expr.day or 1)
        if (first if expr.day else _month_end(first)) > horizon:
            return dt.date(horizon.year - 1, 12, 31)
    return horizon


def _horizon_day(expr: DateExpr, said: str, horizon: dt.date) -> list[tuple[dt.date, str]]:
    """A month and day no clue gives a year: the latest year that puts it on or before
    ``horizon`` (the last day the caller's knowledge covers), said so."""
    assert expr.month is not None and expr.day is not None
    for candidate in (horizon.year, horizon.year - 1, horizon.year - 4):  # 29 Feb: a leap year
        if _valid(candidate, expr.month, expr.day):
            day = dt.date(candidate, expr.month, expr.day)
            if day <= horizon:
                return [
                    (
                        day,
                        f"{said}, with the year {candidate}: the story states no year, and "
                        f"{candidate} is the latest that puts the day on or before "
                        f"{horizon.isoformat()}",
                    )
                ]
    return []


def _before_ahead(
    exprs: Sequence[tuple[DateExpr, int, str]],
    year: tuple[int, str] | None,
    horizon: dt.date | None,
    low: dt.date | None = None,
) -> DateClue | None:
    """The day before the earliest date the story tells as ahead ("from February 1"): a story
    that tells no date as past was written before the dates it looks ahead to (a yearless one
    after ``low``, the latest it tells as past with its year: :func:`_time_line`)."""
    ahead: list[tuple[dt.date, str]] = []
    for expr, way, where in exprs:
        if expr.kind != "absolute" or way <= 0 or not expr.month or not expr.day:
            continue
        said = f'"{expr.text.strip()}" in {where}'
        if expr.year is not None and _valid(expr.year, expr.month, expr.day):
            ahead.append((dt.date(expr.year, expr.month, expr.day), said))
        elif year is not None and _valid(year[0], expr.month, expr.day):
            day = _after(dt.date(year[0], expr.month, expr.day), low)
            moved = (
                f" (not {year[0]}: it is after {low}, told as past)" if day.year != year[0] else ""
            )
            ahead.append((day, f"{said}, with the year {day.year}{moved} from {year[1]}"))
        elif year is None and horizon is not None:
            ahead += [(_after(day, low), how) for day, how in _horizon_day(expr, said, horizon)]
    if not ahead:
        return None
    day, how = min(ahead, key=lambda item: item[0])
    return DateClue(
        day - dt.timedelta(days=1),
        "ahead",
        f"the day before {how}, the earliest date it tells as ahead (it tells none as past)",
    )


def _month_year(
    expr: DateExpr, year: tuple[int, str] | None, horizon: dt.date | None
) -> tuple[int, str] | None:
    """The year a month with no day is read in: its own, else the story's, else the latest
    that ends the month on or before ``horizon``."""
    assert expr.month is not None
    if expr.year is not None:
        return expr.year, "its own year"
    if year is not None:
        return year[0], f"the year from {year[1]}"
    if horizon is None:
        return None
    for candidate in (horizon.year, horizon.year - 1):
        if _month_end(dt.date(candidate, expr.month, 1)) <= horizon:
            return candidate, (
                f"the story states no year; the latest that ends the month on or before "
                f"{horizon.isoformat()}"
            )
    return None


def _latest_month_before(month: int, reference: dt.date, *, strict: bool) -> tuple[int, str]:
    """The year of the latest ``month`` before the month of ``reference`` ("last August"),
    or not after it (``strict`` False: "this past August", "earlier in August")."""
    candidate = reference.year
    if month > reference.month or (strict and month == reference.month):
        candidate -= 1
    return candidate, f"the latest such month before {reference.isoformat()}"


def _ahead_month(first: dt.date, expr: DateExpr, low: dt.date | None) -> dt.date:
    """The first day of a month told as ahead, a yearless one ending after ``low``."""
    if expr.year is not None:
        return first
    return _after(_month_end(first), low).replace(day=1)


def _month_clue(
    exprs: Sequence[tuple[DateExpr, int, str]],
    year: tuple[int, str] | None,
    horizon: dt.date | None,
    reference: dt.date | None = None,
    bounds: tuple[dt.date | None, dt.date | None] = (None, None),
) -> DateClue | None:
    """A story that gives no day but names months: the last day of the latest month it tells
    as past or without a direction, else the day before the earliest month it tells as ahead.
    A month said as before the story ("last August", "this past August") is past whatever the
    grammar says, in the latest year that puts it before ``reference`` (the latest day the
    story can have)."""
    past: list[tuple[dt.date, str]] = []
    ahead: list[tuple[dt.date, str]] = []
    for expr, way, where in exprs:
        if expr.kind != "month" or not expr.month:
            continue
        before = expr.modifier in {"last", "earlier"}
        if before:
            way = -1
        if before and expr.year is None and reference is not None:
            found: tuple[int, str] | None = _latest_month_before(
                expr.month, reference, strict=expr.modifier == "last"
            )
        else:
            found = _month_year(expr, year, horizon)
        if found is None:
            continue
        first = dt.date(found[0], expr.month, 1)
        if expr.year is None and not before:  # the story's time line (:func:`_time_line`)
            first = _ahead_month(first, expr, bounds[0]) if way > 0 else _before(first, bounds[1])
        said = f'"{expr.text.strip()}" in {where}, in {first.year} ({found[1]})'
        (ahead if way > 0 else past).append((first, said))
    if past:
        first, how = max(past, key=lambda item: item[0])
        return DateClue(
            _month_end(first),
            "month",
            f"the last day of the latest month it tells as past, {how}; it states no day, "
            "so the story may be up to a month older",
        )
    if ahead:
        first, how = min(ahead, key=lambda item: item[0])
        return DateClue(
            first - dt.timedelta(days=1),
            "month",
            f"the day before the earliest month it tells as ahead, {how}; it states no day "
            "and no month as past",
        )
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _dated(clue: DateClue | None, year: tuple[int, str] | None) -> DateClue | None:
    if clue is None or year is None:
        return clue
    return DateClue(clue.day, clue.basis, clue.detail, year[1])


def wants_law(clue: DateClue | None) -> bool:
    """Whether the law a story reports could date it better than its own clues did: no clue
    gave the year of its yearless dates, or only a year stated in a sentence with no month."""
    return clue is None or clue.year_from in {"", BARE_YEAR_SOURCE}


def story_date(
    exprs: Sequence[tuple[DateExpr, int]],
    *,
    text: str,
    url: str | None = None,
    title: str | None = None,
    today: dt.date | None = None,
    ahead: frozenset[str] | None = None,
    horizon: dt.date | None = None,
    law: LawClues | None = None,
    law_day: tuple[dt.date, str] | None = None,
    first_year: int | None = None,
) -> DateClue | None:
    """The day an undated story is read as of, from its clues (see the module docstring).

    Parameters
    ----------
    exprs
        The date expressions of the body with the direction the grammar gives each (-1 past,
        0 none, +1 ahead).
    text, url, title
        The body (for the years it states), the page's URL and its title (whose dates count
        as told without a direction, but those after a preposition that looks ahead: "talks
        to cut tariffs before August 1").
    today
        The latest day a story can have, for a weekday-pinned year (default ``horizon``; never
        the clock: with neither, no weekday pins a year).
    ahead
        Prepositions that make a title's date look ahead (default: the lexicon's
        ``time_ahead_prepositions``).
    horizon
        When no clue gives a year, a month and day take the latest year that puts them on or
        before this day (the tracker passes the last day the measure catalog covers); None
        leaves them without a year.
    law
        The measures the story reports and the catalog's dated actions: a story with no
        other clue is dated by them, else as of ``horizon`` (bases ``catalog`` and
        ``horizon``). None leaves such a story undated.
    law_day
        The same clue already computed (:func:`tariffscope.news.dates_catalog.catalog_day`
        on the law the story reports: the reader's second reading of an undated story).
    first_year
        The earliest year a weekday can pin (the first year the catalog covers).

    Returns
    -------
    DateClue or None
        None when the story gives no day and no month (no full date, no month and day with
        a year to put on it, no month it names, no date or month in its URL) and ``law`` is
        None, or matches nothing and ``horizon`` is None.
    """
    ahead_words = ahead if ahead is not None else default_lexicon().words("time_ahead_prepositions")
    # a photo caption dates its picture ("A file view taken on February 5, 2024 shows ...
    # / AFP"), not the story: its dates and years are no clue
    captions = caption_spans(text)
    if captions:
        exprs = [(e, way) for e, way in exprs if not any(a <= e.start < b for a, b in captions)]
        for a, b in captions:
            text = text[:a] + " " * (b - a) + text[b:]
    exprs = _same_day_ahead(_without_other_years(exprs, text))
    in_url = url_date(url)
    ceiling = _month_end(in_url[0]) if in_url and in_url[1] == "month" else None
    if law_day is None and law is not None:
        law_day = catalog_day(law.reported, law.actions)
    # a title's day the text tells as ahead (and nowhere as past) is ahead too: "Tariffs Take
    # Effect Oct. 14" over "will take effect Oct. 14"
    titled = [
        (e, 1 if e.preposition in ahead_words else 0) for e in (find_dates(title) if title else ())
    ]
    titled = _same_day_ahead([*exprs, *titled])[len(exprs) :]
    everything = [
        *((e, way, "its text") for e, way in exprs),
        *((e, way, "its title") for e, way in titled),
    ]
    texts = {"its text": text, **({"its title": title} if title else {})}
    latest_day = today or horizon
    pinned = _pinned_year(everything, texts, latest_day, first_year)
    year = _year_source(url, title, exprs, text, pinned=pinned, law=law_day)
    # in the year its clues give, no story is later than that year's end: what "last August"
    # is read before (with the latest day a story can have). Not the year of the law it
    # reports: a story is no older than that law, but may be of any later year ("the deal
    # first reached last July", told of a rate announced in July 2025, is of 2026 or later)
    if year is not None and year[1] not in {"its URL", "the law it reports"}:
        year_end = dt.date(year[0], 12, 31)
        ceiling = min(ceiling, year_end) if ceiling is not None else year_end
    day_first = day_first_domain(url, _tld_conventions())
    head_end = _headline_at(text, title)
    body = [item for item in everything if item[2] != "its text" or item[0].start >= head_end]
    body_texts = {**texts, "its text": " " * head_end + text[head_end:]}
    line = _line_horizon(body, year, horizon)
    bounds = _time_line(body, year, line)
    days = _past_days(
        body, year, ceiling, body_texts, latest_day, line, first_year, day_first, bounds[1]
    )
    masthead = _masthead(everything, text[:head_end], days, latest_day, day_first)
    if masthead is not None and masthead[1]:
        days.append(masthead[0])
    latest = max(days, key=lambda item: item[0]) if days else None
    clue = _story_clue(
        everything,
        body,
        latest,
        in_url,
        year,
        line,
        law,
        law_day,
        latest_day,
        ceiling,
        bounds,
        horizon,
    )
    clue = _extension_start(_no_older_than_month(clue, body), text, body, bounds[0])
    if clue is not None and masthead is not None and clue.day > masthead[0][0]:
        day, how = masthead[0]
        clue = DateClue(day, "stated", f"{how}, the date at the top of the page")
    return clue


#: A year told relative to the story's own ("April last year", "in March of next year"): the
#: month or day before it is not in the story's year, so it dates nothing.
_OTHER_YEAR = re.compile(r"(?:last|next|past|coming)[ \t]+year", re.I)
_OTHER_YEAR_LINK = re.compile(r"[ \t]*(?:,[ \t]*)?(?:of[ \t]+)?")


def _without_other_years(
    exprs: Sequence[tuple[DateExpr, int]], text: str
) -> list[tuple[DateExpr, int]]:
    """The expressions less a yearless month or day that a relative year qualifies ("since
    Liberation Day in April last year", "production starting April next year"): the month of
    another year than the story's tells nothing of the story's month."""
    dropped: set[int] = set()
    for k in range(len(exprs) - 1):
        expr, after = exprs[k][0], exprs[k + 1][0]
        if (
            expr.year is None
            and expr.kind in _YEARLESS_KINDS
            and after.kind == "relative"
            and _OTHER_YEAR.fullmatch(after.text.strip())
            and _OTHER_YEAR_LINK.fullmatch(text[expr.end : after.start])
        ):
            dropped.add(k)
    return [item for k, item in enumerate(exprs) if k not in dropped]


def _same_day_ahead(exprs: Sequence[tuple[DateExpr, int]]) -> list[tuple[DateExpr, int]]:
    """A day told without a direction that the story tells elsewhere as ahead, and nowhere as
    past, is ahead: a verbless subheading ("Tariffs fully in place April 13") repeats the day
    the text looks ahead to ("will be fully in place by April 13")."""

    def key(expr: DateExpr) -> tuple[int, int] | None:
        if expr.kind != "absolute" or not expr.month or not expr.day:
            return None
        return expr.month, expr.day

    ahead = {key(e) for e, way in exprs if way > 0} - {key(e) for e, way in exprs if way < 0}
    ahead.discard(None)
    return [(e, 1 if way == 0 and key(e) in ahead else way) for e, way in exprs]


#: A date above a page's headline is the page's (its masthead: the day it was shown) rather
#: than the story's when the story's own latest day is this many days older or more.
MASTHEAD_GAP_DAYS = 31


def _tld_conventions() -> dict[str, frozenset[str]]:
    lexicon = default_lexicon()
    return {
        "day_first": lexicon.words("time_day_first_tlds"),
        "month_first": lexicon.words("time_month_first_tlds"),
    }


def _headline_at(text: str, title: str | None) -> int:
    """Where the line that repeats the title starts in the body (0 when none does): what
    stands above it is the page's head (masthead, menus), not the story."""
    if not title:
        return 0
    key = " ".join(title.lower().split())[:40]
    if len(key) < 12:
        return 0
    at = 0
    for line in text.splitlines(keepends=True)[:HEAD_LINES]:
        if " ".join(line.lower().split()).startswith(key):
            return at
        at += len(line)
    return 0


#: How many lines of a page's body can stand above its headline (masthead, menus, crumbs);
#: a title repeated further down (a "related stories" block) is not the headline.
HEAD_LINES = 12


def _masthead(
    everything: Sequence[tuple[DateExpr, int, str]],
    head: str,
    days: Sequence[tuple[dt.date, str]],
    today: dt.date | None,
    day_first: bool | None,
) -> tuple[tuple[dt.date, str], bool] | None:
    """The latest full date above the headline, and whether it is the story's day: it is,
    unless the story's own latest day is :data:`MASTHEAD_GAP_DAYS` or more older (a site's
    masthead shows the day the page was seen; it then bounds the story's day from above)."""
    if not head.strip():
        return None
    found = [
        (dt.date(e.year, e.month, e.day), f'"{e.text.strip()}" in its text')
        for e, way, where in everything
        if where == "its text"
        and e.start < len(head)
        and e.kind == "absolute"
        and way <= 0
        and e.year is not None
        and e.month
        and e.day
        and _valid(e.year, e.month, e.day)
    ]
    found += [
        (day, f'"{said}" in its text')
        for day, said in numeric_dates(head, latest=today, day_first=day_first)
    ]
    if not found:
        return None
    top = max(found, key=lambda item: item[0])
    own = max((day for day, _ in days), default=None)
    return top, own is None or (top[0] - own).days < MASTHEAD_GAP_DAYS


def _story_clue(
    everything: Sequence[tuple[DateExpr, int, str]],
    body: Sequence[tuple[DateExpr, int, str]],
    latest: tuple[dt.date, str] | None,
    in_url: tuple[dt.date, Literal["day", "month"]] | None,
    year: tuple[int, str] | None,
    horizon: dt.date | None,
    law: LawClues | None,
    law_day: tuple[dt.date, str] | None,
    today: dt.date | None,
    ceiling: dt.date | None,
    bounds: tuple[dt.date | None, dt.date | None] = (None, None),
    law_horizon: dt.date | None = None,
) -> DateClue | None:
    if in_url is not None and in_url[1] == "day" and (latest is None or latest[0] <= in_url[0]):
        return _dated(
            DateClue(in_url[0], "url", f"the date in its URL ({in_url[0].isoformat()})"), year
        )
    if in_url is not None and in_url[1] == "month":
        month = in_url[0]
        before = _before_dated_ahead(month, latest, bounds[1])
        if before is not None:
            return _dated(before, year)
        if latest is None or latest[0] < month:
            return _dated(
                DateClue(
                    _month_end(month),
                    "url_month",
                    f"the last day of the month its URL gives ({month:%Y-%m}); the story may "
                    "be up to a month older",
                ),
                year,
            )
    if latest is None:
        reference = min((d for d in (today, ceiling) if d is not None), default=None)
        month_clue = _month_clue(body, year, horizon, reference, bounds)
        return _dated(
            _before_ahead(body, year, horizon, bounds[0])
            or _no_earlier_than_law(
                month_clue, law, _first_ahead_month(body, year, horizon, bounds[0])
            )
            or _law_clue(law, law_day, year, law_horizon),
            year,
        )
    day, how = latest
    clue = DateClue(day, "stated", how)
    if year is not None and year[1] == "the law it reports":
        # a day told without a year, put in the year of the law the story reports, is no
        # older than that law: "reached on July 22" in a story on the order of September
        # that implements it
        ahead = _first_ahead_month(body, year, horizon, bounds[0])
        clue = _no_earlier_than_law(clue, law, ahead) or clue
    return _dated(clue, year)


#: A period added to one that runs: "extend the truce for another 90 days", "a further
#: 30-day pause" (the new period starts about the day the story tells it).
_EXTENSION = re.compile(
    r"\b(?:for\s+)?(?:another|a\s+further|an\s+additional)\s+(\d{1,3})[\s-](day|week)s?\b",
    re.I,
)
#: Prepositions of a date a period runs to ("the pause runs until 10 November").
_PERIOD_END = frozenset({"until", "till", "through", "to"})


def _extension_start(
    clue: DateClue | None,
    text: str,
    exprs: Sequence[tuple[DateExpr, int, str]],
    low: dt.date | None,
) -> DateClue | None:
    """A story dated the day before a date it tells as ahead, where that date ends a period
    it tells as added ("extend the truce for another 90 days ... the pause until 10
    November"): the added period starts about the story's day, so the story is that many
    days before the date (not the day before it). Only one such period in the story, ending
    at a date after ``until``, ``through`` or ``to``, and starting after ``low`` (the latest
    day it tells as past)."""
    if clue is None or clue.basis != "ahead":
        return clue
    end = clue.day + dt.timedelta(days=1)
    if not any(
        e.kind == "absolute"
        and (e.month, e.day) == (end.month, end.day)
        and (e.preposition or "").lower() in _PERIOD_END
        for e, way, _ in exprs
        if way > 0
    ):
        return clue
    periods = {(int(n), unit.lower()) for n, unit in _EXTENSION.findall(text)}
    if len(periods) != 1:
        return clue
    ((n, unit),) = periods
    start = end - dt.timedelta(days=n * (7 if unit == "week" else 1))
    if start >= clue.day or (low is not None and start < low):
        return clue
    return DateClue(
        start,
        "ahead",
        f"{n} {unit}s before {end.isoformat()}: the story tells a period added ('another "
        f"{n} {unit}s') that runs to that date, from about the story's day ({clue.detail})",
        clue.year_from,
    )


def _before_dated_ahead(
    month: dt.date, latest: tuple[dt.date, str] | None, high: dt.date | None
) -> DateClue | None:
    """A story whose URL gives a month but that tells a date written with its year as ahead
    ("will charge 25 percent starting on August 1, 2025") on or before that month's end was
    written before that date: as of the day before it when it falls after the month's first
    day, else (the URL's month is later than the story: a page filed again) as of the latest
    day it tells as past, else the day before the date ahead. None when no such date."""
    if high is None or high > _month_end(month) or (latest is not None and latest[0] >= high):
        return None
    said = f"the day before {high.isoformat()}, the earliest date with its year it tells as ahead"
    if high > month:
        return DateClue(
            high - dt.timedelta(days=1),
            "url_month",
            f"{said}, in the month its URL gives ({month:%Y-%m})",
        )
    if latest is not None:
        day, how = latest
        return DateClue(
            day, "stated", f"{how}: its URL's month ({month:%Y-%m}) is after {high.isoformat()}"
        )
    return DateClue(
        high - dt.timedelta(days=1),
        "ahead",
        f"{said}: its URL's month ({month:%Y-%m}) is after it",
    )


def _no_older_than_month(
    clue: DateClue | None, exprs: Sequence[tuple[DateExpr, int, str]]
) -> DateClue | None:
    """A story is no older than the first day of the latest month (with its year) it tells as
    past, as for a full date: "Since early August 2025, ..." lifts a story its yearless "April
    2" dated. Not a day its URL gives (the day it was filed) nor the catalog's horizon."""
    floor = _past_month_floor(exprs)
    if clue is None or floor is None or clue.day >= floor or clue.basis in {"url", "horizon"}:
        return clue
    return DateClue(
        floor,
        clue.basis,
        f"the first day of the latest month it tells as past with its year ({floor:%Y-%m}), "
        f"later than {clue.day.isoformat()}, {clue.detail}",
        clue.year_from,
    )


def _first_ahead_month(
    exprs: Sequence[tuple[DateExpr, int, str]],
    year: tuple[int, str] | None,
    horizon: dt.date | None,
    low: dt.date | None = None,
) -> dt.date | None:
    """The first day of the earliest month the story tells as ahead ("talks resume in June"),
    if any: the story was written before it."""
    firsts = []
    for expr, way, _ in exprs:
        if expr.kind != "month" or not expr.month or way <= 0:
            continue
        found = _month_year(expr, year, horizon)
        if found is not None:
            firsts.append(_ahead_month(dt.date(found[0], expr.month, 1), expr, low))
    return min(firsts, default=None)


#: How far ahead a month told without a year can lie from the story's day: the latest year
#: that puts it after the story, so at most a year.
_AHEAD_SPAN = dt.timedelta(days=366)


def _no_earlier_than_law(
    clue: DateClue | None, law: LawClues | None, before: dt.date | None = None
) -> DateClue | None:
    """A month clue moved to the earliest day the law the story reports allows: a story is
    no older than the measures it reports as announced or in force ("imposed in early April
    ... the deal announced" dated by the deal, not by April). Not when that day is on or
    after ``before``, a month the story tells as ahead: the story was written before it, so
    the measure matched is not the one it reports. That month is no bar when the law is more
    than a year after it: told without a year, it took the year of an old date the story
    recalls ("Agoa, approved by Congress in May 2000, ... the forum is still happening in
    July"), since a story reporting a rate in force is not older than that rate."""
    if clue is None or law is None:
        return clue
    low, _ = catalog_bounds(law.reported, law.actions)
    if low is None or low.day <= clue.day:
        return clue
    if before is not None and before <= low.day <= before + _AHEAD_SPAN:
        return clue
    return DateClue(
        low.day,
        "catalog",
        f"the earliest day consistent with the law it reports ({low.how}); it is later than "
        f"{clue.day.isoformat()}, {clue.detail}",
    )


def _law_clue(
    law: LawClues | None,
    law_day: tuple[dt.date, str] | None,
    year: tuple[int, str] | None,
    horizon: dt.date | None,
) -> DateClue | None:
    """The last bases: the dated law the story reports, else (when the caller gives the law's
    actions) the catalog's horizon. The reader, which passes only ``law_day``, leaves a story
    the law does not date undated."""
    if law is None and law_day is None:
        return None
    stated, source = year if year is not None and year[1] != "the law it reports" else (None, "")
    found = (
        catalog_day(law.reported, law.actions, year=stated, year_from=source)
        if law is not None
        else law_day
    )
    if found is not None:
        return DateClue(found[0], "catalog", found[1])
    if law is None or horizon is None:
        return None
    day, how = horizon_day(horizon, year=stated, year_from=source)
    return DateClue(day, "horizon", how)
