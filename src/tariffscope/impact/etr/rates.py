"""Where the effective-rate series gets the duty of every line: the one seam to change.

A :class:`LineRates` is a function ``(lines, entry_date) -> [L, O]`` (the duty of each line of
the trade table for each of its origins, fractions) with what the series must know about it:
whether its answer depends on the preference programmes an origin may claim, and any days other
than the law's change dates on which it changes (monthly claim shares, say).

:data:`DEFAULT_LINE_RATES` is what :func:`tariffscope.impact.etr.effective_rates` and
``tariffscope etr`` use: the applied rates (:data:`APPLIED`: the law mixed with the claims
entries make, by claim shares; :func:`tariffscope.impact.applied.applied_line_rates`). The
statutory rates (:data:`STATUTORY`: the law with no claim made) are the other choice
(``tariffscope etr --rates statutory``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from tariffscope.impact.pe.law import TradeLines, forget_answers, law_on_lines

__all__ = [
    "APPLIED",
    "DEFAULT_LINE_RATES",
    "LINE_RATES",
    "STATUTORY",
    "LineRates",
    "applied_rates",
    "statutory_rates",
    "usmca_share_breaks",
]

FloatArray = npt.NDArray[np.float64]


def statutory_rates(lines: TradeLines, entry_date: date) -> FloatArray:
    """The law's total duty on every line for every origin, with no claim made."""
    return law_on_lines(lines, entry_date).rates


@dataclass(frozen=True)
class LineRates:
    """A rate function for the series and what the series must know about it.

    Attributes
    ----------
    name
        Shown in the results' sources (``statutory``, ``applied``).
    rates
        ``(lines, entry_date) -> [L, O]`` fractions, or an object with such a ``rates``
        attribute (as :func:`~tariffscope.impact.pe.law.law_on_lines` returns).
    uses_claims
        True when the rates depend on the programmes an origin may claim on the date (a change
        of eligibility then changes the law of that origin).
    breaks
        ``(start, end) -> days`` on which the rates change for every origin besides the law's
        own change dates, or None.
    release
        Called after each date is aggregated, to drop answers kept for reuse (a table for
        every partner holds tens of megabytes); None keeps them.
    specific_as_ave
        True when specific and compound General rates count at ad valorem equivalents, False
        when only their ad valorem part counts.
    """

    name: str
    rates: Callable[[TradeLines, date], Any]
    uses_claims: bool = False
    breaks: Callable[[date, date], Sequence[date]] | None = None
    release: Callable[[], None] | None = None
    specific_as_ave: bool = False

    def __call__(self, lines: TradeLines, entry_date: date) -> FloatArray:
        answer = self.rates(lines, entry_date)
        array = getattr(answer, "rates", answer)
        return np.asarray(array, dtype=np.float64)


def applied_rates(lines: TradeLines, entry_date: date) -> FloatArray:
    """The applied rate of every line for every origin (claim shares of the entry date's
    period, docs/assumptions.md P1-P6)."""
    from tariffscope.impact.applied import applied_line_rates

    return applied_line_rates(lines, entry_date).rates


def usmca_share_breaks(start: date, end: date) -> list[date]:
    """Days from ``start`` to ``end`` on which the USMCA share period changes (the first of
    each month from January 2025 to the last month the shares have)."""
    from tariffscope.data.usmca_shares import load_usmca_shares

    months = load_usmca_shares().months
    starts = [date(int(m[:4]), int(m[5:7]), 1) for m in months]
    return [day for day in starts if start <= day <= end]


def _forget_applied() -> None:
    from tariffscope.impact.applied import forget_answers as forget_applied

    forget_applied()


#: The statutory rates: every line at the law's rate, no preference claimed.
STATUTORY = LineRates("statutory", statutory_rates, release=forget_answers)

#: The applied rates: the law as entries claim it (USMCA shares by month, the other programmes
#: by the shares implied by 2024 duties; specific rates at their 2024 ad valorem equivalents).
APPLIED = LineRates(
    "applied",
    applied_rates,
    uses_claims=True,
    breaks=usmca_share_breaks,
    release=_forget_applied,
    specific_as_ave=True,
)

#: The rate choices by name (``tariffscope etr --rates``).
LINE_RATES: dict[str, LineRates] = {r.name: r for r in (APPLIED, STATUTORY)}

#: The rates the effective-rate series uses by default.
DEFAULT_LINE_RATES: LineRates = APPLIED
