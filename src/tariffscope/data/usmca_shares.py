"""The share of Canadian and Mexican imports claimed under USMCA, by HTS8 line and period.

The embedded table (``data/embedded/usmca_shares.npz``, builder ``usmca_shares``) holds Budget
Lab's USITC DataWeb shares (Special Program Indicator S or S+) for calendar 2024, calendar 2025
and each month from January 2025 to February 2026. :meth:`UsmcaShares.period_for` says which
period describes entries on a date (docs/assumptions.md P2):

- before 2025: calendar 2024;
- January 2025 to February 2026: the month's own shares;
- after February 2026: the latest month.

A line without trade in a month takes the calendar-2025 share of the line (no trade that month
says nothing about who claims); a line without trade in the period at all has share 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property

import numpy as np
import numpy.typing as npt

from tariffscope.config import embedded_dir
from tariffscope.data.tables import read_arrays
from tariffscope.errors import InputError

__all__ = ["SHARES_TABLE", "UsmcaShares", "load_usmca_shares"]

FloatArray = npt.NDArray[np.float64]

SHARES_TABLE = "usmca_shares.npz"
_MISSING = np.iinfo(np.uint16).max
_SCALE = 10_000.0
_FIRST_MONTH = date(2025, 1, 1)


@dataclass(frozen=True, eq=False)
class UsmcaShares:
    """USMCA claim shares by period, HTS8 line and partner.

    Attributes
    ----------
    periods
        ``2024``, ``2025`` and the months ``YYYY-MM``.
    partners
        ``("CAN", "MEX")``.
    lines
        ``[L]`` HTS8 codes (digits) with trade in some period.
    shares
        ``[T, L, 2]`` the share of the line's value entered under USMCA; NaN where the period
        has no trade on the line.
    """

    periods: tuple[str, ...]
    partners: tuple[str, ...]
    lines: npt.NDArray[np.str_]
    shares: FloatArray

    @cached_property
    def months(self) -> tuple[str, ...]:
        return tuple(p for p in self.periods if len(p) == 7)

    def period_for(self, entry_date: date) -> str:
        """The period whose shares describe entries on ``entry_date`` (module docstring)."""
        if entry_date < _FIRST_MONTH:
            return "2024"
        month = f"{entry_date.year:04d}-{entry_date.month:02d}"
        return month if month in self.months else self.months[-1]

    def on_lines(self, codes: npt.NDArray[np.str_], period: str) -> FloatArray:
        """``[len(codes), 2]`` shares of ``period`` on the HTS8 lines ``codes`` (0 where
        unknown; a month's missing line takes the calendar-2025 share)."""
        if period not in self.periods:
            raise InputError(
                f"no USMCA shares for period {period!r}",
                hint=f"known periods: {', '.join(self.periods)}",
            )
        shares = self.shares[self.periods.index(period)]
        if len(period) == 7:
            shares = np.where(np.isnan(shares), self.shares[self.periods.index("2025")], shares)
        rows = np.searchsorted(self.lines, codes)
        rows = np.minimum(rows, len(self.lines) - 1)
        found = self.lines[rows] == np.asarray(codes, dtype=str)
        out = np.where(found[:, None], shares[rows], 0.0)
        return np.nan_to_num(out, nan=0.0)


@cache
def load_usmca_shares() -> UsmcaShares:
    """The embedded USMCA claim shares (cached; arrays read-only)."""
    raw = read_arrays(embedded_dir() / SHARES_TABLE, ("periods", "partners", "lines", "shares"))
    stored = np.asarray(raw["shares"])
    shares = np.where(stored == _MISSING, np.nan, stored / _SCALE)
    shares.setflags(write=False)
    return UsmcaShares(
        periods=tuple(str(p) for p in raw["periods"]),
        partners=tuple(str(p) for p in raw["partners"]),
        lines=np.asarray(raw["lines"]).astype(str),
        shares=shares,
    )
