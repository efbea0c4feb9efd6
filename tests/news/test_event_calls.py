"""Calls as a class: a call is between two people, so a caller speaking with several people
told by one verb makes one call with each (sentences written for these tests); and the
anchoring of public events of no other kind."""

from __future__ import annotations

from tests.news.test_event_trigger_rules import build

from tariffscope.news.events import _occasion_untold, _one_call_each


def _event(kind: str, people: list[str]) -> dict[str, object]:
    return {"kind": kind, "participants": people, "date": None}


def test_a_caller_with_several_people_makes_one_call_with_each() -> None:
    doc = build(
        "Carney/PROPN/nsubj/1 called:call/VERB/ROOT/1/VBD Meloni/PROPN/dobj/1 "
        "and/CCONJ/cc/2 Okafor/PROPN/conj/2"
    )
    calls = _one_call_each(_event("call", ["Carney", "Meloni", "Okafor"]), doc[1])
    assert [c["participants"] for c in calls] == [["Carney", "Meloni"], ["Carney", "Okafor"]]


def test_a_call_of_two_a_call_told_as_a_noun_and_a_meeting_stay_whole() -> None:
    doc = build("a/DET/det/1 call/NOUN/ROOT/1 with/ADP/prep/1 Meloni/PROPN/pobj/2")
    verb = build("Carney/PROPN/nsubj/1 met:meet/VERB/ROOT/1/VBD Meloni/PROPN/dobj/1")[1]
    three = ["Carney", "Meloni", "Okafor"]
    assert len(_one_call_each(_event("call", three), doc[1])) == 1  # a conference call
    assert len(_one_call_each(_event("call", three[:2]), verb)) == 1
    assert len(_one_call_each(_event("meeting", three), verb)) == 1


def test_a_public_event_with_neither_time_nor_place_needs_another_mention() -> None:
    assert _occasion_untold("other", "other.noun", dated=False, placed=False)
    assert not _occasion_untold("other", "other.noun", dated=True, placed=False)
    assert not _occasion_untold("other", "other.noun", dated=False, placed=True)
    assert not _occasion_untold("meeting", "meeting.verb", dated=False, placed=False)


def test_an_act_told_only_by_its_measure_with_neither_time_nor_place_needs_another_mention() -> (
    None
):
    assert _occasion_untold("announcement", "announcement.measure_verb", False, False)
    assert not _occasion_untold("announcement", "announcement.measure_verb", True, False)
    assert not _occasion_untold("announcement", "announcement.measure_verb", False, True)
    # an announcing verb names the act itself ("announced new tariffs"): it stands undated
    assert not _occasion_untold("announcement", "announcement.announce_verb", False, False)
