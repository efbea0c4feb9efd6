"""The learned event trigger model (:mod:`tariffscope.news._event_trigger_model`): the features
of a token read from a hand-built parse, the setting and its weights saved with the pipeline,
the filter and the proposals, and an event proposed at a trigger token described by the rules'
machinery there. The sentences were written for these tests."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tariffscope.errors import InputError
from tariffscope.news._binary_logistic import BinaryModel
from tariffscope.news._event_record import EventRecord
from tariffscope.news._event_trigger_model import (
    EVENT_TRIGGER_MODES,
    FEATURES,
    EventTriggerSetting,
    SentenceFacts,
    TriggerModel,
    is_candidate,
    same_event,
    shipped_trigger_model,
    token_features,
)
from tariffscope.news.events import EventComponent
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.pipeline import process
from tariffscope.news.rulebook import shipped_rulebook
from tariffscope.news.sentence_kinds import EVENT_KINDS

LEX = default_lexicon()


def _doc() -> Doc:
    """'Officials will hold talks with Peru in Lima on Friday .' parsed by hand."""
    words = [
        "Officials",
        "will",
        "hold",
        "talks",
        "with",
        "Peru",
        "in",
        "Lima",
        "on",
        "Friday",
        ".",
    ]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        lemmas=[
            "official",
            "will",
            "hold",
            "talk",
            "with",
            "Peru",
            "in",
            "Lima",
            "on",
            "Friday",
            ".",
        ],
        pos=[
            "NOUN",
            "AUX",
            "VERB",
            "NOUN",
            "ADP",
            "PROPN",
            "ADP",
            "PROPN",
            "ADP",
            "PROPN",
            "PUNCT",
        ],
        tags=["NNS", "MD", "VB", "NNS", "IN", "NNP", "IN", "NNP", "IN", "NNP", "."],
        heads=[2, 2, 2, 2, 3, 4, 2, 6, 2, 8, 2],
        deps=[
            "nsubj",
            "aux",
            "ROOT",
            "dobj",
            "prep",
            "pobj",
            "prep",
            "pobj",
            "prep",
            "pobj",
            "punct",
        ],
        sent_starts=[True] + [False] * 10,
        ents=["O", "O", "O", "O", "O", "B-GPE", "O", "B-GPE", "O", "B-DATE", "O"],
    )


def test_the_feature_table_is_data_with_a_reason_per_feature() -> None:
    names = [name for name, _ in FEATURES]
    assert len(names) == len(set(names))
    assert all(reason.strip() for _, reason in FEATURES)


def test_a_tokens_features_come_from_its_parse() -> None:
    doc = _doc()
    talks = doc[3]
    row = token_features(talks, "talks", SentenceFacts(), 5, LEX)
    assert row["lemma=talk"] == 1.0
    assert row["pos=NOUN"] == row["dep=dobj"] == row["head=hold"] == 1.0
    assert row["prep=with"] == row["child=prep"] == 1.0
    assert row["trigger_class=event_talks_nouns"] == 1.0
    assert row["rule_kind=talks"] == 1.0 and "no_rule" not in row
    assert row["sent_date"] == row["sent_place"] == 1.0 and "sent_person" not in row
    assert row["clause_ahead"] == 1.0 and "clause_past" not in row
    assert row["lead"] == 1.0
    hold = token_features(doc[2], None, SentenceFacts(), 0, LEX)
    assert hold["no_rule"] == 1.0 and "lead" not in hold
    assert hold["child=nsubj"] == hold["trigger_verb"] == 1.0
    assert is_candidate(talks, frozenset({"talk"}))
    assert not is_candidate(doc[4], frozenset({"with"}))  # a preposition is no trigger


def _model(kind: str, lemma: str) -> TriggerModel:
    """A model sure that ``lemma`` tells ``kind`` and that nothing else tells anything."""
    kinds = {
        k: BinaryModel({"bias": -20.0, f"lemma={lemma}": 40.0 if k == kind else 0.0})
        for k in EVENT_KINDS
    }
    return TriggerModel(kinds, frozenset({lemma}), 0.5, 0.5)


def test_the_setting_round_trips_and_a_bad_one_is_bad_input(tmp_path: Path) -> None:
    assert EVENT_TRIGGER_MODES == ("off", "filter", "propose", "both")
    assert not EventTriggerSetting.configured("off", env={}).active
    env = {"TARIFFSCOPE_EVENT_TRIGGER_MODEL": "filter"}
    assert EventTriggerSetting.configured("off", env=env).mode == "filter"
    with pytest.raises(InputError, match="event trigger model 'often'"):
        EventTriggerSetting.configured("often", env={})
    weights = tmp_path / "weights.json"
    weights.write_text(json.dumps(_model("talks", "talk").to_dict()), encoding="utf-8")
    assert EventTriggerSetting.configured("both", str(weights), env={}).model == _model(
        "talks", "talk"
    )
    weights.write_text(json.dumps({"kinds": {"picnic": {"weights": {}}}}), encoding="utf-8")
    with pytest.raises(InputError, match="not a event trigger model weights file"):
        EventTriggerSetting.configured("both", str(weights), env={})


def test_the_component_is_off_by_default_and_the_shipped_weights_load() -> None:
    component = EventComponent(spacy.blank("en"), "events", LEX)
    assert component.trigger_model.mode == "off"
    model = shipped_trigger_model()
    families = {name.rstrip("=") for name, _ in FEATURES} | {"bias"}
    assert set(model.kinds) <= set(EVENT_KINDS)
    for each in model.kinds.values():
        assert all(name.split("=")[0] in families for name in each.weights)


def test_the_weights_are_saved_with_the_pipeline_and_read_back(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tariffscope_events", config={"event_trigger_model": "propose"})
    data = json.loads(shipped_rulebook().text("event_trigger_model.json"))
    data["kinds"]["visit"] = {"threshold": 0.5, "weights": {"bias": -1.0, "lemma=trip": 2.5}}
    data["vocabulary"] = ["trip"]
    nlp.to_disk(tmp_path / "pipe")
    saved = tmp_path / "pipe" / "tariffscope_events" / "event_trigger_model.json"
    saved.write_text(json.dumps(data), "utf-8")
    loaded = spacy.load(tmp_path / "pipe").get_pipe("tariffscope_events")
    assert loaded.trigger_model.mode == "propose"
    assert loaded.trigger_model.weights == TriggerModel.from_dict(data)
    assert shipped_trigger_model().kinds["visit"] != loaded.trigger_model.weights.kinds["visit"]


def test_the_filter_drops_low_triggers_and_proposals_skip_covered_kinds() -> None:
    model = _model("talks", "talk")
    kept = [EventRecord("talks", tokens=(3,)), EventRecord("meeting", tokens=(7,))]
    probabilities = {3: model.probabilities({"lemma=talk": 1.0}), 7: model.probabilities({})}
    assert EventTriggerSetting("filter", model).filtered(kept, probabilities) == kept[:1]
    assert EventTriggerSetting("propose", model).filtered(kept, probabilities) == kept
    sentence_of = {3: 0, 7: 0, 12: 10}
    probabilities[12] = probabilities[3]
    setting = EventTriggerSetting("both", model)
    assert setting.proposals(kept, probabilities, sentence_of) == [(12, "talks")]
    assert EventTriggerSetting("filter", model).proposals(kept, probabilities, sentence_of) == []


def test_a_proposal_that_repeats_a_standing_event_is_not_added() -> None:
    kept = [EventRecord("meeting", ("KEN", "PER"), "2025-03-04")]
    again = EventRecord("meeting", ("PER",))
    other_day = EventRecord("meeting", ("PER",), "2025-03-09")
    other_people = EventRecord("meeting", ("CHL",), "2025-03-04")
    talks = EventRecord("talks", ("KEN", "PER"), "2025-03-04")
    assert same_event(again, kept[0]) and not same_event(other_day, kept[0])
    assert not same_event(other_people, kept[0]) and not same_event(talks, kept[0])
    built: list[tuple[int, str, EventRecord | None]] = [
        (1, "meeting", again),
        (2, "meeting", other_day),
        (3, "meeting", None),
    ]
    built += [(4, "meeting", dataclasses.replace(other_day)), (5, "talks", talks)]
    added = EventTriggerSetting("propose").added(list(kept), built)
    assert added == [*kept, other_day, talks]


_STORY = (
    "published: 2025-03-03\n\n"
    "Kenyan trade minister Rebecca Miano met Peruvian Foreign Minister Elmer Schialer in "
    "Nairobi on Tuesday.\n\n"
    "Kenya and Peru will hold a summit in Lima on Friday, officials said."
)


def _read(nlp: Language, setting: EventTriggerSetting) -> list[dict[str, object]]:
    doc = process(article_from_text(_STORY), nlp)
    component = EventComponent(nlp, "trigger_events", LEX)
    component.trigger_model = setting
    component(doc)
    return list(doc._.tariffscope_events)


@pytest.mark.slow
def test_a_proposed_event_is_described_at_its_trigger_token(nlp: Language) -> None:
    rules = _read(nlp, EventTriggerSetting("off"))
    assert [e["kind"] for e in rules] == ["meeting"]
    events = _read(nlp, EventTriggerSetting("propose", _model("meeting", "summit")))
    assert events[:1] == rules
    added = events[1:]
    assert [(e["rule"], e["trigger"]) for e in added] == [("model.meeting", "summit")]
    assert added[0]["date"] == "2025-03-07"  # "on Friday": the trigger's own date
    assert added[0]["place"] == "Lima"
    assert added[0]["status"] == "planned"
    assert set(added[0]["participants"]) == {"KEN", "PER"}
    dropped = _read(nlp, EventTriggerSetting("filter", _model("meeting", "summit")))
    assert dropped == []  # "met" scores low for a meeting under this model
