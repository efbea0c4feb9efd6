"""Issue 11: the same mistake gives the same exit code. ``extract DIR`` and ``ingest DIR`` of a
folder with a bad file both process the good stories, report each bad file on one line and
exit 2 (``ingest`` used to exit 0)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app

pytestmark = [pytest.mark.issue(11), pytest.mark.slow]

runner = CliRunner()
SEED = Path(__file__).resolve().parents[2] / "examples" / "ishiba-bessent-2025-07-18.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    stories = tmp_path / "stories"
    stories.mkdir()
    shutil.copy(SEED, stories / "good.txt")
    (stories / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (stories / "empty.html").write_bytes(b"")
    return stories


def _skipped(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("skipped:")]


def test_extract_and_ingest_of_a_folder_with_bad_files_agree(folder: Path, tmp_path: Path) -> None:
    extracted = runner.invoke(app, ["extract", str(folder), "--format", "json", "-j", "1"])
    ingested = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.duckdb")])
    assert extracted.exit_code == ingested.exit_code == 2
    for result in (extracted, ingested):
        skipped = _skipped(result.stderr)
        assert len(skipped) == 2, result.stderr
        assert any("binary.txt" in line for line in skipped)
        assert any("empty.html" in line for line in skipped)
        assert "Traceback" not in result.output
    assert extracted.stdout.count('"article"') == 1  # the good story was processed
    assert ingested.stdout.startswith("added 1, already stored 0, could not read 2")


def test_a_folder_of_only_bad_files_is_one_error_in_both(folder: Path, tmp_path: Path) -> None:
    (folder / "good.txt").unlink()
    for args in (
        ["extract", str(folder)],
        ["ingest", str(folder), "--db", str(tmp_path / "s.duckdb")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert result.stderr.strip().splitlines()[-1] == "error: none of the 2 inputs could be read"


def test_one_bad_input_is_exactly_one_line(folder: Path, tmp_path: Path) -> None:
    (folder / "good.txt").unlink()
    (folder / "empty.html").unlink()
    binary = folder / "binary.txt"
    for args in (
        ["extract", str(folder)],
        ["ingest", str(folder), "--db", str(tmp_path / "s.duckdb")],
        ["ingest", str(binary), "--db", str(tmp_path / "s.duckdb")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        # no empty line either (a progress bar off a terminal used to leave one)
        assert result.stderr == f"error: {binary}: the input is binary, not text\n"
