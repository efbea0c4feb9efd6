"""Partial equilibrium of one importing market: the SMART engine (exact CES and linearized),
the embedded US sector baseline, and the aggregation of HTS8 line tariffs to sectors.

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
    sector_composition,
    sector_hs6_map,
)
from tariffscope.impact.pe.sectors import (
    HEADLINE_METRICS,
    SectorOutcome,
    headline_arrays,
    sector_inputs,
    simulate_sectors,
)
from tariffscope.impact.pe.tariffs import LineWeights, aggregate_line_tariffs, line_weights

__all__ = [
    "HEADLINE_METRICS",
    "NEWTON_MAXITER",
    "NEWTON_TOL",
    "SIGMA_SOURCES",
    "SMART_METHODS",
    "LineWeights",
    "SectorBaseline",
    "SectorOutcome",
    "SigmaSource",
    "SmartInputs",
    "SmartMethod",
    "SmartResult",
    "aggregate_line_tariffs",
    "headline_arrays",
    "line_weights",
    "load_sector_baseline",
    "sector_composition",
    "sector_hs6_map",
    "sector_inputs",
    "simulate_sectors",
    "simulate_smart",
]
