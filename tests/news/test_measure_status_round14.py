"""Status classes of round 14, on sentences written for these tests (none taken from a story):
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
    "text",
    [
        "Peru's 30% levy on American corn will stay suspended until March, the ministry said.",
        "Kenya said its 12% duty on US wheat remains paused while the talks go on.",
    ],
)
def test_a_removal_completing_the_rates_verb_suspends_it(nlp: Language, text: str) -> None:
    rate = 30.0 if "30%" in text else 12.0
    assert _status(nlp, text, rate) == {"suspended"}


def test_a_negated_removal_complement_does_not_suspend(nlp: Language) -> None:
    text = "Peru's 30% levy on American corn is not suspended, the ministry said on Monday."
    assert _status(nlp, text, 30.0) and "suspended" not in _status(nlp, text, 30.0)


@pytest.mark.parametrize(
    "text",
    [
        "Exporters in Ghana are worried after Washington's decision to impose a 35% tariff "
        "on Ghanaian cocoa.",
        "Chile's copper miners reacted to the US intention to raise its tariff on Chilean "
        "copper to 40%.",
    ],
)
def test_the_infinitive_of_a_noun_of_decision_looks_ahead(nlp: Language, text: str) -> None:
    rate = 35.0 if "35%" in text else 40.0
    assert _status(nlp, text, rate) == {"threatened"}


@pytest.mark.parametrize(
    "text",
    [
        "Colombia's trade minister travels to Washington in the hope of securing a cut in "
        "the US tariff on Colombian flowers from 25% to 12%.",
        "Ecuador wants the United States to lower its tariff on Ecuadorian bananas from 20% "
        "to 10%.",
    ],
)
def test_a_cut_only_sought_is_proposed(nlp: Language, text: str) -> None:
    rate = 12.0 if "12%" in text else 10.0
    assert _status(nlp, text, rate) == {"proposed"}


def test_a_cut_already_won_is_not_proposed(nlp: Language) -> None:
    text = "The United States lowered its tariff on Ecuadorian bananas from 20% to 10% in May."
    assert _status(nlp, text, 10.0) and "proposed" not in _status(nlp, text, 10.0)


def test_an_offer_above_following_does_not_frame_the_rate(nlp: Language) -> None:
    text = (
        "Uruguay will seek talks with Washington following the imposition of a 15% tariff "
        "on Uruguayan beef."
    )
    assert _status(nlp, text, 15.0) == {"in_force"}


@pytest.mark.parametrize(
    "text",
    [
        "Argentina wants to see an end to the 25% US tariff on Argentine steel.",
        "Kenya urged Washington to lift the 10% tariff on Kenyan tea.",
    ],
)
def test_a_removal_only_sought_leaves_the_rate_in_force(nlp: Language, text: str) -> None:
    rate = 25.0 if "25%" in text else 10.0
    assert _status(nlp, text, rate) == {"in_force"}


def test_the_earlier_rate_after_from_the_present_is_no_measure(nlp: Language) -> None:
    text = (
        "The United States will reduce its tariff on Peruvian textiles to 15% from the present 40%."
    )
    found = _measures(nlp, text)
    assert [(to, frm) for to, frm, _ in found] == [(15.0, 40.0)]
