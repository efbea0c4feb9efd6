"""Deadlines: dates by which something must happen or will change.

A deadline is

- a date of a "deadline" noun ("an Aug. 1 deadline", "Friday's deadline", "the deadline of
  June 1");
- a date after "until" or "by" that lies ahead of publication ("won't be required to pay ...
  until April 2", "drop canola seed duties to 15 per cent by March"); fuzzy months ("until
  early August") are left out;
- the effective date of a measure that is not yet in force (after publication, or any date
  of a threatened or agreed measure when the publication date is unknown).

``what`` is the clause the date belongs to, trimmed. One deadline per date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc

__all__ = ["find_deadlines"]

_DEADLINE_NOUNS = frozenset({"deadline", "cutoff", "cut-off"})
_AHEAD = frozenset({"until", "till", "by"})
_MAX_WHAT = 160


def _what(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc.text[start:end]
    sent = span.sent
    text = " ".join(sent.text.split())
    return text if len(text) <= _MAX_WHAT else text[: _MAX_WHAT - 1].rsplit(" ", 1)[0] + "…"


def _ahead(value: str, anchor: dt.date | None) -> bool:
    return anchor is None or dt.date.fromisoformat(value) >= anchor


def find_deadlines(
    doc: Doc, dates: list[dict[str, Any]], measures: list[dict[str, Any]], anchor: dt.date | None
) -> list[dict[str, Any]]:
    """Deadline records ``{date, what, start, end}`` of one article, by date."""
    found: dict[str, dict[str, Any]] = {}

    def add(value: str, start: int, end: int) -> None:
        if value not in found:
            found[value] = {
                "date": value,
                "what": _what(doc, start, end),
                "start": start,
                "end": end,
            }

    for d in dates:
        if d["date"] is None:
            continue
        span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if span is None:
            continue
        after = doc[span.end] if span.end < len(doc) else None
        near = [t.lower_ for t in (span.root.head, *span.root.children)]
        deadline_noun = (after is not None and after.lower_ in _DEADLINE_NOUNS) or any(
            w in _DEADLINE_NOUNS for w in near
        )
        if deadline_noun and d["precision"] == "day" and _ahead(d["date"], anchor):
            add(d["date"], d["start"], d["end"])
            continue
        if (
            d.get("preposition") in _AHEAD
            and _ahead(d["date"], anchor)
            and (d.get("modifier") not in {"early", "mid", "late"})
        ):
            if anchor is None and d["kind"] in {"weekday", "relative"}:
                continue
            add(d["date"], d["start"], d["end"])
    for m in measures:
        value = m.get("effective_date")
        if not value:
            continue
        pending = (anchor is not None and dt.date.fromisoformat(value) > anchor) or (
            anchor is None and m["status"] in {"threatened", "agreed"}
        )
        if pending:
            add(value, m["start"], m["end"])
    return sorted(found.values(), key=lambda r: r["date"])
