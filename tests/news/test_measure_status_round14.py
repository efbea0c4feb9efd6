"""The other side of round 14's status classes (the classes are rows of
test_measure_status_rules.py), on sentences written for these tests (none taken from a story):
a removal that completes the rate's verb ("will stay suspended"), the infinitive of a noun of
decision ("the decision to impose"), a cut only sought ("in the hope of winning a cut"), an
offer word above a preposition of what came before ("following the imposition of"), a
removal only sought ("wants an end to the tariffs"), and an earlier rate after "from the
present". The trained parse is the point.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text

pytestmark = [pytest.mark.slow]


def _measures(nlp: Language, body: str) -> list[tuple[float, float | None, str]]:
    extraction = extract(article_from_text(f"published: 2025-09-15\n\n{body}\n"), nlp)
    return [(m.to_rate_pct, m.from_rate_pct, m.status) for m in extraction.measures]


def _status(nlp: Language, body: str, rate: float) -> set[str]:
    return {status for to, _, status in _measures(nlp, body) if to == rate}


@pytest.mark.parametrize(
    ("text", "rate", "status"),
    [
        (
            "Peru's 30% levy on American corn is not suspended, the ministry said.",
            30.0,
            "suspended",
        ),
        (
            "The United States lowered its tariff on Ecuadorian bananas from 20% to 10% in May.",
            10.0,
            "proposed",
        ),
    ],
)
def test_the_other_side_of_each_class(nlp: Language, text: str, rate: float, status: str) -> None:
    """A negated removal does not suspend; a cut already won is not proposed."""
    found = _status(nlp, text, rate)
    assert found and status not in found


def test_the_earlier_rate_after_from_the_present_is_no_measure(nlp: Language) -> None:
    text = (
        "The United States will reduce its tariff on Peruvian textiles to 15% from the present 40%."
    )
    found = _measures(nlp, text)
    assert [(to, frm) for to, frm, _ in found] == [(15.0, 40.0)]
