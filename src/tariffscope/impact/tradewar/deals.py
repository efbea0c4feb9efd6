"""The deal space of a pair: each side's payoff over a grid of deals, and where bargaining lands.

A deal sets two *levers*, each one importer's tariff on one exporter's goods in some sectors
(e.g. the home country's general rate on the partner's goods, the partner's tariff on home goods,
or the home rate on one named sector). A lever's rate ``r`` acts on the baseline applied tariff
``t`` by its ``mode``:

* ``inclusive``: ``max(t, r)``, a rate "inclusive of MFN" (a floor; ``r = 0`` is the status quo);
* ``additional``: ``max(t + r, 0)``, stacked on the baseline (negative ``r`` cuts; ``r = 0`` is
  the status quo);
* ``replace``: ``r`` whatever the baseline;
* ``stacked``: ``max(t' + r, 0)`` on the tariff ``t'`` the settings before it left (a change
  on top of, say, the status quo; on the baseline it is ``additional``).

Each side's payoff is its real income change (welfare ``e / P_hat`` of Ossa's model, tariff
revenue included) at the deal relative to a disagreement point: the threat carried out (a list of
lever settings) or the status quo (no settings). Everything is a pure function of its inputs;
grids return DataFrames.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from tariffscope.distributed.map import ChunkMapper, map_in_process
from tariffscope.errors import InputError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar import equilibrium as eq
from tariffscope.impact.tradewar.baseline import Shares, shares
from tariffscope.impact.tradewar.data import TradeWarData
from tariffscope.impact.tradewar.welfare import government_welfare_hat, welfare_hat

__all__ = [
    "DealSpace",
    "Evaluator",
    "Lever",
    "acceptable",
    "apply_levers",
    "grid_of",
    "income_usd_bn",
    "nash_bargaining",
    "nash_bargaining_sweep",
    "pareto_frontier",
    "payoff_grid",
    "scenario_welfare",
]

Mode = Literal["inclusive", "additional", "replace", "stacked"]
Setting = tuple["Lever", float]


@dataclass(frozen=True)
class Lever:
    """``importer``'s tariff on ``exporter``'s goods in ``sectors``, set by a rate.

    ``base``: the tariff ``t`` an ``inclusive`` or ``additional`` rate acts on, one per sector
    (e.g. the MFN rate the law gives today); default the data's baseline tariff."""

    name: str
    importer: str
    exporter: str
    sectors: tuple[str, ...]
    mode: Mode = "inclusive"
    base: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        if self.importer == self.exporter:
            raise InputError(f"lever {self.name!r}: importer and exporter are both {self.importer}")
        if not self.sectors:
            raise InputError(f"lever {self.name!r} names no sector")
        if self.mode not in ("inclusive", "additional", "replace", "stacked"):
            raise InputError(f"lever {self.name!r}: unknown mode {self.mode!r}")
        if self.base is not None and len(self.base) != len(self.sectors):
            raise InputError(f"lever {self.name!r}: base needs one tariff per sector")


def apply_levers(data: TradeWarData, settings: Sequence[Setting]) -> FloatArray:
    """New tariffs ``[i, j, s]``: the baseline with each lever set in turn (later ones win)."""
    new = data.tariffs.copy()
    for lever, rate in settings:
        i, j = data.index(lever.exporter), data.index(lever.importer)
        unknown = [s for s in lever.sectors if s not in data.sectors]
        if unknown:
            raise InputError(f"lever {lever.name!r}: unknown sector {unknown[0]!r}")
        k = [data.sectors.index(s) for s in lever.sectors]
        base = data.tariffs[i, j, k] if lever.base is None else np.asarray(lever.base)
        if lever.mode == "inclusive":
            new[i, j, k] = np.maximum(base, rate)
        elif lever.mode == "additional":
            new[i, j, k] = np.maximum(base + rate, 0.0)
        elif lever.mode == "stacked":
            new[i, j, k] = np.maximum(new[i, j, k] + rate, 0.0)
        else:
            new[i, j, k] = rate
    return new


def _welfare(
    sh: Shares,
    new_tariffs: FloatArray,
    start: FloatArray | None,
    weights: FloatArray | None = None,
) -> tuple[FloatArray, FloatArray]:
    """Welfare changes (real income; government welfare with political-economy ``weights``)
    and the equilibrium's unknowns (a warm start)."""
    sol = eq.solve(sh, new_tariffs, start)
    p = eq.parts(sh, sol.wage_hat, sol.expenditure_hat, new_tariffs)
    if weights is None:
        return np.asarray(welfare_hat(sh, sol.expenditure_hat, p).real), sol.y
    return np.asarray(government_welfare_hat(sh, p, new_tariffs, weights).real), sol.y


def scenario_welfare(
    data: TradeWarData, settings: Sequence[Setting], weights: FloatArray | None = None
) -> FloatArray:
    """Every region's welfare change (1 = none) from the baseline to one scenario: real income,
    or government welfare with political-economy ``weights`` ``[region, sector]``."""
    return _welfare(shares(data), apply_levers(data, settings), None, weights)[0]


def income_usd_bn(data: TradeWarData, region: str) -> float:
    """``region``'s baseline income in US$ bn: labour income, profits and tariff revenue, equal
    to its spending once trade is balanced (the model's GDP; on the ICIO's gross flows it
    counts intermediate use, so it is gross output rather than value added)."""
    return float(shares(data).expenditure[data.index(region)] / 1000.0)


@dataclass(frozen=True, eq=False)
class DealSpace:
    """Deals ``(x rate, y rate)`` of a pair, against a disagreement point.

    ``fixed`` settings hold in every deal and at the disagreement point's base (levers no one
    negotiates); ``disagreement`` is the threat carried out, the status quo or a war (lever
    settings; empty: the baseline). ``transfer_usd_bn`` is a payment from ``pair[1]`` to
    ``pair[0]`` at every deal, in US$ bn, for commitments the model cannot price (investment
    pledges, purchases): it is added to the payoffs as it is, "transfer (not modelled)", as a
    share of each side's baseline income (the model's GDP, :func:`income_usd_bn`).

    ``pe_weights``: political-economy weights ``[region, sector]``
    (:mod:`.political_economy`); then every payoff is government welfare (Ossa 2014, eq. 6)
    instead of real income. ``None``: real income (the default).
    """

    data: TradeWarData
    pair: tuple[str, str]
    x: Lever
    y: Lever
    disagreement: tuple[Setting, ...] = ()
    fixed: tuple[Setting, ...] = ()
    transfer_usd_bn: float = 0.0
    pe_weights: FloatArray | None = None

    def settings(self, a: float, b: float) -> list[Setting]:
        return [*self.fixed, (self.x, float(a)), (self.y, float(b))]


class Evaluator:
    """Payoffs of deals of one :class:`DealSpace`, each solve warm-started from the last."""

    def __init__(self, space: DealSpace) -> None:
        self.space = space
        self.sh = shares(space.data)
        self.members = [space.data.index(m) for m in space.pair]
        self.w_dis, _ = _welfare(
            self.sh, apply_levers(space.data, space.disagreement), None, space.pe_weights
        )
        self.last: FloatArray | None = None

    def record(self, a: float, b: float, start: FloatArray | None = None) -> dict[str, float]:
        """One deal's row: payoffs (%, US$ bn) against disagreement and against the baseline."""
        rec = self.record_settings(self.space.settings(a, b), start)
        return {"x": float(a), "y": float(b), **rec}

    def record_settings(
        self, settings: Sequence[Setting], start: FloatArray | None = None, *, transfer: bool = True
    ) -> dict[str, float]:
        """Payoffs of any tariffs (``settings`` on the baseline), with the deal's transfer if
        ``transfer`` (a deal) and without it (a war, an optimal tariff)."""
        space = self.space
        begin = self.last if start is None else start
        w, self.last = _welfare(
            self.sh, apply_levers(space.data, settings), begin, space.pe_weights
        )
        paid = space.transfer_usd_bn if transfer else 0.0
        rec: dict[str, float] = {}
        for k, (name, m) in enumerate(zip(space.pair, self.members, strict=True)):
            spend = self.sh.expenditure[m] / 1000.0  # US$ bn
            transfer_m = paid if k == 0 else -paid
            gain = (w[m] / self.w_dis[m] - 1.0) * spend + transfer_m
            rec[f"payoff_pct_{name}"] = 100.0 * gain / spend
            rec[f"payoff_usd_bn_{name}"] = gain
            rec[f"vs_baseline_pct_{name}"] = 100.0 * ((w[m] - 1.0) + transfer_m / spend)
            rec[f"transfer_usd_bn_{name}"] = transfer_m + 0.0  # no negative zero
            rec[f"transfer_pct_{name}"] = 100.0 * transfer_m / spend + 0.0
        return rec

    def payoffs(self, a: float, b: float) -> FloatArray:
        rec = self.record(a, b)
        return np.array([rec[f"payoff_pct_{m}"] for m in self.space.pair])


#: Deals a task of :func:`grid_of` solves at least (whole rows): a deal's solve is about a
#: millisecond, a task's scheduling and shipping several (bench/bench_distributed.py).
DEALS_PER_TASK = 64

_Row = tuple[float, Sequence[float], FloatArray | None, bool]  # x, the ys, start, warm


def grid_of(
    space: DealSpace,
    xs: Sequence[float],
    ys: Sequence[float],
    *,
    warm: bool = True,
    mapper: ChunkMapper = map_in_process,
) -> pd.DataFrame:
    """Each side's payoff at every deal of the grid ``xs`` x ``ys`` (see :func:`payoff_grid`).

    ``warm``: each solve starts from its neighbour's equilibrium (the previous deal of the
    row; a row from the previous row's first); else every solve starts from the baseline.

    ``mapper`` solves the rows after their first deal, in blocks of whole rows of at least
    :data:`DEALS_PER_TASK` deals (e.g. ``client_mapper(client)`` on a Dask cluster, the
    evaluator and its data shipped once); the first deals, a chain of warm starts, are solved
    here. Every solve starts from the same point on either path, so the grid is the same, bit
    for bit."""
    ev = Evaluator(space)
    firsts: list[dict[str, float]] = []
    rows: list[_Row] = []
    start = None
    for a in xs:
        ev.last = start if warm else None  # a row starts from the previous row's first
        firsts.append(ev.record(a, ys[0]))
        if warm:
            start = ev.last
        rows.append((a, ys[1:], start, warm))
    per_block = max(1, -(-DEALS_PER_TASK // max(1, len(ys) - 1)))
    blocks = [rows[k : k + per_block] for k in range(0, len(rows), per_block)]
    rests = [rest for block in mapper(_rows_rest, blocks, shared=(ev,)) for rest in block]
    out = pd.DataFrame(
        [rec for first, rest in zip(firsts, rests, strict=True) for rec in (first, *rest)]
    )
    out.attrs.update(
        x_lever=space.x.name,
        y_lever=space.y.name,
        pair=space.pair,
        source=space.data.source,
        transfer_usd_bn=space.transfer_usd_bn,
    )
    return out


def _rows_rest(evaluator: Evaluator, rows: Sequence[_Row]) -> list[list[dict[str, Any]]]:
    """The deals ``(a, b)`` of each row after its first, from the row's ``start`` (a task of
    :func:`grid_of`)."""
    out = []
    for a, ys, start, warm in rows:
        ev = copy.copy(evaluator)  # tasks on one worker share the broadcast evaluator
        ev.last = start
        row = []
        for b in ys:
            if not warm:
                ev.last = None
            row.append(ev.record(a, b))
        out.append(row)
    return out


def payoff_grid(
    data: TradeWarData,
    pair: tuple[str, str],
    x: tuple[Lever, Sequence[float]],
    y: tuple[Lever, Sequence[float]],
    disagreement: Sequence[Setting] = (),
    *,
    transfer_usd_bn: float = 0.0,
    pe_weights: FloatArray | None = None,
) -> pd.DataFrame:
    """Each side's payoff at every deal ``(x rate, y rate)`` against ``disagreement``.

    ``disagreement`` is the threat carried out (lever settings) or, empty, the status quo.
    Columns: ``x``, ``y`` (the rates), and for each member ``m`` of ``pair``:
    ``payoff_pct_m`` (real income change at the deal relative to the disagreement point, %),
    ``payoff_usd_bn_m`` (the same in US$ bn of baseline expenditure), ``vs_baseline_pct_m``
    (the deal against the status quo, %), ``transfer_usd_bn_m`` (the transfer, not
    modelled, included in the others) and ``transfer_pct_m`` (the same in % of m's baseline
    income). Solves warm-start along the grid. ``pe_weights``: political-economy weights
    ``[region, sector]`` (payoffs are then government welfare; see :class:`DealSpace`).
    """
    space = DealSpace(data, pair, x[0], y[0], tuple(disagreement), (), transfer_usd_bn, pe_weights)
    return grid_of(space, x[1], y[1])


def _payoffs(grid: pd.DataFrame, pair: tuple[str, str]) -> FloatArray:
    return grid[[f"payoff_pct_{m}" for m in pair]].to_numpy()


def acceptable(grid: pd.DataFrame, pair: tuple[str, str]) -> pd.Series:
    """Deals both sides strictly prefer to the disagreement point."""
    return pd.Series((_payoffs(grid, pair) > 0.0).all(axis=1), index=grid.index)


def pareto_frontier(grid: pd.DataFrame, pair: tuple[str, str]) -> pd.Series:
    """Grid deals no other grid deal beats for one side without hurting the other."""
    u = _payoffs(grid, pair)
    weakly = np.all(u[None, :, :] >= u[:, None, :], axis=2)
    strictly = np.any(u[None, :, :] > u[:, None, :], axis=2)
    return pd.Series(~np.any(weakly & strictly, axis=1), index=grid.index)


def nash_bargaining(grid: pd.DataFrame, pair: tuple[str, str], weight: float) -> pd.Series:
    """The grid deal maximising ``weight log u_first + (1 - weight) log u_second``.

    ``u`` are the payoffs against the disagreement point; only acceptable deals count. Raises
    ``InputError`` if the grid has none (then the disagreement point is the outcome).
    """
    if not 0.0 < weight < 1.0:
        raise InputError(f"the bargaining weight must lie strictly between 0 and 1, got {weight}")
    ok = acceptable(grid, pair)
    if not ok.any():
        raise InputError("no deal on the grid is better than disagreement for both sides")
    u = _payoffs(grid[ok], pair)
    product = weight * np.log(u[:, 0]) + (1.0 - weight) * np.log(u[:, 1])
    return grid[ok].iloc[int(np.argmax(product))]


def nash_bargaining_sweep(
    grid: pd.DataFrame, pair: tuple[str, str], weights: Sequence[float]
) -> pd.DataFrame:
    """The Nash bargaining deal for each weight on ``pair[0]`` (one row per weight)."""
    rows = [nash_bargaining(grid, pair, w) for w in weights]
    out = pd.DataFrame(rows).reset_index(names="grid_row")
    out.insert(0, "weight", list(weights))
    return out
