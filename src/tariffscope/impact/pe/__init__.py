"""Partial equilibrium of one importing market: the SMART engine (exact CES and linearized).

See :mod:`tariffscope.impact.pe._smart` for the equations and ``docs/models.md``
("Partial equilibrium") for defaults, sources and a worked example.
"""

from tariffscope.impact.pe._smart import NEWTON_MAXITER, NEWTON_TOL, simulate_smart
from tariffscope.impact.pe._types import SMART_METHODS, SmartInputs, SmartMethod, SmartResult

__all__ = [
    "NEWTON_MAXITER",
    "NEWTON_TOL",
    "SMART_METHODS",
    "SmartInputs",
    "SmartMethod",
    "SmartResult",
    "simulate_smart",
]
