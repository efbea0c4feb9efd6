"""Percent rates in text and how they pair up ("from 10% to 25%", "to 47% from 57%").

:func:`find_rates` finds "25%", "25 percent", "25 per cent", "27.5 pct", "25-percent",
"50-per-cent", "zero tariffs", "duty-free", "free of tariffs" and "to zero", and the bare first
number of "from 25 to 30 percent" (the unit written once, after the second); percentage points
and ranges ("0%-20%") are marked so the caller can skip them. :func:`pair_rates` reads the
words between two rates of one sentence:

=====================================  =======================
pattern                                 roles
=====================================  =======================
from [a threatened] A to B              A from, B to
to A from B, up to A from B             A to, B from
A, down from B / A, up from B           A to, B from
A [tariff] on X, down from [the] B      A to, B from
A-B, between A and B                    a range (both skipped)
=====================================  =======================

All patterns are anchored regexes on short windows, so time is linear in the text length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["RateMention", "RateRole", "find_rates", "pair_rates"]

RateRole = Literal["to", "from", "range", "points"]

_NUMBER = r"(?P<num>\d{1,3}(?:\.\d{1,3})?)"
_RATE = re.compile(
    _NUMBER + r"(?:[ \t-]?(?P<pct>%|percent\b|per[ \t-]?cent\b|pct\b)(?P<points>[ \t]+points?\b"
    r"|[ \t]+percentage[ \t]+points?\b)?|[ \t]+(?P<pp>percentage[ \t]+points?)\b)",
    re.I,
)
_ZERO = re.compile(
    r"\b(?:(?P<a>zero|0)[ \t-]+(?:per[ \t]?cent[ \t]+|percent[ \t]+)?(?:tariffs?|duty|duties|"
    r"levies|levy)|(?P<b>tariff|duty)[ \t-]free|to[ \t]+(?P<c>zero)\b|"
    r"(?P<d>free)[ \t]+of[ \t]+(?:all[ \t]+)?(?:tariffs?|duty|duties|levies)\b)",
    re.I,
)
_FROM_BEFORE = re.compile(
    r"\bfrom[ \t]+(?:(?:a|an|the|its|their|about|around|some|roughly)[ \t]+)?"
    r"(?:[\w-]+[ \t]+){0,2}(?:of[ \t]+)?$",
    re.I,
)
_BETWEEN_FROM_TO = re.compile(
    r"^[ \t]*,?[ \t]*(?:to|and)[ \t]+(?:about[ \t]+|around[ \t]+)?$", re.I
)
# "to 18% from the present 50%", "to 15% from its steep 39%": up to two words after a
# determiner describe the earlier rate
_BETWEEN_TO_FROM = re.compile(
    r"^[ \t]*,?[ \t]*(?:(?:down|up)[ \t]+)?from[ \t]+"
    r"(?:(?:about|around)[ \t]+|(?:a|an|the|its|their)[ \t]+(?:[a-z-]+[ \t]+){0,2})?$",
    re.I,
)
# "a 20% tariff on many Vietnamese imports, down from the 46% rate": words between, but "down
# from" / "up from" right before the earlier rate (no other rate or clause break between)
# "a new rate of 15%, lifting the rate from 10%": a participle of change right after the new
# rate, whose "from" gives the earlier one
_BETWEEN_ING_FROM = re.compile(
    r"^[^.;:%,\n]{0,60}?,[ \t]*[a-z]+ing[ \t]+(?:[\w-]+[ \t]+){0,3}?from[ \t]+"
    r"(?:(?:a|an|the|its|their|about|around)[ \t]+)?$",
    re.I,
)
_BETWEEN_TO_DOWN_FROM = re.compile(
    r"^[^.;:%\n]{0,80}?,[ \t]*(?:down|up)[ \t]+from[ \t]+"
    r"(?:(?:a|an|the|its|their|about|around)[ \t]+)?$",
    re.I,
)
_BETWEEN_RANGE = re.compile(r"^[ \t]*(?:[-–—]|to)[ \t]*$")
# "will increase from 25 to 30 percent": the unit written once, after the later rate; the bare
# number right before "to" is the earlier rate (only after "from", so "18 to 20 percent" and
# "between 18 and 20 percent" stay ranges or single rates)
_BARE_FROM = re.compile(r"\bfrom[ \t]+(?P<num>\d{1,3}(?:\.\d{1,3})?)[ \t]+to[ \t]+$", re.I)
# "a tariff of 10 to 40 percent", "between 10 and 40 percent", "10-40%": the rate's number
# closes a range whose first number is bare (its word before: no "from", month or capital)
_BARE_RANGE_BEFORE = re.compile(
    r"(?:^|(?P<word>[A-Za-z.]+)[ \t]+)(?P<low>\d{1,3}(?:\.\d{1,3})?)"
    r"(?:[ \t]*(?:[-–—]|to)[ \t]*|[ \t]+and[ \t]+)$"
)
_BEFORE_RANGE = re.compile(r"\bbetween[ \t]+$", re.I)


@dataclass(slots=True)
class RateMention:
    """A rate in the text: ``value`` in percent, its character span and its role."""

    start: int
    end: int
    value: float
    role: RateRole = "to"
    partner: int | None = field(default=None)
    #: the id of the pairing pattern that gave the partner (news/data/measure_rules.toml)
    rule: str | None = field(default=None)


def find_rates(text: str) -> list[RateMention]:
    """Every percent rate of ``text`` in order (``role`` is "to", or "points")."""
    out: list[RateMention] = []
    for m in _RATE.finditer(text):
        before = text[max(0, m.start() - 2) : m.start()]
        if (
            before[-1:].isalnum()
            or before[-1:] == "."
            or (before[-1:] == "," and before[:1] != " ")
        ):
            continue  # part of a longer number or word: "1,000%", "A25%"
        value = float(m["num"])
        role: RateRole = "points" if (m["points"] or m["pp"]) else "to"
        bare = _BARE_FROM.search(text[max(0, m.start() - 30) : m.start()])
        if bare and role == "to" and m["pct"]:
            shift = max(0, m.start() - 30)
            out.append(
                RateMention(shift + bare.start("num"), shift + bare.end("num"), float(bare["num"]))
            )
        if role == "to" and _closes_bare_range(text[max(0, m.start() - 40) : m.start()], value):
            role = "range"
        out.append(RateMention(m.start(), m.end(), value, role))
    for m in _ZERO.finditer(text):
        if any(r.start < m.end() and m.start() < r.end for r in out):
            continue
        group = "a" if m["a"] else "b" if m["b"] else "c" if m["c"] else "d"
        out.append(RateMention(m.start(group), m.end(group), 0.0, "to"))
    out.sort(key=lambda r: r.start)
    return out


def _closes_bare_range(before: str, value: float) -> bool:
    """Whether a rate closes a range opened by a bare number ("of 10 to 40 percent", "between
    10 and 40 percent"): not a change ("from 10 to 25 percent"), a date ("on August 1 to
    25%") or a named number ("Section 232 to 25%"), and the bare number is the lower; "and"
    joins a range only after "between"."""
    m = _BARE_RANGE_BEFORE.search(before)
    if m is None or float(m["low"]) >= value:
        return False
    word = m["word"] or ""
    if word.lower() == "from" or word[:1].isupper():
        return False
    joint = m.group(0)[m.end("low") - m.start() :]
    return "and" not in joint or word.lower() == "between"


def pair_rates(text: str, rates: list[RateMention], bounds: list[tuple[int, int]]) -> None:
    """Mark from/to pairs and ranges among rates that share a sentence (in place).

    ``bounds`` are the sentences as character ranges.
    """

    starts = [s for s, _ in bounds]

    def sentence(pos: int) -> int:
        k = bisect.bisect_right(starts, pos) - 1
        return k if k >= 0 and pos < bounds[k][1] else -1

    for k in range(len(rates) - 1):
        a, b = rates[k], rates[k + 1]
        if a.role != "to" or b.role != "to" or sentence(a.start) != sentence(b.start):
            continue
        between = text[a.end : b.start]
        before = text[max(0, a.start - 40) : a.start]
        if (_BETWEEN_RANGE.match(between) and not _FROM_BEFORE.search(before)) or (
            _BEFORE_RANGE.search(before) and re.match(r"^[ \t]*and[ \t]+$", between)
        ):
            a.role = b.role = "range"
        elif _FROM_BEFORE.search(before) and _BETWEEN_FROM_TO.match(between):
            a.role, a.partner, b.partner = "from", k + 1, k
            a.rule = b.rule = "from.pair_from_to"
        elif _BETWEEN_ING_FROM.match(between):
            b.role, b.partner, a.partner = "from", k, k + 1
            a.rule = b.rule = "from.pair_participle_from"
        elif _BETWEEN_TO_FROM.match(between) or _BETWEEN_TO_DOWN_FROM.match(between):
            b.role, b.partner, a.partner = "from", k, k + 1
            a.rule = b.rule = (
                "from.pair_to_from" if _BETWEEN_TO_FROM.match(between) else "from.pair_down_from"
            )
