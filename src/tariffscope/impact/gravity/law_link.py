"""The tariff law in the one-sector gravity model: one US tariff per exporter, as a GE shock.

The model runs on the Advanced Guide's 69-country data for 2006 (Yotov et al. 2016, chapter 2:
aggregate manufacturing trade with domestic sales; ``sigma = 7`` as in the Guide). A scenario
enters as follows (docs/models.md, "Scenarios from the tariff law"):

1. :func:`gravity_us_tariffs` resolves every HTS8 line of the law for each of the 68 exporters
   (by its own code; Romania's old ``ROM`` is read as ``ROU``) and averages the manufacturing
   lines into one rate per exporter, weighted by the exporter's own 2024 US imports by line
   (:mod:`tariffscope.impact.law_tariffs`). Agriculture, mining and energy are left out
   because the model's flows are manufacturing only.
2. The observed 2006 flows are read as customs values under the US tariffs of the base year,
   taken as the MFN part of the law (the 2025 schedule's column 1 rates, aggregated the same
   way; preferences under US trade agreements are ignored). :func:`gravity_scenario` first
   moves them to the reference law's rates and re-bases on that equilibrium (``start=
   "reference"``, as the multi-sector link does), then solves the full endowment GE
   (multiplicative imbalances) for the scenario's rates. With ``start="base_year"`` the
   law's proportional change is applied to the base-year tariffs directly.

The model has no rest-of-world region: countries outside the 69 are not in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Literal, get_args

import numpy as np
import pandas as pd

from tariffscope.errors import InputError
from tariffscope.impact.gravity.baseline import Baseline, FloatArray
from tariffscope.impact.gravity.results import GEResult
from tariffscope.impact.gravity.shock import Shock
from tariffscope.impact.gravity.solve import GEOptions, solve
from tariffscope.impact.law_tariffs import ModelTariffs, SectorConcordance, model_tariffs

__all__ = [
    "GRAVITY_BASE_YEAR",
    "GRAVITY_SIGMA",
    "MANUFACTURING_GTAP",
    "Start",
    "exports_to",
    "gravity_baseline",
    "gravity_options",
    "gravity_scenario",
    "gravity_us_tariffs",
    "manufacturing_concordance",
]

GRAVITY_BASE_YEAR = 2006
#: Elasticity of substitution of the Advanced Guide's GE applications.
GRAVITY_SIGMA = 7.0
#: GTAP goods sectors that are manufacturing (ISIC Rev.3 15-37): the model's flows.
MANUFACTURING_GTAP: tuple[str, ...] = (
    *("cmt", "omt", "vol", "mil", "pcr", "sgr", "ofd", "b_t", "tex", "wap", "lea", "lum"),
    *("ppp", "p_c", "chm", "bph", "rpp", "nmm", "i_s", "nfm", "fmp", "ele", "eeq", "ome"),
    *("mvh", "otn", "omf"),
)
_RENAME = {"ROM": "ROU"}  # the Guide's code for Romania
#: Where a scenario solve starts (see :func:`gravity_scenario`).
Start = Literal["reference", "base_year"]


@cache
def manufacturing_concordance() -> SectorConcordance:
    """Every HS6 subheading of a manufacturing GTAP sector -> the one sector ``manufacturing``."""
    from tariffscope.impact.pe.baseline import sector_hs6_map

    hs6 = sector_hs6_map()
    table = hs6[hs6["gtap_code"].isin(MANUFACTURING_GTAP)].assign(sector="manufacturing")
    return SectorConcordance(
        name="manufacturing",
        table=table.reset_index(drop=True),
        sectors=("manufacturing",),
        source="HS6 -> GTAP manufacturing sectors (Budget Lab crosswalk, HS 2022)",
    )


@cache
def gravity_baseline() -> Baseline:
    """The Advanced Guide's observed 2006 flows (69 countries, US$ million), no tariffs."""
    from tariffscope.impact.gravity.io import baseline_from_frame, load_agtpa_trade_without_borders

    frame = load_agtpa_trade_without_borders()
    for column in ("exporter", "importer"):
        frame[column] = frame[column].replace(_RENAME)
    return baseline_from_frame(frame, unit="US$ million")


def gravity_options(trade_elasticity: float | None = None) -> GEOptions:
    """Full endowment GE, multiplicative imbalances, world output as numeraire.

    ``trade_elasticity`` is ``theta = sigma - 1``; default the Advanced Guide's ``sigma = 7``.
    """
    if trade_elasticity is None:
        return GEOptions.from_sigma(GRAVITY_SIGMA, imbalance="multiplicative")
    return GEOptions(theta=trade_elasticity, imbalance="multiplicative")


def gravity_us_tariffs(
    entry_date: date | str,
    *,
    scenario: object | None = None,
    as_known: date | str | None = None,
    claims: Sequence[str] = (),
) -> ModelTariffs:
    """One trade-weighted US tariff on manufactures per exporter of the model, from the law."""
    exporters = tuple(code for code in gravity_baseline().countries if code != "USA")
    return model_tariffs(
        manufacturing_concordance(),
        exporters,
        entry_date,
        scenario=scenario,
        as_known=as_known,
        claims=claims,
    )


def _us_tariff_matrix(base: Baseline, us: FloatArray, exporters: Sequence[str]) -> FloatArray:
    tariffs = np.array(base.tariffs, copy=True)
    j = base.index("USA")
    tariffs[[base.index(code) for code in exporters], j] = us
    return tariffs


def gravity_scenario(
    reference: ModelTariffs,
    scenario: ModelTariffs,
    label: str = "",
    *,
    start: Start = "reference",
    trade_elasticity: float | None = None,
) -> tuple[Baseline, GEResult]:
    """Solve the one-sector GE for US tariffs moving from ``reference`` to ``scenario``.

    ``trade_elasticity`` (``theta = sigma - 1``) replaces the Guide's 6 in both solves, for the
    range of GE results over published estimates (:mod:`tariffscope.impact.ge_range`).

    Returns
    -------
    tuple
        The starting baseline (flows and US tariffs) and the counterfactual result.
    """
    if start not in get_args(Start):
        raise InputError(f"start must be one of {', '.join(get_args(Start))}; got {start!r}")
    observed = gravity_baseline()
    exporters = reference.exporters
    base_year = observed.with_tariffs(
        _us_tariff_matrix(observed, reference.aggregate(mfn=True), exporters)
    )
    ref = _us_tariff_matrix(observed, reference.aggregate(), exporters)
    new = _us_tariff_matrix(observed, scenario.aggregate(), exporters)
    options = gravity_options(trade_elasticity)
    if start == "reference":
        moved = solve(base_year, Shock(np.ones_like(ref), ref, "reference law"), options)
        base = Baseline(observed.countries, moved.trade, ref, observed.unit)
        target = new
    else:
        base = base_year
        target = (1.0 + base_year.tariffs) * (1.0 + new) / (1.0 + ref) - 1.0
    result = solve(base, Shock(np.ones_like(target), target, label), options)
    return base, result


def exports_to(result: GEResult, importer: str) -> pd.Series:
    """Percent change of each country's exports to ``importer`` (NaN for the importer)."""
    pairs = result.by_pair()
    rows = pairs[(pairs["importer"] == importer) & (pairs["exporter"] != importer)]
    out = rows.set_index("exporter")["trade_pct"].reindex(list(result.countries))
    return out.rename(f"exports_to_{importer.lower()}_pct")
