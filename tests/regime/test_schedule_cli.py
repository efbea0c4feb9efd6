"""``tariffscope data hts CODE``: look up schedule lines; bad codes exit 2 with one line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app

runner = CliRunner()


def test_json_shape() -> None:
    result = runner.invoke(app, ["data", "hts", "0402.29.50", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["hts"] == "0402.29.50" and record["level"] == 8
    assert record["mfn"] == {
        "text": "$1.104/kg + 14.9%",
        "kind": "compound",
        "ad_valorem_pct": 14.9,
        "specific": [{"amount_usd": 1.104, "unit": "kg"}],
        "note": "",
    }
    assert record["rate_source"] == "0402.29.50.00"
    assert record["statistical_lines"] == ["0402.29.50.00"]


def test_several_codes_and_table() -> None:
    result = runner.invoke(app, ["data", "hts", "8703.23.01", "8703230190", "--format", "json"])
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert [r["hts"] for r in records] == ["8703.23.01", "8703.23.01.90"]
    assert [r["mfn"]["ad_valorem_pct"] for r in records] == [2.5, 2.5]
    table = runner.invoke(app, ["data", "hts", "9903.88.01"])
    assert table.exit_code == 0
    assert "[to this subchapter]" in table.stdout  # brackets are text, not Rich markup


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("8703", "give an 8- or 10-digit HTS code"),
        ("8703.23.0x", "give an 8- or 10-digit HTS code"),
        ("0000.00.00", "HTS code 0000.00.00 is not in the HTS 2025 Basic Edition"),
        ("8703.23.01.50", "statistical lines: 8703.23.01.10"),
    ],
)
def test_bad_codes_exit_2_with_one_line(code: str, message: str) -> None:
    result = runner.invoke(app, ["data", "hts", code])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]
    assert result.stdout == ""
