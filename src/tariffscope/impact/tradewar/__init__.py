"""Trade wars and trade talks: Ossa's (2014) multi-industry model, optimal and Nash tariffs.

Modules: :mod:`.data` (Ossa's data), :mod:`.baseline` (factual shares), :mod:`.equilibrium`
(the equilibrium in changes), :mod:`.welfare` (welfare, government welfare), :mod:`.optimal`
(one region's best response), :mod:`.nash` (trade-war tariffs), :mod:`.cooperative` (trade
talks: efficient tariffs with equal gains), :mod:`.tables` (Tables 3-5), :mod:`.icio` (the ICIO
2022 pair baseline), :mod:`.deals` (payoff grids of deals, bargaining). See docs/models.md.
"""

from tariffscope.impact.tradewar.baseline import Shares, shares
from tariffscope.impact.tradewar.cooperative import Cooperative, cooperative_tariffs
from tariffscope.impact.tradewar.data import TradeWarData, load_ossa2014
from tariffscope.impact.tradewar.equilibrium import Equilibrium, solve
from tariffscope.impact.tradewar.nash import NashResult, nash_tariffs
from tariffscope.impact.tradewar.optimal import BestResponse, best_response

__all__ = [
    "BestResponse",
    "Cooperative",
    "Equilibrium",
    "NashResult",
    "Shares",
    "TradeWarData",
    "best_response",
    "cooperative_tariffs",
    "load_ossa2014",
    "nash_tariffs",
    "shares",
    "solve",
]
