"""Classes of failure found on round 18's fresh stories, each on sentences and stories written
for the test (docs/assumptions.md "Fresh stories, round 18")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from _brief_cli import brief_json

from tariffscope.news.dates_catalog import CatalogAction, ReportedMeasure, catalog_bounds
from tariffscope.news.dates_story import url_date
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.pipeline import load_pipeline

DATA = Path(__file__).with_name("data")
pytestmark = pytest.mark.issue(9)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("NZ", "NZL"),
        ("N.Z.", "NZL"),
        ("KSA", "SAU"),
        ("ROK", "KOR"),
        ("DPRK", "PRK"),
        ("DRC", "COD"),
    ],
)
def test_a_country_named_by_its_short_form(name: str, code: str) -> None:
    # main: None (only the full names, "UK", "UAE" and "PRC" were known)
    assert default_lexicon().place_code(name) == code


def test_a_story_naming_its_partner_only_by_its_short_form(tmp_path: Path) -> None:
    story = DATA / "synthetic-country-abbreviation.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: USA-WLD, the 15% on "NZ goods" read as on goods from every origin
    assert data["pair"] == ["USA", "NZL"]
    assert [m["mention"]["target"] for m in data["measures"]] == ["NZL"]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/story/Kq7TzP2mWx/8-2-2025-1/exporters-relieved",
        "https://example.com/a/12-31-2025-3/year-end",
    ],
)
def test_a_year_ending_a_month_first_date_in_a_url_gives_no_month(url: str) -> None:
    # main: the month 2025-08 -> 2025-01 and 2025-03 (the year and the page's counter)
    assert url_date(url) is None


def test_a_year_and_month_closing_a_folder_name_still_give_the_month() -> None:
    assert url_date("https://example.de/nachrichten-2025-07/zoelle") == (
        dt.date(2025, 7, 1),
        "month",
    )


def test_a_url_with_a_month_first_date_does_not_date_the_story(tmp_path: Path) -> None:
    story = DATA / "synthetic-url-date-month-first.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: 2025-01-31, the last day of the "month" 2025-1 read from "/8-2-2025-1/"
    assert data["as_of"] == "2025-08-01"
    assert data["dating"][0]["basis"] == "stated"


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister is seeking a call with US officials, because the 15% tariff they have "
        "imposed hurts growers.",
        "Ministers are seeking a cut in the 20% tariff the US has imposed on Chilean copper.",
        "Growers are seeking relief from the 25% duty that Washington had imposed on Peruvian zinc.",
    ],
)
def test_a_rate_its_relative_clause_tells_as_imposed_is_in_force(sentence: str) -> None:
    doc = load_pipeline()(sentence)
    # main: proposed ("seeking", "want" framed the rate, whose own clause says it was laid)
    assert [m["status"] for m in doc._.tariffscope_measures] == ["in_force"]


def test_a_rate_a_relative_clause_tells_as_to_come_is_not_in_force() -> None:
    doc = load_pipeline()(
        "Ministers want talks on the 20% tariff that Washington will have imposed by May."
    )
    assert [m["status"] for m in doc._.tariffscope_measures] != ["in_force"]


def _action(partner: str, *, all_products: bool, group: str) -> CatalogAction:
    return CatalogAction(
        partner=partner,
        rate_pct=15.0,
        announced=dt.date(2026, 2, 21),
        effective=dt.date(2026, 2, 24),
        until=None,
        all_products=all_products,
        group=group,
        enacted=False,
        label="a 15% on every good",
    )


def test_a_sector_rate_on_every_origin_is_no_across_the_board_action() -> None:
    medicines = ReportedMeasure("WLD", 15.0, "agreed", "specific", frozenset({"s232_pharma"}))
    surcharge = _action("WLD", all_products=True, group="s122")
    # main: the 15% on medicines entering the US matched the 15% on every good from
    # everywhere of 2026, which put a yearless "27th July" of a 2025 deal in 2026
    assert catalog_bounds([medicines], [surcharge]) == (None, None)
    low, _ = catalog_bounds([medicines], [_action("WLD", all_products=False, group="s232_pharma")])
    assert low is not None and low.day == dt.date(2026, 2, 21)


def test_a_partner_sector_rate_still_matches_its_rate_on_every_good() -> None:
    # "the 10% on whisky is the 10% on every British good" (dates_catalog's docstring)
    whisky = ReportedMeasure("GBR", 15.0, "agreed", "specific", frozenset({"s232_pharma"}))
    low, _ = catalog_bounds([whisky], [_action("GBR", all_products=True, group="")])
    assert low is not None


@pytest.mark.parametrize(
    "text",
    [
        "The US imposed a 15% tariff on Chilean imports earlier this month. The rate was later "
        "adjusted to 10% for a provisional 90-day period following backlash.",
        "The US raised its tariff on Colombian goods to 25% in June, then set the rate at 10% "
        "for a 60-day window.",
    ],
)
def test_a_period_a_rate_holds_for_is_not_its_goods(text: str) -> None:
    doc = load_pipeline()(text)
    # main: the last rate's goods were "-day period" and "-day window" (unlinked, not priced)
    assert [m["products"] for m in doc._.tariffscope_measures][-1] == "all goods"


@pytest.mark.parametrize(
    "sentence",
    [
        "The agreement sets 15% tariffs on most Korean goods including cars, chips and "
        "medicines entering the US.",
        "The deal sets 15% tariffs on most Thai goods including rice, rubber and electronics "
        "bound for the US.",
    ],
)
def test_a_market_a_clause_on_an_example_names_is_not_the_goods_origin(sentence: str) -> None:
    doc = load_pipeline()(sentence)
    # main: the US (the market of "entering the US") was the goods' origin, the partner the
    # imposer: the deal's rate was read as the partner's on US goods
    assert [(m["imposer"], m["target"]) for m in doc._.tariffscope_measures][:1] == [
        ("USA", "KOR" if "Korean" in sentence else "THA")
    ]


def test_the_places_an_example_list_names_are_still_its_targets() -> None:
    doc = load_pipeline()(
        "The US will put 10% tariffs on several European countries, including Denmark, the "
        "UK, and France."
    )
    assert [m["target"] for m in doc._.tariffscope_measures] == ["DNK", "GBR", "FRA"]
