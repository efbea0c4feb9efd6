"""The "story" target chooser: the learned model only where the rules read a rate's target
from the story (:class:`tariffscope.news._measure_target.TargetChooser`, round 10).

The unit tests use synthetic candidates and weights (named so); the stories of the model
tests (marked ``slow``: the parse is the point) were written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language
from tests.news._rate_records import merged_with_steps, raw_rate

from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._measure_target import MODEL_STEPS, TARGET_CHOOSERS, TargetChooser
from tariffscope.news._measure_target_model import (
    FEATURE_NAMES,
    WORLD,
    Candidate,
    RateCandidates,
    TargetModel,
    finish,
)
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.measure_merge import STORY_STEPS
from tariffscope.news.measures import MeasureComponent
from tariffscope.news.pipeline import process

LEX = default_lexicon()

#: Synthetic weights: a mention in the sentence before the rate makes a candidate likely.
SYNTHETIC_WEIGHTS = TargetModel(
    tuple({"previous_sentence": 3.0}.get(name, 0.0) for name in FEATURE_NAMES), 0.5, "ranking"
)


def _row(**values: float) -> tuple[float, ...]:
    return tuple(values.get(name, 0.0) for name in FEATURE_NAMES)


def _synthetic_record(step: str, *, alike: bool = False) -> MeasureRecord:
    """A rate of USA whose candidates are BBB (named in the sentence before, unless ``alike``)
    and CCC; the rules' step is ``step``."""
    found = RateCandidates(
        ("USA", "BBB", "CCC", WORLD),
        (
            _row(bias_country=1),
            _row(bias_country=1, previous_sentence=1),
            _row(bias_country=1, previous_sentence=float(alike)),
            _row(world_bias=1),
        ),
        frozenset(),
        (("USA", 5), ("BBB", 3), ("CCC", 2)),
    )
    return raw_rate(imposer="USA", targets=(), target_step=step, target_candidates=found)


def test_the_story_setting_is_one_of_the_choosers() -> None:
    assert "story" in TARGET_CHOOSERS
    assert {"rules", "model", "fallback"} <= set(TARGET_CHOOSERS)
    assert set(STORY_STEPS) >= MODEL_STEPS
    assert TargetChooser.configured("rules", env={"TARIFFSCOPE_MEASURE_TARGET": "story"}).learned
    # the reader's default (round 10: it ties the rules in CV and on train_B, docs/extraction.md)
    meta = Language.get_factory_meta("tariffscope_measures")
    assert meta.default_config["target_chooser"] == "story"


@pytest.mark.parametrize("step", sorted(MODEL_STEPS))
def test_a_sure_model_chooses_where_the_rules_read_the_story(step: str) -> None:
    chooser = TargetChooser("story", SYNTHETIC_WEIGHTS)
    assert chooser.choose(_synthetic_record(step)) == ["BBB"]


@pytest.mark.parametrize(
    "step", ["direct", "world_phrase", "paragraph", "lone_story", "counted", "sentence_country"]
)
def test_the_rules_keep_a_target_read_near_the_rate(step: str) -> None:
    # the phrase, the frame, the paragraph or the sentence named an owner: the rules' answer
    # stands however sure the model is
    assert TargetChooser("story", SYNTHETIC_WEIGHTS).choose(_synthetic_record(step)) is None
    # ... while the fallback setting hands the sentence's steps to the model
    fallback = TargetChooser("fallback", SYNTHETIC_WEIGHTS).choose(_synthetic_record(step))
    assert fallback == ["BBB"]


def test_between_partners_alike_the_model_abstains() -> None:
    # the model's top two candidates tie: the rules' answer (here none) stands
    record = _synthetic_record("no_partner", alike=True)
    assert TargetChooser("story", SYNTHETIC_WEIGHTS).choose(record) is None
    assert TargetChooser("story", SYNTHETIC_WEIGHTS, margin=0.0).choose(record) is not None


def test_the_margin_is_the_lead_of_the_top_candidate_over_the_next() -> None:
    found = finish(_synthetic_record("no_partner").target_candidates, "USA", [])
    probabilities = dict(
        zip([c.code for c in found], SYNTHETIC_WEIGHTS.probabilities(found), strict=True)
    )
    # the imposer is never a target, so it is no rival either
    expected = probabilities["BBB"] - max(probabilities["CCC"], probabilities[WORLD])
    assert SYNTHETIC_WEIGHTS.margin(found, "USA") == pytest.approx(expected)
    alike = finish(_synthetic_record("no_partner", alike=True).target_candidates, "USA", [])
    assert SYNTHETIC_WEIGHTS.margin(alike, "USA") == pytest.approx(0.0)
    lone = (Candidate("BBB", _row(bias_country=1)),)
    assert SYNTHETIC_WEIGHTS.margin(lone) == 1.0
    assert SYNTHETIC_WEIGHTS.margin((), None) == 0.0


def test_no_partner_named_alike_is_the_storys_top() -> None:
    zero = _row()
    found = RateCandidates(
        ("USA", "BBB", "CCC", WORLD),
        (zero, zero, zero, zero),
        frozenset(),
        (("USA", 6), ("BBB", 4), ("CCC", 4)),
    )
    top = FEATURE_NAMES.index("story_top")
    assert [c.features[top] for c in finish(found, "USA", [])] == [0.0, 0.0, 0.0, 0.0]
    ahead = RateCandidates(found.codes, found.features, frozenset(), (("BBB", 5), ("CCC", 4)))
    assert [c.features[top] for c in finish(ahead, "USA", [])] == [0.0, 1.0, 0.0, 0.0]


@pytest.mark.parametrize(
    ("fields", "counts", "step"),
    [
        ({"targets": ["GHA"]}, {"USA": 6, "GHA": 4}, "direct"),
        ({"world": True}, {"USA": 6, "GHA": 4}, "world_phrase"),
        ({}, {"USA": 6}, "lone_story"),
        ({"counted": True}, {"USA": 6, "GHA": 4, "CIV": 4}, "counted"),
        ({"places": ["CIV"]}, {"USA": 6, "GHA": 4, "CIV": 4}, "sentence_country"),
        ({"sentence_world": True}, {"USA": 6, "GHA": 4, "CIV": 4}, "sentence_world"),
        ({}, {"USA": 6, "GHA": 5, "CIV": 1}, "main_partner"),
        ({}, {"USA": 6, "GHA": 4, "CIV": 4}, "no_partner"),
    ],
)
def test_the_merge_names_the_step_that_read_each_target(
    fields: dict[str, Any], counts: dict[str, int], step: str
) -> None:
    _, steps = merged_with_steps(
        [raw_rate(**fields)], list(counts), None, about_us=True, counts=counts
    )
    assert steps == [step]


def test_a_rate_continuing_its_paragraph_is_labelled_so() -> None:
    raw = [raw_rate(targets=["GHA"]), raw_rate(start=120, end=123, to_rate=25.0)]
    counts = {"USA": 6, "GHA": 4, "CIV": 4}
    _, steps = merged_with_steps(raw, list(counts), None, about_us=True, counts=counts)
    assert steps == ["direct", "paragraph"]


# -- written stories with the shipped weights (the parse is the point) -----------------------

#: A story about two partners, one named a little more often (no main partner for the rules:
#: not twice as often as the other).
_LEAD = (
    "U.S. trade officials met envoys of Peru and Bolivia in Washington on Thursday; "
    "Peru wants lower copper duties and Bolivia wants lower tin duties."
)


def _measures(nlp: Language, lead: str, body: str, chooser: str) -> set[tuple[str, str, float]]:
    article = article_from_text(f"published: 2025-10-03\n\n{lead}\n\n{body}\n")
    doc = process(article, nlp)
    component = MeasureComponent(nlp, "story_measures", LEX)
    component.target_chooser = TargetChooser(chooser)  # the environment does not choose here
    component(doc)
    return {(m["imposer"], m["target"], m["to_rate"]) for m in doc._.tariffscope_measures}


@pytest.mark.slow
def test_a_rate_naming_no_owner_takes_the_models_partner_from_the_story(nlp: Language) -> None:
    body = (
        "Peruvian copper exporters asked Washington for relief on Tuesday. "
        "The tariff of 18% could be lowered later, officials said."
    )
    # the rules see two partners alike and give no measure; the model reads the sentence before
    assert _measures(nlp, _LEAD, body, "rules") == set()
    assert _measures(nlp, _LEAD, body, "story") == {("USA", "PER", 18.0)}


@pytest.mark.slow
def test_a_rate_whose_sentence_names_a_country_keeps_the_rules_choice(nlp: Language) -> None:
    body = (
        "Peruvian copper exporters asked Washington for relief on Tuesday. "
        "Bolivian farmers said the 18% tariff would hurt them."
    )
    assert _measures(nlp, _LEAD, body, "story") == {("USA", "BOL", 18.0)}
    assert _measures(nlp, _LEAD, body, "rules") == {("USA", "BOL", 18.0)}


@pytest.mark.slow
def test_partners_named_alike_get_no_guess(nlp: Language) -> None:
    lead = (
        "U.S. trade officials met envoys of Peru and Bolivia in Washington on Thursday; "
        "Peru and Bolivia want lower copper duties."
    )
    body = "The tariff of 18% could be lowered later, officials said."
    assert _measures(nlp, lead, body, "story") == set()


@pytest.mark.slow
def test_the_story_chooser_is_deterministic(nlp: Language) -> None:
    body = (
        "Peruvian copper exporters asked Washington for relief on Tuesday. "
        "The tariff of 18% could be lowered later, officials said."
    )
    first = _measures(nlp, _LEAD, body, "story")
    assert all(_measures(nlp, _LEAD, body, "story") == first for _ in range(3))


def test_deferred_candidates_are_computed_once_on_first_use_and_shared_by_copies() -> None:
    import copy

    from tariffscope.news._measure_target_model import DeferredCandidates, resolved

    calls: list[int] = []
    found = _synthetic_record("no_partner").target_candidates

    def compute():  # type: ignore[no-untyped-def]
        calls.append(1)
        return found

    deferred = DeferredCandidates(compute)
    record = raw_rate(target_candidates=deferred)
    assert calls == []  # nothing computed while no chooser asks
    assert copy.deepcopy(record).target_candidates is deferred
    assert resolved(deferred) is found and resolved(deferred) is found and calls == [1]
    assert resolved(found) is found and resolved(None) is None
