"""Economic engines: what a change in tariffs or trade costs does to trade, prices and income.

Subpackages
-----------
gravity
    Structural gravity: PPML estimation and the one-sector general equilibrium (conditional and
    full endowment GE, exact hat algebra).
multisector
    Caliendo and Parro (2015): many sectors, input-output links, tariff revenue.
pe
    Partial equilibrium of one importing market (SMART: exact CES and the linearized WITS
    form), the embedded US sector baseline and the HTS8-to-sector tariff aggregation.
gsim
    GSIM: one product among all regions at once, with endogenous world prices.
uncertainty
    Monte Carlo over elasticities: median and 90% interval of every headline number.
"""

from tariffscope.impact.gsim import GsimInputs, GsimResult, solve_gsim
from tariffscope.impact.pe import (
    SectorBaseline,
    SectorOutcome,
    SmartInputs,
    SmartResult,
    load_sector_baseline,
    simulate_sectors,
    simulate_smart,
)
from tariffscope.impact.uncertainty import MonteCarloResult, monte_carlo_sectors

__all__ = [
    "GsimInputs",
    "GsimResult",
    "MonteCarloResult",
    "SectorBaseline",
    "SectorOutcome",
    "SmartInputs",
    "SmartResult",
    "load_sector_baseline",
    "monte_carlo_sectors",
    "simulate_sectors",
    "simulate_smart",
    "solve_gsim",
]
