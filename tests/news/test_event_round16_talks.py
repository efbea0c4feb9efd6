"""Round 16 (talks16) contact events, each class on sentences written for it (Colombian and
Ecuadorian people of no story; hand-built parses where the parse is not the point, the
model in the tests marked slow):

- a verb that holds or ends a round ("concluded the third round of negotiations in Quito")
  is placed where the round's talks are: the place hangs one step below the round noun;
- a trip verb with a "for ... to" clause ("has left for Quito to hold talks"): the parse makes
  the destination the clause's subject, marked by "for"; it is the trip's destination;
- a meeting noun in a setting phrase of a verb ("told Colombian officials in a meeting",
  "appeared with X at a Quito meeting") has the verb's parties: a government's side among
  its objects when the teller is no named person, and a place before the noun is the
  meeting's setting, not a side that hides the verb's parties;
- an encounter in places joined by "and" ("talks in Quito and Lima") is one in each;
- a planned encounter told by a verb with neither time nor place, right after a trip ahead of
  one of its people ("X travels to Quito on Friday. X is due to meet Y"), is held on that
  trip (its place and day), and the plan's subject takes part though the verb has objects;
  a trip told as past gives nothing;
- sending a named person or a delegation to a place ("has sent X, its top negotiator, to
  Quito", "will send a delegation to Quito") is the trip of the one sent (rules
  visit.send_envoy, visit.send_delegation; a delegation is the sender's), and a trip or
  encounter told with "no longer" is cancelled;
- a bare definite delegation noun opening its sentence ("The team has travelled three times")
  points back, as "they" does, to the body the sentence before is about, a passive's own
  subject included ("The Colombian team is led by X").
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_round12 import events_read
from tests.news.test_event_trigger_rules import build

from tariffscope.news._event_when import _for_clause_subjects, _round_talks
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()


def test_the_talks_of_a_round_object_carry_its_place() -> None:
    # "Colombia concluded the third round of negotiations in Quito."
    doc = build(
        "Colombia/PROPN/nsubj/1 concluded:conclude/VERB/ROOT/1 the/DET/det/4 third/ADJ/amod/4 "
        "round/NOUN/dobj/1 of/ADP/prep/4 negotiations:negotiation/NOUN/pobj/5 in/ADP/prep/6 "
        "Quito/PROPN/pobj/7//GPE"
    )
    assert [t.i for t in _round_talks([doc[4]], LEX)] == [6]
    # "a round of tariffs" is no round of talks
    other = build(
        "Colombia/PROPN/nsubj/1 announced:announce/VERB/ROOT/1 a/DET/det/3 round/NOUN/dobj/1 "
        "of/ADP/prep/3 tariffs:tariff/NOUN/pobj/4"
    )
    assert _round_talks([other[3]], LEX) == []


def test_the_subject_of_a_for_clause_on_a_trip_verb() -> None:
    # "Paredes has left for Quito to hold talks."
    doc = build(
        "Paredes/PROPN/nsubj/2 has/AUX/aux/2 left:leave/VERB/ROOT/2 for/SCONJ/mark/6 "
        "Quito/PROPN/nsubj/6//GPE to/PART/aux/6 hold/VERB/advcl/2 talks:talk/NOUN/dobj/6"
    )
    assert [t.text for t in _for_clause_subjects(doc[2])] == ["Quito"]
    # "left to hold talks": no "for", no destination
    bare = build(
        "Paredes/PROPN/nsubj/1 left:leave/VERB/ROOT/1 to/PART/aux/3 hold/VERB/advcl/1 "
        "talks:talk/NOUN/dobj/3"
    )
    assert _for_clause_subjects(bare[1]) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Colombia and Ecuador have just concluded the third round of negotiations in Quito.",
            [("talks", None, "happened", ["COL", "ECU"])],
        ),
        (
            "Colombian Trade Minister Lucia Paredes has left for Quito to hold talks with "
            "Ecuadorian officials.",
            [("visit", None, "happened", ["Lucia Paredes"])],
        ),
        (
            "The Ecuadorian minister told Colombian officials in a meeting on Monday that their "
            "offer was complete.",
            [("talks", "2025-07-14", "happened", ["COL", "ECU"])],
        ),
        (
            "Colombian President Tomas Herrera last month appeared with Ecuadorian President "
            "Ana Salcedo at a Quito meeting that was cordial in tone.",
            [("meeting", "2025-06-01", "happened", ["Ana Salcedo", "Tomas Herrera"])],
        ),
        (
            "The agreements became more refined after previous talks between Colombia and "
            "Ecuador in Quito and Lima.",
            [
                ("talks", None, "happened", ["COL", "ECU"]),
                ("talks", None, "happened", ["COL", "ECU"]),
            ],
        ),
        (
            "Mario Vega, Colombia's top negotiator, and Lucia Paredes departed on Friday night "
            "for Quito and Lima.",
            [
                ("visit", "2025-07-11", "happened", ["Lucia Paredes", "Mario Vega"]),
                ("visit", "2025-07-11", "happened", ["Lucia Paredes", "Mario Vega"]),
            ],
        ),
        (
            "Colombian Trade Minister Lucia Paredes travels to Quito on Friday. Paredes is due "
            "to meet Ecuadorian Trade Minister Ana Salcedo.",
            [
                ("visit", "2025-07-18", "planned", ["Lucia Paredes"]),
                ("meeting", "2025-07-18", "planned", ["Ana Salcedo", "Lucia Paredes"]),
            ],
        ),
        (
            "Colombian Trade Minister Lucia Paredes travelled to Quito last week. Paredes is due "
            "to meet Ecuadorian Trade Minister Ana Salcedo.",
            [("visit", None, "happened", ["Lucia Paredes"])],
        ),
        (
            "Bogota has immediately sent Lucia Paredes, its top negotiator, to Quito to hold "
            "talks with Ecuadorian officials.",
            [("visit", None, "happened", ["Lucia Paredes"])],
        ),
        (
            "Colombia will send a delegation to Quito next week.",
            [("visit", None, "planned", ["COL"])],
        ),
        (
            "Colombia will no longer send a delegation to Quito for a second round of "
            "negotiations.",
            [("visit", None, "cancelled", ["COL"])],
        ),
        ("Colombia sent a letter to Quito on Monday.", []),
        (
            "The Colombian negotiating team is led by chief negotiator Mario Vega. The team has "
            "already travelled three times to Quito.",
            [("visit", None, "happened", ["COL"])],
        ),
    ],
)
def test_contact_events_of_round_16(
    nlp: Language, body: str, expected: list[tuple[str, str | None, str, list[str]]]
) -> None:
    assert events_read(nlp, body) == expected
