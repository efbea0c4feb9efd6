"""Round 14b: reader errors that move the brief's pair, each class on sentences written for it
(partners of no story in the corpus).

- a measure that is the active subject of an announcing verb with an object that is no measure
  ("the levies threaten deals with X and Y") acts on deals, trade or prices: no party announces
  anything, so the parties of its object make no announcement (guard measure_is_the_subject of
  rule announcement.measure_verb); passive, scheduled ("the duties set to take effect") and
  instrument subjects still announce.
"""

from __future__ import annotations

import pytest
from tests.news.test_event_trigger_rules import build

from tariffscope.news.event_triggers import trigger_of

THREATENED = [
    # "The levies threaten deals with Chile and Peru." (the measure acts: no announcement)
    (
        "The/DET/det/1 levies:levy/NOUN/nsubj/2 threaten/VERB/ROOT/2/VBP deals:deal/NOUN/dobj/2 "
        "with/ADP/prep/3 Chile/PROPN/pobj/4 and/CCONJ/cc/5 Peru/PROPN/conj/5",
        2,
        None,
    ),
    # "The duties set back exporters in Ghana." (an object that is no measure)
    (
        "The/DET/det/1 duties:duty/NOUN/nsubj/2 set/VERB/ROOT/2/VBD back/ADP/prt/2 "
        "exporters:exporter/NOUN/dobj/2 in/ADP/prep/4 Ghana/PROPN/pobj/5",
        2,
        None,
    ),
    # "Chile threatened levies on Peruvian copper." (a party acts)
    (
        "Chile/PROPN/nsubj/1 threatened:threaten/VERB/ROOT/1/VBD levies:levy/NOUN/dobj/1 "
        "on/ADP/prep/2 Peruvian/ADJ/amod/5 copper/NOUN/pobj/3",
        1,
        "announcement",
    ),
    # "The new duties set to take effect on Monday." (no object: the measure scheduled)
    (
        "The/DET/det/2 new/ADJ/amod/2 duties:duty/NOUN/nsubj/3 set/VERB/ROOT/3/VBD "
        "to/PART/aux/5/TO take/VERB/xcomp/3/VB effect/NOUN/dobj/5 on/ADP/prep/5 "
        "Monday/PROPN/pobj/7",
        3,
        "announcement",
    ),
]


@pytest.mark.parametrize(("spec", "index", "kind"), THREATENED)
def test_a_measure_that_threatens_deals_is_no_announcement(
    spec: str, index: int, kind: str | None
) -> None:
    trig = trigger_of(build(spec)[index], lambda _t: False)
    assert (trig.kind if trig else None) == kind
