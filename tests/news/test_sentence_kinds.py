"""The sentence-kind classifier: label derivation, training/loading, and the off-by-default flag.

Sentences here are written for the tests (no corpus sentence); training uses a blank pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from tariffscope.errors import InputError
from tariffscope.news.sentence_kinds import (
    EVENT_KINDS,
    GoldEventCues,
    kind_probabilities,
    load_sentence_kinds,
    locate_event,
    sentence_labels,
    train_sentence_kinds,
)
from tariffscope.news.sentence_veto import (
    SENTENCE_KINDS_ENV,
    sentence_kinds_model,
    veto_events,
)

STORY = (
    "Ruritania's trade minister Anna Kovacs said tariffs would fall. "
    "Kovacs met Commerce Secretary Brian Holt in Geneva on Tuesday. "
    "Holt spoke by phone with Kovacs last month about steel."
)


def _sentences(text: str) -> list[tuple[int, int]]:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return [(s.start_char, s.end_char) for s in nlp(text).sents]


def _cue(kind: str, date_text: str | None, people: tuple[str, ...], place: str | None = None):
    return GoldEventCues(kind, date_text, people, place)


def test_an_event_is_located_by_its_date_text_and_participants() -> None:
    sents = _sentences(STORY)
    meeting = _cue("meeting", "on Tuesday", ("Anna Kovacs", "Brian Holt"), "Geneva")
    call = _cue("call", "last month", ("Brian Holt", "Anna Kovacs"))
    assert locate_event(STORY, sents, meeting) == 1
    assert locate_event(STORY, sents, call) == 2


def test_date_text_without_its_preposition_still_locates() -> None:
    sents = _sentences(STORY)
    assert locate_event(STORY, sents, _cue("meeting", "Tuesday", ("Brian Holt",))) == 1


def test_weak_cues_locate_nothing() -> None:
    sents = _sentences(STORY)
    # one participant, no date and no place: every sentence names Kovacs, none is chosen
    assert locate_event(STORY, sents, _cue("visit", None, ("Anna Kovacs",))) is None
    assert locate_event(STORY, sents, _cue("visit", "on Friday", ("Zed Quux",))) is None


def test_sentence_labels_count_located_events() -> None:
    sents = _sentences(STORY)
    labels = sentence_labels(
        STORY,
        sents,
        [
            _cue("meeting", "on Tuesday", ("Anna Kovacs", "Brian Holt"), "Geneva"),
            _cue("talks", "on Tuesday", ("Anna Kovacs", "Brian Holt")),
            _cue("election", "in March", ("Ruritania",)),
        ],
    )
    assert labels.kinds == (frozenset(), frozenset({"meeting", "talks"}), frozenset())
    assert (labels.located, labels.total) == (2, 3)


def test_gold_cues_from_a_gold_record() -> None:
    cue = GoldEventCues.from_gold(
        {"kind": "call", "date_text": "", "participants": ["A B", "USA"], "place": None}
    )
    assert cue == GoldEventCues("call", None, ("A B", "USA"), None)


def test_a_trained_classifier_saves_loads_and_separates_kinds(tmp_path: Path) -> None:
    calls = [f"The {w} minister spoke by phone with her counterpart." for w in ("trade", "new")]
    visits = [f"The {w} minister travelled to the capital for a visit." for w in ("trade", "new")]
    plain = [f"The {w} index rose in early trading." for w in ("price", "stock")]
    examples = (
        [(t, frozenset({"call"})) for t in calls] * 5
        + [(t, frozenset({"visit"})) for t in visits] * 5
        + [(t, frozenset()) for t in plain] * 5
    )
    nlp = train_sentence_kinds(examples, epochs=10)
    nlp.to_disk(tmp_path / "kinds")
    loaded = load_sentence_kinds(tmp_path / "kinds")
    call, visit = kind_probabilities(
        loaded, ["The minister spoke by phone.", "The minister travelled for a visit."]
    )
    assert set(call) == set(EVENT_KINDS)
    assert call["call"] > call["visit"]
    assert visit["visit"] > visit["call"]


def test_loading_a_model_without_the_kinds_fails(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel")
    textcat.add_label("call")
    nlp.initialize()
    nlp.to_disk(tmp_path / "partial")
    with pytest.raises(ValueError, match="lacks labels"):
        load_sentence_kinds(tmp_path / "partial")


def test_training_needs_sentences() -> None:
    with pytest.raises(ValueError, match="no training sentences"):
        train_sentence_kinds([])


def test_veto_drops_events_below_the_threshold() -> None:
    events = [{"kind": "meeting"}, {"kind": "call"}, {"kind": "unknown"}]
    probs = [{"meeting": 0.6}, {"call": 0.01}, {}]
    assert veto_events(events, probs, 0.05) == [{"kind": "meeting"}, {"kind": "unknown"}]
    assert veto_events(events, probs, 0.0) == events


def test_the_flag_is_off_unless_the_variable_names_a_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(SENTENCE_KINDS_ENV, raising=False)
    assert sentence_kinds_model() is None
    monkeypatch.setenv(SENTENCE_KINDS_ENV, str(tmp_path))
    assert sentence_kinds_model() == tmp_path
    monkeypatch.setenv(SENTENCE_KINDS_ENV, str(tmp_path / "absent"))
    with pytest.raises(InputError, match=SENTENCE_KINDS_ENV):
        sentence_kinds_model()


def test_the_veto_component_filters_events_in_a_pipeline(tmp_path: Path) -> None:
    examples = [("They spoke by phone.", frozenset({"call"}))] * 10 + [
        ("Stocks rose.", frozenset())
    ] * 10
    train_sentence_kinds(examples, epochs=10).to_disk(tmp_path / "kinds")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(
        "tariffscope_sentence_veto",
        config={"model_path": str(tmp_path / "kinds"), "threshold": 0.5},
    )
    doc = nlp.make_doc("They spoke by phone. Stocks rose.")
    doc._.tariffscope_events = [
        {"kind": "call", "start": 5, "end": 10},
        {"kind": "call", "start": 21, "end": 27},
    ]
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    assert [e["start"] for e in doc._.tariffscope_events] == [5]
