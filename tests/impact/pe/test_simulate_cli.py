"""``tariffscope simulate`` and ``compare`` for any partner, through the library and the CLI."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.cli.compare import catalog_cases
from tariffscope.data.line_trade import load_line_trade
from tariffscope.impact.pe import HEADLINE_METRICS
from tariffscope.impact.pe.law import price_outcome

pytestmark = pytest.mark.issue(9)

runner = CliRunner()


def _strict(text: str) -> Any:
    """Parse JSON that must not hold NaN or Infinity."""

    def refuse(token: str) -> None:
        raise AssertionError(f"non-standard JSON constant {token}")

    return json.loads(text, parse_constant=refuse)


def test_every_partner_of_the_trade_data_is_priced() -> None:
    """The library call for every partner of the 2024 HS2 file (224 countries) and the EU."""
    partners = [*load_line_trade("hts8").partners, "EUN"]
    assert len(partners) == 225
    for partner in partners:
        outcome = price_outcome(partner=partner, entry_date="2025-08-08")
        headline = outcome.point.headline
        assert outcome.point.baseline.partners[0] == partner
        for name in ("imports_focus_change_pct", "etr_focus_before_pct", "etr_focus_static_pct"):
            assert math.isfinite(headline[name]), (partner, name)
        # the reciprocal tariffs of August 2025 raise every partner's tariff (imports may still
        # rise, e.g. Angola's oil, exempt, gains on its competitors' goods)
        assert headline["etr_focus_static_pct"] > headline["etr_focus_before_pct"], partner
        assert headline["imports_focus_change_usd"] + headline[
            "imports_others_change_usd"
        ] == pytest.approx(headline["imports_total_change_usd"], rel=1e-9)


@pytest.mark.parametrize("partner", ["KOR", "MUS", "EUN", "CHE", "BRA"])
def test_simulate_json_for_partners_other_than_the_founding_story(partner: str) -> None:
    result = runner.invoke(
        app, ["simulate", "--partner", partner, "--date", "2025-08-08", "-n", "200", "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    payload = _strict(result.stdout)
    assert payload["partner"] == partner and payload["entry_date"] == "2025-08-08"
    assert payload["reference_date"] == "2025-01-01" and payload["draws"] == 200
    assert payload["warnings"] == [] and payload["partner_columns"][0] == partner
    assert [row["metric"] for row in payload["headline"]] == list(HEADLINE_METRICS)
    by_metric = {row["metric"]: row for row in payload["headline"]}
    change = by_metric["imports_focus_change_pct"]
    assert change["p05"] <= change["median"] <= change["p95"] < 0
    assert by_metric["etr_focus_static_pct"]["point"] > by_metric["etr_focus_before_pct"]["point"]
    assert "Census" in payload["sources"]["imports"]
    assert payload["sectors"] and all(row["imports_before_usd"] >= 0 for row in payload["sectors"])


def test_simulate_all_partners_together() -> None:
    # WLD: US imports from all partners (issue 9; refused as "not a single partner" before)
    args = ["simulate", "--partner", "WLD", "--date", "2025-08-08", "--draws", "0", "-f", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    by_metric = {row["metric"]: row["point"] for row in _strict(result.stdout)["headline"]}
    assert by_metric["imports_focus_change_usd"] == pytest.approx(
        by_metric["imports_total_change_usd"]
    )
    assert by_metric["imports_focus_change_usd"] < 0
    assert by_metric["imports_others_change_usd"] == pytest.approx(0.0, abs=1e-3)


@pytest.mark.parametrize("partner", ["PRK", "PRI"])
def test_a_partner_without_trade_data_exits_0_with_a_warning(partner: str) -> None:
    for fmt in ("json", "table"):
        result = runner.invoke(
            app, ["simulate", "--partner", partner, "--date", "2025-08-08", "-f", fmt]
        )
        assert result.exit_code == 0, result.stderr
        assert f"not priced: no trade data for {partner}" in result.stdout
    payload = _strict(
        runner.invoke(app, ["simulate", "-p", partner, "-d", "2025-08-08", "-f", "json"]).stdout
    )
    assert payload["headline"] == [] and payload["warnings"]


def test_simulate_scenario_file_and_csv(tmp_path: Path) -> None:
    scenario = tmp_path / "threat.yaml"
    scenario.write_text("name: threat-25\nenact: [THREAT-KOR-25]\n", encoding="utf-8")
    args = ["simulate", "-p", "KOR", "--date", "2025-08-01", "--as-known", "2025-07-18"]
    plain = runner.invoke(app, [*args, "--draws", "0", "-f", "csv"])
    threat = runner.invoke(app, [*args, "--draws", "0", "--scenario", str(scenario), "-f", "csv"])
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
    result = runner.invoke(app, ["simulate", "-p", "VNM", "--date", "2025-07-18", "-n", "50"])
    assert result.exit_code == 0, result.stderr
    assert "US imports from Vietnam" in result.stdout
    assert "90% interval" in result.stdout


def test_catalog_cases_for_any_partner() -> None:
    korea = catalog_cases("KOR", "2025-07-18")
    assert [case.date for case in korea][:2] == ["2025-07-18", "2025-08-01"]
    assert korea[1].scenario == "enact:THREAT-KOR-25" and korea[1].as_known == "2025-07-18"
    assert korea[-1].label.startswith("deal") and korea[-1].date > "2025-08-01"
    assert [case.label for case in catalog_cases("MUS", "2025-07-18")] == ["law on 2025-07-18"]
    mexico = catalog_cases("MEX", "2025-07-18")
    assert any(case.scenario == "enact:THREAT-MEX-30" for case in mexico)


def test_compare_builds_the_cases_from_the_catalog() -> None:
    result = runner.invoke(
        app, ["compare", "-p", "KOR", "--date", "2025-07-18", "-n", "100", "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    cases = _strict(result.stdout)["cases"]
    assert len(cases) == 3 and cases[1]["entry_date"] == "2025-08-01"
    static = [
        {r["metric"]: r for r in case["headline"]}["etr_focus_static_pct"]["point"]
        for case in cases
    ]
    # the threat carried out taxes Korea most; the deal less than the threat
    assert static[1] > static[0] and static[2] < static[1]


def test_compare_custom_cases_and_linear_method() -> None:
    result = runner.invoke(
        app,
        [
            "compare",
            "-p",
            "EUN",
            "--case",
            "July law,2025-07-18",
            "--case",
            "August law,2025-08-08",
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
    assert {row["outcome"] for row in rows} == {"July law", "August law"}


def test_bad_input_exits_2_with_one_line() -> None:
    for args in (
        ["simulate", "-p", "KOR", "--date", "2025-07-18", "--importer", "JPN"],
        ["simulate", "-p", "KOR", "--date", "18/07/2025"],
        ["simulate", "--date", "2025-07-18", "--partner", "ATL"],
        ["simulate", "--date", "2025-07-18", "--partner", "ROW"],
        ["simulate", "--date", "2025-07-18"],  # no partner: it is required
        ["compare", "-p", "KOR", "--case", "only-a-label"],
        ["compare", "-p", "KOR"],  # neither --date nor --case
        ["simulate", "-p", "KOR", "--date", "2025-07-18", "--scenario", "/no/such/file.yaml"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.stdout, result.stderr)
        assert result.stderr.startswith("error:") or "Usage" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 or "Usage" in result.stderr


def test_finite_export_supply_gives_price_effects() -> None:
    args = ["simulate", "-p", "IND", "--date", "2025-08-08", "--draws", "0", "-f", "json"]
    fixed = _strict(runner.invoke(app, args).stdout)
    finite = _strict(runner.invoke(app, [*args, "--export-supply", "5"]).stdout)
    fixed_rows = {r["metric"]: r["point"] for r in fixed["headline"]}
    finite_rows = {r["metric"]: r["point"] for r in finite["headline"]}
    assert fixed_rows["price_effect_usd"] == 0.0
    assert finite_rows["price_effect_usd"] < 0  # exporters cut their prices
    assert finite["export_supply"] == 5.0 and fixed["export_supply"] is None
    # partial pass-through: buyers lose less than with world prices fixed
    assert finite_rows["consumer_surplus_change_usd"] > fixed_rows["consumer_surplus_change_usd"]


def test_metal_share_lowers_derivative_duties() -> None:
    args = ["simulate", "-p", "CAN", "--date", "2025-07-18", "--draws", "0", "-f", "json"]
    whole = _strict(runner.invoke(app, args).stdout)
    part = _strict(runner.invoke(app, [*args, "--metal-share", "0.3"]).stdout)
    assert part["metal_share"] == 0.3 and whole["metal_share"] is None
    whole_rows = {r["metric"]: r["point"] for r in whole["headline"]}
    part_rows = {r["metric"]: r["point"] for r in part["headline"]}
    assert part_rows["etr_total_static_pct"] < whole_rows["etr_total_static_pct"]
