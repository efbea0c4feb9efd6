"""The learned measure-target chooser (:mod:`tariffscope.news._measure_target_model`) and its
setting (:class:`tariffscope.news._measure_target.TargetChooser`).

The fitting tests use small synthetic candidate sets (named so); the stories of the model
tests (marked ``slow``: the parse is the point) were written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from tests.news._rate_records import raw_rate

from tariffscope.errors import InputError
from tariffscope.news._measure_target import TargetChooser
from tariffscope.news._measure_target_model import (
    FEATURE_NAMES,
    FEATURES,
    WORLD,
    Candidate,
    RateCandidates,
    TargetModel,
    finish,
    fit,
    shipped_model,
)
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.measures import MeasureComponent
from tariffscope.news.pipeline import process

LEX = default_lexicon()


def _synthetic(code: str, **values: float) -> Candidate:
    return Candidate(code, tuple(values.get(name, 0.0) for name in FEATURE_NAMES))


def _synthetic_groups() -> tuple[list[tuple[Candidate, ...]], list[set[str]]]:
    """Synthetic rates: the target is the candidate under an on-phrase, or WLD when the
    phrase carries a global marker; the story's most named country is a distractor."""
    groups, labels = [], []
    for k in range(6):
        owner = _synthetic(f"C{k}A", bias_country=1, via_pair_prep=1, same_sentence=1)
        partner = _synthetic(f"C{k}B", bias_country=1, story_top=1, story_share=1)
        world = _synthetic(WORLD, world_bias=1)
        groups.append((owner, partner, world))
        labels.append({owner.code})
        marked = _synthetic(WORLD, world_bias=1, world_marked=1)
        groups.append((partner, marked))
        labels.append({WORLD})
    return groups, labels


def test_the_feature_list_is_data_with_a_reason_per_feature() -> None:
    names = [name for name, _ in FEATURES]
    assert len(names) == len(set(names))
    assert all(reason.strip() for _, reason in FEATURES)


@pytest.mark.parametrize("kind", ["logistic", "ranking"])
def test_fitting_a_synthetic_set_is_deterministic_and_learns_it(kind: str) -> None:
    groups, labels = _synthetic_groups()
    first = fit(groups, labels, kind=kind)
    second = fit(groups, labels, kind=kind)
    assert first.weights == second.weights
    assert first.weights[FEATURE_NAMES.index("via_pair_prep")] > 0
    assert [first.choose(g) for g in groups] == [sorted(y) for y in labels]


def test_the_weights_round_trip_through_json() -> None:
    groups, labels = _synthetic_groups()
    model = fit(groups, labels, kind="ranking", threshold=0.4)
    again = TargetModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again == model


def test_a_second_target_is_kept_only_above_the_threshold() -> None:
    a = _synthetic("AAA", via_pair_prep=1)
    b = _synthetic("BBB", via_pair_prep=1, coordinated=1)
    c = _synthetic("CCC")
    weights = tuple(
        {"via_pair_prep": 2.0, "coordinated": -0.1}.get(name, 0.0) for name in FEATURE_NAMES
    )
    assert TargetModel(weights, 0.5, "ranking").choose([a, b, c]) == ["AAA", "BBB"]
    assert TargetModel(weights, 0.99, "ranking").choose([a, b, c]) == ["AAA"]
    # the imposer is never its own target
    assert TargetModel(weights, 0.99, "ranking").choose([a, b, c], imposer="AAA") == ["BBB"]


def test_finish_reads_the_imposer_and_the_rules_choice_late() -> None:
    zero = tuple(0.0 for _ in FEATURE_NAMES)
    found = RateCandidates(
        ("AAA", "BBB", "CCC", WORLD),
        (zero, zero, zero, zero),
        frozenset({"AAA"}),
        (("AAA", 6), ("BBB", 4), ("CCC", 1)),
    )
    full = {
        c.code: dict(zip(FEATURE_NAMES, c.features, strict=True))
        for c in finish(found, "AAA", ["CCC"])
    }
    assert full["AAA"]["is_imposer"] == 1.0
    assert full["BBB"]["story_top"] == 1.0  # the most named besides the imposer
    assert full["BBB"]["story_share"] == 1.0 and full["CCC"]["story_share"] == 0.25
    assert full["CCC"]["rules_final"] == 1.0 and full["BBB"]["rules_final"] == 0.0
    assert full[WORLD]["world_unnamed"] == 1.0  # the sentence names the imposer only


def test_the_setting_is_checked_and_the_environment_overrides_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="measure target chooser 'sometimes'"):
        TargetChooser.named("sometimes")
    assert not TargetChooser.configured("rules", env={}).learned
    chooser = TargetChooser.configured("rules", env={"TARIFFSCOPE_MEASURE_TARGET": "fallback"})
    assert chooser.mode == "fallback" and chooser.learned
    bad = tmp_path / "weights.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="not a measure target weights file"):
        TargetChooser.configured("model", str(bad), env={})


def test_the_rules_keep_their_targets_when_the_chooser_is_off() -> None:
    record = raw_rate(targets=("AAA",), imposer="USA", target_candidates=None)
    assert TargetChooser("rules").choose(record) is None
    assert TargetChooser("model").choose(record) is None  # no candidates: nothing to choose


def test_the_shipped_weights_load_and_name_every_feature() -> None:
    model = shipped_model()
    assert model.kind in {"logistic", "ranking"}
    assert len(model.weights) == len(FEATURE_NAMES)
    assert any(model.weights)


# -- the shipped weights on written stories (the parse is the point) ---------------------------

_STORY = (
    "published: 2025-03-03\n\n"
    "Canada and the United States resumed talks on Monday.\n\n"
    "Canadian officials said Canada wanted a deal soon, and Ottawa sent its negotiators "
    "to Washington.\n\n"
    "{sentence}\n\n"
    "Canada's prime minister said the talks with the United States would go on."
)


def _targets(nlp: Language, sentence: str) -> set[tuple[str, float]]:
    article = article_from_text(_STORY.format(sentence=sentence))
    doc = process(article, nlp)
    MeasureComponent(nlp, "learned_measures", LEX, target_chooser="model")(doc)
    return {(m["target"], m["to_rate"]) for m in doc._.tariffscope_measures}


@pytest.mark.slow
def test_the_goods_owner_wins_over_the_storys_main_partner(nlp: Language) -> None:
    found = _targets(nlp, "Washington also imposed tariffs of 25% on Mexican goods last week.")
    assert ("MEX", 25.0) in found
    assert ("CAN", 25.0) not in found


@pytest.mark.slow
def test_a_baseline_on_all_countries_is_on_every_origin(nlp: Language) -> None:
    found = _targets(nlp, "The United States kept a 10% baseline tariff on all countries.")
    assert ("WLD", 10.0) in found
    assert ("CAN", 10.0) not in found
