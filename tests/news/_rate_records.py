"""Hand-built raw rate records, as the measures component gives them to the measure merge
(:func:`tariffscope.news.measure_merge.merge_measures`), for the target and direction tests."""

from __future__ import annotations

from typing import Any


def raw_rate(**fields: Any) -> dict[str, Any]:
    """A raw rate record: a 20% threatened US tariff on all goods with no target read, at
    characters 100-103 of a sentence at 90 in a paragraph at 80; ``fields`` override."""
    base: dict[str, Any] = {
        "rise": False,
        "cut": False,
        "imposer": "USA",
        "targets": [],
        "world": False,
        "products": "all goods",
        "rest": False,
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
    return {**base, **fields}
