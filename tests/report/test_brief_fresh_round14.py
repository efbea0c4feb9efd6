"""Classes of failure found by briefing fresh stories (round 14), on a story written for the
test: a global surcharge raised, and one partner's minister voicing concern, is briefed as
the surcharge (the United States with all partners), not as the pair of the two people named."""

from __future__ import annotations

from pathlib import Path

import pytest
from _brief_cli import brief_json

SURCHARGE = Path(__file__).with_name("data") / "synthetic-global-surcharge-minister.txt"
pytestmark = pytest.mark.issue(9)


def test_a_global_surcharge_quoting_one_partner_minister_is_briefed_as_the_surcharge(
    tmp_path: Path,
) -> None:
    data = brief_json(SURCHARGE, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main briefed USA-CHL: the only two parties with people named made the pair
    assert data["pair"] == ["USA", "WLD"]
    assert ["USA", "CHL"] in data["other_pairs"]
    assert data["as_of"] == "2026-03-10"
