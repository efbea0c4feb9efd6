"""Ossa (2014) Tables 3 and 4 recomputed with this engine, in the paper's layout.

Every welfare entry is a % change from the factual (purged) 2007 equilibrium; tariff columns are
the median, over partners x industries, of the tariff-setting region's tariffs, in %.
"Others" is the simple mean over the other regions (Ossa's ``tables.m``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tariffscope.errors import InputError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar import equilibrium as eq
from tariffscope.impact.tradewar.baseline import Shares, shares
from tariffscope.impact.tradewar.data import TradeWarData, load_ossa2014, load_ossa2014_tables
from tariffscope.impact.tradewar.nash import NashResult, nash_tariffs
from tariffscope.impact.tradewar.optimal import best_response
from tariffscope.impact.tradewar.welfare import government_welfare_hat, welfare_hat

__all__ = [
    "PANELS",
    "Outcome",
    "combine_optimal",
    "compare",
    "median_tariffs",
    "nash_table",
    "optimal_table",
    "optimal_tariffs",
    "outcome",
    "reproduce",
    "weights",
]


def weights(data: TradeWarData, political: bool) -> FloatArray:
    """Panel B's political-economy weights, or ones (Panel A)."""
    return data.lambda_pol if political else np.ones_like(data.lambda_pol)


@dataclass(frozen=True, eq=False)
class Outcome:
    welfare_pct: FloatArray  # [region]
    government_welfare_pct: FloatArray
    wage_hat: FloatArray


def outcome(sh: Shares, new_tariffs: FloatArray, w: FloatArray) -> Outcome:
    """Welfare and government-welfare changes (%) of every region under ``new_tariffs``."""
    sol = eq.solve(sh, new_tariffs)
    p = eq.parts(sh, sol.wage_hat, sol.expenditure_hat, new_tariffs)
    return Outcome(
        100.0 * (welfare_hat(sh, sol.expenditure_hat, p) - 1.0),
        100.0 * (government_welfare_hat(sh, p, new_tariffs, w) - 1.0),
        sol.wage_hat,
    )


def median_tariffs(tariffs: FloatArray) -> FloatArray:
    """Median (%) of each region's tariffs over partners x industries (own flows left out)."""
    n = tariffs.shape[0]
    return np.array([100.0 * np.median(np.delete(tariffs[:, j, :], j, axis=0)) for j in range(n)])


def _others(values: FloatArray, j: int) -> float:
    return float(np.mean(np.delete(values, j)))


def optimal_tariffs(data: TradeWarData, political: bool) -> list[FloatArray]:
    """Each region's optimal tariffs against factual tariffs: one full array per region."""
    sh, w = shares(data), weights(data, political)
    return [best_response(sh, j, data.tariffs, w).tariffs for j in range(sh.n)]


def optimal_table(
    data: TradeWarData, political: bool, solved: list[FloatArray] | None = None
) -> pd.DataFrame:
    """Table 3 (one panel): each region alone sets optimal tariffs, the others stay factual."""
    sh, w = shares(data), weights(data, political)
    solved = optimal_tariffs(data, political) if solved is None else solved
    rows = []
    for j, t in enumerate(solved):
        out = outcome(sh, t, w)
        rows.append(
            {
                "region": data.regions[j],
                "gov_welfare_own": out.government_welfare_pct[j],
                "gov_welfare_others_mean": _others(out.government_welfare_pct, j),
                "welfare_own": out.welfare_pct[j],
                "welfare_others_mean": _others(out.welfare_pct, j),
                "median_optimal_tariff": median_tariffs(t)[j],
            }
        )
    return _with_average(pd.DataFrame(rows))


def nash_table(
    data: TradeWarData,
    political: bool,
    start: FloatArray,
    progress: Callable[[int, float], None] | None = None,
) -> tuple[pd.DataFrame, NashResult]:
    """Table 4 (one panel): the Nash (trade-war) tariffs and their welfare effects."""
    sh, w = shares(data), weights(data, political)
    nash = nash_tariffs(sh, w, start, progress=progress)
    out = outcome(sh, nash.tariffs, w)
    frame = pd.DataFrame(
        {
            "region": list(data.regions),
            "gov_welfare": out.government_welfare_pct,
            "welfare": out.welfare_pct,
            "median_nash_tariff": median_tariffs(nash.tariffs),
        }
    )
    return _with_average(frame), nash


def combine_optimal(data: TradeWarData, solved: list[FloatArray]) -> FloatArray:
    """Every region's optimal column (against factual tariffs) in one array: a Nash start."""
    t = data.tariffs.copy()
    for j, full in enumerate(solved):
        t[:, j, :] = full[:, j, :]
    return t


def _with_average(frame: pd.DataFrame) -> pd.DataFrame:
    average = frame.drop(columns="region").mean().to_dict()
    return pd.concat([frame, pd.DataFrame([{"region": "Average", **average}])], ignore_index=True)


PANELS = {False: "A_no_political_economy", True: "B_political_economy"}


@functools.cache
def _ossa_optimal(political: bool) -> tuple[FloatArray, ...]:
    return tuple(optimal_tariffs(load_ossa2014(), political))


@functools.cache
def reproduce(table: int, political: bool) -> pd.DataFrame:
    """Table 3 or 4 (one panel) on Ossa's data; cached per process (a panel takes ~1 minute)."""
    data = load_ossa2014()
    solved = list(_ossa_optimal(political))
    if table == 3:
        return optimal_table(data, political, solved)
    if table == 4:
        return nash_table(data, political, combine_optimal(data, solved))[0]
    raise InputError(f"table must be 3 or 4 (got {table})")


def compare(ours: pd.DataFrame, table: int, political: bool) -> pd.DataFrame:
    """Long form: region, column, ours, published (Ossa's arrays) and the gap."""
    published = load_ossa2014_tables()
    ref = published[(published["table"] == table) & (published["panel"] == PANELS[political])]
    long = ours.melt(id_vars="region", var_name="column", value_name="ours")
    merged = long.merge(
        ref.rename(columns={"row": "region", "value": "published"})[
            ["region", "column", "published"]
        ],
        on=["region", "column"],
        how="left",
    )
    merged["gap"] = merged["ours"] - merged["published"]
    merged.insert(0, "panel", PANELS[political])
    merged.insert(0, "table", table)
    return merged
