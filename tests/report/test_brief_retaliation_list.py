"""A partner's retaliation list (round 16d), on a story written for the test: one party
publishing the goods of another that its countermeasures would hit is briefed as those two
parties' negotiation, not as a global duty the story also reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from _brief_cli import brief_json

STORY = Path(__file__).with_name("data") / "synthetic-retaliation-list.txt"
pytestmark = pytest.mark.issue(9)


def test_a_retaliation_list_of_one_partner_goods_is_briefed_as_that_pair(
    tmp_path: Path,
) -> None:
    data = brief_json(STORY, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # before round 16d: USA-WLD, the list was an announcement of one party only
    assert sorted(data["pair"]) == ["BRA", "EUN"]
