"""The ICIO 2022 baseline for the trade-war engine: 81 countries x 28 sectors, applied tariffs.

Source: Lashkaripour's ``us-tariff`` repository (``mat/ICIO2022.mat``, built from the OECD ICIO
2023 edition, year 2022), as converted into
``shared/data/d_gravity/lashkaripour_ustariff_icio2022/`` (see shared/data/MANIFEST.md):
``icio2022_81x81x28_trade_tariff.csv.gz`` (gross bilateral flows by sector, US$ million,
domestic flows included; the applied tariff of the importer, a fraction) and
``icio2022_trade_elasticities_by_source.csv`` (``sigma`` by sector from eight sources).

Ossa's (2014) model has no input-output linkages, so the gross flows are read as final demand
(intermediate use is treated like consumption). Two steps make the 81-country table a pair
economy the engine can solve in milliseconds:

* :func:`aggregate_pair` keeps the pair's two countries and sums the other 79 into one rest of
  the world (trade within it becomes its "domestic" trade); tariffs between groups are trade-
  weighted means, so baseline tariff revenue is unchanged.
* :func:`purge_imbalances` removes aggregate trade imbalances as Ossa (2014) and Dekle, Eaton
  and Kortum (2007) do: the baseline becomes the equilibrium with factual tariffs and zero net
  exports, so a zero change gives exactly zero welfare change.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from tariffscope.config import shared_file
from tariffscope.errors import InputError
from tariffscope.impact.tradewar import equilibrium as eq
from tariffscope.impact.tradewar.baseline import shares
from tariffscope.impact.tradewar.data import TradeWarData, cubes_from_long

__all__ = [
    "DEFAULT_ELASTICITIES",
    "ICIO_DIR",
    "NON_GOODS_SECTORS",
    "aggregate_pair",
    "goods_sectors",
    "load_icio2022",
    "pair_baseline",
    "purge_imbalances",
]

ICIO_DIR = "data/d_gravity/lashkaripour_ustariff_icio2022"
# Uniform trade elasticity 4 (sigma 5): the file's neutral benchmark, near Simonovska and
# Waugh's (2014) central estimate; the sector-specific sources are one argument away.
DEFAULT_ELASTICITIES = "U4"
# The file's one non-goods sector; tariff measures (and hence deal levers) apply to goods.
NON_GOODS_SECTORS = ("Services (aggregate)",)


def load_icio2022(
    elasticities: str = DEFAULT_ELASTICITIES, folder: Path | None = None
) -> TradeWarData:
    """All 81 countries x 28 sectors, with ``sigma`` from the source keyed ``elasticities``."""
    base = (
        shared_file(f"{ICIO_DIR}/icio2022_81x81x28_trade_tariff.csv.gz").parent
        if folder is None
        else folder
    )
    long = pd.read_csv(base / "icio2022_81x81x28_trade_tariff.csv.gz")
    sig = pd.read_csv(base / "icio2022_trade_elasticities_by_source.csv")
    chosen = sig[sig["key"] == elasticities]
    if chosen.empty:
        known = ", ".join(sorted(sig["key"].unique()))
        raise InputError(f"unknown elasticity source {elasticities!r}; known: {known}")
    sectors = tuple(dict.fromkeys(long["sector"]))
    countries = tuple(sorted(set(long["exporter"]) | set(long["importer"])))
    si = {s: k for k, s in enumerate(sectors)}
    n, m = len(countries), len(sectors)
    trade, tariffs = cubes_from_long(
        long, countries, long["sector"].map(si), m, ("trade_usd_mn", "tariff")
    )
    sigma = chosen.set_index("sector")["sigma"].reindex(list(sectors))
    if sigma.isna().any():
        raise InputError(f"elasticity source {elasticities!r} lacks a sector of the ICIO file")
    return TradeWarData(
        regions=countries,
        sectors=sectors,
        trade=trade,
        tariffs=tariffs,
        sigma=sigma.to_numpy(dtype=float),
        lambda_pol=np.ones((n, m)),
        source=f"OECD ICIO 2022 via Lashkaripour us-tariff, {ICIO_DIR}; sigma {elasticities}",
    )


def aggregate_pair(data: TradeWarData, first: str, second: str, rest: str = "ROW") -> TradeWarData:
    """``first``, ``second`` and the sum of every other country (named ``rest``)."""
    if first == second:
        raise InputError(f"a pair needs two different countries, got {first!r} twice")
    a, b = data.index(first), data.index(second)
    if rest in (first, second):
        raise InputError(f"the rest of the world cannot be named like a member ({rest!r})")
    group = np.full(len(data.regions), 2)
    group[a], group[b] = 0, 1
    onehot = np.eye(3)[group]  # [country, group]
    trade = np.einsum("ig,jh,ijs->ghs", onehot, onehot, data.trade)
    revenue = np.einsum("ig,jh,ijs->ghs", onehot, onehot, data.trade * data.tariffs)
    tariffs = np.divide(revenue, trade, out=np.zeros_like(trade), where=trade > 0)
    return TradeWarData(
        regions=(first, second, rest),
        sectors=data.sectors,
        trade=trade,
        tariffs=tariffs,
        sigma=data.sigma,
        lambda_pol=np.ones((3, len(data.sectors))),
        source=f"{data.source}; aggregated to {first}, {second}, {rest}",
    )


def purge_imbalances(data: TradeWarData) -> TradeWarData:
    """The factual-tariff equilibrium with zero net exports, as the new baseline."""
    sh = shares(data)
    sol = eq.solve(sh, data.tariffs)
    p = eq.parts(sh, sol.wage_hat, sol.expenditure_hat, data.tariffs)
    return TradeWarData(
        regions=data.regions,
        sectors=data.sectors,
        trade=np.asarray(data.trade * p.trade_hat.real),
        tariffs=data.tariffs,
        sigma=data.sigma,
        lambda_pol=data.lambda_pol,
        source=f"{data.source}; trade imbalances purged",
    )


def pair_baseline(
    first: str, second: str, elasticities: str = DEFAULT_ELASTICITIES, folder: Path | None = None
) -> TradeWarData:
    """The ICIO 2022 pair economy (``first``, ``second``, ROW), imbalances purged."""
    return purge_imbalances(aggregate_pair(load_icio2022(elasticities, folder), first, second))


def goods_sectors(data: TradeWarData) -> tuple[str, ...]:
    return tuple(s for s in data.sectors if s not in NON_GOODS_SECTORS)
