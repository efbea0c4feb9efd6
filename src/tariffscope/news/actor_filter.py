"""The ``tariffscope_actor_filter`` component: who of the rules' actors the story keeps.

The actor rules (:mod:`tariffscope.news.actors`) mark a person an actor from how they are
named; whether the person acts or speaks shows only once the quotes and events are read. This
component runs last and, under the setting ``"model"`` (the default), drops a rules' actor
the learned filter (:mod:`tariffscope.news._actor_filter_model`) gives a probability below
its threshold, and one named only as a modifier of a noun ("the X administration", round
11). Under ``"rules"`` it changes nothing. The measures and events read the
rules' actors before it runs, so the filter changes the story's list of actors only.

A quote's speaker (or the person it is relayed through) is always kept: the guidelines count
everyone who speaks in the story as an actor, and a speaker who is not an actor would leave a
quote attributed to nobody the story lists. The filter drops; it never adds a person the
rules left out. The setting is the component's ``actor_filter`` (and ``actor_filter_weights``,
a weights file; empty: the shipped one); ``$TARIFFSCOPE_ACTOR_FILTER`` and
``$TARIFFSCOPE_ACTOR_FILTER_WEIGHTS`` override both (for ``tariffscope eval extract``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from tariffscope.errors import InputError
from tariffscope.news._actor_filter_model import (
    actor_context,
    candidate_features,
    shipped_model,
)
from tariffscope.news._binary_logistic import BinaryModel
from tariffscope.news._component import LexiconComponent
from tariffscope.news._learned_setting import LearnedSetting, Setting
from tariffscope.news._persons import layout
from tariffscope.news.lexicon import Lexicon

__all__ = [
    "ACTOR_FILTERS",
    "ActorFilter",
    "ActorFilterComponent",
    "make_actor_filter",
    "named_only_as_modifier",
]

#: The settings of the component's ``actor_filter``.
ACTOR_FILTERS = ("rules", "model")


@dataclass(frozen=True)
class ActorFilter(LearnedSetting):
    """Who decides whether a rules' actor stays (configuration, no per-document state)."""

    SETTING: ClassVar[Setting[BinaryModel]] = Setting(
        "TARIFFSCOPE_ACTOR_FILTER",
        "learned actor filter",
        BinaryModel.from_dict,
        "actor_filter_model.json",
    )

    mode: str = "rules"
    model: BinaryModel | None = None

    @classmethod
    def named(cls, mode: str, model: BinaryModel | None = None) -> ActorFilter:
        """The filter of a setting; an unknown setting is bad input."""
        if mode not in ACTOR_FILTERS:
            raise InputError(f"actor filter {mode!r}: expected one of {ACTOR_FILTERS}")
        return cls(mode, model)

    @property
    def learned(self) -> bool:
        """The model takes part."""
        return self.mode == "model"

    def keeps(self, features: Mapping[str, float]) -> bool:
        """Whether a rules' actor with these features stays (a speaker always does)."""
        if not self.learned or features.get("speaker"):
            return True
        model = self.model if self.model is not None else shipped_model()
        return model.keep(features)

    def apply(self, doc: Doc, lexicon: Lexicon) -> None:
        """Clear the ``actor`` flag of the persons of ``doc`` the filter drops."""
        if not self.learned:
            return
        persons: list[dict[str, Any]] = doc._.tariffscope_persons or []
        ctx = actor_context(doc, lexicon)
        credits = layout(doc)[0]
        for person in persons:
            if not person.get("actor"):
                continue
            features = candidate_features(person, ctx)
            modifier = not features.get("speaker") and named_only_as_modifier(doc, person, credits)
            if modifier or not self.keeps(features):
                person["actor"] = False


def named_only_as_modifier(
    doc: Doc, person: Mapping[str, Any], credits: Sequence[tuple[int, int]]
) -> bool:
    """Every mention of the person outside credit lines names them only as a modifier of a
    noun after it ("the X administration", "X tariffs"): the story names a body or a measure
    after the person, it does not show them acting (institutions are not actors)."""
    seen = False
    for start, end in person.get("mentions") or ():
        if any(s <= start and end <= e for s, e in credits):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        last = span[-1]
        if last.dep_ != "compound" or last.head.pos_ != "NOUN" or last.head.i < span.end:
            return False
        seen = True
    return seen


class ActorFilterComponent(LexiconComponent):
    """Apply the actor filter (rewrites ``actor`` in ``doc._.tariffscope_persons``)."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        lexicon: Lexicon | None = None,
        actor_filter: str = "model",
        actor_filter_weights: str = "",
    ) -> None:
        self._settings = (actor_filter, actor_filter_weights)
        super().__init__(nlp, name, lexicon)

    def loaded(self) -> None:
        """The actor filter with the weights of this component's rule book (unless a weights
        file is configured)."""
        mode, weights = self._settings
        self.actor_filter = ActorFilter.configured(mode, weights, book=self.lexicon.rules)

    def annotate(self, doc: Doc) -> None:
        """Drop the actors the filter does not keep."""
        self.actor_filter.apply(doc, self.lexicon)


@Language.factory(
    "tariffscope_actor_filter",
    assigns=["doc._.tariffscope_persons"],
    requires=["doc._.tariffscope_persons", "doc._.tariffscope_quotes", "doc._.tariffscope_events"],
    default_config={
        "lexicon": {"@misc": "tariffscope.lexicon.v1"},
        "actor_filter": "model",
        "actor_filter_weights": "",
    },
)
def make_actor_filter(
    nlp: Language, name: str, lexicon: Lexicon, actor_filter: str, actor_filter_weights: str
) -> ActorFilterComponent:
    """Factory of ``tariffscope_actor_filter``: ``actor_filter`` one of
    :data:`ACTOR_FILTERS` (default ``"model"``: docs/extraction.md, round 10),
    ``actor_filter_weights`` a weights file (empty: the shipped one);
    ``$TARIFFSCOPE_ACTOR_FILTER`` and ``$TARIFFSCOPE_ACTOR_FILTER_WEIGHTS`` override both."""
    return ActorFilterComponent(nlp, name, lexicon, actor_filter, actor_filter_weights)
