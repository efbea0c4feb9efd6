"""Who decides which candidate events stand: the rules, or the learned event filter.

:class:`EventFilter` is the ``event_filter`` setting of the ``tariffscope_events`` component:
``"rules"`` (the default: an event the rules found stands unless every mention of it was
unanchored, :func:`tariffscope.news.events._anchored_one`) or ``"model"`` (the keep/drop model of
:mod:`tariffscope.news._event_filter_model` decides every merged candidate, the rules'
verdict among its features). ``$TARIFFSCOPE_EVENT_FILTER`` and
``$TARIFFSCOPE_EVENT_FILTER_WEIGHTS`` override the setting and the weights file, so that
``tariffscope eval extract`` can score the other setting without a new pipeline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from tariffscope.errors import InputError
from tariffscope.news._binary_logistic import BinaryModel
from tariffscope.news._event_filter_model import shipped_model
from tariffscope.news._event_record import EventRecord
from tariffscope.news._learned_setting import LearnedSetting, Setting

__all__ = ["EVENT_FILTERS", "EventFilter", "choose_in_groups"]

#: The settings of the component's ``event_filter`` (see the module).
EVENT_FILTERS = ("rules", "model")


@dataclass(frozen=True)
class EventFilter(LearnedSetting):
    """Who keeps or drops a story's candidate events (configuration, no per-document state)."""

    SETTING: ClassVar[Setting[BinaryModel]] = Setting(
        "TARIFFSCOPE_EVENT_FILTER",
        "learned event filter",
        BinaryModel.from_dict,
        "event_filter_model.json",
    )

    mode: str = "rules"
    model: BinaryModel | None = None

    @classmethod
    def named(cls, mode: str, model: BinaryModel | None = None) -> EventFilter:
        """The filter of a setting; an unknown setting is bad input."""
        if mode not in EVENT_FILTERS:
            raise InputError(f"event filter {mode!r}: expected one of {EVENT_FILTERS}")
        return cls(mode, model)

    @property
    def learned(self) -> bool:
        """The model decides (the candidates need their features)."""
        return self.mode != "rules"

    def decide(
        self,
        candidates: Sequence[EventRecord],
        rules_keep: Sequence[bool],
        features: Sequence[Mapping[str, float]] | None,
        groups: Sequence[int] | None = None,
    ) -> list[bool]:
        """Which of one story's ``candidates`` stand: the rules' verdicts, or the model's
        over the candidates' ``features``. Candidates of one group (readings of one event
        with other dates) are alternatives: at most one of them, the likeliest, stands."""
        if not self.learned or features is None:
            return list(rules_keep)
        model = self.model if self.model is not None else shipped_model()
        return choose_in_groups(
            [model.probability(row) for row in features],
            list(range(len(features))) if groups is None else groups,
            model.threshold,
        )


def choose_in_groups(
    probabilities: Sequence[float], groups: Sequence[int], threshold: float
) -> list[bool]:
    """Keep the likeliest candidate of each group when it reaches ``threshold`` (the first
    of equals), drop the rest."""
    best: dict[int, int] = {}
    for n, (p, g) in enumerate(zip(probabilities, groups, strict=True)):
        if g not in best or p > probabilities[best[g]]:
            best[g] = n
    chosen = {n for n in best.values() if probabilities[n] >= threshold}
    return [n in chosen for n in range(len(probabilities))]
