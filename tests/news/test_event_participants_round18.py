"""Round 18 classes of event participants, each on sentences written here.

They need the trained model (NER, parse) and are marked ``slow``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_people_round14 import _read


def _participants(nlp: Language, body: str, kind: str) -> tuple[str, ...]:
    return next(e.participants for e in _read(nlp, body).events if e.kind == kind)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "participants"),
    [
        pytest.param(
            "European Union trade spokesman Karl Weber said on Tuesday that the bloc will "
            "suspend its retaliatory tariffs for three months.",
            ("EUN",),
            id="the bloc a spokesman speaks for",
        ),
        pytest.param(
            "Canadian Finance Minister Anna Brooks said on Monday that the government will "
            "raise duties on American steel to 30%.",
            ("CAN",),
            id="the government of the minister who speaks",
        ),
        pytest.param(
            "Mexican Economy Minister Luis Ortega said on Friday that Mexico will impose a 20% "
            "tariff on US pork.",
            ("MEX",),
            id="a country named as the one that acts",
        ),
        pytest.param(
            "Trade Minister Luis Ortega said on Friday that he will impose a 20% tariff on US "
            "pork.",
            ("Luis Ortega",),
            id="the speaker's own act stays the speaker's",
        ),
        pytest.param(
            "President Omar Haddad announced on Monday that Jordan will impose a 15% tariff "
            "on imported cars.",
            ("Omar Haddad",),
            id="one who announces that the country will act makes the act",
        ),
    ],
)
def test_a_reported_act_is_the_acting_governments_not_the_speakers(
    nlp: Language, body: str, participants: tuple[str, ...]
) -> None:
    assert _participants(nlp, body, "announcement") == participants


@pytest.mark.slow
def test_a_possessive_points_to_the_one_person_its_sentence_named(nlp: Language) -> None:
    body = (
        "“We will appeal,” said Mark Ellis, a lawyer for the importers. A second court on "
        "Friday struck down President Donald Trump's tariffs, which came after his "
        "announcement on Wednesday, April 2."
    )
    assert _participants(nlp, body, "announcement") == ("Donald Trump",)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "participants"),
    [
        pytest.param(
            "Trade Minister Anna Brooks has led the talks for months. Canada's trade minister "
            "flew to Washington on Monday for more tariff talks.",
            ("Anna Brooks",),
            id="the office its holder was named with before",
        ),
        pytest.param(
            "Canada's trade minister flew to Washington on Monday for tariff talks. Trade "
            "Minister Anna Brooks will meet officials of the US administration.",
            ("Anna Brooks",),
            id="the office its holder is named with after",
        ),
        pytest.param(
            "Trade Minister Anna Brooks and chief trade negotiator Paul Roy have led the talks "
            "for months. Canada's trade minister and chief trade negotiator flew to Washington "
            "on Monday for more tariff talks.",
            ("Anna Brooks", "Paul Roy"),
            id="two offices sharing the country's possessive",
        ),
        pytest.param(
            "Finance Minister Anna Brooks has led the talks for months. Canada's trade minister "
            "flew to Washington on Monday for more tariff talks.",
            ("CAN",),
            id="another office of the same country is no holder",
        ),
        pytest.param(
            "Trade Minister Anna Brooks has led the talks for months. A Canadian official flew "
            "to Washington on Monday for more tariff talks.",
            ("CAN",),
            id="one official of many",
        ),
    ],
)
def test_a_countrys_office_is_the_person_who_holds_it(
    nlp: Language, body: str, participants: tuple[str, ...]
) -> None:
    assert _participants(nlp, body, "visit") == participants
