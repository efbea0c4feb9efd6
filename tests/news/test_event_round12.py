"""Round 12 event classes, each on sentences written for it (hand-built parses, no model):

- a delegation (no named person) travelling to a place to negotiate holds a round of talks
  there (kind row talks.delegation_trip): the trip verb's subject is a delegation noun and a
  negotiating word names the delegation ("the negotiating team") or stands in the trip's
  purpose ("to press ahead with negotiations", "for talks"); a named or role traveller ("the
  minister will travel to Oslo for talks") stays a visitor, and a delegation's trip told
  without negotiating ("will depart for Oslo") stays a visit.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_trigger_rules import build

from tariffscope.domain.news import Extraction
from tariffscope.news._event_kind import EventShape, delegation_negotiates, kind_by_structure
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon


def _read(nlp: Language, body: str) -> Extraction:
    return extract(
        article_from_text(f"published: 2025-07-16\n\nTrade news of the day\n\n{body}\n"), nlp
    )


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
