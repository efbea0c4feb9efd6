"""The learned actor filter (tariffscope.news.actor_filter): its setting, its shipped weights,
and its effect on two classes of written sentences (not from any story).

The sentence tests need the trained model (marked ``slow``): whether a name is a clause's
subject or sits in a prepositional phrase is the parse's to say.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.errors import InputError
from tariffscope.news._actor_filter_model import FEATURES, shipped_model
from tariffscope.news._binary_logistic import BinaryModel, fit
from tariffscope.news.actor_filter import ACTOR_FILTERS, ActorFilter
from tariffscope.news.extraction import doc_to_extraction
from tariffscope.news.ingest import article_from_text
from tariffscope.news.pipeline import process


def test_shipped_weights_load_and_name_only_known_features() -> None:
    model = shipped_model()
    assert 0.0 < model.threshold < 1.0
    assert set(model.weights) - {"bias"} <= set(FEATURES)
    assert BinaryModel.from_dict(model.to_dict()) == model


def test_the_fit_is_deterministic() -> None:
    # synthetic rows: a person named once, in a prepositional phrase, is wrong more often
    rows = [
        {"one_mention": 1.0, "only_oblique": 1.0},
        {"one_mention": 1.0, "only_oblique": 1.0},
        {"one_mention": 1.0, "only_oblique": 0.0, "subject": 1.0},
        {"one_mention": 0.0, "subject": 1.0, "log_mentions": 1.1},
        {"one_mention": 0.0, "speaker": 1.0, "log_mentions": 1.4},
    ]
    labels = [False, False, True, True, True]
    first, second = fit(rows, labels, l2=1.0), fit(rows, labels, l2=1.0)
    assert first == second
    assert first.weights["only_oblique"] < 0 < first.weights["subject"]


@pytest.mark.parametrize("mode", ACTOR_FILTERS)
def test_setting_round_trip(mode: str) -> None:
    chosen = ActorFilter.configured(mode, env={})
    assert chosen.mode == mode
    assert chosen.learned == (mode == "model")


def test_environment_overrides_the_setting() -> None:
    assert ActorFilter.configured("rules", env={"TARIFFSCOPE_ACTOR_FILTER": "model"}).learned


def test_bad_setting_is_input_error() -> None:
    with pytest.raises(InputError, match="actor filter 'learned'"):
        ActorFilter.configured("learned", env={})


def test_bad_weights_file_is_input_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "weights.json"
    path.write_text('{"weights": "none"}', encoding="utf-8")
    with pytest.raises(InputError, match="not a learned actor filter weights file"):
        ActorFilter.configured("model", str(path), env={})


def test_a_speaker_is_always_kept() -> None:
    # a model that drops everyone still keeps a quote's speaker
    drops_all = ActorFilter("model", BinaryModel({"bias": -20.0}, 0.5))
    assert not drops_all.keeps({"one_mention": 1.0})
    assert drops_all.keeps({"one_mention": 1.0, "speaker": 1.0})
    assert ActorFilter("rules", BinaryModel({"bias": -20.0}, 0.5)).keeps({})


_STORY = (
    "published: 2025-03-03\n\n"
    "Brazil and Chile agreed on Monday to cut tariffs on copper wire.\n\n"
    "{sentence}\n\n"
    "The talks will go on next week, officials said."
)


def _actors(nlp: Language, sentence: str, mode: str) -> set[str]:
    component = nlp.get_pipe("tariffscope_actor_filter")
    configured = component.actor_filter
    component.actor_filter = ActorFilter.named(mode)
    try:
        doc = process(article_from_text(_STORY.format(sentence=sentence)), nlp)
    finally:
        component.actor_filter = configured
    return {actor.name for actor in doc_to_extraction(doc).actors}


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        # a name as a modifier of what it names ("the Reagan-era policy" style)
        "The plan revives the Walter Hadley quota of the 1980s.",
        # a name in a prepositional phrase only
        "The scheme is named after Walter Hadley, who designed it in the 1970s.",
    ],
)
def test_a_person_only_mentioned_is_dropped(nlp: Language, sentence: str) -> None:
    assert "Walter Hadley" in _actors(nlp, sentence, "rules")
    assert "Walter Hadley" not in _actors(nlp, sentence, "model")


@pytest.mark.slow
def test_a_person_who_speaks_is_kept(nlp: Language) -> None:
    sentence = "Trade Minister Ana Ferreira said the deal would help exporters."
    assert "Ana Ferreira" in _actors(nlp, sentence, "model")
