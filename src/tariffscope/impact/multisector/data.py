"""Reading the Caliendo-Parro (2015) replication data (all file access of the multisector engine).

Layout (from the authors' README, ``data/d_gravity/caliendo_parro_2015/README_CP2015.pdf``):
``B.txt``, ``GO.txt``, ``alphas.txt`` are 40 sectors x 31 countries; ``IO.txt`` stacks one
40 x 40 input-output matrix per country (rows source sectors, columns using sectors);
``xbilat1993.txt`` and ``tariffs*.txt`` stack one 31 x 31 matrix per tradable sector (rows
destination, columns source); ``T.txt`` holds the 20 tradable-sector trade elasticities
(non-tradables use 8.22, as in the authors' ``script.m``). Flows are in thousands of US dollars,
tariffs in percent.

Arrays returned here use the orientation ``[sector, destination, source]`` for bilateral data
and ``[sector, country]`` for sector-country data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tariffscope.config import shared_dir
from tariffscope.errors import DataFileError, DataUnavailableError
from tariffscope.impact.gravity.baseline import FloatArray

__all__ = ["CP_COUNTRIES", "CP_DIR", "CP_SECTORS", "CPData", "load_cp_data"]

CP_DIR = "data/d_gravity/caliendo_parro_2015"

# Order of the authors' scripts (Argentina ... USA, rest of the world).
CP_COUNTRIES: tuple[str, ...] = (
    *("ARG", "AUS", "AUT", "BRA", "CAN", "CHL", "CHN", "DNK", "FIN", "FRA", "DEU"),
    *("GRC", "HUN", "IND", "IDN", "IRL", "ITA", "JPN", "KOR", "MEX", "NLD", "NZL"),
    *("NOR", "PRT", "ZAF", "ESP", "SWE", "TUR", "GBR", "USA", "ROW"),
)

# Tradable sectors as named in the authors' welfare_stats.m; the 20 non-tradable sectors are
# numbered (the replication files do not name them).
CP_SECTORS: tuple[str, ...] = (
    "agriculture",
    "mining",
    "food",
    "textile",
    "wood",
    "paper",
    "petroleum",
    "chemicals",
    "plastic",
    "minerals",
    "basic_metals",
    "metal_products",
    "machinery_nec",
    "office",
    "electrical",
    "communication",
    "medical",
    "auto",
    "other_transport",
    "other",
    *(f"nontradable_{k:02d}" for k in range(21, 41)),
)

NONTRADABLE_THETA = 8.22
N_TRADABLE = 20


@dataclass(frozen=True, eq=False)
class CPData:
    """The raw inputs of the Caliendo-Parro model, in tariffscope's orientation.

    Attributes
    ----------
    flows
        ``[J, N, N]`` bilateral flows at factory (customs) prices, US dollars, zero for
        non-tradable sectors and on the diagonal (domestic sales come from ``gross_output``).
    tariffs_1993, tariffs_2005
        ``[J, N, N]`` ad valorem tariffs (fractions) of the destination on the source.
    gross_output, value_added_share, final_shares
        ``[J, N]`` gross output (US dollars), value-added share of gross output, and the
        authors' final-demand shares (``alphas``).
    io
        ``[N, J, J]``: ``io[n, k, j]`` is the share of sector ``k`` in sector ``j``'s purchases
        of intermediates in country ``n``.
    theta
        ``[J]`` trade elasticities.
    """

    countries: tuple[str, ...]
    sectors: tuple[str, ...]
    flows: FloatArray
    tariffs_1993: FloatArray
    tariffs_2005: FloatArray
    gross_output: FloatArray
    value_added_share: FloatArray
    final_shares: FloatArray
    io: FloatArray
    theta: FloatArray


def _read(folder: Path, name: str, shape: tuple[int, int]) -> FloatArray:
    path = folder / name
    if not path.exists():
        raise DataUnavailableError(f"Caliendo-Parro file {path} is missing")
    try:
        values = np.loadtxt(path, ndmin=2)
    except ValueError as error:
        raise DataFileError(f"{path}: not a numeric matrix ({error})") from None
    if values.shape != shape:
        raise DataFileError(
            f"{path}: expected a {shape[0]} x {shape[1]} matrix, found {values.shape}"
        )
    if not np.isfinite(values).all():
        raise DataFileError(f"{path}: has missing or non-finite values")
    return np.asarray(values)


def load_cp_data(folder: Path | None = None) -> CPData:
    """Load the replication files (default: ``../shared/data/d_gravity/caliendo_parro_2015``)."""
    if folder is None:
        base = shared_dir(required=True)
        assert base is not None
        folder = base / CP_DIR
    n, j, jt = len(CP_COUNTRIES), len(CP_SECTORS), N_TRADABLE

    def stacked(name: str, scale: float) -> FloatArray:
        out = np.zeros((j, n, n))
        out[:jt] = _read(folder, name, (jt * n, n)).reshape(jt, n, n) * scale
        return out

    flows = stacked("xbilat1993.txt", 1000.0)  # thousands of dollars -> dollars
    if (flows < 0).any():
        raise DataFileError(f"{folder / 'xbilat1993.txt'}: negative flows")
    theta = np.r_[_read(folder, "T.txt", (jt, 1))[:, 0], np.full(j - jt, NONTRADABLE_THETA)]
    return CPData(
        countries=CP_COUNTRIES,
        sectors=CP_SECTORS,
        flows=flows,
        tariffs_1993=stacked("tariffs1993.txt", 0.01),
        tariffs_2005=stacked("tariffs2005.txt", 0.01),
        gross_output=_read(folder, "GO.txt", (j, n)),
        value_added_share=_read(folder, "B.txt", (j, n)),
        final_shares=_read(folder, "alphas.txt", (j, n)),
        io=_read(folder, "IO.txt", (n * j, j)).reshape(n, j, j),
        theta=np.asarray(theta),
    )
