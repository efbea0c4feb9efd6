"""Classes left by round 17's fresh-story lanes, each on sentences and stories written for the
test (docs/assumptions.md "Fresh stories, round 18: classes left by round 17")."""

from __future__ import annotations

from pathlib import Path

import pytest
from _brief_cli import brief_json

DATA = Path(__file__).with_name("data")
pytestmark = pytest.mark.issue(9)


def test_a_bloc_named_before_non_members_is_the_pair(tmp_path: Path) -> None:
    story = DATA / "synthetic-bloc-named-before-non-members.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: USA-VEN, the bloc's 10% read onto the first non-member the story names
    assert data["pair"] == ["USA", "MERCOSUR"]
    assert any("Mercosur (MERCOSUR: ARG, BOL, BRA, PRY, URY" in w for w in data["warnings"])


def test_a_roundup_of_deals_is_the_pair_with_all_partners(tmp_path: Path) -> None:
    story = DATA / "synthetic-roundup-of-deals.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: USA-IDN, the first deal of the roundup
    assert data["pair"] == ["USA", "WLD"]
    assert any("USA-IDN" in w and "USA-PHL" in w for w in data["warnings"])


def test_a_headline_partner_keeps_a_story_with_many_partners() -> None:
    from tariffscope.domain.news import ArticleMeta, Extraction, MeasureMention
    from tariffscope.tracker._pairs import rank_pairs

    def rate(target: str, status: str, start: int) -> MeasureMention:
        return MeasureMention(
            imposer="USA",
            target=target,
            products="all goods",
            from_rate_pct=None,
            to_rate_pct=20.0,
            effective_date=None,
            status=status,
            start=start,
            end=start + 3,
        )

    measures = [
        rate("WLD", "in_force", 0),
        rate("IDN", "agreed", 50),
        rate("PHL", "agreed", 100),
        rate("IND", "threatened", 150),
    ]
    # the headline names a partner: its story, however many others it compares
    named = Extraction(ArticleMeta(title="India weighs US offer"), measures=tuple(measures))
    assert rank_pairs([named])[0] == ("USA", "IND")
    unnamed = Extraction(ArticleMeta(title="Where the talks stand"), measures=tuple(measures))
    assert rank_pairs([unnamed])[0] == ("USA", "WLD")
