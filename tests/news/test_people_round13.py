"""Round 13 classes of speakers and role phrases, each on a sentence written here.

Role-phrase rules run on a blank tokenizer where the parse is not the point; speakers need the
trained model and are marked ``slow``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.domain.news import Extraction
from tariffscope.news._persons import RoleInfo, left_role, right_role
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()


def _read(nlp: Language, body: str) -> Extraction:
    return extract(article_from_text(f"published: 2025-07-16\n\n{body}\n"), nlp)


def _speaker(extraction: Extraction, start: str) -> str | None:
    return next(q.speaker for q in extraction.quotes if q.text.startswith(start))


@pytest.mark.slow
def test_a_next_sentence_opening_on_another_source_does_not_attribute_a_quote(
    nlp: Language,
) -> None:
    ex = _read(
        nlp,
        "Speaking on the radio, Trade Minister Olga Brandt called for new export markets. "
        "\u201cOur farmers must sell to the whole world,\u201d Brandt said. \u201cImported "
        "grain whose price rises at home must be replaced by our own harvest.\u201d According "
        "to the statistics office, grain imports reached $4 billion in 2024.",
    )
    assert _speaker(ex, "Imported grain") == "Olga Brandt"


# -- role phrases before and after a name ----------------------------------------------------
def _left(nlp: Language, text: str, name: str) -> RoleInfo | None:
    doc = nlp(text)
    return left_role(doc, next(t.i for t in doc if t.text == name), LEX)


@pytest.mark.slow
def test_two_offices_joined_before_a_name_are_both_held(nlp: Language) -> None:
    info = _left(
        nlp,
        "The Deputy Prime Minister and Minister for Energy and Mines Lars Holm will visit Oslo.",
        "Lars",
    )
    assert (
        info is not None and info.role == "Deputy Prime Minister and Minister for Energy and Mines"
    )


@pytest.mark.slow
def test_a_name_after_another_name_and_an_office_takes_only_the_office(nlp: Language) -> None:
    info = _left(nlp, "President Ana Ruiz and Prime Minister Ola Berg met in Lima.", "Ola")
    assert info is not None and info.role == "Prime Minister"


@pytest.mark.slow
def test_a_courtesy_title_after_a_full_office_is_left_out(nlp: Language) -> None:
    info = _left(nlp, "Officials met Chilean Trade Representative Ambassador Mira Quist.", "Mira")
    assert info is not None and (info.role, info.country) == ("Trade Representative", "CHL")


@pytest.mark.slow
def test_a_one_word_office_keeps_its_title(nlp: Language) -> None:
    info = _left(nlp, "Chief Secretary Ola Berg met the delegation.", "Ola")
    assert info is not None and info.role == "Chief Secretary"


@pytest.mark.slow
def test_an_offices_own_to_stays_in_the_role(nlp: Language) -> None:
    info = _left(
        nlp,
        "Oduya and Special Assistant to the President for Mining Affairs Ramon Lisa will travel.",
        "Ramon",
    )
    assert info is not None and info.role == "Special Assistant to the President for Mining Affairs"


@pytest.mark.slow
def test_a_verbs_to_before_an_office_is_not_the_roles(nlp: Language) -> None:
    info = _left(nlp, "She spoke to Trade Minister Ana Ruiz on Friday.", "Ana")
    assert info is not None and info.role == "Trade Minister"


@pytest.mark.slow
def test_a_countrys_acronym_after_an_of_tail_leaves_the_role(nlp: Language) -> None:
    doc = nlp("Ola Berg, Prime Minister of the United Arab Emirates (UAE), met Ana Ruiz.")
    info = right_role(doc, 2, LEX)
    assert info is not None and (info.role, info.country) == ("Prime Minister", "ARE")


# -- places written with their local diacritics ----------------------------------------------
def test_a_place_written_with_local_diacritics_is_the_place() -> None:
    assert LEX.place_code("Panamá") == LEX.place_code("Panama") == "PAN"
    assert LEX.place_at(["in", "Panamá", "City"], 1) is not None


def test_a_name_with_diacritics_that_is_no_place_stays_unknown() -> None:
    assert LEX.place_code("Tô Lâm") is None


def test_a_role_head_keeps_its_diacritics() -> None:
    assert LEX.role_head_len(["chargé", "d'affaires"], 2) == 2


# -- speakers ---------------------------------------------------------------------------------
@pytest.mark.slow
def test_a_speech_verb_modifying_a_noun_reports_nothing(nlp: Language) -> None:
    ex = _read(
        nlp,
        "\u201cWe will keep talking until the levy is gone,\u201d Trade Minister Olga Brandt "
        "said on Monday.\n\nFarm groups in the north have criticised the so-called border "
        "duties as \u201ca heavy blow to our grain exporters\u201d, while hoping for a deal.",
    )
    assert _speaker(ex, "a heavy blow") is None


@pytest.mark.slow
def test_the_speech_verb_whose_clause_holds_a_quotation_speaks_it(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Last week, President Ana Ruiz attacked Chile and Peru and said that the two "
        "neighbours can take their \u201cclosed markets down together\u201d, a remark which "
        "prompted Lima to say that Peru is the region's fastest-growing economy.",
    )
    assert _speaker(ex, "closed markets") == "Ana Ruiz"


# -- countries ---------------------------------------------------------------------------------
@pytest.mark.slow
def test_a_trade_secretary_in_a_us_story_is_the_other_sides(nlp: Language) -> None:
    ex = _read(
        nlp,
        "The United States will cut its tariff on Chilean copper to 15%, President Ana Ruiz "
        "said. Trade and Industry Secretary Olga Brandt will travel to Washington on Monday.",
    )
    assert next(a.country for a in ex.actors if a.name == "Olga Brandt") == "CHL"


@pytest.mark.slow
def test_an_office_of_eleven_words_before_a_name_is_read_whole(nlp: Language) -> None:
    info = _left(
        nlp,
        "The team is composed of Senior Adviser to the President for Mining and Energy "
        "Affairs Secretary Ramon Lisa and two deputies.",
        "Ramon",
    )
    assert info is not None and info.role == (
        "Senior Adviser to the President for Mining and Energy Affairs"
    )


@pytest.mark.slow
def test_a_list_of_portfolios_before_an_office_is_the_office(nlp: Language) -> None:
    info = _left(
        nlp, "Finance, Energy and Agriculture Minister Ramon Lisa will call on Monday.", "Ramon"
    )
    assert info is not None and info.role == "Finance, Energy and Agriculture Minister"


@pytest.mark.slow
def test_a_name_before_a_comma_is_not_a_portfolio(nlp: Language) -> None:
    info = _left(
        nlp, "Officials met Ana Ruiz, Trade and Industry Minister Ramon Lisa on Monday.", "Ramon"
    )
    assert info is not None and info.role == "Trade and Industry Minister"
