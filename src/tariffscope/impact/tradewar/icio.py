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

import hashlib
import logging
import os
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from tariffscope.config import shared_file, user_dir
from tariffscope.errors import InputError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar import equilibrium as eq
from tariffscope.impact.tradewar.baseline import shares
from tariffscope.impact.tradewar.data import TradeWarData, cubes_from_long

__all__ = [
    "DEFAULT_ELASTICITIES",
    "ICIO_DIR",
    "ICIO_FILE",
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
ICIO_FILE = "icio2022_81x81x28_trade_tariff.csv.gz"
# bump when the derived arrays change meaning
_CACHE_VERSION = "icio2022-cubes-v1"

log = logging.getLogger(__name__)


def _parse_cubes(path: Path) -> tuple[tuple[str, ...], tuple[str, ...], FloatArray, FloatArray]:
    long = pd.read_csv(path)
    sectors = tuple(dict.fromkeys(long["sector"]))
    countries = tuple(sorted(set(long["exporter"]) | set(long["importer"])))
    si = {s: k for k, s in enumerate(sectors)}
    trade, tariffs = cubes_from_long(
        long, countries, long["sector"].map(si), len(sectors), ("trade_usd_mn", "tariff")
    )
    return countries, sectors, trade, tariffs


@cache
def _cubes(path: Path) -> tuple[tuple[str, ...], tuple[str, ...], FloatArray, FloatArray]:
    """The file's country and sector axes and its trade and tariff cubes, parsed once and kept
    as a derived table in the user cache (keyed by the file's bytes); parsing the CSV takes
    most of a second, the cached arrays load in milliseconds."""
    digest = hashlib.sha256(_CACHE_VERSION.encode())
    digest.update(path.read_bytes())
    cached = user_dir() / "cache" / "ge" / f"icio2022_{digest.hexdigest()[:16]}.npz"
    if cached.exists():
        try:
            with np.load(cached, allow_pickle=False) as stored:
                return (
                    tuple(str(c) for c in stored["countries"]),
                    tuple(str(s) for s in stored["sectors"]),
                    np.asarray(stored["trade"]),
                    np.asarray(stored["tariffs"]),
                )
        except (OSError, KeyError, ValueError) as error:
            log.warning("ignoring unreadable cache %s (%s)", cached, error)
    countries, sectors, trade, tariffs = _parse_cubes(path)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f"{cached.stem}.{os.getpid()}.tmp.npz")
        np.savez(
            tmp,
            countries=np.array(countries),
            sectors=np.array(sectors),
            trade=trade,
            tariffs=tariffs,
        )
        tmp.replace(cached)
    except OSError as error:  # a read-only cache folder only costs time
        log.warning("could not cache the ICIO 2022 arrays in %s (%s)", cached, error)
    return countries, sectors, trade, tariffs


def load_icio2022(
    elasticities: str = DEFAULT_ELASTICITIES, folder: Path | None = None
) -> TradeWarData:
    """All 81 countries x 28 sectors, with ``sigma`` from the source keyed ``elasticities``."""
    base = shared_file(f"{ICIO_DIR}/{ICIO_FILE}").parent if folder is None else folder
    sig = pd.read_csv(base / "icio2022_trade_elasticities_by_source.csv")
    chosen = sig[sig["key"] == elasticities]
    if chosen.empty:
        known = ", ".join(sorted(sig["key"].unique()))
        raise InputError(f"unknown elasticity source {elasticities!r}; known: {known}")
    countries, sectors, trade, tariffs = _cubes((base / ICIO_FILE).resolve())
    # each caller gets its own arrays: the cached cubes stay as read
    trade, tariffs = trade.copy(), tariffs.copy()
    n, m = len(countries), len(sectors)
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
