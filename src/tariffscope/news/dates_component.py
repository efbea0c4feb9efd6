"""The ``tariffscope_dates`` component: date expressions resolved with the governing verb's tense.

It finds date expressions with :func:`tariffscope.news.dates.find_dates`, reads the direction
from the grammar and resolves each against the publication date in ``doc._.tariffscope_meta``:

- a preposition that looks ahead ("from", "starting", "until", "by", "as of", "effective")
  or a following "deadline" gives +1, "since" gives -1;
- otherwise the tense of the governing verb (:func:`tariffscope.news._syntax.direction`):
  "met ... on Friday" looks back, "will attend ... on Saturday" looks forward.

Without a publication date, the story is read as of the day its own clues give, by the
same function that dates it for the brief (:func:`tariffscope.news.dates_story.story_date`:
a date in its URL, the latest date it tells as past, its title's year, and, where no clue
gives a year, the latest year that puts a day on or before the last day the measure catalog
covers, the component's ``horizon``). That day gives a year to the dates whose day or month
is written out ("Feb. 5", "in March"), each marked ``inferred``; weekdays and relative words
("on Tuesday", "next week") are not counted from it, since the story may be days older or
newer than its clues. A weekday told as past is the latest past full date of the text that
falls on it ("Trump on Thursday ended the talks ... wrote on October 23, 2025", a Thursday),
if any (:func:`tariffscope.news.dates.same_weekday`).

A day counted from another ("the previous day", "one day earlier") counts from the last
day-precise day of something told before it (not a deadline, a start or an end, nor another
counted day), else from the publication date (:func:`tariffscope.news.dates.counted_day`).

Each expression also gets its role (:mod:`tariffscope.news.temporal`): a deadline by the named
patterns of ``data/time_patterns.json`` (which then looks ahead), else by its preposition.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import registry

from tariffscope.news._component import LexiconComponent
from tariffscope.news._persons import dateline_ranges
from tariffscope.news._syntax import direction, doc_text, governing_verb, reduced_relative
from tariffscope.news.dates import (
    DateExpr,
    counted_day,
    echoed_weekday,
    find_dates,
    resolve,
    same_weekday,
)
from tariffscope.news.dates_story import DateClue, story_date
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.time_rules import (
    Role,
    TimePattern,
    build_matchers,
    pattern_roles,
    reporting_verb,
    role_of,
    time_patterns,
)
from tariffscope.package_yaml import package_yaml

__all__ = [
    "DateComponent",
    "catalog_horizon",
    "catalog_start",
    "date_direction",
    "make_date_component",
    "stated_date",
    "story_reference",
]

_CATALOG_FILE = Path(__file__).resolve().parents[1] / "regime" / "catalog" / "catalog.yaml"


def _coverage(key: str) -> str | None:
    value = (package_yaml(_CATALOG_FILE).get("coverage") or {}).get(key)
    return None if value is None else str(value)


def catalog_horizon() -> str | None:
    """The last day the measure catalog covers, as ISO text (``{"@misc":
    "tariffscope.catalog_horizon.v1"}``): a month and day no clue gives a year take the latest
    year that puts them on or before it, as the brief does. Read from ``catalog.yaml`` alone:
    importing :mod:`tariffscope.regime` would add half a second to loading the reader."""
    return _coverage("end")


def catalog_start() -> str | None:
    """The first day the measure catalog covers, as ISO text (``{"@misc":
    "tariffscope.catalog_start.v1"}``): a weekday pins a month and day to a year from this
    one's to the horizon's, never to a year the catalog does not cover."""
    return _coverage("start")


registry.misc.register("tariffscope.catalog_horizon.v1", func=catalog_horizon)
registry.misc.register("tariffscope.catalog_start.v1", func=catalog_start)


def _start_phrase(verb: Token) -> str:
    """The verb's lemma, with its direct object's when it has one ("take effect")."""
    lemma = verb.lemma_.lower()
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"]
    return f"{lemma} {objects[0]}" if objects else lemma


def date_direction(expr: DateExpr, span: Span | None, lex: Lexicon) -> int:
    """-1, 0 or +1: which way a date expression points (see the module docstring)."""
    if expr.preposition in lex.words("time_ahead_prepositions"):
        return 1
    if expr.preposition in lex.words("time_since_prepositions"):
        return -1
    if span is None:
        return 0
    said = reporting_verb(span.doc, span.start, lex)
    if said is not None:  # "said on Friday he would ...": the day of the saying
        # "the tariffs announced in April are set to expire": a saying that describes a
        # noun was done before, whatever its clause says next
        return -1 if reduced_relative(said) else direction(said)
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    ahead_nouns = lex.words("time_ahead_nouns")
    if after is not None and after.lower_ in ahead_nouns:
        return 1
    root = span.root
    if root.head.lower_ in ahead_nouns:
        return 1
    verb = governing_verb(root.head if root.head.i != root.i else root)
    if verb is not None and reduced_relative(verb):
        return -1  # "the tariffs unveiled on Monday would ...": the day it was done
    way = direction(verb)
    if (
        way == 0
        and verb is not None
        and verb.tag_ in {"VBP", "VBZ"}
        and (
            verb.lemma_.lower() in lex.words("time_expiry_verbs")
            or _start_phrase(verb) in lex.words("time_start_verbs")
        )
    ):
        # "the act expires in September", "Tariffs Take Effect Oct. 14": an end or a start
        # told in the present is ahead (a timetable, a headline's present)
        return 1
    if (
        way == 0
        and expr.kind == "weekday"
        and verb is not None
        and verb.tag_ in {"VBP", "VBZ"}
        and verb.lemma_.lower() not in lex.words("time_report_verbs")
    ):
        return 1  # "voters head to the polls on Sunday": a timetable, told in the present
    return way


def date_role(
    expr: DateExpr, span: Span | None, matched: dict[int, tuple[Role, str]], lex: Lexicon
) -> Role:
    """The role of a date: a named pattern's (``data/time_patterns.json``), else a deadline
    noun right after it ("an Aug. 1 deadline" however it is parsed), else its preposition's."""
    if span is not None:
        for token in span:
            if token.i in matched:
                return matched[token.i][0]
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and after.lower_ in lex.words("time_deadline_nouns"):
            return "deadline"
    return role_of(expr.preposition, lex)


def stated_date(doc: Doc) -> dt.date | None:
    """The latest full date (day, month and year written out) the text tells as past or
    without a direction, from ``doc._.tariffscope_dates``: the earliest day a story without a
    publication date can have been written (a date that looks ahead, "from August 1, 2025",
    is left out)."""
    days = [
        dt.date.fromisoformat(item["date"])
        for item in doc._.tariffscope_dates or ()
        if item["kind"] == "absolute"
        and item["has_year"]
        and item["date"]
        and item["precision"] == "day"
        and item["direction"] <= 0
    ]
    return max(days) if days else None


def story_reference(
    doc: Doc,
    found: list[tuple[DateExpr, int]],
    horizon: dt.date | None,
    lex: Lexicon,
    start: dt.date | None = None,
) -> DateClue | None:
    """The day a story without a publication date is read as of, from its clues (the dates
    ``found`` with their directions, its URL and title; a weekday pins a year between
    ``start`` and ``horizon``, the years the catalog covers) and, on the second reading, the
    day the law it reports gives (``law_day`` in ``doc._.tariffscope_meta``, put there by
    :func:`tariffscope.news.law_anchor.with_law`): the brief's own dating."""
    meta = doc._.tariffscope_meta or {}
    law = meta.get("law_day")
    return story_date(
        found,
        text=doc_text(doc),
        url=meta.get("url"),
        title=meta.get("title"),
        ahead=lex.words("time_ahead_prepositions"),
        horizon=horizon,
        first_year=None if start is None else start.year,
        law_day=None if not law else (dt.date.fromisoformat(law[0]), str(law[1])),
    )


def dating_record(anchor: dt.date | None, story: DateClue | None) -> dict[str, Any]:
    """``doc._.tariffscope_dating``: the day the story is read as of and what gave it."""
    if anchor is not None:
        return {
            "as_of": anchor.isoformat(),
            "basis": "published",
            "detail": "its publication date",
            "year_from": "its publication date",
        }
    if story is None:
        return {"as_of": None, "basis": None, "detail": "no clue dates the story", "year_from": ""}
    return {
        "as_of": story.day.isoformat(),
        "basis": story.basis,
        "detail": story.detail,
        "year_from": story.year_from,
    }


def _written_out(expr: DateExpr) -> bool:
    """A day or month named without its year ("Feb. 5", "in March"): the story's day gives
    the year."""
    return expr.year is None and expr.kind in {"absolute", "month"}


def _side(way: int, story: DateClue) -> int:
    """The direction a yearless date is resolved in from the story's inferred day. A day read
    from the dates a story tells as past (``stated``, ``month``) is the earliest the story can
    have been written, not its day: a date told as past may still fall after it, so it takes
    the nearest year ("in mid-June" in a story whose latest stated day is 2 April: that June,
    not the one before)."""
    return 0 if way < 0 and story.basis in {"stated", "month"} else way


def _published(doc: Doc) -> dt.date | None:
    meta = doc._.tariffscope_meta or {}
    value = meta.get("published")
    return dt.date.fromisoformat(value) if value else None


class DateComponent(LexiconComponent):
    """Resolve the article's date expressions (writes ``doc._.tariffscope_dates``).

    ``horizon`` (ISO date or None): the latest day a story's yearless date can fall on when
    no clue of the story gives a year (see the module docstring).
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        lexicon: Lexicon,
        horizon: str | None = None,
        start: str | None = None,
    ) -> None:
        super().__init__(nlp, name, lexicon)
        self.horizon = None if horizon is None else dt.date.fromisoformat(horizon)
        self.start = None if start is None else dt.date.fromisoformat(start)

    def _rules(self) -> tuple[tuple[TimePattern, ...], tuple[DependencyMatcher, ...]]:
        """The named time patterns and their matchers, built once per lexicon."""
        cached = getattr(self, "_built", None)
        if cached is None or cached[0] is not self.lexicon:
            patterns = time_patterns(self.lexicon)
            cached = (self.lexicon, patterns, build_matchers(self.vocab, patterns))
            self._built = cached
        return cached[1], cached[2]

    def annotate(self, doc: Doc) -> None:
        """Find, orient, resolve and give a role to every date expression."""
        lex = self.lexicon
        anchor = _published(doc)
        patterns, matchers = self._rules()
        # the patterns read the parse and the tags (a blank pipeline has neither); each runs
        # only on a story holding its words (pattern_roles)
        matched = (
            pattern_roles(doc, matchers, patterns)
            if doc.has_annotation("DEP") and doc.has_annotation("TAG")
            else {}
        )
        datelines = dateline_ranges(doc_text(doc))
        found: list[tuple[DateExpr, int]] = []
        roles: list[Role] = []
        for expr in find_dates(doc_text(doc)):
            span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
            role = date_role(expr, span, matched, lex)
            if any(start <= expr.start < end for start, end in datelines):
                role = "dateline"
            way = 1 if role == "deadline" else date_direction(expr, span, lex)
            if expr.modifier == "also" and found:  # "July 8 and 9": the day joined to a date
                way = found[-1][1]  # is told as it is
            found.append((expr, way))
            roles.append(role)
        story = None if anchor else story_reference(doc, found, self.horizon, lex, self.start)
        out: list[dict[str, Any]] = []
        told: list[tuple[int, dt.date | None, str | None]] = []
        written: list[tuple[DateExpr, dt.date | None]] = []  # dates written with a weekday
        for (expr, way), role in zip(found, roles, strict=True):
            inferred = anchor is None and story is not None and _written_out(expr)
            if inferred:
                assert story is not None
                value, precision = resolve(expr, story.day, direction=_side(way, story))
            else:
                value, precision = resolve(expr, anchor, direction=way)
            if value is None and anchor is None and expr.kind == "weekday":
                value = same_weekday(expr, way, found)
                precision = None if value is None else "day"
            elif anchor is not None and way <= 0 and expr.kind == "weekday":
                value = echoed_weekday(expr, value, written) or value
            if expr.kind == "absolute" and expr.weekday is not None:
                written.append((expr, value))
            if expr.modifier == "counted":  # "the previous day": from the day told last
                value = counted_day(expr, told) or value
                precision = None if value is None else "day"
            if role == "on" and expr.modifier != "counted":  # the day of something told
                told.append((expr.start, value, precision))
            out.append(
                {
                    "start": expr.start,
                    "end": expr.end,
                    "text": expr.text,
                    "kind": expr.kind,
                    "date": None if value is None else value.isoformat(),
                    "precision": precision,
                    "direction": way,
                    "role": role,
                    "preposition": expr.preposition,
                    "modifier": expr.modifier,
                    "has_year": expr.has_year,
                    "inferred": inferred,
                }
            )
        doc._.tariffscope_dates = out
        reference = anchor or (None if story is None else story.day)
        doc._.tariffscope_reference = None if reference is None else reference.isoformat()
        doc._.tariffscope_dating = dating_record(anchor, story)


@Language.factory(
    "tariffscope_dates",
    assigns=["doc._.tariffscope_dates", "doc._.tariffscope_reference", "doc._.tariffscope_dating"],
    requires=["token.dep", "token.tag"],
    default_config={
        "lexicon": {"@misc": "tariffscope.lexicon.v1"},
        "horizon": {"@misc": "tariffscope.catalog_horizon.v1"},
        "start": {"@misc": "tariffscope.catalog_start.v1"},
    },
)
def make_date_component(
    nlp: Language, name: str, lexicon: Lexicon, horizon: str | None, start: str | None
) -> DateComponent:
    """Factory of ``tariffscope_dates`` (see :class:`DateComponent`)."""
    return DateComponent(nlp, name, lexicon, horizon, start)
