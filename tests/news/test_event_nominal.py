"""Events told by a noun (GUIDELINES.md kinds from the noun's class): talks told as a round
or by their length, a call's callee, the people of a clause a call is the setting of, and a
couple named by a plural role noun. Sentences written for these tests: hand-built ``Doc``
objects where the parse is given, the trained model where the parse is the point (marked
``slow``)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_trigger_rules import build

from tariffscope.domain.news import Extraction
from tariffscope.news._event_kind import EventShape, kind_by_structure, told_as_round
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()


def test_talks_of_a_round_are_a_round() -> None:
    doc = build(
        "They/PRON/nsubj/1 joined:join/VERB/ROOT/1/VBD the/DET/det/4 first/ADJ/amod/4 "
        "round/NOUN/dobj/1 of/ADP/prep/4 negotiations/NOUN/pobj/5"
    )
    assert told_as_round(doc[6], LEX)


def test_talks_told_by_their_length_are_a_round() -> None:
    doc = build(
        "They/PRON/nsubj/1 began:begin/VERB/ROOT/1/VBD three/NUM/nummod/4 -/PUNCT/punct/4 "
        "day/NOUN/compound/5 talks:talk/NOUN/dobj/1"
    )
    assert told_as_round(doc[5], LEX)


def test_talks_in_general_are_no_round() -> None:
    doc = build(
        "Tariffs:tariff/NOUN/nsubj/1 dominated:dominate/VERB/ROOT/1/VBD the/DET/det/3 "
        "talks:talk/NOUN/dobj/1 of/ADP/prep/3 the/DET/det/6 day/NOUN/pobj/4"
    )
    assert not told_as_round(doc[3], LEX)


def test_a_round_between_two_named_people_stays_talks() -> None:
    common = {"countries": 0, "remote": False, "led": False, "place": None}
    assert kind_by_structure(EventShape("talks", 2, round=True, **common)) == "talks"
    assert kind_by_structure(EventShape("talks", 2, **common)) == "meeting"


def _read(nlp: Language, body: str) -> Extraction:
    text = f"published: 2025-07-16\n\nTrade news of the day\n\n{body}\n"
    return extract(article_from_text(text), nlp)


def _calls(nlp: Language, body: str) -> list[tuple[list[str], str | None]]:
    return [
        (sorted(e.participants), e.date.isoformat() if e.date else None)
        for e in _read(nlp, body).events
        if e.kind == "call"
    ]


@pytest.mark.slow
def test_a_call_to_a_person_names_the_callee(nlp: Language) -> None:
    body = (
        "Brazilian President Luiz Lula reached out through a phone call to French President "
        "Emmanuel Macron on Monday."
    )
    assert _calls(nlp, body) == [(["Emmanuel Macron", "Luiz Lula"], "2025-07-14")]


@pytest.mark.slow
def test_a_call_that_is_the_setting_of_a_request_happened_between_its_parties(
    nlp: Language,
) -> None:
    body = (
        "Brazilian President Luiz Lula said he urged Indian Prime Minister Narendra Modi to "
        "lower tariffs during a phone call on Monday."
    )
    assert _calls(nlp, body) == [(["Luiz Lula", "Narendra Modi"], "2025-07-14")]


@pytest.mark.slow
def test_a_plural_role_noun_names_the_last_two_people(nlp: Language) -> None:
    body = (
        "Brazilian President Luiz Lula thanked French President Emmanuel Macron for his "
        "support. The presidents' telephone call on Monday was about trade, Lula's office said."
    )
    assert _calls(nlp, body) == [(["Emmanuel Macron", "Luiz Lula"], "2025-07-14")]


@pytest.mark.slow
def test_talks_told_by_their_length_are_dated_talks(nlp: Language) -> None:
    body = "Officials from Peru and Chile on Wednesday kicked off two-day talks in Lima."
    talks = [e for e in _read(nlp, body).events if e.kind == "talks"]
    assert [(sorted(e.participants), e.date.isoformat() if e.date else None) for e in talks] == [
        (["CHL", "PER"], "2025-07-16")
    ]


@pytest.mark.slow
def test_a_speaker_who_says_they_will_raise_a_rate_announces_it(nlp: Language) -> None:
    body = "Brazilian President Luiz Lula said on Monday he would increase the rate to 30%."
    events = [e for e in _read(nlp, body).events if e.kind == "announcement"]
    assert [(list(e.participants), e.date.isoformat() if e.date else None) for e in events] == [
        (["Luiz Lula"], "2025-07-14")
    ]


@pytest.mark.slow
def test_an_unnamed_counterpart_is_named_by_their_nationality(nlp: Language) -> None:
    body = (
        "Brazilian Finance Minister Fernando Haddad will meet his Chinese counterpart in "
        "Geneva on Monday."
    )
    meetings = [e for e in _read(nlp, body).events if e.kind == "meeting"]
    assert [sorted(e.participants) for e in meetings] == [["CHN", "Fernando Haddad"]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("place", "visits"),
    [("Brazil", 0), ("France", 1)],  # going home is no visit; going abroad is
)
def test_travel_to_ones_own_country_is_no_visit(nlp: Language, place: str, visits: int) -> None:
    body = f"Brazilian President Luiz Lula will travel to {place} on Friday."
    assert len([e for e in _read(nlp, body).events if e.kind == "visit"]) == visits
