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
