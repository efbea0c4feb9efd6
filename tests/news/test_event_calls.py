"""Calls as a class: a call is between two people, so a caller speaking with several people
told by one verb makes one call with each (sentences written for these tests); and the
anchoring of public events of no other kind."""

from __future__ import annotations

from tests.news.test_event_trigger_rules import build

from tariffscope.news._event_record import EventRecord
from tariffscope.news.event_triggers import Trigger
from tariffscope.news.events import _occasion_untold, _one_call_each


def _event(kind: str, people: list[str]) -> EventRecord:
    return EventRecord(kind, tuple(people))


def test_a_caller_with_several_people_makes_one_call_with_each() -> None:
    doc = build(
        "Carney/PROPN/nsubj/1 called:call/VERB/ROOT/1/VBD Meloni/PROPN/dobj/1 "
        "and/CCONJ/cc/2 Okafor/PROPN/conj/2"
    )
    calls = _one_call_each(_event("call", ["Carney", "Meloni", "Okafor"]), doc[1])
    assert [c.participants for c in calls] == [("Carney", "Meloni"), ("Carney", "Okafor")]


def test_a_call_of_two_a_call_told_as_a_noun_and_a_meeting_stay_whole() -> None:
    doc = build("a/DET/det/1 call/NOUN/ROOT/1 with/ADP/prep/1 Meloni/PROPN/pobj/2")
    verb = build("Carney/PROPN/nsubj/1 met:meet/VERB/ROOT/1/VBD Meloni/PROPN/dobj/1")[1]
    three = ["Carney", "Meloni", "Okafor"]
    assert len(_one_call_each(_event("call", three), doc[1])) == 1  # a conference call
    assert len(_one_call_each(_event("call", three[:2]), verb)) == 1
    assert len(_one_call_each(_event("meeting", three), verb)) == 1


def test_a_public_event_with_neither_time_nor_place_needs_another_mention() -> None:
    doc = build("the/DET/det/1 ceremony/NOUN/ROOT/1")
    other = Trigger(doc[1], "other", "other.noun")
    meeting = Trigger(doc[1], "meeting", "meeting.noun")
    assert _occasion_untold(other, "other", dated=False, placed=False)
    assert not _occasion_untold(other, "other", dated=True, placed=False)
    assert not _occasion_untold(other, "other", dated=False, placed=True)
    assert not _occasion_untold(meeting, "meeting", dated=False, placed=False)


def _imposition(spec: str, at: int) -> Trigger:
    return Trigger(build(spec)[at], "announcement", "announcement.measure_verb")


def test_an_imposition_told_as_a_state_with_neither_time_nor_place_needs_another_mention() -> None:
    present = _imposition(
        "Chile/PROPN/nsubj/1 imposes:impose/VERB/ROOT/1/VBZ a/DET/det/3 levy/NOUN/dobj/1", 1
    )
    perfect = _imposition(
        "Chile/PROPN/nsubj/2 has:have/AUX/aux/2/VBZ imposed:impose/VERB/ROOT/2/VBN "
        "levies:levy/NOUN/dobj/2",
        2,
    )
    gerund = _imposition(
        "Peru/PROPN/nsubj/1 yielded:yield/VERB/ROOT/1/VBD after/ADP/prep/1 "
        "threatening:threaten/VERB/pcomp/2/VBG levies:levy/NOUN/dobj/3",
        3,
    )
    for trig in (present, perfect, gerund):
        assert _occasion_untold(trig, "announcement", dated=False, placed=False)
        assert not _occasion_untold(trig, "announcement", dated=True, placed=False)
        assert not _occasion_untold(trig, "announcement", dated=False, placed=True)


def test_a_narrated_imposition_stands_without_time_or_place() -> None:
    past = _imposition(
        "Chile/PROPN/nsubj/1 raised:raise/VERB/ROOT/1/VBD levies:levy/NOUN/dobj/1", 1
    )
    assert not _occasion_untold(past, "announcement", dated=False, placed=False)
