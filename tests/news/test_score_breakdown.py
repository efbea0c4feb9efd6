"""The breakdown of lost matches: each criterion dropped in turn (synthetic records)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.domain.news import ArticleMeta, Event, Extraction, MeasureMention
from tariffscope.news.score_breakdown import ALL_CRITERIA, relaxed_matches

META = ArticleMeta(published=dt.date(2026, 3, 4))


def _event(kind: str, day: int | None, *people: str) -> Event:
    return Event(
        kind,  # type: ignore[arg-type]
        None if day is None else dt.date(2026, 3, day),
        None if day is None else "day",
        None,
        None,
        people,
        "happened",
        0,
        1,
    )


def _measure(target: str, rate: float, products: str, day: int | None) -> MeasureMention:
    return MeasureMention(
        "USA",
        target,
        products,
        None,
        rate,
        None if day is None else dt.date(2026, 4, day),
        "threatened",
        0,
        1,
    )


GOLD = Extraction(
    META,
    events=(
        _event("meeting", 2, "Ana Ruiz", "Tom Hale"),
        _event("call", 1, "Ana Ruiz"),
        _event("talks", None, "PER", "USA"),
    ),
    measures=(_measure("PER", 20, "all goods", 1), _measure("CHL", 50, "copper", None)),
)
PRED = Extraction(
    META,
    events=(
        _event("meeting", 3, "Ana Ruiz", "Tom Hale"),  # a day off
        _event("meeting", 1, "Ana Ruiz"),  # the call read as a meeting
        _event("talks", None, "PER", "USA"),  # right
    ),
    measures=(_measure("PER", 20, "all goods", None), _measure("PER", 50, "copper", None)),
)


def _table() -> dict[tuple[str, str], int]:
    return {(r.field, r.dropped): r.matched for r in relaxed_matches([(GOLD, PRED)])}


def test_each_criterion_dropped_recovers_its_own_misses() -> None:
    table = _table()
    assert table["events", ALL_CRITERIA] == 1
    assert table["events", "date"] == 2
    assert table["events", "kind"] == 2
    assert table["events", "participants"] == 1
    assert table["measures", ALL_CRITERIA] == 0
    assert table["measures", "effective_date"] == 1
    assert table["measures", "target"] == 1
    assert table["measures", "to_rate"] == 0
    assert table["measures", "products"] == 0


def test_eval_breakdown_in_json(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    (gold / "synthetic-story.json").write_text(json.dumps(GOLD.to_dict()), encoding="utf-8")
    (pred / "synthetic-story.json").write_text(json.dumps(PRED.to_dict()), encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "extract",
            "--gold",
            str(gold),
            "--articles",
            str(tmp_path),
            "--predictions",
            str(pred),
            "--breakdown",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    breakdown = json.loads(result.output)["breakdown"]
    assert breakdown["events"] == {ALL_CRITERIA: 1, "kind": 2, "date": 2, "participants": 1}
    assert breakdown["measures"]["effective_date"] == 1
