"""What the event component reads from a story's other annotations before its triggers.

One frozen value per document, built at the start of
:meth:`~tariffscope.news.events.EventComponent.annotate` and passed to the methods that need
it: the component itself keeps only its configuration (issue 10, item 5).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

__all__ = ["EventStory"]


@dataclass(frozen=True)
class EventStory:
    """The people's countries, the quotes' speakers, the lead measure's imposer and the
    story's countries."""

    country_of_name: Mapping[str, str | None]  # person name -> country (read-only)
    speakers: tuple[tuple[int, int, str], ...]  # (quote start, quote end, speaker name)
    lead_imposer: str | None  # the imposer of the story's first measure
    pair: tuple[str, ...] = ()  # the story's countries, most named first

    @classmethod
    def of(
        cls,
        persons: list[dict[str, Any]],
        quotes: list[dict[str, Any]],
        measures: list[dict[str, Any]],
        pair: Sequence[str] = (),
    ) -> EventStory:
        """The context of ``doc._.tariffscope_persons``, ``_quotes`` and ``_measures``."""
        return cls(
            MappingProxyType({p["name"]: p.get("country") for p in persons}),
            tuple((q["start"], q["end"], q["speaker"]) for q in quotes if q.get("speaker")),
            str(measures[0]["imposer"]) if measures else None,
            tuple(pair),
        )
