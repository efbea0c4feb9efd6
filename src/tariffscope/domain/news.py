"""Records the news reader produces from one article (no I/O).

Each record keeps the character span (``start``, ``end``) of the text it came from, counted in
the article body (the text after the header block; :attr:`ArticleMeta.body_start` gives where
that body starts in the source file). Records are frozen and serialize to plain JSON that
validates against ``schemas/extraction.schema.json``; the spans and a few other fields are
extra keys the schema allows.

Rates are percent numbers (25 means 25%) and are named ``*_pct`` here; the JSON keys follow the
schema (``from_rate``, ``to_rate``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, cast, get_args

__all__ = [
    "DATE_PRECISIONS",
    "EVENT_KINDS",
    "EVENT_STATUSES",
    "MEASURE_STATUSES",
    "Actor",
    "ArticleMeta",
    "DatePrecision",
    "Deadline",
    "Event",
    "EventKind",
    "EventStatus",
    "Extraction",
    "MeasureMention",
    "MeasureStatus",
    "Quote",
    "StoryDating",
]

EventKind = Literal[
    "meeting", "call", "visit", "talks", "agreement", "announcement", "election", "other"
]
EventStatus = Literal["happened", "planned", "cancelled"]
MeasureStatus = Literal["threatened", "in_force", "agreed", "suspended", "proposed"]
DatePrecision = Literal["day", "month"]

EVENT_KINDS: tuple[str, ...] = get_args(EventKind)
EVENT_STATUSES: tuple[str, ...] = get_args(EventStatus)
MEASURE_STATUSES: tuple[str, ...] = get_args(MeasureStatus)
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _span(data: Mapping[str, Any]) -> tuple[int, int]:
    return int(data.get("start", 0) or 0), int(data.get("end", 0) or 0)


def _choice(value: object, allowed: tuple[str, ...], what: str) -> str:
    text = str(value)
    if text not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}, not {text!r}")
    return text


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """Metadata of an article: header block or HTML metadata."""

    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    body_start: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON form (the schema's ``article`` object plus ``body_start``)."""
        return {
            "title": self.title,
            "published": _iso(self.published),
            "outlet": self.outlet,
            "url": self.url,
            "body_start": self.body_start,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArticleMeta:
        """Inverse of :meth:`to_dict` (missing keys become None)."""
        return cls(
            title=data.get("title"),
            published=_date(data.get("published")),
            outlet=data.get("outlet"),
            url=data.get("url"),
            body_start=int(data.get("body_start", 0) or 0),
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """A named person who acts or speaks, once per article under one canonical name."""

    name: str
    role: str | None
    country: str | None
    start: int
    end: int
    mentions: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form; ``mentions`` lists every span that names the person."""
        return {
            "name": self.name,
            "role": self.role,
            "country": self.country,
            "start": self.start,
            "end": self.end,
            "mentions": [list(m) for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Actor:
        """Inverse of :meth:`to_dict`."""
        start, end = _span(data)
        mentions = tuple((int(m[0]), int(m[1])) for m in data.get("mentions", ()))
        return cls(data["name"], data.get("role"), data.get("country"), start, end, mentions)


@dataclass(frozen=True, slots=True)
class Event:
    """A meeting, call, visit, talks, agreement, announcement, election or other event."""

    kind: EventKind
    date: dt.date | None
    date_precision: DatePrecision | None
    date_text: str | None
    place: str | None
    participants: tuple[str, ...]
    status: EventStatus
    start: int
    end: int
    count: int | None = None
    trigger: str | None = None
    rule: str | None = None  # id of the reader's rule that found it (``eval --by-rule``)

    def to_dict(self) -> dict[str, Any]:
        """JSON form; ``date_precision``, ``count`` and ``rule`` appear only when they apply."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "date": _iso(self.date),
            "date_text": self.date_text,
            "place": self.place,
            "participants": list(self.participants),
            "status": self.status,
        }
        if self.date is not None and self.date_precision is not None:
            out["date_precision"] = self.date_precision
        if self.count is not None:
            out["count"] = self.count
        out.update({"start": self.start, "end": self.end, "trigger": self.trigger})
        if self.rule is not None:
            out["rule"] = self.rule
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        """Inverse of :meth:`to_dict`."""
        start, end = _span(data)
        precision = data.get("date_precision")
        if precision is None and data.get("date"):
            precision = "day"
        return cls(
            kind=cast(EventKind, _choice(data["kind"], EVENT_KINDS, "event kind")),
            date=_date(data.get("date")),
            date_precision=cast(DatePrecision | None, precision),
            date_text=data.get("date_text"),
            place=data.get("place"),
            participants=tuple(data.get("participants", ())),
            status=cast(EventStatus, _choice(data["status"], EVENT_STATUSES, "event status")),
            start=start,
            end=end,
            count=data.get("count"),
            trigger=data.get("trigger"),
            rule=data.get("rule"),
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """Words inside quotation marks, with the person who said them (and who relayed them)."""

    text: str
    speaker: str | None
    via: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form; the span covers the quoted words without the marks."""
        return {
            "text": self.text,
            "speaker": self.speaker,
            "via": self.via,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Inverse of :meth:`to_dict`."""
        start, end = _span(data)
        return cls(data["text"], data.get("speaker"), data.get("via"), start, end)


@dataclass(frozen=True, slots=True)
class MeasureMention:
    """A tariff measure as one article states it: who, on whom, what, how much, since when."""

    imposer: str
    target: str
    products: str
    from_rate_pct: float | None
    to_rate_pct: float
    effective_date: dt.date | None
    status: MeasureStatus
    start: int
    end: int
    rule: str | None = None  # id of the reader's rule that found it, when the rule has one

    def to_dict(self) -> dict[str, Any]:
        """JSON form with the schema's keys (rates in percent); ``rule`` when known."""
        out: dict[str, Any] = {
            "imposer": self.imposer,
            "target": self.target,
            "products": self.products,
            "from_rate": self.from_rate_pct,
            "to_rate": self.to_rate_pct,
            "effective_date": _iso(self.effective_date),
            "status": self.status,
            "start": self.start,
            "end": self.end,
        }
        if self.rule is not None:
            out["rule"] = self.rule
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MeasureMention:
        """Inverse of :meth:`to_dict`."""
        start, end = _span(data)
        from_rate = data.get("from_rate")
        return cls(
            imposer=data["imposer"],
            target=data["target"],
            products=data["products"],
            from_rate_pct=None if from_rate is None else float(from_rate),
            to_rate_pct=float(data["to_rate"]),
            effective_date=_date(data.get("effective_date")),
            status=cast(MeasureStatus, _choice(data["status"], MEASURE_STATUSES, "status")),
            start=start,
            end=end,
            rule=data.get("rule"),
        )


@dataclass(frozen=True, slots=True)
class Deadline:
    """A date by which something must happen or will change."""

    date: dt.date
    what: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "date": self.date.isoformat(),
            "what": self.what,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Deadline:
        """Inverse of :meth:`to_dict`."""
        start, end = _span(data)
        date = _date(data["date"])
        if date is None:
            raise ValueError("a deadline needs a date")
        return cls(date, str(data.get("what", "")), start, end)


@dataclass(frozen=True, slots=True)
class StoryDating:
    """The day a story is read as of and what gave it: ``basis`` ``published`` (its header),
    or for a story without a publication date the clue that dated it (``url``, ``stated``,
    ``url_month``, ``ahead``, ``month``, ``catalog``: see
    :mod:`tariffscope.news.dates_story`), None when nothing did; ``year_from`` names the
    clue that gave the year of its yearless dates. The keys of the brief's ``dating`` rows."""

    as_of: dt.date | None
    basis: str | None
    detail: str = ""
    year_from: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "as_of": _iso(self.as_of),
            "basis": self.basis,
            "detail": self.detail,
            "year_from": self.year_from,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StoryDating:
        """Inverse of :meth:`to_dict`."""
        return cls(
            _date(data.get("as_of")),
            data.get("basis"),
            str(data.get("detail") or ""),
            str(data.get("year_from") or ""),
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the news reader found in one article."""

    article: ArticleMeta
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    measures: tuple[MeasureMention, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    dating: StoryDating | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``tariffscope extract --format json``."""
        return {
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "measures": [m.to_dict() for m in self.measures],
            "deadlines": [d.to_dict() for d in self.deadlines],
            "warnings": list(self.warnings),
            "dating": None if self.dating is None else self.dating.to_dict(),
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 text, non-ASCII kept)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Extraction:
        """Read a prediction or a gold file (extra keys are ignored)."""

        def items(key: str) -> Sequence[Mapping[str, Any]]:
            return cast(Sequence[Mapping[str, Any]], data.get(key) or ())

        return cls(
            article=ArticleMeta.from_dict(data.get("article") or {}),
            actors=tuple(Actor.from_dict(a) for a in items("actors")),
            events=tuple(Event.from_dict(e) for e in items("events")),
            quotes=tuple(Quote.from_dict(q) for q in items("quotes")),
            measures=tuple(MeasureMention.from_dict(m) for m in items("measures")),
            deadlines=tuple(Deadline.from_dict(d) for d in items("deadlines")),
            warnings=tuple(str(w) for w in data.get("warnings", ())),
            dating=StoryDating.from_dict(data["dating"]) if data.get("dating") else None,
        )
