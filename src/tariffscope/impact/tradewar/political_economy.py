"""Political-economy weights for a pair's deal space (Grossman and Helpman 1994; Ossa 2014).

With weights ``lambda[j, s]`` a government maximises Ossa's (2014, eq. 6) government welfare
(:func:`tariffscope.impact.tradewar.welfare.government_welfare_hat`): the income earned in each
industry weighted by ``lambda``, deflated by the price index. All weights one is real income.

Sources of weights (``--political-economy``):

* ``ossa2014``: Ossa's ``lambda`` by region and GTAP industry (Panel B; mean 1 per region),
  averaged to each ICIO sector over the GTAP industries the concordance
  ``ossa2014_icio_political_economy.yaml`` maps to it, with the region's 2007 output in each
  industry as weights. A pair side none of his regions covers, and any ICIO sector without a
  GTAP counterpart (fishing, mining, refined petroleum, services), gets weight 1, with a warning
  for the side.
* ``uniform:W``: weight ``W`` on every goods sector (the organised sectors tariffs protect) of
  both sides, 1 on services.

The rest of the world keeps weights 1 (its welfare is no payoff).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from tariffscope.config import embedded_dir, shared_file
from tariffscope.errors import InputError, MalformedInputError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar.data import OSSA_DIR, TradeWarData
from tariffscope.impact.tradewar.icio import goods_sectors

__all__ = [
    "CONCORDANCE_FILE",
    "PoliticalEconomy",
    "parse_political_economy",
    "political_economy_weights",
]

CONCORDANCE_FILE = "ossa2014_icio_political_economy.yaml"
_UNIFORM = re.compile(r"uniform:(\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class PoliticalEconomy:
    """A weights source: ``ossa2014`` or ``uniform`` with its ``weight``."""

    kind: str
    weight: float = 1.0

    @property
    def label(self) -> str:
        if self.kind == "uniform":
            return f"uniform:{self.weight:g}"
        return self.kind


def parse_political_economy(text: str) -> PoliticalEconomy:
    """``ossa2014`` or ``uniform:W`` (``W > 0``)."""
    spec = text.strip().lower()
    if spec == "ossa2014":
        return PoliticalEconomy("ossa2014")
    match = _UNIFORM.fullmatch(spec)
    if not match:
        raise MalformedInputError(
            f"unknown political-economy source {text!r}; write ossa2014 or uniform:W (e.g. "
            "uniform:1.2)"
        )
    weight = float(match.group(1))
    if weight <= 0:
        raise InputError(f"the political-economy weight must be positive, got {weight:g}")
    return PoliticalEconomy("uniform", weight)


@cache
def _concordance(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


@cache
def _ossa_region_weights(folder: Path) -> pd.DataFrame:
    """Ossa's ``lambda`` (rows: GTAP code, columns: region) and each region's 2007 output by
    industry (``output_<region>``), from the shared folder."""
    params = pd.read_csv(folder / "ossa2014_sector_parameters.csv").set_index("sector_no")
    long = pd.read_csv(folder / "ossa2014_baseline_long.csv")
    regions = list(pd.read_csv(folder / "regions.csv")["String"])
    out = pd.DataFrame(index=params["sector_code"])
    for region in regions:
        out[region] = params[f"lambda_pol_{region}"].to_numpy()
        made = long[long["exporter"] == region].groupby("sector_no")["trade_balanced_usd_mn"]
        out[f"output_{region}"] = made.sum().reindex(params.index).fillna(0.0).to_numpy()
    return out


def _ossa_sector_weights(region: str, sectors: tuple[str, ...], folder: Path) -> FloatArray:
    table = _ossa_region_weights(folder)
    concordance = _concordance(embedded_dir() / CONCORDANCE_FILE)["sectors"]
    out = np.ones(len(sectors))
    for k, sector in enumerate(sectors):
        codes = concordance.get(sector)
        if not codes:
            continue
        rows = table.loc[codes]
        output = rows[f"output_{region}"].to_numpy()
        lam = rows[region].to_numpy()
        out[k] = float((output * lam).sum() / output.sum()) if output.sum() > 0 else lam.mean()
    return out


def political_economy_weights(
    data: TradeWarData,
    pair: tuple[str, str],
    source: PoliticalEconomy,
    *,
    folder: Path | None = None,
) -> tuple[FloatArray, list[str]]:
    """Weights ``[region, sector]`` for ``data`` (a pair economy) and warnings.

    ``folder``: Ossa's data folder (default the shared ``ossa2014_trade_wars``)."""
    weights = np.ones((len(data.regions), len(data.sectors)))
    warnings: list[str] = []
    if source.kind == "uniform":
        goods = [data.sectors.index(s) for s in goods_sectors(data)]
        for side in pair:
            weights[data.index(side), goods] = source.weight
        return weights, warnings
    base = shared_file(f"{OSSA_DIR}/ossa2014_sector_parameters.csv").parent
    where = base if folder is None else folder
    regions = _concordance(embedded_dir() / CONCORDANCE_FILE)["regions"]
    of_country = {code: region for region, codes in regions.items() for code in codes}
    for side in pair:
        region = of_country.get(side)
        if region is None:
            warnings.append(
                f"not covered: Ossa's (2014) political-economy weights have no region for "
                f"{side} (his regions: US, Japan, China, India, Brazil, EU); its weights are 1"
            )
            continue
        weights[data.index(side)] = _ossa_sector_weights(region, data.sectors, where)
    return weights, warnings
