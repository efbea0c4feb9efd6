"""``tariffscope etr``: strict JSON, CSV, the table of periods, charts and one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.data.line_trade import load_line_trade
from tariffscope.domain.countries import _table
from tariffscope.impact.etr import effective_rates

pytestmark = pytest.mark.issue(9)

runner = CliRunner()
FIELDS = {
    "date",
    "partner",
    "imports_usd",
    "duties_usd",
    "etr_pct",
    "etr_after_substitution_pct",
    "law_from",
}


def _strict(text: str) -> Any:
    def refuse(token: str) -> None:
        raise AssertionError(f"non-standard JSON constant {token}")

    return json.loads(text, parse_constant=refuse)


def test_json_rows_carry_the_fields_and_match_the_library() -> None:
    result = runner.invoke(
        app,
        [
            "etr",
            "--from",
            "2025-04-08",
            "--to",
            "2025-04-10",
            "-p",
            "EUN",
            "-p",
            "ALL",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    payload = _strict(result.stdout)
    assert set(payload) == {"rows", "warnings", "sources"}
    rows = payload["rows"]
    assert len(rows) == 6 and all(set(row) >= FIELDS for row in rows)
    assert [r["partner"] for r in rows[:2]] == ["EUN", "ALL"]
    assert rows[0]["date"] == "2025-04-08" and rows[-1]["date"] == "2025-04-10"
    library = effective_rates("2025-04-08", "2025-04-10", partners=["EUN", "ALL"])
    assert [r["etr_pct"] for r in rows] == pytest.approx(list(library["etr_pct"]), rel=1e-12)
    assert any("rates: applied" in s for s in payload["sources"])


def test_json_has_null_not_nan_for_sectors_without_imports() -> None:
    result = runner.invoke(app, ["etr", "--date", "2025-08-20", "--by", "sector", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    rows = _strict(result.stdout)["rows"]
    assert {r["partner"] for r in rows} == {"ALL"}
    assert all("sector" in r and "sector_name" in r for r in rows)
    empty = [r for r in rows if r["imports_usd"] == 0]
    assert empty and all(r["etr_pct"] is None for r in empty)


def test_csv_has_the_same_columns(tmp_path: Path) -> None:
    out = tmp_path / "etr.csv"
    result = runner.invoke(app, ["etr", "--date", "2025-05-20", "-f", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert set(rows[0]) >= FIELDS
    assert rows[0]["partner"] == "ALL"
    assert len(rows) == 1 + len(load_line_trade("hts8").partners)


def test_the_table_shows_one_row_per_period() -> None:
    result = runner.invoke(
        app,
        ["etr", "--from", "2025-04-01", "--to", "2025-04-12", "-p", "ALL", "--rates", "statutory"],
    )
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if " ALL " in line]
    # periods: 1-2, 3-4, 5-8, 9, 10-12 April
    assert [line.split()[:2] for line in lines] == [
        ["2025-04-01", "2025-04-02"],
        ["2025-04-03", "2025-04-04"],
        ["2025-04-05", "2025-04-08"],
        ["2025-04-09", "2025-04-09"],
        ["2025-04-10", "2025-04-12"],
    ]
    assert "warning: statutory rates" in result.stderr


@pytest.mark.parametrize("suffix", [".png", ".html"])
def test_charts(tmp_path: Path, suffix: str) -> None:
    chart = tmp_path / f"etr{suffix}"
    result = runner.invoke(
        app,
        [
            "etr",
            "--from",
            "2025-03-01",
            "--to",
            "2025-05-31",
            "-p",
            "ALL",
            "-p",
            "CHN",
            "-f",
            "csv",
            "--chart",
            str(chart),
        ],
    )
    assert result.exit_code == 0, result.stderr
    data = chart.read_bytes()
    if suffix == ".png":
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        text = data.decode("utf-8")
        assert "vegaEmbed" in text and '"CHN"' in text
        assert "cdn.jsdelivr" not in text and "<script src=" not in text  # self-contained


def test_a_partner_without_trade_warns_and_exits_0() -> None:
    traded = set(load_line_trade("hts8").partners)
    untraded = next(code for code in sorted(_table()) if code not in traded and code != "USA")
    result = runner.invoke(app, ["etr", "--date", "2025-06-01", "-p", untraded, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    payload = _strict(result.stdout)
    assert payload["rows"] == []
    assert any(untraded in w for w in payload["warnings"])


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--date", "2025-06-01", "-p", "XQZ"], "unknown country"),
        (["--from", "2025-06-02", "--to", "2025-06-01"], "lies after"),
        (["--date", "2025-06-01", "--from", "2025-06-01", "--to", "2025-06-02"], "not both"),
        (["--from", "2025-06-01"], "missing --to"),
        ([], "missing --date"),
        (["--date", "2023-06-01"], "outside the catalog's coverage"),
        (["--date", "2025-06-01", "--chart", "etr.svg"], "suffixes"),
        (["--date", "June 1"], "malformed"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], words: str) -> None:
    result = runner.invoke(app, ["etr", *args])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    message = result.stderr.strip()
    assert words in message and "\n" not in message
    assert result.stdout == ""
