"""Round 12b event classes (events on fresh stories), each on sentences written for it:

- the encounter a trip ahead is for ("will travel to Oslo to meet the prime minister") is as
  real as the trip: a verb of meeting in the infinitive clause of a verb of travel in its base
  form is no purpose-only mention (:func:`tariffscope.news.events._encounter_of_trip`); a trip
  itself offered or requested ("offered to travel to Oslo to meet ...") keeps it hypothetical,
  and a past trip's purpose ("flew to Oslo to meet ...") is left to the other guards;
- announcing that a deal was reached, struck or signed reports the agreement, which is the
  event (GUIDELINES: announcing a deal is the agreement, as "announced a deal" is): the
  announcing verb names no event of its own (rule announcement.reports_a_deal) and the
  agreement takes the report's day; announcing that tariffs will rise stays an announcement;
- a deal noun with a relative clause of a deal verb names the deal as an acl one does ("the
  accord to be signed between X and Y next week", "the accord that X signed"), and the
  partners of that clause ("between X and Y") are the deal's sides; a protocol is a deal
  instrument like an accord or a treaty (lexicon event_agreement_nouns);
- a body a person owns ("his government", "her ministry") is that person's side of an
  encounter: a call told in a clause whose subject is "his government" has the government's
  country as its other side (an owner's counterpart, "his counterpart", stays another side);
- an arrival names a visit as a trip does (GUIDELINES: visit, "trip, arrival, attendance";
  lexicon event_visit_nouns): "said upon arrival in Lima on Monday"; the arrival of goods
  names no traveller and no visit.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from tests.news.test_event_trigger_rules import build

from tariffscope.domain.news import Extraction
from tariffscope.news.api import extract
from tariffscope.news.event_triggers import trigger_of
from tariffscope.news.events import _encounter_of_trip
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon


def _read(nlp: Language, body: str) -> Extraction:
    return extract(
        article_from_text(f"published: 2025-07-16\n\nTrade news of the day\n\n{body}\n"), nlp
    )


# -- the encounter a trip ahead is for ----------------------------------------------------------

TRIP_PURPOSES = [
    # "Kenya's president will travel to Oslo to meet the prime minister."
    (
        "Kenya/PROPN/poss/2 's/PART/case/0 president/NOUN/nsubj/4 will/AUX/aux/4 "
        "travel/VERB/ROOT/4/VB to/ADP/prep/4 Oslo/PROPN/pobj/5 to/PART/aux/8/TO "
        "meet/VERB/advcl/4/VB the/DET/det/11 prime/ADJ/amod/11 minister/NOUN/dobj/8",
        True,
    ),
    # "The minister flew to Oslo to meet the prime minister." (a past trip: other guards)
    (
        "The/DET/det/1 minister/NOUN/nsubj/2 flew:fly/VERB/ROOT/2/VBD to/ADP/prep/2 "
        "Oslo/PROPN/pobj/3 to/PART/aux/6/TO meet/VERB/advcl/2/VB the/DET/det/9 "
        "prime/ADJ/amod/9 minister/NOUN/dobj/6",
        False,
    ),
    # "The minister will travel to Oslo to sign the accord." (no encounter)
    (
        "The/DET/det/1 minister/NOUN/nsubj/3 will/AUX/aux/3 travel/VERB/ROOT/3/VB "
        "to/ADP/prep/3 Oslo/PROPN/pobj/4 to/PART/aux/7/TO sign/VERB/advcl/3/VB "
        "the/DET/det/9 accord/NOUN/dobj/7",
        False,
    ),
    # "The minister wants to meet the prime minister." (no trip)
    (
        "The/DET/det/1 minister/NOUN/nsubj/2 wants:want/VERB/ROOT/2/VBZ to/PART/aux/4/TO "
        "meet/VERB/xcomp/2/VB the/DET/det/7 prime/ADJ/amod/7 minister/NOUN/dobj/4",
        False,
    ),
]


@pytest.mark.parametrize(("spec", "expected"), TRIP_PURPOSES)
def test_a_meeting_is_the_purpose_of_a_trip_ahead(spec: str, expected: bool) -> None:
    doc = build(spec)
    meet = next(t for t in doc if t.lemma_ in {"meet", "sign"})
    assert _encounter_of_trip(meet, meet.head, default_lexicon()) is expected


@pytest.mark.slow
def test_a_trip_ahead_to_meet_someone_is_the_planned_meeting(nlp: Language) -> None:
    body = (
        "Kenyan President William Ruto is set to travel to Oslo to meet Norwegian Prime Minister "
        "Jonas Gahr Store. The meeting will take place on Monday, his office said."
    )
    events = _read(nlp, body).events
    meetings = [(e.kind, e.date, e.status, sorted(e.participants)) for e in events]
    assert (
        "meeting",
        dt.date(2025, 7, 21),
        "planned",
        ["Jonas Gahr Store", "William Ruto"],
    ) in meetings


@pytest.mark.slow
def test_an_offered_trip_to_meet_someone_is_no_meeting(nlp: Language) -> None:
    body = (
        "Kenyan President William Ruto offered to travel to Oslo to meet Norwegian Prime "
        "Minister Jonas Gahr Store."
    )
    assert [e.kind for e in _read(nlp, body).events if e.kind == "meeting"] == []


# -- a deal reported by an announcement ---------------------------------------------------------

REPORTS = [
    # "Oslo announced on Monday that it has reached a deal with Lima to cut tariffs." (the
    # deal is the event, though a measure is named in it)
    (
        "Oslo/PROPN/nsubj/1 announced:announce/VERB/ROOT/1/VBD on/ADP/prep/1 "
        "Monday/PROPN/pobj/2 that/SCONJ/mark/7 it/PRON/nsubj/7 has:have/AUX/aux/7 "
        "reached:reach/VERB/ccomp/1/VBN a/DET/det/9 deal/NOUN/dobj/7 with/ADP/prep/9 "
        "Lima/PROPN/pobj/10 to/PART/aux/13/TO cut/VERB/acl/9/VB tariffs:tariff/NOUN/dobj/13",
        None,
    ),
    # "Oslo announced that the two sides signed an accord cutting tariffs to 10%."
    (
        "Oslo/PROPN/nsubj/1 announced:announce/VERB/ROOT/1/VBD that/SCONJ/mark/6 "
        "the/DET/det/5 two/NUM/nummod/5 sides:side/NOUN/nsubj/6 signed:sign/VERB/ccomp/1/VBD "
        "an/DET/det/8 accord/NOUN/dobj/6 cutting:cut/VERB/acl/8/VBG "
        "tariffs:tariff/NOUN/dobj/9 to/ADP/prep/9 10/NUM/nummod/13 %/NOUN/pobj/11",
        None,
    ),
    # "Oslo announced that it will raise tariffs on steel to 25%." (a measure announced)
    (
        "Oslo/PROPN/nsubj/1 announced:announce/VERB/ROOT/1/VBD that/SCONJ/mark/5 "
        "it/PRON/nsubj/5 will/AUX/aux/5 raise/VERB/ccomp/1/VB tariffs:tariff/NOUN/dobj/5 "
        "on/ADP/prep/6 steel/NOUN/pobj/7 to/ADP/prep/5 25/NUM/nummod/11 %/NOUN/pobj/9",
        "announcement",
    ),
]


@pytest.mark.parametrize(("spec", "kind"), REPORTS)
def test_announcing_a_deal_reached_reports_the_agreement(spec: str, kind: str | None) -> None:
    doc = build(spec)
    found = trigger_of(doc[1], lambda _t: False)
    assert (None if found is None else found.kind) == kind


@pytest.mark.slow
def test_a_deal_announced_as_reached_is_one_agreement_on_the_reports_day(nlp: Language) -> None:
    body = (
        "Norwegian Prime Minister Jonas Gahr Store announced on Monday that Norway has reached "
        "a trade agreement with Peru, which includes a 10% tariff on imports from Peru."
    )
    events = _read(nlp, body).events
    assert [(e.kind, e.date, sorted(e.participants)) for e in events] == [
        ("agreement", dt.date(2025, 7, 14), ["NOR", "PER"])
    ]


# -- a deal named with a relative clause of its act ---------------------------------------------

DEAL_CLAUSES = [
    # "The accord to be signed between Peru and Norway next week is fair, she said."
    (
        "The/DET/det/1 accord/NOUN/nsubj/12 to/PART/aux/4/TO be/AUX/auxpass/4/VB "
        "signed:sign/VERB/relcl/1/VBN between/ADP/prep/4 Peru/PROPN/pobj/5 and/CCONJ/cc/6 "
        "Norway/PROPN/conj/6 next/ADJ/amod/10 week/NOUN/npadvmod/4 is:be/AUX/ccomp/14/VBZ "
        "fair/ADJ/acomp/12 she/PRON/nsubj/14 said:say/VERB/ROOT/14/VBD",
        "agreement",
    ),
    # "The accord that they praised is fair." (a relative clause of no deal act)
    (
        "The/DET/det/1 accord/NOUN/nsubj/5 that/PRON/dobj/4 they/PRON/nsubj/4 "
        "praised:praise/VERB/relcl/1/VBD is:be/AUX/ROOT/5/VBZ fair/ADJ/acomp/5",
        None,
    ),
]


@pytest.mark.parametrize(("spec", "kind"), DEAL_CLAUSES)
def test_a_deal_with_a_relative_clause_of_its_act_is_the_agreement(
    spec: str, kind: str | None
) -> None:
    found = trigger_of(build(spec)[1], lambda _t: False)
    assert (None if found is None else found.kind) == kind


@pytest.mark.slow
def test_a_deal_named_with_a_relative_clause_of_its_signing_is_the_agreement(
    nlp: Language,
) -> None:
    body = "The accord that Peru signed with Norway on Monday cuts duties on fish."
    deals = [e for e in _read(nlp, body).events if e.kind == "agreement"]
    assert [(e.date, sorted(e.participants)) for e in deals] == [
        (dt.date(2025, 7, 14), ["NOR", "PER"])
    ]


@pytest.mark.slow
def test_a_protocol_signed_is_an_agreement(nlp: Language) -> None:
    body = (
        "Peru and Norway signed an upgrade protocol to their free trade agreement on Monday "
        "in Lima."
    )
    deals = [e for e in _read(nlp, body).events if e.kind == "agreement"]
    assert [(e.date, sorted(e.participants)) for e in deals] == [
        (dt.date(2025, 7, 14), ["NOR", "PER"])
    ]


# -- a body owned by a person is that person's side ---------------------------------------------


@pytest.mark.slow
def test_his_government_is_the_owners_side_of_a_call(nlp: Language) -> None:
    body = (
        "Kenyan President William Ruto said his government had reached a trade deal with "
        "Norway following a phone call with Norwegian Prime Minister Jonas Gahr Store."
    )
    calls = [e for e in _read(nlp, body).events if e.kind == "call"]
    assert [sorted(e.participants) for e in calls] == [["Jonas Gahr Store", "KEN"]]


# -- an arrival is a visit ----------------------------------------------------------------------

ARRIVALS = [
    (
        "Norwegian Prime Minister Jonas Gahr Store spoke to reporters upon arrival in Lima on "
        "Monday.",
        [("visit", dt.date(2025, 7, 14), "Lima", ["Jonas Gahr Store"])],
    ),
    ("The arrival of Peruvian fish in Oslo on Monday was delayed by new checks.", []),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "expected"), ARRIVALS)
def test_an_arrival_names_a_visit(nlp: Language, body: str, expected: list[object]) -> None:
    events = _read(nlp, body).events
    assert [(e.kind, e.date, e.place, sorted(e.participants)) for e in events] == expected
