"""Quotations de-duplicated across outlets.

Outlets quote the same words with different punctuation, capitalisation, curly or straight
marks, an ellipsis or a shorter excerpt. Two quotations are the same when their normalized
texts (lower case, letters and digits only) are equal, when the shorter one (at least
:data:`MIN_EXCERPT_WORDS` words) is contained in the longer one, or when their similarity
(:class:`difflib.SequenceMatcher` ratio) is at least :data:`SIMILARITY`, and their speakers
do not contradict each other.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from tariffscope.domain.news import Quote
from tariffscope.tracker._identity import same_person

__all__ = [
    "MIN_EXCERPT_WORDS",
    "SIMILARITY",
    "QuoteReport",
    "group_quotes",
    "normalize_quote",
    "same_quote",
]

SIMILARITY = 0.85
"""Smallest SequenceMatcher ratio of two normalized quotations taken as the same words."""
MIN_EXCERPT_WORDS = 4
"""Shortest excerpt (in words) recognised inside a longer quotation."""

_NON_WORD = re.compile(r"[^\w]+")


def normalize_quote(text: str) -> str:
    """Lower-case words of a quotation, without accents, punctuation or quote marks."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("’", "'").replace("'", "")
    return " ".join(_NON_WORD.sub(" ", plain).split())


def same_quote(a: str, b: str) -> bool:
    """True when two quotations are the same words (see the module docstring)."""
    na, nb = normalize_quote(a), normalize_quote(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long = sorted((na, nb), key=len)
    if len(short.split()) >= MIN_EXCERPT_WORDS and f" {short} " in f" {long} ":
        return True
    if len(short) < 0.6 * len(long):
        return False
    words_a, words_b = set(na.split()), set(nb.split())
    if len(words_a & words_b) < 0.5 * min(len(words_a), len(words_b)):
        return False
    return SequenceMatcher(None, na, nb, autojunk=False).ratio() >= SIMILARITY


@dataclass(frozen=True, slots=True)
class QuoteReport:
    """One story's quotation with its ids and canonical speaker."""

    quote_id: int
    article_id: int
    quote: Quote
    speaker: str | None
    via: str | None


def _speakers_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or same_person(a, b)


def group_quotes(reports: Sequence[QuoteReport]) -> list[list[QuoteReport]]:
    """Group the reports of the same quotation, in order of first appearance."""
    groups: list[list[QuoteReport]] = []
    for report in reports:
        for group in groups:
            speakers = Counter(r.speaker for r in group if r.speaker)
            speaker = speakers.most_common(1)[0][0] if speakers else None
            if not _speakers_agree(report.speaker, speaker):
                continue
            if any(same_quote(report.quote.text, r.quote.text) for r in group):
                group.append(report)
                break
        else:
            groups.append([report])
    return groups
