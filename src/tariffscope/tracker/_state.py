"""The state of one negotiation on a date, from every stored story about it."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from tariffscope.domain.countries import WLD
from tariffscope.store import Store, StoredExtraction, pair_key
from tariffscope.tracker._events import build_events, event_reports, visit_series
from tariffscope.tracker._identity import PersonIndex, of_pair, party_of
from tariffscope.tracker._measures import MentionReport, group_mentions, most_common
from tariffscope.tracker._pairs import parse_pair
from tariffscope.tracker._quotes import QuoteReport, group_quotes
from tariffscope.tracker._views import (
    ActorView,
    DeadlineView,
    EventView,
    MeasureView,
    NegotiationState,
    QuoteView,
    SourceRef,
    StatusLabel,
)

__all__ = ["negotiation_state", "select_stories"]


def _story_day(item: StoredExtraction) -> dt.date | None:
    return item.extraction.article.published


def select_stories(
    stored: Sequence[StoredExtraction],
    as_of: dt.date | None,
) -> tuple[list[StoredExtraction], int]:
    """The stories published on or before ``as_of`` (all when None), oldest first, and the
    number left out because their publication date is unknown."""
    if as_of is None:
        chosen = list(stored)
        undated = 0
    else:
        chosen = [s for s in stored if (d := _story_day(s)) is not None and d <= as_of]
        undated = sum(1 for s in stored if _story_day(s) is None)
    chosen.sort(key=lambda s: (_story_day(s) or dt.date.max, s.article.id))
    return chosen, undated


def _ref(item: StoredExtraction, record_id: int, span: tuple[int, int]) -> SourceRef:
    meta = item.article.meta
    return SourceRef(
        item.article.id,
        record_id,
        item.article.source,
        meta.outlet,
        meta.title,
        meta.url,
        meta.published,
        span,
    )


def _quotes(
    stories: Sequence[StoredExtraction], index: PersonIndex, parties: tuple[str, str]
) -> list[QuoteView]:
    reports: list[QuoteReport] = []
    where: dict[int, StoredExtraction] = {}
    for item in stories:
        for quote_id, quote in zip(item.quote_ids, item.extraction.quotes, strict=True):
            speaker = index.canonical(quote.speaker) if quote.speaker else None
            country = index.country(speaker) if speaker else None
            if country is not None and party_of(country, parties) is None:
                continue
            via = index.canonical(quote.via) if quote.via else None
            reports.append(QuoteReport(quote_id, item.article.id, quote, speaker, via))
            where[quote_id] = item
    views: list[QuoteView] = []
    for group in group_quotes(reports):
        texts = sorted({r.quote.text for r in group}, key=lambda t: (-len(t), t))
        views.append(
            QuoteView(
                text=texts[0],
                speaker=str(most_common([r.speaker for r in group]))
                if any(r.speaker for r in group)
                else None,
                via=str(most_common([r.via for r in group])) if any(r.via for r in group) else None,
                variants=tuple(texts[1:]),
                sources=tuple(
                    _ref(where[r.quote_id], r.quote_id, (r.quote.start, r.quote.end)) for r in group
                ),
            )
        )
    return views


def _measures(
    store: Store, stories: Sequence[StoredExtraction], parties: tuple[str, str]
) -> list[MeasureView]:
    reports: list[MentionReport] = []
    where: dict[int, StoredExtraction] = {}
    for order, item in enumerate(stories):
        for mention_id, m in zip(item.mention_ids, item.extraction.measures, strict=True):
            if not of_pair(m.imposer, m.target, parties):
                continue
            reports.append(
                MentionReport(
                    mention_id, item.article.id, m, item.extraction.article.published, order
                )
            )
            where[mention_id] = item
    links = {link.mention_id: link for link in store.measure_links([r.mention_id for r in reports])}
    views: list[MeasureView] = []
    for group in group_mentions(reports):
        mentions = [r.mention for r in group]
        effective = most_common([m.effective_date for m in mentions])
        from_rate = most_common([m.from_rate_pct for m in mentions])
        days = [r.published for r in group if r.published]
        views.append(
            MeasureView(
                imposer=mentions[0].imposer,
                target=mentions[0].target,
                products=Counter(m.products for m in mentions).most_common(1)[0][0],
                from_rate_pct=float(from_rate) if isinstance(from_rate, float | int) else None,
                to_rate_pct=mentions[0].to_rate_pct,
                effective_date=effective if isinstance(effective, dt.date) else None,
                status=mentions[-1].status,
                statuses=tuple(m.status for m in mentions),
                first_reported=min(days) if days else None,
                last_reported=max(days) if days else None,
                mention_ids=tuple(r.mention_id for r in group),
                sources=tuple(
                    _ref(where[r.mention_id], r.mention_id, (r.mention.start, r.mention.end))
                    for r in group
                ),
                links=tuple(links[r.mention_id] for r in group if r.mention_id in links),
            )
        )
    rank = {"in_force": 0, "threatened": 1, "agreed": 2, "proposed": 3, "suspended": 4}
    views.sort(key=lambda v: (rank.get(v.status, 9), v.imposer, v.target, v.products))
    return views


def _measure_text(m: MeasureView) -> str:
    rate = f"{m.to_rate_pct:g}%"
    if m.from_rate_pct is not None:
        rate = f"{m.from_rate_pct:g}% -> {rate}"
    return f"{m.imposer} tariff on {m.target} {m.products}: {rate} ({m.status})"


def _deadlines(
    stories: Sequence[StoredExtraction], measures: Sequence[MeasureView], today: dt.date | None
) -> list[DeadlineView]:
    if today is None:
        return []
    stated: dict[dt.date, list[tuple[str, SourceRef]]] = {}
    for item in stories:
        for deadline_id, d in zip(item.deadline_ids, item.extraction.deadlines, strict=True):
            if d.date >= today:
                stated.setdefault(d.date, []).append(
                    (" ".join(d.what.split()), _ref(item, deadline_id, (d.start, d.end)))
                )
    starting: dict[dt.date, list[MeasureView]] = {}
    for m in measures:
        if m.status == "threatened" and m.effective_date and m.effective_date >= today:
            starting.setdefault(m.effective_date, []).append(m)
    out: list[DeadlineView] = []
    for day in sorted(stated.keys() | starting.keys()):
        texts = [_measure_text(m) for m in starting.get(day, [])]
        phrases = sorted({w for w, _ in stated.get(day, []) if w}, key=lambda w: (len(w), w))
        sources = [s for _, s in stated.get(day, [])]
        sources += [s for m in starting.get(day, []) for s in m.sources]
        out.append(
            DeadlineView(
                date=day,
                days_left=(day - today).days,
                what="; ".join(texts) if texts else (phrases[0] if phrases else ""),
                kind="measure" if texts else "deadline",
                details=(*texts, *phrases),
                sources=tuple(dict.fromkeys(sources)),
            )
        )
    return out


def _actors(
    stories: Sequence[StoredExtraction],
    index: PersonIndex,
    parties: tuple[str, str],
    events: Sequence[EventView],
    quotes: Sequence[QuoteView],
) -> list[ActorView]:
    articles: dict[str, set[int]] = {}
    aliases: dict[str, set[str]] = {}
    mentions: Counter[str] = Counter()
    for item in stories:
        for actor in item.extraction.actors:
            name = index.canonical(actor.name)
            articles.setdefault(name, set()).add(item.article.id)
            aliases.setdefault(name, set()).add(actor.name)
            mentions[name] += max(1, len(actor.mentions))
    in_events = Counter(p for e in events for p in e.participants)
    in_quotes = Counter(q.speaker for q in quotes if q.speaker)
    views: list[ActorView] = []
    for name, ids in articles.items():
        country = index.country(name)
        party = party_of(country, parties) if country else None
        if party is None and (country is not None or not in_events[name]):
            continue
        views.append(
            ActorView(
                name=name,
                role=index.role(name),
                roles=index.roles(name),
                country=country,
                party=party,
                aliases=tuple(sorted(aliases[name] - {name})),
                n_articles=len(ids),
                n_mentions=mentions[name],
                n_events=in_events[name],
                n_quotes=in_quotes[name],
            )
        )
    views.sort(key=lambda a: (-a.prominence, -a.n_articles, a.name))
    return views


def _status(
    events: Sequence[EventView],
    measures: Sequence[MeasureView],
    parties: tuple[str, str],
) -> tuple[StatusLabel, str]:
    far = dt.date.min
    deals = [e for e in events if e.kind == "agreement" and e.status == "happened"]
    ended = [e for e in events if e.kind == "talks" and e.status == "cancelled"]
    last_deal = max((e.sort_date or far for e in deals), default=None)
    last_end = max((e.sort_date or far for e in ended), default=None)
    if last_end is not None and (last_deal is None or last_end >= last_deal):
        return "talks ended", "talks reported ended or cancelled"
    implemented = [
        m
        for m in measures
        if m.status == "in_force"
        and "agreed" in m.statuses
        and m.statuses.index("agreed") < len(m.statuses) - 1
    ]
    if implemented:
        m = implemented[0]
        return "implemented", f"agreed {m.products} rate {m.to_rate_pct:g}% reported in force"
    agreed = [m for m in measures if m.status == "agreed"]
    if deals:
        latest = max(deals, key=lambda e: e.sort_date or far)
        when = latest.date.isoformat() if latest.date else "date unknown"
        return "framework announced", f"agreement reported ({when})"
    if agreed:
        return (
            "framework announced",
            f"agreed rate {agreed[0].to_rate_pct:g}% on {agreed[0].products} reported",
        )
    if WLD in parties and measures:
        # a party and all its partners is one side's measures, not a negotiation
        return "measures on all partners", "measures on every partner reported, no agreement"
    if events or measures:
        return "talks ongoing", "events or measures reported, no agreement"
    return "no talks reported", "no stored story reports events or measures"


def negotiation_state(
    store: Store, pair: str | Sequence[str], as_of: dt.date | None = None
) -> NegotiationState:
    """What the stored stories say about a negotiation on a date.

    Parameters
    ----------
    store
        The store the stories were ingested into.
    pair
        The two parties: ``("USA", "JPN")`` or ``"USA-JPN"`` (order kept in the result).
    as_of
        Use only stories published on or before this date, and count days to deadlines from
        it. None: every story, counted from the latest publication date.

    Returns
    -------
    NegotiationState
        Parties, status, actors, merged events with sources, quotes, measures, deadlines.

    Raises
    ------
    MalformedInputError, UnknownCodeError
        ``pair`` does not name two parties.
    """
    parties = parse_pair(pair)
    stored = store.extractions([a.id for a in store.articles(pair_key(*parties))])
    stories, undated = select_stories(stored, as_of)
    days = [d for s in stories if (d := _story_day(s)) is not None]
    today = as_of or (max(days) if days else None)
    index = PersonIndex(s.extraction for s in stories)
    events = build_events(event_reports(stories, index, parties), stories)
    series, events = visit_series(events)
    quotes = _quotes(stories, index, parties)
    measures = _measures(store, stories, parties)
    deadlines = _deadlines(stories, measures, today)
    actors = _actors(stories, index, parties, events, quotes)
    leads = tuple(
        a
        for party in parties
        if (a := next((x for x in actors if x.party == party), None)) is not None
    )
    status, reason = _status(events, measures, parties)
    return NegotiationState(
        parties=parties,
        as_of=today,
        status=status,
        status_reason=reason,
        lead_actors=leads,
        actors=tuple(actors),
        events=tuple(events),
        quotes=tuple(quotes),
        measures=tuple(measures),
        deadlines=tuple(deadlines),
        next_deadline=deadlines[0] if deadlines else None,
        days_to_deadline=deadlines[0].days_left if deadlines else None,
        series=tuple(series),
        articles=tuple(_ref(s, s.article.id, (0, len(s.body))) for s in stories),
        undated_articles=undated,
    )
