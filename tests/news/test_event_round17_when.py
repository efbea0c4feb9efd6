"""Round 17, dates and participants at the trigger, each on sentences written for the class
(hand-built parses, no model):

- a past participle that describes a noun ("the levies announced in March by Ottawa are set
  to lapse") tells what was done before, whatever the main clause's tense: the tense of that
  event trigger, and the direction of a date such a reporting verb governs, is past (the
  verb's own ``direction``, which measures read, is left as it was);
- "the two sides" (a word of the governments, ``event_government_groups``) that the mention
  chains resolve to the two people just named are those people's countries, not the people
  ("the two leaders" stay the people).
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_round12 import events_read
from tests.news.test_event_trigger_rules import build

from tariffscope.news._event_when import _tense
from tariffscope.news.dates import DateExpr
from tariffscope.news.dates_component import date_direction
from tariffscope.news.lexicon import default_lexicon

# "The levies announced in March by Ottawa are set to lapse in June."
ANNOUNCED_IN_MARCH = (
    "The/DET/det/1 levies:levy/NOUN/nsubjpass/8 announced:announce/VERB/acl/1/VBN "
    "in/ADP/prep/2 March/PROPN/pobj/3 by/ADP/agent/2 Ottawa/PROPN/pobj/5 "
    "are:be/AUX/auxpass/8/VBP set/VERB/ROOT/8/VBN to/PART/aux/10 lapse/VERB/xcomp/8/VB "
    "in/ADP/prep/10 June/PROPN/pobj/11"
)
# "The talks planned for May by Seoul are set to open in June." (a frame word: ahead)
PLANNED_FOR_MAY = (
    "The/DET/det/1 talks:talk/NOUN/nsubjpass/8 planned:plan/VERB/acl/1/VBN "
    "for/ADP/prep/2 May/PROPN/pobj/3 by/ADP/agent/2 Seoul/PROPN/pobj/5 "
    "are:be/AUX/auxpass/8/VBP set/VERB/ROOT/8/VBN to/PART/aux/10 open/VERB/xcomp/8/VB "
    "in/ADP/prep/10 June/PROPN/pobj/11"
)


def _month(spec: str, index: int, preposition: str) -> int:
    """The direction of the month word at ``index`` (a "month" expression, no year)."""
    word = build(spec)[index]
    at = (word.idx, word.idx + len(word.text))
    expr = DateExpr(*at, word.text, "month", month=3, preposition=preposition)
    return date_direction(expr, word.doc[index : index + 1], default_lexicon())


def test_a_participle_describing_a_noun_looks_back_under_a_clause_ahead() -> None:
    doc = build(ANNOUNCED_IN_MARCH)
    assert _tense(doc[2], default_lexicon()) == -1
    assert _tense(doc[10], default_lexicon()) == 1  # the main clause still looks ahead
    assert _month(ANNOUNCED_IN_MARCH, 4, "in") == -1


def test_a_participle_of_plan_describing_a_noun_still_looks_ahead() -> None:
    doc = build(PLANNED_FOR_MAY)
    assert _tense(doc[10], default_lexicon()) == 1
    assert _month(PLANNED_FOR_MAY, 4, "for") == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Chilean Foreign Minister Rosa Vidal hosted Peruvian Trade Minister Ana Ortiz in "
            "Santiago on Monday. The two sides agreed on Tuesday to cut duties on copper.",
            ["CHL", "PER"],
        ),
        (
            "Chilean President Rosa Vidal hosted Peruvian President Ana Ortiz in Santiago on "
            "Monday. The two leaders agreed on Tuesday to cut duties on copper.",
            ["Ana Ortiz", "Rosa Vidal"],
        ),
    ],
)
def test_the_two_sides_are_the_countries_of_the_two_people_named(
    nlp: Language, body: str, expected: list[str]
) -> None:
    agreements = [e for e in events_read(nlp, body) if e[0] == "agreement"]
    assert [e[3] for e in agreements] == [expected]


def test_an_event_that_is_over_was_not_held_on_a_trip_still_ahead() -> None:
    # "Ruiz will visit Quito on Monday ... she could not meet Vela during her last visit in
    # June": the June meeting did not take place on Monday's trip
    from tariffscope.news._event_record import EventRecord
    from tariffscope.news.events import _trip_place

    ahead = EventRecord("visit", ("Ana Ruiz",), place="Quito", status="planned")
    before = EventRecord("visit", ("Ana Ruiz",), place="Lima", status="happened")
    missed = EventRecord("meeting", ("Ana Ruiz", "Luis Vela"), status="cancelled")
    planned = EventRecord("meeting", ("Ana Ruiz", "Luis Vela"), status="planned")
    assert _trip_place([ahead], missed) is None
    assert _trip_place([before, ahead], missed) == "Lima"
    assert _trip_place([before, ahead], planned) == "Quito"
