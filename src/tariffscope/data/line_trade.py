r"""2024 US imports for consumption and calculated duties by tariff line, for every partner.

The embedded table (``data/embedded/us_imports_2024.npz``, builder ``census_trade``) holds the
Census figures as published: every partner's value and duties by HS2 chapter, and HTS10 lines
for the 50 countries and the EU aggregate Census gives them for. :func:`load_line_trade` turns
them into one line x partner matrix; each partner's line detail is one of three kinds
(``LineTrade.detail``):

``hts10``
    the partner's own Census lines (values and duties as observed);
``eu_mix``
    an EU member without its own lines: its chapter value spread over the chapter's lines in
    proportion to the lines of the EU aggregate less the members that have their own lines
    (so the members add up to the aggregate line by line);
``hs2_spread``
    any other partner: its chapter value spread in proportion to the lines of all partners
    with lines (the 49 non-EU countries plus the EU aggregate).

With :math:`V_{cp}` partner :math:`p`'s value in chapter :math:`c` and :math:`m_l` the mix
the partner takes, a spread line is :math:`v_{lp} = V_{c(l)p}\, m_l / \sum_{k \in c(l)} m_k`,
so every partner keeps its chapter totals exactly. Duties of spread partners are their chapter
duties spread the same way (only their chapter duties are observed). Chapters 98 and 99
(special classification provisions, temporary legislation) are kept and flagged
(``covered`` is False): the engines price chapters 1-97.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.config import embedded_dir
from tariffscope.data.tables import read_arrays
from tariffscope.domain.countries import EU_MEMBERS, EUN, WLD, normalize_country
from tariffscope.errors import InputError, NotCoveredError

__all__ = [
    "DETAILS",
    "TRADE_TABLE",
    "Detail",
    "LineLevel",
    "LineTrade",
    "load_line_trade",
    "trade_partners",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

TRADE_TABLE = "us_imports_2024.npz"
#: How a partner's line detail was obtained (module docstring).
Detail = Literal["hts10", "eu_mix", "hs2_spread"]
DETAILS: tuple[Detail, ...] = ("hts10", "eu_mix", "hs2_spread")
#: Tariff-line level of a :class:`LineTrade`.
LineLevel = Literal["hts10", "hts8"]
_UNCOVERED_CHAPTERS = ("98", "99")
_ARRAYS = (
    "year",
    "partners",
    "names",
    "census_codes",
    "chapters",
    "chapter_values",
    "chapter_duties",
    "lines",
    "line_partners",
    "line_indptr",
    "line_step",
    "line_values",
    "line_duties",
)


@dataclass(frozen=True, eq=False)
class LineTrade:
    """US imports for consumption in one year by tariff line and partner.

    Attributes
    ----------
    year, level
        Data year (2024) and line level (``hts10``, or ``hts8`` with values summed).
    codes
        ``[L]`` line codes (digits), ascending.
    chapters, chapter_of
        ``[C]`` HS2 chapters and ``[L]`` the chapter of each line (index into ``chapters``).
    partners, names, census_codes
        ``[P]`` ISO3 codes of every partner with imports (EU members individually, no EUN
        column: see :meth:`members`), with Census names and codes.
    detail
        ``[P]`` how each partner's lines were obtained (module docstring).
    chapter_values, chapter_duties
        ``[C, P]`` Census customs value and calculated duties, US dollars.
    observed
        ``[L, Q]`` values of the partners with their own lines (``observed_partners``: ISO3
        and ``EUN``, the EU aggregate) and ``observed_duties`` the same for duties.

    ``values`` and ``duties`` (``[L, P]``) are computed on first use.
    """

    year: int
    level: LineLevel
    codes: npt.NDArray[np.str_]
    chapters: tuple[str, ...]
    chapter_of: IntArray
    partners: tuple[str, ...]
    names: tuple[str, ...]
    census_codes: tuple[str, ...]
    detail: tuple[Detail, ...]
    chapter_values: FloatArray
    chapter_duties: FloatArray
    observed_partners: tuple[str, ...]
    observed: FloatArray
    observed_duties: FloatArray
    _position: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_position", {p: k for k, p in enumerate(self.partners)})

    @property
    def covered(self) -> BoolArray:
        """``[L]`` True for lines of chapters 1-97 (the engines' scope)."""
        special = np.isin(np.asarray(self.chapters), _UNCOVERED_CHAPTERS)
        return np.asarray(~special[self.chapter_of])

    def index(self, partner: str) -> int:
        """Column of an ISO3 partner; NotCoveredError when it has no imports this year."""
        position = self._position.get(partner)
        if position is None:
            raise NotCoveredError(f"no trade data for {partner}", what=partner)
        return position

    def members(self, code: str) -> tuple[str, ...]:
        """The partners ``code`` stands for: the EU members for ``EUN``, every partner for
        ``WLD``, else the code itself.

        Raises
        ------
        UnknownCodeError
            For a code that names no country or group.
        NotCoveredError
            For a valid country (or group) with no imports this year.
        """
        iso3 = normalize_country(code)
        if iso3 == EUN:
            return tuple(p for p in self.partners if p in EU_MEMBERS)
        if iso3 == WLD:  # all partners: every one with imports
            return self.partners
        if iso3 not in self._position:
            raise NotCoveredError(f"no trade data for {iso3}", what=iso3)
        return (iso3,)

    def columns(self, code: str) -> IntArray:
        """Columns of the partners ``code`` stands for (see :meth:`members`)."""
        return np.array([self._position[p] for p in self.members(code)], dtype=np.int64)

    @cached_property
    def values(self) -> FloatArray:
        """``[L, P]`` customs value by line and partner, US dollars (module docstring)."""
        return self._spread(self.observed, self.chapter_values)

    @cached_property
    def duties(self) -> FloatArray:
        """``[L, P]`` calculated duties; spread like the values for partners without lines."""
        return self._spread(self.observed_duties, self.chapter_duties)

    def bloc_values(self, code: str) -> FloatArray:
        """``[L]`` value of the partners ``code`` stands for (EUN: the sum of its members)."""
        return np.asarray(self.values[:, self.columns(code)].sum(axis=1))

    def bloc_duties(self, code: str) -> FloatArray:
        """``[L]`` duties of the partners ``code`` stands for."""
        return np.asarray(self.duties[:, self.columns(code)].sum(axis=1))

    def totals(self) -> pd.DataFrame:
        """One row per partner: ``partner, name, detail, value_usd, duties_usd``."""
        return pd.DataFrame(
            {
                "partner": self.partners,
                "name": self.names,
                "detail": self.detail,
                "value_usd": self.chapter_values.sum(axis=0),
                "duties_usd": self.chapter_duties.sum(axis=0),
            }
        )

    @cached_property
    def _mixes(self) -> tuple[FloatArray, FloatArray]:
        """Line shares within chapters: the world mix and the EU residual mix."""
        own = {p: q for q, p in enumerate(self.observed_partners)}
        eu = self.observed[:, own[EUN]]
        eu_members = [q for p, q in own.items() if p in EU_MEMBERS]
        others = [q for p, q in own.items() if p != EUN and p not in EU_MEMBERS]
        world = self.observed[:, others].sum(axis=1) + eu
        residual = np.clip(eu - self.observed[:, eu_members].sum(axis=1), 0.0, None)
        return self._shares(world), self._shares(residual)

    def _shares(self, mix: FloatArray) -> FloatArray:
        totals = np.bincount(self.chapter_of, weights=mix, minlength=len(self.chapters))
        out = np.zeros_like(mix)
        np.divide(mix, totals[self.chapter_of], out=out, where=totals[self.chapter_of] > 0)
        return out

    def _spread(self, observed: FloatArray, by_chapter: FloatArray) -> FloatArray:
        world, residual = self._mixes
        out = np.empty((len(self.codes), len(self.partners)))
        own = {p: q for q, p in enumerate(self.observed_partners)}
        for kind, share in (("hs2_spread", world), ("eu_mix", residual)):
            cols = np.array([k for k, d in enumerate(self.detail) if d == kind], dtype=np.int64)
            if cols.size:
                out[:, cols] = share[:, None] * by_chapter[:, cols][self.chapter_of]
        cols = np.array([k for k, d in enumerate(self.detail) if d == "hts10"], dtype=np.int64)
        out[:, cols] = observed[:, [own[self.partners[k]] for k in cols]]
        out.setflags(write=False)
        return out


def _observed(
    raw: dict[str, npt.NDArray[np.generic]], line_of: IntArray, n_lines: int
) -> tuple[FloatArray, FloatArray]:
    """Dense ``[lines, Q]`` values and duties from the sparse rows (``line_of``: HTS10 -> line)."""
    indptr = np.asarray(raw["line_indptr"], dtype=np.int64)
    counts = np.diff(indptr)
    running = np.cumsum(np.asarray(raw["line_step"], dtype=np.int64))
    before = np.where(indptr[:-1] > 0, running[np.maximum(indptr[:-1] - 1, 0)], 0)
    positions = running - np.repeat(before, counts) - 1
    n_partners = len(counts)
    flat = line_of[positions] * n_partners + np.repeat(np.arange(n_partners), counts)
    size = n_lines * n_partners
    weights = [np.asarray(raw[name], dtype=np.float64) for name in ("line_values", "line_duties")]
    values, duties = (
        np.bincount(flat, weights=w, minlength=size).astype(np.float64).reshape(n_lines, -1)
        for w in weights
    )
    return values, duties


@cache
def load_line_trade(level: LineLevel = "hts10") -> LineTrade:
    """The embedded 2024 line-level trade of every partner (cached).

    Parameters
    ----------
    level
        ``"hts10"`` (Census lines) or ``"hts8"`` (summed to the eight-digit lines the tariff
        law resolves; an HTS10 line takes its HTS8 line's duty).

    Raises
    ------
    InputError
        For another level.
    DataUnavailableError, DataFileError
        If the embedded table is missing or malformed.
    """
    if level not in ("hts10", "hts8"):
        raise InputError(f"unknown line level {level!r}", hint="use hts10 or hts8")
    raw = read_arrays(embedded_dir() / TRADE_TABLE, _ARRAYS)
    lines = np.asarray(raw["lines"]).astype(str)
    if level == "hts8":
        lines, line_of = np.unique(lines.astype("U8"), return_inverse=True)
    else:
        line_of = np.arange(len(lines))
    observed, observed_duties = _observed(raw, line_of.astype(np.int64), len(lines))
    chapters = tuple(str(c) for c in raw["chapters"])
    chapter_of = np.searchsorted(np.asarray(chapters), lines.astype("U2"))
    partners = tuple(str(p) for p in raw["partners"])
    observed_partners = tuple(str(p) for p in raw["line_partners"])
    detail: tuple[Detail, ...] = tuple(
        "hts10" if p in observed_partners else "eu_mix" if p in EU_MEMBERS else "hs2_spread"
        for p in partners
    )
    for array in (observed, observed_duties):
        array.setflags(write=False)
    return LineTrade(
        year=int(raw["year"]),
        level=level,
        codes=lines,
        chapters=chapters,
        chapter_of=chapter_of.astype(np.int64),
        partners=partners,
        names=tuple(str(n) for n in raw["names"]),
        census_codes=tuple(str(c) for c in raw["census_codes"]),
        detail=detail,
        chapter_values=np.asarray(raw["chapter_values"], dtype=np.float64),
        chapter_duties=np.asarray(raw["chapter_duties"], dtype=np.float64),
        observed_partners=observed_partners,
        observed=observed,
        observed_duties=observed_duties,
    )


@cache
def trade_partners() -> frozenset[str]:
    """ISO3 codes of every partner with 2024 US imports, plus ``EUN`` (the EU as a bloc)."""
    raw = read_arrays(embedded_dir() / TRADE_TABLE, ("partners",))
    return frozenset(str(p) for p in raw["partners"]) | {EUN}
