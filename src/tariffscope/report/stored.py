"""Briefs through the store: stories ingested, merged per negotiation, linked to the law.

Every brief goes through a :class:`~tariffscope.store.Store` (in memory unless ``--db`` names
one), so that several stories of one event become one event with all of them as sources, quotes
repeated by several outlets appear once, and the brief follows the negotiation across every
story the store holds for the pair up to the brief's date. The linker's results are written to
the store's ``measure_links``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tariffscope.domain.news import Actor, Deadline, Event, Extraction, Quote
from tariffscope.errors import InputError
from tariffscope.regime import Catalog
from tariffscope.store import MeasureLink as StoredLink
from tariffscope.store import Store, StoredExtraction
from tariffscope.tracker import NegotiationState, ingest_paths, negotiation_state
from tariffscope.tracker.linking import LINKER_NAME, link_mention

__all__ = ["StoredStories", "merged_records", "read_into_store"]


@dataclass(frozen=True)
class StoredStories:
    """The stories of the brief as the store holds them."""

    extractions: tuple[Extraction, ...]
    texts: tuple[str, ...]
    state: NegotiationState


def read_into_store(store: Store, sources: Sequence[str], catalog: Catalog) -> StoredStories:
    """Ingest ``sources``, link their measure mentions, and read the negotiation back."""
    report = ingest_paths(store, sources)
    if report.n_read == 0:
        failure = report.failed[0] if report.failed else None
        raise InputError(
            failure.message if failure and failure.message else "no story could be read"
        )
    given = [r.article_id for r in report.results if r.article_id is not None]
    stored_given = store.extractions(given)
    from tariffscope.report.brief import negotiation_pair  # brief imports this module

    pair = negotiation_pair([s.extraction for s in stored_given])
    dated = [s.extraction.article.published for s in stored_given if s.extraction.article.published]
    if not dated:
        raise InputError(
            "the story has no publication date",
            hint="add a 'published: YYYY-MM-DD' line to its header block",
        )
    as_of = max(dated)
    state = negotiation_state(store, pair, as_of=as_of)
    ids = sorted({ref.article_id for ref in state.articles} | set(given))
    stored = [
        s
        for s in store.extractions(ids)
        if s.extraction.article.published is None or s.extraction.article.published <= as_of
    ]
    _write_links(store, stored, catalog)
    return StoredStories(
        extractions=tuple(s.extraction for s in stored),
        texts=tuple(s.body for s in stored if s.article.id in given),
        state=state,
    )


def _write_links(store: Store, stored: Sequence[StoredExtraction], catalog: Catalog) -> None:
    for item in stored:
        extraction = item.extraction
        published = extraction.article.published
        if published is None:
            continue
        source = extraction.article.url or f"article:{extraction.article.title or 'untitled'}"
        for mention_id, mention in zip(item.mention_ids, extraction.measures, strict=True):
            link = link_mention(mention, published, catalog, source=source)
            store.set_measure_link(
                StoredLink(
                    mention_id=mention_id,
                    measure_id=link.measure_id,
                    candidate=None if link.candidate is None else dict(link.candidate),
                    confidence=link.confidence,
                    reason=link.reason,
                    linker=LINKER_NAME,
                )
            )


def merged_records(
    state: NegotiationState,
) -> tuple[
    tuple[Actor, ...],
    tuple[Event, ...],
    tuple[tuple[str, ...], ...],
    tuple[Quote, ...],
    tuple[Deadline, ...],
]:
    """Actors, events (with their sources), quotes and deadlines of the merged state."""
    actors = tuple(Actor(a.name, a.role, a.country, 0, 0) for a in state.actors)
    events = tuple(
        Event(
            kind=e.kind,  # type: ignore[arg-type]
            date=e.date,
            date_precision=e.date_precision,  # type: ignore[arg-type]
            date_text=e.date_text,
            place=e.place,
            participants=e.participants,
            status=e.status,  # type: ignore[arg-type]
            start=e.sources[0].span[0] if e.sources else 0,
            end=e.sources[0].span[1] if e.sources else 0,
            count=e.count,
        )
        for e in state.events
    )
    sources = tuple(
        tuple(dict.fromkeys(f"{s.outlet or s.source} ({s.published})" for s in e.sources))
        for e in state.events
    )
    quotes = tuple(Quote(q.text, q.speaker, q.via, 0, 0) for q in state.quotes)
    deadlines = tuple(Deadline(d.date, d.what, 0, 0) for d in state.deadlines)
    return actors, events, sources, quotes, deadlines


def open_store(db: Path | None) -> Store:
    """The store at ``db``, or a new one in memory."""
    return Store.open(db) if db is not None else Store.memory()
