r"""Duties of one law summed by sector and partner, before and after substitution.

Before substitution the 2024 imports are fixed weights: the duty of partner ``o`` in sector
``s`` is :math:`D_{so} = \sum_{l \in s} r_{lo} v_{lo}` over the HTS8 lines of the sector
(rates :math:`r` from the law, 2024 imports :math:`v`), and the effective rate of any set of
partners and sectors is :math:`\sum D / \sum v`.

After substitution the imports of each sector and partner are those SMART gives
(:mod:`tariffscope.impact.pe`: exact CES, one market per GTAP sector, every partner its own
row, world prices fixed) when the sector tariffs :math:`t_{so} = D_{so}/v_{so}` move from
the reference law (1 January 2025, under which the 2024 trade was bought) to the law of the
day: :math:`v'_{so}`. The lines inside a sector keep their 2024 mix, so the duties after
substitution are :math:`t_{so} v'_{so}`. The sectors are the 45 GTAP goods sectors the PE
engine uses; lines the HS6-to-GTAP map leaves out form one more group that keeps its imports.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from tariffscope.impact.pe._smart import simulate_smart
from tariffscope.impact.pe.baseline import SigmaSource, load_sector_baseline
from tariffscope.impact.pe.partners import ScheduleTrade, schedule_trade, sector_lines
from tariffscope.impact.pe.sectors import sector_inputs

__all__ = ["UNMAPPED", "LawSums", "SectorAxis", "imports_after", "law_sums", "sector_axis"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Label of the lines the HS6-to-GTAP map leaves out (no elasticity: they keep their imports).
UNMAPPED = "unmapped"


@dataclass(frozen=True, eq=False)
class SectorAxis:
    """The trade the series weights lines with, and the sector of each line.

    Attributes
    ----------
    trade
        Every partner's 2024 imports on the schedule's HTS8 lines.
    sectors, names
        ``[S + 1]`` GTAP goods sectors and their names, then :data:`UNMAPPED`.
    sector
        ``[L]`` index of each line's sector in ``sectors``.
    indicator
        ``[S + 1, L]`` sparse sum of lines by sector.
    imports
        ``[S + 1, O]`` 2024 imports by sector and partner (US dollars).
    """

    trade: ScheduleTrade
    sectors: tuple[str, ...]
    names: tuple[str, ...]
    sector: IntArray
    indicator: sp.csr_matrix
    imports: FloatArray


@cache
def sector_axis() -> SectorAxis:
    """The embedded 2024 line trade on the GTAP goods sectors (cached)."""
    trade = schedule_trade()
    lines = sector_lines()
    baseline = load_sector_baseline(None, explicit=0)
    n = len(lines.sectors)
    sector = np.where(lines.sector >= 0, lines.sector, n).astype(np.int64)
    indicator = sp.csr_matrix(
        (np.ones(len(sector)), (sector, np.arange(len(sector)))), shape=(n + 1, len(sector))
    )
    imports = np.asarray(indicator @ trade.values)
    imports.setflags(write=False)
    return SectorAxis(
        trade=trade,
        sectors=(*lines.sectors, UNMAPPED),
        names=(*baseline.descriptions, "lines without a GTAP sector"),
        sector=sector,
        indicator=indicator,
        imports=imports,
    )


@dataclass(frozen=True)
class LawSums:
    """One law on the 2024 trade: ``duties`` and ``unrated`` imports, ``[S + 1, O]``.

    ``unrated`` is the trade on lines the rate function gave no rate (NaN); it is left out of
    both the imports and the duties of the effective rate.
    """

    duties: FloatArray
    unrated: FloatArray

    def rated_imports(self, axis: SectorAxis) -> FloatArray:
        return axis.imports - self.unrated


def law_sums(axis: SectorAxis, rates: FloatArray) -> LawSums:
    """Sum ``rates`` (``[L, O]`` fractions) times the 2024 imports by sector and partner."""
    values = axis.trade.values
    if rates.shape != values.shape:
        raise ValueError(f"rates have shape {rates.shape}; the trade has {values.shape}")
    duties = rates * values
    missing = np.isnan(duties)
    if missing.any():
        unrated = np.asarray(axis.indicator @ np.where(missing, values, 0.0))
        duties[missing] = 0.0
    else:
        unrated = np.zeros(axis.imports.shape)
    return LawSums(duties=np.asarray(axis.indicator @ duties), unrated=unrated)


def sector_tariffs(axis: SectorAxis, sums: LawSums) -> FloatArray:
    """``[S + 1, O]`` trade-weighted tariffs (0 where the partner has no rated imports)."""
    imports = sums.rated_imports(axis)
    out = np.zeros(imports.shape)
    np.divide(sums.duties, imports, out=out, where=imports > 0)
    return out


def imports_after(
    axis: SectorAxis,
    tariff0: FloatArray,
    tariff1: FloatArray,
    imports: FloatArray,
    *,
    sigma_source: SigmaSource = "hauk",
) -> FloatArray:
    """``[S + 1, O]`` imports after substitution when tariffs move from ``tariff0`` to
    ``tariff1`` (SMART, exact CES, world prices fixed; the unmapped group keeps its imports)."""
    n = len(axis.sectors) - 1
    base = load_sector_baseline(None, explicit=0, sigma_source=sigma_source)
    baseline = replace(
        base,
        partners=axis.trade.origins,
        imports=imports[:n],
        members=(),
        focus=None,
        lines=None,
    )
    result = simulate_smart(sector_inputs(baseline, tariff0[:n], tariff1[:n]))
    out = np.empty(imports.shape)
    out[:n] = result.value1.reshape(n, -1)
    out[n] = imports[n]
    return out
