"""Finding quotations by their marks, in one linear pass per paragraph.

Rules:

- Double marks (“ ” „ « » and the straight ") delimit quotations. A straight mark opens when no
  quotation is open and closes otherwise; a closing curly mark with nothing open, written
  where an opening one belongs (after a space, before a word), opens.
- Single marks (‘ ’ and ') are quotation marks only outside double quotations. An opening
  single mark follows a space, a bracket or the line start and precedes a word; a closing one
  follows a non-space and precedes a space, punctuation or the line end. A mark between two
  letters is an apostrophe ("didn't"), and ’90s is an elision.
- A quotation never crosses a paragraph (line) break. One still open at the end of a
  paragraph ends there (``closed=False``); the next paragraph's quotation that starts with an
  opening mark is its continuation (``continues=True``), as in multi-paragraph quotes whose
  middle paragraphs carry no closing mark. Unclosed *single* marks count only in texts whose
  only quotation marks are single, so a stray apostrophe does not swallow a paragraph.

Nothing is lost on unbalanced marks: each paragraph is scanned on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

__all__ = ["QuoteSpan", "find_quote_spans"]

_OPEN_DOUBLE = frozenset("“„«")
_CLOSE_DOUBLE = frozenset("”»")
_STRAIGHT_DOUBLE = '"'
_OPEN_SINGLE = frozenset("‘'")
_CLOSE_SINGLE = frozenset("’'")
_OPENERS_BEFORE = frozenset(" \t([{—–-/:")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The words between a pair of quotation marks (``start``/``end`` exclude the marks)."""

    start: int
    end: int
    closed: bool
    single: bool
    continues: bool = False


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _double_spans(text: str, start: int, end: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in _OPEN_DOUBLE and ch not in _CLOSE_DOUBLE and ch != _STRAIGHT_DOUBLE:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if ch in _OPEN_DOUBLE or (
            ch in _CLOSE_DOUBLE
            and open_at is None
            and before in _OPENERS_BEFORE
            and not after.isspace()
        ):
            if open_at is not None:  # an opening mark inside an open quotation: close it
                s, e = _strip(text, open_at + 1, i)
                if e > s:
                    spans.append(QuoteSpan(s, e, False, False))
            open_at = i
        elif ch in _CLOSE_DOUBLE:
            if open_at is not None:
                s, e = _strip(text, open_at + 1, i)
                if e > s:
                    spans.append(QuoteSpan(s, e, True, False))
                open_at = None
        else:  # straight mark
            if open_at is None:
                if not after.isspace():
                    open_at = i
            else:
                s, e = _strip(text, open_at + 1, i)
                if e > s:
                    spans.append(QuoteSpan(s, e, True, False))
                open_at = None
    if open_at is not None:
        s, e = _strip(text, open_at + 1, end)
        if e > s:
            spans.append(QuoteSpan(s, e, False, False))
    return spans


def _single_spans(
    text: str, start: int, end: int, allow_unclosed: bool, blocked: list[QuoteSpan]
) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    block = iter(sorted((b.start - 1, b.end + 1) for b in blocked))
    current = next(block, None)
    for i in range(start, end):
        while current is not None and current[1] <= i:
            current = next(block, None)
        if current is not None and current[0] <= i < current[1]:
            continue
        ch = text[i]
        if ch not in _OPEN_SINGLE and ch not in _CLOSE_SINGLE:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if before.isalnum() and after.isalpha():
            continue  # apostrophe: didn't, we'll
        if open_at is None:
            if (
                ch in _OPEN_SINGLE
                and before in _OPENERS_BEFORE | {'"', "“"}
                and (
                    after.isalpha() or after in '“"' or (after.isdigit() and not _elision(text, i))
                )
            ):
                open_at = i
        elif ch in _CLOSE_SINGLE and not before.isspace() and not after.isalnum():
            s, e = _strip(text, open_at + 1, i)
            if e > s:
                spans.append(QuoteSpan(s, e, True, True))
            open_at = None
    if open_at is not None and allow_unclosed:
        s, e = _strip(text, open_at + 1, end)
        if e > s:
            spans.append(QuoteSpan(s, e, False, True))
    return spans


def _elision(text: str, i: int) -> bool:
    """’90s, ’25: a mark before two digits and an optional s."""
    tail = text[i + 1 : i + 4]
    return (
        len(tail) >= 2
        and tail[:2].isdigit()
        and (len(tail) == 2 or not tail[2].isalnum() or tail[2] == "s")
    )


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quotations of ``text`` in order (see the module docstring for the rules)."""
    return list(_quote_spans(text))


@lru_cache(maxsize=8)
def _quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    """:func:`find_quote_spans`, kept for the last texts: the quotes, measures, mention-chain
    and actor-filter components each ask for the quotations of the same story."""
    has_double = any(ch in text for ch in '“”„«»"')
    out: list[QuoteSpan] = []
    start = 0
    previous_open = False
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            doubles = _double_spans(text, start, end)
            singles = _single_spans(text, start, end, not has_double, doubles)
            spans = sorted(doubles + singles, key=lambda q: q.start)
            first_mark = len(line) - len(line.lstrip())
            for k, span in enumerate(spans):
                continues = k == 0 and previous_open and span.start - start <= first_mark + 1
                out.append(QuoteSpan(span.start, span.end, span.closed, span.single, continues))
            previous_open = bool(spans) and not spans[-1].closed
        start = end + 1
    return tuple(out)
