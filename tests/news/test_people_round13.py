"""Round 13 classes of speakers, role phrases and countries, each on a sentence written here.

Role phrases and speakers need the trained model and are marked ``slow``; the place and role
head look-ups need only the lexicon.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.domain.news import Extraction
from tariffscope.news._persons import left_role, right_role
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()


def _read(nlp: Language, body: str) -> Extraction:
    return extract(article_from_text(f"published: 2025-07-16\n\n{body}\n"), nlp)


# -- speakers ---------------------------------------------------------------------------------
SPEAKERS = [
    pytest.param(
        "Speaking on the radio, Trade Minister Olga Brandt called for new export markets. "
        "\u201cOur farmers must sell to the whole world,\u201d Brandt said. \u201cImported "
        "grain whose price rises at home must be replaced by our own harvest.\u201d According "
        "to the statistics office, grain imports reached $4 billion in 2024.",
        "Imported grain",
        "Olga Brandt",
        id="a next sentence opening on another source does not attribute the quotation",
    ),
    pytest.param(
        "\u201cWe will keep talking until the levy is gone,\u201d Trade Minister Olga Brandt "
        "said on Monday.\n\nFarm groups in the north have criticised the so-called border "
        "duties as \u201ca heavy blow to our grain exporters\u201d, while hoping for a deal.",
        "a heavy blow",
        None,
        id="a speech verb modifying a noun reports nothing",
    ),
    pytest.param(
        "Last week, President Ana Ruiz attacked Chile and Peru and said that the two "
        "neighbours can take their \u201cclosed markets down together\u201d, a remark which "
        "prompted Lima to say that Peru is the region's fastest-growing economy.",
        "closed markets",
        "Ana Ruiz",
        id="the speech verb whose clause holds a quotation speaks it",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "start", "speaker"), SPEAKERS)
def test_speaker(nlp: Language, body: str, start: str, speaker: str | None) -> None:
    ex = _read(nlp, body)
    assert next(q.speaker for q in ex.quotes if q.text.startswith(start)) == speaker


# -- role phrases before a name ---------------------------------------------------------------
LEFT_ROLES = [
    pytest.param(
        "The Deputy Prime Minister and Minister for Energy and Mines Lars Holm will visit Oslo.",
        "Lars",
        "Deputy Prime Minister and Minister for Energy and Mines",
        id="two offices joined by and are both held",
    ),
    pytest.param(
        "President Ana Ruiz and Prime Minister Ola Berg met in Lima.",
        "Ola",
        "Prime Minister",
        id="a name before and is not part of the next office",
    ),
    pytest.param(
        "Officials met Chilean Trade Representative Ambassador Mira Quist.",
        "Mira",
        "Trade Representative",
        id="a courtesy title after a full office is left out",
    ),
    pytest.param(
        "Chief Secretary Ola Berg met the delegation.",
        "Ola",
        "Chief Secretary",
        id="a one-word office keeps its title",
    ),
    pytest.param(
        "Oduya and Special Assistant to the President for Mining Affairs Ramon Lisa will travel.",
        "Ramon",
        "Special Assistant to the President for Mining Affairs",
        id="an office's own to stays in the role",
    ),
    pytest.param(
        "She spoke to Trade Minister Ana Ruiz on Friday.",
        "Ana",
        "Trade Minister",
        id="a verb's to before an office is not the role's",
    ),
    pytest.param(
        "The team is composed of Senior Adviser to the President for Mining and Energy "
        "Affairs Secretary Ramon Lisa and two deputies.",
        "Ramon",
        "Senior Adviser to the President for Mining and Energy Affairs",
        id="an office of eleven words is read whole",
    ),
    pytest.param(
        "Finance, Energy and Agriculture Minister Ramon Lisa will call on Monday.",
        "Ramon",
        "Finance, Energy and Agriculture Minister",
        id="a list of portfolios before an office is the office",
    ),
    pytest.param(
        "Officials met Ana Ruiz, Trade and Industry Minister Ramon Lisa on Monday.",
        "Ramon",
        "Trade and Industry Minister",
        id="a name before a comma is not a portfolio",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "name", "role"), LEFT_ROLES)
def test_left_role(nlp: Language, text: str, name: str, role: str) -> None:
    doc = nlp(text)
    info = left_role(doc, next(t.i for t in doc if t.text == name), LEX)
    assert info is not None and info.role == role


@pytest.mark.slow
def test_a_courtesy_title_leaves_the_country_of_the_office(nlp: Language) -> None:
    doc = nlp("Officials met Chilean Trade Representative Ambassador Mira Quist.")
    info = left_role(doc, next(t.i for t in doc if t.text == "Mira"), LEX)
    assert info is not None and info.country == "CHL"


@pytest.mark.slow
def test_a_countrys_acronym_after_an_of_tail_leaves_the_role(nlp: Language) -> None:
    doc = nlp("Ola Berg, Prime Minister of the United Arab Emirates (UAE), met Ana Ruiz.")
    info = right_role(doc, 2, LEX)
    assert info is not None and (info.role, info.country) == ("Prime Minister", "ARE")


# -- places and role heads with diacritics ----------------------------------------------------
def test_a_place_written_with_local_diacritics_is_the_place() -> None:
    assert LEX.place_code("Panamá") == LEX.place_code("Panama") == "PAN"
    assert LEX.place_at(["in", "Panamá", "City"], 1) is not None


def test_a_name_with_diacritics_that_is_no_place_stays_unknown() -> None:
    assert LEX.place_code("Tô Lâm") is None


def test_a_role_head_keeps_its_diacritics() -> None:
    assert LEX.role_head_len(["chargé", "d'affaires"], 2) == 2


# -- countries ---------------------------------------------------------------------------------
@pytest.mark.slow
def test_a_trade_secretary_in_a_us_story_is_the_other_sides(nlp: Language) -> None:
    ex = _read(
        nlp,
        "The United States will cut its tariff on Chilean copper to 15%, President Ana Ruiz "
        "said. Trade and Industry Secretary Olga Brandt will travel to Washington on Monday.",
    )
    assert next(a.country for a in ex.actors if a.name == "Olga Brandt") == "CHL"
