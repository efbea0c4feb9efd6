"""Effective tariff rates: the trade-weighted US tariff by day, partner and sector.

:func:`effective_rates` gives, for every day of a range, the duties the law of that day levies
on the 2024 imports (fixed weights) divided by those imports, before substitution, and the same
with each sector's imports after substitution (SMART on the GTAP sector baseline, against the
law of 1 January 2025). ``docs/etr.md`` explains the method and compares the series with the
Yale Budget Lab's published rates and with the duties collected.

The rate of every line comes from one seam, :data:`DEFAULT_LINE_RATES`
(:mod:`tariffscope.impact.etr.rates`): the applied rates (claim shares), or the statutory
rates (no claim) by choice.
"""

from tariffscope.impact.etr.rates import (
    APPLIED,
    DEFAULT_LINE_RATES,
    LINE_RATES,
    STATUTORY,
    LineRates,
    applied_rates,
    statutory_rates,
)
from tariffscope.impact.etr.segments import LawSegments, law_segments
from tariffscope.impact.etr.series import ALL, ETR_BY, ETR_COLUMNS, EtrBy, effective_rates
from tariffscope.impact.etr.sums import UNMAPPED, sector_axis

__all__ = [
    "ALL",
    "APPLIED",
    "DEFAULT_LINE_RATES",
    "ETR_BY",
    "ETR_COLUMNS",
    "LINE_RATES",
    "STATUTORY",
    "UNMAPPED",
    "EtrBy",
    "LawSegments",
    "LineRates",
    "applied_rates",
    "effective_rates",
    "law_segments",
    "sector_axis",
    "statutory_rates",
]
