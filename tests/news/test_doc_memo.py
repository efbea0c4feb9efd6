"""The per-document memo (:mod:`tariffscope.news._doc_memo`) and the event component's
per-document context (:mod:`tariffscope.news._event_story`): blank pipeline, the parse is not
the point."""

from __future__ import annotations

import spacy
from spacy.language import Language

from tariffscope.news._doc_memo import doc_memo
from tariffscope.news._event_story import EventStory


def test_a_value_is_computed_once_per_document_and_dependency() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Ministers from Chile and Ghana met in Accra.")
    calls: list[int] = []

    def words() -> tuple[str, ...]:
        calls.append(1)
        return tuple(t.text for t in doc)

    first, second = object(), object()
    assert doc_memo(doc, "words", words, first) == doc_memo(doc, "words", words, first)
    assert len(calls) == 1
    doc_memo(doc, "words", words, second)  # another lexicon: computed for it
    assert len(calls) == 2


def test_another_document_of_the_same_text_is_read_anew() -> None:
    nlp = spacy.blank("en")
    text = "Peru and Kenya signed a pact."
    one, two = nlp(text), nlp(text)
    assert doc_memo(one, "n", lambda: 1) == 1
    assert doc_memo(two, "n", lambda: 2) == 2  # same words, another document
    assert doc_memo(one, "n", lambda: 3) == 1


def test_the_event_context_is_frozen_and_read_only() -> None:
    story = EventStory.of(
        [{"name": "Ana Ruiz", "country": "PER"}, {"name": "Ben Okoro"}],
        [{"start": 0, "end": 9, "speaker": "Ana Ruiz"}, {"start": 20, "end": 30}],
        [{"imposer": "KEN"}, {"imposer": "PER"}],
    )
    assert dict(story.country_of_name) == {"Ana Ruiz": "PER", "Ben Okoro": None}
    assert story.speakers == ((0, 9, "Ana Ruiz"),)
    assert story.lead_imposer == "KEN"
    try:
        story.country_of_name["Eva Lind"] = "SWE"  # type: ignore[index]
    except TypeError:
        pass
    else:  # pragma: no cover - the mapping must refuse
        raise AssertionError("the context's mapping accepted a write")


def test_the_components_keep_nothing_of_the_document_they_read(nlp: Language) -> None:
    """Issue 10, item 5: after a second story the components hold what they held after the
    first (configuration and caches of their rules), nothing of either story."""

    def state() -> dict[str, dict[str, object]]:
        return {n: dict(vars(p)) for n, p in nlp.pipeline if n.startswith("tariffscope_")}

    nlp("Chile's trade minister Ana Ruiz met Kenya's Ben Okoro in Nairobi on Monday.")
    first = state()
    nlp('"We agreed," Okoro said, after Kenya cut its 12% tariff on Chilean copper.')
    second = state()
    assert first.keys() == second.keys()
    for name, attrs in first.items():
        assert attrs.keys() == second[name].keys(), name
        assert all(attrs[k] is second[name][k] for k in attrs), name
