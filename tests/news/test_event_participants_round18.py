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
