"""The range of published trade elasticities, for low / central / high general-equilibrium runs.

The GE models' answers scale with the trade elasticity (the elasticity of trade flows to trade
costs, ``theta = sigma - 1``), and studies disagree on it. :func:`trade_elasticity_range`
reads the sector trade elasticities of six published studies as assembled by Lashkaripour's
``us-tariff`` replication package (``../shared/data/d_gravity/lashkaripour_ustariff_icio2022``,
28 OECD ICIO sectors) and averages each study over the goods sectors with 2022 US imports as
weights (OECD ICIO 2022, from the same package). The lowest and highest of the six averages
bound the GE runs:

- one-sector gravity: ``theta`` = low, the model's own 6 (Advanced Guide, ``sigma = 7``), high;
- Caliendo-Parro: the paper's sector elasticities times low / CP and high / CP, where CP is the
  same average of the paper's own elasticities (so the central run is the paper's).

The in-sample estimates (``IS``) and the uniform value 4 (``U4``) of the package are left out:
they are not published estimates.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from tariffscope.config import shared_dir, user_dir
from tariffscope.errors import DataUnavailableError

__all__ = ["PUBLISHED_SOURCES", "TradeElasticityRange", "trade_elasticity_range"]

_FOLDER = "data/d_gravity/lashkaripour_ustariff_icio2022"
_ELASTICITIES = "icio2022_trade_elasticities_by_source.csv"
_TRADE = "icio2022_81x81x28_trade_tariff.csv.gz"
_PACKAGE = "github.com/ahmadlp/us-tariff (data/sigma, mat/ICIO2022.mat), as in ../shared"
_WEIGHTS = "2022 US imports by goods sector (OECD ICIO) as weights"

logger = logging.getLogger(__name__)

#: Studies whose sector trade elasticities bound the GE runs: key -> citation.
PUBLISHED_SOURCES: MappingProxyType[str, str] = MappingProxyType(
    {
        "BSY": "Bagwell, Staiger and Yurukoglu (2021), Econometrica 89(4)",
        "CP": "Caliendo and Parro (2015), Review of Economic Studies 82(1)",
        "FGO": "Fontagne, Guimbard and Orefice (2022), Journal of International Economics 137",
        "GYY": "Giri, Yi and Yilmazkuday (2021), Journal of International Economics",
        "LL": "Lashkaripour and Lugovskyy (2023), American Economic Review 113(10)",
        "Shap": "Shapiro (2016), American Economic Journal: Economic Policy 8(4)",
    }
)


@dataclass(frozen=True)
class TradeElasticityRange:
    """Each study's trade elasticity averaged over goods sectors, and the range across them."""

    by_source: dict[str, float]
    weights: str

    @property
    def low(self) -> float:
        return min(self.by_source.values())

    @property
    def high(self) -> float:
        return max(self.by_source.values())

    @property
    def low_source(self) -> str:
        return min(self.by_source, key=self.by_source.__getitem__)

    @property
    def high_source(self) -> str:
        return max(self.by_source, key=self.by_source.__getitem__)

    def describe(self) -> str:
        """One line: the range, the studies at its ends, the weights and the source files."""
        return (
            f"trade elasticity from {self.low:.1f} ({PUBLISHED_SOURCES[self.low_source]}) to "
            f"{self.high:.1f} ({PUBLISHED_SOURCES[self.high_source]}), the lowest and highest "
            f"of {len(self.by_source)} published sets of sector estimates averaged with "
            f"{self.weights} ({_PACKAGE})"
        )

    def runs(self, model: str) -> dict[str, float | None]:
        """``low``/``central``/``high`` -> the model's elasticity argument (None = its own).

        Gravity takes ``theta`` itself; Caliendo-Parro a factor on its sector elasticities.
        """
        if model == "cp":
            own = self.by_source["CP"]
            return {"low": self.low / own, "central": None, "high": self.high / own}
        return {"low": self.low, "central": None, "high": self.high}


@cache
def trade_elasticity_range() -> TradeElasticityRange:
    """The studies' import-weighted trade elasticities (see the module docstring).

    The six averages are kept in the user cache (``<user data dir>/cache/ge``) under the
    SHA-256 of the two source files, since reading the 183,708-row trade file costs a few
    tenths of a second on every brief.

    Raises
    ------
    DataUnavailableError
        When the package's files are not in ``../shared``.
    """
    base = shared_dir(required=True)
    assert base is not None
    folder = base / _FOLDER
    try:
        digest = hashlib.sha256()
        for name in (_ELASTICITIES, _TRADE):
            digest.update((folder / name).read_bytes())
    except OSError as error:
        raise DataUnavailableError(
            f"trade elasticities of published studies not readable in {folder}: {error}"
        ) from error
    cached = user_dir() / "cache" / "ge" / f"trade_elasticities_{digest.hexdigest()[:16]}.json"
    try:
        by_source = {str(k): float(v) for k, v in json.loads(cached.read_text()).items()}
    except (OSError, ValueError, AttributeError):
        by_source = _averages(folder)
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps(by_source, sort_keys=True), encoding="utf-8")
        except OSError as error:  # a read-only cache only costs time
            logger.info("trade elasticities not cached: %s", error)
    missing = sorted(set(PUBLISHED_SOURCES) - set(by_source))
    if missing:
        raise DataUnavailableError(f"{folder / _ELASTICITIES}: no elasticities for {missing}")
    return TradeElasticityRange(by_source=by_source, weights=_WEIGHTS)


def _averages(folder: Path) -> dict[str, float]:
    """Each published study's sector trade elasticities averaged with US import weights."""
    try:
        elasticities = pd.read_csv(folder / _ELASTICITIES)
        trade = pd.read_csv(
            folder / _TRADE, usecols=["exporter", "importer", "sector", "trade_usd_mn"]
        )
    except (OSError, ValueError) as error:
        raise DataUnavailableError(
            f"trade elasticities of published studies not readable in {folder}: {error}"
        ) from error
    imports = trade[(trade["importer"] == "USA") & (trade["exporter"] != "USA")]
    imports = imports[~imports["sector"].str.startswith("Services")]  # its one services row
    weights = imports.groupby("sector")["trade_usd_mn"].sum()
    goods = elasticities[
        elasticities["key"].isin(list(PUBLISHED_SOURCES))
        & elasticities["sector"].isin(weights.index)
    ]
    out = {}
    for key, rows in goods.groupby("key"):
        w = weights.reindex(rows["sector"]).to_numpy()
        values = rows["epsilon_trade_elasticity"].to_numpy()
        out[str(key)] = float((w * values).sum() / w.sum())
    return out
