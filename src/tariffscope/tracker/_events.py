"""Events of a negotiation: the stories' reports merged, dated, ordered and numbered."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from tariffscope.domain.countries import WLD
from tariffscope.store import StoredExtraction
from tariffscope.tracker._cluster import EventReport, cluster_events, merged_window, place_country
from tariffscope.tracker._dates import event_window
from tariffscope.tracker._identity import PersonIndex, is_party_code, party_of
from tariffscope.tracker._ordinals import event_ordinal
from tariffscope.tracker._views import EventView, SourceRef, VisitEntry, VisitSeries

__all__ = ["build_events", "event_reports", "visit_series"]

_KIND_ORDER = {"election": 9}


def _relevant(report: EventReport, parties: tuple[str, str]) -> bool:
    if any(party_of(c, parties) is None for c in report.countries):
        return False
    others = [party_of(c, parties) == WLD for c in report.countries]
    if WLD in parties and others and all(others):
        return False  # with all partners: an event of other countries alone is not the party's
    if report.event.kind == "visit":
        country = place_country(report.event.place)
        if country is not None and party_of(country, parties) is None:
            return False
    return True


def event_reports(
    stored: Sequence[StoredExtraction], index: PersonIndex, parties: tuple[str, str] | None = None
) -> list[EventReport]:
    """Every event record of the stories as an :class:`EventReport` (only those that concern
    the two ``parties`` when given)."""
    out: list[EventReport] = []
    for item in stored:
        ex = item.extraction
        local = {a.name: a.country for a in ex.actors}
        published = ex.article.published
        for event_id, event in zip(item.event_ids, ex.events, strict=True):
            persons, countries = index.split(event.participants, local)
            known: dict[str, str] = {}
            for name in event.participants:
                if is_party_code(name):
                    continue
                country = local.get(name) or index.country(index.canonical(name))
                if country and country != WLD:
                    known[index.canonical(name)] = country
            person_countries = tuple(sorted(known.items()))
            report = EventReport(
                event_id=event_id,
                article_id=item.article.id,
                event=event,
                published=published,
                persons=persons,
                countries=countries,
                person_countries=person_countries,
                window=event_window(event, published),
                ordinal=event_ordinal(event, item.body),
            )
            if parties is None or _relevant(report, parties):
                out.append(report)
    return out


def _source(report: EventReport, articles: dict[int, StoredExtraction]) -> SourceRef:
    item = articles[report.article_id]
    meta = item.article.meta
    return SourceRef(
        item.article.id,
        report.event_id,
        item.article.source,
        meta.outlet,
        meta.title,
        meta.url,
        meta.published,
        (report.event.start, report.event.end),
    )


def _merged_view(group: Sequence[EventReport], articles: dict[int, StoredExtraction]) -> EventView:
    window = merged_window(group)
    exact = [
        r.event
        for r in group
        if r.event.date
        and r.event.date_precision != "month"
        and (window.lo is None or window.lo <= r.event.date)
        and (window.hi is None or r.event.date <= window.hi)
    ]
    months = [r.event for r in group if r.event.date and r.event.date_precision == "month"]
    date: dt.date | None
    precision: str | None = None
    date_text = None
    if exact:
        date = Counter(e.date for e in exact).most_common(1)[0][0]
        precision = "day"
        date_text = next((e.date_text for e in exact if e.date == date and e.date_text), None)
    elif (single := window.single_day()) is not None:
        date, precision = single, "day"
    elif months:
        date = Counter(e.date for e in months).most_common(1)[0][0]
        precision = "month"
        date_text = next((e.date_text for e in months if e.date_text), None)
    else:
        date = None
    if date_text is None:
        date_text = next((r.event.date_text for r in group if r.event.date_text), None)
    places = Counter(r.event.place for r in group if r.event.place)
    statuses = {r.event.status for r in group}
    status = next(s for s in ("happened", "cancelled", "planned") if s in statuses)
    kinds = Counter(r.event.kind for r in group)
    kind = "meeting" if "meeting" in kinds else kinds.most_common(1)[0][0]
    persons: list[str] = []
    covered: set[str] = set()
    for r in group:
        for p in sorted(
            r.persons,
            key=lambda n: r.event.participants.index(n) if n in r.event.participants else 99,
        ):
            if p not in persons:
                persons.append(p)
        covered |= {c for _, c in r.person_countries}
    codes = sorted({c for r in group for c in r.countries} - covered)
    published = [r.published for r in group if r.published]
    sort_date = date or (min(published) if published else window.lo)
    if date is None and window.bounded and window.lo and published and status == "planned":
        sort_date = max(window.lo, min(published))
    sources = tuple(dict.fromkeys(_source(r, articles) for r in group))
    return EventView(
        id=min(r.event_id for r in group),
        kind=kind,
        date=date,
        date_precision=precision,
        earliest=window.lo if date is None else None,
        latest=window.hi if date is None else None,
        date_text=date_text,
        place=places.most_common(1)[0][0] if places else None,
        participants=(*persons, *codes),
        status=status,
        count=max((r.event.count for r in group if r.event.count), default=None),
        ordinal=next((r.ordinal for r in group if r.ordinal is not None), None),
        sources=sources,
        sort_date=sort_date,
    )


def build_events(
    reports: Sequence[EventReport], stored: Sequence[StoredExtraction]
) -> list[EventView]:
    """Merge the reports into events and sort them by date (ordinals break ties)."""
    articles = {s.article.id: s for s in stored}
    views = [_merged_view(group, articles) for group in cluster_events(reports)]
    far = dt.date.max
    views.sort(key=lambda v: (v.sort_date or far, _KIND_ORDER.get(v.kind, 0), v.ordinal or 0, v.id))
    return views


def _series_key(view: EventView) -> tuple[str, str, str]:
    persons = [p for p in view.participants if not is_party_code(p)]
    if view.kind == "visit":
        place = view.place or ""
        return ("visit", persons[0] if persons else "", place_country(place) or place.lower())
    if view.kind == "talks":
        return ("talks", "", "")
    return (view.kind, " & ".join(sorted(persons)), "")


def view_place(members: Sequence[EventView]) -> str | None:
    """The most frequent place of a series' events."""
    places = Counter(m.place for m in members if m.place)
    return places.most_common(1)[0][0] if places else None


def visit_series(events: Sequence[EventView]) -> tuple[list[VisitSeries], list[EventView]]:
    """Number visits (per person and place) and rounds of talks; reorder events so that a
    numbered event follows the lower numbers of its series.

    Returns
    -------
    (series, events)
        The series that have a number or a count somewhere, and the events re-ordered.
    """
    groups: dict[tuple[str, str, str], list[int]] = {}
    for position, view in enumerate(events):
        if view.kind in {"visit", "talks", "meeting"} and view.status != "cancelled":
            groups.setdefault(_series_key(view), []).append(position)
    ordered = list(events)
    series: list[VisitSeries] = []
    for key, positions in groups.items():
        members = [events[p] for p in positions]
        if not any(m.ordinal or (m.count or 0) > 1 for m in members):
            continue
        anchors = [m for m in members if (m.count or 0) > 1]
        anchor = anchors[-1] if anchors else None
        anchor_day = None
        if anchor is not None:
            anchor_day = min((s.published for s in anchor.sources if s.published), default=None)
        singles = [m for m in members if (m.count or 1) == 1]
        entries: list[VisitEntry] = []
        previous: int | None = None
        for m in singles:
            number, inferred = m.ordinal, False
            if (
                number is None
                and anchor is not None
                and anchor.count
                and anchor_day
                and m.sort_date
                and m.sort_date > anchor_day
            ):
                number, inferred = (previous or anchor.count) + 1, True
            elif number is None and previous is not None:
                number, inferred = previous + 1, True
            previous = number if number is not None else previous
            entries.append(VisitEntry(m.id, number, inferred, m.date or m.sort_date))
        if all(e.number is not None for e in entries):
            numbered = {e.event_id: e.number or 0 for e in entries}
            slots = [p for p in positions if (events[p].count or 1) == 1]
            reordered = sorted((events[p] for p in slots), key=lambda v: numbered[v.id])
            for slot, view in zip(slots, reordered, strict=True):
                ordered[slot] = view
            entries.sort(key=lambda e: e.number or 0)
        series.append(
            VisitSeries(
                kind=key[0],
                person=key[1] or None,
                place=(view_place(members) or key[2]) or None,
                known_count=anchor.count if anchor else None,
                known_as_of=anchor_day,
                visits=tuple(entries),
            )
        )
    return series, ordered
