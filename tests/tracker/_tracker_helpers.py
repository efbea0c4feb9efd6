"""Helpers for the tracker tests: hand-built stories and the gold extractor of the dev set."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from tariffscope.domain.news import Actor, ArticleMeta, Event, Extraction, MeasureMention, Quote
from tariffscope.news.ingest import Article
from tariffscope.store import Store

KNOWN = {
    "Howard Lutnick": ("Commerce Secretary", "USA"),
    "Donald Trump": ("President", "USA"),
    "Xi Jinping": ("President", "CHN"),
    "Lee Jae Myung": ("President", "KOR"),
    "Jamieson Greer": ("Trade Representative", "USA"),
    "Greer": (None, "USA"),
    "Cyril Ramaphosa": ("President", "ZAF"),
    "Ramaphosa": ("President", "ZAF"),
    "Parks Tau": ("trade minister", "ZAF"),
    "Tau": (None, "ZAF"),
    "Narendra Modi": ("Prime Minister", "IND"),
    "Modi": ("Prime Minister", "IND"),
    "Piyush Goyal": ("commerce minister", "IND"),
    "Goyal": (None, "IND"),
}


def event(
    kind: str,
    participants: Sequence[str],
    *,
    date: dt.date | None = None,
    month: bool = False,
    status: str = "happened",
    place: str | None = None,
    date_text: str | None = None,
    count: int | None = None,
    start: int = 0,
    end: int = 10,
) -> Event:
    return Event.from_dict(
        {
            "kind": kind,
            "date": None if date is None else date.isoformat(),
            "date_precision": ("month" if month else "day") if date else None,
            "date_text": date_text,
            "place": place,
            "participants": list(participants),
            "status": status,
            "count": count,
            "start": start,
            "end": end,
        }
    )


def story(
    outlet: str,
    published: dt.date | None,
    events: Sequence[Event] = (),
    quotes: Sequence[Quote] = (),
    measures: Sequence[MeasureMention] = (),
    body: str | None = None,
) -> tuple[str, Extraction]:
    """A body text and an extraction whose actors are the people the events and quotes name."""
    names: list[str] = []
    for e in events:
        names += [p for p in e.participants if p in KNOWN and p not in names]
    for q in quotes:
        names += [p for p in (q.speaker, q.via) if p and p in KNOWN and p not in names]
    actors = tuple(Actor(n, KNOWN[n][0], KNOWN[n][1], 0, 5, ((0, 5),)) for n in names)
    text = body or f"A story by {outlet} about trade talks. " * 3
    meta = ArticleMeta(title=f"{outlet} story", published=published, outlet=outlet)
    return text, Extraction(meta, actors, tuple(events), tuple(quotes), tuple(measures))


def add_stories(store: Store, stories: Iterable[tuple[str, Extraction]]) -> list[int]:
    """Store hand-built stories the way the ingest does (with their negotiations)."""
    from tariffscope.tracker import article_pairs

    ids = []
    for k, (body, extraction) in enumerate(stories):
        ids.append(
            store.add_article(
                f"story-{k}",
                body,
                extraction,
                extractor="test",
                negotiations=article_pairs(extraction),
            )
        )
    return ids


class GoldExtractor:
    """Reads the dev set's gold records instead of running the pipeline."""

    name = "dev gold"

    def __init__(self, gold_dir: Path) -> None:
        self.gold_dir = gold_dir

    def __call__(self, articles: Sequence[Article]) -> list[Extraction]:
        out = []
        for article in articles:
            path = self.gold_dir / f"{Path(article.source).stem}.json"
            out.append(Extraction.from_dict(json.loads(path.read_text(encoding="utf-8"))))
        return out
