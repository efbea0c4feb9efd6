"""``tariffscope ingest`` and ``tariffscope timeline`` (stories read by their gold records)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _tracker_helpers import GoldExtractor
from typer.testing import CliRunner

from tariffscope.cli import app

pytestmark = pytest.mark.shared

runner = CliRunner()
BRAZIL = [
    "15-brazil-lula-trump-phone-call-40pct-ap-inddist.txt",
    "22-brazil-40pct-removed-agri-goods-mercopress.txt",
]


@pytest.fixture(autouse=True)
def gold_reader(monkeypatch: pytest.MonkeyPatch, gold: GoldExtractor) -> None:
    monkeypatch.setattr("tariffscope.tracker._ingest.default_extractor", gold)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


def test_ingest_then_again_adds_nothing(db: Path, dev_dir: Path) -> None:
    first = runner.invoke(app, ["ingest", str(dev_dir), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("added 30, already stored 0, could not read 0")
    again = runner.invoke(app, ["ingest", str(dev_dir), "--db", str(db), "--format", "json"])
    assert again.exit_code == 0
    payload = json.loads(again.stdout)
    assert (payload["added"], payload["duplicates"], payload["articles_in_store"]) == (0, 30, 30)


def test_unreadable_inputs_are_one_line_each_and_the_rest_is_read(
    db: Path, dev_dir: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "data.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(
        app,
        [
            "ingest",
            str(tmp_path / "missing.txt"),
            str(dev_dir / BRAZIL[0]),
            str(binary),
            "--db",
            str(db),
        ],
    )
    assert result.exit_code == 2  # as `extract DIR` with a bad file (issue 11)
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert len(skipped) == 2
    assert "missing.txt: no such file or folder" in skipped[0]
    assert "binary" in skipped[1]
    assert result.stdout.startswith("added 1, already stored 0, could not read 2")


def test_nothing_readable_exits_2(db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(db)]
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == "error: none of the 2 inputs could be read"


def test_timeline_table_and_json(db: Path, dev_dir: Path) -> None:
    runner.invoke(app, ["ingest", *(str(dev_dir / n) for n in BRAZIL), "--db", str(db)])
    table = runner.invoke(app, ["timeline", "--pair", "USA-BRA", "--db", str(db)])
    assert table.exit_code == 0, table.output
    assert table.stdout.startswith("USA-BRA: talks ongoing")
    assert "2025-10-06" in table.stdout and "Kuala" in table.stdout
    result = runner.invoke(app, ["timeline", "-p", "BRA-USA", "--db", str(db), "-f", "json"])
    data = json.loads(result.stdout)
    assert data["parties"] == ["BRA", "USA"]
    (call,) = [e for e in data["events"] if e["kind"] == "call"]
    assert call["date"] == "2025-10-06" and len(call["sources"]) == 2
    early = runner.invoke(
        app, ["timeline", "-p", "USA-BRA", "--db", str(db), "-f", "json", "--as-of", "2025-10-07"]
    )
    assert len(json.loads(early.stdout)["articles"]) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pair", "USA"], "does not name two parties"),
        (["--pair", "USA-XXX"], "unknown country 'XXX'"),
        (["--pair", "USA-BRA", "--as-of", "2025-13-01"], "is not a date"),
    ],
)
def test_timeline_bad_input_exits_2(db: Path, dev_dir: Path, args: list[str], message: str) -> None:
    runner.invoke(app, ["ingest", str(dev_dir / BRAZIL[0]), "--db", str(db)])
    result = runner.invoke(app, ["timeline", *args, "--db", str(db)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_timeline_without_a_store_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["timeline", "--pair", "USA-THA", "--db", str(tmp_path / "none.duckdb")]
    )
    assert result.exit_code == 2
    assert "no store at" in result.stderr
