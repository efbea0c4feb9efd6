"""Round 13 event classes (talks and planned events), each on sentences written for it
(hand-built parses, no model, except the tests marked slow):

- a delegation travels on a trip verb when it is the verb's subject, also inherited through a
  frame ("a team is expected to visit X", "the team is scheduled to travel"), when it is a
  plural of officials ("senior Kenyan officials are visiting Lima to negotiate"), or when it
  is the object of a verb of leading ("X led a delegation to Lima for talks"; rule
  visit.lead_delegation) (:func:`tariffscope.news._event_kind.trip_delegation`);
- a delegation with a named head ("a delegation led by X", "X led a delegation") travelling to
  a place to negotiate holds a round of talks there, its head taking part (kind row
  talks.led_delegation_trip); a named traveller alone stays a visitor;
- meetings and discussions named as a delegation's purpose ("for meetings with the Peruvian
  side") tell it as negotiating, as talks and negotiations do;
- a deal hoped for is none: an act completing an adjective of hope ("is hopeful of reaching a
  deal", "keen to sign the accord"), dated or not, and an undated act told as the aim of an
  effort in an infinitive of purpose ("went all out to strike a deal") name no event
  (:func:`tariffscope.news.event_mood.not_an_event`); a deal done stays one.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_round12 import events_read
from tests.news.test_event_trigger_rules import build

from tariffscope.news._event_kind import (
    EventShape,
    delegation_led,
    delegation_negotiates,
    kind_by_structure,
    trip_delegation,
)
from tariffscope.news.event_mood import not_an_event
from tariffscope.news.event_triggers import Trigger, trigger_of
from tariffscope.news.lexicon import default_lexicon

# -- which trips are a delegation's, told as negotiating, led by a named head ---------------------

TRIPS = [
    # "A team of officials from Kenya is expected to visit Lima next week for talks."
    (
        "A/DET/det/1 team/NOUN/nsubjpass/7 of/ADP/prep/1 officials:official/NOUN/pobj/2/NNS "
        "from/ADP/prep/3 Kenya/PROPN/pobj/4 is:be/AUX/auxpass/7 expected:expect/VERB/ROOT/7/VBN "
        "to/PART/aux/9/TO visit/VERB/xcomp/7/VB Lima/PROPN/dobj/9 next/ADJ/amod/12 "
        "week/NOUN/npadvmod/9 for/ADP/prep/9 talks:talk/NOUN/pobj/13",
        9,
        "team",
        True,
        False,
    ),
    # "A delegation led by Minister Ruto will travel to Lima for meetings with the Peruvian side."
    (
        "A/DET/det/1 delegation/NOUN/nsubj/7 led:lead/VERB/acl/1/VBN by/ADP/agent/2 "
        "Minister/PROPN/compound/5 Ruto/PROPN/pobj/3 will/AUX/aux/7 travel/VERB/ROOT/7/VB "
        "to/ADP/prep/7 Lima/PROPN/pobj/8 for/ADP/prep/7 meetings:meeting/NOUN/pobj/10/NNS "
        "with/ADP/prep/11 the/DET/det/15 Peruvian/ADJ/amod/15 side/NOUN/pobj/12",
        7,
        "delegation",
        True,
        True,
    ),
    # "Minister Ruto led a trade delegation to Lima for talks."
    (
        "Minister/PROPN/compound/1 Ruto/PROPN/nsubj/2 led:lead/VERB/ROOT/2/VBD a/DET/det/5 "
        "trade/NOUN/compound/5 delegation/NOUN/dobj/2 to/ADP/prep/5 Lima/PROPN/pobj/6 "
        "for/ADP/prep/5 talks:talk/NOUN/pobj/8",
        2,
        "delegation",
        True,
        True,
    ),
    # "Senior Kenyan officials are visiting Lima to negotiate lower duties."
    (
        "Senior/ADJ/amod/2 Kenyan/ADJ/amod/2 officials:official/NOUN/nsubj/4/NNS are:be/AUX/aux/4 "
        "visiting:visit/VERB/ROOT/4/VBG Lima/PROPN/dobj/4 to/PART/aux/7/TO "
        "negotiate/VERB/advcl/4/VB lower/ADJ/amod/9 duties:duty/NOUN/dobj/7/NNS",
        4,
        "officials",
        True,
        False,
    ),
    # "A senior Kenyan official is visiting Lima to negotiate lower duties." -> one person
    (
        "A/DET/det/3 senior/ADJ/amod/3 Kenyan/ADJ/amod/3 official/NOUN/nsubj/5/NN "
        "is:be/AUX/aux/5 visiting:visit/VERB/ROOT/5/VBG Lima/PROPN/dobj/5 to/PART/aux/8/TO "
        "negotiate/VERB/advcl/5/VB lower/ADJ/amod/10 duties:duty/NOUN/dobj/8/NNS",
        5,
        None,
        False,
        False,
    ),
    # "Minister Ruto led a trade delegation to Lima on Monday." -> no negotiating told
    (
        "Minister/PROPN/compound/1 Ruto/PROPN/nsubj/2 led:lead/VERB/ROOT/2/VBD a/DET/det/5 "
        "trade/NOUN/compound/5 delegation/NOUN/dobj/2 to/ADP/prep/5 Lima/PROPN/pobj/6 "
        "on/ADP/prep/2 Monday/PROPN/pobj/8",
        2,
        "delegation",
        False,
        True,
    ),
    # "Minister Ruto led the talks in Lima." -> leading talks is no trip
    (
        "Minister/PROPN/compound/1 Ruto/PROPN/nsubj/2 led:lead/VERB/ROOT/2/VBD the/DET/det/4 "
        "talks:talk/NOUN/dobj/2 in/ADP/prep/2 Lima/PROPN/pobj/5",
        2,
        None,
        False,
        False,
    ),
]


@pytest.mark.parametrize(("spec", "verb", "delegation", "negotiates", "led"), TRIPS)
def test_a_trips_delegation_its_negotiating_and_its_head(
    spec: str, verb: int, delegation: str | None, negotiates: bool, led: bool
) -> None:
    doc = build(spec)
    lex = default_lexicon()
    found = trip_delegation(doc[verb], lex)
    assert (found.text if found is not None else None) == delegation
    assert delegation_negotiates(doc[verb], lex) is negotiates
    assert delegation_led(doc[verb], lex) is led


def _person(token: object) -> bool:
    return getattr(token, "text", "") == "Ruto"


def test_leading_a_delegation_to_a_place_is_a_trip_only_when_told_as_negotiating() -> None:
    to_talks, no_talks = build(TRIPS[2][0]), build(TRIPS[5][0])
    found = trigger_of(to_talks[2], _person)
    assert found is not None and (found.kind, found.rule) == ("visit", "visit.lead_delegation")
    assert trigger_of(no_talks[2], _person) is None


def test_a_led_delegations_trip_to_negotiate_is_talks() -> None:
    trip = {"remote": False, "negotiating": True}
    assert kind_by_structure(EventShape("visit", 1, 0, place="Lima", led=True, **trip)) == "talks"
    # a named traveller without a delegation stays a visitor; no destination, no round there
    assert kind_by_structure(EventShape("visit", 1, 0, place="Lima", led=False, **trip)) == "visit"
    assert kind_by_structure(EventShape("visit", 1, 0, place=None, led=True, **trip)) == "visit"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "A delegation led by Kenyan Trade Minister Rebecca Miano will travel to Lima on "
            "Monday for talks with Peruvian officials.",
            [("talks", "2025-07-21", "planned", ["PER", "Rebecca Miano"])],
        ),
        (
            "A team of Kenyan officials is expected to visit Lima next week for trade talks.",
            [("talks", None, "planned", ["KEN", "PER"])],
        ),
        (
            "Kenyan Trade Minister Rebecca Miano led a delegation to Lima on Monday for trade "
            "talks.",
            [("talks", "2025-07-14", "happened", ["PER", "Rebecca Miano"])],
        ),
        (
            "Senior Kenyan officials are visiting Lima this week to negotiate lower duties on tea.",
            [("talks", None, "planned", ["KEN", "PER"])],
        ),
    ],
)
def test_a_delegations_trip_to_negotiate_is_talks_with_the_host(
    nlp: Language, body: str, expected: list[tuple[str, str | None, str, list[str]]]
) -> None:
    assert events_read(nlp, body) == expected


# -- a deal hoped for or aimed at ----------------------------------------------------------------

HOPED = [
    # "Chile is hopeful of reaching a deal with Peru." (dated or not: no event)
    (
        "Chile/PROPN/nsubj/1 is:be/AUX/ROOT/1/VBZ hopeful/ADJ/acomp/1 of/ADP/prep/2 "
        "reaching:reach/VERB/pcomp/3/VBG a/DET/det/6 deal/NOUN/dobj/4 with/ADP/prep/4 "
        "Peru/PROPN/pobj/7",
        4,
        True,
        True,
    ),
    # "Chile is keen to sign the accord."
    (
        "Chile/PROPN/nsubj/1 is:be/AUX/ROOT/1/VBZ keen/ADJ/acomp/1 to/PART/aux/4/TO "
        "sign/VERB/xcomp/2/VB the/DET/det/6 accord/NOUN/dobj/4",
        4,
        True,
        True,
    ),
    # "Chile went all out to strike a deal with Peru." (undated: no event; dated: one)
    (
        "Chile/PROPN/nsubj/1 went:go/VERB/ROOT/1/VBD all/DET/advmod/3 out/ADP/prt/1 "
        "to/PART/aux/5/TO strike/VERB/advcl/1/VB a/DET/det/7 deal/NOUN/dobj/5 with/ADP/prep/5 "
        "Peru/PROPN/pobj/8",
        5,
        True,
        False,
    ),
    # "Chile reached a deal with Peru." -> done
    (
        "Chile/PROPN/nsubj/1 reached:reach/VERB/ROOT/1/VBD a/DET/det/3 deal/NOUN/dobj/1 "
        "with/ADP/prep/1 Peru/PROPN/pobj/4",
        1,
        False,
        False,
    ),
    # "Chile flew to Lima to sign the accord." -> the undated aim of a trip is still no deal done
    (
        "Chile/PROPN/nsubj/1 flew:fly/VERB/ROOT/1/VBD to/ADP/prep/1 Lima/PROPN/pobj/2 "
        "to/PART/aux/5/TO sign/VERB/advcl/1/VB the/DET/det/7 accord/NOUN/dobj/5",
        5,
        True,
        False,
    ),
]


@pytest.mark.parametrize(("spec", "at", "undated_none", "dated_none"), HOPED)
def test_a_deal_hoped_for_or_aimed_at_is_no_event(
    spec: str, at: int, undated_none: bool, dated_none: bool
) -> None:
    trig = Trigger(build(spec)[at], "agreement", "agreement.deal_verb_object")
    lex = default_lexicon()
    assert not_an_event(trig, False, lex) is undated_none
    assert not_an_event(trig, True, lex) is dated_none
