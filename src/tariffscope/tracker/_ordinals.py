"""Ordinals of events in the story text: "his eighth visit", "the fifth round of talks".

The news reader counts repetitions ("visited Washington seven times") in ``Event.count`` but
does not number single events; this reads the sentence around an event's span instead.
"""

from __future__ import annotations

import re

from tariffscope.domain.news import Event

__all__ = ["ORDINAL_WORDS", "event_ordinal"]

ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
}
_NOUNS = {
    "visit": r"visits?|trips?|time",
    "talks": r"rounds?|sessions?|talks|time",
    "meeting": r"meetings?|rounds?|time",
    "call": r"calls?|time",
}
_ORDINAL = r"(?P<ord>" + "|".join(ORDINAL_WORDS) + r"|\d{1,2}(?:st|nd|rd|th))"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def _sentence(body: str, start: int, end: int) -> str:
    left = max((m.end() for m in _SENTENCE_END.finditer(body, 0, start)), default=0)
    right_match = _SENTENCE_END.search(body, end)
    right = right_match.start() if right_match else len(body)
    return body[left:right]


def event_ordinal(event: Event, body: str) -> int | None:
    """The ordinal the story gives the event ("eighth visit" -> 8), or None."""
    nouns = _NOUNS.get(event.kind)
    if nouns is None or not body:
        return None
    start = max(0, min(event.start, len(body)))
    end = max(start, min(event.end, len(body)))
    sentence = _sentence(body, start, end)
    pattern = re.compile(_ORDINAL + r"\s+(?:[\w-]+\s+){0,2}?(?:" + nouns + r")\b", re.I)
    found = {m["ord"].lower() for m in pattern.finditer(sentence)}
    values = {ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word)) for word in found}
    return values.pop() if len(values) == 1 else None
