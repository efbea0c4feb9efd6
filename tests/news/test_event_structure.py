"""An event's kind from its structure (GUIDELINES.md definitions), plan frames, parties named
by their governments and purpose gerunds, each on sentences written for these tests: hand-built
``Doc`` objects where the parse is given (specs as in test_event_trigger_rules), the trained
model where the parse is the point (marked ``slow``)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language
from tests.news.test_event_trigger_rules import build

from tariffscope.domain.news import Extraction
from tariffscope.news._event_company import event_leaders
from tariffscope.news._event_kind import EventShape, kind_by_structure, remote_mode
from tariffscope.news._event_merge import same_event, share_occasions, with_counterparts
from tariffscope.news._event_people import _party_countries
from tariffscope.news._event_plan import frame_subject, plan_frame
from tariffscope.news._event_record import EventRecord
from tariffscope.news._event_story import EventStory
from tariffscope.news._event_when import place_name
from tariffscope.news._syntax import direction, subject_of
from tariffscope.news.api import extract
from tariffscope.news.event_mood import not_an_event
from tariffscope.news.event_triggers import Trigger
from tariffscope.news.events import (
    _conditional_consequence,
    _done_by_own_clause,
    _setting_of_clause,
    _unrealized_gerund,
)
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()


def _shape(kind: str, people: int = 0, countries: int = 0, **kw: object) -> EventShape:
    values = {"remote": False, "led": False, "place": None, **kw}
    return EventShape(kind, people, countries, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("shape", "kind"),
    [
        (_shape("meeting", people=2, remote=True), "call"),  # met virtually
        (_shape("talks", countries=2, remote=True), "call"),  # talks by video link
        (_shape("talks", people=2), "meeting"),  # two named people in person
        (_shape("talks", people=2, led=True), "talks"),  # a round led by its heads
        (_shape("meeting", people=2, led=True), "talks"),  # "the meeting was led by A and B"
        (_shape("meeting", countries=2), "talks"),  # delegations only
        (_shape("meeting", people=1, place="Lima"), "visit"),  # no named counterpart
        (_shape("meeting", people=1), None),  # one side, nowhere: no event
        (_shape("meeting", people=1, countries=1), "meeting"),
        (_shape("call", people=1, countries=1), "call"),
        (_shape("agreement", countries=2, remote=True), "agreement"),  # not an encounter
    ],
)
def test_the_kind_of_an_encounter_follows_its_structure(shape: EventShape, kind: str) -> None:
    assert kind_by_structure(shape) == kind


def test_a_remote_mode_on_the_verb_or_in_a_by_phrase_makes_a_call() -> None:
    virtually = build(
        "Bolat/PROPN/nsubj/1 met:meet/VERB/ROOT/1/VBD virtually/ADV/advmod/1 "
        "with/ADP/prep/1 Greer/PROPN/pobj/3"
    )
    assert remote_mode(virtually[1], LEX)
    by_video = build(
        "They/PRON/nsubj/1 held:hold/VERB/ROOT/1/VBD talks:talk/NOUN/dobj/1 by/ADP/prep/1 "
        "video/NOUN/compound/5 link/NOUN/pobj/3"
    )
    assert remote_mode(by_video[2], LEX)


def test_a_phone_word_after_the_meeting_is_not_its_mode() -> None:
    after_call = build(
        "They/PRON/nsubj/1 met:meet/VERB/ROOT/1/VBD after/ADP/prep/1 a/DET/det/5 "
        "phone/NOUN/compound/5 call/NOUN/pobj/2"
    )
    assert not remote_mode(after_call[1], LEX)


def test_a_plan_frame_above_the_trigger_gives_the_plan_and_its_subject() -> None:
    due = build(
        "Ruto/PROPN/nsubj/1 is:be/AUX/ROOT/1/VBZ due/ADJ/acomp/1 to/PART/aux/4/TO "
        "travel/VERB/xcomp/2 on/ADP/prep/4 Monday/PROPN/pobj/5"
    )
    frame = plan_frame(due[4], LEX)
    assert frame is not None and frame.text == "due"
    assert frame_subject(frame) is not None and frame_subject(frame).text == "Ruto"
    scheduled = build(
        "Ministers:minister/NOUN/nsubjpass/2 are:be/AUX/auxpass/2/VBP "
        "scheduled:schedule/VERB/ROOT/2/VBN to/PART/aux/4/TO meet/VERB/xcomp/2"
    )
    assert plan_frame(scheduled[4], LEX).i == 2
    assert frame_subject(scheduled[2]).i == 0


def test_no_frame_when_negated_or_when_the_head_is_no_plan_word() -> None:
    negated = build(
        "Ruto/PROPN/nsubj/1 is:be/AUX/ROOT/1/VBZ not/PART/neg/1/RB due/ADJ/acomp/1 "
        "to/PART/aux/5/TO travel/VERB/xcomp/3"
    )
    assert plan_frame(negated[5], LEX) is None
    refused = build(
        "Ruto/PROPN/nsubj/1 refused:refuse/VERB/ROOT/1/VBD to/PART/aux/3/TO travel/VERB/xcomp/1"
    )
    assert plan_frame(refused[3], LEX) is None


def test_officials_from_two_countries_are_the_two_governments() -> None:
    doc = build(
        "Officials:official/NOUN/nsubj/6 from/ADP/prep/0 Peru/PROPN/pobj/1 and/CCONJ/cc/2 "
        "Chile/PROPN/conj/2 ./PUNCT/punct/6 met:meet/VERB/ROOT/6/VBD"
    )
    assert _party_countries(doc[0], LEX) == ["PER", "CHL"]


def test_leaders_of_two_countries_are_people_not_governments() -> None:
    doc = build(
        "Leaders:leader/NOUN/nsubj/4 of/ADP/prep/0 Peru/PROPN/pobj/1 and/CCONJ/cc/2 "
        "met:meet/VERB/ROOT/4/VBD"
    )
    assert _party_countries(doc[0], LEX) == []


def _read(nlp: Language, body: str) -> Extraction:
    text = f"published: 2025-07-16\n\nTrade news of the day\n\n{body}\n"
    return extract(article_from_text(text), nlp)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "kind", "date"),
    [
        (
            "Kenyan Trade Minister Lee Kinyanjui is due to travel to Washington on Monday.",
            "visit",
            "2025-07-21",  # the plan points ahead from Wednesday 16 July
        ),
        (
            "Trade ministers of Brazil and Argentina are scheduled to meet in Brasilia on July 21.",
            "talks",
            "2025-07-21",
        ),
    ],
)
def test_a_planned_event_is_planned_and_dated(
    nlp: Language, body: str, kind: str, date: str
) -> None:
    events = [e for e in _read(nlp, body).events if e.kind == kind]
    assert len(events) == 1
    assert events[0].status == "planned"
    assert events[0].date is not None and events[0].date.isoformat() == date


@pytest.mark.slow
def test_delegations_from_two_countries_meeting_hold_talks(nlp: Language) -> None:
    body = "Delegations from Peru and the United States met in Lima on Monday."
    events = _read(nlp, body).events
    assert [(e.kind, sorted(e.participants)) for e in events] == [("talks", ["PER", "USA"])]


@pytest.mark.slow
def test_a_deal_a_round_of_talks_aims_at_is_no_agreement(nlp: Language) -> None:
    body = (
        "Officials from Chile and the United States on Tuesday began talks aimed at "
        "finalizing a trade deal."
    )
    assert not [e for e in _read(nlp, body).events if e.kind == "agreement"]


def _event(
    kind: str,
    names: list[str],
    date: str | None = None,
    place: str | None = None,
    start: int = 0,
    one_sided: bool = False,
) -> EventRecord:
    return EventRecord(kind, tuple(names), date=date, place=place, start=start, one_sided=one_sided)


def test_a_one_sided_call_takes_its_counterpart_from_the_storys_other_mention() -> None:
    both = _event("call", ["Lula", "Carney"])
    dated = _event("call", ["Lula"], "2025-07-02", one_sided=True)
    out = with_counterparts([both, dated])
    assert [e.participants for e in out] == [("Lula", "Carney"), ("Lula", "Carney")]
    assert out[1].date == "2025-07-02" and not out[1].one_sided


def test_a_one_sided_meeting_with_no_other_mention_is_no_event() -> None:
    alone = _event("meeting", ["Lula"], "2025-07-02", one_sided=True)
    planned = replace(_event("meeting", ["Lula", "Carney"]), status="planned")
    assert with_counterparts([alone, planned]) == [planned]  # a plan is not its counterpart


def test_a_one_sided_call_with_no_other_mention_takes_the_clause_counterpart() -> None:
    alone = replace(_event("call", ["Lula"], one_sided=True), counterpart="Carney")
    assert [e.participants for e in with_counterparts([alone])] == [("Lula", "Carney")]


@pytest.mark.slow
def test_the_speaker_above_a_call_with_one_named_side_is_its_other_side(
    nlp: Language,
) -> None:
    tail = (
        " said the deal lowers the tariff on Brazilian beef to 10%, following a phone call "
        "with Canadian Prime Minister Mark Carney."
    )
    body = "Brazilian President Luiz Inacio Lula da Silva" + tail
    calls = [e for e in _read(nlp, body).events if e.kind == "call"]
    assert [sorted(e.participants) for e in calls] == [["Luiz Inacio Lula da Silva", "Mark Carney"]]
    # a speaker of the same country is no other side
    same = "Canadian Finance Minister Dominic LeBlanc" + tail
    assert not [e for e in _read(nlp, same).events if e.kind == "call"]


def test_an_event_noun_that_is_the_subject_of_a_plan_is_planned() -> None:
    doc = build(
        "A/DET/det/1 meeting/NOUN/nsubjpass/3 is:be/AUX/auxpass/3/VBZ "
        "planned:plan/VERB/ROOT/3/VBN for/ADP/prep/3 Friday/PROPN/pobj/4"
    )
    frame = plan_frame(doc[1], LEX)
    assert frame is not None and frame.i == 3


@pytest.mark.parametrize(
    ("spec", "verb", "way"),
    [
        # "is due to hold": the frame is an adjective with no verb between it and "is"
        (
            "They/PRON/nsubj/1 are:be/AUX/ROOT/1/VBP due/ADJ/acomp/1 to/PART/aux/4/TO "
            "hold/VERB/xcomp/2",
            4,
            1,
        ),
        # "a meeting is planned for": the passive of a plan verb looks ahead
        (
            "A/DET/det/1 meeting/NOUN/nsubjpass/3 is:be/AUX/auxpass/3/VBZ "
            "planned:plan/VERB/ROOT/3/VBN",
            3,
            1,
        ),
        # ... but not when it was planned
        (
            "A/DET/det/1 meeting/NOUN/nsubjpass/3 was:be/AUX/auxpass/3/VBD "
            "planned:plan/VERB/ROOT/3/VBN",
            3,
            -1,
        ),
    ],
)
def test_plan_frames_point_ahead(spec: str, verb: int, way: int) -> None:
    assert direction(build(spec)[verb]) == way


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "date"),
    [
        (
            "South Korea and the United States are due to hold trade talks on Thursday.",
            "2025-07-17",
        ),
        (
            "Negotiators from Chile and the United States are expected to hold a fresh round of "
            "talks on Monday.",
            "2025-07-21",
        ),
    ],
)
def test_planned_talks_are_dated_ahead(nlp: Language, body: str, date: str) -> None:
    talks = [e for e in _read(nlp, body).events if e.kind == "talks"]
    assert len(talks) == 1 and talks[0].status == "planned"
    assert talks[0].date is not None and talks[0].date.isoformat() == date


def test_the_consequence_of_a_condition_is_no_event() -> None:
    doc = build(
        "Talks:talk/NOUN/nsubj/2 would/AUX/aux/2/MD resume/VERB/ROOT/2/VB if/SCONJ/mark/6 "
        "tariffs:tariff/NOUN/nsubjpass/6 were:be/AUX/auxpass/6/VBD lifted:lift/VERB/advcl/2/VBN"
    )
    assert _conditional_consequence(doc[2], LEX)
    told = build(
        "Talks:talk/NOUN/nsubj/1 resumed:resume/VERB/ROOT/1/VBD after/SCONJ/mark/5 "
        "tariffs:tariff/NOUN/nsubjpass/5 were:be/AUX/auxpass/5/VBD lifted:lift/VERB/advcl/1/VBN"
    )
    assert not _conditional_consequence(told[1], LEX)


def test_a_dated_announcement_of_nothing_concrete_is_no_event() -> None:
    studying = build(
        "Brussels/PROPN/nsubj/1 announced:announce/VERB/ROOT/1/VBD on/ADP/prep/1 "
        "Monday/PROPN/pobj/2 that/SCONJ/mark/7 it/PRON/nsubj/7 was:be/AUX/aux/7/VBD "
        "studying:study/VERB/ccomp/1/VBG the/DET/det/9 proposals:proposal/NOUN/dobj/7"
    )
    trig = Trigger(studying[1], "announcement", "announcement.announce_verb")
    assert not_an_event(trig, True, LEX)
    regime = build(
        "Beijing/PROPN/nsubj/1 announced:announce/VERB/ROOT/1/VBD on/ADP/prep/1 "
        "Monday/PROPN/pobj/2 its/PRON/poss/6 new/ADJ/amod/6 regime/NOUN/dobj/1"
    )
    trig = Trigger(regime[1], "announcement", "announcement.announce_verb")
    assert not not_an_event(trig, True, LEX)  # a noun for what is announced


_NO_STORY = EventStory.of([], [], [])  # no people, quotes or measures


def test_the_capital_of_a_country_is_named_by_the_country() -> None:
    doc = build(
        "She/PRON/nsubj/1 flew:fly/VERB/ROOT/1/VBD to/ADP/prep/1 the/DET/det/5 "
        "US/PROPN/compound/5 capital/NOUN/pobj/2"
    )
    assert place_name(doc[5], LEX) == "US"


def test_a_capital_and_its_country_are_one_place_of_a_visit() -> None:
    a = _event("visit", ["Lula"], place="Washington")
    b = _event("visit", ["Lula"], place="US")
    c = _event("visit", ["Lula"], place="Ottawa")
    assert same_event(a, b, _NO_STORY, LEX)
    assert not same_event(a, c, _NO_STORY, LEX)


def test_a_gerund_of_aim_or_prospect_is_no_event() -> None:
    doc = build(
        "talks:talk/NOUN/ROOT/0 aimed:aim/VERB/acl/0/VBN at/ADP/prep/1 "
        "resolving:resolve/VERB/pcomp/2/VBG disputes:dispute/NOUN/dobj/3 and/CCONJ/cc/3 "
        "signing:sign/VERB/conj/3/VBG a/DET/det/8 deal/NOUN/dobj/6"
    )
    assert _unrealized_gerund(doc[6], LEX)  # through the conjunct
    after = build(
        "They/PRON/nsubj/1 spoke:speak/VERB/ROOT/1/VBD after/ADP/prep/1 "
        "signing:sign/VERB/pcomp/2/VBG a/DET/det/5 deal/NOUN/dobj/3"
    )
    assert not _unrealized_gerund(after[3], LEX)
    committed = build(
        "Rossi/PROPN/nsubjpass/2 is:be/AUX/auxpass/2 committed:commit/VERB/ROOT/2/VBN "
        "to/ADP/prep/2 signing:sign/VERB/pcomp/3/VBG a/DET/det/6 deal/NOUN/dobj/4"
    )
    assert _unrealized_gerund(committed[4], LEX)  # a commitment is not the act


@pytest.mark.parametrize(
    ("spec", "is_event"),
    [
        # a thing as subject: a figure of speech
        (
            "comments:comment/NOUN/nsubj/1 raise/VERB/ROOT/1/VBP the/DET/det/3 "
            "risk/NOUN/dobj/1 of/ADP/prep/3 tariffs:tariff/NOUN/pobj/4",
            False,
        ),
        # an actor noun as subject imposes
        (
            "The/DET/det/1 administration/NOUN/nsubj/2 raised:raise/VERB/ROOT/2/VBD "
            "tariffs:tariff/NOUN/dobj/2",
            True,
        ),
    ],
)
def test_a_measure_verb_needs_an_actor(spec: str, is_event: bool) -> None:
    doc = build(spec)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    trig = Trigger(verb, "announcement", "announcement.measure_verb")
    assert not_an_event(trig, False, LEX) is not is_event


def test_the_people_who_lead_an_event_told_in_the_passive_take_part() -> None:
    doc = build(
        "The/DET/det/1 meeting/NOUN/nsubjpass/3 was:be/AUX/auxpass/3/VBD led:lead/VERB/ROOT/3/VBN "
        "by/ADP/agent/3 Bessent/PROPN/pobj/4 and/CCONJ/cc/5 He/PROPN/conj/5"
    )
    assert [t.text for t in event_leaders(doc[1], LEX)] == ["Bessent", "and", "He"]
    hosted = build(
        "The/DET/det/1 meeting/NOUN/nsubjpass/3 was:be/AUX/auxpass/3/VBD "
        "hosted:host/VERB/ROOT/3/VBN by/ADP/agent/3 Spain/PROPN/pobj/4"
    )
    assert event_leaders(hosted[1], LEX) == []  # a host is not a side


def test_by_on_an_active_verb_names_no_agent() -> None:
    active = build(
        "Trump/PROPN/nsubj/1 spoke:speak/VERB/ROOT/1/VBD by/ADP/agent/1 phone/NOUN/pobj/2"
    )
    assert subject_of(active[1]).text == "Trump"
    passive = build(
        "the/DET/det/1 framework/NOUN/ROOT/1 agreed:agree/VERB/acl/1/VBD by/ADP/agent/2 "
        "Trump/PROPN/pobj/3"
    )
    assert subject_of(passive[2]).text == "Trump"  # tagged as a past tense, still a passive


def test_an_infinitive_on_a_noun_of_plan_is_planned() -> None:
    doc = build(
        "Sisi/PROPN/compound/1 plans:plan/NOUN/ROOT/1 to/PART/aux/3/TO visit/VERB/acl/1 "
        "Beijing/PROPN/dobj/3"
    )
    frame = plan_frame(doc[3], LEX)
    assert frame is not None and frame.i == 1
    reason = build(
        "the/DET/det/1 reason/NOUN/ROOT/1 to/PART/aux/3/TO visit/VERB/acl/1 Beijing/PROPN/dobj/3"
    )
    assert plan_frame(reason[3], LEX) is None


def test_a_deal_told_in_the_sentence_of_a_meeting_shares_its_day_whatever_the_tense() -> None:
    # "Lula is meeting Carney today, where the two signed a pact": one sentence
    meeting = replace(
        _event("meeting", ["Lula", "Carney"], "2025-07-02"),
        status="planned",
        date_precision="day",
        date_text="today",
        place="Ottawa",
        start=0,
    )
    deal = _event("agreement", ["Lula", "Carney"], start=0)
    elsewhere = replace(deal, start=200)
    out = share_occasions([meeting, deal], _NO_STORY, LEX)
    assert out[1].date == "2025-07-02" and out[1].place == "Ottawa"
    out = share_occasions([meeting, elsewhere], _NO_STORY, LEX)
    assert out[1].date is None  # told apart, a plan and a deal done are two occasions
    undated = replace(meeting, date=None, date_precision=None)  # "today", no publication day
    dated_deal = replace(deal, date="2025-07-01", date_precision="month", date_text="July")
    out = share_occasions([undated, dated_deal], _NO_STORY, LEX)
    assert out[0].date is None and out[0].date_text == "today"


def test_an_event_noun_after_a_measure_of_a_setting_word_is_the_clauses_setting() -> None:
    doc = build(
        "Peru/PROPN/nsubj/1 sought:seek/VERB/ROOT/1/VBD a/DET/det/3 truce/NOUN/dobj/1 "
        "following/VERB/prep/1/VBG three/NUM/nummod/6 rounds:round/NOUN/pobj/4 of/ADP/prep/6 "
        "talks:talk/NOUN/pobj/7"
    )
    assert _setting_of_clause(doc[8], LEX)
    assert not _setting_of_clause(doc[3], LEX)
    request = build(
        "Peru/PROPN/nsubj/1 sought:seek/VERB/ROOT/1/VBD three/NUM/nummod/3 "
        "rounds:round/NOUN/dobj/1 of/ADP/prep/3 talks:talk/NOUN/pobj/4"
    )
    assert not _setting_of_clause(request[5], LEX)


def test_an_event_noun_its_own_past_clause_tells_done_is_done() -> None:
    spec = (
        "Chile/PROPN/nsubj/1 will/AUX/aux/2/MD honor/VERB/ROOT/2/VB the/DET/det/4 "
        "deal/NOUN/dobj/2 it/PRON/nsubj/6 {verb}"
    )
    assert _done_by_own_clause(build(spec.format(verb="struck:strike/VERB/relcl/4/VBD"))[4])
    could = (
        "Chile/PROPN/nsubj/1 will/AUX/aux/2/MD honor/VERB/ROOT/2/VB the/DET/det/4 "
        "deal/NOUN/dobj/2 it/PRON/nsubj/7 could/AUX/aux/7/MD strike/VERB/relcl/4/VB"
    )
    assert not _done_by_own_clause(build(could)[4])


@pytest.mark.slow
def test_a_deal_its_own_clause_tells_reached_under_a_wish_is_an_event(nlp: Language) -> None:
    body = (
        "Chilean President Gabriel Boric has shown a willingness to honor the terms of a trade "
        "agreement Chile reached with Peru in March."
    )
    deals = [e for e in _read(nlp, body).events if e.kind == "agreement"]
    assert [(e.status, sorted(e.participants)) for e in deals] == [
        ("happened", ["Gabriel Boric", "PER"])
    ]
