"""Round 11 event classes, each on sentences written for it (hand-built parses, no model):

- a trip is the talks only when its purpose is told as a round ("for the third round of
  talks", "for two-day talks"); a trip for talks in general ("for tariff talks") stays a
  visit (GUIDELINES: talks are a negotiating round, a visit is travel to a place);
- a bare plural event noun with no time or place of its own ("have secured trade deals with
  Seoul", "visits abroad") names a class of acts, not an event (guard generic_plural of the
  rules agreement.deal_verb_object, agreement.noun and the visit, meeting, call and
  announcement nouns); a counted, sized, determined or dated plural is an act;
- an act with its own "N years ago" is history, whatever day another clause gives the
  sentence ("signed a pact 40 years ago and ... met on April 7");
- an event told in a participle clause of another event's verb ("will meet X on Friday,
  opening talks between ...") takes that event's date; a clause with its own mark ("before
  opening talks") tells another time;
- talks a trip is for ("will head for Rome on Sunday for talks with Oslo") take the trip's
  destination, not its day (the departure is not the talks' day);
- sending a letter or an order is announcing (GUIDELINES: an announcement is a government's
  measure, "letter, order, proclamation"; rule announcement.send_letter); sending a
  delegation, or a letter back, is not.
"""

from __future__ import annotations

import pytest
from tests.news.test_event_trigger_rules import _person, build

from tariffscope.news._event_record import EventRecord
from tariffscope.news.event_context import (
    is_background,
    same_occasion_dates,
    trip_of_purpose,
    visit_for_talks,
)
from tariffscope.news.event_triggers import trigger_of
from tariffscope.news.lexicon import default_lexicon

# -- a trip for talks ---------------------------------------------------------------------------

TRIPS = [
    # "The ministers will visit Oslo for tariff talks." -> a visit
    (
        "The/DET/det/1 ministers:minister/NOUN/nsubj/3 will/AUX/aux/3 visit/VERB/ROOT/3/VB "
        "Oslo/PROPN/dobj/3 for/ADP/prep/3 tariff/NOUN/compound/7 talks:talk/NOUN/pobj/5",
        False,
    ),
    # "The ministers will visit Oslo for negotiations with Lima." -> a visit
    (
        "The/DET/det/1 ministers:minister/NOUN/nsubj/3 will/AUX/aux/3 visit/VERB/ROOT/3/VB "
        "Oslo/PROPN/dobj/3 for/ADP/prep/3 negotiations:negotiation/NOUN/pobj/5 "
        "with/ADP/prep/6 Lima/PROPN/pobj/7",
        False,
    ),
    # "A team will visit Oslo for the third round of talks." -> the talks
    (
        "A/DET/det/1 team/NOUN/nsubj/3 will/AUX/aux/3 visit/VERB/ROOT/3/VB Oslo/PROPN/dobj/3 "
        "for/ADP/prep/3 the/DET/det/8 third/ADJ/amod/8 round/NOUN/pobj/5 of/ADP/prep/8 "
        "talks:talk/NOUN/pobj/9",
        True,
    ),
    # "A team will travel to Oslo for two-day talks." -> the talks
    (
        "A/DET/det/1 team/NOUN/nsubj/3 will/AUX/aux/3 travel/VERB/ROOT/3/VB to/ADP/prep/3 "
        "Oslo/PROPN/pobj/4 for/ADP/prep/3 two/NUM/nummod/9 -/PUNCT/punct/9 day/NOUN/compound/10 "
        "talks:talk/NOUN/pobj/6",
        True,
    ),
]


@pytest.mark.parametrize(("spec", "is_talks"), TRIPS)
def test_a_trip_is_the_talks_only_when_they_are_a_round(spec: str, is_talks: bool) -> None:
    doc = build(spec)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    assert visit_for_talks(verb, default_lexicon()) is is_talks


# -- a bare plural names a class of acts --------------------------------------------------------

_SECURED = (
    "Lima/PROPN/nsubj/4 and/CCONJ/cc/0 Oslo/PROPN/conj/0 have/AUX/aux/4 "
    "secured:secure/VERB/ROOT/4/VBN "
)
PLURALS = [
    # "Lima and Oslo have secured trade deals with Seoul." -> no event
    (
        _SECURED + "trade/NOUN/compound/6 deals:deal/NOUN/dobj/4/NNS with/ADP/prep/4 "
        "Seoul/PROPN/pobj/7/NNP/GPE",
        False,
    ),
    # "Lima and Oslo have secured the deals with Seoul." -> the agreement
    (
        _SECURED + "the/DET/det/6 deals:deal/NOUN/dobj/4/NNS with/ADP/prep/4 "
        "Seoul/PROPN/pobj/7/NNP/GPE",
        True,
    ),
    # "Lima and Oslo have secured two deals with Seoul." -> the agreement
    (
        _SECURED + "two/NUM/nummod/6/CD deals:deal/NOUN/dobj/4/NNS with/ADP/prep/4 "
        "Seoul/PROPN/pobj/7/NNP/GPE",
        True,
    ),
    # "Lima and Oslo have secured several deals with Seoul." -> the agreement
    (
        _SECURED + "several/ADJ/amod/6/JJ deals:deal/NOUN/dobj/4/NNS with/ADP/prep/4 "
        "Seoul/PROPN/pobj/7/NNP/GPE",
        True,
    ),
    # "Lima and Oslo have secured deals worth billions." -> the agreement
    (
        _SECURED + "deals:deal/NOUN/dobj/4/NNS worth/ADJ/amod/5/JJ "
        "billions:billion/NUM/npadvmod/6/NNS/MONEY",
        True,
    ),
    # "Lima and Oslo have secured deals on Friday." -> the agreement
    (_SECURED + "deals:deal/NOUN/dobj/4/NNS on/ADP/prep/4 Friday/PROPN/pobj/6/NNP/DATE", True),
    # "Lima and Oslo have secured deals in Rome." -> the agreement
    (_SECURED + "deals:deal/NOUN/dobj/4/NNS in/ADP/prep/4 Rome/PROPN/pobj/6/NNP/GPE", True),
]


@pytest.mark.parametrize(("spec", "is_event"), PLURALS)
def test_a_bare_plural_deal_is_no_agreement(spec: str, is_event: bool) -> None:
    doc = build(spec)
    found = trigger_of(doc[4], _person)
    assert (found is not None and found.kind == "agreement") is is_event
    noun = next(t for t in doc if t.dep_ == "dobj")
    by_noun = trigger_of(noun, _person)
    assert by_noun is None or is_event  # the noun does not name the class either


def test_bare_plural_visits_name_no_visit() -> None:
    # "Ministers made visits abroad." / "Ministers made two visits to Rome."
    bare = build(
        "Ministers:minister/NOUN/nsubj/1/NNS made:make/VERB/ROOT/1/VBD "
        "visits:visit/NOUN/dobj/1/NNS abroad/ADV/advmod/1/RB"
    )
    counted = build(
        "Ministers:minister/NOUN/nsubj/1/NNS made:make/VERB/ROOT/1/VBD two/NUM/nummod/3/CD "
        "visits:visit/NOUN/dobj/1/NNS to/ADP/prep/3 Rome/PROPN/pobj/4/NNP/GPE"
    )
    assert trigger_of(bare[2], _person) is None
    found = trigger_of(counted[3], _person)
    assert found is not None and found.kind == "visit"


# -- years ago ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("unit", "history"), [("years:year", True), ("weeks:week", False)])
def test_an_act_years_ago_is_history_even_with_a_day_in_the_sentence(
    unit: str, history: bool
) -> None:
    # "Lima and Oslo signed a pact 40 years ago." (the sentence's day dates it: dated=True)
    doc = build(
        "Lima/PROPN/nsubj/3 and/CCONJ/cc/0 Oslo/PROPN/conj/0 signed:sign/VERB/ROOT/3/VBD "
        f"a/DET/det/5 pact/NOUN/dobj/3 40/NUM/nummod/7/CD {unit}/NOUN/npadvmod/8/NNS "
        "ago/ADV/advmod/3/RB"
    )
    found = is_background(doc[3], "agreement", "April 7", True, None, 2025, default_lexicon())
    assert found is history


# -- a participle clause shares its head's occasion ---------------------------------------------


def _occasion(index: int, date: str | None) -> EventRecord:
    return EventRecord(
        "meeting",
        tokens=(index,),
        date=date,
        date_precision="day" if date else None,
        date_text="on Friday" if date else None,
    )


@pytest.mark.parametrize(("mark", "shared"), [("", True), ("before/ADP/mark/8 ", False)])
def test_a_participle_clause_shares_the_date_of_its_verb(mark: str, shared: bool) -> None:
    # "Lima will meet Oslo on Friday, [before] opening talks between Peru and Norway."
    offset = 1 if mark else 0
    doc = build(
        "Lima/PROPN/nsubj/2 will/AUX/aux/2 meet/VERB/ROOT/2/VB Oslo/PROPN/dobj/2 "
        "on/ADP/prep/2 Friday/PROPN/pobj/4/NNP/DATE ,/PUNCT/punct/2 "
        + mark.replace("/8", f"/{7 + offset}")
        + f"opening:open/VERB/advcl/2/VBG talks:talk/NOUN/dobj/{7 + offset}/NNS "
        f"between/ADP/prep/{8 + offset} Peru/PROPN/pobj/{9 + offset}"
    )
    meeting, talks = _occasion(2, "2030-05-03"), _occasion(7 + offset, None)
    dated = same_occasion_dates([meeting, talks], doc)
    assert (dated[1].date == "2030-05-03") is shared
    assert talks.date is None  # a new record: the one given is left alone


# -- the purpose of a trip ----------------------------------------------------------------------


def test_talks_a_trip_is_for_belong_to_the_trip() -> None:
    # "Lima will head for Rome on Sunday for talks with Oslo."
    doc = build(
        "Lima/PROPN/nsubj/2 will/AUX/aux/2 head/VERB/ROOT/2/VB for/ADP/prep/2 Rome/PROPN/pobj/3 "
        "on/ADP/prep/2 Sunday/PROPN/pobj/5/NNP/DATE for/ADP/prep/2 talks:talk/NOUN/pobj/7/NNS "
        "with/ADP/prep/8 Oslo/PROPN/pobj/9"
    )
    trip = trip_of_purpose(doc[8], default_lexicon())
    assert trip is not None and trip.i == 2


def test_talks_held_for_hours_are_no_purpose_of_a_trip() -> None:
    # "Lima held talks for hours."
    doc = build(
        "Lima/PROPN/nsubj/1 held:hold/VERB/ROOT/1/VBD talks:talk/NOUN/dobj/1/NNS "
        "for/ADP/prep/1 hours:hour/NOUN/pobj/3/NNS"
    )
    assert trip_of_purpose(doc[2], default_lexicon()) is None
    assert trip_of_purpose(doc[4], default_lexicon()) is None


# -- sending a letter ---------------------------------------------------------------------------


@pytest.mark.parametrize(("thing", "kind"), [("letter", "announcement"), ("delegation", None)])
def test_sending_a_letter_is_an_announcement(thing: str, kind: str | None) -> None:
    # "Carney sent a letter to Lula." / "Carney sent a delegation to Lula."
    doc = build(
        f"Carney/PROPN/nsubj/1 sent:send/VERB/ROOT/1/VBD a/DET/det/3 {thing}/NOUN/dobj/1 "
        "to/ADP/prep/1 Lula/PROPN/pobj/4"
    )
    found = trigger_of(doc[1], _person)
    assert (found.kind if found is not None else None) == kind


def test_sending_a_letter_back_is_no_announcement() -> None:
    # "Carney sent back the letter."
    doc = build(
        "Carney/PROPN/nsubj/1 sent:send/VERB/ROOT/1/VBD back/ADP/prt/1 the/DET/det/4 "
        "letter/NOUN/dobj/1"
    )
    assert trigger_of(doc[1], _person) is None
