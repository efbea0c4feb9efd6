"""The training tools (tools/train_*.py, tools/target_steps.py) run end to end on two dev
stories: cross-validation by story, the weights they write and the reader's loaders reading
those weights back. The tools are not part of the package, so nothing else runs them; a
change to the reader that breaks them (a record that no longer copies, a renamed feature)
fails here. The settings are the smallest (two stories, two folds, one L2 and threshold), so
the numbers mean nothing; the shapes and the round trip are what is checked."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tariffscope.news._actor_filter_model import FEATURES as ACTOR_FEATURES
from tariffscope.news._binary_logistic import BIAS, BinaryModel
from tariffscope.news._event_filter import EventFilter
from tariffscope.news._event_filter_model import FEATURES as EVENT_FEATURES
from tariffscope.news._event_proposer import FEATURES as PROPOSER_FEATURES
from tariffscope.news._event_proposer import EventProposer
from tariffscope.news._measure_status_chooser import STATUS_CHOOSERS, StatusChooser
from tariffscope.news._measure_status_model import FEATURE_NAMES as STATUS_FEATURES
from tariffscope.news._measure_status_model import STATUSES, StatusModel
from tariffscope.news._measure_target import TargetChooser
from tariffscope.news._measure_target_model import FEATURE_NAMES as TARGET_FEATURES
from tariffscope.news._measure_target_model import TargetModel
from tariffscope.news.actor_filter import ActorFilter
from tariffscope.news.pipeline import load_pipeline

pytestmark = pytest.mark.shared

#: Two stories, two folds: each fold fits on one story and scores the other.
QUICK = ("--stories", "2", "--folds", "2")


@pytest.fixture(scope="module")
def tools(repo_root: Path) -> Iterator[Any]:
    """A loader of the tools' modules (tools/ is put on the path, as when run from there)."""
    folder = str(repo_root / "tools")
    sys.path.insert(0, folder)
    try:
        yield lambda name: importlib.import_module(name)
    finally:
        sys.path.remove(folder)


@pytest.fixture(scope="module")
def dev(shared: Path) -> str:
    return str(shared / "articles" / "dev")


def run(tool: ModuleType, argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """The tool's printed result (JSON) after it exits 0."""
    assert tool.main(argv) == 0
    return json.loads(capsys.readouterr().out)


def provenance(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["provenance"]["stories"] == 2
    assert data["provenance"]["trained_on"]
    return data


def pooled_and_folds(cv: dict[str, Any], modes: Any) -> None:
    """The cross-validation's pooled scores and one score per fold, under every mode."""
    assert len(cv["folds"]) == 2
    for scores in (cv["pooled"], *cv["folds"]):
        assert set(scores) == set(modes)


def test_measure_status(tools: Any, dev: str, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "status.json"
    result = run(tools("train_measure_status"), [dev, *QUICK, "--out", str(out)], capsys)
    assert result["stories"] == 2 and result["labelled_rates"] > 0
    pooled_and_folds(result["cv"]["1.0"], STATUS_CHOOSERS)
    provenance(out)
    model = StatusChooser.configured("model", str(out), env={}).model
    assert isinstance(model, StatusModel)
    assert set(model.statuses) <= set(STATUSES)
    assert {len(row) for row in model.weights} == {len(STATUS_FEATURES)}
    assert any(w != 0.0 for row in model.weights for w in row)


def test_measure_target(tools: Any, dev: str, tmp_path: Path, capsys: Any) -> None:
    tool = tools("train_measure_target")
    out = tmp_path / "target.json"
    result = run(tool, [dev, *QUICK, "--out", str(out)], capsys)
    assert result["stories"] == 2 and result["labelled_rates"] > 0
    pooled_and_folds(result["cv"], tool.MODES)
    data = provenance(out)
    assert set(data["weights"]) == set(TARGET_FEATURES)
    model = TargetChooser.configured("model", str(out), env={}).model
    assert isinstance(model, TargetModel)
    assert len(model.weights) == len(TARGET_FEATURES)
    assert any(w != 0.0 for w in model.weights)


def _binary(path: Path, load: Any, known: Any) -> BinaryModel:
    """The weights file read by the reader's loader: a binary model over features that
    ``known`` accepts, some weighing something."""
    provenance(path)
    model = load("model", str(path), env={}).model
    assert isinstance(model, BinaryModel)
    assert all(known(n) for n in model.weights if n != BIAS), sorted(model.weights)
    assert any(w != 0.0 for w in model.weights.values())
    return model


def test_event_filter(tools: Any, dev: str, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "events.json"
    argv = [dev, *QUICK, "--l2", "1.0", "--thresholds", "0.4", "--out", str(out)]
    result = run(tools("train_event_filter"), argv, capsys)
    assert result["stories"] == 2 and result["candidates"] > 0
    assert list(result["cv"]["grid"]) == ["l2=1.0 threshold=0.4"]
    assert result["chosen"] == {"l2": 1.0, "threshold": 0.4}
    # a name ending in "=" is a family of indicators ("kind=" for "kind=meeting", ...)
    names = {n for n, _ in EVENT_FEATURES if not n.endswith("=")}
    families = tuple(n for n, _ in EVENT_FEATURES if n.endswith("="))
    model = _binary(out, EventFilter.configured, lambda n: n in names or n.startswith(families))
    assert model.threshold == 0.4


def test_event_proposer(tools: Any, dev: str, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "proposer.json"
    argv = [dev, *QUICK, "--l2", "1.0", "--thresholds", "0.2", "--out", str(out)]
    result = run(tools("train_event_proposer"), argv, capsys)
    assert result["stories"] == 2
    assert result["labels"]["gold_events"] >= result["labels"]["placed"] > 0
    assert list(result["cv"]["grid"]) == ["l2=1.0 threshold=0.2"]
    data = provenance(out)
    model = EventProposer.configured("model", str(out), env={}).model
    assert model is not None and model.to_dict() == {k: data[k] for k in ("kinds", "planned")}
    families = tuple(n for n, _ in PROPOSER_FEATURES if n.endswith("="))
    names = {n for n, _ in PROPOSER_FEATURES} | {BIAS}
    for each in [*model.kinds.values(), model.planned]:
        assert all(n in names or n.startswith(families) for n in each.weights)
    assert all(m.threshold == 0.2 for m in model.kinds.values())


def test_actor_filter(tools: Any, dev: str, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "actors.json"
    argv = [dev, *QUICK, "--l2", "1.0", "--thresholds", "0.3", "--out", str(out)]
    result = run(tools("train_actor_filter"), argv, capsys)
    assert result["stories"] == 2 and result["candidates"] > 0
    assert result["cv"]["best"]["l2"] == 1.0 and result["cv"]["best"]["threshold"] == 0.3
    assert set(result["cv"]["rules"]) >= {"f1", "precision", "recall", "actors.role"}
    model = _binary(out, ActorFilter.configured, ACTOR_FEATURES.__contains__)
    assert model.threshold == 0.3


def test_target_steps(tools: Any, dev: str, capsys: Any) -> None:
    result = run(tools("target_steps"), [dev, *QUICK], capsys)
    assert result["stories"] == 2
    f1 = result["cv"]["f1"]
    assert {"rules", "fallback", "story@0.0"} <= set(f1)
    assert all(set(v) >= {"precision", "recall", "f1"} for v in f1.values())
    rates = sum(cell["rates"] for cell in result["cv"]["steps"].values())
    assert rates > 0


def test_the_reader_reads_as_before_after_a_tool(tools: Any, dev: str, capsys: Any) -> None:
    """The tools set the cached pipeline's choosers to the rules while they read; they put
    them back, so the reader (and the tests after these) read with their own settings."""
    nlp = load_pipeline()
    measures = nlp.get_pipe("tariffscope_measures")
    before = (
        measures.target_chooser,
        measures.status_chooser,
        nlp.get_pipe("tariffscope_events").event_filter,
        nlp.get_pipe("tariffscope_events").event_proposer,
        nlp.get_pipe("tariffscope_actor_filter").actor_filter,
    )
    run(tools("train_actor_filter"), [dev, "--stories", "1"], capsys)
    after = (
        measures.target_chooser,
        measures.status_chooser,
        nlp.get_pipe("tariffscope_events").event_filter,
        nlp.get_pipe("tariffscope_events").event_proposer,
        nlp.get_pipe("tariffscope_actor_filter").actor_filter,
    )
    assert after == before
