"""``eval extract --by-rule`` and the per-rule counts of the scorer, on synthetic records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.domain.news import ArticleMeta, Event, EventKind, Extraction, MeasureMention
from tariffscope.news.scoring import score_corpus

runner = CliRunner()
DAY = dt.date(2025, 3, 7)


def _event(kind: EventKind, who: tuple[str, ...], rule: str | None = None) -> Event:
    return Event(kind, DAY, "day", "on Friday", None, who, "happened", 0, 1, rule=rule)


def _synthetic_pair() -> tuple[Extraction, Extraction]:
    meta = ArticleMeta(published=DAY)
    gold = Extraction(
        meta,
        events=(_event("meeting", ("A", "B")), _event("call", ("A", "C"))),
        measures=(MeasureMention("USA", "CAN", "steel", None, 25.0, None, "threatened", 0, 1),),
    )
    pred = Extraction(
        meta,
        events=(
            _event("meeting", ("A", "B"), "meeting.verb"),
            _event("meeting", ("C", "D"), "meeting.verb"),
            _event("agreement", ("A", "B"), "agreement.noun"),
            _event("call", ("A", "C")),
        ),
        measures=(
            MeasureMention("USA", "CAN", "steel", None, 25.0, None, "threatened", 0, 1, rule="m1"),
        ),
    )
    return gold, pred


def test_each_prediction_counts_for_its_rule() -> None:
    gold, pred = _synthetic_pair()
    report = score_corpus([("a", gold, pred)])
    rows = {(r.field, r.rule): (r.true_positives, r.false_positives) for r in report.rules}
    assert rows == {
        ("events", "meeting.verb"): (1, 1),
        ("events", "agreement.noun"): (0, 1),
        ("events", "-"): (1, 0),
        ("measures", "m1"): (1, 0),
    }
    assert report.field("events").matched == 2


def test_the_rule_id_survives_the_json_of_a_record() -> None:
    _, pred = _synthetic_pair()
    again = Extraction.from_dict(json.loads(pred.to_json()))
    assert [e.rule for e in again.events] == [
        "meeting.verb",
        "meeting.verb",
        "agreement.noun",
        None,
    ]
    assert "rule" not in pred.events[3].to_dict()


def test_eval_by_rule_prints_the_table_and_the_json(tmp_path: Path) -> None:
    gold, pred = _synthetic_pair()
    for folder, record in (("gold", gold), ("pred", pred)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "synthetic.json").write_text(record.to_json(), encoding="utf-8")
    args = ["eval", "extract", "--gold", str(tmp_path / "gold"), "--articles", str(tmp_path)]
    args += ["--predictions", str(tmp_path / "pred"), "--by-rule"]
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    assert "meeting.verb" in table.stdout and "agreement.noun" in table.stdout
    data = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    verb = next(r for r in data["rules"] if r["rule"] == "meeting.verb")
    assert (verb["true_positives"], verb["false_positives"], verb["precision"]) == (1, 1, 0.5)
    plain = json.loads(runner.invoke(app, [*args[:-1], "-f", "json"]).stdout)
    assert "rules" not in plain
