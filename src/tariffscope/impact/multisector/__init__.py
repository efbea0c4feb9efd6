"""Caliendo and Parro (2015): a multi-sector Ricardian model with input-output links and tariffs.

The public surface::

    load_cp_data, CPData                  the authors' replication data
    prepare_baseline, zero_surplus_baseline, MSBaseline
    MSShock, MSOptions, solve             solve(baseline, shock, options) -> MSResult
    MSResult                              welfare (exact and the paper's decomposition), trade

See docs/models.md ("General equilibrium") for the equations and the validation record.
"""

from __future__ import annotations

from tariffscope.impact.multisector.baseline import (
    MSBaseline,
    prepare_baseline,
    zero_surplus_baseline,
)
from tariffscope.impact.multisector.data import CP_COUNTRIES, CP_SECTORS, CPData, load_cp_data
from tariffscope.impact.multisector.results import MSResult
from tariffscope.impact.multisector.solve import MSOptions, MSShock, solve

__all__ = [
    "CP_COUNTRIES",
    "CP_SECTORS",
    "CPData",
    "MSBaseline",
    "MSOptions",
    "MSResult",
    "MSShock",
    "load_cp_data",
    "prepare_baseline",
    "solve",
    "zero_surplus_baseline",
]
