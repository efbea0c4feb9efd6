"""Round 8 event classes, each on sentences written for it (hand-built parses, no model):

- a measure act that is a term of a deal ("under the pact, X will cut ...", "agreed to lift
  ...") is not an announcement: the deal is the event;
- a date on a past participle that describes a noun ("the levies unveiled on Monday would
  ...") looks back, whatever the main clause's tense: the event's date and its status (already
  "happened") agree;
- a directive to do an act that is no measure ("ordered officials to send back the letter")
  is no announcement;
- an event noun named as what something requires ("a vote is required", "would need a round
  of talks") is a condition, not an event;
- talks told in a named place with no side named ("the upcoming talks in Washington") are
  between the article's two countries (model tests, marked slow as the others);
- a person who has been to a named place visited it (rule visit.been_to_place);
- the owner of an agenda or plan "for" an event ("his agenda for talks with Greer") takes
  part in it;
- an encounter's kind (call, meeting, talks, visit, none) is one decision: the ordered kind
  table of ``event_rules.json``, each row on a shape written for it.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_trigger_rules import _person, build

from tariffscope.domain.news import Extraction
from tariffscope.errors import DataFileError
from tariffscope.news._event_kind import (
    EventShape,
    default_kind_table,
    kind_by_structure,
    kind_row,
    load_kind_table,
)
from tariffscope.news._event_people import _agenda_owners
from tariffscope.news._syntax import reduced_relative
from tariffscope.news.api import extract
from tariffscope.news.dates import DateExpr
from tariffscope.news.dates_component import date_direction
from tariffscope.news.event_mood import not_an_event
from tariffscope.news.event_triggers import Trigger, trigger_of
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

# -- a deal's terms are not announcements -------------------------------------------------------

TERMS_OF_A_DEAL = [
    # "Under the new pact, Mexico will scrap its duties on pork."
    (
        "Under/ADP/prep/6 the/DET/det/3 new/ADJ/amod/3 pact/NOUN/pobj/0 ,/PUNCT/punct/6 "
        "Mexico/PROPN/nsubj/6 scrap/VERB/ROOT/6/VB its/PRON/poss/8 duties:duty/NOUN/dobj/6 "
        "on/ADP/prep/8 pork/NOUN/pobj/9",
        6,
    ),
    # "Under the accord Washington lowered tariffs and Seoul removed its levies." (second verb)
    (
        "Under/ADP/prep/4 the/DET/det/2 accord/NOUN/pobj/0 Washington/PROPN/nsubj/4 "
        "lowered:lower/VERB/ROOT/4/VBD tariffs:tariff/NOUN/dobj/4 and/CCONJ/cc/4 "
        "Seoul/PROPN/nsubj/8 removed:remove/VERB/conj/4/VBD its/PRON/poss/10 "
        "levies:levy/NOUN/dobj/8",
        8,
    ),
    # "Ottawa agreed to lift its tariffs on steel."
    (
        "Ottawa/PROPN/nsubj/1 agreed:agree/VERB/ROOT/1/VBD to/PART/aux/3 lift/VERB/xcomp/1/VB "
        "its/PRON/poss/5 tariffs:tariff/NOUN/dobj/3 on/ADP/prep/5 steel/NOUN/pobj/6",
        3,
    ),
]


@pytest.mark.parametrize(("spec", "index"), TERMS_OF_A_DEAL)
def test_a_measure_act_under_a_deal_is_no_announcement(spec: str, index: int) -> None:
    assert trigger_of(build(spec)[index], _person) is None


def test_a_measure_act_under_a_law_is_still_an_announcement() -> None:
    # "Brazil imposed duties on ethanol under a reciprocity law": a law is not a deal
    doc = build(
        "Brazil/PROPN/nsubj/1 imposed:impose/VERB/ROOT/1/VBD duties:duty/NOUN/dobj/1 "
        "on/ADP/prep/2 ethanol/NOUN/pobj/3 under/ADP/prep/1 a/DET/det/8 "
        "reciprocity/NOUN/compound/8 law/NOUN/pobj/5"
    )
    trigger = trigger_of(doc[1], _person)
    assert trigger is not None and trigger.kind == "announcement"


def test_agreeing_to_lift_tariffs_is_the_agreement() -> None:
    doc = build(TERMS_OF_A_DEAL[2][0])
    trigger = trigger_of(doc[1], _person)
    assert trigger is not None and trigger.kind == "agreement"


# -- a participle on a noun dates its act in the past -------------------------------------------

# "The levies unveiled by Ottawa on Monday will hit exporters."
UNVEILED_ON_MONDAY = (
    "The/DET/det/1 levies:levy/NOUN/nsubj/9 unveiled:unveil/VERB/acl/1/VBN by/ADP/agent/2 "
    "Ottawa/PROPN/pobj/3 on/ADP/prep/2 Monday/PROPN/pobj/5 will/AUX/aux/9/MD "
    "soon/ADV/advmod/9 hit/VERB/ROOT/9/VB exporters:exporter/NOUN/dobj/9"
)
# "Talks scheduled for Friday will cover autos." (a frame word: the talks lie ahead)
SCHEDULED_FOR_FRIDAY = (
    "Talks:talk/NOUN/nsubj/5 scheduled:schedule/VERB/acl/0/VBN for/ADP/prep/1 "
    "Friday/PROPN/pobj/2 will/AUX/aux/5/MD cover/VERB/ROOT/5/VB autos:auto/NOUN/dobj/5"
)


def _weekday(doc_spec: str, index: int, preposition: str) -> int:
    doc = build(doc_spec)
    word = doc[index]
    expr = DateExpr(
        word.idx,
        word.idx + len(word.text),
        word.text,
        "weekday",
        weekday=0,
        preposition=preposition,
    )
    return date_direction(expr, doc[index : index + 1], default_lexicon())


def test_a_date_on_a_participle_describing_a_noun_looks_back() -> None:
    doc = build(UNVEILED_ON_MONDAY)
    assert reduced_relative(doc[2])
    assert _weekday(UNVEILED_ON_MONDAY, 6, "on") == -1


def test_a_participle_of_plan_still_looks_ahead() -> None:
    doc = build(SCHEDULED_FOR_FRIDAY)
    assert not reduced_relative(doc[1])
    assert _weekday(SCHEDULED_FOR_FRIDAY, 3, "for") == 1


# -- a directive to do something else is no announcement ----------------------------------------


def test_directing_someone_to_an_act_that_is_no_measure_is_no_announcement() -> None:
    # "Sheinbaum ordered officials to send back the letter": a letter, but nothing imposed
    doc = build(
        "Sheinbaum/PROPN/nsubj/1 ordered:order/VERB/ROOT/1/VBD officials:official/NOUN/dobj/1 "
        "to/PART/aux/4 send/VERB/xcomp/1/VB back/ADP/prt/4 the/DET/det/7 letter/NOUN/dobj/4"
    )
    assert trigger_of(doc[1], _person) is None


def test_directing_officials_to_impose_tariffs_announces_them() -> None:
    doc = build(
        "Carney/PROPN/nsubj/1 ordered:order/VERB/ROOT/1/VBD officials:official/NOUN/dobj/1 "
        "to/PART/aux/4 impose/VERB/xcomp/1/VB duties:duty/NOUN/dobj/4 on/ADP/prep/4 "
        "steel/NOUN/pobj/6"
    )
    trigger = trigger_of(doc[1], _person)
    assert trigger is not None and trigger.kind == "announcement"


# -- an event named only as what is required ----------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "index"),
    [
        # "a parliamentary vote is required to extend them"
        (
            "a/DET/det/2 parliamentary/ADJ/amod/2 vote/NOUN/nsubjpass/4 is:be/AUX/auxpass/4/VBZ "
            "required:require/VERB/ROOT/4/VBN to/PART/aux/6 extend/VERB/xcomp/4/VB "
            "them/PRON/dobj/6",
            2,
        ),
        # "the change would need a new round of talks"
        (
            "the/DET/det/1 change/NOUN/nsubj/3 would/AUX/aux/3/MD need/VERB/ROOT/3/VB "
            "a/DET/det/6 new/ADJ/amod/6 round/NOUN/dobj/3 of/ADP/prep/6 talks:talk/NOUN/pobj/7",
            8,
        ),
    ],
)
def test_an_event_named_as_a_requirement_is_none(spec: str, index: int) -> None:
    doc = build(spec)
    kind = "election" if doc[index].lower_ == "vote" else "talks"
    assert not_an_event(Trigger(doc[index], kind, None), False, default_lexicon())


def test_a_vote_held_is_an_event() -> None:
    # "Chile held a parliamentary vote on Sunday"
    doc = build(
        "Chile/PROPN/nsubj/1 held:hold/VERB/ROOT/1/VBD a/DET/det/4 parliamentary/ADJ/amod/4 "
        "vote/NOUN/dobj/1 on/ADP/prep/1 Sunday/PROPN/pobj/5"
    )
    assert not not_an_event(Trigger(doc[4], "election", None), True, default_lexicon())


# -- talks in a named place with no side named are the article's two countries' ----------------


def _read(nlp: Language, body: str) -> Extraction:
    text = f"published: 2025-03-05\n\nTrade news of the day\n\n{body}\n"
    return extract(article_from_text(text), nlp)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "pair"),
    [
        (
            "Chile's farm minister warned on Monday that US tariffs on fruit would hurt growers. "
            "The coming negotiations in Washington will decide the season for Chilean exporters "
            "to the United States.",
            {"CHL", "USA"},
        ),
        (
            "Kenya hopes to keep its duty-free access to the US market. The talks in Nairobi "
            "next week will test whether the United States extends the programme for Kenya.",
            {"KEN", "USA"},
        ),
    ],
)
def test_talks_in_a_place_with_no_side_named_are_the_articles_countries(
    nlp: Language, body: str, pair: set[str]
) -> None:
    talks = [e for e in _read(nlp, body).events if e.kind == "talks"]
    assert len(talks) == 1
    assert set(talks[0].participants) == pair and talks[0].place is not None


@pytest.mark.slow
def test_talks_named_nowhere_and_with_no_side_are_no_event(nlp: Language) -> None:
    body = "Chile's exporters fear US tariffs. Talks could change that for Chilean fruit."
    assert not [e for e in _read(nlp, body).events if e.kind == "talks"]


# -- having been to a place is a visit --------------------------------------------------------


@pytest.mark.slow
def test_a_person_who_has_been_to_a_place_visited_it(nlp: Language) -> None:
    body = "Brazil's Foreign Minister Mauro Vieira has been to Beijing, the ministry said."
    visits = [e for e in _read(nlp, body).events if e.kind == "visit"]
    assert len(visits) == 1
    assert visits[0].place == "Beijing" and visits[0].status == "happened"
    assert visits[0].participants == ("Mauro Vieira",)


# -- the owner of an agenda for an event takes part in it ---------------------------------------


def test_the_owner_of_an_agenda_for_talks_takes_part() -> None:
    # "the issue is on her agenda for talks with Lutnick"
    doc = build(
        "the/DET/det/1 issue/NOUN/nsubj/2 is:be/AUX/ROOT/2/VBZ on/ADP/prep/2 her/PRON/poss/5 "
        "agenda/NOUN/pobj/3 for/ADP/prep/5 talks:talk/NOUN/pobj/6 with/ADP/prep/7 "
        "Lutnick/PROPN/pobj/8"
    )
    assert [t.text for t in _agenda_owners(doc[7], default_lexicon())] == ["her"]
    # "talks about her agenda": the talks are not for the agenda
    other = build("talks:talk/NOUN/ROOT/0 about/ADP/prep/0 her/PRON/poss/3 agenda/NOUN/pobj/1")
    assert _agenda_owners(other[0], default_lexicon()) == []


# -- the kind of an encounter: one table --------------------------------------------------------

# (row id, shape written for it, kind it gives)
KIND_ROWS = [
    ("call.remote", EventShape("meeting", 2, 0, remote=True, led=False, place=None), "call"),
    ("call.told_as_call", EventShape("call", 1, 0, remote=False, led=False, place=None), "call"),
    (
        "talks.led_by_heads",
        EventShape("meeting", 2, 2, remote=False, led=True, place="Oslo"),
        "talks",
    ),
    ("talks.round", EventShape("talks", 2, 0, False, False, None, round=True), "talks"),
    ("meeting.two_people_talk", EventShape("talks", 2, 0, False, False, "Lima"), "meeting"),
    ("talks.governments_meet", EventShape("meeting", 0, 2, False, False, None), "talks"),
    (
        "talks.delegation_trip",
        EventShape("visit", 0, 1, False, False, "Oslo", negotiating=True),
        "talks",
    ),
    (
        "talks.led_delegation_trip",
        EventShape("visit", 1, 0, False, True, "Oslo", negotiating=True),
        "talks",
    ),
    ("visit.one_side_in_a_place", EventShape("meeting", 1, 0, False, False, "Hanoi"), "visit"),
    ("none.one_side", EventShape("meeting", 1, 0, False, False, None), None),
]


@pytest.mark.parametrize(("row_id", "shape", "kind"), KIND_ROWS, ids=[r[0] for r in KIND_ROWS])
def test_each_kind_row_decides_on_its_shape(
    row_id: str, shape: EventShape, kind: str | None
) -> None:
    row = kind_row(shape)
    assert row is not None and row.id == row_id
    assert kind_by_structure(shape) == kind


def test_every_kind_row_has_a_shape_and_a_reason() -> None:
    rows = default_kind_table()
    assert [r.id for r in rows] == [r[0] for r in KIND_ROWS]
    assert all(r.reason for r in rows)


def test_a_kind_no_row_names_stays_the_triggers() -> None:
    shape = EventShape("agreement", 0, 1, remote=True, led=False, place=None)
    assert kind_row(shape) is None and kind_by_structure(shape) == "agreement"


def test_an_unknown_condition_in_the_kind_table_is_a_data_error() -> None:
    text = '{"kinds": [{"id": "x", "kind": "call", "reason": "r", "when": {"by_pigeon": true}}]}'
    with pytest.raises(DataFileError):
        load_kind_table(text)
