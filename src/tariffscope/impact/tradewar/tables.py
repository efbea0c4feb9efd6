"""Ossa (2014) Tables 3, 4 and 5 recomputed with this engine, in the paper's layout.

In Tables 3 and 4 every welfare entry is a % change from the factual (purged) 2007 equilibrium;
tariff columns are the median, over partners x industries, of the tariff-setting region's
tariffs, in %. "Others" is the simple mean over the other regions (Ossa's ``tables.m``).
Table 5 (trade talks) gives, for each starting point (the Nash equilibrium, factual tariffs,
free trade), the % change of government welfare and welfare from that starting point to the
cooperative tariffs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tariffscope.errors import ConvergenceError, InputError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar import equilibrium as eq
from tariffscope.impact.tradewar.baseline import Shares, shares
from tariffscope.impact.tradewar.cooperative import Cooperative, cooperative_tariffs
from tariffscope.impact.tradewar.data import TradeWarData, load_ossa2014, load_ossa2014_tables
from tariffscope.impact.tradewar.nash import NashResult, nash_tariffs
from tariffscope.impact.tradewar.optimal import best_response
from tariffscope.impact.tradewar.welfare import government_welfare_hat, welfare_hat

__all__ = [
    "PANELS",
    "TALKS_STARTS",
    "Outcome",
    "combine_optimal",
    "compare",
    "median_tariffs",
    "nash_table",
    "optimal_table",
    "optimal_tariffs",
    "outcome",
    "reproduce",
    "talks",
    "talks_guess",
    "talks_table",
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


TALKS_STARTS = ("nash", "factual", "freetrade")


def talks_guess(sh: Shares) -> FloatArray:
    """Free trade: the cooperative search's start in Ossa's ``mycooperativetariff.m`` with
    political-economy weights, whatever the talks' starting point (without them his starts from
    a small tariff against the mark-up distortion). An option of :func:`talks`, not its default:
    on Ossa's data it reaches a higher common gain but a Japanese real-income gain 2.3-2.4 points
    above his Table 5 (docs/models.md, "Why (round 5)")."""
    return np.zeros((sh.n, sh.n, sh.sigma.size))


def talks(
    sh: Shares,
    w: FloatArray,
    start: FloatArray,
    *,
    tol: float = 1e-6,
    search_from: FloatArray | None = None,
) -> Cooperative:
    """Cooperative tariffs with equal government-welfare gains from the tariffs ``start``
    (Ossa 2014, section V.B), searched from ``search_from`` (default ``start`` itself).

    The talks problem is not concave, and its local solutions share nearly the same common
    gain but split real welfare differently: the answer follows the search's start (from two
    Nash equilibria 0.017 points apart in government welfare, searched from each, India's
    welfare ended 0.6 points apart; searched from free trade, :func:`talks_guess`, Japan's
    moved by 2.7 points)."""
    sol = eq.solve(sh, start)
    p = eq.parts(sh, sol.wage_hat, sol.expenditure_hat, start)
    reference = np.log(government_welfare_hat(sh, p, start, w))
    guess = start if search_from is None else search_from
    coop = cooperative_tariffs(sh, w, reference, guess, tol=tol, inner_ftol=1e-11, inner_gtol=1e-7)
    if not coop.converged:
        raise ConvergenceError(f"the trade-talks search did not converge: {coop.message}")
    return coop


def talks_table(
    data: TradeWarData,
    political: bool,
    starts: dict[str, FloatArray],
    solved: dict[str, FloatArray] | None = None,
) -> pd.DataFrame:
    """Table 5 (one panel): gains from ``starts`` (name -> tariffs) to the cooperative tariffs.

    ``solved`` (name -> cooperative tariffs) skips the search, e.g. for cached results.
    """
    sh, w = shares(data), weights(data, political)
    frame = pd.DataFrame({"region": list(data.regions)})
    for name, start in starts.items():
        coop = talks(sh, w, start).tariffs if solved is None else solved[name]
        before, after = outcome(sh, start, w), outcome(sh, coop, w)
        frame[f"gov_welfare_from_{name}"] = _change(
            after.government_welfare_pct, before.government_welfare_pct
        )
        frame[f"welfare_from_{name}"] = _change(after.welfare_pct, before.welfare_pct)
    return _with_average(frame)


def _change(after_pct: FloatArray, before_pct: FloatArray) -> FloatArray:
    """% change between two states given as % changes from the same base."""
    return np.asarray(100.0 * ((1.0 + after_pct / 100.0) / (1.0 + before_pct / 100.0) - 1.0))


@functools.cache
def _ossa_optimal(political: bool) -> tuple[FloatArray, ...]:
    return tuple(optimal_tariffs(load_ossa2014(), political))


@functools.cache
def _ossa_nash(political: bool) -> tuple[pd.DataFrame, FloatArray]:
    data = load_ossa2014()
    frame, nash = nash_table(data, political, combine_optimal(data, list(_ossa_optimal(political))))
    return frame, nash.tariffs


def _talks_start(political: bool, name: str) -> FloatArray:
    data = load_ossa2014()
    if name == "nash":
        return _ossa_nash(political)[1]
    if name == "factual":
        return data.tariffs
    if name == "freetrade":
        return np.zeros_like(data.tariffs)
    raise InputError(f"talks start must be one of {', '.join(TALKS_STARTS)} (got {name!r})")


@functools.cache
def reproduce(table: int, political: bool, starts: tuple[str, ...] = TALKS_STARTS) -> pd.DataFrame:
    """Table 3, 4 or 5 (one panel) on Ossa's data; cached per process.

    A panel of Table 3 or 4 takes about a minute; Table 5 needs a few minutes per starting
    point, and its Nash start needs Table 4's Nash tariffs first. ``starts`` (Table 5 only)
    picks the starting points.
    """
    data = load_ossa2014()
    if table == 3:
        return optimal_table(data, political, list(_ossa_optimal(political)))
    if table == 4:
        return _ossa_nash(political)[0]
    if table == 5:
        return talks_table(
            data, political, {name: _talks_start(political, name) for name in starts}
        )
    raise InputError(f"table must be 3, 4 or 5 (got {table})")


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
