"""The negotiation state and its parts: frozen records with their sources."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal, get_args

from tariffscope.store import MeasureLink

__all__ = [
    "STATUS_LABELS",
    "ActorView",
    "DeadlineView",
    "EventView",
    "MeasureView",
    "NegotiationState",
    "QuoteView",
    "SourceRef",
    "StatusLabel",
    "VisitEntry",
    "VisitSeries",
]

StatusLabel = Literal[
    "no talks reported",
    "talks ongoing",
    "talks ended",
    "framework announced",
    "implemented",
    "measures on all partners",
]
STATUS_LABELS: tuple[str, ...] = get_args(StatusLabel)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


class _JsonMixin:
    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (dates as ISO strings)."""
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}  # type: ignore[arg-type]
        return {k: _jsonable(_expand(v)) for k, v in out.items()}


def _expand(value: Any) -> Any:
    if isinstance(value, _JsonMixin):
        return value.to_dict()
    if isinstance(value, MeasureLink):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_expand(v) for v in value]
    return value


@dataclasses.dataclass(frozen=True, slots=True)
class SourceRef(_JsonMixin):
    """Where a fact comes from: an article and the character span of the record in its body."""

    article_id: int
    record_id: int
    source: str
    outlet: str | None
    title: str | None
    url: str | None
    published: dt.date | None
    span: tuple[int, int]


@dataclasses.dataclass(frozen=True, slots=True)
class ActorView(_JsonMixin):
    """A person in the negotiation: canonical name, role, party and how prominent.

    ``n_mentions`` counts the times the stories name the person; ``n_events`` the merged
    events the person takes part in; ``n_quotes`` the quotations the person said.
    """

    name: str
    role: str | None
    roles: tuple[str, ...]
    country: str | None
    party: str | None
    aliases: tuple[str, ...]
    n_articles: int
    n_mentions: int
    n_events: int
    n_quotes: int

    @property
    def prominence(self) -> int:
        """Mentions plus twice the events and quotes: how the actors are ranked."""
        return self.n_mentions + 2 * self.n_events + 2 * self.n_quotes


@dataclasses.dataclass(frozen=True, slots=True)
class EventView(_JsonMixin):
    """One real-world event, merged from every story that reports it.

    ``date`` is set when the reports pin one day (``date_precision`` "day") or one month
    ("month"); otherwise ``earliest``/``latest`` bound it when the stories' dates do.
    ``ordinal`` numbers it in its series ("eighth visit"); ``count`` is the number of
    repetitions a report summarises ("visited Washington seven times").
    """

    id: int
    kind: str
    date: dt.date | None
    date_precision: str | None
    earliest: dt.date | None
    latest: dt.date | None
    date_text: str | None
    place: str | None
    participants: tuple[str, ...]
    status: str
    count: int | None
    ordinal: int | None
    sources: tuple[SourceRef, ...]
    sort_date: dt.date | None

    @property
    def n_sources(self) -> int:
        """How many distinct articles report the event."""
        return len({s.article_id for s in self.sources})


@dataclasses.dataclass(frozen=True, slots=True)
class QuoteView(_JsonMixin):
    """A quotation, de-duplicated across outlets; ``variants`` are the other wordings seen."""

    text: str
    speaker: str | None
    via: str | None
    variants: tuple[str, ...]
    sources: tuple[SourceRef, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class MeasureView(_JsonMixin):
    """A tariff measure as the stories report it, merged across stories.

    ``status`` is the one reported by the latest story (up to the state's date);
    ``statuses`` lists every status reported, oldest story first. ``links`` are the catalog
    links of the mentions (filled by the linker; empty before it runs).
    """

    imposer: str
    target: str
    products: str
    from_rate_pct: float | None
    to_rate_pct: float
    effective_date: dt.date | None
    status: str
    statuses: tuple[str, ...]
    first_reported: dt.date | None
    last_reported: dt.date | None
    mention_ids: tuple[int, ...]
    sources: tuple[SourceRef, ...]
    links: tuple[MeasureLink, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class DeadlineView(_JsonMixin):
    """A coming date: stated deadlines and threatened measures taking effect that day.

    ``kind`` is "measure" when a threatened measure takes effect on the date (``what`` then
    describes the measure), else "deadline" (``what`` is the shortest description the stories
    give). ``details`` lists every description.
    """

    date: dt.date
    days_left: int
    what: str
    kind: Literal["deadline", "measure"]
    details: tuple[str, ...]
    sources: tuple[SourceRef, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class VisitEntry(_JsonMixin):
    """One visit (or round) in a series, with its number when known or inferred."""

    event_id: int
    number: int | None
    number_inferred: bool
    date: dt.date | None


@dataclasses.dataclass(frozen=True, slots=True)
class VisitSeries(_JsonMixin):
    """Visits of one person to one place, or rounds of talks, in order.

    ``known_count`` is the latest count a story gives ("seven times since April") and
    ``known_as_of`` the date of that story; visits after it are numbered from it.
    """

    kind: str
    person: str | None
    place: str | None
    known_count: int | None
    known_as_of: dt.date | None
    visits: tuple[VisitEntry, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class NegotiationState(_JsonMixin):
    """What the stored stories say about one negotiation on a date.

    Attributes
    ----------
    parties
        The two parties in the order asked for (ISO3, EUN for the EU).
    as_of
        The date described: the one asked for, else the latest publication date.
    status, status_reason
        One of :data:`STATUS_LABELS` and the fact that decided it.
    lead_actors
        The most prominent person of each party (first the first party), when known.
    actors
        Everyone acting for either party, most prominent first.
    events
        Merged events in time order, each with all its sources.
    quotes
        Quotations de-duplicated across outlets, in story order.
    measures
        Measures reported in force, threatened, agreed, suspended or proposed.
    deadlines
        Coming dates from ``as_of`` on, soonest first.
    next_deadline, days_to_deadline
        The soonest of them and the days from ``as_of`` to it.
    series
        Numbered visits and rounds.
    articles
        The stories used.
    undated_articles
        Stories of this negotiation left out because their date is unknown (only when a
        date was asked for).
    """

    parties: tuple[str, str]
    as_of: dt.date | None
    status: StatusLabel
    status_reason: str
    lead_actors: tuple[ActorView, ...]
    actors: tuple[ActorView, ...]
    events: tuple[EventView, ...]
    quotes: tuple[QuoteView, ...]
    measures: tuple[MeasureView, ...]
    deadlines: tuple[DeadlineView, ...]
    next_deadline: DeadlineView | None
    days_to_deadline: int | None
    series: tuple[VisitSeries, ...]
    articles: tuple[SourceRef, ...]
    undated_articles: int

    def measures_with_status(self, *statuses: str) -> tuple[MeasureView, ...]:
        """The measures whose current status is one of ``statuses`` ("in_force", ...)."""
        return tuple(m for m in self.measures if m.status in statuses)
