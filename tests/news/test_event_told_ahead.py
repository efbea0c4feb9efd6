"""Round 7 event classes, on sentences written for these tests (hand-built ``Doc`` objects;
the trained model where the parse is the point, marked ``slow``):
an event noun told ahead (``told_ahead``: "ahead of", "prior to", "before", a word of plan)
is planned and dated forward; an event noun that is the active subject of a verb of ending
("talks ended", "a round of negotiations concluded") was held to its end (``completes``),
while an event someone ends or suspends stays cancelled; an act whose own phrase names an
earlier year is history even when a day of another clause reached it; an act told as the
subject of a judgement ("concluding a deal is essential") is no event."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_trigger_rules import build

from tariffscope.domain.news import Extraction
from tariffscope.news._event_when import completes, told_ahead
from tariffscope.news.api import extract
from tariffscope.news.event_context import is_background
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()


def test_an_event_noun_after_ahead_of_is_told_ahead() -> None:
    doc = build(
        "Envoys:envoy/NOUN/nsubj/1 gathered:gather/VERB/ROOT/1/VBD ahead/ADV/advmod/1 "
        "of/ADP/prep/2 a/DET/det/5 summit/NOUN/pobj/3"
    )
    assert told_ahead(doc[5], LEX)


def test_an_event_noun_after_prior_to_or_before_is_told_ahead() -> None:
    prior = build(
        "Aides:aide/NOUN/nsubj/1 met:meet/VERB/ROOT/1/VBD prior/ADV/advmod/1 "
        "to/ADP/prep/2 the/DET/det/5 talks:talk/NOUN/pobj/3"
    )
    before = build(
        "Aides:aide/NOUN/nsubj/1 met:meet/VERB/ROOT/1/VBD before/ADP/prep/1 "
        "the/DET/det/4 visit/NOUN/pobj/2"
    )
    assert told_ahead(prior[5], LEX)
    assert told_ahead(before[4], LEX)


def test_an_event_noun_after_a_preposition_of_time_past_is_not_told_ahead() -> None:
    doc = build(
        "Aides:aide/NOUN/nsubj/1 spoke:speak/VERB/ROOT/1/VBD after/ADP/prep/1 "
        "the/DET/det/4 visit/NOUN/pobj/2"
    )
    assert not told_ahead(doc[4], LEX)


def test_an_event_noun_with_a_word_of_plan_is_told_ahead() -> None:
    doc = build(
        "Okafor/PROPN/nsubj/1 discussed:discuss/VERB/ROOT/1/VBD the/DET/det/4 "
        "upcoming/ADJ/amod/4 visit/NOUN/dobj/1"
    )
    assert told_ahead(doc[4], LEX)
    assert not told_ahead(doc[1], LEX)  # a verb is dated by its own tense


def test_talks_that_ended_as_subject_were_held() -> None:
    doc = build(
        "The/DET/det/1 talks:talk/NOUN/nsubj/2 ended:end/VERB/ROOT/2/VBD in/ADP/prep/2 "
        "Quito/PROPN/pobj/3"
    )
    assert completes(doc[1], doc[2], LEX)


def test_a_round_of_negotiations_that_concluded_was_held() -> None:
    doc = build(
        "A/DET/det/1 round/NOUN/nsubj/4 of/ADP/prep/1 negotiations:negotiation/NOUN/pobj/2 "
        "concluded:conclude/VERB/ROOT/4/VBD"
    )
    assert completes(doc[3], doc[4], LEX)


def test_talks_someone_ended_or_that_were_suspended_are_not_completed() -> None:
    ended = build(
        "Quito/PROPN/nsubj/1 ended:end/VERB/ROOT/1/VBD the/DET/det/3 talks:talk/NOUN/dobj/1"
    )
    suspended = build(
        "The/DET/det/1 talks:talk/NOUN/nsubjpass/3 were:be/AUX/auxpass/3/VBD "
        "suspended:suspend/VERB/ROOT/3/VBN"
    )
    assert not completes(ended[3], ended[1], LEX)
    assert not completes(suspended[1], suspended[3], LEX)


def test_an_adjective_of_arrival_is_told_ahead() -> None:
    doc = build(
        "Okafor/PROPN/nsubj/1 is:be/AUX/ROOT/1/VBZ due/ADJ/acomp/1 in/ADP/prep/2 Lima/PROPN/pobj/3"
    )
    assert told_ahead(doc[2], LEX)


def test_an_act_whose_own_phrase_names_an_earlier_year_is_history_whatever_day_it_borrowed() -> (
    None
):
    doc = build(
        "Chile/PROPN/nsubj/1 signed:sign/VERB/ROOT/1/VBD a/DET/det/3 pact/NOUN/dobj/1 "
        "in/ADP/prep/1 1996/NUM/pobj/4/CD"
    )
    # dated by the report's "on Monday" of another clause: still history
    assert is_background(doc[1], "agreement", "Monday", True, None, 2025, LEX)
    # the year of the story itself is no history
    assert not is_background(doc[1], "agreement", "Monday", True, None, 1996, LEX)


def test_an_act_dated_in_its_own_earlier_year_keeps_its_date() -> None:
    doc = build(
        "Chile/PROPN/nsubj/1 signed:sign/VERB/ROOT/1/VBD a/DET/det/3 pact/NOUN/dobj/1 "
        "in/ADP/prep/1 1996/NUM/pobj/4/CD"
    )
    assert not is_background(doc[1], "agreement", "in 1996", True, None, 2025, LEX)


def _read(nlp: Language, body: str) -> Extraction:
    return extract(
        article_from_text(f"published: 2025-07-16\n\nTrade news of the day\n\n{body}\n"), nlp
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "kind", "status", "date"),
    [
        (
            "Trade talks between Kenya and Peru ended in Nairobi on Monday.",
            "talks",
            "happened",
            "2025-07-14",
        ),
        # published on a Wednesday: Friday ahead is the 18th
        ("Mark Carney is due in Washington on Friday.", "visit", "planned", "2025-07-18"),
    ],
)
def test_the_round_classes_on_written_sentences(
    nlp: Language, body: str, kind: str, status: str, date: str
) -> None:
    events = [e for e in _read(nlp, body).events if e.kind == kind]
    assert len(events) == 1
    assert events[0].status == status
    assert events[0].date is not None and events[0].date.isoformat() == date


@pytest.mark.slow
def test_an_event_told_ahead_takes_no_past_day_of_its_clause(nlp: Language) -> None:
    body = "Kenya said on Monday it had prepared its offer before the talks with Peru."
    talks = [e for e in _read(nlp, body).events if e.kind == "talks"]
    assert all(e.date is None or e.date.isoformat() > "2025-07-16" for e in talks)


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "Concluding a trade agreement with Peru is essential for Kenya, Donald Trump said on Monday.",
        "Donald Trump said on Monday that Kenya and Peru signed a trade agreement in 1996.",
    ],
)
def test_an_act_judged_or_of_an_earlier_year_is_no_event(nlp: Language, body: str) -> None:
    assert [e for e in _read(nlp, body).events if e.kind == "agreement"] == []
