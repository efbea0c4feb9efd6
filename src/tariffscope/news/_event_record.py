"""The event component's record of one event mention, from its description to the end of
the component (issue 10, item 5: typed records between steps).

A trigger's description (:meth:`tariffscope.news.events.EventComponent._describe`) is an
:class:`EventRecord`; the steps after it (the calls with each person, the added days and
places, the participants borrowed, the counterparts, the dates from a clause, the merge of
mentions, the shared occasions, the learned filter's date readings, the proposer's events)
take records and return new ones (:func:`dataclasses.replace`). :meth:`EventRecord.as_dict`
gives the component's output, ``doc._.tariffscope_events``, once at its end.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["EventRecord", "OtherDay"]


@dataclass(frozen=True)
class OtherDay:
    """A day joined to an event's date ("calls on July 26 *and 28*"): one more event on it."""

    date: str | None
    precision: str | None
    text: str | None

    @classmethod
    def of(cls, day: Mapping[str, str | None]) -> OtherDay:
        """The day of a ``{date, precision, text}`` record of the temporal layer."""
        return cls(day["date"], day["precision"], day["text"])


@dataclass(frozen=True)
class EventRecord:
    """One event mention, or the merged record of its mentions.

    The fields of ``doc._.tariffscope_events`` (``kind`` to ``rule``), then what the
    component's steps alone read: the trigger tokens (``tokens``, one per mention), the days
    joined to its date (``also``), the marks of the description for the steps after it
    (``borrow``: takes the participants of the sentence's other events; ``sequel``: of the
    story's last encounter; ``one_sided``: its counterpart is in another mention;
    ``counterpart``: else the person subject of a clause above it, "X said ... after a call
    with Y";
    ``definite``: "the meeting"), the rules' verdict inputs (``weak``: kept only if another
    mention anchors it; ``veto``: the guard that vetoed it, a candidate of the learned filter
    only) and a date reading of the learned filter (``variant`` and its features)."""

    kind: str
    participants: tuple[str, ...] = ()
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    place: str | None = None
    status: str = "happened"
    count: int | None = None
    start: int = 0
    end: int = 0
    trigger: str | None = None
    rule: str | None = None
    tokens: tuple[int, ...] = ()
    also: tuple[OtherDay, ...] = ()
    borrow: bool = False
    sequel: bool = False
    one_sided: bool = False
    counterpart: str | None = None
    definite: bool = False
    weak: bool = False
    veto: str | None = None
    variant: str | None = None
    variant_distance: float | None = None
    variant_before: bool = False
    variant_role: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The record of ``doc._.tariffscope_events`` (participants in a list)."""
        return {
            "kind": self.kind,
            "participants": list(self.participants),
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "place": self.place,
            "status": self.status,
            "count": self.count,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "rule": self.rule,
        }
