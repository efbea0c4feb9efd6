"""The brief prices a duty the news reports on goods no catalog measure group holds (issue 9,
round 13): a written story, ``data/synthetic-mexico-tomatoes.txt`` (not a real wire story),
"The US will impose a 21% duty on tomatoes from Mexico from July 14"."""

from __future__ import annotations

from pathlib import Path

import pytest
from _brief_cli import brief_json

STORY = Path(__file__).with_name("data") / "synthetic-mexico-tomatoes.txt"
pytestmark = pytest.mark.issue(9)


@pytest.mark.slow
def test_a_duty_on_tomatoes_is_priced_on_top_of_the_law(tmp_path: Path) -> None:
    data = brief_json(STORY, tmp_path / "brief.json", "--draws", "20", "--ge", "none")
    assert data["pair"] == ["USA", "MEX"] and data["priced"] is True
    (measure,) = [m for m in data["measures"] if m["mention"]["products"] == "tomatoes"]
    candidate = measure["candidate"]
    assert candidate is not None and candidate["products"]["include"] == ["0702"]
    assert (candidate["group"], candidate["rule"], candidate["rate_pct"]) == (
        "news_goods",
        "additional",
        21.0,
    )
    key = f"threat:{candidate['id']}"
    assert any(o["key"] == key for o in data["outcomes"])
    assert any("additional duty on top of the law of 2025-07-14" in w for w in data["warnings"])
    rows = {r["metric"]: r for r in data["headline"] if r["outcome"] == key}
    # the duty falls on Mexico's tomato trade: non-zero, and a small part of all its goods
    added = rows["duty_focus_after_usd_vs_status_quo"]["point"]
    total = rows["duty_focus_after_usd"]["point"]
    assert 0 < added < 0.05 * total
