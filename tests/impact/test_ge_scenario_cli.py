"""``tariffscope ge --scenario``: a tariff-law scenario priced in general equilibrium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app

pytestmark = pytest.mark.issue(6)

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "scenarios"
LETTER = str(EXAMPLES / "japan-letter-25pct-from-2025-08-01.yaml")


@pytest.mark.shared
def test_letter_on_cp_json(shared: Path) -> None:
    result = runner.invoke(app, ["ge", "--scenario", LETTER, "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    rows = {row["country"]: row for row in payload["countries"]}
    assert len(rows) == 31 and "ROW" in rows
    assert rows["JPN"]["welfare_pct"] < 0
    assert rows["JPN"]["exports_to_usa_pct"] < -15
    assert rows["KOR"]["exports_to_usa_pct"] > 0
    meta = payload["metadata"]
    assert meta["base_year"] == 1993
    assert meta["entry_date"] == meta["reference_date"] == "2025-08-01"  # the letter's date
    assert payload["diagnostics"]["converged"] is True


@pytest.mark.shared
def test_gravity_csv_with_dates(shared: Path) -> None:
    result = runner.invoke(
        app,
        [
            "ge",
            "--scenario",
            LETTER,
            "--model",
            "gravity",
            "--date",
            "2025-08-01",
            "--reference-date",
            "2025-07-18",
            "-f",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("country,real_gdp_pct,welfare_pct,exports_pct,imports_pct,")
    assert "us_tariff_before_pct,us_tariff_after_pct" in lines[0]
    assert len(lines) == 70  # 69 countries


@pytest.mark.shared
def test_table_output(shared: Path) -> None:
    result = runner.invoke(app, ["ge", "--scenario", LETTER, "--model", "gravity"])
    assert result.exit_code == 0, result.output
    assert "JPN" in result.stdout and "US tariff %" in result.stdout
    assert "gravity model, base year 2006" in result.stdout


def _one_line_error(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("error: ")
    return result.stderr


def test_missing_scenario_file() -> None:
    assert "not found" in _one_line_error(["ge", "--scenario", "no-such-file.yaml"])


def test_malformed_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("name: [unclosed\n")
    assert "not valid YAML" in _one_line_error(["ge", "--scenario", str(path)])


def test_unknown_measure(tmp_path: Path) -> None:
    path = tmp_path / "unknown.yaml"
    path.write_text("name: nothing\nenact: [NO-SUCH-MEASURE]\n")
    assert "NO-SUCH-MEASURE" in _one_line_error(["ge", "--scenario", str(path)])


def test_scenario_without_date(tmp_path: Path) -> None:
    path = tmp_path / "remove.yaml"
    path.write_text("name: remove only\nremove: [RECIP2-JPN]\n")
    assert "--date" in _one_line_error(["ge", "--scenario", str(path)])


def test_bad_date() -> None:
    message = _one_line_error(["ge", "--scenario", LETTER, "--date", "2025-13-01"])
    assert "--date" in message


def test_scenario_and_app_together() -> None:
    message = _one_line_error(["ge", "--scenario", LETTER, "--app", "cp-nafta"])
    assert "exactly one of --app, --tariffs, --scenario or --panel" in message


def test_date_needs_scenario() -> None:
    assert "--scenario" in _one_line_error(["ge", "--app", "cp-nafta", "--date", "2025-08-01"])


@pytest.mark.shared
def test_base_year_start(shared: Path) -> None:
    deal = str(EXAMPLES / "japan-deal-15pct-from-2025-08-01.yaml")
    result = runner.invoke(app, ["ge", "--scenario", deal, "--start", "base-year", "-f", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["metadata"]["start"] == "base_year"
    rows = {row["country"]: row for row in payload["countries"]}
    # cars at 15% instead of 27.5% on the 1993 trade pattern (cars a quarter of Japan's sales)
    assert rows["JPN"]["exports_to_usa_pct"] > 5
    assert rows["JPN"]["us_tariff_after_pct"] < rows["JPN"]["us_tariff_before_pct"]
