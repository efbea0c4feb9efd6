"""``tariffscope deals``: options, exit codes, the JSON and CSV outputs and the chart."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app

BASE = ["deals", "--pair", "USA-JPN", "--date", "2025-07-18", "--no-sensitivity"]
SMALL = ["--sector-lever", "autos=C29", "--grid", "general=0:30:5,autos=0:30:5"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--weight", "1.5"], "bargaining weight"),
        (["--grid", "general=0:30"], "malformed grid part"),
        (["--grid", "general=0:30:5"], "exactly two levers"),
        (["--chart", "deals.svg"], "neither of the suffixes"),
        (["--sector-lever", "autos="], "malformed sector lever"),
        (["--political-economy", "gh"], "unknown political-economy source"),
        (["--political-economy", "uniform:0"], "must be positive"),
        (["--transfer", "1%gpd"], "malformed transfer"),
        (["--transfer", "120%gdp"], "within (-100, 100)% of GDP"),
    ],
)
def test_bad_options_exit_2_with_one_line(extra: list[str], message: str) -> None:
    result = CliRunner().invoke(app, [*BASE, *extra])
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_a_malformed_pair_is_bad_input() -> None:
    result = CliRunner().invoke(app, ["deals", "--pair", "USA", "--date", "2025-07-18"])
    assert result.exit_code == 2
    assert "malformed pair 'USA'" in result.output


@pytest.mark.shared
@pytest.mark.parametrize("output_format", ["json", "csv", "table"])
def test_a_country_outside_the_icio_file_is_a_warning_naming_the_file(
    shared: object, output_format: str
) -> None:
    # a country the model's data lack is a capability the tool lacks: exit 0, a warning
    args = ["deals", "--pair", "USA-ATA", "--date", "2025-07-18", "--format", output_format]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    said = "ATA is not among the 81 countries of the ICIO 2022 file"
    if output_format == "json":
        payload = json.loads(result.stdout)
        assert payload["computed"] is False and payload["solutions"] == []
        assert said in payload["warnings"][0]
    else:
        assert result.stdout == ""
        assert said in result.stderr


def test_a_code_of_no_country_is_bad_input() -> None:
    result = CliRunner().invoke(app, ["deals", "--pair", "USA-XYZ", "--date", "2025-07-18"])
    assert result.exit_code == 2
    assert "XYZ is not an ISO 3166-1 alpha-3 country code" in result.stderr


@pytest.mark.shared
def test_json_is_strict_and_holds_the_solutions(shared: object) -> None:
    result = CliRunner().invoke(
        app, [*BASE, *SMALL, "--actual", "general=15,autos=15", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "NaN" not in result.stdout and "Infinity" not in result.stdout
    payload = json.loads(result.stdout)
    assert payload["pair"] == ["USA", "JPN"]
    names = [row["solution"] for row in payload["solutions"]]
    for wanted in ("disagreement point", "Kalai-Smorodinsky", "Nash bargaining w=0.5",
                   "USA optimal tariff", "JPN optimal tariff", "trade war", "actual deal"):  # fmt: skip
        assert wanted in names
    assert len(payload["grid"]) == 7 * 7
    assert [row["weight"] for row in payload["sweep"]] == pytest.approx(
        [0.1 * k for k in range(1, 10)]
    )
    assert all(math.isfinite(row["payoff_usd_bn_USA"]) for row in payload["solutions"])
    rows = {row["solution"]: row for row in payload["solutions"]}
    assert rows["trade war"]["by_sector"] is None  # the uniform rows keep their fields
    assert set(rows["trade war by sector"]["by_sector"]) == {"USA", "JPN"}
    by_sector = rows["USA optimal tariff by sector"]["by_sector"]["USA"]
    assert "C29" in by_sector and all(0.0 <= v <= 1000.0 for v in by_sector.values())
    # the imposer's own gain (its payoff against the status quo) is at least the uniform one's
    gain = "vs_baseline_pct_USA"
    assert rows["USA optimal tariff by sector"][gain] >= rows["USA optimal tariff"][gain] - 1e-9


@pytest.mark.shared
def test_csv_and_chart(shared: object, tmp_path: Path) -> None:
    chart = tmp_path / "deals.html"
    result = CliRunner().invoke(
        app, [*BASE, *SMALL, "--format", "csv", "--chart", str(chart), "--transfer", "1.5"]
    )
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split(",")
    assert header[:3] == ["solution", "x_pct", "y_pct"]
    assert "transfer_usd_bn_JPN" in header
    page = chart.read_text(encoding="utf-8")
    assert "Nash bargaining deal by weight" in page and "<script>" in page


@pytest.mark.shared
def test_a_pair_without_a_known_threat_warns_and_exits_0(shared: object) -> None:
    result = CliRunner().invoke(
        app,
        ["deals", "--pair", "KOR-DEU", "--date", "2025-07-18", "--no-sensitivity",
         "--grid", "general=0:20:5,partner=-5:0:5"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "warning: not covered: the catalog holds US law only" in result.output
    assert "the disagreement point is the status quo" in result.output


@pytest.mark.shared
def test_political_economy_and_a_transfer_in_gdp_shares(shared: object) -> None:
    """The JSON says the payoffs are government welfare, gives the weights by sector and the
    transfer in both units; the payer's payoff falls by the share it pays."""
    small = [*BASE, *SMALL, "--format", "json"]
    plain = json.loads(CliRunner().invoke(app, small).stdout)
    result = CliRunner().invoke(
        app, [*small, "--political-economy", "ossa2014", "--transfer", "0.1%gdp"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert plain["payoff"] == "real income" and plain["transfer"] is None
    assert payload["payoff"].startswith("government welfare") and "ossa2014" in payload["payoff"]
    assert payload["political_economy"] == "ossa2014"
    weights = payload["political_economy_weights"]
    assert set(weights) == {"USA", "JPN"} and weights["JPN"]["C29"] != pytest.approx(1.0)
    assert weights["USA"]["Services (aggregate)"] == 1.0
    transfer = payload["transfer"]
    assert transfer["payer"] == "JPN" and transfer["pct_gdp_payer"] == pytest.approx(0.1)
    gdp = transfer["gdp_usd_bn"]
    assert transfer["usd_bn"] == pytest.approx(0.001 * gdp["JPN"])
    assert transfer["pct_gdp_receiver"] == pytest.approx(0.1 * gdp["JPN"] / gdp["USA"])
    assert any("political-economy weights" in s for s in payload["sources"])
    # weights of JPN and the US change the payoffs; the transfer row fields carry both units
    row = payload["grid"][0]
    assert row["transfer_pct_JPN"] == pytest.approx(-0.1)
    assert row["transfer_usd_bn_USA"] == pytest.approx(transfer["usd_bn"])
    assert row["payoff_pct_JPN"] != pytest.approx(plain["grid"][0]["payoff_pct_JPN"] - 0.1)
