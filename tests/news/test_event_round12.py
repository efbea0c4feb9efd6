"""Round 12 event classes, each on sentences written for it (hand-built parses, no model):

- a delegation (no named person) travelling to a place to negotiate holds a round of talks
  there (kind row talks.delegation_trip): the trip verb's subject is a delegation noun and a
  negotiating word names the delegation ("the negotiating team") or stands in the trip's
  purpose ("to press ahead with negotiations", "for talks"); a named or role traveller ("the
  minister will travel to Oslo for talks") stays a visitor, and a delegation's trip told
  without negotiating ("will depart for Oslo") stays a visit;
- talks are dated by their round told in their own clause ("have been in talks ..., with the
  latest round held on June 18"), however deep the round hangs: the round is an anchor of the
  talks (:func:`tariffscope.news._event_when.rounds_of`); a round in a clause with its own
  subject, after a word of sequence, or of something else ("a round of tariffs") is not;
- an election is its country's (GUIDELINES: election, a vote): people named near it take part
  only as its candidates (the subject of "won"/"lost" it), and a definite election ("the
  presidential elections") never borrows the people of another event of its sentence;
- talks are named by "discussions" as by "talks" and "negotiations" (GUIDELINES: talks, a
  negotiating round; the brief of round 12: "discussions" held at a place or date);
- a government's side left unnamed ("met Peruvian officials", "met his Peruvian counterpart")
  is the other side of a meeting held by another government's side: the two hold talks
  (kind row talks.governments_meet); met by a named person it leaves that person's visit;
- receiving a named person is meeting them, as hosting and welcoming are (rule
  meeting.host_person); receiving a thing is not;
- a trip told with no time whose one traveller the story has in one meeting with another
  named person, in no other place, is that meeting (GUIDELINES: a visit is travel without a
  named counterpart); a dated trip, a trip with several meetings, a delegation's trip and a
  trip to another place stay visits;
- an event told as ahead dated by a day and month (or a month) with no year lies ahead of the
  publication (GUIDELINES: "will attend ... on Saturday is the next Saturday"): "will meet X
  on March 19" in a July story is next March, where the dates layer kept the nearest year.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from tests.news.test_event_trigger_rules import build

from tariffscope.domain.news import Extraction
from tariffscope.news._event_kind import EventShape, delegation_negotiates, kind_by_structure
from tariffscope.news._event_merge import met_there
from tariffscope.news._event_record import EventRecord
from tariffscope.news._event_story import EventStory
from tariffscope.news._event_when import planned_year, rounds_of
from tariffscope.news.api import extract
from tariffscope.news.event_triggers import trigger_of
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.temporal import TimeRecord, anchors_of


def _read(nlp: Language, body: str) -> Extraction:
    return extract(
        article_from_text(f"published: 2025-07-16\n\nTrade news of the day\n\n{body}\n"), nlp
    )


def events_read(nlp: Language, body: str) -> list[tuple[str, str | None, str, list[str]]]:
    """(kind, ISO date, status, sorted participants) of each event read in ``body``."""
    return [
        (e.kind, e.date.isoformat() if e.date else None, e.status, sorted(e.participants))
        for e in _read(nlp, body).events
    ]


# -- a delegation's trip to negotiate -----------------------------------------------------------

DELEGATION_TRIPS = [
    # "A Chilean delegation will be in Oslo to press ahead with negotiations."
    (
        "A/DET/det/2 Chilean/ADJ/amod/2 delegation/NOUN/nsubj/4 will/AUX/aux/4 be/AUX/ROOT/4/VB "
        "in/ADP/prep/4 Oslo/PROPN/pobj/5 to/PART/aux/8 press/VERB/xcomp/4/VB "
        "ahead/ADV/advmod/8 with/ADP/prep/8 negotiations:negotiation/NOUN/pobj/10",
        True,
    ),
    # "The negotiating team will return to Oslo next week."
    (
        "The/DET/det/2 negotiating/NOUN/compound/2 team/NOUN/nsubj/4 will/AUX/aux/4 "
        "return/VERB/ROOT/4/VB to/ADP/prep/4 Oslo/PROPN/pobj/5 next/ADJ/amod/8 "
        "week/NOUN/npadvmod/4",
        True,
    ),
    # "A trade delegation will travel to Oslo for talks."
    (
        "A/DET/det/2 trade/NOUN/compound/2 delegation/NOUN/nsubj/4 will/AUX/aux/4 "
        "travel/VERB/ROOT/4/VB to/ADP/prep/4 Oslo/PROPN/pobj/5 for/ADP/prep/4 "
        "talks:talk/NOUN/pobj/7",
        True,
    ),
    # "The minister will travel to Oslo for talks." -> a visitor, not a delegation
    (
        "The/DET/det/1 minister/NOUN/nsubj/3 will/AUX/aux/3 travel/VERB/ROOT/3/VB "
        "to/ADP/prep/3 Oslo/PROPN/pobj/4 for/ADP/prep/3 talks:talk/NOUN/pobj/6",
        False,
    ),
    # "The delegation will depart for Oslo on Monday." -> told without negotiating
    (
        "The/DET/det/1 delegation/NOUN/nsubj/3 will/AUX/aux/3 depart/VERB/ROOT/3/VB "
        "for/ADP/prep/3 Oslo/PROPN/pobj/4 on/ADP/prep/3 Monday/PROPN/pobj/6",
        False,
    ),
    # "The delegation will leave on Monday to sign the accord." -> a purpose, not negotiating
    (
        "The/DET/det/1 delegation/NOUN/nsubj/3 will/AUX/aux/3 leave/VERB/ROOT/3/VB "
        "on/ADP/prep/3 Monday/PROPN/pobj/4 to/PART/aux/7 sign/VERB/advcl/3/VB "
        "the/DET/det/9 accord/NOUN/dobj/7",
        False,
    ),
]


@pytest.mark.parametrize(("spec", "negotiates"), DELEGATION_TRIPS)
def test_a_delegation_travelling_to_negotiate_is_told_as_negotiating(
    spec: str, negotiates: bool
) -> None:
    doc = build(spec)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    assert delegation_negotiates(verb, default_lexicon()) is negotiates


def test_a_trip_noun_is_not_read_as_a_delegations_trip() -> None:
    # "the delegation's trip to Oslo for talks": the noun has no subject to be a delegation
    doc = build(
        "the/DET/det/1 delegation/NOUN/poss/3 's/PART/case/1 trip/NOUN/ROOT/3 to/ADP/prep/3 "
        "Oslo/PROPN/pobj/4 for/ADP/prep/3 talks:talk/NOUN/pobj/6"
    )
    assert not delegation_negotiates(doc[3], default_lexicon())


def test_a_negotiating_trip_is_talks_only_for_a_delegation_with_a_place() -> None:
    trip = {"remote": False, "led": False, "negotiating": True}
    assert kind_by_structure(EventShape("visit", 0, 1, place="Oslo", **trip)) == "talks"
    # a named traveller stays a visitor; a trip with no destination is no round there
    assert kind_by_structure(EventShape("visit", 1, 1, place="Oslo", **trip)) == "visit"
    assert kind_by_structure(EventShape("visit", 0, 1, place=None, **trip)) == "visit"


@pytest.mark.slow
def test_a_delegations_trip_to_negotiate_is_talks_with_the_host(nlp: Language) -> None:
    body = "A Kenyan delegation will be in Lima this week to press ahead with trade negotiations."
    events = _read(nlp, body).events
    assert [(e.kind, e.place, sorted(e.participants)) for e in events] == [
        ("talks", "Lima", ["KEN", "PER"])
    ]


# -- talks dated by their round -----------------------------------------------------------------

ROUNDS = [
    # "Chile has been in talks with Oslo to cut the duty, with the latest round held on May 2."
    (
        "Chile/PROPN/nsubj/2 has/AUX/aux/2 been:be/AUX/ROOT/2/VBN in/ADP/prep/2 "
        "talks:talk/NOUN/pobj/3 with/ADP/prep/4 Oslo/PROPN/pobj/5 to/PART/aux/8/TO "
        "cut/VERB/advcl/2/VB the/DET/det/10 duty/NOUN/dobj/8 with/ADP/prep/8 the/DET/det/14 "
        "latest/ADJ/amod/14 round/NOUN/pobj/11 held:hold/VERB/acl/14/VBN on/ADP/prep/15 "
        "May/PROPN/pobj/16 2/NUM/nummod/17",
        ["round"],
    ),
    # "Chile held talks with Oslo in May, and a second round is due on Monday."
    (
        "Chile/PROPN/nsubj/1 held:hold/VERB/ROOT/1/VBD talks:talk/NOUN/dobj/1 with/ADP/prep/2 "
        "Oslo/PROPN/pobj/3 in/ADP/prep/1 May/PROPN/pobj/5 and/CCONJ/cc/1 a/DET/det/10 "
        "second/ADJ/amod/10 round/NOUN/nsubj/11 is:be/AUX/conj/1/VBZ due/ADJ/acomp/11 "
        "on/ADP/prep/12 Monday/PROPN/pobj/13",
        [],
    ),
    # "Talks with Oslo resumed despite a round of tariffs imposed on Monday."
    (
        "Talks:talk/NOUN/nsubj/3 with/ADP/prep/0 Oslo/PROPN/pobj/1 resumed:resume/VERB/ROOT/3/VBD "
        "despite/ADP/prep/3 a/DET/det/6 round/NOUN/pobj/4 of/ADP/prep/6 tariffs:tariff/NOUN/pobj/7 "
        "imposed:impose/VERB/acl/6/VBN on/ADP/prep/9 Monday/PROPN/pobj/10",
        [],
    ),
]


@pytest.mark.parametrize(("spec", "rounds"), ROUNDS)
def test_talks_are_anchored_on_their_round_in_their_own_clause(
    spec: str, rounds: list[str]
) -> None:
    doc = build(spec)
    lex = default_lexicon()
    talks = next(t for t in doc if t.lemma_ == "talk")
    assert [t.text for t in rounds_of(talks, anchors_of(talks, lex), lex)] == rounds


def test_a_round_is_no_anchor_of_another_event() -> None:
    # "Chile signed the deal, with the latest round held on May 2.": not talks
    doc = build(
        "Chile/PROPN/nsubj/1 signed:sign/VERB/ROOT/1/VBD the/DET/det/3 deal/NOUN/dobj/1 "
        "with/ADP/prep/1 the/DET/det/7 latest/ADJ/amod/7 round/NOUN/pobj/4 "
        "held:hold/VERB/acl/7/VBN on/ADP/prep/8 May/PROPN/pobj/9 2/NUM/nummod/10"
    )
    lex = default_lexicon()
    assert rounds_of(doc[3], anchors_of(doc[3], lex), lex) == ()


@pytest.mark.slow
def test_talks_take_the_day_of_their_latest_round(nlp: Language) -> None:
    body = (
        "Kenya has been in talks with Peru to lower the tariff, "
        "with the latest round held on July 2."
    )
    talks = [e for e in _read(nlp, body).events if e.kind == "talks"]
    assert [(e.date and e.date.isoformat(), sorted(e.participants)) for e in talks] == [
        ("2025-07-02", ["KEN", "PER"])
    ]


# -- an election is its country's ---------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "William Ruto met Dina Boluarte in Nairobi on Monday, "
        "with the Peruvian presidential elections scheduled for May 31.",
        "Their first meeting came as William Ruto and Dina Boluarte prepared "
        "for the Peruvian presidential election on May 31.",
    ],
)
def test_people_near_an_election_are_not_its_participants(nlp: Language, body: str) -> None:
    elections = [e for e in _read(nlp, body).events if e.kind == "election"]
    assert [e.participants for e in elections] == [("PER",)]


# -- discussions are talks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "index", "rule"),
    [
        # "Chile and Oslo held discussions." -> held discussions
        (
            "Chile/PROPN/nsubj/3 and/CCONJ/cc/0 Oslo/PROPN/conj/0 held:hold/VERB/ROOT/3/VBD "
            "discussions:discussion/NOUN/dobj/3",
            3,
            "talks.verb_object",
        ),
        # "Chile resumed discussions with Oslo."
        (
            "Chile/PROPN/nsubj/1 resumed:resume/VERB/ROOT/1/VBD "
            "discussions:discussion/NOUN/dobj/1 with/ADP/prep/2 Oslo/PROPN/pobj/3",
            1,
            "talks.verb_object",
        ),
    ],
)
def test_discussions_name_talks(spec: str, index: int, rule: str) -> None:
    trigger = trigger_of(build(spec)[index], lambda _t: False)
    assert trigger is not None and (trigger.kind, trigger.rule) == ("talks", rule)


@pytest.mark.slow
def test_discussions_held_at_a_place_and_day_are_talks(nlp: Language) -> None:
    body = "Kenyan and Peruvian officials held discussions in Lima on Friday."
    talks = [e for e in _read(nlp, body).events if e.kind == "talks"]
    assert [(e.place, sorted(e.participants)) for e in talks] == [("Lima", ["KEN", "PER"])]


# -- governments' sides meeting hold talks ------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "kind", "participants"),
    [
        ("Kenyan officials met Peruvian officials in Lima on Friday.", "talks", ["KEN", "PER"]),
        (
            "Kenya's trade minister met his Peruvian counterpart in Lima on Friday.",
            "talks",
            ["KEN", "PER"],
        ),
    ],
)
def test_unnamed_sides_of_two_governments_meeting_hold_talks(
    nlp: Language, body: str, kind: str, participants: list[str]
) -> None:
    events = _read(nlp, body).events
    assert [(e.kind, sorted(e.participants)) for e in events] == [(kind, participants)]


@pytest.mark.slow
def test_a_named_person_meeting_officials_holds_no_talks(nlp: Language) -> None:
    events = _read(nlp, "William Ruto met Peruvian officials in Lima on Friday.").events
    assert not [e for e in events if e.kind in {"talks", "meeting"}]


# -- receiving a person is meeting them ---------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "kind"),
    [
        # "Ruto received Lula in Nairobi."
        (
            "Ruto/PROPN/nsubj/1 received:receive/VERB/ROOT/1/VBD Lula/PROPN/dobj/1 "
            "in/ADP/prep/1 Nairobi/PROPN/pobj/3",
            "meeting",
        ),
        # "Ruto received a letter from Lula."
        (
            "Ruto/PROPN/nsubj/1 received:receive/VERB/ROOT/1/VBD a/DET/det/3 letter/NOUN/dobj/1 "
            "from/ADP/prep/3 Lula/PROPN/pobj/4",
            None,
        ),
    ],
)
def test_receiving_a_person_is_meeting_them(spec: str, kind: str | None) -> None:
    trigger = trigger_of(build(spec)[1], lambda t: t.text in {"Ruto", "Lula"})
    assert (trigger.kind if trigger else None) == kind


# -- a trip with one named counterpart is the meeting -------------------------------------------


_STORY = EventStory.of(
    [
        {"name": n, "country": c}
        for n, c in (("Ana Ruiz", "PER"), ("Ben Okoro", "KEN"), ("Eva Lind", "SWE"))
    ],
    [],
    [],
)


def _event(kind: str, names: list[str], place: str | None = None, **when: str) -> EventRecord:
    return EventRecord(
        kind,
        tuple(names),
        place=place,
        date=when.get("date"),
        date_text=when.get("date_text"),
    )


def test_an_undated_trip_to_one_meeting_is_that_meeting() -> None:
    trip = _event("visit", ["Ana Ruiz"], "Sweden")
    for place in ("Stockholm", None):  # the capital of the trip's country, or no place told
        meeting = _event("meeting", ["Ana Ruiz", "Eva Lind"], place)
        assert met_there(trip, [trip, meeting], _STORY, default_lexicon())


@pytest.mark.parametrize(
    ("trip", "meetings"),
    [
        # a dated trip: the departure or arrival is its own event
        (
            _event("visit", ["Ana Ruiz"], "Kenya", date="2025-07-13", date_text="Sunday"),
            [_event("meeting", ["Ana Ruiz", "Ben Okoro"])],
        ),
        # a tour with two meetings
        (
            _event("visit", ["Ana Ruiz"], "Kenya"),
            [
                _event("meeting", ["Ana Ruiz", "Ben Okoro"]),
                _event("meeting", ["Ana Ruiz", "Eva Lind"]),
            ],
        ),
        # the meeting is in another country
        (
            _event("visit", ["Ana Ruiz"], "Kenya"),
            [_event("meeting", ["Ana Ruiz", "Ben Okoro"], "Stockholm")],
        ),
        # a country's delegation travels
        (_event("visit", ["PER"], "Kenya"), [_event("meeting", ["Ana Ruiz", "Ben Okoro"])]),
    ],
)
def test_other_trips_stay_visits(trip: dict, meetings: list[dict]) -> None:
    assert not met_there(trip, [trip, *meetings], _STORY, default_lexicon())


# -- a plan lies ahead --------------------------------------------------------------------------

JULY_14 = dt.date(2025, 7, 14)


def _record(text: str, kind: str, day: dt.date, precision: str = "day") -> TimeRecord:
    return TimeRecord(0, len(text), text, kind, day, precision, "on", 1, "on", None)


@pytest.mark.parametrize(
    ("record", "moved"),
    [
        (_record("March 19", "absolute", dt.date(2025, 3, 19)), dt.date(2026, 3, 19)),
        (_record("March", "month", dt.date(2025, 3, 1), "month"), dt.date(2026, 3, 1)),
        # a year written, a day within the page's slack, a day ahead: left as they are
        (_record("March 19, 2025", "absolute", dt.date(2025, 3, 19)), None),
        (_record("July 10", "absolute", dt.date(2025, 7, 10)), None),
        (_record("July", "month", dt.date(2025, 7, 1), "month"), None),
        (_record("August 1", "absolute", dt.date(2025, 8, 1)), None),
    ],
)
def test_a_plan_told_by_day_and_month_lies_ahead(record: TimeRecord, moved: dt.date | None) -> None:
    assert planned_year(record, JULY_14) == moved
    assert planned_year(record, None) is None


@pytest.mark.slow
def test_a_meeting_told_ahead_takes_next_years_day(nlp: Language) -> None:
    body = "William Ruto will meet Dina Boluarte in Lima on March 19."
    meetings = [e for e in _read(nlp, body).events if e.kind == "meeting"]
    assert [e.date and e.date.isoformat() for e in meetings] == ["2026-03-19"]
