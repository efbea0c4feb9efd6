"""Rows the store hands out: frozen records with their database ids."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tariffscope.domain.news import ArticleMeta, Extraction, StoryDating

__all__ = [
    "MeasureLink",
    "Negotiation",
    "ScenarioResult",
    "StoredArticle",
    "StoredExtraction",
    "article_hashes",
    "pair_key",
]


def _normalized_body(body: str) -> str:
    return " ".join(unicodedata.normalize("NFC", body).split())


def article_hashes(body: str, meta: ArticleMeta) -> tuple[str, str]:
    """``(content_hash, text_hash)`` of an article, both SHA-256 hex digests.

    ``text_hash`` covers the body with whitespace collapsed (NFC-normalized), so re-encoded or
    re-wrapped copies agree; ``content_hash`` adds the header metadata (title, publication
    date, outlet, URL), so the same wire story carried by two outlets is two articles (two
    sources) while the same file ingested twice is one. ``body_start`` is left out.
    """
    text = _normalized_body(body)
    text_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    header = [
        meta.title,
        None if meta.published is None else meta.published.isoformat(),
        meta.outlet,
        meta.url,
    ]
    payload = json.dumps([text_hash, header], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest(), text_hash


def pair_key(a: str, b: str) -> tuple[str, str]:
    """The stored order of a party pair (alphabetical); raises ValueError for ``a == b``."""
    if a == b:
        raise ValueError(f"a negotiation needs two different parties, not {a} and {b}")
    return (a, b) if a < b else (b, a)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article row (without the body text and records)."""

    id: int
    content_hash: str
    text_hash: str
    source: str
    meta: ArticleMeta
    extractor: str
    warnings: tuple[str, ...]
    n_records: int
    ingested_at: dt.datetime
    dating: StoryDating | None = None


@dataclass(frozen=True, slots=True)
class StoredExtraction:
    """An article with its body and records; the id tuples run parallel to the records.

    ``event_ids[i]`` is the database id of ``extraction.events[i]``, and so on for actors,
    quotes, measure mentions (``mention_ids``, the key of ``measure_links``) and deadlines.
    """

    article: StoredArticle
    body: str
    extraction: Extraction
    actor_ids: tuple[int, ...] = ()
    event_ids: tuple[int, ...] = ()
    quote_ids: tuple[int, ...] = ()
    mention_ids: tuple[int, ...] = ()
    deadline_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Negotiation:
    """A party pair (alphabetical order) and how many stored articles concern it."""

    id: int
    parties: tuple[str, str]
    n_articles: int


@dataclass(frozen=True, slots=True)
class MeasureLink:
    """The link of one measure mention to the tariff-law catalog.

    Attributes
    ----------
    mention_id
        Id of the row in ``measure_mentions`` (:attr:`StoredExtraction.mention_ids`).
    measure_id
        The catalog measure the mention refers to, or None when none fits.
    candidate
        A scenario measure (JSON-serialisable mapping) to price the mention when no catalog
        measure fits, or None.
    confidence
        In [0, 1].
    reason
        Why the linker chose this (one line).
    linker
        Name and version of the linker that wrote the link.
    linked_at
        Set by the store when the link is written.
    """

    mention_id: int
    measure_id: str | None
    candidate: Mapping[str, Any] | None
    confidence: float
    reason: str
    linker: str
    linked_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be in [0, 1], not {self.confidence}")


@dataclass(frozen=True, slots=True)
class ScenarioResult:
    """A stored scenario result: a JSON object keyed by scenario name and date."""

    scenario: str
    as_of: dt.date
    result: Mapping[str, Any]
    negotiation: tuple[str, str] | None = None
    created_at: dt.datetime | None = field(default=None)
