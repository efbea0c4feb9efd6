"""``tariffscope rate``, ``history`` and ``measures`` through the CLI (CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app

runner = CliRunner()
SCENARIO = (
    Path(__file__).resolve().parents[2]
    / "examples/scenarios/japan-letter-25pct-from-2025-08-01.yaml"
)


def _json(args: list[str]) -> dict:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_rate_json_has_the_design_shape() -> None:
    data = _json(
        ["rate", "8703.23.01", "--origin", "JPN", "--date", "2025-07-18", "--format", "json"]
    )
    assert {
        "hts",
        "origin",
        "entry_date",
        "as_known",
        "total_pct",
        "components",
        "warnings",
    } <= set(data)
    assert data["total_pct"] == pytest.approx(27.5)
    assert data["entry_date"] == "2025-07-18" and data["as_known"] is None
    for component in data["components"]:
        assert {"measure", "authority", "rule", "rate_pct", "citation"} <= set(component)
    assert [c["measure"] for c in data["components"]] == ["MFN", "232-AUTOS-25"]


def test_rate_as_known_and_scenario_options() -> None:
    known = _json(
        [
            "rate",
            "0201.30.80",
            "-o",
            "JPN",
            "-d",
            "2025-08-20",
            "--as-known",
            "2025-08-20",
            "-f",
            "json",
        ]
    )
    assert known["total_pct"] == pytest.approx(41.4) and known["as_known"] == "2025-08-20"
    threat = _json(
        [
            "rate",
            "6109.10.00",
            "-o",
            "JPN",
            "-d",
            "2025-08-01",
            "--scenario",
            str(SCENARIO),
            "-f",
            "json",
        ]
    )
    assert threat["total_pct"] == pytest.approx(41.5)


def test_rate_table_names_the_measure_and_total() -> None:
    result = runner.invoke(app, ["rate", "8703.23.01", "--origin", "JPN", "--date", "2025-09-16"])
    assert result.exit_code == 0
    assert "JPN-232AUTO-INCL15" in result.stdout and "15" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rate", "8703", "-o", "JPN", "-d", "2025-07-18"], "8- or 10-digit"),
        (["rate", "9999.99.99", "-o", "JPN", "-d", "2025-07-18"], "not in the HTS"),
        (["rate", "8703.23.01", "-o", "ZZZ", "-d", "2025-07-18"], "unknown country 'ZZZ'"),
        (["rate", "8703.23.01", "-o", "JPN", "-d", "18/07/2025"], "malformed entry date"),
        (
            ["rate", "8703.23.01", "-o", "JPN", "-d", "2025-07-18", "--as-known", "soon"],
            "malformed as-known date",
        ),
        (
            [
                "rate",
                "8703.23.01",
                "-o",
                "JPN",
                "-d",
                "2025-07-18",
                "--scenario",
                "/nonexistent.yaml",
            ],
            "not found",
        ),
        (
            ["rate", "8703.23.01", "-o", "JPN", "-d", "2025-07-18", "--claim", "friendship"],
            "unknown claim",
        ),
        (["history", "8703.23.01", "-o", "JP N"], "unknown country"),
        (
            ["rate", "8703.23.01", "-o", "MEX", "-d", "2025-07-18", "--us-content", "2"],
            "US content share",
        ),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_rate_us_content_of_a_usmca_vehicle() -> None:
    # HTS 9903.94.03 (U.S. note 33(d)): 25% on the non-US content of a USMCA vehicle
    args = ["rate", "8703.23.01", "-o", "MEX", "-d", "2025-07-18", "--claim", "usmca"]
    data = _json([*args, "--us-content", "0.6", "--format", "json"])
    assert data["total_pct"] == pytest.approx(10.0)
    (autos,) = [c for c in data["components"] if c["measure"] == "232-AUTOS-USMCA"]
    assert autos["value_share"] == pytest.approx(0.4) and autos["nominal_rate_pct"] == 25.0
    assert "9903.94.03 (U.S. note 33(d))" in autos["citation"]


def test_history_json_lists_changes() -> None:
    rows = _json(
        [
            "history",
            "8703.23.01",
            "--origin",
            "JPN",
            "--from",
            "2025-01-01",
            "--to",
            "2026-01-01",
            "-f",
            "json",
        ]
    )
    assert [r["total_pct"] for r in rows] == [2.5, 27.5, 15.0]


def test_measures_filters_by_origin_and_date() -> None:
    data = _json(["measures", "--origin", "JPN", "--on", "2025-04-09", "--format", "json"])
    ids = {m["id"] for m in data["measures"]}
    assert "RECIP1-JPN" in ids and "RECIP1-VNM" not in ids
    claims = _json(["measures", "--claims", "-f", "json"])
    assert "usmca" in claims


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("tariffscope ")
