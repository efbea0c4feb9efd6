"""Measure mentions merged across stories.

Mentions are the same measure when imposer, target, goods (compared by
:func:`products_key`) and the new rate agree. The merged measure takes the status of the
latest story, the most often reported start date and previous rate, and keeps every status
reported in story order, so a measure reported "agreed" and later "in_force" shows that the
deal was implemented.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tariffscope.domain.news import MeasureMention

__all__ = ["MentionReport", "group_mentions", "products_key"]

_CAR_WORDS = frozenset({"car", "auto", "automobile", "vehicle", "autos", "automotive"})
_DROP = frozenset({"the", "imports", "import", "of", "exports", "export"})
_WORD = re.compile(r"[a-z]+")


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def products_key(products: str) -> str:
    """A comparison key of the goods a mention names ("Cars" and "automobiles" agree)."""
    words = [_singular(w) for w in _WORD.findall(products.lower()) if w not in _DROP]
    if words and all(w in _CAR_WORDS or w in {"passenger", "motor"} for w in words):
        return "car"
    return " ".join(words) or products.strip().lower()


@dataclass(frozen=True, slots=True)
class MentionReport:
    """One story's mention of a measure with its ids and the story's date."""

    mention_id: int
    article_id: int
    mention: MeasureMention
    published: dt.date | None
    order: int


def _key(m: MeasureMention) -> tuple[str, str, str, float]:
    return (m.imposer, m.target, products_key(m.products), round(m.to_rate_pct, 3))


def group_mentions(reports: Sequence[MentionReport]) -> list[list[MentionReport]]:
    """Group the mentions of one measure; each group in story order (``order``)."""
    groups: dict[tuple[str, str, str, float], list[MentionReport]] = {}
    for report in sorted(reports, key=lambda r: r.order):
        groups.setdefault(_key(report.mention), []).append(report)
    return list(groups.values())


def most_common(values: Sequence[object]) -> object | None:
    """The most frequent non-None value (the first seen among ties), or None."""
    counter = Counter(v for v in values if v is not None)
    return counter.most_common(1)[0][0] if counter else None
