"""Builder of the sector elasticities and the HS6 -> GTAP sector map of the US baseline.

Outputs (``data/embedded``; see PROVENANCE.md, section "Sector elasticities"):

``gtap_sector_elasticities.csv.gz``
    Per GTAP goods sector: its description (GTAP commodity dictionary), the import-demand
    elasticity (Hauk 2012, HS6 US import demand, magnitude) and the elasticity of
    substitution between sources (default Hauk 2012 HS6 substitution among US import
    varieties; alternatives Broda & Weinstein 2006 US HS 3-digit as ``_bw`` and CEPII ProTEE
    as ``_protee``). Each is the median of the product-level estimates mapped to the sector,
    with ``_log_sd`` the standard deviation of the log of that median over bootstrap resamples
    of the sector's products (for Monte Carlo draws), ``_n`` the number of estimates and
    ``_pooled`` whether the sector had fewer than five and uses all goods.
``hs6_gtap_sectors.csv.gz``
    ``hs6, gtap_code``: the HS 2022 HS6 -> GTAP map restricted to the 45 goods sectors, to map
    tariff lines to sectors.

The imports by sector and partner are no longer a table of their own: they are the 2024
Census line trade (builder ``census_trade``) summed to these sectors at load time
(:func:`tariffscope.impact.pe.load_sector_baseline`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.data.builders import BuildContext, Builder
from tariffscope.data.loaders import (
    GTAP_GOODS,
    chain_hs_revisions,
    load_broda_weinstein,
    load_gtap_dictionary,
    load_hauk,
    load_hs_gtap_crosswalk,
    load_hs_revision,
    load_protee,
)
from tariffscope.data.tables import write_table

__all__ = [
    "BOOTSTRAP_DRAWS",
    "BUILDER",
    "MIN_ESTIMATES",
    "build_trade",
    "map_hs6_to_sectors",
    "sector_summary",
]

ELASTICITIES_TABLE = "gtap_sector_elasticities.csv.gz"
HS6_TABLE = "hs6_gtap_sectors.csv.gz"
#: Bootstrap resamples for the spread of a sector median (fixed seed: builds are reproducible).
BOOTSTRAP_DRAWS = 2000
_SEED = 20250718
#: Sectors with fewer product estimates than this use the pooled estimate of all goods.
MIN_ESTIMATES = 5


def map_hs6_to_sectors(codes: pd.Series, crosswalk: pd.DataFrame) -> pd.Series:
    """GTAP sector of HS6 codes of any HS edition, by the HS 2022 crosswalk.

    A code found in the crosswalk takes its sector; otherwise the most common sector of the
    crosswalk codes with the same HS4 heading, else the same HS2 chapter; else ``""``.
    (Used for Hauk's 1990s codes, where no revision table before HS 2002 exists.)
    """
    exact = crosswalk.set_index("hs6")["gtap_code"]
    by_hs4 = crosswalk.groupby(crosswalk["hs6"].str[:4])["gtap_code"].agg(_mode)
    by_hs2 = crosswalk.groupby(crosswalk["hs6"].str[:2])["gtap_code"].agg(_mode)
    sectors = codes.map(exact)
    sectors = sectors.fillna(codes.str[:4].map(by_hs4))
    sectors = sectors.fillna(codes.str[:2].map(by_hs2))
    return sectors.fillna("").astype(str)


def _mode(values: pd.Series) -> str:
    return str(values.value_counts().index[0])


def sector_summary(
    estimates: pd.DataFrame, *, rng: np.random.Generator, draws: int = BOOTSTRAP_DRAWS
) -> pd.DataFrame:
    """Median by sector of product-level estimates, with the bootstrap spread of the median.

    Parameters
    ----------
    estimates
        ``gtap_code, estimate`` (positive numbers), one row per product estimate.

    Returns
    -------
    pandas.DataFrame
        Index ``gtap_code``; columns ``central`` (median), ``log_sd`` (standard deviation of
        the log of the median over ``draws`` resamples of the sector's products), ``n``, and
        ``pooled`` (True where fewer than :data:`MIN_ESTIMATES` estimates exist and the
        estimate of all goods is used instead).
    """
    values = estimates["estimate"].to_numpy(dtype=float)
    pooled_central, pooled_sd = _median_and_spread(values, rng, draws)
    rows = {}
    groups = estimates.groupby("gtap_code")["estimate"]
    for sector in GTAP_GOODS:  # 45 sectors; each resample is vectorised
        sector_values: npt.NDArray[np.float64] = (
            groups.get_group(sector).to_numpy(float) if sector in groups.groups else np.zeros(0)
        )
        n = len(sector_values)
        if n >= MIN_ESTIMATES:
            central, spread = _median_and_spread(sector_values, rng, draws)
            rows[sector] = (central, spread, n, False)
        else:
            rows[sector] = (pooled_central, pooled_sd, n, True)
    return pd.DataFrame.from_dict(
        rows, orient="index", columns=["central", "log_sd", "n", "pooled"]
    ).rename_axis("gtap_code")


def _median_and_spread(
    values: npt.NDArray[np.float64], rng: np.random.Generator, draws: int
) -> tuple[float, float]:
    samples = rng.choice(values, size=(draws, values.size), replace=True)
    medians = np.median(samples, axis=1)
    return float(np.median(values)), float(np.std(np.log(medians)))


def build_trade(context: BuildContext) -> Mapping[str, object]:
    """Write the sector elasticities and the HS6 -> sector map (see the module docstring)."""
    dictionary = load_gtap_dictionary(context.source("gtap_commodity_dictionary"))
    crosswalk = load_hs_gtap_crosswalk(context.source("hs6_gtap_crosswalk"))
    goods = crosswalk[crosswalk["gtap_code"].isin(GTAP_GOODS)][["hs6", "gtap_code"]]
    write_table(goods.reset_index(drop=True), context.output(HS6_TABLE))

    elasticities = _elasticities(context, goods)
    descriptions = dictionary.set_index("gtap_code")["description"]
    elasticities.insert(1, "description", elasticities["gtap_code"].map(descriptions))
    write_table(elasticities, context.output(ELASTICITIES_TABLE))
    return {
        "sectors": len(elasticities),
        "hs6_codes": len(goods),
        "pooled_import_demand_sectors": int(elasticities["import_demand_pooled"].sum()),
        "pooled_substitution_sectors": int(elasticities["substitution_pooled"].sum()),
        "median_import_demand": float(elasticities["import_demand"].median()),
        "median_substitution": float(elasticities["substitution"].median()),
    }


def _elasticities(context: BuildContext, goods: pd.DataFrame) -> pd.DataFrame:
    rng = np.random.default_rng(_SEED)
    # Import demand: Hauk (2012) HS6 US import-demand elasticities, correct sign only.
    demand = load_hauk(context.source("hauk2012_hs6_import_demand"), kind="demand")
    demand = demand[demand["correct_sign"] & np.isfinite(demand["estimate"])]
    demand = demand.assign(gtap_code=map_hs6_to_sectors(demand["code"], goods))
    # Substitution between sources (default): Hauk (2012) HS6 elasticities of substitution
    # among US import varieties, those above 1 (the others have the wrong sign for CES
    # substitutes in Hauk's own classification).
    hauk_sub = load_hauk(context.source("hauk2012_hs6_substitution"), kind="substitution")
    hauk_sub = hauk_sub[hauk_sub["correct_sign"] & np.isfinite(hauk_sub["estimate"])]
    hauk_sub = hauk_sub.assign(gtap_code=map_hs6_to_sectors(hauk_sub["code"], goods))
    # Alternative 1: Broda & Weinstein (2006), US, HS0 3-digit, given to every HS 2022 HS6
    # code by its first three digits (HS revisions rarely move a code across 3-digit groups).
    bw = load_broda_weinstein(context.source("broda_weinstein_hs0"))
    bw_us = bw[bw["iso3"] == "USA"].set_index("code")["sigma"]
    bw_rows = goods.assign(estimate=goods["hs6"].str[:3].map(bw_us)).dropna()
    # Alternative 2: CEPII ProTEE, sigma = -(tariff elasticity of imports at prices net of
    # duty), HS 2007 codes linked to HS 2022 by the WCO tables (largest link weight).
    protee = load_protee(context.source("cepii_protee_hs6")).dropna(subset=["substitution"])
    tables = [
        load_hs_revision(context.source(name))
        for name in ("hs2022_to_hs2017", "hs2017_to_hs2012", "hs2012_to_hs2007")
    ]
    link = chain_hs_revisions(tables, 2007, 2022)
    link = link.merge(goods.rename(columns={"hs6": "to_hs6"}), on="to_hs6")
    best = link.sort_values(["weight", "to_hs6"], ascending=[False, True]).drop_duplicates(
        "from_hs6"
    )
    protee = protee.merge(best, left_on="hs6", right_on="from_hs6")
    protee = protee.rename(columns={"substitution": "estimate"})

    out = pd.DataFrame({"gtap_code": list(GTAP_GOODS)})
    for prefix, rows in (
        ("import_demand", demand),
        ("substitution", hauk_sub),
        ("substitution_bw", bw_rows),
        ("substitution_protee", protee),
    ):
        summary = sector_summary(rows[["gtap_code", "estimate"]], rng=rng)
        aligned = summary.reindex(out["gtap_code"])
        out[prefix] = aligned["central"].round(4).to_numpy()
        out[f"{prefix}_log_sd"] = aligned["log_sd"].round(4).to_numpy()
        out[f"{prefix}_n"] = aligned["n"].astype(int).to_numpy()
        out[f"{prefix}_pooled"] = aligned["pooled"].astype(bool).to_numpy()
    return out


BUILDER = Builder(
    name="trade",
    description="GTAP goods sector elasticities (import demand, substitution) and the "
    "HS6->sector map of the US sector baseline",
    sources=(
        "gtap_commodity_dictionary",
        "hs6_gtap_crosswalk",
        "hauk2012_hs6_import_demand",
        "hauk2012_hs6_substitution",
        "broda_weinstein_hs0",
        "cepii_protee_hs6",
        "hs2022_to_hs2017",
        "hs2017_to_hs2012",
        "hs2012_to_hs2007",
    ),
    outputs=(ELASTICITIES_TABLE, HS6_TABLE),
    function=build_trade,
)
