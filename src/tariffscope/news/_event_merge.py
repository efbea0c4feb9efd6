"""Merging the mentions of one event: pure functions of :mod:`tariffscope.news.events` over
the records, the story's frozen :class:`~tariffscope.news._event_story.EventStory` and the
lexicon.

A meeting or call told with one side takes the other from the story's other mention of it.
Mentions of one event (same kind, shared participants, no conflicting dates; a month and a day
of it agree) merge, and two undated mentions of one deal or announcement merge whatever vague
time one tells ("earlier this week"); a definite mention ("the meeting") joins the last event of
its kind, and a dated "the announcement" with nothing to join dates the story's one undated deal; a
meeting and a deal reached at it share a date and a place; a country code beside a person of
that country is dropped; a trip told with no time whose traveller meets a named counterpart
there is that meeting, not a visit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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


def _month_holds_day(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``a`` is dated to a month and ``b`` to a day of that month."""
    return bool(
        a["date"]
        and b["date"]
        and a.get("date_precision") == "month"
        and b.get("date_precision") == "day"
        and a["date"][:7] == b["date"][:7]
    )


def with_counterparts(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A meeting or call told with one named side ("during phone conversations on July 26, X
    stressed ...") has its counterpart in the story's other mention of that kind with the same
    person; without one it names no event (a meeting or call has two sides)."""
    out = []
    for event in events:
        if not event.pop("one_sided", False):
            out.append(event)
            continue
        side = event["participants"][0] if event["participants"] else None
        donor = next(
            (
                e
                for e in events
                if e is not event
                and e["kind"] == event["kind"]
                and e["status"] == event["status"]
                and not e.get("one_sided")
                and side in e["participants"]
                and len(e["participants"]) >= 2
            ),
            None,
        )
        if donor is not None:
            event["participants"] = list(donor["participants"])
            out.append(event)
    return out


#: Kinds told again as the same act ("have signed an agreement", "the deal was signed earlier
#: this week"): two mentions with no day are one deal or one announcement, a vague time or not.
_ACTS = frozenset({"agreement", "announcement"})

#: Kinds of contact between sides, whose sequel ("That was followed by a call") has their sides.
_ENCOUNTERS = frozenset({"meeting", "call", "talks", "visit"})

#: The fields that tell when an event is: shared as one (a mention with its own words of
#: time, "today" in an undated story, keeps them).
_WHEN = ("date", "date_precision", "date_text")


def _fill(a: dict[str, Any], b: dict[str, Any], keys: tuple[str, ...]) -> None:
    """The one of ``a`` and ``b`` that tells none of ``keys`` takes the other's."""
    if all(a.get(k) is None for k in keys) and any(b.get(k) is not None for k in keys):
        a.update({k: b.get(k) for k in keys})
    elif all(b.get(k) is None for k in keys) and any(a.get(k) is not None for k in keys):
        b.update({k: a.get(k) for k in keys})


def _date_the_deal(kept: list[dict[str, Any]], told: list[dict[str, Any]]) -> None:
    """A dated definite announcement with no announcement to join and no people of its own
    ("The announcement made on Tuesday comes three years after ...") in a story with one deal,
    told with no day and no other announcement: the day the deal was announced."""
    if any(k["kind"] == "announcement" for k in kept):
        return
    deals = [k for k in kept if k["kind"] == "agreement"]
    dated = [e for e in told if e["kind"] == "announcement" and e["date"]]
    if len(deals) != 1 or len(dated) != 1:
        return
    deal, when = deals[0], dated[0]
    if deal["date"] is None and deal["status"] == when["status"] == "happened":
        deal.update({k: when.get(k) for k in _WHEN})


def merge_mentions(
    raw: list[dict[str, Any]], story: EventStory, lex: Lexicon
) -> list[dict[str, Any]]:
    """Mentions of one event (:func:`same_event`) merged into one record, in the order told; a
    definite mention with no people joins the last of its kind."""
    kept: list[dict[str, Any]] = []
    told: list[dict[str, Any]] = []  # "the announcement made on Tuesday", no event of its own
    for event in raw:
        twin = next((k for k in kept if same_event(k, event, story, lex)), None)
        if twin is None and event.get("definite") and not event["participants"]:
            same_kind = [k for k in reversed(kept) if k["kind"] == event["kind"]]
            twin = next(
                (k for k in same_kind if event["date"] and k["date"] == event["date"]), None
            ) or next(
                (
                    k
                    for k in same_kind
                    if k["status"] == event["status"] and not (k["date"] and event["date"])
                ),
                None,
            )
            if twin is None:
                told.append(event)
                continue
        if twin is None and event.get("definite"):
            twin = next(
                (
                    k
                    for k in reversed(kept)
                    if k["kind"] == event["kind"]
                    and not (k["date"] and event["date"] and k["date"] != event["date"])
                ),
                None,
            )
        if twin is None:
            kept.append({**event, "tokens": list(event["tokens"])})
            continue
        twin["tokens"] += event["tokens"]
        twin["weak"] = twin.get("weak", False) and event.get("weak", False)
        twin["veto"] = twin.get("veto") if event.get("veto") else None
        if _month_holds_day(twin, event):  # "in October 2025" and "on October 29, 2025"
            for key in ("date", "date_precision", "date_text"):
                twin[key] = event[key]
        for key in ("date", "date_precision", "date_text", "place", "count"):
            if twin.get(key) is None and event.get(key) is not None:
                twin[key] = event[key]
        if event["status"] == "cancelled":
            twin["status"] = "cancelled"
        for name in event["participants"]:
            if name not in twin["participants"]:
                twin["participants"].append(name)
    _date_the_deal(kept, told)
    return kept


def share_occasions(
    events: list[dict[str, Any]], story: EventStory, lex: Lexicon
) -> list[dict[str, Any]]:
    """A deal reached at a meeting: the meeting and the agreement between the same people
    share a date and a place when only one of them gives it."""
    for a in events:
        if a["kind"] != "meeting":
            continue
        for b in events:
            if b["kind"] != "agreement":
                continue
            if not set(a["participants"]) & set(b["participants"]):
                continue
            if a["status"] != b["status"] and a["start"] != b["start"]:
                continue  # one sentence ("is meeting X today, where the two signed a
                # deal"): the deal is the meeting's, whatever tense each is told in
            _fill(a, b, _WHEN)
            _fill(a, b, ("place",))
    events = [e for e in events if not met_there(e, events, story, lex)]
    for event in events:
        event.pop("definite", None)
        names = event["participants"]
        if event["kind"] == "election":
            continue  # an election is the country's, whoever stands in it
        represented = {story.country_of_name.get(n) for n in names}
        event["participants"] = [n for n in names if n not in represented]
    return events


def met_there(
    visit: dict[str, Any], events: list[dict[str, Any]], story: EventStory, lex: Lexicon
) -> bool:
    """A trip told with no time ("X's first visit to the United States", "his trip to
    China") whose one traveller the story has in one meeting with another named person, in
    no other place: GUIDELINES' visit is travel without a named counterpart, so the trip is
    that meeting. A dated trip (a departure, an arrival) and a trip with several meetings
    stay a visit beside them."""
    if visit["kind"] != "visit" or visit["date"] or visit["date_text"]:
        return False
    if len(visit["participants"]) != 1:
        return False
    traveller = visit["participants"][0]
    if traveller not in story.country_of_name:
        return False  # a country's delegation, not a named person
    where = lex.place_code(visit["place"]) if visit["place"] else None
    meetings = [
        e
        for e in events
        if e["kind"] == "meeting"
        and traveller in e["participants"]
        and any(n != traveller and n in story.country_of_name for n in e["participants"])
    ]
    # a trip with several meetings (a tour of talks) is a visit beside them
    return len(meetings) == 1 and (
        meetings[0]["place"] is None or lex.place_code(meetings[0]["place"]) == where
    )


def same_event(a: dict[str, Any], b: dict[str, Any], story: EventStory, lex: Lexicon) -> bool:
    """Two mentions of one event: the same kind and status, no conflicting dates or date
    words, and shared participants (both sides of a meeting or call)."""
    if a["kind"] != b["kind"]:
        return False
    within = _month_holds_day(a, b) or _month_holds_day(b, a)
    if a["date"] and b["date"] and a["date"] != b["date"] and not within:
        return False
    texts = [(e.get("date_text") or "").lower() for e in (a, b)]
    if (
        all(texts)
        and texts[0] != texts[1]
        and not (a["date"] and a["date"] == b["date"])
        and not within
    ):
        return False
    spans = lex.words("event_vague_date_words")
    vague = [any(w in t for w in spans) for t in texts]
    one_act = a["kind"] in _ACTS and not (a["date"] or b["date"])
    if any(vague) and not all(texts) and not one_act:
        return False
    if a["status"] != b["status"]:
        return False

    def expand(event: dict[str, Any]) -> set[str]:
        names = set(event["participants"])
        if event["kind"] in {"announcement", "agreement", "talks"}:
            names |= {c for n in event["participants"] if (c := story.country_of_name.get(n))}
        return names

    shared = expand(a) & expand(b)
    if (
        a["place"]
        and b["place"]
        and set(a.get("tokens", ())) & set(b.get("tokens", ()))
        and not same_place(a, b, lex)
    ):
        return False  # "talks in Geneva and London": one word, an encounter in each
    if a["kind"] in {"meeting", "call"}:
        return len(shared) >= min(2, len(a["participants"]), len(b["participants"]))
    if a["kind"] == "visit" and a["place"] and b["place"] and not same_place(a, b, lex):
        return False
    return bool(shared)


def same_place(a: dict[str, Any], b: dict[str, Any], lex: Lexicon) -> bool:
    """Two names of one place: the same words, or a capital and its country ("Washington",
    "the US capital")."""
    if a["place"] == b["place"]:
        return True
    codes = {lex.place_code(e["place"]) for e in (a, b)}
    return len(codes) == 1 and None not in codes


def borrow_participants(
    events: list[dict[str, Any]], earlier: Sequence[dict[str, Any]] = ()
) -> list[dict[str, Any]]:
    """Participants for the sentence's events that name none: those of its first event
    with two sides; for a sequel of the last one ("That was followed by a video call on
    April 8"), those of the story's last encounter before it."""
    donors = [e for e in events if len(e["participants"]) >= 2]
    before = [e for e in earlier if len(e["participants"]) >= 2 and e["kind"] in _ENCOUNTERS]
    out = []
    for event in events:
        sequel = event.pop("sequel", False)
        if event.pop("borrow", False):
            if donors:
                event["participants"] = list(donors[0]["participants"])
            elif sequel and before:
                event["participants"] = list(before[-1]["participants"])
            elif not event["definite"]:
                continue
        out.append(event)
    return out
