"""Merging the reports of one real-world event from several stories.

Two reports from different stories describe one event when all of these hold (reports
of one story are never merged: the news reader has already merged within a story):

1. **Kind**: the same kind, where a meeting and talks count as the same kind, and so does a
   "visit" whose participants are people of two countries (one visiting the other).
2. **Status**: a planned event may have happened or been cancelled later, but an event that
   happened and one that was cancelled are different events.
3. **Dates**: their date windows (:mod:`tariffscope.tracker._dates`) intersect; a merged
   event keeps the intersection, so every report of it agrees with every other.
4. **Participants**: they share a person, or (when one side names only governments) a
   country; and they do not conflict. They conflict when each names a country the other
   lacks (Trump with Xi and Trump with Lee), or when both name people of one country and
   none in common (Ishiba meeting Bessent, Akazawa meeting Bessent).
5. **Announcements**: governments announce many things; two announcements (or "other"
   events) merge only when both stories date them (a bounded window each).
6. **Counts and ordinals**: "seven visits" is not one visit, and the seventh visit is not the
   eighth.
7. **Place**: places that resolve to two different countries conflict; other places only
   help choose between candidates.

Reports are taken most precisely dated first; each joins the compatible event it fits best
(shared people and countries, same place, same kind) or starts a new one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tariffscope.domain.news import Event
from tariffscope.news.lexicon import default_lexicon
from tariffscope.tracker._dates import DateWindow

__all__ = ["EventReport", "cluster_events", "place_country", "same_place"]

_FAMILY = {"meeting": "meet", "talks": "meet"}
_DATED_ONLY = frozenset({"announcement", "other"})
_PLACE_STOP = frozenset({"the", "of", "in", "at", "city", "and"})
_WORD = re.compile(r"[a-z]+")


def place_country(place: str | None) -> str | None:
    """The country of a place name (a country, capital, region or institution), if known."""
    if not place:
        return None
    return default_lexicon().place_code(place.strip())


def _place_words(place: str) -> frozenset[str]:
    words = _WORD.findall(place.lower())
    expanded = {"united", "nations"} if "un" in words else set()
    return frozenset(w for w in words if w not in _PLACE_STOP and w != "un") | expanded


def same_place(a: str | None, b: str | None) -> bool:
    """True when two place names share a significant word ("UN General Assembly" and
    "United Nations General Assembly", "South Korea" and "Korea")."""
    if not a or not b:
        return False
    return bool(_place_words(a) & _place_words(b))


@dataclass(frozen=True, slots=True)
class EventReport:
    """One story's report of an event, ready for merging.

    Attributes
    ----------
    event_id, article_id
        Database ids of the event record and its article.
    event
        The record as the news reader produced it.
    published
        The story's publication date.
    persons, countries
        Canonical person names and the countries named directly or through a person.
    person_countries
        ``(person, country)`` pairs for the persons whose country is known.
    window
        When the event may have taken place, according to this story.
    ordinal
        "the eighth visit" -> 8, when the story numbers the event.
    """

    event_id: int
    article_id: int
    event: Event
    published: dt.date | None
    persons: frozenset[str]
    countries: frozenset[str]
    person_countries: tuple[tuple[str, str], ...]
    window: DateWindow
    ordinal: int | None = None


@dataclass
class _Cluster:
    reports: list[EventReport] = field(default_factory=list)
    window: DateWindow = field(default_factory=DateWindow)

    def add(self, report: EventReport, window: DateWindow) -> None:
        self.reports.append(report)
        self.window = window


def _family(report: EventReport) -> str:
    kind = report.event.kind
    if kind == "visit" and len({c for _, c in report.person_countries}) >= 2:
        return "meet"  # a "visit" of people from two countries to each other is a meeting
    return _FAMILY.get(kind, kind)


def _status_ok(a: str, b: str) -> bool:
    return a == b or "planned" in (a, b)


def _by_country(report: EventReport) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for person, country in report.person_countries:
        out.setdefault(country, set()).add(person)
    return out


def _participants_ok(a: EventReport, b: EventReport) -> bool:
    if a.countries - b.countries and b.countries - a.countries:
        return False
    people_a, people_b = _by_country(a), _by_country(b)
    for country in people_a.keys() & people_b.keys():
        if not people_a[country] & people_b[country]:
            return False
    return True


def _linked(a: EventReport, b: EventReport) -> bool:
    if a.persons & b.persons:
        return True
    if a.persons and b.persons:
        return False
    if a.countries & b.countries:
        return True
    return not (a.persons or a.countries or b.persons or b.countries)


def _pair_ok(a: EventReport, b: EventReport) -> bool:
    if a.article_id == b.article_id:  # the news reader already merged within a story
        return False
    ea, eb = a.event, b.event
    if _family(a) != _family(b) or not _status_ok(ea.status, eb.status):
        return False
    if ea.kind in _DATED_ONLY and not (a.window.bounded and b.window.bounded):
        return False
    count_a, count_b = ea.count or 1, eb.count or 1
    if count_a != count_b:
        return False
    if a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal:
        return False
    country_a, country_b = place_country(ea.place), place_country(eb.place)
    if country_a and country_b and country_a != country_b:
        return False
    return _participants_ok(a, b)


def _score(report: EventReport, cluster: _Cluster) -> float:
    score = 0.0
    for other in cluster.reports:
        score += 2 * len(report.persons & other.persons) + len(report.countries & other.countries)
        score += 2 * same_place(report.event.place, other.event.place)
        score += report.event.kind == other.event.kind
        score += report.event.status == other.event.status
        score += report.event.date is not None and report.event.date == other.event.date
    return score / len(cluster.reports)


def _precision(report: EventReport) -> tuple[int, int, str, int]:
    width = report.window.width
    published = report.published.isoformat() if report.published else "9999"
    return (0 if width is not None else 1, width or 0, published, report.event_id)


def cluster_events(reports: Iterable[EventReport]) -> list[tuple[EventReport, ...]]:
    """Group reports of the same real-world event (see the module docstring for the rules).

    Returns
    -------
    list of tuple of EventReport
        One tuple per event, its reports in input order of precision (most precise first).
    """
    by_family: dict[str, list[EventReport]] = {}
    for report in sorted(reports, key=_precision):
        by_family.setdefault(_family(report), []).append(report)
    out: list[tuple[EventReport, ...]] = []
    for family_reports in by_family.values():  # reports of different kinds never merge
        out.extend(_cluster_family(family_reports))
    return out


def _cluster_family(reports: Sequence[EventReport]) -> list[tuple[EventReport, ...]]:
    clusters: list[_Cluster] = []
    for report in reports:
        best: tuple[float, int, DateWindow] | None = None
        lo, hi = report.window.lo, report.window.hi
        for index, cluster in enumerate(clusters):
            other = cluster.window
            if (lo is not None and other.hi is not None and lo > other.hi) or (
                hi is not None and other.lo is not None and hi < other.lo
            ):
                continue  # quick test before the full intersection
            window = other.intersect(report.window)
            if window.is_empty():
                continue
            if not all(_pair_ok(report, other) for other in cluster.reports):
                continue
            if not any(_linked(report, other) for other in cluster.reports):
                continue
            score = _score(report, cluster)
            if best is None or score > best[0]:
                best = (score, index, window)
        if best is None:
            clusters.append(_Cluster([report], report.window))
        else:
            clusters[best[1]].add(report, best[2])
    return [tuple(c.reports) for c in clusters]


def merged_window(reports: Sequence[EventReport]) -> DateWindow:
    """The intersection of the reports' windows."""
    window = DateWindow()
    for report in reports:
        window = window.intersect(report.window)
    return window
