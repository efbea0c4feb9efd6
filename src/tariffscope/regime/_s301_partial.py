"""Section 301 China entries that cover only part of an HTS8 line (HTS ch.99 U.S. note 20).

Most of the China lists name whole 8-digit subheadings. Two subdivisions name a subheading
"except for such [goods] provided for in statistical reporting number(s) ...":

- note 20(g), heading 9903.88.04 (list 3, 25%): e.g. "8517.62.00, except for such machines
  provided for in statistical reporting number 8517.62.0090";
- note 20(s)(ii), heading 9903.88.15 (list 4A, 7.5%): e.g. "4901.99.00, except ... 4901.99.0040".

:func:`partial_entries` reads them from the chapter 99 text; :func:`covered_statistical_lines`
turns each into the line's statistical (HTS10) numbers less the excepted ones, so the catalog
covers exactly those and the 8-digit line itself is *partial* (its answer depends on the
statistical suffix; ``tariffscope rate`` says so).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from tariffscope.errors import DataFileError

__all__ = [
    "LIST3_PARTIAL",
    "LIST4A_PARTIAL",
    "RENUMBERED_STATISTICAL",
    "PartialEntry",
    "covered_statistical_lines",
    "partial_entries",
]

logger = logging.getLogger(__name__)

#: (first words of the subdivision, first words of the part holding the entries, end words)
LIST3_PARTIAL = (
    "(g) For the purposes of heading 9903.88.04",
    "(g) For the purposes of heading 9903.88.04",
    "(h) The U.S. Trade Representative determined",
)
LIST4A_PARTIAL = (
    "(s) Heading 9903.88.15 applies to:",
    "(ii) the following products of China:",
    "(t) For the purposes of heading 9903.88.16",
)

#: Statistical numbers the notes name that the 2025 edition prints under another number.
#: note 20(g) item 1 excepts 2931.90.9051 ("other" non-aromatic organo-inorganic compounds);
#: the 2025 edition's residual "Other" line is 2931.90.9052 (Census 2024 HTS10 descriptions:
#: "NON-AROMATIC ORGANO-INORGANIC COMPOUNDS, NESOI"; no 9051 is reported in 2024).
RENUMBERED_STATISTICAL: Mapping[str, str] = {"2931909051": "2931909052"}

_ITEM = re.compile(r"\n\s*\d+\.\s")
_SUBHEADING = re.compile(
    r"provided\s+for\s+(?:in\s+)?(?:\[?subheading\]?\s+)?(\d{4}\.\d{2}\.\d{2})"
)
_STATISTICAL = re.compile(r"(?<![\d.])(\d{4}\.\d{2}\.\d{4})(?!\.?\d)")


@dataclass(frozen=True)
class PartialEntry:
    """An 8-digit subheading named with the statistical numbers it excepts."""

    hts8: str
    excepted: tuple[str, ...]


def _block(text: str, start: str, part: str, end: str) -> str:
    begin = text.find(start)
    if begin < 0:
        raise DataFileError(f"chapter 99 text: subdivision {start!r} not found")
    inner = text.find(part, begin)
    stop = text.find(end, inner)
    if inner < 0 or stop < 0:
        raise DataFileError(f"chapter 99 text: {part!r} ... {end!r} not found after {start!r}")
    return text[inner:stop]


def partial_entries(text: str, where: tuple[str, str, str]) -> tuple[PartialEntry, ...]:
    """The numbered entries "1. ... provided for in XXXX.XX.XX, except ... XXXX.XX.XXXX" of
    the subdivision ``where`` (see :data:`LIST3_PARTIAL`); raises DataFileError if none."""
    block = _block(text, *where)
    entries: list[PartialEntry] = []
    for item in _ITEM.split(block)[1:]:
        words = " ".join(item.split())
        found = _SUBHEADING.search(words)
        if found is None:
            continue
        excepted = tuple(c.replace(".", "") for c in _STATISTICAL.findall(words[found.end() :]))
        if excepted:
            entries.append(PartialEntry(found.group(1).replace(".", ""), excepted))
    if not entries:
        raise DataFileError(f"chapter 99 text: no partial entries under {where[0]!r}")
    return tuple(entries)


def covered_statistical_lines(
    entries: tuple[PartialEntry, ...], children_of: Callable[[str], tuple[str, ...]]
) -> tuple[str, ...]:
    """The statistical lines each entry covers: its line's HTS10 numbers less the excepted.

    An excepted number the schedule does not print is read through
    :data:`RENUMBERED_STATISTICAL`; one still unknown is logged (it excepts nothing).
    """
    covered: set[str] = set()
    for entry in entries:
        children = children_of(entry.hts8)
        if not children:
            raise DataFileError(f"HTS {entry.hts8} of a partial Section 301 entry is not printed")
        excepted = {RENUMBERED_STATISTICAL.get(code, code) for code in entry.excepted}
        for code in sorted(excepted - set(children)):
            logger.warning("HTS %s: excepted number %s is not printed", entry.hts8, code)
        covered.update(child for child in children if child not in excepted)
    return tuple(sorted(covered))
