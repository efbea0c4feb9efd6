"""``tariffscope data build|fetch|status`` through the CLI (no network)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.data import fetch as fetch_module
from tariffscope.data.sources import SOURCES
from tariffscope.data.tables import sha256_file

runner = CliRunner()
HTS_URL = SOURCES["hts_2025_basic_edition"].url


def one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def test_data_group_is_registered() -> None:
    result = runner.invoke(app, ["data", "--help"])
    assert result.exit_code == 0
    for command in ("build", "fetch", "status"):
        assert command in result.stdout


def test_unknown_builder_exits_2_with_one_line() -> None:
    result = runner.invoke(app, ["data", "build", "nope"])
    assert result.exit_code == 2
    assert "unknown builder 'nope'" in one_line_error(result.stderr)


def test_unknown_source_exits_2_with_one_line() -> None:
    result = runner.invoke(app, ["data", "fetch", "nope"])
    assert result.exit_code == 2
    assert "unknown source 'nope'" in one_line_error(result.stderr)


def test_fetch_offline_exits_1_naming_the_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TARIFFSCOPE_DATA_DIR", str(tmp_path))

    def offline(url: str, **kwargs: Any) -> str:
        try:
            raise OSError(-2, "Name or service not known")
        except OSError as error:
            raise requests.ConnectionError(f"cannot reach {url}") from error

    monkeypatch.setattr(fetch_module.pooch, "retrieve", offline)
    result = runner.invoke(app, ["data", "fetch"])
    assert result.exit_code == 1
    line = one_line_error(result.stderr)
    assert HTS_URL in line and "Traceback" not in result.stderr


def test_build_without_any_source_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TARIFFSCOPE_SHARED_DIR", str(tmp_path))
    monkeypatch.setenv("TARIFFSCOPE_DATA_DIR", str(tmp_path / "user"))
    result = runner.invoke(app, ["data", "build", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "tariffscope data fetch hts_2025_basic_edition" in one_line_error(result.stderr)


def test_build_rejects_a_missing_shared_folder(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["data", "build", "--shared", str(tmp_path / "absent"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "absent" in one_line_error(result.stderr)


@pytest.mark.shared
def test_build_writes_and_reports(tmp_path: Path, shared: Path) -> None:
    out = tmp_path / "out"
    args = ["data", "build", "hts_schedule", "--shared", str(shared), "--out", str(out)]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    (report,) = json.loads(result.stdout)
    (output,) = report["outputs"]
    assert Path(output["path"]) == out / "hts_2025_schedule.csv.gz"
    assert output["sha256"] == sha256_file(out / "hts_2025_schedule.csv.gz")
    assert report["sources"][0]["matches"] is True
    table = runner.invoke(app, args)
    assert table.exit_code == 0
    assert "hts_2025_schedule.csv.gz" in table.stdout and "hts_schedule.build.json" in table.stdout


def test_status_lists_tables_and_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TARIFFSCOPE_SHARED_DIR", str(tmp_path))
    monkeypatch.setenv("TARIFFSCOPE_DATA_DIR", str(tmp_path / "user"))
    result = runner.invoke(app, ["data", "status", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    status = json.loads(result.stdout)
    assert {
        "builder": "hts_schedule",
        "file": "hts_2025_schedule.csv.gz",
        "present": True,
        "sources": "hts_2025_basic_edition",
    } in status["tables"]
    # every builder's sources are listed (other builders add their own); none is present here
    assert {"source": "hts_2025_basic_edition", "available": "missing", "path": ""} in status[
        "sources"
    ]
    assert {row["available"] for row in status["sources"]} == {"missing"}
    table = runner.invoke(app, ["data", "status"])
    assert table.exit_code == 0 and "hts_2025_schedule.csv.gz" in table.stdout
