"""GSIM: global partial equilibrium of one product among all regions (endogenous world prices).

See :mod:`tariffscope.impact.gsim._model` for the equations and ``docs/models.md``.
"""

from tariffscope.impact.gsim._model import (
    GSIM_METHODS,
    GsimInputs,
    GsimMethod,
    GsimResult,
    solve_gsim,
)

__all__ = ["GSIM_METHODS", "GsimInputs", "GsimMethod", "GsimResult", "solve_gsim"]
