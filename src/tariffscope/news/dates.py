"""Date expressions in news text: finding them and resolving them against the publication date.

:func:`find_dates` finds absolute dates ("Aug. 1", "July 13th", "6th Aug, 2025",
"January 16th, 2026", "2025-07-18"), months ("in June", "by March", "September 2025"),
weekdays ("on Friday", "earlier Sunday", "Friday's deadline") and relative words ("today",
"yesterday", "this evening", "earlier this month", "last week"). :func:`resolve` turns one
into a calendar date, given

- the *anchor*, the publication date (None when unknown);
- a *reference year* for texts without an anchor (the latest year of a full date in the text
  or the URL), used only for month-and-day dates and months, and a *floor* (the latest full
  date the text tells as past: the story is not older) that puts dates which look ahead on
  or after it;
- the *direction* the grammar gives: -1 when the governing verb is past ("met ... on Friday"
  is the last Friday, or the same day when published on a Friday), +1 when it looks ahead
  ("will attend ... on Saturday", "from Thursday", "Friday's deadline"), 0 when unknown.

Rules (pure functions, no I/O):

- weekday: past -> ``anchor - ((anchor.weekday() - w) mod 7)`` days; ahead ->
  ``anchor + ((w - anchor.weekday()) mod 7)``; "last"/"next" skip the same day; unknown
  direction counts as past, the usual case in news.
- month-and-day without a year, and a month alone: the candidate in the anchor's year, the
  year before or the year after that lies nearest the anchor ("last"/"next" force the side;
  for a month other than the anchor's, so does a past tense: "had imposed ... in August").
- weeks ("last week", "in the coming weeks") and years give no date (precision below a month).

All regexes are linear: no nested quantifiers, so time grows with the length of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

__all__ = [
    "DateExpr",
    "DateKind",
    "Precision",
    "counted_day",
    "find_dates",
    "pinned_year",
    "publication_floor",
    "reference_year",
    "resolve",
    "same_weekday",
]

DateKind = Literal["absolute", "month", "weekday", "relative"]
Precision = Literal["day", "month"]

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_M = (
    r"(?P<m>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_Y = r"(?P<y>(?:19|20)\d\d)"
_ORD = r"(?:st|nd|rd|th)?"
_WD = r"(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_ABSOLUTE = [
    re.compile(rf"\b{_M}[ \t]+(?P<d>\d{{1,2}}){_ORD}\b(?:,?[ \t]+{_Y}(?!\d))?"),
    re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}[ \t]+(?:of[ \t]+)?{_M}(?:,?[ \t]+{_Y}(?!\d))?"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    # a page's dateline with the weekday between the day and the month: "13th Saturday,
    # September 2025" (the ordinal and the year are required: a bare "13 Saturday" is not one)
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)[ \t]+{_WD},?[ \t]+{_M},?[ \t]+{_Y}(?!\d)"),
]
_MONTH_YEAR = re.compile(rf"\b{_M},?[ \t]+{_Y}\b")
_MONTH_CUE = re.compile(
    r"\b(?P<cue>in|by|since|until|till|from|early|mid|late|last|this[ \t]+past|earlier[ \t]+in|"
    r"next|this|through|before|"
    r"after|of|starting|beginning|end[ \t]+of|start[ \t]+of|as[ \t]+of|"
    r"as[ \t]+(?:early|soon)[ \t]+as)[ \t-]+" + _M + r"(?!\w)",
    re.I,
)
_WEEKDAY = re.compile(
    rf"(?:\b(?P<mod>earlier|later|last|next|this|coming|past)[ \t]+)?\b{_WD}(?P<poss>['’]s)?\b"
)
_RELATIVE = re.compile(
    r"\b(?:(?P<word>today|tonight|yesterday|tomorrow)|this[ \t]+(?P<part>morning|afternoon|"
    r"evening)|(?:(?P<pre>earlier|later)[ \t]+)?(?P<which>this|last|next|past|coming)[ \t]+"
    r"(?P<unit>week|month|year)|in[ \t]+the[ \t]+(?:coming|next|past|last)[ \t]+(?:few[ \t]+)?"
    r"(?P<units>days|weeks|months))\b",
    re.I,
)
#: A day counted from the day the story told last: "the previous day", "one day earlier".
_COUNTED = re.compile(
    r"\b(?:the[ \t]+(?P<side>previous|prior|preceding|following|next)[ \t]+"
    r"(?:day|night|evening|morning)|(?:one|a)[ \t]+day[ \t]+(?P<way>earlier|later))\b",
    re.I,
)
_MONTH_EDGE = re.compile(
    r"\b(?:the[ \t]+)?(?P<edge>end|start|beginning|middle)[ \t]+of[ \t]+"
    r"(?P<which>the|this|next|last)[ \t]+month\b",
    re.I,
)
#: A second day of the same month written as a number alone: "July 26 and 28", "Dec. 9-11"
#: (not a clock time: "Aired May 08, 2025 - 11:00 ET").
_ELIDED_DAY = (
    re.compile(
        r"(?P<link>[ \t]*(?:,[ \t]*)?(?:and|&)[ \t]+)"
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?=[ \t]*(?:[,.;:)]|$)|\n)"
    ),
    re.compile(
        r"(?P<link>[ \t]*(?:-|–)[ \t]*|[ \t]+(?:to|through|until)[ \t]+)"
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?![.,:]?\d|%|[ \t]+per)"
    ),
)
_RANGE_LINK = re.compile(r"[ \t]*(?:to|through|until|till|-|–|—)[ \t]*", re.I)
_PREP_BEFORE = re.compile(
    r"(?:\b(?P<p>on|by|from|until|till|since|(?P<start>starting|beginning|effective)"
    r"(?:[ \t]+(?:on|in))?|before|after|in|through|as[ \t]+of|effective[ \t]+from|to)[ \t]+)$",
    re.I,
)
_YEAR_IN_URL = re.compile(r"/((?:19|20)\d\d)[/-](?:0?[1-9]|1[0-2])\b")
_YEAR_MONTH_IN_URL = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])\b")


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression found in text (character span and parsed parts, not yet resolved)."""

    start: int
    end: int
    text: str
    kind: DateKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset_days: int | None = None
    month_offset: int | None = None
    modifier: str | None = None
    preposition: str | None = None

    @property
    def has_year(self) -> bool:
        """True for a full date or a month with its year."""
        return self.year is not None


def _month(text: str) -> int:
    return int(text) if text.isdigit() else _MONTHS[text.lower().rstrip(".")]


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _prep(text: str, start: int) -> str | None:
    match = _PREP_BEFORE.search(text[max(0, start - 20) : start])
    if match is None:
        return None
    # "starting on January 1", "beginning in March": the start word is the date's preposition
    return (match["start"] or " ".join(match["p"].split())).lower()


def _prep_of_phrase(text: str, start: int) -> str | None:
    """The preposition before a noun phrase that may open with "the" ("by the end of July")."""
    head = text[max(0, start - 24) : start]
    if head.lower().endswith("the "):
        head = head[:-4]
    return _prep(head, len(head))


def find_dates(text: str) -> list[DateExpr]:
    """Every date expression in ``text``, in order, without overlaps (longest kind wins).

    A weekday directly followed by an absolute date ("Sunday, July 13th",
    "Thursday (October 30)") is one absolute expression.
    """
    occupied = bytearray(len(text))  # characters already in an expression: linear time
    found: list[DateExpr] = []

    def free(start: int, end: int) -> bool:
        return not any(occupied[start:end])

    def add(expr: DateExpr) -> None:
        occupied[expr.start : expr.end] = b"\x01" * (expr.end - expr.start)
        found.append(expr)

    for pattern in _ABSOLUTE:
        for m in pattern.finditer(text):
            year = int(m["y"]) if m["y"] else None
            month, day = _month(m["m"]), int(m["d"])
            if not _valid(year or 2024, month, day) or not free(m.start(), m.end()):
                continue
            add(
                DateExpr(
                    m.start(),
                    m.end(),
                    m[0],
                    "absolute",
                    year,
                    month,
                    day,
                    preposition=_prep(text, m.start()),
                )
            )
    for m in _MONTH_YEAR.finditer(text):
        if free(m.start(), m.end()):
            add(
                DateExpr(
                    m.start(),
                    m.end(),
                    m[0],
                    "month",
                    int(m["y"]),
                    _month(m["m"]),
                    preposition=_prep(text, m.start()),
                )
            )
    for m in _MONTH_CUE.finditer(text):
        start = m.start("m")
        if not m["m"][0].isupper() or not free(start, m.end()):
            continue
        cue = " ".join(m["cue"].lower().split())
        # "this past August", "earlier in August": the latest August not after the story's
        # month ("last August" is the one before it)
        cue = "earlier" if cue in {"this past", "earlier in"} else cue
        # "will visit as early as May": the month the plan names, as "in May"
        cue = "in" if cue in {"as early as", "as soon as"} else cue
        modifiers = {"last", "earlier", "next", "this", "early", "mid", "late"}
        modifier = cue if cue in modifiers else None
        prep = None if modifier else cue
        if cue in {"end of", "start of"}:  # "by the end of July": the edge of the month
            modifier, prep = cue.split()[0], _prep_of_phrase(text, m.start())
        add(
            DateExpr(
                start if modifier is None else m.start(),
                m.end(),
                text[start if modifier is None else m.start() : m.end()],
                "month",
                None,
                _month(m["m"]),
                modifier=modifier,
                preposition=prep or _prep(text, m.start()),
            )
        )
    for m in _WEEKDAY.finditer(text):
        start, end = m.start(), m.end()
        if not free(start, end):
            continue
        modifier = m["mod"].lower() if m["mod"] else None
        if m["poss"]:
            modifier = modifier or "possessive"
        add(
            DateExpr(
                start,
                end,
                m[0],
                "weekday",
                weekday=_WEEKDAYS[m["w"].lower()],
                modifier=modifier,
                preposition=_prep(text, start),
            )
        )
    for m in _MONTH_EDGE.finditer(text):
        which = m["which"].lower()
        add(
            DateExpr(
                m.start(),
                m.end(),
                m[0],
                "relative",
                month_offset={"last": -1, "next": 1}.get(which, 0),
                modifier=m["edge"].lower(),
                preposition=_prep(text, m.start()),
            )
        )
    for m in _COUNTED.finditer(text):
        if free(m.start(), m.end()):
            back = (m["side"] or m["way"]).lower() in {"previous", "prior", "preceding", "earlier"}
            add(
                DateExpr(
                    m.start(),
                    m.end(),
                    m[0],
                    "relative",
                    offset_days=-1 if back else 1,
                    modifier="counted",
                    preposition=_prep(text, m.start()),
                )
            )
    for m in _RELATIVE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        expr = _relative(m)
        if expr is not None:
            add(expr)
    found.sort(key=lambda e: e.start)
    found = _merge_weekday_absolute(text, found)
    return _ranges(text, _elided_days(text, found))


def _elided_days(text: str, found: list[DateExpr]) -> list[DateExpr]:
    """A later day of the same month written as a number alone after a month and day: "on
    July 26 and 28" (a second day, with the first's preposition) or "Dec. 9-11" (the end of
    a range, see :func:`_ranges`)."""
    out: list[DateExpr] = []
    for k, expr in enumerate(found):
        out.append(expr)
        if expr.kind != "absolute" or expr.month is None or expr.day is None:
            continue
        m = _ELIDED_DAY[0].match(text, expr.end) or _ELIDED_DAY[1].match(text, expr.end)
        if m is None or (k + 1 < len(found) and found[k + 1].start < m.end()):
            continue
        day = int(m["d"])
        if day <= expr.day or not _valid(expr.year or 2024, expr.month, day):
            continue
        joined = "and" in m["link"] or "&" in m["link"]
        dashed = m["link"].strip() in {"-", "–"}
        if not joined and expr.preposition not in (
            {"from", "between", None} if dashed else {"from", "between"}
        ):
            continue
        first = expr if joined else replace(expr, preposition=expr.preposition or "from")
        out[-1] = first
        out.append(
            DateExpr(
                m.start("d"),
                m.end("d"),
                m["d"],
                "absolute",
                expr.year,
                expr.month,
                day,
                preposition=expr.preposition if joined else "until",
                modifier="also" if joined else None,
            )
        )
    return out


def _ranges(text: str, found: list[DateExpr]) -> list[DateExpr]:
    """The second date of a range ("from July 9 to Aug. 1", "July 9-Aug. 1") closes it: its
        preposition is "until". The first day of a range of at most :data:`SPAN_DAYS` days is
        marked ``range``: the day a stay or a round of talks begins; its last day ``span_end``
    (the end of a stay, not a deadline). A range that ends on a weekday ("from Sunday (Jul 20)
    to next Saturday", "from Monday to Thursday") is such a span."""
    out = list(found)
    for k in range(1, len(out)):
        first, second = out[k - 1], out[k]
        if first.preposition not in {"from", "between"}:
            continue
        if _RANGE_LINK.fullmatch(text[first.end : second.start]) is None:
            continue
        out[k] = replace(second, preposition="until")
        weekday_end = second.kind == "weekday"  # "to next Saturday": its "next" is the range's
        if (
            first.modifier is None
            and (second.modifier is None or weekday_end)
            and _short_span(first, second)
        ):
            out[k - 1] = replace(first, modifier="range")  # the first day of a stay or talks
            out[k] = replace(second, preposition="until", modifier="span_end")
    return out


#: The longest range of days read as one event's span ("in India from Dec. 9-11").
SPAN_DAYS = 7


def _short_span(first: DateExpr, second: DateExpr) -> bool:
    if second.kind == "weekday":  # "from Sunday (Jul 20) to next Saturday": within a week
        return first.kind == "weekday" or (first.kind == "absolute" and first.day is not None)
    if first.kind != "absolute" or second.kind != "absolute" or not (first.day and second.day):
        return False
    year = first.year or 2024
    if not (
        first.month
        and second.month
        and _valid(year, first.month, first.day)
        and _valid(second.year or year, second.month, second.day)
    ):
        return False
    days = (
        dt.date(second.year or year, second.month, second.day)
        - dt.date(year, first.month, first.day)
    ).days
    return 0 < days <= SPAN_DAYS


def _relative(m: re.Match[str]) -> DateExpr | None:
    prep = None
    word = (m["word"] or "").lower()
    if word:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        return DateExpr(m.start(), m.end(), m[0], "relative", offset_days=offset)
    if m["part"]:
        return DateExpr(m.start(), m.end(), m[0], "relative", offset_days=0)
    unit = (m["unit"] or "").lower()
    which = (m["which"] or "").lower()
    if unit == "month":
        shift = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[which]
        return DateExpr(
            m.start(),
            m.end(),
            m[0],
            "relative",
            month_offset=shift,
            modifier=(m["pre"] or "").lower() or None,
            preposition=prep,
        )
    # weeks, years, "in the coming weeks": no day or month to give, but the preposition of
    # one ahead ("starting next year", "from next year") says something starts then (not of
    # one past: "stood by last year's agreement")
    ahead = which in {"next", "coming"}
    return DateExpr(
        m.start(),
        m.end(),
        m[0],
        "relative",
        modifier="vague",
        preposition=_prep(m.string, m.start()) if ahead else None,
    )


def _merge_weekday_absolute(text: str, found: list[DateExpr]) -> list[DateExpr]:
    out: list[DateExpr] = []
    for expr in found:
        if (
            out
            and expr.kind == "absolute"
            and out[-1].kind == "weekday"
            and re.fullmatch(r"[ \t]*[,(]?[ \t]*", text[out[-1].end : expr.start])
        ):
            prev = out.pop()
            end = expr.end + (1 if text[expr.end : expr.end + 1] == ")" else 0)
            expr = DateExpr(
                prev.start,
                end,
                text[prev.start : end],
                "absolute",
                expr.year,
                expr.month,
                expr.day,
                weekday=prev.weekday,
                preposition=prev.preposition,
            )
        out.append(expr)
    return out


def publication_floor(exprs: list[tuple[DateExpr, int]], url: str | None = None) -> dt.date | None:
    """The earliest day an undated story can have been published: the latest full date it
    tells as past or without a direction (``(expression, direction)`` pairs), or the first
    day of a ``/YYYY/MM/`` month in the URL."""
    days = [
        dt.date(e.year, e.month, e.day)
        for e, way in exprs
        if e.kind == "absolute" and e.year is not None and e.month and e.day and way <= 0
    ]
    if url:
        match = _YEAR_MONTH_IN_URL.search(url)
        if match:
            days.append(dt.date(int(match[1]), int(match[2]), 1))
    return max(days) if days else None


def same_weekday(
    expr: DateExpr, direction: int, exprs: list[tuple[DateExpr, int]]
) -> dt.date | None:
    """In a story without a publication date, a weekday told as past ("on Thursday") names the
    latest full date of the text told as past that falls on that weekday, if there is one."""
    if expr.weekday is None or direction > 0 or expr.modifier in {"next", "coming", "later"}:
        return None
    days = [
        dt.date(e.year, e.month, e.day)
        for e, way in exprs
        if e.kind == "absolute" and e.year is not None and e.month and e.day and way <= 0
    ]
    matching = [d for d in days if d.weekday() == expr.weekday]
    return max(matching) if matching else None


#: How far back (days) a weekday written with its date may stand for a later bare weekday.
WEEKDAY_ECHO_DAYS = 14


def echoed_weekday(
    expr: DateExpr, default: dt.date | None, earlier: list[tuple[DateExpr, dt.date | None]]
) -> dt.date | None:
    """A weekday told as past with no word of its own week ("On Friday evening, the White
    House issued ..."), after the story wrote that weekday with its date ("the court ruled on
    Friday, February 20"), names that dated day rather than the latest such weekday before
    publication, when the dated day lies within :data:`WEEKDAY_ECHO_DAYS` before it."""
    if expr.kind != "weekday" or expr.weekday is None or default is None or expr.modifier:
        return None
    days = [
        day
        for e, day in earlier
        if e.kind == "absolute" and e.weekday == expr.weekday and day is not None
    ]
    days = [d for d in days if d < default and (default - d).days <= WEEKDAY_ECHO_DAYS]
    return max(days) if days else None


def counted_day(
    expr: DateExpr, told: list[tuple[int, dt.date | None, str | None]]
) -> dt.date | None:
    """A day counted from the day the story told last ("spoke on Saturday ... a meeting the
    previous day"): ``told`` holds ``(start, date, precision)`` of the expressions resolved
    before it, in text order; only a day-precise one counts from."""
    for start, day, precision in reversed(told):
        if start < expr.start and day is not None and precision == "day":
            return day + dt.timedelta(days=expr.offset_days or 0)
    return None


#: How many years back a month and day written with its weekday is looked for.
PINNED_YEARS = 12


def pinned_year(month: int, day: int, weekday: int, today: dt.date) -> int | None:
    """The latest year, not after ``today``, in which ``month``/``day`` falls on ``weekday``
    (0 Monday), over :data:`PINNED_YEARS` years: "Friday (August 1)" names its year."""
    for year in range(today.year, today.year - PINNED_YEARS, -1):
        if _valid(year, month, day):
            day_of = dt.date(year, month, day)
            if day_of <= today and day_of.weekday() == weekday:
                return year
    return None


def reference_year(text: str, url: str | None = None, today: dt.date | None = None) -> int | None:
    """The latest year of a full date in ``text`` or a ``/YYYY/MM/`` path in ``url``; else
    the latest year a month and day written with its weekday ("Thursday, March 19") names
    (:func:`pinned_year`, not after ``today``, the clock's by default)."""
    found = find_dates(text)
    years = [e.year for e in found if e.year is not None and e.kind == "absolute"]
    if url:
        years += [int(y) for y in _YEAR_IN_URL.findall(url)]
    if not years:
        now = today or dt.date.today()
        pinned = (
            pinned_year(e.month, e.day, e.weekday, now)
            for e in found
            if e.kind == "absolute" and e.weekday is not None and e.month and e.day
        )
        years = [y for y in pinned if y is not None]
    return max(years) if years else None


def _nearest(anchor: dt.date, candidates: list[dt.date], side: int) -> dt.date:
    if side < 0:
        before = [c for c in candidates if c < anchor]
        if before:
            return max(before)
    if side > 0:
        after = [c for c in candidates if c > anchor]
        if after:
            return min(after)
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))


#: Days a day and month told as past may fall after the anchor and keep its nearest year:
#: a page's date can be a few days off the day it was written (a first version, a time zone).
TENSE_SLACK_DAYS = 14


def _told_side(anchor: dt.date, candidates: list[dt.date], direction: int) -> dt.date:
    """The year of a day and month without one: told as past ("met on April 2" in a December
    story), the latest not after the anchor; otherwise the nearest. A date that looks ahead
    keeps the nearest year: its direction is often a preposition's, not a tense ("had to cut
    duties by Sept. 5" in a story of Sept. 20 is that September, not the next).
    :data:`TENSE_SLACK_DAYS` keeps the nearest year for a day just after the anchor, where the
    tense and the page's date disagree by days."""
    if direction < 0:
        told = [c for c in candidates if c <= anchor + dt.timedelta(days=TENSE_SLACK_DAYS)]
        if told:
            return max(told)
    return _nearest(anchor, candidates, 0)


def _first_after(floor: dt.date, month: int, day: int) -> dt.date | None:
    for year in (floor.year, floor.year + 1):
        if _valid(year, month, day) and dt.date(year, month, day) >= floor:
            return dt.date(year, month, day)
    return None


def resolve(
    expr: DateExpr,
    anchor: dt.date | None,
    *,
    ref_year: int | None = None,
    ref_date: dt.date | None = None,
    direction: int = 0,
) -> tuple[dt.date | None, Precision | None]:
    """The calendar date an expression names, and its precision ("day" or "month").

    Without an anchor, ``ref_year`` dates month-and-day expressions and months; ``ref_date``
    (the latest full date the text tells as past, so the publication is not earlier) makes an
    expression that looks ahead (``direction`` +1) the first such day on or after it: in a
    story that mentions "October 29, 2025" as past, "effective from February 1" is 2026.

    Returns ``(None, None)`` when the expression cannot be resolved (no anchor for a weekday,
    a week or a year, or an impossible date).
    """
    if expr.kind == "absolute" and expr.month and expr.day:
        if expr.year is not None:
            return dt.date(expr.year, expr.month, expr.day), "day"
        if anchor is None:
            if ref_date is not None and direction > 0:
                ahead = _first_after(ref_date, expr.month, expr.day)
                if ahead is not None:
                    return ahead, "day"
            if ref_year is None or not _valid(ref_year, expr.month, expr.day):
                return None, None
            return dt.date(ref_year, expr.month, expr.day), "day"
        options = [
            dt.date(y, expr.month, expr.day)
            for y in (anchor.year - 1, anchor.year, anchor.year + 1)
            if _valid(y, expr.month, expr.day)
        ]
        return _told_side(anchor, options, direction), "day"
    if expr.kind == "month" and expr.month:
        if expr.year is not None:
            return dt.date(expr.year, expr.month, 1), "month"
        if anchor is None:
            if ref_date is not None and direction > 0:
                ahead = _first_after(ref_date.replace(day=1), expr.month, 1)
                if ahead is not None:
                    return ahead, "month"
            return (None, None) if ref_year is None else (dt.date(ref_year, expr.month, 1), "month")
        side = {"last": -1, "next": 1}.get(expr.modifier or "", 0)
        first = anchor.replace(day=1)
        if expr.modifier == "earlier":
            side = 0 if expr.month == anchor.month else -1
        if side == 0 and expr.month != anchor.month and direction < 0:
            side = -1  # "had imposed ... in August": the August before publication
        options = [
            dt.date(y, expr.month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        ]
        if side == 0 and expr.month == anchor.month:
            return first, "month"
        return _nearest(first, options, side), "month"
    if anchor is None:
        return None, None
    if expr.kind == "weekday" and expr.weekday is not None:
        return _weekday(expr, anchor, direction), "day"
    if expr.offset_days is not None:
        return anchor + dt.timedelta(days=expr.offset_days), "day"
    if expr.month_offset is not None:
        month_index = anchor.year * 12 + anchor.month - 1 + expr.month_offset
        return dt.date(month_index // 12, month_index % 12 + 1, 1), "month"
    return None, None


def _weekday(expr: DateExpr, anchor: dt.date, direction: int) -> dt.date:
    assert expr.weekday is not None
    modifier = expr.modifier
    if modifier in {"next", "coming", "later", "possessive"}:
        direction = 1
    elif modifier in {"last", "past", "earlier"}:
        direction = -1
    if direction > 0:
        days = (expr.weekday - anchor.weekday()) % 7
        if days == 0 and modifier == "next":
            days = 7
        return anchor + dt.timedelta(days=days)
    days = (anchor.weekday() - expr.weekday) % 7
    if days == 0 and modifier in {"last", "past"}:
        days = 7
    return anchor - dt.timedelta(days=days)
