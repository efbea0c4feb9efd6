"""From an annotated ``Doc`` to typed records: :func:`doc_to_extraction`.

The function is pure: it reads the ``tariffscope_*`` extension attributes written by the
components (plain JSON data) and builds frozen :mod:`tariffscope.domain.news` records. A
component that did not run leaves its attribute None, which gives an empty list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc

from tariffscope.domain.news import (
    Actor,
    ArticleMeta,
    Deadline,
    Event,
    Extraction,
    MeasureMention,
    Quote,
    StoryDating,
)

__all__ = ["doc_to_extraction"]


def _meta(doc: Doc) -> ArticleMeta:
    meta: dict[str, Any] = doc._.tariffscope_meta or {}
    published = meta.get("published")
    return ArticleMeta(
        title=meta.get("title"),
        published=dt.date.fromisoformat(published) if published else None,
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        body_start=int(meta.get("body_start") or 0),
    )


def _items(doc: Doc, attr: str) -> list[dict[str, Any]]:
    value = getattr(doc._, attr)
    return list(value) if value else []


def actor_of(person: Mapping[str, Any]) -> Actor:
    """The :class:`Actor` of one record of ``doc._.tariffscope_persons``."""
    return Actor(
        name=person["name"],
        role=person["role"],
        country=person["country"],
        start=person["start"],
        end=person["end"],
        mentions=tuple((int(m[0]), int(m[1])) for m in person["mentions"]),
    )


def doc_to_extraction(doc: Doc) -> Extraction:
    """The records of one processed article.

    Parameters
    ----------
    doc
        A ``Doc`` that went through the tariffscope pipeline (see
        :func:`tariffscope.news.pipeline.process`).

    Returns
    -------
    Extraction
        Actors (people who act or speak; former officials and credited reporters are left
        out), events, quotes, measures and deadlines, each with its character span.
    """
    meta = _meta(doc)
    actors = tuple(actor_of(p) for p in _items(doc, "tariffscope_persons") if p.get("actor"))
    quotes = tuple(Quote.from_dict(q) for q in _items(doc, "tariffscope_quotes"))
    measures = tuple(MeasureMention.from_dict(m) for m in _items(doc, "tariffscope_measures"))
    events = tuple(Event.from_dict(e) for e in _items(doc, "tariffscope_events"))
    deadlines = tuple(Deadline.from_dict(d) for d in _items(doc, "tariffscope_deadlines"))
    warnings: list[str] = []
    dating = _dating(doc)
    if meta.published is None:
        read = (
            f"read as of {dating.as_of.isoformat()} ({dating.basis}: {dating.detail}); "
            if dating is not None and dating.as_of is not None
            else ""
        )
        warnings.append(
            f"publication date unknown: {read}weekdays and relative dates are not resolved"
        )
    return Extraction(
        meta, actors, events, quotes, measures, deadlines, tuple(warnings), dating=dating
    )


def _dating(doc: Doc) -> StoryDating | None:
    """How the dates component dated the story (``doc._.tariffscope_dating``), if it ran."""
    value = doc._.tariffscope_dating
    return None if not value else StoryDating.from_dict(value)
