"""Actor rules on sentences written for these tests (none is taken from the development set)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.domain.news import Extraction
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text

pytestmark = [pytest.mark.slow]


def _read(nlp: Language, body: str) -> Extraction:
    return extract(article_from_text(f"published: 2025-07-16\n\n{body}\n"), nlp)


def _country(extraction: Extraction, name: str) -> str | None:
    return next(a.country for a in extraction.actors if a.name == name)


def test_a_minister_in_a_us_story_acts_for_the_other_side(nlp: Language) -> None:
    text = (
        "U.S. President Donald Trump said Vietnam will pay a 20% tariff on its exports to the "
        "United States. Vietnam's foreign ministry said Trade Minister Nguyen Hong Dien will "
        "travel to Washington next week."
    )
    assert _country(_read(nlp, text), "Nguyen Hong Dien") == "VNM"


def test_a_secretary_in_a_us_story_is_not_given_the_other_side(nlp: Language) -> None:
    text = (
        "U.S. President Donald Trump said Vietnam will pay a 20% tariff on its exports to the "
        "United States. Commerce Secretary Ameer Khalid will travel to Hanoi next week."
    )
    assert _country(_read(nlp, text), "Ameer Khalid") != "VNM"


def test_the_first_word_of_a_full_name_used_alone_is_the_person(nlp: Language) -> None:
    text = (
        "U.S. President Donald Trump wrote to President Prabowo Subianto last week. Trump said "
        "he had finalized the agreement after speaking with Prabowo by phone."
    )
    calls = [e for e in _read(nlp, text).events if e.kind == "call"]
    assert [sorted(e.participants) for e in calls] == [["Donald Trump", "Prabowo Subianto"]]
