"""Deadlines: dates by which something must happen or will change.

Read from the story's time index (:mod:`tariffscope.news.temporal`), a deadline is

- a date in the role ``deadline``, given by the named patterns of ``data/time_patterns.json``
  ("an Aug. 1 deadline", "ahead of Friday's deadline", "the deadline of June 1", "the
  deadline expires on August 1", "extended the deadline to August 12");
- a date in the role ``by`` or ``until`` (also the end of a range, "from July 9 to Aug. 1")
  that lies ahead of publication ("won't be required to pay ... until April 2", "drop canola
  seed duties to 15 per cent by March"); fuzzy months ("until early August") are left out,
  and so are weekdays and relative words when the publication date is unknown;
- the effective date of a measure that is not yet in force (after publication, or any date
  of a threatened or agreed measure when the publication date is unknown).

``what`` is the sentence the date belongs to, trimmed. One deadline per date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc

from tariffscope.news.lexicon import Lexicon
from tariffscope.news.temporal import TimeIndex, TimeRecord

__all__ = ["deadline_records", "find_deadlines"]

_MAX_WHAT = 160


def _what(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc.text[start:end]
    sent = span.sent
    text = " ".join(sent.text.split())
    return text if len(text) <= _MAX_WHAT else text[: _MAX_WHAT - 1].rsplit(" ", 1)[0] + "…"


def _ahead(record: TimeRecord, anchor: dt.date | None) -> bool:
    """On or after publication; a month counts to its last day ("by the end of the month")."""
    if anchor is None or record.date is None:
        return anchor is None
    if record.precision == "month":
        return (record.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1) > anchor
    return record.date >= anchor


def deadline_records(index: TimeIndex, lex: Lexicon) -> list[TimeRecord]:
    """The time records of a story that are deadlines by their role (see the docstring)."""
    fuzzy = lex.words("time_fuzzy_month_parts")  # parts of a month, not a day to meet
    out = []
    for record in index.records:
        if record.date is None or not _ahead(record, index.anchor):
            continue
        if record.role == "deadline":
            out.append(record)
        elif (
            record.role in {"by", "until"}
            and record.modifier not in fuzzy
            and record.modifier != "span_end"  # "in India from Dec. 9-11": a stay ends
        ):
            if index.anchor is None and record.kind in {"weekday", "relative"}:
                continue
            out.append(record)
    return out


def find_deadlines(
    doc: Doc, index: TimeIndex, measures: list[dict[str, Any]], lex: Lexicon
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

    for record in deadline_records(index, lex):
        add(record.date.isoformat(), record.start, record.end)  # type: ignore[union-attr]
    anchor = index.anchor
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
