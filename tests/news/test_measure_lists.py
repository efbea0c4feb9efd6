"""Rate lists, receivers and origins of a rate (round 6, classes "rate lists" and "direction"),
on sentences written for these tests (none taken from a story). They run the trained pipeline:
which rates a list pairs is read from tokens, but whether a rate is a measure and who receives
it is read from the parse.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.domain.news import Extraction
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text

pytestmark = [pytest.mark.slow]


def _read(nlp: Language, body: str) -> Extraction:
    return extract(article_from_text(f"published: 2025-04-03\n\n{body}\n"), nlp)


def _pairs(extraction: Extraction) -> set[tuple[str, str, float]]:
    return {(m.imposer, m.target, m.to_rate_pct) for m in extraction.measures}


def test_a_list_of_rates_without_a_tariff_noun_after_a_tariff_sentence(nlp: Language) -> None:
    text = (
        "US President Donald Trump announced new tariffs on Latin American goods on Wednesday.\n"
        "The countries on the list include: Peru (12 per cent); Bolivia (22 per cent); "
        "Paraguay (18 per cent)."
    )
    found = _pairs(_read(nlp, text))
    assert {("USA", "PER", 12.0), ("USA", "BOL", 22.0), ("USA", "PRY", 18.0)} <= found


def test_a_list_of_rates_far_from_any_tariff_word_is_no_measure(nlp: Language) -> None:
    text = (
        "Growth slowed across South America last year, and the region's central banks "
        "expect a weak recovery in the coming months as exports to China decline.\n"
        "The forecasts for this year are as follows: Peru (3 per cent); Bolivia (2 per cent); "
        "Paraguay (4 per cent)."
    )
    assert not _read(nlp, text).measures


def test_the_subject_of_a_passive_of_laying_receives_the_rate(nlp: Language) -> None:
    text = (
        "US President Donald Trump set a 10% tariff on Chile on Wednesday. Uruguay was "
        "handed a reciprocal tariff of 17 per cent."
    )
    assert ("USA", "URY", 17.0) in _pairs(_read(nlp, text))


def test_goods_named_by_their_origin_are_that_countrys_goods(nlp: Language) -> None:
    # "Scotch" beef is British goods: the rate is on Britain, laid by the other party, however
    # often the story names Britain
    text = (
        "The United Kingdom and Indonesia signed a trade accord in London on Tuesday. British "
        "officials said the United Kingdom would gain from the deal. Under the accord, duties "
        "on Scotch beef will fall to 20% from 60% by 2030."
    )
    assert ("IDN", "GBR", 20.0) in _pairs(_read(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Peru's trade minister said on Monday that President Donald Trump would raise a "
        "temporary tariff from 10 per cent to 15 per cent on imports from other countries.",
        "Peru's trade minister said the court struck down the 10 per cent global tariff "
        "regime of President Donald Trump.",
    ],
)
def test_a_rate_on_every_origin_is_global_in_a_partners_story(nlp: Language, text: str) -> None:
    # imports from "other countries", a world word on the noun the tariff noun compounds
    assert {m.target for m in _read(nlp, text).measures} == {"WLD"}
