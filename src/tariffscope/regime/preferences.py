"""Preferential base rates: a programme's Special rate in place of the General (MFN) rate.

A claim of a preference programme (``--claim korus``) replaces the base rate of a line by the
programme's rate in the HTS Special column, where

1. the Special column of the line prints one of the programme's codes with a rate (a code
   printed only with "See 98xx/99xx" points to a quota provision and is not priced);
2. goods of the origin can claim the programme on the entry date
   (:meth:`tariffscope.regime.programmes.Programme.ineligibility`; origin-independent
   programmes: any column 1 origin);
3. the rate is lower than the General rate (general note 3(a)(iii): the lowest rate of the
   programmes that apply).

Measures then stack on that base as on the General rate (inclusive floors include it). The
single-line path (:func:`line_preferences`) and the array path (:func:`preferential_base`)
read the same Special texts with the same parser, so they agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from tariffscope.regime.programmes import Programme
from tariffscope.regime.schedule import Schedule, ScheduleLine
from tariffscope.regime.special import special_column

__all__ = ["BaseRates", "Preference", "best_preference", "line_preferences", "preferential_base"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: Code used for preferences granted by chapter 98 provisions (no Special column code).
CHAPTER98 = "ch98"


@dataclass(frozen=True)
class Preference:
    """A programme's preferential rate on one line.

    ``rate`` is the ad valorem part (fraction); ``specific`` flags a specific or compound
    rate. ``reference`` names the chapter 98/99 provision when the line gives the programme
    only a reference (then ``rate`` is meaningless and the preference is not priced).
    """

    programme: Programme
    code: str
    text: str
    rate: float
    specific: bool = False
    reference: str = ""

    @property
    def priced(self) -> bool:
        return not self.reference

    def to_dict(self, *, claimed: bool) -> dict[str, Any]:
        return {
            "claim": self.programme.id,
            "programme": self.programme.name,
            "code": self.code,
            "text": self.text,
            "rate_pct": None if self.reference else round(self.rate * 100, 6),
            "specific": self.specific,
            "reference": self.reference or None,
            "claimed": claimed,
        }


def _chapter98_mask(
    programme: Programme, codes: npt.NDArray[np.str_], origin: str | None = None
) -> BoolArray:
    mask = np.zeros(codes.shape[0], dtype=bool)
    if programme.chapter98 is not None and programme.chapter98.applies_to(origin):
        by_length: dict[int, list[str]] = {}
        for prefix in programme.chapter98.prefixes:
            by_length.setdefault(len(prefix), []).append(prefix)
        # one set look-up per prefix length, not one string scan per prefix (USMCA's chapter 98
        # provisions name 120 lines): a code cut to a prefix's length equals it exactly when
        # the code starts with it
        for length, prefixes in by_length.items():
            if length == 0:
                mask[:] = True
            else:
                mask |= np.isin(codes.astype(f"U{length}"), prefixes)
    return mask


def line_preferences(
    line: ScheduleLine, programmes: Sequence[Programme], origin: str | None = None
) -> list[Preference]:
    """Every preference ``programmes`` give ``line`` (priced ones and references) for goods of
    ``origin`` (None: the preferences of every eligible country)."""
    special = line.special
    out: list[Preference] = []
    for programme in programmes:
        best = special.best(frozenset(programme.codes))
        if best is not None and best.rate is not None:
            code = next(c for c in best.codes if c in programme.codes)
            out.append(
                Preference(programme, code, best.text, best.rate.ad_valorem, best.rate.is_specific)
            )
            continue
        # a chapter 98 provision prices what the Special column gives only by reference
        if (
            programme.chapter98 is not None
            and _chapter98_mask(programme, np.array([line.hts]), origin).any()
        ):
            chapter98 = programme.chapter98
            out.append(Preference(programme, CHAPTER98, chapter98.provisions, chapter98.rate))
            continue
        reference = next(
            (t for t in special.terms if t.reference and set(t.codes) & set(programme.codes)),
            None,
        )
        if reference is not None:
            code = next(c for c in reference.codes if c in programme.codes)
            out.append(
                Preference(programme, code, reference.text, 0.0, reference=reference.reference)
            )
    return out


def best_preference(
    preferences: Sequence[Preference], base_rate: float, base_specific: bool
) -> Preference | None:
    """The lowest priced preference that improves on the base rate, or None."""
    priced = [p for p in preferences if p.priced and _improves(p, base_rate, base_specific)]
    return min(priced, key=lambda p: (p.rate, p.specific), default=None)


def _improves(preference: Preference, base_rate: float, base_specific: bool) -> bool:
    if preference.rate < base_rate:
        return True
    # same ad valorem part: better when it drops a specific part of the base
    return preference.rate == base_rate and base_specific and not preference.specific


@dataclass(frozen=True)
class BaseRates:
    """The base rate of each line of a block once the claimed programmes apply.

    ``rate`` is the base ad valorem rate (fraction), ``specific`` whether it is only the ad
    valorem part of a specific or compound rate, ``programme`` the index into ``programmes``
    of the programme whose rate was taken (-1 where the General or Column 2 rate stays).
    """

    rate: FloatArray
    specific: BoolArray
    programme: npt.NDArray[np.int8]
    programmes: tuple[str, ...]

    @property
    def preferential(self) -> BoolArray:
        """True where a programme's rate replaced the General (or Column 2) rate."""
        return np.asarray(self.programme >= 0, dtype=bool)


def preferential_base(
    schedule: Schedule,
    programmes: Sequence[Programme],
    codes: npt.NDArray[np.str_],
    base_rate: FloatArray,
    base_specific: BoolArray,
    special_texts: npt.NDArray[np.str_] | None = None,
    origin: str | None = None,
) -> BaseRates:
    """The base rates of ``codes`` when ``programmes`` are claimed and eligible.

    Parameters
    ----------
    codes
        The lines (the schedule's ``hts8`` when ``special_texts`` is None).
    base_rate, base_specific
        The General (or Column 2) rate of each line: its ad valorem part and specific flag.
    special_texts
        The Special column of each line; None reads the schedule's cached HTS8 arrays.
    origin
        The goods' country, for chapter 98 provisions limited to some countries (None: those
        are left out).
    """
    rate = base_rate.astype(np.float64, copy=True)
    specific = base_specific.copy()
    chosen = np.full(codes.shape[0], -1, dtype=np.int8)
    for index, programme in enumerate(programmes):
        if programme.codes:
            column = (
                schedule.special_rates(tuple(programme.codes))
                if special_texts is None
                else special_column(special_texts, programme.codes)
            )
            listed, pref, pref_specific = column.listed, column.ad_valorem, column.specific
        else:
            listed = np.zeros(codes.shape[0], dtype=bool)
            pref = np.zeros(codes.shape[0])
            pref_specific = np.zeros(codes.shape[0], dtype=bool)
        if programme.chapter98 is not None:
            extra = _chapter98_mask(programme, codes, origin) & ~listed
            pref = np.where(extra, programme.chapter98.rate, pref)
            listed = listed | extra
        better = listed & ((pref < rate) | ((pref == rate) & specific & ~pref_specific))
        rate = np.where(better, pref, rate)
        specific = np.where(better, pref_specific, specific)
        chosen[better] = index
    for array in (rate, specific, chosen):
        array.setflags(write=False)
    return BaseRates(rate, specific, chosen, tuple(p.id for p in programmes))
