"""``tariffscope ge`` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app

runner = CliRunner()


@pytest.mark.shared
def test_ge_gravity_application_json(shared: Path) -> None:
    result = runner.invoke(app, ["ge", "--app", "ge-gravity-eu", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    rows = {row["country"]: row for row in payload["countries"]}
    assert len(rows) == 44
    assert payload["diagnostics"]["converged"] is True
    assert rows["HUN"]["welfare_pct"] == pytest.approx(rows["HUN"]["published_pct"], abs=1e-4)


@pytest.mark.shared
def test_tariff_file_on_advanced_guide_data(shared: Path, tmp_path: Path) -> None:
    path = tmp_path / "us_japan.csv"
    path.write_text("importer,exporter,tariff_before_pct,tariff_after_pct\nUSA,JPN,10,25\n")
    result = runner.invoke(app, ["ge", "--tariffs", str(path), "--data", "agtpa", "-f", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "country,real_gdp_pct,welfare_pct,exports_pct,imports_pct"
    assert len(lines) == 70
    japan = next(line for line in lines if line.startswith("JPN,")).split(",")
    assert float(japan[3]) < 0  # Japan exports less


def test_needs_app_or_tariffs() -> None:
    result = runner.invoke(app, ["ge"])
    assert result.exit_code == 2
    assert "give exactly one of --app, --tariffs, --scenario or --panel" in result.stderr


@pytest.mark.shared
def test_unknown_country_is_a_one_line_error(shared: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("importer,exporter,tariff_before_pct,tariff_after_pct\nUSA,XYZ,10,25\n")
    result = runner.invoke(app, ["ge", "--tariffs", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "unknown country 'XYZ'" in result.stderr


@pytest.mark.shared
def test_cp_nafta_application(shared: Path) -> None:
    result = runner.invoke(app, ["ge", "--app", "cp-nafta", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["country"]: row for row in json.loads(result.stdout)["countries"]}
    assert len(rows) == 31
    assert rows["MEX"]["welfare_cp_pct"] == pytest.approx(1.31, abs=0.02)
    assert rows["MEX"]["published_pct"] == 1.31


@pytest.mark.shared
def test_sector_tariffs_on_caliendo_parro_data(shared: Path, tmp_path: Path) -> None:
    path = tmp_path / "autos.csv"
    path.write_text(
        "importer,exporter,sector,tariff_before_pct,tariff_after_pct\n"
        "USA,JPN,auto,2.5,25\nUSA,JPN,,0,15\n"
    )
    result = runner.invoke(app, ["ge", "--tariffs", str(path), "--data", "cp", "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = {line.split(",")[0]: line.split(",") for line in result.stdout.strip().splitlines()}
    assert rows["country"][:3] == ["country", "real_gdp_pct", "welfare_pct"]
    assert float(rows["JPN"][4]) < 0  # Japan's exports fall
