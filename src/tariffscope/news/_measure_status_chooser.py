"""Who decides a measure's status: the rules, the learned model, or the model as a fallback.

:class:`StatusChooser` is the ``status_chooser`` setting of the ``tariffscope_measures``
component: ``"rules"`` (the named rules of :mod:`tariffscope.news.measure_status` and the
story steps after them, the default), ``"model"`` (the learned model of
:mod:`tariffscope.news._measure_status_model` decides every rate it has features for) or
``"fallback"`` (the model decides only where no status rule found a frame and the rate fell
to the default rule). It is applied to the raw rate records after the rules' story steps and
before the mentions are merged, so that the merge sees the chosen status.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar

from tariffscope.errors import InputError
from tariffscope.news._learned_setting import LearnedSetting, Setting
from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._measure_status_model import StatusModel, complete, shipped_model

__all__ = ["MODEL_RULE", "NO_FRAME_RULES", "STATUS_CHOOSERS", "StatusChooser"]

#: The settings of the component's ``status_chooser`` (see the module).
STATUS_CHOOSERS = ("rules", "model", "fallback")

#: The status rules that read no frame of the rate's own clause: where ``"fallback"`` hands
#: the rate to the model (the default, and a deal word merely near the rate).
NO_FRAME_RULES = frozenset({"status.in_force_default", "status.agreed_in_deal"})

#: The ``status_rule`` of a status the model chose.
MODEL_RULE = "status.model"


@dataclass(frozen=True)
class StatusChooser(LearnedSetting):
    """Who decides a rate's status (configuration, no per-document state)."""

    SETTING: ClassVar[Setting[StatusModel]] = Setting(
        "TARIFFSCOPE_MEASURE_STATUS",
        "measure status",
        StatusModel.from_dict,
        "measure_status_model.json",
    )

    mode: str = "rules"
    model: StatusModel | None = None

    @classmethod
    def named(cls, mode: str, model: StatusModel | None = None) -> StatusChooser:
        """The chooser of a setting; an unknown setting is bad input."""
        if mode not in STATUS_CHOOSERS:
            raise InputError(f"measure status chooser {mode!r}: expected one of {STATUS_CHOOSERS}")
        return cls(mode, model)

    @property
    def learned(self) -> bool:
        """The model takes part (the rates need their features)."""
        return self.mode != "rules"

    def choose(self, record: MeasureRecord, features: Sequence[float] | None) -> str | None:
        """The status of one rate record with its full ``features`` (from
        :func:`tariffscope.news._measure_status_model.complete`), or None to keep the rules'."""
        if not self.learned or features is None:
            return None
        if self.mode == "fallback" and record.status_rule not in NO_FRAME_RULES:
            return None
        model = self.model if self.model is not None else shipped_model()
        return model.choose(features)

    def apply(self, records: Sequence[MeasureRecord]) -> list[MeasureRecord]:
        """The rate records of one story with the chosen status on each (the rules' stays in
        ``rules_status``); the records given are left as they are."""
        out = [  # chosen again: start from the rules' status
            r
            if r.rules_status is None
            else replace(
                r, status=r.rules_status[0], status_rule=r.rules_status[1], rules_status=None
            )
            for r in records
        ]
        if not self.learned:
            return out
        for n, (record, features) in enumerate(zip(out, complete(out), strict=True)):
            chosen = self.choose(record, features)
            if chosen is not None:
                out[n] = replace(
                    record,
                    rules_status=(record.status, record.status_rule),
                    status=chosen,
                    status_rule=MODEL_RULE,
                )
        return out
