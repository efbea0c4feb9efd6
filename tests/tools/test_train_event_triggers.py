"""tools/train_event_triggers.py end to end on two stories written for this test (with gold
and trigger files in a temporary folder): the diagnosis counts every gold event once, the
cross-validation and in-sample grids score the rules and the modes, and the weights it
writes load as the events component's trigger model. The numbers mean nothing at this size;
the shapes and the round trip are what is checked."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

from tariffscope.news._event_trigger_model import EventTriggerSetting, TriggerModel

pytestmark = pytest.mark.slow

_STORIES = {
    "1-mini-meeting": (
        "published: 2025-05-02\n\n"
        "The trade ministers of Chile and Kenya met in Lisbon on Thursday.\n\n"
        "After the meeting, they said a deal was close.\n",
        {
            "kind": "meeting",
            "date": "2025-05-01",
            "date_text": "on Thursday",
            "place": "Lisbon",
            "participants": ["CHL", "KEN"],
            "status": "happened",
        },
        [("met", "Chile and Kenya met in Lisbon"), ("meeting", "After the meeting, they")],
    ),
    "2-mini-visit": (
        "published: 2025-06-10\n\n"
        "Peru's trade minister travelled to Nairobi on Monday for a two-day visit.\n\n"
        "Officials said the trip would focus on coffee.\n",
        {
            "kind": "visit",
            "date": "2025-06-09",
            "date_text": "on Monday",
            "place": "Nairobi",
            "participants": ["PER"],
            "status": "happened",
        },
        [("travelled", "trade minister travelled to Nairobi"), ("visit", "a two-day visit")],
    ),
}


def _write(root: Path) -> tuple[Path, Path]:
    corpus, triggers = root / "corpus", root / "triggers"
    (corpus / "gold").mkdir(parents=True)
    (triggers / "corpus").mkdir(parents=True)
    for name, (text, event, mentions) in _STORIES.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        gold = {"events": [event], "measures": [], "deadlines": [], "actors": [], "quotes": []}
        (corpus / "gold" / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")
        entry = {
            "index": 0,
            "kind": event["kind"],
            "mentions": [{"trigger": t, "context": c} for t, c in mentions],
        }
        data = {"story": name, "annotator": "test", "events": [entry]}
        (triggers / "corpus" / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    return corpus, triggers


def test_the_tool_diagnoses_cross_validates_and_writes_loadable_weights(
    tmp_path: Path, repo_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, triggers = _write(tmp_path)
    sys.path.insert(0, str(repo_root / "tools"))
    try:
        tool = importlib.import_module("train_event_triggers")
    finally:
        sys.path.remove(str(repo_root / "tools"))
    out = tmp_path / "weights.json"
    argv = ["--triggers", str(triggers), "--corpus", str(corpus), "--dev", str(tmp_path / "no")]
    argv += ["--folds", "2", "--l2", "1", "--thresholds", "0.5", "--out", str(out)]
    assert tool.main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["stories"] == 2
    assert sum(result["diagnosis"]["gold"].values()) == 2
    assert result["mentions_unmapped"] == 0
    grid = result["cv"]["l2=1.0"]
    assert {"rules", "filter t=0.5", "propose t=0.5", "both filter 0.02 propose 0.5"} <= set(grid)
    assert grid["rules"]["matched/predicted/gold"].endswith("/2")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["provenance"]["stories"] == 2
    model = TriggerModel.from_dict(data)
    assert {"meet", "travel", "visit"} <= model.vocabulary
    loaded = EventTriggerSetting.configured("both", str(out), env={})
    assert loaded.weights == model
    assert tool.main(["--triggers", str(tmp_path / "none"), "--corpus", str(corpus)]) == 2
