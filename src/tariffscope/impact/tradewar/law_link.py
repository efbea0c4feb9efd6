"""The US tariff law as ICIO 2022 sector tariffs: the status quo, the threat and the deal.

The catalog (:mod:`tariffscope.regime`) gives every HTS8 line's duty on a partner's goods on a
date; :func:`tariffscope.impact.law_tariffs.model_tariffs` averages them over the partner's 2024
US imports into the ICIO sectors (HS6 -> GTAP -> ICIO by the rules of
``icio_sector_concordance.csv``). The outcomes come from
:func:`tariffscope.impact.pe.pricing.catalog_cases`: the law on the date (status quo), each
threatened measure against the partner carried out, and the deal as the catalog later records
it. Only US imports are covered: the law is the US schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from tariffscope.config import embedded_dir
from tariffscope.data.tables import read_table
from tariffscope.errors import DataFileError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.law_tariffs import SectorConcordance

__all__ = [
    "ICIO_CONCORDANCE_FILE",
    "LawPoint",
    "icio_concordance",
    "law_points",
]

ICIO_CONCORDANCE_FILE = "icio_sector_concordance.csv"


@cache
def icio_concordance(sectors: tuple[str, ...]) -> SectorConcordance:
    """HS6 -> GTAP -> those ICIO 2022 ``sectors`` that hold goods (``icio_sector_concordance.csv``;
    B09, mining support services, and the services aggregate hold none)."""
    from tariffscope.impact.multisector.concordance import concordance_from_rules

    rules = read_table(
        embedded_dir() / ICIO_CONCORDANCE_FILE, ["gtap_code", "hs_prefix", "icio_sector"]
    )
    bad = rules[(rules["icio_sector"] != "") & ~rules["icio_sector"].isin(sectors)]
    if len(bad):
        raise DataFileError(
            f"{ICIO_CONCORDANCE_FILE}: unknown ICIO sector {bad['icio_sector'].iloc[0]!r}"
        )
    named = set(rules["icio_sector"])
    return concordance_from_rules(
        rules,
        "icio_sector",
        tuple(s for s in sectors if s in named),
        name="icio2022",
        file=ICIO_CONCORDANCE_FILE,
        source="HS6 -> GTAP (Budget Lab crosswalk, HS 2022) -> OECD ICIO 2023-edition sectors "
        f"by the rules in {ICIO_CONCORDANCE_FILE}",
    )


@dataclass(frozen=True, eq=False)
class LawPoint:
    """One outcome of the law: US tariffs on the partner's goods by ICIO sector (fractions)."""

    kind: str  # "status-quo", "threat" or "deal"
    label: str  # says where it comes from (date, measure id)
    rates: FloatArray  # [sector]; NaN where the law says nothing (non-goods sectors)
    mfn: FloatArray  # [sector]; the base (MFN or preferential) part of ``rates``


def law_points(partner: str, on: str, sectors: tuple[str, ...]) -> list[LawPoint]:
    """The status quo on ``on``, each catalog threat against ``partner`` and the catalog deal."""
    from tariffscope.impact.law_tariffs import model_tariffs
    from tariffscope.impact.pe.pricing import catalog_cases, scenario_from_spec

    concordance = icio_concordance(sectors)
    out = []
    for k, case in enumerate(catalog_cases(partner, on)):
        kind = (
            "status-quo"
            if k == 0
            else ("threat" if case.scenario and case.scenario.startswith("enact:") else "deal")
        )
        scenario = scenario_from_spec(case.scenario)
        law = model_tariffs(
            concordance, [partner], case.date, scenario=scenario, as_known=case.as_known
        )
        rates, mfn = np.full(len(sectors), np.nan), np.full(len(sectors), np.nan)
        rows = [sectors.index(s) for s in law.sectors]
        rates[rows], mfn[rows] = law.rates[:, 0], law.mfn[:, 0]
        out.append(LawPoint(kind, case.label, rates, mfn))
    return out
