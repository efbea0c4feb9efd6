"""Classes of failure found by briefing fresh stories (round 16a: sector tariffs, deals with
investment pledges, refunds, de minimis), each on sentences and stories written for the test
(docs/assumptions.md "Fresh stories, round 16a")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from _brief_cli import brief_json

from tariffscope.news.api import extract_path
from tariffscope.news.dates import find_dates
from tariffscope.news.dates_story import story_date
from tariffscope.news.rates import find_rates

DATA = Path(__file__).with_name("data")
pytestmark = pytest.mark.issue(9)


def _measures(story: Path) -> list[tuple[str | None, str | None, str, float, str]]:
    return [
        (m.imposer, m.target, m.products, m.to_rate_pct, m.status)
        for m in extract_path(story).measures
    ]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("a tariff of 10 to 40 percent for most countries", ["range"]),
        ("tariffs of between 10 and 40 percent", ["range"]),
        ("a duty of 10-40% on parcels", ["range"]),
        # not ranges: a change from a bare number, a day, a named number
        # (the bare 25 after "from" is found too, as the earlier rate: pair_rates marks it)
        ("raised the tariff from 25 to 50 percent", ["to", "to"]),
        ("the tariff rises on August 1 to 25%", ["to"]),
        ("lifted Section 232 to 25%", ["to"]),
        ("the 10 and 25 percent rates", ["to"]),
    ],
)
def test_a_rate_that_closes_a_range_of_bare_numbers_is_a_range(text: str, roles: list[str]) -> None:
    # main read "10 to 40 percent" as a 40% rate: the bare 10 was no rate, so no range
    assert [r.role for r in find_rates(text)] == roles


def test_a_range_of_rates_is_no_global_threat_and_both_demonyms_leave_all_goods(
    tmp_path: Path,
) -> None:
    story = DATA / "synthetic-parcels-rate-range.txt"
    found = _measures(story)
    # main: ("USA", "WLD", "all goods", 40.0, "threatened"), and "both and goods"
    assert not any(rate == 40.0 for *_, rate, _ in found)
    assert {(t, p, r) for _, t, p, r, _ in found} == {
        ("CHL", "all goods", 10.0),
        ("PER", "all goods", 10.0),
    }
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main priced a 40% tariff on every partner as a threat carried out
    assert not [h for h in data["headline"] if h["outcome"].startswith("threat")]


def test_a_us_tariff_on_a_kind_of_goods_among_partners_alike_is_on_every_origin(
    tmp_path: Path,
) -> None:
    story = DATA / "synthetic-sector-tariff-spared-partners.txt"
    found = _measures(story)
    # main read no measure: the four partners the lower rates name are alike, and the rate
    # names no origin
    assert [(i, t, r) for i, t, _, r, _ in found] == [("USA", "WLD", 60.0)]
    events = extract_path(story).events
    # main: an agreement of the US with the four partners ("countries that have signed a
    # supply agreement"), which made the brief USA-CHL
    assert not [e for e in events if e.kind == "agreement"]
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    assert data["pair"] == ["USA", "WLD"]


def test_an_agreed_upon_agreement_is_no_agreement_event(tmp_path: Path) -> None:
    story = tmp_path / "synthetic-agreed-upon.txt"
    story.write_text(
        "url: https://example.com/news/chips-tariff\ntitle: Chips tariff\n"
        "published: 2026-02-02\n\n"
        "The new 25% tariff on imported memory chips spares countries with whom the "
        "United States has an agreed upon chip agreement (i.e., Norway and Chile).\n",
        encoding="utf-8",
    )
    # main: an agreement event of the United States and Norway ("agreed" as a verb)
    assert not [e for e in extract_path(story).events if e.kind == "agreement"]


def test_a_deal_first_reached_last_july_is_not_briefed_as_of_that_july(
    tmp_path: Path,
) -> None:
    story = DATA / "synthetic-deal-signed-last-july.txt"
    data: dict[str, Any] = brief_json(
        story, tmp_path / "brief.json", "--draws", "0", "--ge", "none"
    )
    assert data["pair"] == ["USA", "VNM"]
    # main: 2025-07-31, "last July" read in the year of the 20% it reports (announced on
    # 2025-07-31) as if that year were the story's; the law gives a floor, not the year
    assert data["as_of"] > "2025-12-31"


def _past(text: str) -> list[tuple[object, int]]:
    return [(e, -1) for e in find_dates(text)]


def test_a_law_year_leaves_last_july_in_the_latest_july_before_the_horizon() -> None:
    text = "The framework, first reached last July, keeps the 20% tariff."
    law = (dt.date(2030, 7, 31), "the 20% rate, announced on 2030-07-31")
    clue = story_date(_past(text), text=text, horizon=dt.date(2031, 12, 3), law_day=law)
    # main: 2030-07-31, "last July" read before the end of the law's year
    assert clue is not None and clue.day == dt.date(2031, 7, 31)


def test_partners_named_alike_as_examples_make_no_pair(tmp_path: Path) -> None:
    story = DATA / "synthetic-parcels-named-examples.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: USA-CAN, the first of four countries a list names once each
    assert data["pair"] == ["USA", "WLD"]
    assert data["priced"] is False
