"""Structural gravity: estimation and one-sector general equilibrium.

The public surface::

    Baseline, Shock, TariffChange        inputs (frozen)
    GEOptions, solve                     solve(baseline, shock, options) -> GEResult
    GEResult                             per-country and per-pair results, diagnostics
    estimate_ppml, GravityEstimate       PPML with high-dimensional fixed effects (pyfixest)

See docs/models.md ("General equilibrium") for the equations and the validation record.
"""

from __future__ import annotations

from tariffscope.impact.gravity.baseline import Baseline
from tariffscope.impact.gravity.estimation import GravityEstimate, estimate_ppml
from tariffscope.impact.gravity.results import GEResult
from tariffscope.impact.gravity.shock import Shock, TariffChange
from tariffscope.impact.gravity.solve import GEOptions, solve

__all__ = [
    "Baseline",
    "GEOptions",
    "GEResult",
    "GravityEstimate",
    "Shock",
    "TariffChange",
    "estimate_ppml",
    "solve",
]
