"""Product words of farm, food and consumer goods (issue 9, round 13): the words news use for
them fold to the product words of tracker/data/product_groups.yaml, whose HTS scopes price a
reported duty. Phrases written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tariffscope.news.products import product_class, products_compatible

GROUPS = Path(__file__).resolve().parents[2] / "src/tariffscope/tracker/data/product_groups.yaml"


@pytest.mark.parametrize(
    ("phrase", "word"),
    [
        ("fresh tomatoes from Sinaloa growers", "tomato"),
        ("Peruvian fruit and vegetables", "produce"),
        ("produce", "produce"),
        ("Norwegian farmed fish", "seafood"),
        ("frozen prawns", "shrimp"),
        ("Chilean salmon", "salmon"),
        ("Kenyan tea", "tea"),
        ("Ivorian cacao", "cocoa"),
        ("roasted coffee", "coffee"),
        ("Thai rice", "rice"),
        ("Argentine beef", "beef"),
        ("chicken legs", "poultry"),
        ("milk powder", "dairy"),
        ("aged cheeses", "cheese"),
        ("cane sugar", "sugar"),
        ("Spanish olive oil", "olive"),
        ("Australian wines", "wine"),
        ("Irish spirits and liquor", "spirit"),
        ("Kentucky bourbon", "whisky"),
        ("craft beers", "beer"),
        ("running shoes", "footwear"),
        ("Bangladeshi garments", "apparel"),
        ("Pakistani textiles", "textile"),
        ("plastic toys", "toy"),
        ("Indian smartphones", "smartphone"),
        ("laptops", "computer"),
        ("consumer electronics", "electronic"),
        ("farm machinery", "machinery"),
        ("Brazilian commercial airplanes", "aircraft"),
        ("medical devices", "medical"),
        ("soybeans", "soybean"),
    ],
)
def test_goods_words_fold_to_a_product_word_with_an_hts_scope(phrase: str, word: str) -> None:
    kind, words = product_class(phrase)
    assert kind == "specific" and word in words, words
    with GROUPS.open(encoding="utf-8") as handle:
        assert "scope" in yaml.safe_load(handle)[word]


def test_synonyms_make_descriptions_of_the_same_goods_compatible() -> None:
    assert products_compatible("Ecuadorian prawns", "shrimp")
    assert products_compatible("vegetables", "fresh produce")
    assert not products_compatible("tomatoes", "footwear")
