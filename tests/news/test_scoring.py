"""The scorer: matching rules and micro averages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tariffscope.domain.news import (
    Actor,
    ArticleMeta,
    Event,
    Extraction,
    MeasureMention,
    Quote,
)
from tariffscope.news.products import products_compatible
from tariffscope.news.scoring import quote_overlap, same_name, score_article, score_corpus


def test_names_fold_case_and_accents() -> None:
    assert same_name("Maroš Šefčovič", "maros sefcovic")
    assert same_name(None, None)
    assert not same_name("Trump", "Donald Trump")


def test_quote_overlap() -> None:
    assert quote_overlap("We had an excellent call,", "We had an excellent call") == 1.0
    assert quote_overlap("a b c d", "a b x y z w") == pytest.approx(2 / 6)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("all goods", "Brazilian goods", True),
        ("all goods", "imports from Switzerland", True),
        ("some vietnamese goods", "various Indian goods", True),
        ("some goods", "all goods", False),
        ("autos and parts", "cars", True),
        ("automobiles", "auto imports", True),
        ("steel, aluminum, and copper", "aluminium", True),
        ("pharmaceutical products", "pharmaceuticals", True),
        ("canola seed", "canola", True),
        ("whisky", "all goods", False),
        ("steel", "cars", False),
    ],
)
def test_products(a: str, b: str, same: bool) -> None:
    assert products_compatible(a, b) is same


def _measure(
    target: str,
    rate: float,
    products: str = "all goods",
    status: str = "in_force",
    effective: dt.date | None = None,
) -> MeasureMention:
    return MeasureMention(
        "USA",
        target,
        products,
        None,
        rate,
        effective,
        status,  # type: ignore[arg-type]
        0,
        1,
    )


def test_article_score_counts_and_accuracy() -> None:
    meta = ArticleMeta(published=dt.date(2025, 9, 10))
    gold = Extraction(
        meta,
        actors=(
            Actor("Anthony Albanese", "Prime Minister", "AUS", 0, 1),
            Actor("Jamieson Greer", "Trade Representative", "USA", 0, 1),
        ),
        quotes=(
            Quote(
                "We still have a lot of ground to cover together", "Anthony Albanese", None, 0, 1
            ),
        ),
        measures=(
            _measure("AUS", 25, status="threatened", effective=dt.date(2025, 10, 1)),
            _measure("AUS", 25, "cars"),
        ),
        events=(
            Event(
                "meeting",
                dt.date(2025, 9, 10),
                "day",
                None,
                "Canberra",
                ("Anthony Albanese", "Jamieson Greer"),
                "happened",
                0,
                1,
            ),
        ),
    )
    pred = Extraction(
        meta,
        actors=(
            Actor("Anthony Albanese", "Prime Minister", "AUS", 0, 1),
            Actor("Don Farrell", None, "AUS", 0, 1),
        ),
        quotes=(
            Quote("We still have a lot of ground to cover together,", "Jamieson Greer", None, 0, 1),
        ),
        measures=(
            _measure("AUS", 25, status="in_force", effective=dt.date(2025, 10, 1)),
            _measure("AUS", 25, "autos"),
        ),
        events=(
            Event(
                "meeting",
                dt.date(2025, 9, 10),
                "day",
                None,
                None,
                ("Anthony Albanese",),
                "happened",
                0,
                1,
            ),
        ),
    )
    score = score_article("story", gold, pred)
    fields = {f.name: f for f in score.fields}
    assert (fields["actors"].gold, fields["actors"].predicted, fields["actors"].matched) == (
        2,
        2,
        1,
    )
    assert fields["quotes"].matched == 1
    assert fields["measures"].matched == 2
    assert fields["events"].matched == 1  # one shared participant of the smaller list
    attrs = {a.name: a for a in score.attributes}
    assert (attrs["quotes.speaker"].correct, attrs["quotes.speaker"].total) == (0, 1)
    assert (attrs["measures.status"].correct, attrs["measures.status"].total) == (1, 2)
    assert attrs["article.published"].correct == 1


def test_effective_date_is_part_of_the_measure_key() -> None:
    gold = Extraction(ArticleMeta(), measures=(_measure("DNK", 10, effective=dt.date(2026, 2, 1)),))
    pred = Extraction(ArticleMeta(), measures=(_measure("DNK", 10),))
    report = score_corpus([("x", gold, pred)])
    measures = report.field("measures")
    assert (measures.matched, measures.precision, measures.recall) == (0, 0.0, 0.0)


@pytest.mark.shared
def test_gold_against_itself_scores_one(shared: Path) -> None:
    pairs = []
    for path in sorted((shared / "articles" / "dev" / "gold").glob("*.json")):
        gold = Extraction.from_dict(json.loads(path.read_text(encoding="utf-8")))
        pairs.append((path.stem, gold, gold))
    report = score_corpus(pairs)
    for field in report.fields:
        assert field.f1 == 1.0, field
    for attribute in report.attributes:
        assert attribute.accuracy == 1.0, attribute
