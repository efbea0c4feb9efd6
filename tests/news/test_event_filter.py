"""The learned event filter (:mod:`tariffscope.news._event_filter_model`) and its setting
(:class:`tariffscope.news._event_filter.EventFilter`).

The fitting tests use small synthetic feature rows (named so); the feature tests use a blank
pipeline (the parse is not the point); the sentences of the shipped-weights tests (marked
``slow``: the parse is the point) were written for these tests, one per class of candidate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tariffscope.errors import InputError
from tariffscope.news._binary_logistic import BinaryModel, fit
from tariffscope.news._event_filter import EVENT_FILTERS, EventFilter, choose_in_groups
from tariffscope.news._event_filter_model import (
    FEATURES,
    TRIGGER_CLASSES,
    date_variants,
    event_features,
    shipped_model,
    story_events,
)
from tariffscope.news._event_record import EventRecord
from tariffscope.news.events import EventComponent
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.pipeline import process
from tariffscope.news.temporal import TimeIndex, TimeRecord

LEX = default_lexicon()
PUBLISHED = dt.date(2025, 3, 3)


def _synthetic_set() -> tuple[list[dict[str, float]], list[bool]]:
    """Synthetic candidates: the rules' verdict is right four times in five, a dated
    candidate is right more often than an undated one, a vetoed one never."""
    rows: list[dict[str, float]] = []
    labels: list[bool] = []
    for k in range(20):
        rows.append({"rules_keep": 1.0, "dated": float(k % 2)})
        labels.append(k % 5 != 0)
        rows.append({"veto=hypothetical": 1.0, "dated": float(k % 3 == 0)})
        labels.append(False)
    return rows, labels


def test_the_feature_table_is_data_with_a_reason_per_feature() -> None:
    names = [name for name, _ in FEATURES]
    assert len(names) == len(set(names))
    assert all(reason.strip() for _, reason in FEATURES)
    assert all(name in LEX.word_sets for name in TRIGGER_CLASSES)


def test_training_on_a_synthetic_set_is_deterministic_and_learns_the_signal() -> None:
    rows, labels = _synthetic_set()
    model = fit(rows, labels, l2=1.0)
    assert fit(rows, labels, l2=1.0) == model
    assert BinaryModel.from_dict(json.loads(json.dumps(model.to_dict()))) == model
    assert model.keep({"rules_keep": 1.0, "dated": 1.0})
    assert not model.keep({"veto=hypothetical": 1.0})


def test_one_reading_of_an_event_stands_at_most() -> None:
    # groups: 0 has an event and two readings of its date; 1 one event; 2 one weak event
    kept = choose_in_groups([0.6, 0.8, 0.3, 0.55, 0.2], [0, 0, 0, 1, 2], 0.5)
    assert kept == [False, True, False, True, False]
    assert choose_in_groups([0.7, 0.7], [0, 0], 0.5) == [True, False]  # the first of equals


def test_the_rules_setting_keeps_the_rules_verdicts() -> None:
    rows = [{"veto=hypothetical": 1.0}, {"rules_keep": 1.0}]
    two = [EventRecord("meeting"), EventRecord("call")]
    assert EventFilter("rules").decide(two, [True, False], rows) == [True, False]
    model = BinaryModel({"bias": -2.0, "rules_keep": 4.0}, 0.5)
    assert EventFilter("model", model).decide(two, [True, False], rows) == [False, True]


def test_the_setting_round_trips_and_a_bad_one_is_bad_input(tmp_path: Path) -> None:
    assert EVENT_FILTERS == ("rules", "model")
    for mode in EVENT_FILTERS:
        assert EventFilter.named(mode).mode == mode
        assert EventFilter.configured(mode, env={}).learned == (mode == "model")
    overridden = EventFilter.configured("rules", env={"TARIFFSCOPE_EVENT_FILTER": "model"})
    assert overridden.learned
    with pytest.raises(InputError, match="event filter 'sometimes'"):
        EventFilter.named("sometimes")
    with pytest.raises(InputError, match="event filter 'sometimes'"):
        EventFilter.configured("rules", env={"TARIFFSCOPE_EVENT_FILTER": "sometimes"})
    weights = tmp_path / "weights.json"
    weights.write_text(json.dumps(BinaryModel({"bias": 1.0}, 0.4).to_dict()), encoding="utf-8")
    loaded = EventFilter.configured("model", str(weights), env={})
    assert loaded.model == BinaryModel({"bias": 1.0}, 0.4)
    weights.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="not a learned event filter weights file"):
        EventFilter.configured("model", str(weights), env={})


def test_the_component_rejects_a_bad_setting() -> None:
    with pytest.raises(InputError, match="event filter"):
        EventComponent(spacy.blank("en"), "events", LEX, event_filter="always")


def test_the_shipped_weights_load_and_name_known_features() -> None:
    model = shipped_model()
    families = {name.rstrip("=") for name, _ in FEATURES} | {"bias"}
    assert 0.0 < model.threshold < 1.0
    assert all(name.split("=")[0] in families for name in model.weights)
    assert model.weights.get("rules_keep", 0.0) > 0.0


# -- features over a blank pipeline ------------------------------------------------------------


def _doc(text: str) -> Doc:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def _record(doc: Doc, word: str, date: dt.date | None, precision: str | None) -> TimeRecord:
    start = doc.text.index(word)
    return TimeRecord(
        start=start,
        end=start + len(word),
        text=word,
        kind="weekday",
        date=date,
        precision=precision,
        role="on",
        direction=-1,
        preposition="on",
        modifier=None,
    )


def _event(
    doc: Doc,
    trigger: str,
    kind: str = "meeting",
    rule: str = "meeting.verb",
    date: str | None = None,
    date_precision: str | None = None,
    date_text: str | None = None,
) -> EventRecord:
    token = next(t for t in doc if t.text == trigger)
    return EventRecord(
        kind=kind,
        participants=("Ana Ruiz", "Ben Okafor"),
        date=date,
        date_precision=date_precision,
        date_text=date_text,
        status="happened",
        start=token.sent.start_char,
        end=token.sent.end_char,
        trigger=token.text,
        rule=rule,
        tokens=(token.i,),
    )


def _features(
    doc: Doc, events: Sequence[EventRecord], keep: Sequence[bool]
) -> list[dict[str, float]]:
    people: Mapping[str, str | None] = {"Ana Ruiz": "PER", "Ben Okafor": "KEN"}
    story = story_events(doc, events, keep, PUBLISHED, ["KEN", "PER"], people, [(0, 10)])
    return [event_features(e, k, doc, story, LEX) for e, k in zip(events, keep, strict=True)]


def test_the_features_describe_date_participants_and_place_in_the_story() -> None:
    doc = _doc("Ana Ruiz met Ben Okafor on Friday. Later, they talked again.")
    dated = _event(doc, "met", date="2025-02-28", date_precision="day", date_text="Friday")
    undated = _event(doc, "talked", kind="call", rule="call.verb_person")
    first, second = _features(doc, [dated, undated], [True, False])
    assert first["dated"] == 1.0 and first["before_publication"] == 1.0
    assert first["kind=meeting"] == first["rule=meeting.verb"] == 1.0
    assert first["story_pair"] == 1.0 and first["persons"] == 1.0
    assert first["lead"] == 1.0 and first["in_quote"] == 1.0  # words 0-10 are a quote here
    assert first["rules_keep"] == 1.0 and "same_sentence_kept" not in first
    assert "dated" not in second and "rules_keep" not in second
    assert "in_quote" not in second and second["position"] > first["position"]


def test_an_undated_event_is_offered_the_dates_of_its_sentence() -> None:
    doc = _doc("Ana Ruiz met Ben Okafor on Friday after a long week.")
    index = TimeIndex(PUBLISHED, (_record(doc, "Friday", dt.date(2025, 2, 28), "day"),))
    variants = date_variants(_event(doc, "met"), doc, index)
    assert [(v.date, v.variant) for v in variants] == [("2025-02-28", "sentence_date")]
    assert variants[0].variant_before is False
    features = _features(doc, [_event(doc, "met"), *variants], [True, False])[1]
    assert features["variant=sentence_date"] == 1.0 and features["variant_role=on"] == 1.0


def test_a_date_known_to_the_month_is_offered_undated() -> None:
    doc = _doc("Ana Ruiz met Ben Okafor in February.")
    event = _event(doc, "met", date="2025-02-01", date_precision="month", date_text="February")
    variants = date_variants(event, doc, TimeIndex(PUBLISHED, ()))
    assert [(v.date, v.variant) for v in variants] == [(None, "undated")]
    dated = _event(doc, "met", date="2025-02-28", date_precision="day", date_text="Feb. 28")
    assert date_variants(dated, doc, TimeIndex(PUBLISHED, ())) == []


# -- the shipped weights on written sentences (the parse is the point) -------------------------

_STORY = (
    "published: 2025-03-03\n\n"
    "{sentence}\n\n"
    "Both sides said more work was needed on farm goods, according to a statement."
)


@dataclasses.dataclass(frozen=True)
class _Recording(EventFilter):
    """The model's decisions, with every candidate's kind and veto recorded."""

    seen: list[tuple[str, str | None, bool]] = dataclasses.field(default_factory=list)

    def decide(
        self,
        candidates: Sequence[EventRecord],
        rules_keep: Sequence[bool],
        features: Sequence[Mapping[str, float]] | None,
        groups: Sequence[int] | None = None,
    ) -> list[bool]:
        kept = super().decide(candidates, rules_keep, features, groups)
        self.seen[:] = [(c.kind, c.veto, k) for c, k in zip(candidates, kept, strict=True)]
        return kept


def _decisions(nlp: Language, sentence: str) -> list[tuple[str, str | None, bool]]:
    doc = process(article_from_text(_STORY.format(sentence=sentence)), nlp)
    recording = _Recording("model")
    component = EventComponent(nlp, "learned_events", LEX)
    component.event_filter = recording
    component(doc)
    return recording.seen


@pytest.mark.slow
def test_an_undated_possibility_of_a_deal_is_dropped(nlp: Language) -> None:
    seen = _decisions(nlp, "Peru and Chile could strike a good agreement, the minister said.")
    assert ("agreement", "not_an_event", False) in seen
    assert not any(kept for _, _, kept in seen)


@pytest.mark.slow
def test_a_dated_meeting_of_named_people_is_kept(nlp: Language) -> None:
    seen = _decisions(
        nlp,
        "Canada's Prime Minister Mark Carney met Mexican President Claudia Sheinbaum in "
        "Ottawa on Tuesday.",
    )
    assert ("meeting", None, True) in seen
