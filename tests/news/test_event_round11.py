"""Round 11 event classes, each on sentences written for it (hand-built parses, no model):

- a trip is the talks only when its purpose is told as a round ("for the third round of
  talks", "for two-day talks"); a trip for talks in general ("for tariff talks") stays a
  visit (GUIDELINES: talks are a negotiating round, a visit is travel to a place);
"""

from __future__ import annotations

import pytest
from tests.news.test_event_trigger_rules import build

from tariffscope.news.event_context import visit_for_talks
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
