"""The US tariff law as ICIO 2022 sector tariffs: the status quo, the threat and the deal.

The catalog (:mod:`tariffscope.regime`) gives every HTS8 line's duty on a partner's goods on a
date; :func:`law_point` (a pure function of the resolved line duties, e.g. those a brief priced
an outcome with) averages them over the partner's 2024 US imports into the ICIO sectors (HS6 ->
GTAP -> ICIO by the rules of ``icio_sector_concordance.csv``;
:func:`tariffscope.impact.law_tariffs.tariffs_from_law`). The outcomes come from
:func:`tariffscope.impact.pe.pricing.catalog_cases`: the law on the date (status quo), each
threatened measure against the partner carried out, and the deal as the catalog later records
it. Only US imports are covered: the law is the US schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from tariffscope.config import embedded_dir
from tariffscope.data.tables import read_table
from tariffscope.errors import DataFileError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.law_tariffs import SectorConcordance

if TYPE_CHECKING:
    from tariffscope.impact.pe.law import LawOnLines

__all__ = [
    "ICIO_CONCORDANCE_FILE",
    "LawPoint",
    "icio_concordance",
    "law_point",
    "law_points",
    "scope_sectors",
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


def law_point(
    kind: str, label: str, law: LawOnLines, partner: str, sectors: tuple[str, ...]
) -> LawPoint:
    """One outcome's US tariffs on ``partner`` by ICIO sector from its resolved line duties.

    ``law``: the applied (or statutory) duty of every HTS8 line for every origin with 2024
    US imports (:func:`tariffscope.impact.applied.applied_line_rates` on the schedule trade);
    nothing is resolved here."""
    from tariffscope.impact.law_tariffs import tariffs_from_law

    averaged = tariffs_from_law(icio_concordance(sectors), law, [partner])
    rates, mfn = np.full(len(sectors), np.nan), np.full(len(sectors), np.nan)
    rows = [sectors.index(s) for s in averaged.sectors]
    rates[rows], mfn[rows] = averaged.rates[:, 0], averaged.mfn[:, 0]
    return LawPoint(kind, label, rates, mfn)


def law_points(partner: str, on: str, sectors: tuple[str, ...]) -> list[LawPoint]:
    """The status quo on ``on``, each catalog threat against ``partner`` and the catalog deal
    (each law resolved here, then :func:`law_point`)."""
    from tariffscope.impact.applied import applied_line_rates
    from tariffscope.impact.pe.partners import schedule_trade
    from tariffscope.impact.pe.pricing import catalog_cases, scenario_from_spec

    out = []
    for k, case in enumerate(catalog_cases(partner, on)):
        kind = (
            "status-quo"
            if k == 0
            else ("threat" if case.scenario and case.scenario.startswith("enact:") else "deal")
        )
        law = applied_line_rates(
            schedule_trade(),
            case.date,
            scenario=scenario_from_spec(case.scenario),
            as_known=case.as_known,
        )
        out.append(law_point(kind, case.label, law, partner, sectors))
    return out


def scope_sectors(
    covers: np.ndarray, partner: str, sectors: tuple[str, ...], share: float = 0.8
) -> tuple[str, ...]:
    """The ICIO sectors that hold ``share`` of ``partner``'s 2024 US imports on the HTS8 lines
    ``covers`` flags (a mask over the schedule's lines, e.g. a measure's product scope),
    largest first; empty when the partner imports nothing there."""
    from tariffscope.impact.pe.partners import hs6_positions, schedule_trade

    trade = schedule_trade()
    if partner not in trade.origins:
        return ()
    concordance = icio_concordance(sectors)
    position = {name: k for k, name in enumerate(concordance.sectors)}
    by_hs6 = {
        str(h): position.get(str(s), -1)
        for h, s in zip(concordance.table["hs6"], concordance.table["sector"], strict=True)
    }
    sector = hs6_positions(trade.codes, by_hs6)
    values = trade.values[:, trade.origins.index(partner)]
    keep = covers & (sector >= 0)
    totals = np.bincount(sector[keep], weights=values[keep], minlength=len(concordance.sectors))
    if totals.sum() <= 0:
        return ()
    order = np.argsort(-totals)
    cumulative = np.cumsum(totals[order]) / totals.sum()
    count = int(np.searchsorted(cumulative, share - 1e-12)) + 1
    return tuple(concordance.sectors[k] for k in order[:count] if totals[k] > 0)
