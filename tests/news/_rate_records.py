"""Hand-built raw rate records, as the measures component gives them to the measure merge
(:func:`tariffscope.news.measure_merge.merge_measures`), for the target and direction tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news.measure_merge import merge_measures


def raw_rate(**fields: Any) -> MeasureRecord:
    """A raw rate record: a 20% threatened US tariff on all goods with no target read, at
    characters 100-103 of a sentence at 90 in a paragraph at 80; ``fields`` override."""
    base: dict[str, Any] = {
        "rise": False,
        "cut": False,
        "imposer": "USA",
        "targets": [],
        "world": False,
        "products": "all goods",
        "places": [],
        "sentence_world": False,
        "counted": False,
        "from_rate": None,
        "to_rate": 20.0,
        "effective_date": None,
        "status": "threatened",
        "status_rule": None,
        "from_rule": None,
        "history": False,
        "start": 100,
        "headline": False,
        "end": 103,
        "sent": 90,
        "paragraph": 80,
        "rule": "extract.rate_tariff_noun",
    }
    values = {**base, **fields}
    for name in ("targets", "places"):
        if values.get(name) is not None:
            values[name] = tuple(values[name])
    return MeasureRecord(**values)


def merged_with_steps(
    raw: Sequence[MeasureRecord], pair: list[str], anchor: dt.date | None, **kwargs: Any
) -> tuple[list[dict[str, Any]], list[str | None]]:
    """The merge's output and the step of the target order that gave each raw record its
    targets (read as the merge hands the completed records to its target chooser)."""
    steps: list[str | None] = []

    def look(record: MeasureRecord) -> None:
        steps.append(record.target_step)

    return merge_measures(raw, pair, anchor, choose_targets=look, **kwargs), steps
