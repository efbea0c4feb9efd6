"""Classes of failure found on round 17's fresh stories, each on sentences and stories written
for the test (docs/assumptions.md "Fresh stories, round 17")."""

from __future__ import annotations

from pathlib import Path

import pytest
from _brief_cli import brief_json

from tariffscope.news.api import extract_path
from tariffscope.news.pipeline import load_pipeline
from tariffscope.news.products import product_class

DATA = Path(__file__).with_name("data")
pytestmark = pytest.mark.issue(9)


@pytest.mark.parametrize("goods", ["global imports", "worldwide imports", "global goods"])
def test_global_goods_are_all_goods(goods: str) -> None:
    # main: ("specific", {"global"}), which matched any catalog action when dating a story
    assert product_class(goods) == ("all", frozenset())


def test_an_undated_global_surcharge_is_not_dated_by_a_sector_duty(tmp_path: Path) -> None:
    story = DATA / "synthetic-global-surcharge-undated.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: 2018-03-23, the 10% on "global imports" matched the 2018 aluminum duty
    assert data["pair"] == ["USA", "WLD"]
    assert data["as_of"] >= "2025-01-01"
    assert data["measures"][0]["measure"] is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "Section 232 Duties Take Effect March 16 on Rice and Noodles",
        "The duty on rice takes effect on March 16.",
        "The new quota system starts on July 1.",
    ],
)
def test_a_start_told_in_the_present_looks_ahead(sentence: str) -> None:
    doc = load_pipeline()(sentence)
    # main: 0 for the first and third (no direction: a day the story can be as late as)
    assert [d["direction"] for d in doc._.tariffscope_dates] == [1]


def test_a_title_day_the_text_tells_as_ahead_does_not_date_the_story(tmp_path: Path) -> None:
    story = DATA / "synthetic-sector-duty-title-ahead.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: 2026-03-16, the title's "Take Effect March 16" outranked the URL's day
    assert data["as_of"] == "2026-03-02"


def test_countries_with_which_the_us_reaches_an_agreement_are_a_class(tmp_path: Path) -> None:
    story = DATA / "synthetic-sector-cap-partners-with-which.txt"
    found = extract_path(story)
    # main: an agreement of the US with Spain ("countries with which the United States
    # reaches an agreement"), which made the brief USA-ESP
    assert [e.kind for e in found.events if e.kind == "agreement"] == []
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    assert data["pair"] == ["USA", "WLD"]


def test_a_fall_by_a_percentage_is_no_rate() -> None:
    found = extract_path(DATA / "synthetic-ceiling-falls-by.txt")
    # main: a 10% threatened on all Chilean goods beside the 15% ceiling
    assert [(m.target, m.to_rate_pct) for m in found.measures] == [("CHL", 15.0)]


def test_a_yearless_day_is_no_older_than_the_law_that_gives_its_year(tmp_path: Path) -> None:
    story = DATA / "synthetic-yearless-day-before-deal.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: 2025-08-07, "since August 7" in the year of the deal it reports, three months
    # before that deal was announced
    assert data["as_of"] == "2025-11-14"
    assert data["dating"][0]["basis"] == "catalog"
