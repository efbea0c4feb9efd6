"""The learned measure status (:mod:`tariffscope.news._measure_status_model`) and its setting
(:class:`tariffscope.news._measure_status_chooser.StatusChooser`).

The fitting tests use small synthetic feature rows (named so); the stories of the shipped-model
tests (marked ``slow``: the parse is the point) were written for these tests.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from spacy.language import Language
from tests.news._rate_records import raw_rate

from tariffscope.errors import InputError
from tariffscope.news._measure_status_chooser import MODEL_RULE, StatusChooser
from tariffscope.news._measure_status_model import (
    CLUE_FIELDS,
    FEATURE_NAMES,
    FEATURES,
    STATUSES,
    StatusModel,
    fit,
    shipped_model,
    with_rules,
)
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.measure_status import StatusClues
from tariffscope.news.measures import MeasureComponent
from tariffscope.news.pipeline import process

LEX = default_lexicon()


def _synthetic(**values: float) -> tuple[float, ...]:
    return tuple(float(values.get(name, 1.0 if name == "bias" else 0.0)) for name in FEATURE_NAMES)


def _synthetic_set() -> tuple[list[tuple[float, ...]], list[str]]:
    """Synthetic rates: a future auxiliary marks a threat, a past effect verb a rate in force,
    a deal word an agreed rate; the rules' status is right half of the time."""
    rows, labels = [], []
    for k in range(8):
        wrong = "in_force" if k % 2 else "threatened"
        rows.append(with_rules(_synthetic(aux_future=1, way_ahead=1), wrong))
        labels.append("threatened")
        rows.append(with_rules(_synthetic(clue_took_effect=1, way_past=1), "in_force"))
        labels.append("in_force")
        rows.append(with_rules(_synthetic(clue_deal_near=1), "agreed" if k % 2 else "in_force"))
        labels.append("agreed")
    return rows, labels


def test_the_feature_list_is_data_with_a_reason_per_feature() -> None:
    names = [name for name, _ in FEATURES]
    assert len(names) == len(set(names))
    assert all(reason.strip() for _, reason in FEATURES)
    # every clue feature reads a field of the rules' clues, every status has a rules feature
    assert set(CLUE_FIELDS) <= {f.name for f in dataclasses.fields(StatusClues)}
    assert {f"rules_{s}" for s in STATUSES} <= set(names)


def test_fitting_a_synthetic_set_is_deterministic_and_learns_it() -> None:
    rows, labels = _synthetic_set()
    first = fit(rows, labels, l2=0.1)
    second = fit(rows, labels, l2=0.1)
    assert first == second
    assert [first.choose(r) for r in rows] == labels
    weights = dict(zip(FEATURE_NAMES, first.weights[STATUSES.index("threatened")], strict=True))
    assert weights["aux_future"] > 0


def test_a_strong_penalty_toward_the_rules_prior_keeps_the_rules_choice() -> None:
    rows, labels = _synthetic_set()
    model = fit(rows, labels, l2=1e6, rules_prior=3.0)
    assert model.choose(with_rules(_synthetic(aux_future=1), "in_force")) == "in_force"
    assert model.choose(with_rules(_synthetic(), "suspended")) == "suspended"


def test_the_weights_round_trip_through_json() -> None:
    rows, labels = _synthetic_set()
    model = fit(rows, labels, l2=0.5, rules_prior=2.0)
    again = StatusModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again == model
    row = rows[0]
    assert again.probabilities(row) == pytest.approx(model.probabilities(row))
    assert sum(model.probabilities(row).values()) == pytest.approx(1.0)


def test_a_weights_file_with_an_unknown_status_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown statuses"):
        StatusModel.from_dict({"statuses": ["maybe"], "weights": {"maybe": {}}})


def test_the_setting_is_checked_and_the_environment_overrides_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="measure status chooser 'sometimes'"):
        StatusChooser.named("sometimes")
    with pytest.raises(InputError, match="measure status chooser 'sometimes'"):
        StatusChooser.configured("rules", env={"TARIFFSCOPE_MEASURE_STATUS": "sometimes"})
    assert not StatusChooser.configured("rules", env={}).learned
    chooser = StatusChooser.configured("rules", env={"TARIFFSCOPE_MEASURE_STATUS": "fallback"})
    assert chooser.mode == "fallback" and chooser.learned
    bad = tmp_path / "weights.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="not a measure status weights file"):
        StatusChooser.configured("model", str(bad), env={})


def test_the_fallback_decides_only_where_the_rules_found_no_frame() -> None:
    rows, labels = _synthetic_set()
    model = fit(rows, labels, l2=0.1)
    features = _synthetic(aux_future=1, way_ahead=1)
    framed = {"status": "in_force", "status_rule": "status.took_effect", "to_rate": 25.0}
    bare = {"status": "in_force", "status_rule": "status.in_force_default", "to_rate": 10.0}
    given = [
        raw_rate(**framed, status_features=features),
        raw_rate(**bare, status_features=features),
        raw_rate(**bare, status_features=None),  # a measure named without a rate: no features
    ]
    records = StatusChooser("fallback", model).apply(given)
    assert [r.status for r in records] == ["in_force", "threatened", "in_force"]
    assert records[1].status_rule == MODEL_RULE
    assert [r.status for r in given] == ["in_force"] * 3  # the records given are left alone
    records = StatusChooser("model", model).apply(records)
    assert [r.status for r in records] == ["threatened", "threatened", "in_force"]
    records = StatusChooser("rules").apply(records)  # chosen again: back to the rules' statuses
    assert [r.status_rule for r in records] == [
        "status.took_effect",
        "status.in_force_default",
        "status.in_force_default",
    ]


def test_the_shipped_weights_load_and_name_every_feature() -> None:
    model = shipped_model()
    assert model.statuses == STATUSES
    assert all(len(row) == len(FEATURE_NAMES) for row in model.weights)
    assert any(any(row) for row in model.weights)


# -- the shipped weights on written stories (the parse is the point) ---------------------------

_STORY = (
    "published: 2025-03-03\n\n"
    "Officials of the two governments met in Geneva on Monday.\n\n"
    "{sentence}\n\n"
    "The talks will go on next week, a spokesperson said."
)


def _statuses(nlp: Language, sentence: str) -> set[tuple[float, str]]:
    article = article_from_text(_STORY.format(sentence=sentence))
    doc = process(article, nlp)
    MeasureComponent(nlp, "learned_status", LEX, status_chooser="model")(doc)
    return {(m["to_rate"], m["status"]) for m in doc._.tariffscope_measures}


@pytest.mark.slow
def test_a_clear_threat_is_threatened(nlp: Language) -> None:
    found = _statuses(
        nlp, "Canada will impose a 30% tariff on Brazilian steel from next month, it said."
    )
    assert found == {(30.0, "threatened")}


@pytest.mark.slow
def test_a_tariff_that_took_effect_is_in_force(nlp: Language) -> None:
    found = _statuses(nlp, "Mexico's 20% tariff on Chilean wine took effect last week.")
    assert found == {(20.0, "in_force")}
