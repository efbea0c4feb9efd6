"""A learned proposer of events the rules miss (issue 10, item 6; off by default).

Per sentence of a story, a binary logistic model per event kind of GUIDELINES.md (the shared
:class:`~tariffscope.news._binary_logistic.BinaryModel`) says whether the sentence reports an
event of that kind, and one more model whether the event it reports is planned. Where a
kind's model reaches its threshold and the rules kept no event of that kind with a mention in
the sentence, the events component adds one: the kind and status from the models, the date,
place and participants read at the sentence's root by the rules' own mechanisms (the
temporal layer's attachment, the participant reader; see
:meth:`tariffscope.news.events.EventComponent.annotate`).

The features of a sentence (:data:`FEATURES`) are its content words' lemmas, the lexicon's
trigger word classes, the mood of its root clause, its time expressions against the
publication day, the people and places it names, its place in the story and the kinds of the
rules' events in it. The weights are fitted by ``tools/train_event_proposer.py`` from the gold
events, each placed in the sentence that holds its cues
(:func:`tariffscope.news.sentence_kinds.locate_event`); they ship as
``data/event_proposer_model.json`` in the rule book and are saved with the pipeline.

:class:`EventProposer` is the component's ``event_proposer`` setting (``off``, the default,
or ``model``); ``$TARIFFSCOPE_EVENT_PROPOSER`` and ``$TARIFFSCOPE_EVENT_PROPOSER_WEIGHTS``
override it for ``tariffscope eval extract`` (:mod:`tariffscope.news._learned_setting`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from spacy.tokens import Doc, Span

from tariffscope.errors import InputError
from tariffscope.news._binary_logistic import BinaryModel
from tariffscope.news._event_filter_model import (
    TRIGGER_CLASSES,
    _clause_features,
    _date_features,
)
from tariffscope.news._event_record import EventRecord
from tariffscope.news._learned_setting import LearnedSetting, Setting, book_weights
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.rulebook import RuleBook
from tariffscope.news.sentence_kinds import EVENT_KINDS
from tariffscope.news.temporal import TimeIndex

__all__ = [
    "EVENT_PROPOSERS",
    "FEATURES",
    "PROPOSED_KINDS",
    "EventProposer",
    "ProposerModel",
    "SentenceContext",
    "covered_kinds",
    "sentence_features",
    "shipped_proposer",
]

#: The settings of the events component's ``event_proposer``.
EVENT_PROPOSERS = ("off", "model")
#: The event kinds of GUIDELINES.md the proposer may add.
PROPOSED_KINDS: tuple[str, ...] = EVENT_KINDS
#: The weights file in the rule book.
WEIGHTS_FILE = "event_proposer_model.json"

#: The features of one sentence, each with why it may tell that the sentence reports an
#: event of a kind (a name ending in ``=`` is a family of indicators, one per value).
FEATURES: tuple[tuple[str, str], ...] = (
    ("lemma=", "a noun's or verb's lemma: the words that tell events the trigger rules miss"),
    ("trigger_class=", "a lexicon word class of event triggers holds one of its lemmas"),
    ("trigger_verb", "the sentence's root is a verb"),
    ("clause_ahead", "the root clause looks ahead (future, modal, plan frame)"),
    ("clause_past", "the root clause is in the past"),
    ("negated", "the root verb is negated"),
    ("possibility_modal", "a modal of possibility on the root verb"),
    ("dated", "the date the temporal layer gives the root resolves"),
    ("date_text_only", "a time expression attaches to the root but does not resolve"),
    ("precision=", "that date's precision"),
    ("before_publication", "that date is before the publication day"),
    ("on_publication", "that date is the publication day"),
    ("after_publication", "that date is after the publication day"),
    ("years_away", "whole years between that date and the publication (capped)"),
    ("times", "log of one plus the resolved time expressions of the sentence"),
    ("persons", "log of one plus the people the sentence names or refers to"),
    ("places", "log of one plus the places and nationalities the sentence names"),
    ("in_quote", "the root stands inside a direct quotation"),
    ("lead", "one of the story's first two sentences"),
    ("position", "the sentence's place in the story (0 first, 1 last)"),
    ("rule_kind=", "the rules kept an event of that kind with a mention in the sentence"),
    ("rule_events", "log of one plus the rules' events with a mention in the sentence"),
)

_POS = frozenset({"NOUN", "VERB"})
_MIN_LEMMA = 3
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})


@dataclass(frozen=True)
class ProposerModel:
    """One model per event kind (does the sentence report one?) and the status model (is
    the event it reports planned?)."""

    kinds: Mapping[str, BinaryModel]
    planned: BinaryModel

    def probabilities(self, features: Mapping[str, float]) -> dict[str, float]:
        """The probability of each kind the model knows."""
        return {kind: model.probability(features) for kind, model in self.kinds.items()}

    def proposed(self, features: Mapping[str, float], covered: frozenset[str]) -> list[str]:
        """The kinds the sentence reports by the models, those covered by the rules left out."""
        return [
            kind
            for kind, model in self.kinds.items()
            if kind not in covered and model.keep(features)
        ]

    def status(self, features: Mapping[str, float]) -> str:
        """``planned`` or ``happened``."""
        return "planned" if self.planned.keep(features) else "happened"

    def to_dict(self) -> dict[str, Any]:
        """JSON form: each kind's model and the status model."""
        return {
            "kinds": {k: self.kinds[k].to_dict() for k in sorted(self.kinds)},
            "planned": self.planned.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ProposerModel:
        """Inverse of :meth:`to_dict`; a malformed file or an unknown kind raises ValueError."""
        if not isinstance(data, Mapping) or not isinstance(data.get("kinds"), Mapping):
            raise ValueError("event proposer: no 'kinds' object")
        unknown = set(data["kinds"]) - set(PROPOSED_KINDS)
        if unknown:
            raise ValueError(f"event proposer: unknown kinds {sorted(unknown)}")
        kinds = {str(k): BinaryModel.from_dict(v) for k, v in data["kinds"].items()}
        return cls(kinds, BinaryModel.from_dict(data.get("planned") or {}))


def shipped_proposer(book: RuleBook | None = None) -> ProposerModel:
    """The weights of ``book`` (default: those shipped, ``data/event_proposer_model.json``)."""
    return book_weights(book, WEIGHTS_FILE, ProposerModel.from_dict)


@dataclass(frozen=True)
class EventProposer(LearnedSetting):
    """Whether the learned proposer adds events, and its weights (configuration only)."""

    SETTING: ClassVar[Setting[ProposerModel]] = Setting(
        "TARIFFSCOPE_EVENT_PROPOSER",
        "learned event proposer",
        ProposerModel.from_dict,
        WEIGHTS_FILE,
    )

    mode: str = "off"
    model: ProposerModel | None = None

    @classmethod
    def named(cls, mode: str, model: ProposerModel | None = None) -> EventProposer:
        """The proposer of a setting; an unknown setting is bad input."""
        if mode not in EVENT_PROPOSERS:
            raise InputError(f"event proposer {mode!r}: expected one of {EVENT_PROPOSERS}")
        return cls(mode, model)

    @property
    def active(self) -> bool:
        """The proposer runs (the sentences need their features)."""
        return self.mode != "off"

    def choose(
        self, rows: Sequence[Mapping[str, float]], covered: Sequence[frozenset[str]]
    ) -> list[list[tuple[str, str]]]:
        """Per sentence (its ``rows`` features, the kinds the rules ``covered`` in it), the
        (kind, status) of each event to add."""
        model = self.model if self.model is not None else shipped_proposer()
        out = []
        for row, done in zip(rows, covered, strict=True):
            kinds = model.proposed(row, done)
            status = model.status(row) if kinds else "happened"
            out.append([(kind, status) for kind in kinds])
        return out

    def keep(self, events: list[EventRecord]) -> list[EventRecord]:
        """The proposed events that stand (all; a recorder for the training tool keeps none)."""
        return events


@dataclass(frozen=True)
class SentenceContext:
    """What the features of one story's sentences share."""

    reference: date | None
    quote_spans: tuple[tuple[int, int], ...]
    lead_end: int
    length: int


def covered_kinds(sent: Span, events: Sequence[EventRecord]) -> frozenset[str]:
    """The kinds of the rules' events with a mention (a trigger token) in the sentence."""
    return frozenset(e.kind for e in events if any(sent.start <= t < sent.end for t in e.tokens))


def sentence_features(
    sent: Span,
    when: Mapping[str, Any] | None,
    times: TimeIndex,
    persons: int,
    rule_kinds: Sequence[str],
    story: SentenceContext,
    lex: Lexicon,
) -> dict[str, float]:
    """The features of one sentence: ``when`` is the date record the temporal layer gives
    its root, ``persons`` the people it refers to, ``rule_kinds`` the kinds of the rules'
    events with a mention in it."""
    out: dict[str, float] = {}
    classes = [(name, lex.words(name)) for name in TRIGGER_CLASSES]
    for token in sent:
        if token.pos_ not in _POS or not token.is_alpha or token.ent_type_:
            continue
        lemma = token.lemma_.lower()
        if len(lemma) >= _MIN_LEMMA:
            out[f"lemma={lemma}"] = 1.0
        for name, words in classes:
            if lemma in words:
                out[f"trigger_class={name}"] = 1.0
    root = sent.root
    out.update(_clause_features(root, lex))
    if when is not None:
        event = EventRecord(  # the sentence's time as an event's date
            kind="",
            date=when.get("date"),
            date_precision=when.get("precision"),
            date_text=when.get("text"),
        )
        out.update(_date_features(event, story.reference))
    resolved = [r for r in times.within(sent.start_char, sent.end_char) if r.date is not None]
    out["times"] = math.log1p(len(resolved))
    out["persons"] = math.log1p(persons)
    places = sum(1 for e in sent.ents if e.label_ in _PLACE_LABELS)
    out["places"] = math.log1p(places)
    if any(s <= root.idx < e for s, e in story.quote_spans):
        out["in_quote"] = 1.0
    if sent.start_char < story.lead_end:
        out["lead"] = 1.0
    out["position"] = sent.start_char / story.length
    for kind in set(rule_kinds):
        out[f"rule_kind={kind}"] = 1.0
    out["rule_events"] = math.log1p(len(rule_kinds))
    return out


def sentence_context(
    doc: Doc, reference: date | None, quotes: Sequence[Mapping[str, Any]]
) -> SentenceContext:
    """The story's context of its sentences' features."""
    sentences = list(doc.sents)
    lead = sentences[min(2, len(sentences)) - 1].end_char if sentences else 0
    return SentenceContext(
        reference=reference,
        quote_spans=tuple((int(q["start"]), int(q["end"])) for q in quotes),
        lead_end=lead,
        length=max(len(doc.text), 1),
    )
