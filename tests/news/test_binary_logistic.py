"""The shared binary logistic model of the reader's learned filters (synthetic rows)."""

from __future__ import annotations

import json

import pytest

from tariffscope.news._binary_logistic import BIAS, BinaryModel, feature_names, fit

# Synthetic: a candidate with a date is right, one without is wrong, one noisy row each way.
SYNTHETIC_ROWS = [{"has_date": 1.0}] * 9 + [{"has_date": 0.0}] * 9 + [{"has_date": 1.0}, {}]
SYNTHETIC_LABELS = [True] * 9 + [False] * 9 + [False, True]


def test_fit_learns_the_sign_and_keeps_by_threshold() -> None:
    model = fit(SYNTHETIC_ROWS, SYNTHETIC_LABELS, l2=0.1)
    assert model.weights["has_date"] > 1.0
    assert model.keep({"has_date": 1.0})
    assert not model.keep({"has_date": 0.0})
    assert 0.0 < model.probability({}) < 0.5 < model.probability({"has_date": 1.0}) < 1.0


def test_fit_is_deterministic_and_round_trips_through_json() -> None:
    first = fit(SYNTHETIC_ROWS, SYNTHETIC_LABELS, threshold=0.4)
    second = fit(SYNTHETIC_ROWS, SYNTHETIC_LABELS, threshold=0.4)
    assert first == second
    back = BinaryModel.from_dict(json.loads(json.dumps(first.to_dict())))
    assert back == first
    assert back.probability({"has_date": 1.0}) == first.probability({"has_date": 1.0})


def test_a_stronger_penalty_shrinks_the_weights() -> None:
    weak = fit(SYNTHETIC_ROWS, SYNTHETIC_LABELS, l2=0.01)
    strong = fit(SYNTHETIC_ROWS, SYNTHETIC_LABELS, l2=100.0)
    assert abs(strong.weights.get("has_date", 0.0)) < abs(weak.weights["has_date"])


def test_extreme_scores_do_not_overflow() -> None:
    model = BinaryModel({BIAS: 0.0, "x": 1.0})
    assert model.probability({"x": 1e6}) == 1.0
    assert model.probability({"x": -1e6}) == 0.0


def test_feature_names_put_the_bias_first() -> None:
    assert feature_names([{"b": 1.0}, {"a": 1.0, BIAS: 1.0}]) == (BIAS, "a", "b")


@pytest.mark.parametrize(
    "data",
    [{"weights": []}, {"weights": {"x": "heavy"}}, {"weights": {}, "threshold": 2}],
)
def test_a_malformed_model_file_raises_value_error(data: dict) -> None:
    with pytest.raises(ValueError, match="binary model"):
        BinaryModel.from_dict(data)


def test_rows_and_labels_must_pair() -> None:
    with pytest.raises(ValueError, match="2 rows but 1 labels"):
        fit([{}, {}], [True])
