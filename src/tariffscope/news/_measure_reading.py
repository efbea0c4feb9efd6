"""The typed records of the measure component's first step, one rate read in its sentence.

:class:`RateScope` is what that step reads of the story (frozen, built once per document by
:meth:`~tariffscope.news.measures.MeasureComponent.annotate`); :class:`RateReading` is what it
gives for one rate (frozen); the article's steps after it (the rateless measures, confirmations,
cross-sentence dates, directions, the merge) still work on the record dicts
:meth:`RateReading.as_record` gives (issue 10, item 5; docs/extraction.md, round 16).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from spacy.tokens import Doc

from tariffscope.news.lexicon import Lexicon
from tariffscope.news.measure_status import StatusClues, StatusWords
from tariffscope.news.rates import RateMention

__all__ = ["RateReading", "RateScope"]


@dataclass(frozen=True)
class RateScope:
    """What reading one rate needs of its story: the document, all its rates (a change's
    earlier rate is marked as a from-rate on its mention), the persons and their mentions,
    the dates, the publication day, the lexicon and the status rules' words."""

    doc: Doc
    rates: tuple[RateMention, ...]
    persons: tuple[dict[str, Any], ...]
    mentions: tuple[tuple[int, int, int], ...]
    dates: tuple[dict[str, Any], ...]
    anchor: dt.date | None
    lex: Lexicon
    words: StatusWords


@dataclass(frozen=True)
class RateReading:
    """One rate as its sentence tells it: rates, imposer, targets and goods, status by the
    rules (with the clues they read), date, and the marks the later steps read (history,
    earlier stage, retaliation, a bound, places of the sentence). Fields in the order of the
    record's keys."""

    rise: bool
    cut: bool
    imposer: str | None
    targets: tuple[str, ...]
    world: bool
    unsourced: bool
    products: str
    rest: bool
    places: tuple[str, ...]
    nearest_place: str | None
    sentence_world: bool
    counted: bool
    capped: bool
    from_rate: float | None
    to_rate: float
    effective_date: str | None
    status: str
    status_rule: str
    status_clues: StatusClues
    from_rule: str | None
    history: bool
    earlier: str | None
    retaliation: bool
    start: int
    headline: bool
    end: int
    sent: int
    paragraph: int
    noun_start: int
    definite: bool

    def as_record(self, **more: Any) -> dict[str, Any]:
        """The record dict of the article's steps (lists where they are lists, no status
        clues: the status features are read from them), with ``more`` keys after."""
        record: dict[str, Any] = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name != "status_clues":
                record[field.name] = list(value) if isinstance(value, tuple) else value
        record.update(more)
        return record
