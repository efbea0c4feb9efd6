"""A measure's goods phrase must name goods (round 6, class "product garbage").

The word tests need no model; the sentence tests (written for these tests, none taken from a
story) run the trained pipeline, since the parse that picks the phrase's head is the point.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from tariffscope.domain.news import Extraction
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.products import (
    hs_description_words,
    is_goods_noun,
    names_goods,
    names_no_goods,
)


def test_the_schedule_gives_goods_words() -> None:
    words = hs_description_words()
    assert {"copper", "furniture", "steel"} <= words
    assert "negotiations" not in words


@pytest.mark.parametrize("word", ["cars", "Batteries", "whisky", "lumber", "copper"])
def test_goods_nouns_of_the_schedule_and_the_lexicon(word: str) -> None:
    assert is_goods_noun(word, default_lexicon())


@pytest.mark.parametrize(
    "word", ["hesitation", "commitments", "fairness", "barriers", "countries", "deal"]
)
def test_abstract_and_policy_nouns_name_no_goods(word: str) -> None:
    lex = default_lexicon()
    assert names_no_goods(word, lex)
    assert not names_goods([word], [], lex)


def test_a_noun_neither_list_knows_is_taken_as_goods() -> None:
    # a product name the schedule cannot list ("a hatchback") stays the goods
    assert names_goods(["hatchback"], [], default_lexicon())


def test_a_sector_noun_names_goods_only_through_its_goods_modifier() -> None:
    lex = default_lexicon()
    assert names_goods(["sector"], ["steel"], lex)
    assert not names_goods(["sector"], ["services"], lex)


def test_no_head_names_no_goods() -> None:
    assert not names_goods([], ["steel"], default_lexicon())


def _read(nlp: Language, body: str) -> Extraction:
    return extract(article_from_text(f"published: 2025-09-12\n\n{body}\n"), nlp)


@pytest.mark.slow
def test_an_abstract_noun_beside_the_rate_is_not_its_goods(nlp: Language) -> None:
    text = "Peru's trade minister said there was no room for hesitation over the 18% tariff."
    products = {m.products for m in _read(nlp, text).measures if m.to_rate_pct == 18.0}
    assert products and all(p == "all goods" for p in products)


@pytest.mark.slow
def test_a_person_named_before_the_tariff_noun_is_not_goods(nlp: Language) -> None:
    text = "Chile braces for 25% Trump trade tariff, minister says"
    products = {m.products for m in _read(nlp, text).measures if m.to_rate_pct == 25.0}
    assert products == {"all goods"}


@pytest.mark.slow
def test_goods_words_before_the_tariff_noun_name_the_goods_of_its_country(
    nlp: Language,
) -> None:
    text = "Washington imposed a 25% copper tariff on Chile last week, officials said."
    found = [(m.target, m.products) for m in _read(nlp, text).measures if m.to_rate_pct == 25.0]
    assert found == [("CHL", "copper")]


# the two below guard the goods words before the tariff noun that an "on <country>" phrase
# now keeps ("a 25% copper tariff on Chile"): a headline verb or a rate's adjective is no goods
@pytest.mark.slow
def test_a_headline_verb_before_the_rate_is_not_goods(nlp: Language) -> None:
    text = "Washington scraps 30% duty on Peruvian imports after talks in Lima"
    products = {m.products for m in _read(nlp, text).measures if m.to_rate_pct == 30.0}
    assert products == {"all goods"}


@pytest.mark.slow
def test_a_rate_shape_adjective_is_not_goods(nlp: Language) -> None:
    text = "The United States will set a single rate of 12% on most goods from Peru."
    products = {m.products for m in _read(nlp, text).measures if m.to_rate_pct == 12.0}
    assert products == {"all goods"}


def test_the_cached_goods_words_are_the_schedules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the word list is kept in the user cache: the cached copy must be what the schedule gives,
    # whether this run wrote it or read it back
    from tariffscope.config import embedded_dir
    from tariffscope.news import products

    monkeypatch.setenv("TARIFFSCOPE_DATA_DIR", str(tmp_path))
    fresh = products.schedule_description_words(embedded_dir() / "hts_2025_schedule.csv.gz")
    products.hs_description_words.cache_clear()
    try:
        written = products.hs_description_words()
        assert list(tmp_path.glob("cache/hs-description-words-*.json"))
        products.hs_description_words.cache_clear()
        read_back = products.hs_description_words()
    finally:
        products.hs_description_words.cache_clear()
    assert written == fresh == read_back
    assert "copper" in read_back
