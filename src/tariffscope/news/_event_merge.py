"""Merging the mentions of one event: pure functions of :mod:`tariffscope.news.events` over
the records, the story's frozen :class:`~tariffscope.news._event_story.EventStory` and the
lexicon.

A meeting or call told with one side takes the other from the story's other mention of it.
Mentions of one event (same kind, shared participants, no conflicting dates; a month and a day
of it agree) merge, and two undated mentions of one deal or announcement merge whatever vague
time one tells ("earlier this week"), as do a mention of one dated to a month only and one that
tells no time ("announced a deal late last month" / "agreed on the new deal"); a definite
mention ("the meeting") joins the last event of its kind, and a dated "the announcement" with
nothing to join dates the story's one undated deal; a meeting and a deal reached at it share a
date and a place; a country code beside a person of that country is dropped; a trip told with
no time whose traveller meets a named counterpart there is that meeting, not a visit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tariffscope.news._event_record import EventRecord
from tariffscope.news._event_story import EventStory
from tariffscope.news.lexicon import Lexicon

__all__ = [
    "borrow_participants",
    "merge_mentions",
    "met_there",
    "same_event",
    "same_place",
    "share_occasions",
    "with_counterparts",
]


def _month_holds_day(a: EventRecord, b: EventRecord) -> bool:
    """``a`` is dated to a month and ``b`` to a day of that month."""
    return bool(
        a.date
        and b.date
        and a.date_precision == "month"
        and b.date_precision == "day"
        and a.date[:7] == b.date[:7]
    )


def _month_and_undated(a: EventRecord, b: EventRecord) -> bool:
    """``a`` is dated to a month only and ``b`` tells no time at all ("announced a deal late
    last month" and "agreed on a new deal just over a week ago")."""
    return bool(a.date and a.date_precision == "month" and not b.date and not b.date_text)


def with_counterparts(events: Sequence[EventRecord]) -> list[EventRecord]:
    """A meeting or call told with one named side ("during phone conversations on July 26, X
        stressed ...") has its counterpart in the story's other mention of that kind with the same
        person, else the person subject of a clause above it, of another country (``counterpart``:
    "X said ..., following a call with Y"); without either it names no event (a meeting or call
    has two sides). A one-sided
        mention read before is a counterpart as it was completed (or left)."""
    seen = list(events)
    out = []
    for n, event in enumerate(events):
        if not event.one_sided:
            out.append(event)
            continue
        side = event.participants[0] if event.participants else None
        donor = next(
            (
                e
                for m, e in enumerate(seen)
                if m != n
                and e.kind == event.kind
                and e.status == event.status
                and not e.one_sided
                and side in e.participants
                and len(e.participants) >= 2
            ),
            None,
        )
        if donor is None and event.counterpart is not None:
            # no other mention: the person subject of a clause above it is the other side
            seen[n] = replace(
                event, one_sided=False, participants=(*event.participants, event.counterpart)
            )
            out.append(seen[n])
            continue
        if donor is None:
            seen[n] = replace(event, one_sided=False)
            continue
        seen[n] = replace(event, one_sided=False, participants=donor.participants)
        out.append(seen[n])
    return out


#: Kinds told again as the same act ("have signed an agreement", "the deal was signed earlier
#: this week"): two mentions with no day are one deal or one announcement, a vague time or not.
_ACTS = frozenset({"agreement", "announcement"})

#: Kinds of contact between sides, whose sequel ("That was followed by a call") has their sides.
_ENCOUNTERS = frozenset({"meeting", "call", "talks", "visit"})

#: The fields that tell when an event is: shared as one (a mention with its own words of
#: time, "today" in an undated story, keeps them).
_WHEN = ("date", "date_precision", "date_text")


def _took(event: EventRecord, other: EventRecord, keys: tuple[str, ...]) -> EventRecord:
    """``event`` with ``other``'s values of ``keys``."""
    return replace(event, **{k: getattr(other, k) for k in keys})


def _fill(a: EventRecord, b: EventRecord, keys: tuple[str, ...]) -> tuple[EventRecord, EventRecord]:
    """The one of ``a`` and ``b`` that tells none of ``keys`` takes the other's."""
    if all(getattr(a, k) is None for k in keys) and any(getattr(b, k) is not None for k in keys):
        return _took(a, b, keys), b
    if all(getattr(b, k) is None for k in keys) and any(getattr(a, k) is not None for k in keys):
        return a, _took(b, a, keys)
    return a, b


def _date_the_deal(kept: list[EventRecord], told: Sequence[EventRecord]) -> list[EventRecord]:
    """A dated definite announcement with no announcement to join and no people of its own
    ("The announcement made on Tuesday comes three years after ...") in a story with one deal,
    told with no day and no other announcement: the day the deal was announced."""
    if any(k.kind == "announcement" for k in kept):
        return kept
    deals = [n for n, k in enumerate(kept) if k.kind == "agreement"]
    dated = [e for e in told if e.kind == "announcement" and e.date]
    if len(deals) != 1 or len(dated) != 1:
        return kept
    deal, when = kept[deals[0]], dated[0]
    if deal.date is None and deal.status == when.status == "happened":
        kept = list(kept)
        kept[deals[0]] = _took(deal, when, _WHEN)
    return kept


def _joined(twin: EventRecord, event: EventRecord) -> EventRecord:
    """The merged record ``twin`` with one more mention of it, ``event``: its trigger, the
    date it tells more exactly, the fields ``twin`` lacks, a cancellation and its people."""
    twin = replace(
        twin,
        tokens=twin.tokens + event.tokens,
        weak=twin.weak and event.weak,
        veto=twin.veto if event.veto else None,
    )
    if _month_holds_day(twin, event):  # "in October 2025" and "on October 29, 2025"
        twin = _took(twin, event, _WHEN)
    fields = ("date", "date_precision", "date_text", "place", "count")
    lacking = tuple(k for k in fields if getattr(twin, k) is None and getattr(event, k) is not None)
    twin = _took(twin, event, lacking)
    if event.status == "cancelled":
        twin = replace(twin, status="cancelled")
    added = tuple(n for n in dict.fromkeys(event.participants) if n not in twin.participants)
    return replace(twin, participants=twin.participants + added)


def merge_mentions(
    raw: Sequence[EventRecord], story: EventStory, lex: Lexicon
) -> list[EventRecord]:
    """Mentions of one event (:func:`same_event`) merged into one record, in the order told; a
    definite mention with no people joins the last of its kind."""
    kept: list[EventRecord] = []
    told: list[EventRecord] = []  # "the announcement made on Tuesday", no event of its own
    for event in raw:
        twin = next((n for n, k in enumerate(kept) if same_event(k, event, story, lex)), None)
        if twin is None and event.definite and not event.participants:
            same_kind = [n for n in reversed(range(len(kept))) if kept[n].kind == event.kind]
            twin = next(
                (n for n in same_kind if event.date and kept[n].date == event.date), None
            ) or next(
                (
                    n
                    for n in same_kind
                    if kept[n].status == event.status and not (kept[n].date and event.date)
                ),
                None,
            )
            if twin is None:
                told.append(event)
                continue
        if twin is None and event.definite:
            twin = next(
                (
                    n
                    for n in reversed(range(len(kept)))
                    if kept[n].kind == event.kind
                    and not (kept[n].date and event.date and kept[n].date != event.date)
                ),
                None,
            )
        if twin is None:
            kept.append(event)
            continue
        kept[twin] = _joined(kept[twin], event)
    return _date_the_deal(kept, told)


def share_occasions(
    events: Sequence[EventRecord], story: EventStory, lex: Lexicon
) -> list[EventRecord]:
    """A deal reached at a meeting: the meeting and the agreement between the same people
    share a date and a place when only one of them gives it."""
    shared = list(events)
    for m in range(len(shared)):
        if shared[m].kind != "meeting":
            continue
        for d in range(len(shared)):
            a, b = shared[m], shared[d]
            if b.kind != "agreement":
                continue
            if not set(a.participants) & set(b.participants):
                continue
            if a.status != b.status and a.start != b.start:
                continue  # one sentence ("is meeting X today, where the two signed a
                # deal"): the deal is the meeting's, whatever tense each is told in
            a, b = _fill(a, b, _WHEN)
            shared[m], shared[d] = _fill(a, b, ("place",))
    out = []
    for event in (e for e in shared if not met_there(e, shared, story, lex)):
        event = replace(event, definite=False)
        if event.kind != "election":  # an election is the country's, whoever stands in it
            represented = {story.country_of_name.get(n) for n in event.participants}
            kept = tuple(n for n in event.participants if n not in represented)
            event = replace(event, participants=kept)
        out.append(event)
    return out


def met_there(
    visit: EventRecord, events: Sequence[EventRecord], story: EventStory, lex: Lexicon
) -> bool:
    """A trip told with no time ("X's first visit to the United States", "his trip to
    China") whose one traveller the story has in one meeting with another named person, in
    no other place: GUIDELINES' visit is travel without a named counterpart, so the trip is
    that meeting. A dated trip (a departure, an arrival) and a trip with several meetings
    stay a visit beside them."""
    if visit.kind != "visit" or visit.date or visit.date_text:
        return False
    if len(visit.participants) != 1:
        return False
    traveller = visit.participants[0]
    if traveller not in story.country_of_name:
        return False  # a country's delegation, not a named person
    where = lex.place_code(visit.place) if visit.place else None
    meetings = [
        e
        for e in events
        if e.kind == "meeting"
        and traveller in e.participants
        and any(n != traveller and n in story.country_of_name for n in e.participants)
    ]
    # a trip with several meetings (a tour of talks) is a visit beside them
    return len(meetings) == 1 and (
        meetings[0].place is None or lex.place_code(meetings[0].place) == where
    )


#: Kinds held in one place: two mentions in two named places are two events ("initial talks
#: in Geneva ... Later talks in London": two rounds).
_ONE_PLACE = frozenset({"talks", "visit"})


def same_event(a: EventRecord, b: EventRecord, story: EventStory, lex: Lexicon) -> bool:
    """Two mentions of one event: the same kind and status, no conflicting dates or date
    words, and shared participants (both sides of a meeting or call)."""
    if a.kind != b.kind:
        return False
    within = _month_holds_day(a, b) or _month_holds_day(b, a)
    if a.date and b.date and a.date != b.date and not within:
        return False
    texts = [(e.date_text or "").lower() for e in (a, b)]
    if all(texts) and texts[0] != texts[1] and not (a.date and a.date == b.date) and not within:
        return False
    spans = lex.words("event_vague_date_words")
    vague = [any(w in t for w in spans) for t in texts]
    one_act = a.kind in _ACTS and (
        not (a.date or b.date) or _month_and_undated(a, b) or _month_and_undated(b, a)
    )
    if any(vague) and not all(texts) and not one_act:
        return False
    if a.status != b.status:
        return False

    def expand(event: EventRecord) -> set[str]:
        names = set(event.participants)
        if event.kind in {"announcement", "agreement", "talks"}:
            names |= {c for n in event.participants if (c := story.country_of_name.get(n))}
        return names

    shared = expand(a) & expand(b)
    if a.place and b.place and set(a.tokens) & set(b.tokens) and not same_place(a, b, lex):
        return False  # "talks in Geneva and London": one word, an encounter in each
    if a.kind in _ONE_PLACE and a.place and b.place and not same_place(a, b, lex):
        return False  # a trip, or a round of talks, is held in one place
    if a.kind in {"meeting", "call", "talks"}:  # both sides: one side's talks with two
        # others are two rounds ("Peruvian officials are in the US for a third round")
        return len(shared) >= min(2, len(a.participants), len(b.participants))
    return bool(shared)


def same_place(a: EventRecord, b: EventRecord, lex: Lexicon) -> bool:
    """Two names of one place: the same words, or a capital and its country ("Washington",
    "the US capital")."""
    if a.place == b.place:
        return True
    codes = {lex.place_code(e.place or "") for e in (a, b)}  # both named (the callers)
    return len(codes) == 1 and None not in codes


def borrow_participants(
    events: Sequence[EventRecord], earlier: Sequence[EventRecord] = ()
) -> list[EventRecord]:
    """Participants for the sentence's events that name none: those of its first event
    with two sides; for a sequel of the last one ("That was followed by a video call on
    April 8"), those of the story's last encounter before it."""
    donors = [e for e in events if len(e.participants) >= 2]
    before = [e for e in earlier if len(e.participants) >= 2 and e.kind in _ENCOUNTERS]
    out = []
    for event in events:
        if event.borrow:
            if donors:
                event = replace(event, participants=donors[0].participants)
            elif event.sequel and before:
                event = replace(event, participants=before[-1].participants)
            elif not event.definite:
                continue
        out.append(replace(event, borrow=False, sequel=False))
    return out
