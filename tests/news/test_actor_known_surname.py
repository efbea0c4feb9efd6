"""A known leader's surname alone, the subject of a speech verb, names that person (sentences
written for the class; the small model tags a lone surname as an organisation)."""

from __future__ import annotations

import pytest
from spacy.language import Language


def _actors(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    return [(a["name"], a.get("country")) for a in doc._.tariffscope_persons if a.get("actor")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump said on Monday he would impose 25% tariffs on Canadian goods.", ("Trump", "USA")),
        ("Sheinbaum said on Tuesday that talks would go on.", ("Sheinbaum", "MEX")),
    ],
)
def test_a_known_surname_that_speaks_is_the_person(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert expected in _actors(nlp, text)


@pytest.mark.slow
def test_a_surname_that_speaks_of_itself_as_it_is_no_person(nlp: Language) -> None:
    assert _actors(nlp, "Ford said it would raise car prices after the tariff took effect.") == []


@pytest.mark.slow
def test_the_speaker_makes_a_lone_surname_story_about_the_us(nlp: Language) -> None:
    doc = nlp("Trump said on Monday he would impose 25% tariffs on Canadian goods.")
    assert [(m["imposer"], m["target"]) for m in doc._.tariffscope_measures] == [("USA", "CAN")]
