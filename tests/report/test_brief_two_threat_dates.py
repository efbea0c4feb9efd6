"""Two threats on different dates: each outcome's own comparator, said once (round 14).

Written story: ``data/synthetic-two-threats-dates.txt`` (not a real wire story), dated 8 July
2025: a 25% duty on Vietnamese shrimp from 15 August and a 40% duty on all Vietnamese goods
from 1 October. Each threat's increment is measured against the law on its own entry date
without it (``status_quo_spec``); the headline rows, the note under the tables (one line per
distinct comparator date) and the deal space (the status quo it places on its levers, and the
threats it leaves off them) must name the same law for each.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _brief_cli import brief_json

STORY = Path(__file__).with_name("data") / "synthetic-two-threats-dates.txt"
pytestmark = [pytest.mark.issue(9), pytest.mark.slow]


def test_each_threat_is_said_against_its_own_dates_law(tmp_path: Path) -> None:
    data = brief_json(STORY, tmp_path / "brief.json", "--draws", "10", "--ge", "gravity")
    assert data["pair"] == ["USA", "VNM"] and data["as_of"] == "2025-07-08"
    threats = {o["entry_date"]: o for o in data["outcomes"] if o["key"].startswith("threat:")}
    assert sorted(threats) == ["2025-08-15", "2025-10-01"]

    def row(key: str, metric: str) -> dict[str, object]:
        (found,) = [r for r in data["headline"] if r["outcome"] == key and r["metric"] == metric]
        return found

    against = {}
    for day, outcome in threats.items():
        found = row(outcome["key"], "duty_focus_after_usd_vs_status_quo")
        assert found["compared_with"] == f"the law on {day} without the outcome"
        against[day] = found
    # the increments are each threat's own: a duty on shrimp is small, one on all goods large
    shrimp, everything = (against[d]["median"] for d in ("2025-08-15", "2025-10-01"))
    assert 1e6 < shrimp < 1e9 < 1e10 < everything  # type: ignore[operator]

    space = data["deal_space"]
    assert space["computed"] is True
    bargained = threats["2025-10-01"]
    assert space["disagreement"].startswith(bargained["label"])
    assert space["disagreement"].endswith("on top of the law on 2025-10-01")
    assert space["status_quo_law"] == (
        f"the law on 2025-10-01 without the outcome, the comparator of '{bargained['label']}'"
    )
    (status_quo,) = [p for p in space["points"] if p["name"] == "status quo"]
    assert status_quo["detail"] == "Law on 2025-10-01"
    assert space["other_threats"] == [
        {
            "outcome": threats["2025-08-15"]["label"],
            "compared_with": against["2025-08-15"]["compared_with"],
        }
    ]


def test_the_note_says_each_comparator_once(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tariffscope.cli import app

    result = CliRunner().invoke(
        app, ["brief", str(STORY), "--draws", "0", "--ge", "none"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    said = [line for line in lines if line.startswith("'status quo' of ")]
    # one line per comparator date, in each of the two headline tables' notes
    assert (
        said
        == [
            "'status quo' of 'Threat carried out: 25% from 2025-08-15': the law on 2025-08-15 "
            "without the outcome.",
            "'status quo' of 'Threat carried out: 40% from 2025-10-01': the law on 2025-10-01 "
            "without the outcome.",
        ]
        * 2
    )
    assert not [line for line in lines if " for 'Threat carried out" in line]
