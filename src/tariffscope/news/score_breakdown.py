"""Which match criterion loses matches: the scorer's pairing redone with one criterion dropped.

A reader that finds an event on the right day with the wrong participants, or a rate on the right
goods with the wrong effective date, scores the same as one that finds nothing. Dropping each
criterion of :data:`~tariffscope.news.scoring.EVENT_CRITERIA` and
:data:`~tariffscope.news.scoring.MEASURE_CRITERIA` in turn and pairing again says how many more
records would pair without it, so the criterion that loses the most is the one to work on. The
counts are aggregate only; they say nothing about single stories (``tariffscope eval extract
--breakdown``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tariffscope.domain.news import Extraction
from tariffscope.news.scoring import EVENT_CRITERIA, MEASURE_CRITERIA, match_pairs

__all__ = ["ALL_CRITERIA", "Relaxation", "relaxed_matches"]

ALL_CRITERIA = "all criteria"


@dataclass(frozen=True, slots=True)
class Relaxation:
    """Matched records of one kind when the criterion ``dropped`` is not required
    (``dropped`` is ``"all criteria"`` for the scorer's own pairing)."""

    field: str
    dropped: str
    matched: int


def _count(
    pairs: Iterable[tuple[Extraction, Extraction]],
    field: str,
    criteria: Mapping[str, Callable[[Any, Any], bool]],
) -> int:
    tests = tuple(criteria.values())
    return sum(
        len(
            match_pairs(
                getattr(gold, field),
                getattr(pred, field),
                lambda g, p: all(same(g, p) for same in tests),
                lambda g, p: 0.0,
            )
        )
        for gold, pred in pairs
    )


def relaxed_matches(pairs: Iterable[tuple[Extraction, Extraction]]) -> tuple[Relaxation, ...]:
    """Matches of events and measures over ``(gold, prediction)`` pairs: first with every
    criterion, then with each criterion dropped in turn."""
    pairs = list(pairs)
    rows: list[Relaxation] = []
    for field, criteria in (("events", EVENT_CRITERIA), ("measures", MEASURE_CRITERIA)):
        rows.append(Relaxation(field, ALL_CRITERIA, _count(pairs, field, criteria)))
        for name in criteria:
            kept = {k: v for k, v in criteria.items() if k != name}
            rows.append(Relaxation(field, name, _count(pairs, field, kept)))
    return tuple(rows)
