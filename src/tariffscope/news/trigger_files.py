"""Trigger files: the words of a story that tell each of its gold events (round 17).

GUIDELINES.md gold events carry no span. A trigger file (``tests/news/triggers/{corpus,dev}/
NAME.json``, format in the round-17 method) lists, for every gold event of a story in the
gold's order, each mention of it: the ``trigger`` word or shortest phrase and a ``context``, an
exact substring of the story file that occurs once in it and holds the trigger once.

:func:`load_trigger_file` reads and checks one file's shape, :func:`problems` checks it
against the story's text and gold (what ``tests/news/test_trigger_files.py`` asserts), and
:func:`token_spans` maps every mention to the tokens of the reader's own ``Doc`` of the story
(its body, after the header block and the reader's text normalisation): the context is found
in the Doc's text, so offsets follow the text the parser read, not the file's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

__all__ = [
    "MentionSpan",
    "TriggerEvent",
    "TriggerFile",
    "TriggerMention",
    "load_trigger_file",
    "problems",
    "token_spans",
]


@dataclass(frozen=True)
class TriggerMention:
    """One place of the story that tells an event: its trigger inside its context."""

    trigger: str
    context: str


@dataclass(frozen=True)
class TriggerEvent:
    """One gold event (``index`` in the gold's ``events``) with its mentions."""

    index: int
    kind: str
    mentions: tuple[TriggerMention, ...]
    note: str | None = None


@dataclass(frozen=True)
class TriggerFile:
    """The trigger annotation of one story."""

    story: str
    annotator: str
    events: tuple[TriggerEvent, ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TriggerFile:
        """The file's records; a malformed file raises ValueError naming the field."""
        if not isinstance(data, Mapping) or not isinstance(data.get("events"), list):
            raise ValueError("trigger file: no 'events' list")
        events = []
        for n, raw in enumerate(data["events"]):
            if not isinstance(raw, Mapping) or not isinstance(raw.get("mentions", []), list):
                raise ValueError(f"trigger file: event {n} is not an object with 'mentions'")
            mentions = []
            for m in raw.get("mentions", []):
                if not isinstance(m, Mapping):
                    raise ValueError(f"trigger file: a mention of event {n} is not an object")
                mentions.append(
                    TriggerMention(str(m.get("trigger", "")), str(m.get("context", "")))
                )
            note = raw.get("note")
            events.append(
                TriggerEvent(
                    int(raw.get("index", -1)),
                    str(raw.get("kind", "")),
                    tuple(mentions),
                    None if note is None else str(note),
                )
            )
        return cls(str(data.get("story", "")), str(data.get("annotator", "")), tuple(events))


def load_trigger_file(path: Path) -> TriggerFile:
    """The trigger file at ``path`` (ValueError if it is not one)."""
    return TriggerFile.from_dict(json.loads(path.read_text(encoding="utf-8")))


def problems(triggers: TriggerFile, text: str, gold_kinds: Sequence[str]) -> list[str]:
    """What is wrong with ``triggers`` against the story file's ``text`` and the kinds of its
    gold events in order: an entry per gold event, same index and kind, a note where no
    mention is given, every context once in the text and every trigger once in its context."""
    out = []
    if len(triggers.events) != len(gold_kinds):
        out.append(f"{len(triggers.events)} entries, gold has {len(gold_kinds)} events")
    for n, (event, kind) in enumerate(zip(triggers.events, gold_kinds, strict=False)):
        if event.index != n or event.kind != kind:
            out.append(f"[{n}] index/kind {event.index}/{event.kind}, gold {n}/{kind}")
        if not event.mentions and not event.note:
            out.append(f"[{n}] no mentions and no note")
        for m in event.mentions:
            found = text.count(m.context) if m.context else 0
            if found != 1:
                out.append(f"[{n}] context found {found}x: {m.context[:60]!r}")
            elif not m.trigger or m.context.count(m.trigger) != 1:
                out.append(f"[{n}] trigger {m.trigger!r} not once in its context")
    return out


@dataclass(frozen=True)
class MentionSpan:
    """A mention mapped to the Doc: the gold event's index and kind, and the tokens of its
    trigger (``start`` to ``end``, exclusive), or None when the context is not in the Doc's
    text (a title in the header block, a word the normalisation changed)."""

    event: int
    kind: str
    trigger: str
    tokens: tuple[int, int] | None


def _find_once(text: str, context: str) -> tuple[int, str] | None:
    """Where ``context`` occurs once in ``text`` and as what (its line breaks as the file's
    or as CRLF, which the reader keeps)."""
    for variant in (context, context.replace("\n", "\r\n")):
        if variant and text.count(variant) == 1:
            return text.index(variant), variant
    return None


def token_spans(doc: Doc, triggers: TriggerFile) -> list[MentionSpan]:
    """Every mention of ``triggers`` with the tokens of ``doc`` its trigger covers."""
    out = []
    for event in triggers.events:
        for m in event.mentions:
            found = _find_once(doc.text, m.context) if m.trigger else None
            tokens = None
            if found is not None and found[1].count(m.trigger) == 1:
                start = found[0] + found[1].index(m.trigger)
                span = doc.char_span(start, start + len(m.trigger), alignment_mode="expand")
                if span is not None and len(span):
                    tokens = (span.start, span.end)
            out.append(MentionSpan(event.index, event.kind, m.trigger, tokens))
    return out
