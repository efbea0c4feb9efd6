"""``tariffscope tradewar``: options and the reproduction printed beside Ossa's numbers."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app


def test_a_table_other_than_3_4_or_5_is_bad_input() -> None:
    result = CliRunner().invoke(app, ["tradewar", "--table", "7"])
    assert result.exit_code == 2
    assert "--table must be 3, 4 or 5" in result.output


def test_a_talks_starting_point_outside_table_5_is_bad_input() -> None:
    result = CliRunner().invoke(app, ["tradewar", "--table", "3", "--start", "factual"])
    assert result.exit_code == 2
    assert "--start applies to --table 5 only" in result.output


def test_an_unknown_talks_starting_point_is_rejected_by_the_parser() -> None:
    result = CliRunner().invoke(app, ["tradewar", "--table", "5", "--start", "autarky"])
    assert result.exit_code == 2
    assert "autarky" in result.output


@pytest.mark.shared
@pytest.mark.slow
def test_table_3_panel_a_as_json_pairs_ours_with_published(shared: object) -> None:
    result = CliRunner().invoke(
        app, ["tradewar", "--table", "3", "--panel", "A", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    us = {r["column"]: r for r in rows if r["region"] == "US"}
    assert us["median_optimal_tariff"]["published"] == pytest.approx(60.3)
    assert abs(us["median_optimal_tariff"]["gap"]) < 2.0
    assert abs(us["gov_welfare_own"]["gap"]) < 0.25
