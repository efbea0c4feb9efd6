"""Partial equilibrium of one importing market: the SMART engine (exact CES and linearized),
the US sector baseline for any partner (2024 Census trade), and the trade-weighted
aggregation of HTS8 line tariffs to sectors.

See :mod:`tariffscope.impact.pe._smart` for the equations and ``docs/models.md``
("Partial equilibrium") for defaults, sources and a worked example.
"""

from tariffscope.impact.pe._smart import NEWTON_MAXITER, NEWTON_TOL, simulate_smart
from tariffscope.impact.pe._types import SMART_METHODS, SmartInputs, SmartMethod, SmartResult
from tariffscope.impact.pe.baseline import (
    SIGMA_SOURCES,
    SectorBaseline,
    SigmaSource,
    load_sector_baseline,
    sector_hs6_map,
)
from tariffscope.impact.pe.partners import (
    EXPLICIT_SUPPLIERS,
    PartnerAxis,
    SectorLines,
    partner_axis,
    sector_lines,
)
from tariffscope.impact.pe.sectors import (
    HEADLINE_METRICS,
    SectorOutcome,
    headline_arrays,
    sector_inputs,
    simulate_sectors,
)
from tariffscope.impact.pe.tariffs import (
    LineWeights,
    aggregate_line_tariffs,
    group_lines,
    line_weights,
)

__all__ = [
    "EXPLICIT_SUPPLIERS",
    "HEADLINE_METRICS",
    "NEWTON_MAXITER",
    "NEWTON_TOL",
    "SIGMA_SOURCES",
    "SMART_METHODS",
    "LineWeights",
    "PartnerAxis",
    "SectorBaseline",
    "SectorLines",
    "SectorOutcome",
    "SigmaSource",
    "SmartInputs",
    "SmartMethod",
    "SmartResult",
    "aggregate_line_tariffs",
    "group_lines",
    "headline_arrays",
    "line_weights",
    "load_sector_baseline",
    "partner_axis",
    "sector_hs6_map",
    "sector_inputs",
    "sector_lines",
    "simulate_sectors",
    "simulate_smart",
]
