"""The deal space of a pair on a date: levers, the law's outcomes, the grid and the solutions.

A pair ``(home, partner)`` of the ICIO 2022 file, the imposer first. The levers a grid can vary:

* ``general``: home's rate on every goods sector of the partner outside the sector lever,
  inclusive of the baseline (MFN) tariff;
* a sector lever named by the user (``autos=C29``): home's rate on those ICIO sectors, inclusive;
* ``partner``: the partner's tariff on home goods, additional to its baseline tariff (negative
  rates are concessions; a tariff never falls below zero).

The status quo, the threat and the deal the catalog records come from the US tariff law
(:mod:`.law_link`) when home is the US; each is the law's tariff by sector, replacing the
baseline's. ``threat_rate`` overrides the threat: home's rate on every goods sector outside the
sector lever, additional to the baseline, the sector lever at the status quo.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tariffscope.distributed.map import ChunkMapper, map_in_process
from tariffscope.errors import InputError
from tariffscope.impact.tradewar import bargaining as bg
from tariffscope.impact.tradewar import sector_tariffs as st
from tariffscope.impact.tradewar.data import TradeWarData
from tariffscope.impact.tradewar.deals import (
    DealSpace,
    Evaluator,
    Lever,
    Setting,
    acceptable,
    apply_levers,
    nash_bargaining,
    pareto_frontier,
)
from tariffscope.impact.tradewar.icio import goods_sectors

__all__ = [
    "ActualDeal",
    "DealAxes",
    "axes_for",
    "law_settings",
    "lever_mean_rate",
    "solutions",
    "sweep_table",
    "weight_deal",
    "weight_sweep",
]

log = logging.getLogger(__name__)
SWEEP_WEIGHTS = tuple(np.round(np.arange(0.1, 0.91, 0.1), 2))
# a uniform change on top of the status quo: from cutting 50 points to adding 100
UNIFORM_BOUNDS = (-0.5, 1.0)


@dataclass(frozen=True, eq=False)
class DealAxes:
    """The pair's levers: every one a grid can use, and the two it does."""

    levers: dict[str, Lever]
    x: str
    y: str
    sector_lever: str | None = None
    keep: tuple[str, ...] = ()


def axes_for(
    data: TradeWarData,
    pair: tuple[str, str],
    x: str,
    y: str,
    sector_lever: tuple[str, tuple[str, ...]] | None = None,
    keep: tuple[str, ...] = (),
    mfn: np.ndarray | None = None,
) -> DealAxes:
    """The levers of ``pair`` and the grid's axes ``x``, ``y`` among them (by name).

    ``keep``: goods sectors no lever of home's touches (held at the status quo in every deal,
    e.g. those under sectoral measures a deal leaves in place). ``mfn``: home's MFN tariff on
    the partner by sector (NaN: unknown), the base of its inclusive levers; default the data's
    baseline tariffs."""
    home, partner = pair
    i, j = data.index(partner), data.index(home)
    known = (
        data.tariffs[i, j] if mfn is None else np.where(np.isfinite(mfn), mfn, data.tariffs[i, j])
    )

    def base(sectors: tuple[str, ...]) -> tuple[float, ...]:
        return tuple(float(known[data.sectors.index(s)]) for s in sectors)

    goods = goods_sectors(data)
    stray = [s for s in keep if s not in goods]
    if stray:
        raise InputError(
            f"kept sector {stray[0]!r} is not a goods sector of the ICIO file; known: "
            f"{', '.join(goods)}"
        )
    levers: dict[str, Lever] = {}
    inside: tuple[str, ...] = ()
    if sector_lever is not None:
        name, inside = sector_lever
        unknown = [s for s in inside if s not in goods]
        if unknown:
            raise InputError(
                f"sector lever {name!r}: {unknown[0]!r} is not a goods sector of the ICIO file; "
                f"known: {', '.join(goods)}"
            )
        if name in ("general", "partner"):
            raise InputError(f"name the sector lever otherwise than {name!r}")
        if set(inside) & set(keep):
            raise InputError(f"sector lever {name!r} names a sector that is also kept")
        levers[name] = Lever(name, home, partner, inside, "inclusive", base(inside))
    rest = tuple(s for s in goods if s not in inside and s not in keep)
    levers["general"] = Lever("general", home, partner, rest, "inclusive", base(rest))
    levers["partner"] = Lever("partner", partner, home, goods, "additional")
    for axis in (x, y):
        if axis not in levers:
            raise InputError(f"unknown grid lever {axis!r}; this pair has {', '.join(levers)}")
    if x == y:
        raise InputError(f"the grid needs two different levers, got {x!r} twice")
    return DealAxes(levers, x, y, sector_lever[0] if sector_lever else None, keep)


def law_settings(data: TradeWarData, pair: tuple[str, str], rates: np.ndarray) -> list[Setting]:
    """Home's tariffs on the partner by sector (NaN: keep the baseline), as lever settings."""
    home, partner = pair
    return [
        (Lever(f"law {s}", home, partner, (s,), "replace"), float(r))
        for s, r in zip(data.sectors, rates, strict=True)
        if np.isfinite(r)
    ]


def lever_mean_rate(data: TradeWarData, lever: Lever, tariffs: np.ndarray) -> float:
    """The baseline-trade-weighted mean of ``tariffs`` in ``lever``'s sectors (a coordinate)."""
    i, j = data.index(lever.exporter), data.index(lever.importer)
    k = [data.sectors.index(s) for s in lever.sectors]
    weights = data.trade[i, j, k]
    if weights.sum() <= 0:
        return float(np.mean(tariffs[i, j, k]))
    return float((weights * tariffs[i, j, k]).sum() / weights.sum())


@dataclass(frozen=True)
class ActualDeal:
    """The deal struck: a grid point (``rates`` of the x and y levers) or any tariffs
    (``settings``, e.g. the law on the date the deal is in full force)."""

    label: str
    rates: tuple[float, float] | None = None
    settings: tuple[Setting, ...] = ()


@dataclass
class _Rows:
    space: DealSpace
    axes: DealAxes
    ev: Evaluator = field(init=False)
    rows: list[dict[str, object]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ev = Evaluator(self.space)

    def deal(self, solution: str, point: pd.Series, detail: str) -> None:
        keep = {
            str(k): float(v) for k, v in point.items() if str(k).startswith(("payoff", "vs_", "tr"))
        }
        self.rows.append(
            {
                "solution": solution,
                "x_pct": 100.0 * float(point["x"]),
                "y_pct": 100.0 * float(point["y"]),
                **keep,
                "on_grid_axes": True,
                "detail": detail,
                "by_sector": None,
            }
        )

    def tariffs(
        self,
        solution: str,
        settings: Sequence[Setting],
        detail: str,
        *,
        deal: bool,
        by_sector: dict[str, dict[str, float]] | None = None,
    ) -> None:
        data = self.space.data
        t = apply_levers(data, settings)
        rec = self.ev.record_settings(settings, transfer=deal)
        lx, ly = self.axes.levers[self.axes.x], self.axes.levers[self.axes.y]
        self.rows.append(
            {
                "solution": solution,
                "x_pct": 100.0 * lever_mean_rate(data, lx, t),
                "y_pct": 100.0 * lever_mean_rate(data, ly, t),
                **rec,
                "on_grid_axes": False,
                "detail": detail,
                "by_sector": by_sector,
            }
        )


def solutions(
    space: DealSpace,
    axes: DealAxes,
    grid: pd.DataFrame,
    weight: float,
    *,
    status_quo: Sequence[Setting],
    disagreement_label: str,
    actual: ActualDeal | None = None,
    unilateral: bool = True,
    refine: bg.Refinement = "scipy",
) -> pd.DataFrame:
    """The table of solutions: disagreement, KS, Nash at ``weight``, optimal tariffs, war,
    the actual deal. Payoffs against the disagreement point (% and US$ bn); ``refine``: how
    the KS and Nash deals are refined off the grid (:mod:`.bargaining`)."""
    pair = space.pair
    out = _Rows(space, axes)
    out.tariffs("disagreement point", space.disagreement, disagreement_label, deal=False)
    if acceptable(grid, pair).any():
        out.deal("Kalai-Smorodinsky (grid)", bg.kalai_smorodinsky(grid, pair), "grid deal")
        ks = bg.kalai_smorodinsky_refined(space, grid, method=refine)
        out.deal("Kalai-Smorodinsky", ks, "refined")
        nash = nash_bargaining(grid, pair, weight)
        out.deal(f"Nash bargaining w={weight:g} (grid)", nash, f"weight {weight:g} on {pair[0]}")
        refined = bg.nash_bargaining_refined(space, grid, weight, method=refine)
        out.deal(f"Nash bargaining w={weight:g}", refined, f"weight {weight:g} on {pair[0]}")
    else:
        log.info("no grid deal is acceptable to both sides")
    if unilateral:
        _unilateral(out, space, status_quo)
    if actual is not None and actual.rates is not None:
        out.deal("actual deal", pd.Series(out.ev.record(*actual.rates)), actual.label)
    elif actual is not None:
        out.tariffs("actual deal", actual.settings, actual.label, deal=True)
    frame = pd.DataFrame(out.rows)
    frame.attrs.update(pair=pair, x_lever=axes.x, y_lever=axes.y)
    return frame


def _unilateral(out: _Rows, space: DealSpace, status_quo: Sequence[Setting]) -> None:
    """Each side's optimal tariff and the pair's trade war, in uniform rates (one change on
    top of the status quo in every goods sector) and sector by sector (one tariff per goods
    sector, searched from the uniform answer, so each side does at least as well). With
    political-economy weights on the space each side maximises its government welfare."""
    data, pair, weights = space.data, space.pair, space.pe_weights
    goods = goods_sectors(data)
    home_all = Lever("home uniform", pair[0], pair[1], goods, "stacked")
    partner_all = Lever("partner uniform", pair[1], pair[0], goods, "stacked")
    base = apply_levers(data, status_quo)
    k = [data.sectors.index(s) for s in goods]
    for side, lever in ((pair[0], home_all), (pair[1], partner_all)):
        best = bg.optimal_tariff(data, side, lever, status_quo, UNIFORM_BOUNDS, weights)
        out.tariffs(
            f"{side} optimal tariff",
            [*status_quo, (lever, best.rate)],
            f"{side}'s best uniform change of its tariffs on the other's goods, on top of the "
            f"status quo: {100 * best.rate:+.1f} points (its own gain "
            f"{best.welfare_change_pct:+.3f}%)",
            deal=False,
        )
        partner = pair[1] if side == pair[0] else pair[0]
        i, j = data.index(partner), data.index(side)
        uniform = apply_levers(data, [*status_quo, (lever, best.rate)])[i, j, k]
        by = st.sector_optimal_tariff(
            data, side, partner, base, goods, start=uniform, weights=weights
        )
        out.tariffs(
            f"{side} optimal tariff by sector",
            [*status_quo, *st.sector_settings(side, partner, goods, by.rates)],
            f"{side}'s best tariff on the other's goods in each of {len(goods)} goods sectors, "
            f"the rest at the status quo (its own gain {by.welfare_change_pct:+.3f}%)"
            + ("" if by.converged else "; search NOT converged"),
            deal=False,
            by_sector={side: _pcts(goods, by.rates)},
        )
    war = bg.pair_war(
        data, (home_all, partner_all), status_quo, bounds=UNIFORM_BOUNDS, weights=weights
    )
    war_settings = [*status_quo, (home_all, war.rates[0]), (partner_all, war.rates[1])]
    out.tariffs(
        "trade war",
        war_settings,
        f"uniform best responses on top of the status quo: {pair[0]} "
        f"{100 * war.rates[0]:+.1f} points, {pair[1]} {100 * war.rates[1]:+.1f} points "
        f"({war.rounds} rounds" + ("" if war.converged else ", NOT converged") + ")",
        deal=False,
    )
    uniform_war = apply_levers(data, war_settings)
    a, b = data.index(pair[0]), data.index(pair[1])
    sector_war = st.sector_pair_war(
        data,
        pair,
        base,
        goods,
        start=(uniform_war[b, a, k], uniform_war[a, b, k]),
        weights=weights,
    )
    out.tariffs(
        "trade war by sector",
        [
            *status_quo,
            *st.sector_settings(pair[0], pair[1], goods, sector_war.rates[0]),
            *st.sector_settings(pair[1], pair[0], goods, sector_war.rates[1]),
        ],
        f"sector best responses of both sides, the rest at the status quo ({sector_war.rounds} "
        "rounds" + ("" if sector_war.converged else ", NOT converged") + ")",
        deal=False,
        by_sector={
            pair[0]: _pcts(goods, sector_war.rates[0]),
            pair[1]: _pcts(goods, sector_war.rates[1]),
        },
    )


def _pcts(sectors: Sequence[str], rates: np.ndarray) -> dict[str, float]:
    return {s: float(100.0 * r) for s, r in zip(sectors, rates, strict=True)}


def weight_sweep(
    space: DealSpace,
    grid: pd.DataFrame,
    weights: Sequence[float] = SWEEP_WEIGHTS,
    *,
    mapper: ChunkMapper = map_in_process,
) -> pd.DataFrame:
    """The refined Nash bargaining deal for each weight on ``pair[0]`` (empty: no deal).

    ``mapper`` solves the weights (one task each; the space and grid shipped once)."""
    if not acceptable(grid, space.pair).any():
        return pd.DataFrame()
    return sweep_table(mapper(weight_deal, [float(w) for w in weights], shared=(space, grid)))


def sweep_table(rows: Sequence[dict[str, float]]) -> pd.DataFrame:
    """The sweep's rows (:func:`weight_deal`, one per weight) as its table, rates in percent."""
    frame = pd.DataFrame(rows)
    frame[["x_pct", "y_pct"]] = 100.0 * frame[["x", "y"]]
    return frame.drop(columns=["x", "y"])


def weight_deal(space: DealSpace, grid: pd.DataFrame, weight: float) -> dict[str, float]:
    deal = bg.nash_bargaining_refined(space, grid, weight)
    return {"weight": weight, **{str(k): float(v) for k, v in deal.items()}}


def frontier_rows(grid: pd.DataFrame, pair: tuple[str, str]) -> pd.DataFrame:
    """The grid with ``acceptable`` and ``frontier`` flags and rates in percent."""
    out = grid.copy()
    out["acceptable"] = acceptable(grid, pair)
    out["frontier"] = pareto_frontier(grid, pair) & out["acceptable"]
    out.insert(0, "x_pct", 100.0 * out.pop("x"))
    out.insert(1, "y_pct", 100.0 * out.pop("y"))
    return out
