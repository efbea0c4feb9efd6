"""Where the effective-rate series gets the duty of every line: the one seam to change.

A :class:`LineRates` is a function ``(lines, entry_date) -> [L, O]`` (the duty of each line of
the trade table for each of its origins, fractions) with what the series must know about it:
whether its answer depends on the preference programmes an origin may claim, and any days other
than the law's change dates on which it changes (monthly claim shares, say).

:data:`DEFAULT_LINE_RATES` is what :func:`tariffscope.impact.etr.effective_rates` and
``tariffscope etr`` use: the statutory rates (the law with no claim made:
:func:`tariffscope.impact.pe.law.law_on_lines`). Switching the series to applied rates (claim
shares of USMCA and the other programmes) is the one line that defines it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from tariffscope.impact.pe.law import TradeLines, forget_answers, law_on_lines

__all__ = ["DEFAULT_LINE_RATES", "STATUTORY", "LineRates", "statutory_rates"]

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
    """

    name: str
    rates: Callable[[TradeLines, date], Any]
    uses_claims: bool = False
    breaks: Callable[[date, date], Sequence[date]] | None = None
    release: Callable[[], None] | None = None

    def __call__(self, lines: TradeLines, entry_date: date) -> FloatArray:
        answer = self.rates(lines, entry_date)
        array = getattr(answer, "rates", answer)
        return np.asarray(array, dtype=np.float64)


#: The statutory rates: every line at the law's rate, no preference claimed.
STATUTORY = LineRates("statutory", statutory_rates, release=forget_answers)

#: The rates the effective-rate series uses (the seam: set it to the applied rates to switch).
DEFAULT_LINE_RATES: LineRates = STATUTORY
