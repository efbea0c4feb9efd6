"""Planned events as a class (GUIDELINES.md: events "that happened or are planned"): plan
clauses on event nouns, plans told as a noun, delegations named by their nationality, dated
announcements ahead, and participles that tell a past act. Sentences written for these tests:
hand-built ``Doc`` objects where the parse is given, the trained model where the parse is the
point (marked ``slow``)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_trigger_rules import build

from tariffscope.domain.news import Extraction
from tariffscope.news._event_plan import frame_subject, plan_frame
from tariffscope.news._event_when import _reduced_relative, _relative_antecedent
from tariffscope.news.api import extract
from tariffscope.news.event_mood import not_an_event, unanchored
from tariffscope.news.event_triggers import Trigger
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()


def test_a_plan_clause_on_an_event_noun_is_its_frame() -> None:
    doc = build(
        "Talks:talk/NOUN/nsubj/4 scheduled:schedule/VERB/acl/0/VBN for/ADP/prep/1 "
        "Friday/PROPN/pobj/2 were:be/AUX/ROOT/4/VBD postponed/ADJ/acomp/4"
    )
    frame = plan_frame(doc[0], LEX)
    assert frame is not None and frame.i == 1


def test_a_clause_of_no_plan_on_an_event_noun_is_no_frame() -> None:
    doc = build(
        "Talks:talk/NOUN/nsubj/4 held:hold/VERB/acl/0/VBN in/ADP/prep/1 "
        "Lima/PROPN/pobj/2 were:be/AUX/ROOT/4/VBD long/ADJ/acomp/4"
    )
    assert plan_frame(doc[0], LEX) is None


def test_a_plan_told_as_a_noun_belongs_to_its_owner() -> None:
    # the parser's reading of "X plans to travel" as a noun phrase: the owner is a compound
    doc = build(
        "Rojas/PROPN/compound/1 plans:plan/NOUN/ROOT/1 to/PART/aux/3/TO travel/VERB/xcomp/1 "
        "to/ADP/prep/3 Lima/PROPN/pobj/4"
    )
    frame = plan_frame(doc[3], LEX)
    assert frame is not None and frame.i == 1
    owner = frame_subject(frame)
    assert owner is not None and owner.text == "Rojas"


def test_an_infinitive_with_its_own_subject_under_a_plan_word_is_planned() -> None:
    # "Okafor expects his country to sign a pact": the parser's ccomp with "to"
    doc = build(
        "Okafor/PROPN/nsubj/1 expects:expect/VERB/ROOT/1/VBZ his/PRON/poss/3 "
        "country/NOUN/nsubj/5 to/PART/aux/5/TO sign/VERB/ccomp/1/VB a/DET/det/7 pact/NOUN/dobj/5"
    )
    frame = plan_frame(doc[5], LEX)
    assert frame is not None and frame.i == 1
    unframed = build(
        "Okafor/PROPN/nsubj/1 said:say/VERB/ROOT/1/VBD his/PRON/poss/3 "
        "country/NOUN/nsubj/4 signed:sign/VERB/ccomp/1/VBD a/DET/det/6 pact/NOUN/dobj/4"
    )
    assert plan_frame(unframed[4], LEX) is None


def test_a_participle_on_a_noun_tells_a_past_act() -> None:
    doc = build(
        "The/DET/det/1 tariffs:tariff/NOUN/nsubj/6 unveiled:unveil/VERB/acl/1/VBN "
        "by/ADP/agent/2 Lula/PROPN/pobj/3 would/AUX/aux/6/MD hurt/VERB/ROOT/6/VB"
    )
    assert _reduced_relative(doc[2])
    framed = build(
        "The/DET/det/1 tariffs:tariff/NOUN/ROOT/1 set:set/VERB/acl/1/VBN to/PART/aux/4/TO "
        "rise/VERB/xcomp/2"
    )
    assert not _reduced_relative(framed[2])  # "set to rise" is a frame ahead, not a past act


def _read(nlp: Language, body: str) -> Extraction:
    text = f"published: 2025-07-16\n\nTrade news of the day\n\n{body}\n"
    return extract(article_from_text(text), nlp)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "kind", "participant", "date"),
    [
        (
            "A Peruvian delegation is set to visit Washington on Monday.",
            "visit",
            "PER",
            "2025-07-21",
        ),
        (
            "A Kenyan delegation will be in Brussels on Monday, the ministry said.",
            "visit",
            "KEN",
            "2025-07-21",
        ),
    ],
)
def test_a_delegation_is_named_by_its_nationality(
    nlp: Language, body: str, kind: str, participant: str, date: str
) -> None:
    events = [e for e in _read(nlp, body).events if e.kind == kind]
    assert len(events) == 1
    assert participant in events[0].participants
    assert events[0].status == "planned"
    assert events[0].date is not None and events[0].date.isoformat() == date


@pytest.mark.slow
def test_an_announcement_ahead_on_a_named_day_is_a_planned_event(nlp: Language) -> None:
    body = "President Lula will unveil the new tariffs on Friday, his office said."
    events = [e for e in _read(nlp, body).events if e.kind == "announcement"]
    assert [(e.status, e.date.isoformat() if e.date else None) for e in events] == [
        ("planned", "2025-07-18")
    ]


@pytest.mark.slow
def test_an_announcement_ahead_with_no_day_is_no_event(nlp: Language) -> None:
    body = "President Lula will unveil new tariffs, his office said."
    assert not [e for e in _read(nlp, body).events if e.kind == "announcement"]


def _trigger(spec: str, at: int, kind: str) -> Trigger:
    return Trigger(build(spec)[at], kind, f"{kind}.test")


def test_a_plan_with_no_date_and_no_place_is_unanchored() -> None:
    trig = _trigger(
        "Peru/PROPN/nsubj/2 will/AUX/aux/2/MD seek/VERB/ROOT/2/VB talks:talk/NOUN/dobj/2",
        3,
        "talks",
    )
    assert unanchored(trig, "planned", dated=False, placed=False, lex=LEX)
    assert not unanchored(trig, "planned", dated=True, placed=False, lex=LEX)
    assert not unanchored(trig, "planned", dated=False, placed=True, lex=LEX)


def test_an_undated_act_in_a_clause_of_time_is_background() -> None:
    spec = (
        "When/SCONJ/advmod/2 Lula/PROPN/nsubj/2 announced:announce/VERB/advcl/7/VBD "
        "tariffs:tariff/NOUN/dobj/2 ,/PUNCT/punct/7 Chile/PROPN/nsubj/7 "
        "quickly/ADV/advmod/7 reacted:react/VERB/ROOT/7/VBD"
    )
    trig = _trigger(spec, 2, "announcement")
    assert unanchored(trig, "happened", dated=False, placed=False, lex=LEX)
    assert not unanchored(trig, "happened", dated=True, placed=False, lex=LEX)


def test_an_occasion_the_news_follows_is_no_background() -> None:
    spec = (
        "Lula/PROPN/nsubj/1 signed:sign/VERB/ROOT/1/VBD the/DET/det/3 deal/NOUN/dobj/1 "
        "after/ADP/prep/1 speaking:speak/VERB/pcomp/4/VBG with/ADP/prep/5 Modi/PROPN/pobj/6"
    )
    trig = _trigger(spec, 5, "call")
    assert not unanchored(trig, "happened", dated=False, placed=False, lex=LEX)


def test_an_act_under_a_negation_is_denied() -> None:
    spec = (
        "Chile/PROPN/nsubj/3 has:have/AUX/aux/3/VBZ not/PART/neg/3/RB "
        "followed:follow/VERB/ROOT/3/VBN Peru/PROPN/poss/5 lead/NOUN/dobj/3 in/ADP/prep/5 "
        "imposing:impose/VERB/pcomp/6/VBG levies:levy/NOUN/dobj/7"
    )
    assert not_an_event(_trigger(spec, 7, "announcement"), True, LEX)
    yet = (
        "Chile/PROPN/nsubj/1 has:have/AUX/ROOT/1/VBZ yet/ADV/advmod/1 to/PART/aux/4/TO "
        "strike/VERB/xcomp/1/VB a/DET/det/6 deal/NOUN/dobj/4"
    )
    assert not_an_event(_trigger(yet, 4, "agreement"), False, LEX)


def test_an_act_the_text_affirms_is_not_denied() -> None:
    spec = (
        "Chile/PROPN/nsubj/1 followed:follow/VERB/ROOT/1/VBD Peru/PROPN/poss/3 "
        "lead/NOUN/dobj/1 in/ADP/prep/3 imposing:impose/VERB/pcomp/4/VBG levies:levy/NOUN/dobj/5"
    )
    assert not not_an_event(_trigger(spec, 5, "announcement"), True, LEX)


def test_a_possibility_is_no_event_even_with_a_day() -> None:
    spec = (
        "Rojas/PROPN/nsubj/2 might/AUX/aux/2/MD visit/VERB/ROOT/2/VB Lima/PROPN/dobj/2 "
        "in/ADP/prep/2 September/PROPN/pobj/4"
    )
    assert not_an_event(_trigger(spec, 2, "visit"), True, LEX)
    will = spec.replace("might/AUX/aux/2/MD", "will/AUX/aux/2/MD")
    assert not not_an_event(_trigger(will, 2, "visit"), True, LEX)


def test_a_dated_event_noun_under_a_modal_clause_stays_an_event() -> None:
    # "an election on Sunday could complicate talks": the modal is the clause's, not the vote's
    spec = (
        "an/DET/det/1 election/NOUN/nsubj/5 on/ADP/prep/1 Sunday/PROPN/pobj/2 "
        "could/AUX/aux/5/MD complicate/VERB/ROOT/5/VB talks:talk/NOUN/dobj/5"
    )
    assert not not_an_event(_trigger(spec, 1, "election"), True, LEX)


def test_a_meeting_its_noun_tells_as_ahead_between_two_named_people_is_anchored() -> None:
    spec = (
        "Lula/PROPN/nsubj/1 spoke:speak/VERB/ROOT/1/VBD ahead/ADV/advmod/1 of/ADP/prep/2 "
        "an/DET/det/6 upcoming/ADJ/amod/6 meeting/NOUN/pobj/3 with/ADP/prep/6 Modi/PROPN/pobj/7"
    )
    trig = _trigger(spec, 6, "meeting")
    assert not unanchored(trig, "planned", dated=False, placed=False, lex=LEX, named=2)
    # one named side, or the plan told only by the verb above the noun: no anchor
    assert unanchored(trig, "planned", dated=False, placed=False, lex=LEX, named=1)
    verb = (
        "Lula/PROPN/nsubj/2 will/AUX/aux/2/MD hold/VERB/ROOT/2/VB a/DET/det/4 "
        "meeting/NOUN/dobj/2 with/ADP/prep/4 Modi/PROPN/pobj/5"
    )
    assert unanchored(_trigger(verb, 4, "meeting"), "planned", False, False, LEX, named=2)


@pytest.mark.slow
def test_an_upcoming_meeting_of_two_named_leaders_with_no_day_is_an_event(nlp: Language) -> None:
    body = (
        "Chilean President Gabriel Boric lowered duties on copper wire ahead of a meeting with "
        "Brazilian President Luiz Inacio Lula da Silva, officials said."
    )
    events = [e for e in _read(nlp, body).events if e.kind == "meeting"]
    assert [(e.status, sorted(e.participants)) for e in events] == [
        ("planned", ["Gabriel Boric", "Luiz Inacio Lula da Silva"])
    ]


def test_a_relative_pronoun_object_stands_for_its_antecedent() -> None:
    doc = build(
        "the/DET/det/1 summit/NOUN/ROOT/1 ,/PUNCT/punct/1 which/PRON/dobj/5/WDT "
        "Lula/PROPN/nsubj/5 attends:attend/VERB/relcl/1/VBZ"
    )
    assert [t.i for t in _relative_antecedent(doc[5])] == [1]
    plain = build("Lula/PROPN/nsubj/1 attends:attend/VERB/ROOT/1/VBZ it/PRON/dobj/1/PRP")
    assert _relative_antecedent(plain[1]) == []


@pytest.mark.slow
def test_an_occasion_attended_in_a_relative_clause_gives_the_visit_its_place(
    nlp: Language,
) -> None:
    body = (
        "Brazilian Finance Minister Fernando Haddad will travel this week to the G20 summit in "
        "Johannesburg, which President Luiz Inacio Lula da Silva is set to attend."
    )
    visits = [e for e in _read(nlp, body).events if e.kind == "visit"]
    assert ("Luiz Inacio Lula da Silva", "Johannesburg", "planned") in [
        (e.participants[0], e.place, e.status) for e in visits
    ]
