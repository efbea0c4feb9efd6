"""Classes of failure found by briefing fresh wire stories (round 16c: Reuters-, AP- and
AFP-style reports of US talks with the big partners, 2025-2026), each on a story or sentence
written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from _brief_cli import brief_json

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text

DATA = Path(__file__).with_name("data")
pytestmark = pytest.mark.issue(9)


def _statuses(text: str) -> list[tuple[str, float, str]]:
    found = extract(article_from_text(f"title: Tariff talks\n\n{text}")).measures
    return [(m.target, m.to_rate_pct, m.status) for m in found]


def test_a_rate_a_threat_word_qualifies_is_threatened_whatever_its_verb_continues() -> None:
    # main: in force, "currently" (continuity on the verb) outranked "possible" on the rate
    text = "Brazil currently faces a possible 30% U.S. tariff on its beef, the minister said."
    assert _statuses(text) == [("BRA", 30.0, "threatened")]


def test_a_rate_told_further_on_the_same_noun_keeps_its_own_status() -> None:
    text = (
        "Chile is currently facing a potential 25% U.S. tariff on its goods, "
        "temporarily eased to 10% while the talks go on."
    )
    # main: both in force (the 25% the threat of April, the 10% what is collected)
    assert _statuses(text) == [("CHL", 25.0, "threatened"), ("CHL", 10.0, "in_force")]


def test_talks_beside_another_partners_deal_are_briefed_as_the_headlines_pair(
    tmp_path: Path,
) -> None:
    story = DATA / "synthetic-talks-beside-another-deal.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: USA-PER, the deal the story recalls ("on the heels of ... a deal with Peru")
    # outweighed the headline's pair, whose threatened rate was read as in force
    assert data["pair"] == ["USA", "CHL"]
    assert data["status"] == "talks ongoing"
    threats = [m["mention"]["to_rate"] for m in data["measures"] if m["status"] == "threatened"]
    assert threats == [25.0]


def test_agreeing_with_the_talks_between_to_continue_negotiating_is_no_agreement() -> None:
    text = (
        "Canada's trade minister and the U.S. commerce secretary agreed in telephone talks on "
        "Tuesday to vigorously continue tariff negotiations after the president announced a "
        "30% tariff on Canadian goods."
    )
    kinds = [e.kind for e in extract(article_from_text(f"title: Talks\n\n{text}")).events]
    # main: an agreement ("to continue" parsed as an adverbial clause, not a complement)
    assert "agreement" not in kinds
    deal = "Canada and the United States agreed on Tuesday to cut tariffs on steel to 10%."
    assert [e.kind for e in extract(article_from_text(f"title: Deal\n\n{deal}")).events] == [
        "agreement"
    ]
