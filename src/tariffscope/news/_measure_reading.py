"""The typed records of the measure component.

:class:`RateScope` is what the first step reads of the story (frozen, built once per document
by :meth:`~tariffscope.news.measures.MeasureComponent.annotate`); :class:`RateReading` is what
it gives for one rate (frozen); :class:`MeasureRecord` is one mention as the article's steps
after it pass it on (frozen: the rateless measures, confirmations, cross-sentence dates and
directions return new records), until :meth:`MeasureRecord.as_dict` gives the merge its
record dict (issue 10, item 5; docs/extraction.md, rounds 16 and 16b).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from spacy.tokens import Doc

from tariffscope.news._measure_target_model import DeferredCandidates
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.measure_status import StatusClues, StatusWords
from tariffscope.news.rates import RateMention

__all__ = ["MeasureRecord", "RateReading", "RateScope"]


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

    def as_record(self, rule: str, *, bound: bool) -> MeasureRecord:
        """The record of the article's steps (no status clues: the status features are read
        from them; ``unsourced`` and ``rest`` are read by the first step alone)."""
        kept = {f.name for f in fields(MeasureRecord)}
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name in kept}
        return MeasureRecord(**values, bound=bound, rule=rule)


@dataclass(frozen=True)
class MeasureRecord:
    """One measure mention from the first step to the merge's expansion per target: a rate
    as its sentence tells it (a :class:`RateReading` without its clues) or a measure named
    without a rate (the fields a rate has of its sentence keep their defaults; its
    ``places`` are None, not read, which the merge tells from a sentence that names none),
    with the rule that read it, whether it is a bound ("up to 50%"), for the learned
    choosers the status features and the target candidates (None: not computed), the step
    of the target order that gave its targets (``target_step``, set by the merge:
    :data:`tariffscope.news.measure_merge.STORY_STEPS`) and the rules' status and rule
    where the learned status chooser replaced them (``rules_status``), and whether the rate
    is told as an addition ("an additional 25%": ``added``, which keeps it apart from the
    same rate told in its sentence)."""

    rise: bool
    cut: bool
    imposer: str | None
    targets: tuple[str, ...]
    world: bool
    products: str
    from_rate: float | None
    to_rate: float
    effective_date: str | None
    status: str
    status_rule: str
    from_rule: str | None
    start: int
    headline: bool
    end: int
    sent: int
    paragraph: int
    rule: str
    places: tuple[str, ...] | None = None
    nearest_place: str | None = None
    sentence_world: bool = False
    counted: bool = False
    capped: bool = False
    history: bool = False
    earlier: str | None = None
    retaliation: bool = False
    noun_start: int | None = None
    definite: bool = False
    bound: bool = False
    status_features: tuple[float, ...] | None = None
    target_candidates: DeferredCandidates | None = None
    target_step: str | None = None
    rules_status: tuple[str, str] | None = None
    added: bool = False
