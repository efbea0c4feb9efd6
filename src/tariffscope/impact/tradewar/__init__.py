"""Trade wars and trade talks: Ossa's (2014) multi-industry model, optimal and Nash tariffs.

Modules: :mod:`.data` (Ossa's data), :mod:`.baseline` (factual shares), :mod:`.equilibrium`
(the equilibrium in changes), :mod:`.welfare` (welfare, government welfare), :mod:`.optimal`
(one region's best response), :mod:`.nash` (trade-war tariffs), :mod:`.cooperative` (trade
talks: efficient tariffs with equal gains), :mod:`.tables` (Tables 3-5), :mod:`.icio` (the ICIO
2022 pair baseline), :mod:`.deals` (payoff grids of deals, bargaining), :mod:`.political_economy`
(political-economy weights for a pair's deal space). See docs/models.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tariffscope.impact.tradewar.baseline import Shares, shares
    from tariffscope.impact.tradewar.cooperative import Cooperative, cooperative_tariffs
    from tariffscope.impact.tradewar.data import TradeWarData, load_ossa2014
    from tariffscope.impact.tradewar.equilibrium import Equilibrium, solve
    from tariffscope.impact.tradewar.nash import NashResult, nash_tariffs
    from tariffscope.impact.tradewar.optimal import BestResponse, best_response

# Imported on first use: the solvers load scipy.optimize (0.3-0.4 s), which the brief's deal
# space does without.
_HOMES = {
    "Shares": "baseline",
    "shares": "baseline",
    "Cooperative": "cooperative",
    "cooperative_tariffs": "cooperative",
    "TradeWarData": "data",
    "load_ossa2014": "data",
    "Equilibrium": "equilibrium",
    "solve": "equilibrium",
    "NashResult": "nash",
    "nash_tariffs": "nash",
    "BestResponse": "optimal",
    "best_response": "optimal",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


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
