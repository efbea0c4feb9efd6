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
from datetime import date
from pathlib import Path

from tariffscope.domain.news import Actor, Deadline, Event, Extraction, Quote
from tariffscope.errors import InputError
from tariffscope.regime import Catalog
from tariffscope.store import MeasureLink as StoredLink
from tariffscope.store import Store, StoredExtraction
from tariffscope.tracker import (
    DatedStory,
    NegotiationState,
    StoryDating,
    ingest_paths,
    negotiation_state,
    story_pairs,
)
from tariffscope.tracker.linking import LINKER_NAME, link_mentions

__all__ = [
    "GivenStories",
    "StoredStories",
    "merged_records",
    "read_stories",
    "stories_for_pair",
]


@dataclass(frozen=True)
class GivenStories:
    """The stories handed to a brief, once in the store.

    ``as_of`` is the brief's date (the day given, else the latest publication date);
    ``pairs`` the negotiations they concern, the one they centre on first
    (:func:`tariffscope.tracker.story_pairs`); ``warnings`` how stories without a date were
    dated and which inputs could not be read.
    """

    article_ids: tuple[int, ...]
    as_of: date
    latest: date
    pairs: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]
    dating: tuple[DatedStory, ...] = ()


@dataclass(frozen=True)
class StoredStories:
    """The stories of the brief as the store holds them."""

    extractions: tuple[Extraction, ...]
    texts: tuple[str, ...]
    state: NegotiationState


def read_stories(
    store: Store, sources: Sequence[str], *, as_of: date | None = None
) -> GivenStories:
    """Ingest ``sources`` (stories without a publication date dated, see
    :class:`tariffscope.tracker.StoryDating`) and find the negotiations they concern.

    Raises
    ------
    InputError
        No story could be read (a story without a date is dated, see
        :class:`tariffscope.tracker.StoryDating`).
    """
    dating = StoryDating(as_of)
    report = ingest_paths(store, sources, prepare=dating)
    refused = [r for r in report.failed if r.source in dating.refused]
    if refused:
        raise InputError(refused[0].message or "a story has no date to brief it as of")
    if report.n_read == 0:
        failure = report.failed[0] if report.failed else None
        raise InputError(
            failure.message if failure and failure.message else "no story could be read"
        )
    warnings = [d.warning() for d in dating.dated.values()]
    warnings += [f"left out: {r.message or r.source}" for r in report.failed]
    given = tuple(dict.fromkeys(r.article_id for r in report.results if r.article_id is not None))
    days = [day for s in store.extractions(list(given)) if (day := s.extraction.article.published)]
    latest = max(days) if days else as_of
    if latest is None:  # every story was dated above, so this cannot happen
        raise InputError("the stories have no date to brief them as of")
    if as_of is not None and latest > as_of:
        warnings.append(
            f"briefed as of {as_of.isoformat()} (--as-of), before the latest story's "
            f"publication date {latest.isoformat()}: the law is read as of {as_of.isoformat()}"
        )
    return GivenStories(
        article_ids=given,
        as_of=as_of or latest,
        latest=latest,
        pairs=tuple(story_pairs(store, given)),
        warnings=tuple(warnings),
        dating=tuple(dating.dated.values()),
    )


def stories_for_pair(
    store: Store, given: GivenStories, pair: tuple[str, str], catalog: Catalog
) -> StoredStories:
    """The negotiation ``pair`` as the store holds it up to the brief's date, with the given
    stories; their measure mentions are linked to the catalog (links written to the store)."""
    window = max(given.as_of, given.latest)  # the given stories are always in the brief
    state = negotiation_state(store, pair, as_of=window)
    ids = sorted({ref.article_id for ref in state.articles} | set(given.article_ids))
    stored = [
        s
        for s in store.extractions(ids)
        if s.extraction.article.published is None or s.extraction.article.published <= window
    ]
    _write_links(store, stored, catalog)
    return StoredStories(
        extractions=tuple(s.extraction for s in stored),
        texts=tuple(s.body for s in stored if s.article.id in given.article_ids),
        state=state,
    )


def _write_links(store: Store, stored: Sequence[StoredExtraction], catalog: Catalog) -> None:
    for item in stored:
        extraction = item.extraction
        published = extraction.article.published
        if published is None:
            continue
        source = extraction.article.url or f"article:{extraction.article.title or 'untitled'}"
        links = link_mentions(extraction.measures, published, catalog, source=source)
        for mention_id, link in zip(item.mention_ids, links, strict=True):
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
