"""Round 8 event classes, each on sentences written for it (hand-built parses, no model):

- a measure act that is a term of a deal ("under the pact, X will cut ...", "agreed to lift
  ...") is not an announcement: the deal is the event;
"""

from __future__ import annotations

import pytest
from tests.news.test_event_trigger_rules import _person, build

from tariffscope.news.event_triggers import trigger_of

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
