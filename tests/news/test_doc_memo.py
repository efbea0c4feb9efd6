"""The per-document memo (:mod:`tariffscope.news._doc_memo`), the event component's
per-document context (:mod:`tariffscope.news._event_story`), the measure component's first
step's records (:mod:`tariffscope.news._measure_reading`), and components that hold no
per-document state: blank pipeline where the parse is not the point."""

from __future__ import annotations

import dataclasses

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tariffscope.news._component import LexiconComponent
from tariffscope.news._doc_memo import doc_memo
from tariffscope.news._event_record import EventRecord, OtherDay
from tariffscope.news._event_story import EventStory
from tariffscope.news._measure_reading import MeasureRecord, RateReading, RateScope
from tariffscope.news.measure_merge import MergedMeasure, _bounds_beside_rates, merge_measures


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


#: The shapes of what a component reads or makes of one document: none may stay on it.
_PER_DOCUMENT = (
    Doc,
    Span,
    Token,
    EventStory,
    RateScope,
    RateReading,
    MeasureRecord,
    EventRecord,
    OtherDay,
    MergedMeasure,
)


def _held(value: object, depth: int = 2) -> list[object]:
    """``value`` and, ``depth`` levels down, what its containers hold."""
    out = [value]
    if depth and isinstance(value, dict):
        out += [v for item in value.items() for x in item for v in _held(x, depth - 1)]
    elif depth and isinstance(value, list | tuple | set | frozenset):
        out += [v for x in value for v in _held(x, depth - 1)]
    return out


def test_no_component_holds_a_document_or_its_records(nlp: Language) -> None:
    """After a story, no tariffscope component holds (in an attribute or a container of one) a
    document, a span or token of it, or the per-document records of round 16's shape."""
    nlp("Peru's minister Ana Ruiz said Kenya will cut its 12% tariff on Peruvian copper.")
    for name, pipe in nlp.pipeline:
        if name.startswith("tariffscope_"):
            held = [v for value in vars(pipe).values() for v in _held(value)]
            assert not [v for v in held if isinstance(v, _PER_DOCUMENT)], name


@pytest.mark.parametrize("name", ["tariffscope_events", "tariffscope_measures"])
def test_the_event_and_measure_components_inherit_no_mixins(nlp: Language, name: str) -> None:
    """Round 16: their readers are modules of functions; the component classes inherit only
    the shared base (configuration and serialization)."""
    cls = type(nlp.get_pipe(name))
    own = [c for c in cls.__mro__ if c.__module__.startswith("tariffscope.")]
    assert own == [cls, LexiconComponent]


def test_a_rate_reading_is_frozen_and_gives_the_record_of_the_later_steps() -> None:
    values = {f.name: None for f in dataclasses.fields(RateReading)}
    reading = RateReading(**{**values, "targets": ("PER",), "places": (), "to_rate": 12.0})
    with pytest.raises(dataclasses.FrozenInstanceError):
        reading.targets = ("KEN",)  # type: ignore[misc]
    record = reading.as_record("extract.rate_tariff_noun", bound=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.status = "agreed"  # type: ignore[misc]
    assert (record.targets, record.to_rate, record.rule, record.bound) == (
        ("PER",),
        12.0,
        "extract.rate_tariff_noun",
        True,
    )


def test_the_merge_takes_the_measure_records_and_leaves_them_alone() -> None:
    """Round 17: the merge reads the frozen records themselves (round 16b gave it their
    dicts); it completes new ones, which its target chooser sees with their targets,
    imposer and target step, and the records given stay as they were."""
    values = {f.name: None for f in dataclasses.fields(RateReading)}
    reading = RateReading(
        **{
            **values,
            "rise": False,
            "cut": False,
            "imposer": None,
            "targets": ("PER",),
            "world": False,
            "products": "copper",
            "to_rate": 12.0,
            "status": "in_force",
            "status_rule": "status.in_force_default",
            "start": 10,
            "headline": False,
            "end": 13,
            "sent": 0,
            "paragraph": -1,
        }
    )
    record = reading.as_record("extract.rate_tariff_noun", bound=False)
    seen: list[MeasureRecord] = []
    merged = merge_measures(
        [record], ["USA", "PER"], None, about_us=True, choose_targets=lambda r: seen.append(r)
    )
    assert [(m["imposer"], m["target"], m["to_rate"]) for m in merged] == [("USA", "PER", 12.0)]
    assert [(r.imposer, r.targets, r.target_step) for r in seen] == [("USA", ("PER",), "direct")]
    assert record.imposer is None and record.target_step is None


def test_an_event_record_is_frozen_and_gives_the_components_output() -> None:
    """Round 17: the event component's records are frozen from the description on; its
    output (``doc._.tariffscope_events``) is the dict of each, participants in a list, without
    the fields only its steps read."""
    record = EventRecord(
        "call",
        ("Ana Ruiz", "KEN"),
        date="2025-07-26",
        date_precision="day",
        tokens=(4, 9),
        also=(OtherDay("2025-07-28", "day", "28"),),
        weak=True,
        veto="background",
        variant="undated",
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.place = "Lima"  # type: ignore[misc]
    plain = record.as_dict()
    assert plain["participants"] == ["Ana Ruiz", "KEN"] and plain["date"] == "2025-07-26"
    assert list(plain) == [
        "kind",
        "participants",
        "date",
        "date_precision",
        "date_text",
        "place",
        "status",
        "count",
        "start",
        "end",
        "trigger",
        "rule",
    ]


def test_the_merge_steps_after_the_expansion_return_new_records() -> None:
    """Round 17: from the expansion per target on, the merge's records are frozen and each
    step returns new ones; a bound beside a stated rate on its pair is superseded in the list
    returned, not in the one given."""
    rate = MergedMeasure(
        imposer="KEN",
        target="PER",
        products="copper",
        from_rate=None,
        to_rate=12.0,
        effective_date=None,
        status="in_force",
        status_rule=None,
        from_rule=None,
        start=0,
        end=3,
        sent=0,
        rule="extract.rate_tariff_noun",
    )
    bound = dataclasses.replace(rate, to_rate=40.0, bound=True, start=50, end=53)
    given = [rate, bound]
    out = _bounds_beside_rates(given)
    assert [m.superseded for m in out] == [False, True]
    assert given == [rate, bound] and not bound.superseded
    assert out[1].as_dict()["to_rate"] == 40.0 and "superseded" not in out[1].as_dict()
    with pytest.raises(dataclasses.FrozenInstanceError):
        rate.superseded = True  # type: ignore[misc]
