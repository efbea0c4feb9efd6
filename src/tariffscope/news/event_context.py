"""Event rules that place an event in the story's time: background and relative days.

Helpers of :mod:`tariffscope.news.events` (pure functions on the parsed ``Doc``):

- :func:`is_background`: an event the story mentions only as history is not recorded (the
  GUIDELINES ask for what happened or is planned in the negotiation, each event with a date or
  a place):

  - dated only by a past year ("after losing *the 2022 election*", "Ottawa imposed tariffs
    *last year*", "two years ago");
  - told as an earlier stage with a sequence adverb and no date ("Trump *previously*
    threatened", "*initially* imposed");
  - an announcement without a date or a place in a temporal clause that dates something else
    from far off or tells how something began ("The deal comes three months *after* Trump
    imposed a 39% tariff", "a dispute that began *when* the last government levied tariffs",
    "*since* Washington imposed"); a plain "after" keeps it ("The second visit came after
    Trump published the letter").

- :func:`topic_country`: "*the country's* trade minister will visit the United States" in a
  sentence whose subject is "South Korea's presidential office": the country is the one the
  sentence is about, named in its main subject.
- :func:`day_offsets`: "a call *on the eve of* the US announcement" (the announcement is the
  day after the call), "*the day after* the meeting", "*the day before* the vote": pairs of
  trigger tokens with the number of days from the first event to the second, so that a date
  known for one of them dates the other.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Doc, Token

from tariffscope.news._measure_parts import place_spans
from tariffscope.news._syntax import governing_verb, subject_of
from tariffscope.news.lexicon import Lexicon

__all__ = [
    "SEQUENCE_ADVERBS",
    "date_by_offsets",
    "day_offsets",
    "is_background",
    "topic_country",
]

SEQUENCE_ADVERBS = frozenset(["previously", "initially", "originally", "formerly"])
_TEMPORAL_MARKS = frozenset(["after", "since", "when"])
_ORIGIN_VERBS = frozenset(["begin", "start", "erupt", "stem", "date"])
_LONG_UNITS = frozenset(["month", "year", "decade"])
_PAST_YEAR_TEXT = re.compile(r"\b(?:last|past|previous)\s+year\b|\byears?\s+ago\b", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _verb_of(token: Token) -> Token | None:
    return token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)


def _year_tokens(token: Token) -> list[int]:
    """Years attached to the trigger: "the 2022 election", "imposed ... in 2019"."""
    years = [int(c.text) for c in token.children if _YEAR.match(c.text)]
    verb = _verb_of(token)
    for owner in [token] + ([verb] if verb is not None and verb is not token else []):
        for prep in owner.children:
            if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}:
                years += [int(g.text) for g in prep.children if _YEAR.match(g.text)]
    return years


def is_background(
    token: Token,
    kind: str,
    date_text: str | None,
    dated: bool,
    place: str | None,
    year_now: int | None,
) -> bool:
    """True when the event the trigger names is history the article only mentions.

    ``dated`` tells whether the event has a calendar date (day or month); ``year_now`` is the
    publication year (or the latest year of a full date in an undated text), if known.
    """
    if dated:
        return False
    if date_text and _PAST_YEAR_TEXT.search(date_text):
        return True
    if year_now is not None and any(y < year_now for y in _year_tokens(token)):
        return True
    if date_text or place:
        return False
    verb = _verb_of(token)
    if verb is None:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in SEQUENCE_ADVERBS for c in verb.children):
        return True
    if kind != "announcement" or verb.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ in {"mark", "advmod"}} & _TEMPORAL_MARKS
    if not marks:
        return False
    head = verb.head
    if "since" in marks or head.lemma_.lower() in _ORIGIN_VERBS:
        return True  # "a dispute that began when the last government levied tariffs"
    return any(  # "comes more than three months after Trump imposed"
        c.dep_ == "npadvmod" and c.lemma_.lower() in _LONG_UNITS
        for c in [*head.children, *verb.children]
    )


_EVE = {"eve": 1}
_DAY_WORDS = {"after": -1, "before": 1}


def day_offsets(doc: Doc) -> list[tuple[int, int, int]]:
    """``(first token, second token, days from the first event to the second)`` for every
    "EVENT on the eve of EVENT", "EVENT the day after EVENT" and "EVENT the day before EVENT".

    The first token is the head the phrase attaches to (a trigger noun or verb); the second is
    the object of "of" / "after" / "before". Whether both are events is for the caller.
    """
    out: list[tuple[int, int, int]] = []
    for token in doc:
        lower = token.lower_
        if lower == "eve":
            of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            objects = [g for p in of for g in p.children if g.dep_ == "pobj"]
            owner = token.head.head if token.head.dep_ == "prep" else token.head
            if objects:
                out.append((owner.i, objects[0].i, _EVE["eve"]))
        elif lower == "day" and any(c.lower_ == "the" for c in token.children):
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in _DAY_WORDS:
                    objects = [g for g in prep.children if g.dep_ == "pobj"]
                    if objects:
                        owner = token.head
                        out.append((owner.i, objects[0].i, _DAY_WORDS[prep.lower_]))
    return out


def date_by_offsets(events: list[dict[str, Any]], offsets: list[tuple[int, int, int]]) -> None:
    """Date an event from another one a known number of days away (see :func:`day_offsets`).

    ``events`` carry the token indices of their triggers under ``"tokens"``; only a day-precise
    date is carried over, and only to an event without a date.
    """

    def owner(index: int) -> dict[str, Any] | None:
        return next((e for e in events if index in e.get("tokens", ())), None)

    for first, second, days in offsets:
        a, b = owner(first), owner(second)
        if a is None or b is None or a is b:
            continue
        for known, unknown, shift in ((a, b, days), (b, a, -days)):
            if known["date"] and known.get("date_precision") == "day" and not unknown["date"]:
                day = dt.date.fromisoformat(known["date"]) + dt.timedelta(days=shift)
                unknown["date"], unknown["date_precision"] = day.isoformat(), "day"
                break


def topic_country(member: Token, lex: Lexicon) -> str | None:
    """The country "the country's" / "the nation's" stands for: the first country named in the
    subject of the sentence's main verb ("South Korea's presidential office said that ... the
    country's trade minister will visit"), or None."""
    owner = next(
        (
            c
            for c in member.children
            if c.dep_ == "poss"
            and c.lemma_.lower() in {"country", "nation"}
            and any(d.lower_ == "the" for d in c.children)
        ),
        None,
    )
    if owner is None:
        return None
    root = member.sent.root
    subject = subject_of(root) if root.pos_ in {"VERB", "AUX"} else None
    if subject is None or subject.i == member.i:
        return None
    for iso, kind, _, _ in place_spans(subject.subtree, lex):
        if kind in {"country", "demonym", "capital", "institution"}:
            return iso
    return None
