"""The learned event proposer (:mod:`tariffscope.news._event_proposer`): its setting, its
weights saved with the pipeline, and the rule that it adds nothing where the rules already
found an event of the kind in the sentence. The sentences were written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from tariffscope.errors import InputError
from tariffscope.news._binary_logistic import BinaryModel
from tariffscope.news._event_proposer import (
    EVENT_PROPOSERS,
    FEATURES,
    PROPOSED_KINDS,
    EventProposer,
    ProposerModel,
    covered_kinds,
    shipped_proposer,
)
from tariffscope.news._event_record import EventRecord
from tariffscope.news.events import EventComponent
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.pipeline import process
from tariffscope.news.rulebook import shipped_rulebook

LEX = default_lexicon()

_STORY = (
    "published: 2025-03-03\n\n"
    "Kenyan trade minister Rebecca Miano met Peruvian Foreign Minister Elmer Schialer in "
    "Nairobi on Tuesday.\n\n"
    "Both sides said more work was needed on farm goods, according to a statement."
)


def _always(kinds: tuple[str, ...] = PROPOSED_KINDS) -> ProposerModel:
    """A model that finds every kind of ``kinds`` in every sentence, planned never."""
    sure = BinaryModel({"bias": 20.0}, 0.5)
    return ProposerModel({k: sure for k in kinds}, BinaryModel({"bias": -20.0}, 0.5))


def test_the_feature_table_is_data_with_a_reason_per_feature() -> None:
    names = [name for name, _ in FEATURES]
    assert len(names) == len(set(names))
    assert all(reason.strip() for _, reason in FEATURES)


def test_the_setting_round_trips_and_a_bad_one_is_bad_input(tmp_path: Path) -> None:
    assert EVENT_PROPOSERS == ("off", "model")
    assert not EventProposer.configured("off", env={}).active
    assert EventProposer.configured("off", env={"TARIFFSCOPE_EVENT_PROPOSER": "model"}).active
    with pytest.raises(InputError, match="event proposer 'sometimes'"):
        EventProposer.configured("sometimes", env={})
    weights = tmp_path / "weights.json"
    weights.write_text(json.dumps(_always(("talks",)).to_dict()), encoding="utf-8")
    loaded = EventProposer.configured("model", str(weights), env={})
    assert loaded.model == _always(("talks",))
    weights.write_text(json.dumps({"kinds": {"picnic": {"weights": {}}}}), encoding="utf-8")
    with pytest.raises(InputError, match="not a learned event proposer weights file"):
        EventProposer.configured("model", str(weights), env={})


def test_the_component_is_off_by_default() -> None:
    component = EventComponent(spacy.blank("en"), "events", LEX)
    assert not component.event_proposer.active


def test_the_shipped_weights_name_known_features_and_kinds() -> None:
    model = shipped_proposer()
    families = {name.rstrip("=") for name, _ in FEATURES} | {"bias"}
    assert set(model.kinds) <= set(PROPOSED_KINDS)
    for each in [*model.kinds.values(), model.planned]:
        assert all(name.split("=")[0] in families for name in each.weights)


def test_the_saved_weights_reload_and_give_the_same_predictions(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tariffscope_events")
    data = json.loads(shipped_rulebook().text("event_proposer_model.json"))
    data["kinds"]["visit"] = {"threshold": 0.25, "weights": {"bias": -1.0, "lemma=trip": 2.5}}
    nlp.to_disk(tmp_path / "pipe")
    saved = tmp_path / "pipe" / "tariffscope_events" / "event_proposer_model.json"
    saved.write_text(json.dumps(data), "utf-8")
    loaded = spacy.load(tmp_path / "pipe").get_pipe("tariffscope_events")
    model = loaded.event_proposer.model
    assert model is not None
    assert model == ProposerModel.from_dict(data)
    row = {"lemma=trip": 1.0, "clause_ahead": 1.0}
    assert model.probabilities(row) == ProposerModel.from_dict(data).probabilities(row)
    assert model.proposed(row, frozenset()) == ["visit"]
    assert shipped_proposer().kinds.get("visit") != model.kinds["visit"]


def test_covered_kinds_are_those_with_a_mention_in_the_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("They met on Monday. Talks follow. A deal was signed.")
    first, second, _ = doc.sents
    events = [
        EventRecord("meeting", tokens=(1,)),
        EventRecord("agreement", tokens=(9, 2)),  # merged: a mention in each sentence
        EventRecord("talks", tokens=(5,)),
    ]
    assert covered_kinds(first, events) == {"meeting", "agreement"}
    assert covered_kinds(second, events) == {"talks"}


def _read(nlp: Language, proposer: EventProposer) -> list[dict[str, object]]:
    doc = process(article_from_text(_STORY), nlp)
    component = EventComponent(nlp, "proposing_events", LEX)
    component.event_proposer = proposer
    component(doc)
    return list(doc._.tariffscope_events)


@pytest.mark.slow
def test_the_proposer_adds_nothing_where_the_rules_cover_the_kind(nlp: Language) -> None:
    rules = _read(nlp, EventProposer("off"))
    assert [e["kind"] for e in rules] == ["meeting"]
    events = _read(nlp, EventProposer("model", _always()))
    assert events[: len(rules)] == rules
    added = events[len(rules) :]
    first = rules[0]["start"]
    in_first = sorted(e["kind"] for e in added if e["start"] == first)
    assert in_first == sorted(set(PROPOSED_KINDS) - {"meeting"})
    later = [e for e in added if e["start"] != first]
    assert "meeting" in {e["kind"] for e in later}
    talks = next(e for e in added if e["start"] == first and e["kind"] == "talks")
    assert talks["rule"] == "proposer.talks"
    assert talks["status"] == "happened"
    assert talks["date"] == "2025-02-25"  # the date the temporal layer gives the root


@pytest.mark.slow
def test_the_proposer_adds_only_the_kinds_its_models_find(nlp: Language) -> None:
    events = _read(nlp, EventProposer("model", _always(("election",))))
    added = [e for e in events if str(e["rule"]).startswith("proposer.")]
    assert {e["kind"] for e in added} == {"election"}
