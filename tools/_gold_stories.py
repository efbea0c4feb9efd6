"""Gold stories read once by the reader, for the tools that fit its learned choosers.

:func:`read_stories` runs the reader on every story of the given folders (each holds
<stem>.txt or <stem>.html and gold/<stem>.json, GUIDELINES.md annotations) with the learned
choosers' inputs computed (the target candidates and the status features), and keeps the raw
rate records as the measure merge received them with the rules' own choices, and the
candidate events of the events component with their filter features and the rules' verdicts
(:class:`EventCandidate`). A :class:`Story` merges the measures again under any target or
status chooser (:meth:`Story.predicted`) and keeps any subset of its candidate events
(:meth:`Story.with_events`) without running the parser again; :func:`score` is the scoring
step the tools share (tools/_cv.py: the cross-validation). Each story also
keeps the rules' actors with the learned actor filter's features (:attr:`Story.actor_rows`),
and :meth:`Story.with_actors` gives its extraction with only the chosen ones.

Never pass the frozen test split.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import tariffscope.news.measure_merge as measure_merge
from tariffscope.domain.news import Event, Extraction, MeasureMention
from tariffscope.news._actor_filter_model import actor_context, candidate_features
from tariffscope.news._event_filter import EventFilter
from tariffscope.news._event_proposer import PROPOSED_KINDS, EventProposer
from tariffscope.news._event_record import EventRecord
from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._measure_status_chooser import StatusChooser
from tariffscope.news._measure_target import TargetChooser
from tariffscope.news.actor_filter import ActorFilter
from tariffscope.news.extraction import actor_of, doc_to_extraction
from tariffscope.news.ingest import read_article
from tariffscope.news.law_anchor import LawSource
from tariffscope.news.pipeline import load_pipeline, process
from tariffscope.news.scoring import EvalReport, score_corpus

RATE_TOLERANCE = 0.05

_ORIGINAL_MERGE = measure_merge.merge_measures
_CAPTURED: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
_RULES_STATUS = StatusChooser("rules")


@dataclasses.dataclass(frozen=True)
class EventCandidate:
    """One merged candidate event of a story: the record it would be, the features of the
    learned event filter and whether the rules keep it."""

    event: Event
    features: dict[str, float]
    rules_keep: bool
    group: int


@dataclasses.dataclass(frozen=True)
class ProposerSentence:
    """One sentence as the learned event proposer sees it: its span, its features, the kinds
    the rules cover in it and the event the proposer would add for each other kind."""

    start: int
    end: int
    features: dict[str, float]
    covered: frozenset[str]
    events: dict[str, Event]


@dataclasses.dataclass
class Story:
    """One read story: its gold, the reader's extraction, the measure merge step's inputs
    and the candidate events."""

    name: str
    gold: Extraction
    pred: Extraction
    merge_args: tuple[Any, ...]
    merge_kwargs: dict[str, Any]
    events: tuple[EventCandidate, ...] = ()
    #: The rules' actors (the persons records) with the actor filter's features.
    actor_rows: list[tuple[dict[str, Any], dict[str, float]]] = dataclasses.field(
        default_factory=list
    )
    #: The sentences the event proposer reads, with its features and candidate events.
    sentences: tuple[ProposerSentence, ...] = ()
    #: The story's text as the reader read it (the proposer's labels are found in it).
    text: str = ""

    def with_events(self, kept: Sequence[bool]) -> Extraction:
        """The story's extraction with the candidate events ``kept`` says stand."""
        chosen = tuple(c.event for c, k in zip(self.events, kept, strict=True) if k)
        return dataclasses.replace(self.pred, events=chosen)

    def merge(
        self,
        choose_targets: Callable[[MeasureRecord], Sequence[str] | None] | None = None,
        status: StatusChooser = _RULES_STATUS,
    ) -> list[dict[str, Any]]:
        """The story's measure records merged again (``status`` chooses before the merge)."""
        raw = status.apply(self.merge_args[0])
        kwargs = {**self.merge_kwargs, "choose_targets": choose_targets}
        return _ORIGINAL_MERGE(raw, *self.merge_args[1:], **kwargs)

    def raw(self) -> list[MeasureRecord]:
        """The raw rate records with the rules' statuses."""
        return _RULES_STATUS.apply(self.merge_args[0])

    def predicted(
        self, chooser: TargetChooser | None = None, status: StatusChooser = _RULES_STATUS
    ) -> Extraction:
        """The story's extraction with its measures merged again under the choosers."""
        measures = self.merge(None if chooser is None else chooser.choose, status)
        mentions = tuple(MeasureMention.from_dict(m) for m in measures)
        return dataclasses.replace(self.pred, measures=mentions)

    def with_actors(self, keep: Sequence[bool]) -> Extraction:
        """The story's extraction whose actors are the rules' actors ``keep`` marks (in the
        order of :attr:`actor_rows`)."""
        actors = tuple(
            actor_of(p) for (p, _), kept in zip(self.actor_rows, keep, strict=True) if kept
        )
        return dataclasses.replace(self.pred, actors=actors)


def _actor_rows(doc: Any, lexicon: Any) -> list[tuple[dict[str, Any], dict[str, float]]]:
    """The rules' actors of a read document with their filter features."""
    ctx = actor_context(doc, lexicon)
    return [
        (copy.deepcopy(p), candidate_features(p, ctx))
        for p in doc._.tariffscope_persons or []
        if p.get("actor")
    ]


@dataclasses.dataclass(frozen=True)
class _RecordingFilter(EventFilter):
    """An event filter that has the features computed, records every candidate and keeps
    the rules' verdicts."""

    seen: list[EventCandidate] = dataclasses.field(default_factory=list)

    def decide(
        self,
        candidates: Sequence[EventRecord],
        rules_keep: Sequence[bool],
        features: Sequence[dict[str, float]] | None,
        groups: Sequence[int] | None = None,
    ) -> list[bool]:
        rows = features or [{} for _ in candidates]
        groups = list(range(len(candidates))) if groups is None else groups
        self.seen.clear()  # a story read again (dated by the law): its last reading
        for event, keep, row, group in zip(candidates, rules_keep, rows, groups, strict=True):
            candidate = Event.from_dict(event.as_dict())
            self.seen.append(EventCandidate(candidate, row, keep, group))
        return list(rules_keep)


@dataclasses.dataclass(frozen=True)
class _RecordingProposer(EventProposer):
    """An event proposer that has every sentence's features computed and every uncovered
    kind's event built, records them and adds none."""

    rows: list[tuple[dict[str, float], frozenset[str]]] = dataclasses.field(default_factory=list)
    built: list[EventRecord] = dataclasses.field(default_factory=list)

    def choose(
        self, rows: Sequence[Mapping[str, float]], covered: Sequence[frozenset[str]]
    ) -> list[list[tuple[str, str]]]:
        self.rows.clear()  # a story read again (dated by the law): its last reading
        self.rows.extend((dict(r), c) for r, c in zip(rows, covered, strict=True))
        return [[(k, "happened") for k in PROPOSED_KINDS if k not in c] for c in covered]

    def keep(self, events: list[EventRecord]) -> list[EventRecord]:
        self.built.clear()
        self.built.extend(events)
        return []

    def sentences(self, doc: Any) -> tuple[ProposerSentence, ...]:
        """The recorded sentences of ``doc`` (in the order the component read them)."""
        by_start: dict[int, dict[str, Event]] = {}
        for event in self.built:
            by_start.setdefault(event.start, {})[event.kind] = Event.from_dict(event.as_dict())
        spans = {s.start_char: s.end_char for s in doc.sents}
        out = []
        for start, (row, covered) in zip(_row_starts(doc, self.rows), self.rows, strict=True):
            out.append(ProposerSentence(start, spans[start], row, covered, by_start.get(start, {})))
        return tuple(out)


def _row_starts(doc: Any, rows: Sequence[tuple[dict[str, float], frozenset[str]]]) -> list[int]:
    """The start of each recorded row's sentence: the sentences of ``doc`` outside its
    headlines and credit lines, in order (as the component reads them)."""
    from tariffscope.news._persons import layout

    boiler, heads = layout(doc)
    skip = boiler + heads
    starts = [s.start_char for s in doc.sents if not any(a <= s.start_char < b for a, b in skip)]
    if len(starts) != len(rows):
        raise ValueError(f"proposer: {len(rows)} rows but {len(starts)} sentences")
    return starts


def _capturing_merge(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
    _CAPTURED.append((copy.deepcopy(args), dict(kwargs)))
    return _ORIGINAL_MERGE(*args, **{**kwargs, "choose_targets": None})


def read_stories(
    folders: Sequence[Path], law: LawSource | None = None, limit: int | None = None
) -> list[Story]:
    """Run the reader (the choosers' inputs computed, the rules choosing) on every gold story
    (``law``: as for :func:`tariffscope.news.api.extract`; ``tariffscope eval extract``
    passes the catalog's), or on the first ``limit`` (by folder, then name: a quick run).

    The process's cached pipeline gets its choosers back afterwards, so that the reader
    reads as before in the same process (the tools' tests run them in process)."""
    nlp = load_pipeline()
    component = nlp.get_pipe("tariffscope_measures")
    events = nlp.get_pipe("tariffscope_events")
    actor_filter = nlp.get_pipe("tariffscope_actor_filter")
    saved = (
        component.target_chooser,
        component.status_chooser,
        events.event_filter,
        actor_filter.actor_filter,
    )
    component.target_chooser = TargetChooser("fallback")  # the candidates are computed
    component.status_chooser = _FeaturesOnly("model")  # the features are computed
    recorder = _RecordingFilter("model")
    events.event_filter = recorder
    saved_proposer = events.event_proposer
    proposer = _RecordingProposer("model")
    events.event_proposer = proposer
    actor_filter.actor_filter = ActorFilter("rules")  # the rules' actors are the candidates
    lexicon = actor_filter.lexicon
    measure_merge.merge_measures = _capturing_merge
    gold_files = [f for folder in folders for f in sorted((folder / "gold").glob("*.json"))]
    stories = []
    try:
        for gold_file in gold_files[:limit]:
            folder = gold_file.parent.parent
            text = next(
                (
                    folder / f"{gold_file.stem}{s}"
                    for s in (".txt", ".html")
                    if (folder / f"{gold_file.stem}{s}").exists()
                ),
                None,
            )
            if text is None:
                print(f"{gold_file.stem}: no article, skipped", file=sys.stderr)
                continue
            gold = Extraction.from_dict(json.loads(gold_file.read_text(encoding="utf-8")))
            _CAPTURED.clear()
            recorder.seen.clear()
            proposer.rows.clear()
            proposer.built.clear()
            doc = process(read_article(text), nlp, law)
            pred = doc_to_extraction(doc)
            if not _CAPTURED or (law is None and len(_CAPTURED) != 1):
                print(f"{gold_file.stem}: measures not read, skipped", file=sys.stderr)
                continue
            args, kwargs = _CAPTURED[-1]  # with ``law``, a story read again: the last
            kwargs.pop("choose_targets", None)
            name = f"{folder.name}/{gold_file.stem}"
            candidates = tuple(recorder.seen)
            stories.append(
                Story(
                    name,
                    gold,
                    pred,
                    args,
                    kwargs,
                    candidates,
                    actor_rows=_actor_rows(doc, lexicon),
                    sentences=proposer.sentences(doc),
                    text=doc.text,
                )
            )
    finally:
        measure_merge.merge_measures = _ORIGINAL_MERGE
        events.event_proposer = saved_proposer
        (
            component.target_chooser,
            component.status_chooser,
            events.event_filter,
            actor_filter.actor_filter,
        ) = saved
    return stories


class _FeaturesOnly(StatusChooser):
    """A status chooser that has the features computed and leaves the rules' status."""

    def choose(self, record: Any, features: Any) -> str | None:
        return None


def score(triples: Sequence[tuple[str, Extraction, Extraction]]) -> EvalReport:
    """The project scorer over (name, gold, prediction) triples."""
    return score_corpus(triples)


def field_summary(report: EvalReport, name: str = "measures") -> dict[str, Any]:
    """Counts, precision, recall and F1 of one field."""
    field = report.field(name)
    return {
        "gold": field.gold,
        "predicted": field.predicted,
        "matched": field.matched,
        "precision": round(field.precision, 3),
        "recall": round(field.recall, 3),
        "f1": round(field.f1, 3),
    }


def commit() -> str:
    """The checkout's commit (for a weights file's provenance)."""
    try:
        return subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
