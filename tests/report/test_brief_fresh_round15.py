"""Classes of failure found by briefing fresh stories (round 15), on a story written for the
test: the African Union is a bloc the brief can negotiate with (blocs.yaml), and a story of
the United States and a bloc that names no measure is priced as the members' trade summed."""

from __future__ import annotations

from pathlib import Path

import pytest
from _brief_cli import brief_json

OFFER = Path(__file__).with_name("data") / "synthetic-african-union-offer.txt"
pytestmark = pytest.mark.issue(9)


def test_an_african_union_offer_is_briefed_and_priced_as_the_union(tmp_path: Path) -> None:
    data = brief_json(OFFER, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main briefed USA-WLD, not priced: the African Union was no bloc of the table
    assert data["pair"] == ["USA", "AU"]
    assert data["priced"] is True
    assert data["as_of"] == "2026-04-14"
    assert any("au.int" in w for w in data["warnings"])
