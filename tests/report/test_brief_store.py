"""The brief through a store: stories ingested once, links written, the negotiation followed."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.store import Store

pytestmark = pytest.mark.slow

SEED = Path(__file__).resolve().parents[2] / "examples" / "ishiba-bessent-2025-07-18.txt"


def test_brief_with_a_store_writes_the_links_and_reuses_the_story(tmp_path: Path) -> None:
    db = tmp_path / "talks.duckdb"
    runner = CliRunner()
    first = runner.invoke(
        app, ["brief", str(SEED), "--db", str(db), "--draws", "0", "--ge", "none"]
    )
    assert first.exit_code == 0, first.output
    second = runner.invoke(
        app, ["brief", str(SEED), "--db", str(db), "--draws", "0", "--ge", "none"]
    )
    assert second.exit_code == 0, second.output
    with Store.open(db, read_only=True) as store:
        assert store.count_articles() == 1
        links = {link.measure_id for link in store.measure_links()}
        assert {"THREAT-JPN-25", "232-AUTOS-25"} <= links
        assert store.check() == []


def test_a_later_story_in_the_store_is_left_out_of_an_earlier_brief(tmp_path: Path) -> None:
    later = tmp_path / "later.txt"
    later.write_text(
        SEED.read_text(encoding="utf-8")
        .replace("published: 2025-07-18", "published: 2025-07-25")
        .replace("Ishiba", "Ishiba-san"),
        encoding="utf-8",
    )
    db = tmp_path / "talks.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(later), "--db", str(db)]).exit_code == 0
    result = runner.invoke(
        app,
        [
            "brief",
            str(SEED),
            "--db",
            str(db),
            "--draws",
            "0",
            "--ge",
            "none",
            "--json",
            str(tmp_path / "b.json"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "As of: 2025-07-18" in result.stdout and "14 days" in result.stdout


def test_brief_rejects_an_unknown_ge_model(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["brief", str(SEED), "--ge", "gtap"])
    assert result.exit_code == 2 and "unknown --ge model" in result.stderr
