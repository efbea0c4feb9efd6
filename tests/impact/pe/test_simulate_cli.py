"""``tariffscope simulate`` and ``compare`` through the CLI (CliRunner)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.impact.pe import HEADLINE_METRICS

runner = CliRunner()


def test_simulate_json_has_every_headline_with_interval() -> None:
    result = runner.invoke(
        app,
        ["simulate", "--partner", "JPN", "--date", "2025-07-18", "--draws", "200", "-f", "json"],
    )
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["partner"] == "JPN" and payload["entry_date"] == "2025-07-18"
    assert payload["reference_date"] == "2025-01-01" and payload["draws"] == 200
    assert [row["metric"] for row in payload["headline"]] == list(HEADLINE_METRICS)
    for row in payload["headline"]:
        assert row["p05"] <= row["median"] <= row["p95"]
    by_metric = {row["metric"]: row for row in payload["headline"]}
    assert by_metric["imports_focus_change_usd"]["median"] < 0
    assert by_metric["etr_focus_static_pct"]["point"] > by_metric["etr_focus_before_pct"]["point"]
    assert payload["sectors"][0]["gtap_code"] == "mvh"  # vehicles move most
    assert "Budget Lab" in payload["sources"]["imports"]


def test_simulate_scenario_file_and_csv(tmp_path: Path) -> None:
    scenario = tmp_path / "threat.yaml"
    scenario.write_text("name: threat-25\nenact: [THREAT-JPN-25]\n", encoding="utf-8")
    args = ["simulate", "--date", "2025-08-01", "--as-known", "2025-07-18", "--draws", "0"]
    plain = runner.invoke(app, [*args, "-f", "csv"])
    threat = runner.invoke(app, [*args, "--scenario", str(scenario), "-f", "csv"])
    assert plain.exit_code == 0 and threat.exit_code == 0, threat.stderr
    rows = {r["metric"]: r for r in csv.DictReader(io.StringIO(threat.stdout))}
    base = {r["metric"]: r for r in csv.DictReader(io.StringIO(plain.stdout))}
    assert set(rows) == set(HEADLINE_METRICS)
    assert float(rows["etr_focus_static_pct"]["point"]) > float(
        base["etr_focus_static_pct"]["point"]
    )
    assert float(rows["imports_focus_change_usd"]["point"]) < float(
        base["imports_focus_change_usd"]["point"]
    )


def test_simulate_table_output() -> None:
    result = runner.invoke(app, ["simulate", "--date", "2025-07-18", "--draws", "50"])
    assert result.exit_code == 0, result.stderr
    assert "US imports from Japan" in result.stdout
    assert "90% interval" in result.stdout


def test_compare_default_japan_cases_json() -> None:
    result = runner.invoke(app, ["compare", "--draws", "100", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    cases = json.loads(result.stdout)["cases"]
    assert [case["entry_date"] for case in cases] == ["2025-07-18", "2025-08-01", "2025-09-16"]
    change = {
        case["outcome"]: {r["metric"]: r for r in case["headline"]}["etr_focus_static_pct"]["point"]
        for case in cases
    }
    # the threat carried out taxes Japan most; the deal less than the threat
    assert change["threat: 25% from 1 Aug"] > change["law of 18 Jul 2025"]
    assert change["deal: 15% as enacted"] < change["threat: 25% from 1 Aug"]


def test_compare_custom_cases_and_linear_method() -> None:
    result = runner.invoke(
        app,
        [
            "compare",
            "--case",
            "July law,2025-07-18",
            "--case",
            "threat,2025-08-01,enact:THREAT-JPN-25,2025-07-18",
            "--method",
            "smart-linear",
            "--draws",
            "0",
            "-f",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["outcome"] for row in rows} == {"July law", "threat"}


def test_bad_input_exits_2_with_one_line() -> None:
    for args in (
        ["simulate", "--date", "2025-07-18", "--importer", "JPN"],
        ["simulate", "--date", "18/07/2025"],
        ["simulate", "--date", "2025-07-18", "--partner", "ATL"],
        ["compare", "--case", "only-a-label"],
        ["simulate", "--date", "2025-07-18", "--scenario", "/no/such/file.yaml"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.stdout, result.stderr)
        assert result.stderr.startswith("error:") or "Usage" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 or "Usage" in result.stderr


def test_finite_export_supply_gives_price_effects() -> None:
    args = ["simulate", "--date", "2025-07-18", "--draws", "0", "-f", "json"]
    fixed = json.loads(runner.invoke(app, args).stdout)
    finite = json.loads(runner.invoke(app, [*args, "--export-supply", "5"]).stdout)
    fixed_rows = {r["metric"]: r["point"] for r in fixed["headline"]}
    finite_rows = {r["metric"]: r["point"] for r in finite["headline"]}
    assert fixed_rows["price_effect_usd"] == 0.0
    assert finite_rows["price_effect_usd"] < 0  # exporters cut their prices
    assert finite["export_supply"] == 5.0 and fixed["export_supply"] is None
    # partial pass-through: buyers lose less than with world prices fixed
    assert finite_rows["consumer_surplus_change_usd"] > fixed_rows["consumer_surplus_change_usd"]


def test_metal_share_lowers_derivative_duties() -> None:
    args = ["simulate", "--date", "2025-07-18", "--draws", "0", "-f", "json"]
    whole = json.loads(runner.invoke(app, args).stdout)
    part = json.loads(runner.invoke(app, [*args, "--metal-share", "0.3"]).stdout)
    assert part["metal_share"] == 0.3 and whole["metal_share"] is None
    whole_rows = {r["metric"]: r["point"] for r in whole["headline"]}
    part_rows = {r["metric"]: r["point"] for r in part["headline"]}
    assert part_rows["etr_total_static_pct"] < whole_rows["etr_total_static_pct"]
