"""Preferential rates of the HTS Special column as arrays aligned with a block of lines.

:func:`special_column` turns the Special texts of a block of lines and a set of programme codes
into arrays the engines use (:meth:`tariffscope.regime.schedule.Schedule.special_rates` caches
them for the schedule's HTS8 lines). Each distinct text is parsed once
(:func:`tariffscope.regime._special_text.parse_special`), so a call costs one pass over the
about 700 distinct texts plus one gather.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tariffscope.regime._special_text import parse_special

__all__ = ["SpecialColumn", "special_column", "special_column_of_unique"]


@dataclass(frozen=True)
class SpecialColumn:
    """The preferential rate of each line for a set of programme codes.

    Attributes
    ----------
    codes
        The programme codes asked for (``("S", "S+")`` for USMCA).
    ad_valorem
        The ad valorem part of the lowest listed rate (fraction); 0 where not listed.
    listed
        True where the Special column gives one of ``codes`` a rate.
    specific
        True where that rate is specific, compound or other (``ad_valorem`` is then only its
        ad valorem part, as for General rates).
    reference
        True where one of ``codes`` is listed only by reference to a chapter 98/99 provision
        ("See 9823.04.01-9823.04.54 (S+)"): the preferential rate is a quota provision the
        arrays do not price.
    code
        The code whose rate was chosen ("" where not listed).
    """

    codes: tuple[str, ...]
    ad_valorem: npt.NDArray[np.float64]
    listed: npt.NDArray[np.bool_]
    specific: npt.NDArray[np.bool_]
    reference: npt.NDArray[np.bool_]
    code: npt.NDArray[np.str_]


def special_column(texts: npt.NDArray[np.str_], codes: Iterable[str]) -> SpecialColumn:
    """The preferential rates of ``codes`` on lines with the Special texts ``texts``.

    Parameters
    ----------
    texts
        The Special column text of each line ("" where none is printed).
    codes
        Programme codes of one programme (or several: the lowest listed rate is taken, as
        general note 3(a)(iii) does for goods eligible under more than one programme).

    Returns
    -------
    SpecialColumn
        Read-only arrays aligned with ``texts``.
    """
    unique, inverse = np.unique(texts, return_inverse=True)
    return special_column_of_unique(unique, inverse, codes)


def special_column_of_unique(
    unique: npt.NDArray[np.str_], inverse: npt.NDArray[np.intp], codes: Iterable[str]
) -> SpecialColumn:
    """As :func:`special_column`, for texts given as ``unique[inverse]`` (the schedule keeps
    that decomposition of its HTS8 texts, so each programme costs one pass over the distinct
    texts)."""
    wanted = frozenset(codes)
    n = unique.shape[0]
    rate = np.zeros(n)
    listed = np.zeros(n, dtype=bool)
    specific = np.zeros(n, dtype=bool)
    reference = np.zeros(n, dtype=bool)
    code = np.full(n, "", dtype=object)
    for i, text in enumerate(unique.tolist()):
        if not text:
            continue
        parsed = parse_special(text)
        best = parsed.best(wanted)
        if best is not None and best.rate is not None:
            listed[i] = True
            rate[i] = best.rate.ad_valorem
            specific[i] = best.rate.is_specific
            code[i] = next(c for c in best.codes if c in wanted)
        elif any(term.reference for term in parsed.terms if not wanted.isdisjoint(term.codes)):
            reference[i] = True
    arrays = (
        rate[inverse],
        listed[inverse],
        specific[inverse],
        reference[inverse],
        code.astype(str)[inverse] if n else np.array([], dtype=str),
    )
    for array in arrays:
        array.setflags(write=False)
    return SpecialColumn(tuple(sorted(wanted)), *arrays)
