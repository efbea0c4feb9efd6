"""``eval extract --predicted DIR``: one annotation scored against another (two annotators, or
the reader's saved output), and the one-line errors of a bad folder of predictions."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tariffscope.cli import app

runner = CliRunner()


def _annotation(events: list[dict[str, object]]) -> dict[str, object]:
    return {
        "article": {"title": None, "published": "2025-03-07", "outlet": None, "url": None},
        "actors": [{"name": "Ana Ruiz", "role": "Trade Minister", "country": "ESP"}],
        "events": events,
        "quotes": [],
        "measures": [],
        "deadlines": [{"date": "2025-04-01", "what": "tariff rises"}],
    }


def _event(kind: str, date: str | None, status: str = "happened") -> dict[str, object]:
    return {
        "kind": kind,
        "date": date,
        "date_text": None,
        "place": None,
        "participants": ["Ana Ruiz", "USA"],
        "status": status,
    }


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    # the two annotators agree on the meeting (not on its status) and differ on the other event
    a = _annotation([_event("meeting", "2025-03-05"), _event("visit", None)])
    b = _annotation([_event("meeting", "2025-03-05", "planned"), _event("talks", "2025-03-06")])
    (first / "story.json").write_text(json.dumps(a), encoding="utf-8")
    (second / "story.json").write_text(json.dumps(b), encoding="utf-8")
    return first, second


def test_a_second_annotation_is_scored_against_the_first(tmp_path: Path) -> None:
    first, second = _folders(tmp_path)
    args = ["eval", "extract", "--gold", str(first), "--articles", str(tmp_path)]
    result = runner.invoke(app, [*args, "--predicted", str(second), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    events = data["fields"]["events"]
    assert (events["gold"], events["predicted"], events["matched"]) == (2, 2, 1)
    assert data["attributes"]["events.status"] == {"correct": 0, "total": 1, "accuracy": 0.0}
    assert data["fields"]["deadlines"]["f1"] == 1.0
    same = runner.invoke(app, [*args, "--predictions", str(second), "-f", "json"])
    assert json.loads(same.stdout) == data


def test_a_missing_folder_of_predictions_is_one_line_and_exit_2(tmp_path: Path) -> None:
    first, _ = _folders(tmp_path)
    args = ["eval", "extract", "--gold", str(first), "--articles", str(tmp_path)]
    result = runner.invoke(app, [*args, "--predicted", str(tmp_path / "absent")])
    assert result.exit_code == 2
    assert "not a folder of predictions" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_folder_without_the_gold_file_s_prediction_is_one_line_and_exit_2(
    tmp_path: Path,
) -> None:
    first, _ = _folders(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    args = ["eval", "extract", "--gold", str(first), "--articles", str(tmp_path)]
    result = runner.invoke(app, [*args, "--predicted", str(empty)])
    assert result.exit_code == 2
    assert "no prediction story.json" in result.output
    assert len(result.output.strip().splitlines()) == 1
