"""Conversions between domain records and table rows (no database access)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, cast

from tariffscope.domain.news import (
    Actor,
    ArticleMeta,
    DatePrecision,
    Deadline,
    Event,
    EventKind,
    EventStatus,
    Extraction,
    MeasureMention,
    MeasureStatus,
    Quote,
    StoryDating,
)
from tariffscope.store._types import StoredArticle

__all__ = [
    "ARTICLE_COLUMNS",
    "RECORD_TABLES",
    "article_from_row",
    "record_rows",
    "records_from_rows",
]

ARTICLE_COLUMNS = (
    "id, content_hash, text_hash, source, title, published, outlet, url, body_start, "
    "extractor, warnings, n_records, ingested_at, dating"
)

# table -> the columns after (article_id, ordinal, span_start, span_end)
RECORD_TABLES: dict[str, tuple[str, ...]] = {
    "actors": ("name", "role", "country", "mentions"),
    "events": (
        "kind",
        "event_date",
        "date_precision",
        "date_text",
        "place",
        "participants",
        "status",
        "times",
        "trigger_word",
    ),
    "quotes": ("quote_text", "speaker", "via"),
    "measure_mentions": (
        "imposer",
        "target",
        "products",
        "from_rate_pct",
        "to_rate_pct",
        "effective_date",
        "status",
    ),
    "deadlines": ("deadline_date", "what"),
}


def article_from_row(row: Sequence[Any]) -> StoredArticle:
    """A :class:`StoredArticle` from a row of :data:`ARTICLE_COLUMNS`."""
    (
        id_,
        content_hash,
        text_hash,
        source,
        title,
        published,
        outlet,
        url,
        body_start,
        extractor,
        warnings,
        n_records,
        ingested_at,
        dating,
    ) = row
    meta = ArticleMeta(
        title=title, published=published, outlet=outlet, url=url, body_start=int(body_start)
    )
    return StoredArticle(
        id=int(id_),
        content_hash=content_hash,
        text_hash=text_hash,
        source=source,
        meta=meta,
        extractor=extractor,
        warnings=tuple(json.loads(warnings)),
        n_records=int(n_records),
        ingested_at=ingested_at,
        dating=None if dating is None else StoryDating.from_dict(json.loads(dating)),
    )


def record_rows(extraction: Extraction) -> dict[str, list[tuple[Any, ...]]]:
    """Per table, the rows ``(ordinal, span_start, span_end, *columns)`` of an extraction."""
    return {
        "actors": [
            (
                i,
                a.start,
                a.end,
                a.name,
                a.role,
                a.country,
                json.dumps([list(m) for m in a.mentions]),
            )
            for i, a in enumerate(extraction.actors)
        ],
        "events": [
            (
                i,
                e.start,
                e.end,
                e.kind,
                e.date,
                e.date_precision,
                e.date_text,
                e.place,
                json.dumps(list(e.participants), ensure_ascii=False),
                e.status,
                e.count,
                e.trigger,
            )
            for i, e in enumerate(extraction.events)
        ],
        "quotes": [
            (i, q.start, q.end, q.text, q.speaker, q.via) for i, q in enumerate(extraction.quotes)
        ],
        "measure_mentions": [
            (
                i,
                m.start,
                m.end,
                m.imposer,
                m.target,
                m.products,
                m.from_rate_pct,
                m.to_rate_pct,
                m.effective_date,
                m.status,
            )
            for i, m in enumerate(extraction.measures)
        ],
        "deadlines": [
            (i, d.start, d.end, d.date, d.what) for i, d in enumerate(extraction.deadlines)
        ],
    }


def _actor(row: Sequence[Any]) -> Actor:
    start, end, name, role, country, mentions = row
    spans = tuple((int(m[0]), int(m[1])) for m in json.loads(mentions))
    return Actor(name, role, country, int(start), int(end), spans)


def _event(row: Sequence[Any]) -> Event:
    start, end, kind, date, precision, date_text, place, participants, status, times, trig = row
    return Event(
        kind=cast(EventKind, kind),
        date=cast(dt.date | None, date),
        date_precision=cast(DatePrecision | None, precision),
        date_text=date_text,
        place=place,
        participants=tuple(json.loads(participants)),
        status=cast(EventStatus, status),
        start=int(start),
        end=int(end),
        count=None if times is None else int(times),
        trigger=trig,
    )


def _quote(row: Sequence[Any]) -> Quote:
    start, end, text, speaker, via = row
    return Quote(text, speaker, via, int(start), int(end))


def _mention(row: Sequence[Any]) -> MeasureMention:
    start, end, imposer, target, products, from_rate, to_rate, effective, status = row
    return MeasureMention(
        imposer=imposer,
        target=target,
        products=products,
        from_rate_pct=None if from_rate is None else float(from_rate),
        to_rate_pct=float(to_rate),
        effective_date=effective,
        status=cast(MeasureStatus, status),
        start=int(start),
        end=int(end),
    )


def _deadline(row: Sequence[Any]) -> Deadline:
    start, end, date, what = row
    return Deadline(date, what, int(start), int(end))


_BUILDERS = {
    "actors": _actor,
    "events": _event,
    "quotes": _quote,
    "measure_mentions": _mention,
    "deadlines": _deadline,
}


def records_from_rows(table: str, rows: Sequence[Sequence[Any]]) -> tuple[list[int], list[Any]]:
    """Ids and domain records from rows ``(id, span_start, span_end, *columns)``."""
    build = _BUILDERS[table]
    ids = [int(row[0]) for row in rows]
    return ids, [build(row[1:]) for row in rows]
