"""A pair's optimal tariffs and trade war sector by sector (the rest of the world passive).

``side``'s optimal tariffs on ``partner``'s goods: one tariff per sector, chosen to maximise
``side``'s real income with every other tariff held (a best response restricted to the pair,
:func:`tariffscope.impact.tradewar.optimal.best_response` with all political-economy weights
one, so government welfare is real income), or, given ``weights``, its government welfare
(Ossa 2014, eq. 6). The pair's trade war: both sides' sector best
responses to each other, iterated in Gauss-Seidel order to a fixed point.

Unlike the uniform rates of :mod:`.bargaining` (one change added to every sector's tariff), a
sector tariff can follow each sector's elasticity and each flow's size, so its welfare is at
least the uniform optimum's when the search starts there (``start``), which the callers do.
Tariffs are levels in ``[lower, upper]`` (default 0 and Ossa's 1000%).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tariffscope.errors import InputError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar import equilibrium as eq
from tariffscope.impact.tradewar.baseline import shares
from tariffscope.impact.tradewar.data import TradeWarData
from tariffscope.impact.tradewar.deals import Lever, Setting
from tariffscope.impact.tradewar.optimal import LOWER, UPPER, best_response
from tariffscope.impact.tradewar.welfare import government_welfare_hat, welfare_hat

__all__ = [
    "SectorOptimal",
    "SectorWar",
    "sector_optimal_tariff",
    "sector_pair_war",
    "sector_settings",
]


@dataclass(frozen=True, eq=False)
class SectorOptimal:
    """``side``'s best tariff on ``partner``'s goods in each of ``sectors``, the rest held."""

    side: str
    partner: str
    sectors: tuple[str, ...]
    rates: FloatArray  # [sectors], fractions
    tariffs: FloatArray  # the whole [i, j, s] array
    welfare_change_pct: float  # side's real income (government welfare) against ``base``
    converged: bool


@dataclass(frozen=True, eq=False)
class SectorWar:
    """The pair's sector trade war: each side's sector tariffs the best response to the other's."""

    pair: tuple[str, str]
    sectors: tuple[str, ...]
    rates: tuple[FloatArray, FloatArray]  # pair[0]'s tariffs on pair[1], then the reverse
    tariffs: FloatArray
    rounds: int
    change: float  # largest tariff change in the last round
    converged: bool


def _welfare(data: TradeWarData, tariffs: FloatArray, weights: FloatArray | None) -> FloatArray:
    sh = shares(data)
    sol = eq.solve(sh, tariffs)
    p = eq.parts(sh, sol.wage_hat, sol.expenditure_hat, tariffs)
    if weights is None:
        return np.asarray(welfare_hat(sh, sol.expenditure_hat, p).real)
    return np.asarray(government_welfare_hat(sh, p, tariffs, weights).real)


def _sector_indices(data: TradeWarData, sectors: Sequence[str]) -> np.ndarray:
    unknown = [s for s in sectors if s not in data.sectors]
    if unknown or not sectors:
        raise InputError(f"sector tariffs need known sectors; unknown: {unknown or 'none given'}")
    return np.array([data.sectors.index(s) for s in sectors])


def sector_optimal_tariff(
    data: TradeWarData,
    side: str,
    partner: str,
    base: FloatArray,
    sectors: Sequence[str],
    *,
    start: FloatArray | None = None,
    lower: float = LOWER,
    upper: float = UPPER,
    weights: FloatArray | None = None,
) -> SectorOptimal:
    """``side``'s optimal tariffs on ``partner``'s goods in ``sectors``, against ``base``.

    ``base``: the tariffs ``[i, j, s]`` every other flow keeps (e.g. the status quo);
    ``start``: initial rates (one per sector; default ``base``'s), e.g. the uniform optimum;
    ``weights``: political-economy weights ``[region, sector]`` (the side then maximises
    government welfare; default ``None``, real income).
    """
    j, i = data.index(side), data.index(partner)
    k = _sector_indices(data, sectors)
    begin = base[i, j, k] if start is None else np.asarray(start, dtype=float)
    br = best_response(
        shares(data),
        j,
        base,
        np.ones_like(data.lambda_pol) if weights is None else weights,
        begin[None, :],
        lower=lower,
        upper=upper,
        partners=[i],
        sectors=k,
    )
    before = _welfare(data, base, weights)[j]
    after = _welfare(data, br.tariffs, weights)[j]
    return SectorOptimal(
        side=side,
        partner=partner,
        sectors=tuple(sectors),
        rates=br.tariffs[i, j, k].copy(),
        tariffs=br.tariffs,
        welfare_change_pct=float(100.0 * (after / before - 1.0)),
        converged=br.converged,
    )


def sector_pair_war(
    data: TradeWarData,
    pair: tuple[str, str],
    base: FloatArray,
    sectors: Sequence[str],
    *,
    start: tuple[FloatArray, FloatArray] | None = None,
    tol: float = 1e-6,
    gain_tol: float = 1e-10,
    max_rounds: int = 30,
    weights: FloatArray | None = None,
) -> SectorWar:
    """Iterated sector best responses of ``pair[0]`` (on ``pair[1]``) and the reverse.

    Stops when no tariff moved by more than ``tol`` over a round, or when neither side's best
    response gained more than ``gain_tol`` (relative welfare) in the round: an equilibrium up
    to ``gain_tol``. The second test is needed because a best response breaks ties on a flat
    stretch of welfare by taking its lowest tariff (:mod:`.ties`), and where the other side's
    response shifts that stretch a little the tariff moves by a few tenths of a point every
    round while nobody gains. ``start``: each side's initial rates (default ``base``'s), e.g.
    the uniform war's; ``weights``: political-economy weights (see
    :func:`sector_optimal_tariff`).
    """
    a, b = data.index(pair[0]), data.index(pair[1])
    k = _sector_indices(data, sectors)
    t = np.array(base, dtype=float)
    if start is not None:
        t[b, a, k], t[a, b, k] = start
    change = np.inf
    for rnd in range(1, max_rounds + 1):
        before = t.copy()
        gain = 0.0
        for side, partner in (pair, pair[::-1]):
            j, i = data.index(side), data.index(partner)
            best = sector_optimal_tariff(
                data, side, partner, t, sectors, start=t[i, j, k], weights=weights
            )
            t, gain = best.tariffs, max(gain, best.welfare_change_pct / 100.0)
        change = float(np.max(np.abs(t - before)))
        if change < tol or gain <= gain_tol:
            return SectorWar(pair, tuple(sectors), (t[b, a, k], t[a, b, k]), t, rnd, change, True)
    return SectorWar(pair, tuple(sectors), (t[b, a, k], t[a, b, k]), t, max_rounds, change, False)


def sector_settings(
    side: str, partner: str, sectors: Sequence[str], rates: FloatArray
) -> list[Setting]:
    """Lever settings that put ``side``'s tariff on ``partner``'s goods at ``rates``, one lever
    per sector (``replace``), for :func:`tariffscope.impact.tradewar.deals.apply_levers`."""
    return [
        (Lever(f"{side} {s}", side, partner, (s,), "replace"), float(r))
        for s, r in zip(sectors, rates, strict=True)
    ]
