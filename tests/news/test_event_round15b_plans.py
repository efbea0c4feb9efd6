"""Round 15b: planned events as classes. The timetable idiom ("is to visit", "were to depart"),
a present tense in a clause of a future main clause ("will speak when he travels"), a trip
under way ("is headed to"), and "they" opening a sentence after a delegation was its subject.
Sentences written for these tests: hand-built ``Doc`` objects where the parse is given, the
trained model where the parse is the point (marked ``slow``)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_plans import _read
from tests.news.test_event_trigger_rules import build

from tariffscope.news._event_plan import plan_frame, plan_overtaken, timetable_copula
from tariffscope.news._event_when import told_ahead
from tariffscope.news._syntax import direction
from tariffscope.news.event_triggers import default_rules, find_triggers
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()

TIMETABLE = (
    "Okafor/PROPN/nsubj/1 was:be/AUX/ROOT/1/VBD to/PART/aux/3/TO depart:depart/VERB/xcomp/1/VB "
    "for/ADP/prep/3 Lima/PROPN/pobj/4 on/ADP/prep/3 Monday/PROPN/pobj/6"
)


def test_the_timetable_idiom_is_a_plan_frame_looking_ahead() -> None:
    doc = build(TIMETABLE)
    frame = plan_frame(doc[3], LEX)
    assert frame is not None and frame.i == 1
    assert direction(doc[3]) == 1  # "was to depart on Monday": ahead, though "was" is past


def test_a_goal_told_with_be_to_is_no_timetable() -> None:
    doc = build(
        "The/DET/det/1 aim:aim/NOUN/nsubj/2 is:be/AUX/ROOT/2/VBZ to/PART/aux/4/TO "
        "sign/VERB/xcomp/2/VB a/DET/det/6 deal/NOUN/dobj/4"
    )
    assert not timetable_copula(doc[4], LEX)
    assert plan_frame(doc[4], LEX) is None


def test_a_present_tense_under_a_future_clause_looks_ahead() -> None:
    doc = build(
        "Okafor/PROPN/nsubj/2 will/AUX/aux/2/MD speak/VERB/ROOT/2/VB when/SCONJ/advmod/5/WRB "
        "he/PRON/nsubj/5 travels:travel/VERB/advcl/2/VBZ to/ADP/prep/5 Lima/PROPN/pobj/6"
    )
    assert direction(doc[5]) == 1


def test_a_present_tense_under_a_past_clause_does_not_look_ahead() -> None:
    doc = build(
        "Okafor/PROPN/nsubj/1 spoke:speak/VERB/ROOT/1/VBD when/SCONJ/advmod/4/WRB "
        "he/PRON/nsubj/4 travels:travel/VERB/advcl/1/VBZ to/ADP/prep/4 Lima/PROPN/pobj/5"
    )
    assert direction(doc[4]) != 1


def test_a_trip_under_way_is_told_ahead() -> None:
    doc = build(
        "The/DET/det/1 minister/NOUN/nsubjpass/3 is:be/AUX/auxpass/3/VBZ "
        "headed:head/VERB/ROOT/3/VBN to/ADP/prep/3 Lima/PROPN/pobj/4"
    )
    assert told_ahead(doc[3], LEX)
    past = build(
        "The/DET/det/1 minister/NOUN/nsubj/2 headed:head/VERB/ROOT/2/VBD to/ADP/prep/2 "
        "Lima/PROPN/pobj/3"
    )
    assert not told_ahead(past[2], LEX)


def test_a_plan_told_in_the_past_perfect_is_overtaken() -> None:
    doc = build(
        "The/DET/det/1 committee/NOUN/nsubjpass/4 had:have/AUX/aux/4/VBD "
        "been:be/AUX/auxpass/4/VBN scheduled:schedule/VERB/ROOT/4/VBN to/PART/aux/6/TO "
        "vote/VERB/xcomp/4/VB on/ADP/prep/6 Tuesday/PROPN/pobj/7"
    )
    frame = plan_frame(doc[6], LEX)
    assert frame is not None and plan_overtaken(frame)
    now = build(
        "The/DET/det/1 committee/NOUN/nsubjpass/3 is:be/AUX/auxpass/3/VBZ "
        "scheduled:schedule/VERB/ROOT/3/VBN to/PART/aux/5/TO vote/VERB/xcomp/3/VB "
        "on/ADP/prep/5 Tuesday/PROPN/pobj/6"
    )
    frame = plan_frame(now[5], LEX)
    assert frame is not None and not plan_overtaken(frame)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "participant", "date"),
    [
        ("Trade Minister Amara Okafor is to visit Lima on Friday.", "Amara Okafor", "2025-07-18"),
        (
            "The Kenyan delegation includes officials from three ministries. "
            "They were to depart for Lima on Friday.",
            "KEN",
            "2025-07-18",
        ),
    ],
)
def test_a_timetable_visit_is_planned_on_the_day_ahead(
    nlp: Language, body: str, participant: str, date: str
) -> None:
    visits = [e for e in _read(nlp, body).events if e.kind == "visit"]
    assert [(e.status, str(e.date), list(e.participants)) for e in visits] == [
        ("planned", date, [participant])
    ]


@pytest.mark.slow
def test_a_trip_in_a_clause_of_a_future_clause_is_planned(nlp: Language) -> None:
    body = (
        "Trade Minister Amara Okafor will argue for free trade when she travels to Lima on Friday."
    )
    visits = [e for e in _read(nlp, body).events if e.kind == "visit"]
    assert [(e.status, str(e.date)) for e in visits] == [("planned", "2025-07-18")]


@pytest.mark.slow
def test_a_visit_planned_in_the_past_perfect_is_cancelled(nlp: Language) -> None:
    body = "Trade Minister Amara Okafor had planned to visit Lima on Friday."
    visits = [e for e in _read(nlp, body).events if e.kind == "visit"]
    assert [e.status for e in visits] == ["cancelled"]


@pytest.mark.slow
def test_an_event_dated_after_publication_is_planned_whatever_the_verb(nlp: Language) -> None:
    # "put ... on the agenda": a past verb; the vote it sets lies ahead of the July 16 story
    body = "The Kenyan parliament put the bill back on the agenda for a vote on July 24."
    votes = [e for e in _read(nlp, body).events if e.kind == "election"]
    assert [(e.status, str(e.date)) for e in votes] == [("planned", "2025-07-24")]


def _kinds(spec: str) -> list[tuple[str, str]]:
    return [
        (t.token.text, t.kind)
        for t in find_triggers(build(spec), default_rules(), lambda _t: False)
    ]


def test_a_deal_noun_planned_for_a_passive_deal_verb_names_the_agreement() -> None:
    planned = _kinds(
        "The/DET/det/1 pact/NOUN/nsubjpass/3 is:be/AUX/auxpass/3/VBZ set/VERB/ROOT/3/VBN "
        "to/PART/aux/6/TO be/AUX/auxpass/6/VB signed:sign/VERB/xcomp/3/VBN on/ADP/prep/6 "
        "Friday/PROPN/pobj/7"
    )
    assert ("pact", "agreement") in planned
    judged = _kinds(
        "The/DET/det/1 pact/NOUN/nsubjpass/3 is:be/AUX/auxpass/3/VBZ expected:expect/VERB/ROOT/3/VBN "
        "to/PART/aux/5/TO be/AUX/xcomp/3/VB good/ADJ/acomp/5"
    )
    assert ("pact", "agreement") not in judged


@pytest.mark.slow
def test_they_after_a_reported_delegation_is_that_delegation(nlp: Language) -> None:
    body = (
        "A Kenyan delegation is in Lima this week, Trade Minister Amara Okafor said. "
        "They will travel to Quito on Friday."
    )
    visits = [e for e in _read(nlp, body).events if e.kind == "visit" and e.place == "Quito"]
    assert [list(e.participants) for e in visits] == [["KEN"]]


def test_a_present_tense_of_contrast_under_a_future_clause_stays_present() -> None:
    # "will take effect on August 27, while a 25% tariff comes into force on Thursday"
    doc = build(
        "It/PRON/nsubj/2 will/AUX/aux/2/MD rise:rise/VERB/ROOT/2/VB while/SCONJ/mark/5 "
        "tariffs:tariff/NOUN/nsubj/5 apply:apply/VERB/advcl/2/VBP now/ADV/advmod/5"
    )
    assert direction(doc[5]) == 0
