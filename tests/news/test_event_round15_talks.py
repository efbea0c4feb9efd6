"""Round 15 (talks15) contact events, each class on sentences written for it (hand-built parses,
no model, except the tests marked slow):

- an encounter "on the sidelines (margins, fringes) of" an occasion takes the occasion's day and
  city ("will meet on the sidelines of a regional summit in Lima in early August"), and the
  occasion noun is its setting, not a second event;
- a "when" or "where" clause of an encounter happens at the time and place of the clause it
  hangs on ("visited Santiago in late May, when she also met X");
- a call or meeting told as what followed the encounter just told ("That was followed by a
  video call on June 4") has that encounter's sides;
- a plural group told by its own nationality ("Chilean leaders will travel to Quito") is that
  country's side, not the last two people named;
- an encounter told as happening during a trip ("During her visit, she is expected to meet X")
  is in the place the last trip of its people went to.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_round12 import events_read
from tests.news.test_event_trigger_rules import build

from tariffscope.news._event_people import _nationals
from tariffscope.news._event_record import EventRecord
from tariffscope.news._event_when import setting_host
from tariffscope.news.events import _during_trip, _occasion_host, _sequel_of_told, _trip_place
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.temporal import _into_occasion

LEX = default_lexicon()

# "Ortiz and Vidal will meet on the sidelines of a summit in Lima."
SIDELINES = (
    "Ortiz/PROPN/nsubj/4 and/CCONJ/cc/0 Vidal/PROPN/conj/0 will/AUX/aux/4 meet/VERB/ROOT/4/VB "
    "on/ADP/prep/4 the/DET/det/7 sidelines:sideline/NOUN/pobj/5/NNS of/ADP/prep/7 "
    "a/DET/det/10 summit/NOUN/pobj/8 in/ADP/prep/10 Lima/PROPN/pobj/11//GPE"
)


def test_the_occasion_of_a_sidelines_phrase_hangs_on_the_encounter() -> None:
    doc = build(SIDELINES)
    host = _occasion_host(doc[10], LEX)
    assert host is not None
    assert host.i == 4
    assert _into_occasion(doc[8], LEX.words("event_occasion_nouns"))  # "of" under "sidelines"
    assert _into_occasion(doc[7], LEX.words("event_occasion_nouns"))
    assert not _into_occasion(doc[5], LEX.words("event_occasion_nouns"))  # "on": a real step


def test_a_plain_of_phrase_is_no_occasion() -> None:
    # "Ortiz will meet the head of a delegation."
    doc = build(
        "Ortiz/PROPN/nsubj/2 will/AUX/aux/2 meet/VERB/ROOT/2/VB the/DET/det/4 head/NOUN/dobj/2 "
        "of/ADP/prep/4 a/DET/det/7 delegation/NOUN/pobj/5"
    )
    assert _occasion_host(doc[7], LEX) is None


# "Ortiz visited Santiago in May, when she met Vidal."
WHEN_CLAUSE = (
    "Ortiz/PROPN/nsubj/1 visited:visit/VERB/ROOT/1/VBD Santiago/PROPN/dobj/1//GPE "
    "in/ADP/prep/1 May/PROPN/pobj/3//DATE ,/PUNCT/punct/1 when/SCONJ/advmod/8 "
    "she/PRON/nsubj/8 met:meet/VERB/advcl/1/VBD Vidal/PROPN/dobj/8"
)


def test_a_when_clause_happens_in_the_time_of_its_main_clause() -> None:
    doc = build(WHEN_CLAUSE)
    assert [t.i for t in setting_host(doc[8], LEX)] == [1]
    assert setting_host(doc[1], LEX) == ()


def test_a_clause_of_purpose_has_no_host_time() -> None:
    # "Ortiz visited Santiago in May, because she met Vidal."
    doc = build(WHEN_CLAUSE.replace("when/SCONJ/advmod/8", "because/SCONJ/mark/8"))
    assert setting_host(doc[8], LEX) == ()


# "That was followed by a call on June 4."
SEQUEL = (
    "That/PRON/nsubjpass/2 was/AUX/auxpass/2 followed:follow/VERB/ROOT/2/VBN by/ADP/agent/2 "
    "a/DET/det/5 call/NOUN/pobj/3 on/ADP/prep/5 June/PROPN/pobj/6//DATE"
)


def test_a_call_that_followed_the_event_just_told_is_its_sequel() -> None:
    assert _sequel_of_told(build(SEQUEL)[5], LEX)


def test_a_call_followed_by_a_named_subject_is_no_sequel() -> None:
    # "Tariffs were followed by a call": the subject is no pointer back
    spec = SEQUEL.replace("That/PRON/nsubjpass/2", "Tariffs:tariff/NOUN/nsubjpass/2/NNS")
    assert not _sequel_of_told(build(spec)[5], LEX)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        # "Chilean leaders will travel"
        (
            "Chilean/ADJ/amod/1//NORP leaders:leader/NOUN/nsubj/3/NNS will/AUX/aux/3 "
            "travel/VERB/ROOT/3/VB",
            True,
        ),
        # "the Chilean leaders will travel": the article points back to people just named
        (
            "the/DET/det/2 Chilean/ADJ/amod/2//NORP leaders:leader/NOUN/nsubj/4/NNS "
            "will/AUX/aux/4 travel/VERB/ROOT/4/VB",
            False,
        ),
        # "two leaders will travel": no nationality
        (
            "two/NUM/nummod/1 leaders:leader/NOUN/nsubj/3/NNS will/AUX/aux/3 travel/VERB/ROOT/3/VB",
            False,
        ),
    ],
)
def test_a_group_of_one_nationality(spec: str, expected: bool) -> None:
    doc = build(spec)
    noun = next(t for t in doc if t.dep_ == "nsubj")
    assert _nationals(noun, LEX) is expected


# "During her visit, she will meet Ortiz."
DURING_TRIP = (
    "During/ADP/prep/6 her/PRON/poss/2 visit/NOUN/pobj/0 ,/PUNCT/punct/6 she/PRON/nsubj/6 "
    "will/AUX/aux/6 meet/VERB/ROOT/6/VB Ortiz/PROPN/dobj/6"
)


def test_an_encounter_during_a_trip_is_where_the_trip_went() -> None:
    doc = build(DURING_TRIP)
    assert _during_trip(doc[6], LEX)
    assert not _during_trip(build(DURING_TRIP.replace("visit/NOUN", "talks:talk/NOUN"))[6], LEX)
    earlier = [
        EventRecord("visit", ("Rosa Vidal",), place="Quito"),
        EventRecord("visit", ("Rosa Vidal",), place="Lima"),
        EventRecord("meeting", ("Rosa Vidal", "Ana Ortiz"), place="Cusco"),
        EventRecord("visit", ("Luis Diaz",), place="Bogota"),
    ]
    meeting = EventRecord("meeting", ("Rosa Vidal", "Ana Ortiz"), status="planned")
    assert _trip_place(earlier, meeting) == "Lima"
    assert _trip_place(earlier, EventRecord("meeting", ("Ana Ortiz",), status="planned")) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Peruvian Trade Minister Ana Ortiz and Chilean Foreign Minister Rosa Vidal will meet "
            "on the sidelines of a regional summit in Lima in early August.",
            [("meeting", "2025-08-01", "planned", ["Ana Ortiz", "Rosa Vidal"])],
        ),
        (
            "Peruvian Trade Minister Ana Ortiz met Chilean Foreign Minister Rosa Vidal on the "
            "fringes of a trade ministers' meeting in Quito last week.",
            [("meeting", None, "happened", ["Ana Ortiz", "Rosa Vidal"])],
        ),
        (
            "Peruvian Trade Minister Ana Ortiz visited Santiago in late May, when she also met "
            "with Chilean Foreign Minister Rosa Vidal.",
            [
                ("visit", "2025-05-01", "happened", ["Ana Ortiz"]),
                ("meeting", "2025-05-01", "happened", ["Ana Ortiz", "Rosa Vidal"]),
            ],
        ),
        (
            "Peruvian Trade Minister Ana Ortiz met Chilean Foreign Minister Rosa Vidal in "
            "Santiago in May. That was followed by a video call on June 4.",
            [
                ("meeting", "2025-05-01", "happened", ["Ana Ortiz", "Rosa Vidal"]),
                ("call", "2025-06-04", "happened", ["Ana Ortiz", "Rosa Vidal"]),
            ],
        ),
        (
            "Chilean President Gabriel Boric spoke to Peruvian President Ana Ortiz on Monday. "
            "Chilean leaders will travel to Quito in September.",
            [
                ("call", "2025-07-14", "happened", ["Ana Ortiz", "Gabriel Boric"]),
                ("visit", "2025-09-01", "planned", ["CHL"]),
            ],
        ),
        (
            "Chilean Trade Minister Rosa Vidal left for Lima on Sunday. During her visit, she is "
            "expected to meet with Peruvian Trade Minister Ana Ortiz.",
            [
                ("visit", "2025-07-13", "happened", ["Rosa Vidal"]),
                ("meeting", None, "planned", ["Ana Ortiz", "Rosa Vidal"]),
            ],
        ),
    ],
)
def test_contact_events_of_round_15(
    nlp: Language, body: str, expected: list[tuple[str, str | None, str, list[str]]]
) -> None:
    assert events_read(nlp, body) == expected
