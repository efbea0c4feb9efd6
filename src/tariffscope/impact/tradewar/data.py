"""Ossa (2014) data: 7 regions x 33 GTAP goods industries, 2007, read from ../shared.

Source: Ossa, R. (2014), "Trade Wars and Trade Talks with Data", AER 104(12), replication
package (openICPSR 112717, CC BY 4.0), as converted into
``shared/data/d_gravity/ossa2014_trade_wars/`` (see shared/data/MANIFEST.md):

* ``ossa2014_baseline_long.csv``: ``trade_balanced_usd_mn`` is ``TRADE`` of Ossa's ``DATA.mat``
  (US$ million, the GTAP flows after his purge of aggregate trade imbalances, which is the
  baseline every counterfactual of the paper starts from) and ``tariff`` (fraction).
* ``ossa2014_sector_parameters.csv``: ``sigma_main`` (Feenstra estimates, Table 1),
  ``lambda_pol_<region>`` (the political-economy weights of Panel B, mean 1 per region).

Arrays are ``[exporter i, importer j, sector s]`` as in Ossa's ``TRADEs(i,j,s)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from tariffscope.config import shared_file
from tariffscope.errors import InputError
from tariffscope.impact.gravity.baseline import FloatArray

__all__ = [
    "OSSA_DIR",
    "TradeWarData",
    "load_ossa2014",
    "load_ossa2014_result_tariffs",
    "load_ossa2014_tables",
]

OSSA_DIR = "data/d_gravity/ossa2014_trade_wars"


@dataclass(frozen=True, eq=False)
class TradeWarData:
    """Trade ``[i, j, s]`` at exporter prices, tariffs of j on i, elasticities, PE weights."""

    regions: tuple[str, ...]
    sectors: tuple[str, ...]
    trade: FloatArray
    tariffs: FloatArray
    sigma: FloatArray
    lambda_pol: FloatArray  # [region, sector]; ones mean no political economy
    source: str = ""

    def __post_init__(self) -> None:
        n, s = len(self.regions), len(self.sectors)
        if self.trade.shape != (n, n, s) or self.tariffs.shape != (n, n, s):
            raise InputError(f"trade and tariffs must be [{n}, {n}, {s}]")
        if self.sigma.shape != (s,) or (self.sigma <= 1).any():
            raise InputError("sigma must be one elasticity above 1 per sector")
        if self.lambda_pol.shape != (n, s):
            raise InputError(f"lambda_pol must be [{n}, {s}]")
        if (self.trade < 0).any() or (self.tariffs <= -1).any():
            raise InputError("trade must be non-negative and tariffs above -100%")

    def index(self, region: str) -> int:
        try:
            return self.regions.index(region)
        except ValueError:
            raise InputError(
                f"unknown region {region!r}; known: {', '.join(self.regions)}"
            ) from None


def cubes_from_long(
    long: pd.DataFrame,
    countries: Sequence[str],
    sector_index: pd.Series,
    n_sectors: int,
    columns: Sequence[str],
) -> tuple[np.ndarray, ...]:
    """(exporter, importer, sector) arrays of ``columns`` of a long table whose rows name an
    exporter and an importer among ``countries``; ``sector_index`` gives each row's sector
    position among ``n_sectors``. Cells with no row are zero."""
    where = {c: k for k, c in enumerate(countries)}
    i = long["exporter"].map(where).to_numpy()
    j = long["importer"].map(where).to_numpy()
    k = sector_index.to_numpy()
    shape = (len(countries), len(countries), n_sectors)
    out = []
    for column in columns:
        cube = np.zeros(shape)
        cube[i, j, k] = long[column].to_numpy()
        out.append(cube)
    return tuple(out)


def load_ossa2014(folder: Path | None = None) -> TradeWarData:
    """Ossa's baseline from the shared folder (or ``folder``, the ossa2014_trade_wars folder)."""
    if folder is None:
        base = shared_file(f"{OSSA_DIR}/ossa2014_baseline_long.csv").parent
    else:
        base = folder
    long = pd.read_csv(base / "ossa2014_baseline_long.csv")
    params = pd.read_csv(base / "ossa2014_sector_parameters.csv").sort_values("sector_no")
    regions = tuple(pd.read_csv(base / "regions.csv")["String"])
    sectors = tuple(params["sector_code"])
    sector_of = {no: k for k, no in enumerate(params["sector_no"])}
    trade, tariffs = cubes_from_long(
        long,
        regions,
        long["sector_no"].map(sector_of),
        len(sectors),
        ("trade_balanced_usd_mn", "tariff"),
    )
    lam = np.column_stack([params[f"lambda_pol_{r}"].to_numpy() for r in regions]).T
    return TradeWarData(
        regions=regions,
        sectors=sectors,
        trade=trade,
        tariffs=tariffs,
        sigma=params["sigma_main"].to_numpy(dtype=float),
        lambda_pol=lam,
        source=f"Ossa (2014) replication package, {OSSA_DIR}",
    )


def load_ossa2014_result_tariffs(scenario: str, folder: Path | None = None) -> FloatArray:
    """Ossa's own stored tariffs ``[i, j, s]`` for ``scenario`` (e.g. ``nash_pol``).

    From ``ossa2014_result_tariffs_long.csv`` (his ``OPTIMALTARIFF*.mat`` / ``NASHTARIFF*.mat``
    of 8 Nov 2013). For the ``optimal_*`` scenarios column ``j`` holds region j's optimal
    tariffs against factual tariffs (the columns come from seven separate problems).
    """
    base = (
        shared_file(f"{OSSA_DIR}/ossa2014_result_tariffs_long.csv").parent
        if folder is None
        else folder
    )
    frame = pd.read_csv(base / "ossa2014_result_tariffs_long.csv")
    rows = frame[frame["scenario"] == scenario]
    if rows.empty:
        known = ", ".join(sorted(frame["scenario"].unique()))
        raise InputError(f"unknown Ossa scenario {scenario!r}; known: {known}")
    regions = tuple(pd.read_csv(base / "regions.csv")["String"])
    (tariffs,) = cubes_from_long(
        rows, regions, rows["sector_no"] - 1, int(frame["sector_no"].max()), ("tariff",)
    )
    return tariffs


def load_ossa2014_tables(folder: Path | None = None) -> pd.DataFrame:
    """The table arrays from Ossa's ``tables.m`` run on his stored results (long form, %)."""
    base = (
        shared_file(f"{OSSA_DIR}/ossa2014_tables_reproduced_long.csv").parent
        if folder is None
        else folder
    )
    return pd.read_csv(base / "ossa2014_tables_reproduced_long.csv")
