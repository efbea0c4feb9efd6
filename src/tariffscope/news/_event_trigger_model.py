"""A learned model of event triggers: which words of a story tell an event, and of what kind
(round 17, issue 10 items 3 and 6; off by default).

Per candidate token (a verb, noun or proper noun whose lemma is in the model's vocabulary, or
the trigger of an event the rules kept), one binary logistic model per event kind of
GUIDELINES.md (one-vs-rest, the shared :class:`~tariffscope.news._binary_logistic.BinaryModel`)
says whether the token is the trigger of an event of that kind. The features of a token
(:data:`FEATURES`) are read from the parse: its lemma, part of speech, tag, dependency, head,
children, the lexicon's trigger word classes, its entity type, the mood of its clause and
whether its sentence names a date, a person or a place. The weights are fitted by
``tools/train_event_triggers.py`` from the trigger files (:mod:`tariffscope.news.trigger_files`:
the words the annotators marked for every gold event); they ship as
``data/event_trigger_model.json`` in the rule book and are saved with the pipeline.

:class:`EventTriggerSetting` is the events component's ``event_trigger_model`` setting:
``off`` (the default), ``filter`` (drop a rule event none of whose trigger tokens reaches the
filter threshold for its kind), ``propose`` (add an event at a token whose best kind reaches
the propose threshold where the rules kept no event of that kind in the sentence, described by
the rules' own machinery at that token: participants, date by the temporal attachment, place,
status) or ``both``. ``$TARIFFSCOPE_EVENT_TRIGGER_MODEL`` and ``..._WEIGHTS`` override it for
``tariffscope eval extract`` (:mod:`tariffscope.news._learned_setting`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from spacy.tokens import Span, Token

from tariffscope.errors import InputError
from tariffscope.news._binary_logistic import BinaryModel
from tariffscope.news._event_filter_model import TRIGGER_CLASSES, _clause_features
from tariffscope.news._event_record import EventRecord
from tariffscope.news._learned_setting import LearnedSetting, Setting, book_weights
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.rulebook import RuleBook
from tariffscope.news.sentence_kinds import EVENT_KINDS

__all__ = [
    "EVENT_TRIGGER_MODES",
    "FEATURES",
    "EventTriggerSetting",
    "TriggerModel",
    "is_candidate",
    "same_event",
    "shipped_trigger_model",
    "token_features",
]

#: The settings of the events component's ``event_trigger_model``.
EVENT_TRIGGER_MODES = ("off", "filter", "propose", "both")
#: The weights file in the rule book.
WEIGHTS_FILE = "event_trigger_model.json"
#: The parts of speech of candidate triggers.
CANDIDATE_POS = frozenset({"VERB", "NOUN", "PROPN"})

#: The features of one candidate token, each with why it may tell a trigger of a kind (a name
#: ending in ``=`` is a family of indicators, one per value).
FEATURES: tuple[tuple[str, str], ...] = (
    ("lemma=", "the token's lemma: the words that tell events"),
    ("pos=", "its part of speech: an act told (verb) or a thing named (noun, name)"),
    ("tag=", "its fine tag: tense and form (past, present, gerund, plural)"),
    ("dep=", "its dependency: a subject, object or prepositional object names other things"),
    ("head=", "its head's lemma: 'held talks', 'round of talks', 'agreed to'"),
    ("head_dep=", "its head's dependency"),
    ("child=", "the dependency of each child: a subject, object or 'with' phrase of an act"),
    ("prep=", "each preposition on the token: 'with' a partner, 'in' a place, 'on' a day"),
    ("det=", "its determiner: 'the' meeting told before, 'a' deal"),
    ("trigger_class=", "a lexicon word class of event triggers holds its lemma"),
    ("ent=", "the named-entity type it lies in"),
    ("trigger_verb", "the token is a verb"),
    ("clause_ahead", "its clause looks ahead (future, modal, plan frame)"),
    ("clause_past", "its clause is in the past"),
    ("negated", "its clause's verb is negated"),
    ("possibility_modal", "a modal of possibility on its clause's verb"),
    ("sent_date", "its sentence names a date or time"),
    ("sent_person", "its sentence names a person"),
    ("sent_place", "its sentence names a place"),
    ("lead", "one of the story's first two sentences"),
    ("rule_kind=", "a trigger rule names an event of that kind at the token"),
    ("no_rule", "no trigger rule fires at the token"),
)

_PLACES = frozenset({"GPE", "LOC", "NORP"})
_TIMES = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class TriggerModel:
    """One model per event kind over candidate tokens, the lemmas that make a token a
    candidate and the two thresholds (filter, propose)."""

    kinds: Mapping[str, BinaryModel]
    vocabulary: frozenset[str]
    filter_threshold: float = 0.1
    propose_threshold: float = 0.5

    def probabilities(self, features: Mapping[str, float]) -> dict[str, float]:
        """The probability of each kind the model knows."""
        return {kind: model.probability(features) for kind, model in self.kinds.items()}

    def with_thresholds(self, filter_at: float, propose_at: float) -> TriggerModel:
        """The same weights with other thresholds."""
        return TriggerModel(self.kinds, self.vocabulary, filter_at, propose_at)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the thresholds, the vocabulary and each kind's model."""
        return {
            "filter_threshold": self.filter_threshold,
            "propose_threshold": self.propose_threshold,
            "vocabulary": sorted(self.vocabulary),
            "kinds": {k: self.kinds[k].to_dict() for k in sorted(self.kinds)},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TriggerModel:
        """Inverse of :meth:`to_dict`; a malformed file or an unknown kind raises ValueError."""
        if not isinstance(data, Mapping) or not isinstance(data.get("kinds"), Mapping):
            raise ValueError("event trigger model: no 'kinds' object")
        unknown = set(data["kinds"]) - set(EVENT_KINDS)
        if unknown:
            raise ValueError(f"event trigger model: unknown kinds {sorted(unknown)}")
        vocabulary = data.get("vocabulary", [])
        if not isinstance(vocabulary, list):
            raise ValueError("event trigger model: 'vocabulary' is not a list")
        kinds = {str(k): BinaryModel.from_dict(v) for k, v in data["kinds"].items()}
        return cls(
            kinds,
            frozenset(str(v) for v in vocabulary),
            float(data.get("filter_threshold", 0.1)),
            float(data.get("propose_threshold", 0.5)),
        )


def shipped_trigger_model(book: RuleBook | None = None) -> TriggerModel:
    """The weights of ``book`` (default: those shipped, ``data/event_trigger_model.json``)."""
    return book_weights(book, WEIGHTS_FILE, TriggerModel.from_dict)


def is_candidate(token: Token, vocabulary: frozenset[str]) -> bool:
    """A verb, noun or proper noun whose lemma (or word, for a plural the lexicon lists) is
    in ``vocabulary``."""
    return token.pos_ in CANDIDATE_POS and (
        token.lemma_.lower() in vocabulary or token.lower_ in vocabulary
    )


@dataclass
class SentenceFacts:
    """What a sentence names (dates, people, places), read once per sentence."""

    cache: dict[int, tuple[bool, bool, bool]] = field(default_factory=dict)

    def of(self, sent: Span) -> tuple[bool, bool, bool]:
        """(names a date, a person, a place)."""
        found = self.cache.get(sent.start)
        if found is None:
            labels = {e.label_ for e in sent.ents}
            found = (bool(labels & _TIMES), "PERSON" in labels, bool(labels & _PLACES))
            self.cache[sent.start] = found
        return found


def token_features(
    token: Token, rule_kind: str | None, facts: SentenceFacts, lead_end: int, lex: Lexicon
) -> dict[str, float]:
    """The features of one candidate token: ``rule_kind`` is the kind a trigger rule names
    at it (None: no rule fires), ``lead_end`` the token index where the story's third
    sentence starts."""
    lemma = token.lemma_.lower()
    head = token.head
    out = {
        f"lemma={lemma}": 1.0,
        f"pos={token.pos_}": 1.0,
        f"tag={token.tag_}": 1.0,
        f"dep={token.dep_}": 1.0,
        f"head={head.lemma_.lower()}": 1.0,
        f"head_dep={head.dep_}": 1.0,
    }
    for child in token.children:
        out[f"child={child.dep_}"] = 1.0
        if child.dep_ == "prep":
            out[f"prep={child.lower_}"] = 1.0
        elif child.dep_ == "det":
            out[f"det={child.lower_}"] = 1.0
    for name in TRIGGER_CLASSES:  # the classes list lemmas and plural nouns ("talks")
        words = lex.words(name)
        if lemma in words or token.lower_ in words:
            out[f"trigger_class={name}"] = 1.0
    if token.ent_type_:
        out[f"ent={token.ent_type_}"] = 1.0
    out.update(_clause_features(token, lex))
    dated, person, place = facts.of(token.sent)
    if dated:
        out["sent_date"] = 1.0
    if person:
        out["sent_person"] = 1.0
    if place:
        out["sent_place"] = 1.0
    if token.i < lead_end:
        out["lead"] = 1.0
    if rule_kind is None:
        out["no_rule"] = 1.0
    else:
        out[f"rule_kind={rule_kind}"] = 1.0
    return out


@dataclass(frozen=True)
class EventTriggerSetting(LearnedSetting):
    """Whether and how the learned trigger model acts, and its weights (configuration only)."""

    SETTING: ClassVar[Setting[TriggerModel]] = Setting(
        "TARIFFSCOPE_EVENT_TRIGGER_MODEL",
        "event trigger model",
        TriggerModel.from_dict,
        WEIGHTS_FILE,
    )

    mode: str = "off"
    model: TriggerModel | None = None

    @classmethod
    def named(cls, mode: str, model: TriggerModel | None = None) -> EventTriggerSetting:
        """The setting of ``mode``; an unknown mode is bad input."""
        if mode not in EVENT_TRIGGER_MODES:
            raise InputError(f"event trigger model {mode!r}: expected one of {EVENT_TRIGGER_MODES}")
        return cls(mode, model)

    @property
    def active(self) -> bool:
        """The model runs (candidate tokens need their features)."""
        return self.mode != "off"

    @property
    def weights(self) -> TriggerModel:
        """The model's weights (the shipped ones unless configured)."""
        return self.model if self.model is not None else shipped_trigger_model()

    def filtered(
        self, kept: list[EventRecord], probabilities: Mapping[int, Mapping[str, float]]
    ) -> list[EventRecord]:
        """The rule events that stand: all unless the mode filters; then those with a trigger
        token whose probability of the event's kind reaches the filter threshold."""
        if self.mode not in {"filter", "both"}:
            return kept
        at = self.weights.filter_threshold
        return [
            e
            for e in kept
            if any(probabilities.get(t, {}).get(e.kind, 1.0) >= at for t in e.tokens)
        ]

    def proposals(
        self,
        kept: Sequence[EventRecord],
        probabilities: Mapping[int, Mapping[str, float]],
        sentence_of: Mapping[int, int],
    ) -> list[tuple[int, str]]:
        """The (token, kind) of each event to add: a token whose best kind reaches the
        propose threshold where no kept event of that kind has a token in its sentence, one
        per kind and sentence (the most probable)."""
        if self.mode not in {"propose", "both"}:
            return []
        at = self.weights.propose_threshold
        covered = {(sentence_of.get(t), e.kind) for e in kept for t in e.tokens}
        best: dict[tuple[int, str], tuple[float, int]] = {}
        for token, probs in probabilities.items():
            if not probs:
                continue
            kind = max(probs, key=lambda k: probs[k])
            key = (sentence_of[token], kind)
            if probs[kind] < at or key in covered:
                continue
            if key not in best or probs[kind] > best[key][0]:
                best[key] = (probs[kind], token)
        return sorted((token, kind) for (_, kind), (_, token) in best.items())

    def seen(self, token: int, features: Mapping[str, float]) -> None:
        """A candidate token and its features (a recorder for the training tool keeps them)."""

    def added(
        self,
        kept: list[EventRecord],
        built: Sequence[tuple[int, str, EventRecord | None]],
    ) -> list[EventRecord]:
        """The events that stand: the kept rule events and the events the rules' machinery
        built at the proposals (token, kind, event or None where it builds none) that are no
        other mention of a standing event (:func:`same_event`); a recorder for the training
        tool keeps the rule events only."""
        out = list(kept)
        for _, _, event in built:
            if event is not None and not any(same_event(event, e) for e in out):
                out.append(event)
        return out


def same_event(a: EventRecord, b: EventRecord) -> bool:
    """Two records may be mentions of one event: the same kind, no two different dates, and
    shared participants (or one side has none)."""
    if a.kind != b.kind:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    mine, theirs = set(a.participants), set(b.participants)
    return not mine or not theirs or bool(mine & theirs)
