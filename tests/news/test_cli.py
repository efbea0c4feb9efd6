"""``tariffscope extract`` and ``tariffscope eval extract`` through Typer's CliRunner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from tariffscope.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary" * 20, "binary"),
        (
            "Der Ministerpräsident sagte, dass die beiden Nationen ein gutes Abkommen erreichen "
            "können und die Zölle am 1. August steigen werden.".encode(),
            "English",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0] and "article.txt" in lines[0]


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    assert runner.invoke(app, ["extract", str(tmp_path / "nope.txt")]).exit_code == 2
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 2 and "no .txt or .html articles" in result.output


@pytest.mark.slow
@pytest.mark.shared
def test_extract_json_is_valid(seed_path: Path, schema: dict[str, object]) -> None:
    result = runner.invoke(app, ["extract", str(seed_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert data["article"]["published"] == "2025-07-18"


@pytest.mark.slow
@pytest.mark.shared
def test_extract_table_and_stdin(seed_path: Path) -> None:
    table = runner.invoke(app, ["extract", str(seed_path)])
    assert table.exit_code == 0
    assert "Shigeru Ishiba" in table.stdout and "threatened" in table.stdout
    piped = runner.invoke(app, ["extract", "-", "-f", "json"], input=seed_path.read_bytes())
    assert piped.exit_code == 0
    assert json.loads(piped.stdout)["quotes"][1]["via"] == "Shigeru Ishiba"


@pytest.mark.slow
@pytest.mark.shared
def test_batch_folder_and_eval(tmp_path: Path, shared: Path) -> None:
    dev = shared / "articles" / "dev"
    stems = sorted(p.stem for p in dev.glob("*.txt"))[:3]
    articles, gold, out = tmp_path / "articles", tmp_path / "gold", tmp_path / "out"
    articles.mkdir()
    gold.mkdir()
    for stem in stems:  # copies live in tmp_path only, for the duration of the test
        shutil.copy(dev / f"{stem}.txt", articles)
        shutil.copy(dev / "gold" / f"{stem}.json", gold)
    result = runner.invoke(app, ["extract", str(articles), "--jobs", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in out.glob("*.json")) == stems
    scored = runner.invoke(
        app,
        ["eval", "extract", "--gold", str(gold), "--articles", str(articles), "--format", "json"],
    )
    assert scored.exit_code == 0, scored.output
    report = json.loads(scored.stdout)
    assert report["fields"]["quotes"]["gold"] == sum(
        len(json.loads((gold / f"{s}.json").read_text("utf-8"))["quotes"]) for s in stems
    )
    again = runner.invoke(
        app,
        [
            "eval",
            "extract",
            "--gold",
            str(gold),
            "--articles",
            str(articles),
            "--predictions",
            str(out),
            "-f",
            "json",
        ],
    )
    assert json.loads(again.stdout)["fields"] == report["fields"]


def test_eval_needs_gold(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["eval", "extract", "--gold", str(tmp_path), "--articles", str(tmp_path)]
    )
    assert result.exit_code == 2 and "no .json gold files" in result.output
