r"""From tariffs on tariff lines to tariffs on sectors, by partner, weighted by trade.

The tariff-law engine gives the total ad valorem duty of every HTS8 line for every origin.
The sector models need one rate per sector and partner: the trade-weighted mean of the line
rates,

.. math::

    t_{sp} = \frac{\sum_{l \in s} w_{lp}\, t_{lp}}{\sum_{l \in s} w_{lp}},

over the lines :math:`l` of sector :math:`s` whose rate is known (NaN rates, e.g. specific
duties without an ad valorem equivalent, are left out of both sums).

Weights (:func:`line_weights`)
------------------------------
:math:`w_{lp}` is the partner's own 2024 US imports of the line (Census customs value, the
base on which ad valorem duties are charged; :mod:`tariffscope.data.line_trade`), so
:math:`t_{sp}` is the duty the partner's 2024 basket would pay divided by its value: the
effective (trade-weighted) tariff before substitution. Where a partner has **no imports in a
sector** its own mix says nothing, and the lines are weighted by the imports of **all
partners** instead (``LineWeights.fallback`` flags these cells); such a sector carries no trade
from the partner, so the rate only matters for display and for GE models whose own flows are
not zero there.

A column that stands for several partners (the EU as a bloc, the rest of the world) has the
sum of their imports as its weights and, on each line, the trade-weighted mean of its members'
rates (:func:`group_lines`), so its sector rate is the trade-weighted mean over all its
members' lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.errors import InputError

__all__ = [
    "LineTotals",
    "LineWeights",
    "aggregate_line_tariffs",
    "group_lines",
    "line_totals",
    "line_weights",
    "sum_by_group",
    "sum_columns",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class LineWeights:
    """Sector of each line and its weight for each partner.

    Attributes
    ----------
    hts8
        The lines, ``[L]``.
    sector
        Index into ``sectors`` of each line; -1 for lines outside every sector.
    weights
        ``[L, P]`` non-negative weights (0 for lines outside every sector).
    sectors, partners
        Labels of the sector and partner axes.
    fallback
        ``[S, P]`` True where the partner had no imports in the sector and its lines are
        weighted by the imports of all partners.
    """

    hts8: tuple[str, ...]
    sector: IntArray
    weights: FloatArray
    sectors: tuple[str, ...]
    partners: tuple[str, ...]
    fallback: BoolArray

    @cached_property
    def sector_totals(self) -> FloatArray:
        """``[S, P]`` the weights summed by sector (read-only; computed once per weights, which
        every law aggregated with them shares)."""
        total = sum_by_group(self.weights, self.sector, len(self.sectors))
        total.setflags(write=False)
        return total


# Sort orders of recent group arrays (kept with the array, whose id is the key): the same sector
# index is summed over many times per outcome.
_ORDERS: dict[int, tuple[IntArray, IntArray, IntArray, npt.NDArray[np.bool_]]] = {}


def _order(group: IntArray, n_groups: int) -> tuple[IntArray, IntArray, npt.NDArray[np.bool_]]:
    stored = _ORDERS.get(id(group))
    if stored is None or stored[0] is not group or len(stored[3]) != n_groups:
        inside = np.flatnonzero(group >= 0)
        order = inside[np.argsort(group[inside], kind="stable")]
        counts = np.bincount(group[inside], minlength=n_groups)
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        if len(_ORDERS) > 32:
            _ORDERS.clear()
        stored = (group, order, starts, counts > 0)
        _ORDERS[id(group)] = stored
    return stored[1], stored[2], stored[3]


def sum_by_group(values: FloatArray, group: IntArray, n_groups: int) -> FloatArray:
    """Rows of ``values`` (``[N, K]``) summed by ``group`` (``[N]``; rows with -1 dropped)."""
    values = np.asarray(values, dtype=np.float64)
    order, starts, present = _order(np.asarray(group), n_groups)
    out = np.zeros((n_groups, values.shape[1]))
    if present.any():
        out[present] = np.add.reduceat(values[order], starts[present], axis=0)
    return out


def line_weights(
    hts8: Sequence[str] | npt.NDArray[np.str_],
    *,
    sectors: Sequence[str],
    partners: Sequence[str],
    values: FloatArray,
    hs6_sectors: pd.DataFrame | None = None,
    sector: IntArray | None = None,
    all_imports: FloatArray | None = None,
) -> LineWeights:
    """Weights of lines within sectors: each partner's own imports (see the module docstring).

    Parameters
    ----------
    hts8
        Eight-digit HTS codes (digits only).
    sectors, partners
        The sector and partner axes of the result.
    values
        ``[L, P]`` each partner's imports by line (US dollars).
    hs6_sectors
        ``hs6, <sector>`` map (HS 2022); the second column names each subheading's sector.
    sector
        Instead of ``hs6_sectors``: ``[L]`` the index in ``sectors`` of each line (-1 none).
    all_imports
        ``[L]`` imports of all partners by line, the weights where a partner has none in a
        sector; default the sum of ``values`` over the partners given.

    Returns
    -------
    LineWeights
    """
    codes = np.asarray(hts8, dtype=str)
    bad = ~(np.char.isdigit(codes) & (np.char.str_len(codes) == 8))
    if bad.any():
        raise InputError(f"HTS8 code {str(codes[bad][0])!r} is not eight digits")
    n_lines, n_partners = len(codes), len(partners)
    weights = np.asarray(values, dtype=np.float64)
    if weights.shape != (n_lines, n_partners):
        raise InputError(f"values has shape {weights.shape}; expected ({n_lines}, {n_partners})")
    if sector is None:
        if hs6_sectors is None:
            raise InputError("line_weights needs hs6_sectors or sector")
        sector_pos = {code: i for i, code in enumerate(sectors)}
        hs6_map = hs6_sectors.set_index("hs6").iloc[:, 0]
        mapped = pd.Series(codes.astype("U6")).map(hs6_map).map(sector_pos).fillna(-1)
        sector = np.asarray(mapped, dtype=np.int64)
    sector = np.asarray(sector, dtype=np.int64)
    if sector.shape != (n_lines,):
        raise InputError(f"sector has shape {sector.shape}; expected ({n_lines},)")
    everyone = weights.sum(axis=1) if all_imports is None else np.asarray(all_imports, float)
    if everyone.shape != (n_lines,):
        raise InputError(f"all_imports has shape {everyone.shape}; expected ({n_lines},)")
    inside = sector[:, None] >= 0
    weights = np.where(inside, np.clip(weights, 0.0, None), 0.0)
    fallback = sum_by_group(weights, sector, len(sectors)) <= 0
    if fallback.any():
        everyone = np.where(sector >= 0, np.clip(everyone, 0.0, None), 0.0)
        use = fallback[np.maximum(sector, 0)] & inside  # [L, P]
        weights = np.where(use, everyone[:, None], weights)
    return LineWeights(
        tuple(codes.tolist()), sector, weights, tuple(sectors), tuple(partners), fallback
    )


@dataclass(frozen=True)
class LineTotals:
    """Per-line sums over a set of origins (``[L]`` each), for :func:`group_lines`.

    ``weighted``: imports times known rates; ``weight``: imports with a known rate; ``plain``:
    known rates; ``count``: origins with a known rate; ``value``: imports.
    """

    weighted: FloatArray
    weight: FloatArray
    plain: FloatArray
    count: FloatArray
    value: FloatArray

    def __sub__(self, other: LineTotals) -> LineTotals:
        return LineTotals(
            self.weighted - other.weighted,
            self.weight - other.weight,
            self.plain - other.plain,
            self.count - other.count,
            self.value - other.value,
        )


def sum_columns(
    values: FloatArray, column: IntArray, n_columns: int, *, total: FloatArray | None = None
) -> FloatArray:
    """``[L, K]``: the columns of ``values`` (``[L, O]``) summed by ``column`` (``[O]``).

    A column with more than half of the origins is ``total`` (the row sums, computed if not
    given) less the other origins.
    """
    out = np.zeros((values.shape[0], n_columns))
    for k in range(n_columns):
        members = np.flatnonzero(column == k)
        if len(members) <= len(column) // 2:
            out[:, k] = values[:, members].sum(axis=1)
            continue
        if total is None:
            total = values.sum(axis=1)
        out[:, k] = total - values[:, np.flatnonzero(column != k)].sum(axis=1)
    return out


def line_totals(
    line_rates: FloatArray,
    values: FloatArray,
    origins: IntArray | None = None,
    *,
    value: FloatArray | None = None,
) -> LineTotals:
    """:class:`LineTotals` over the columns ``origins`` of ``[L, O]`` rates and imports (all).

    ``value`` may give the row sums of ``values`` over those columns when already known. Rows
    without an unknown rate (most: unknown rates are specific duties, the same for nearly
    every origin) take the fast path; only the others are masked.
    """
    rates = line_rates if origins is None else line_rates[:, origins]
    trade = values if origins is None else values[:, origins]
    total_value = trade.sum(axis=1) if value is None else value
    unknown = np.isnan(rates).any(axis=1)
    weighted = np.einsum("lo,lo->l", trade, rates)  # NaN on the rows redone below
    plain = rates.sum(axis=1)
    weight = total_value.copy()
    count = np.full(rates.shape[0], float(rates.shape[1]))
    if unknown.any():
        sub_rates, sub_trade = rates[unknown], trade[unknown]
        known = np.isfinite(sub_rates)
        clean = np.where(known, sub_rates, 0.0)
        weighted[unknown] = np.einsum("lo,lo->l", sub_trade, clean)
        plain[unknown] = clean.sum(axis=1)
        weight[unknown] = np.where(known, sub_trade, 0.0).sum(axis=1)
        count[unknown] = known.sum(axis=1)
    return LineTotals(weighted, weight, plain, count, total_value)


def group_lines(
    line_rates: FloatArray,
    values: FloatArray,
    column: IntArray,
    n_columns: int,
    *,
    totals: LineTotals | None = None,
) -> tuple[FloatArray, FloatArray]:
    """Line rates and imports of columns that stand for several partners.

    Parameters
    ----------
    line_rates, values
        ``[L, O]`` each origin's duty (fraction, NaN unknown) and imports by line.
    column
        ``[O]`` the column each origin belongs to (-1: none).
    n_columns
        Number of columns.
    totals
        :func:`line_totals` over all origins, if already known: a column with more than half
        of the origins (the rest of the world) is then the totals less the other origins, which
        costs a few columns instead of most of the array.

    Returns
    -------
    tuple of numpy.ndarray
        ``rates [L, K]``: on each line the import-weighted mean of the members' known rates
        (their plain mean where the members import none of the line); ``values [L, K]``: the
        members' imports summed.
    """
    rates = np.asarray(line_rates, dtype=np.float64)
    trade = np.asarray(values, dtype=np.float64)
    column = np.asarray(column, dtype=np.int64)
    if rates.shape != trade.shape or rates.shape[1] != len(column):
        raise InputError(
            f"line_rates {rates.shape}, values {trade.shape} and column ({len(column)},) "
            "do not match"
        )
    out = np.full((rates.shape[0], n_columns), np.nan)
    summed = np.zeros_like(out)
    n_origins = len(column)
    for k in range(n_columns):
        members = np.flatnonzero(column == k)
        if len(members) == 1:
            out[:, k] = rates[:, members[0]]
            summed[:, k] = trade[:, members[0]]
            continue
        if len(members) == 0:
            continue
        tolerance: FloatArray | float = 0.0
        if len(members) <= n_origins // 2:
            sums = line_totals(rates, trade, members)
        else:
            if totals is None:
                totals = line_totals(rates, trade)
            sums = totals - line_totals(rates, trade, np.flatnonzero(column != k))
            tolerance = 1e-9 * totals.weight  # what is left of a difference of equal sums
        mean = np.full(rates.shape[0], np.nan)
        np.divide(sums.plain, sums.count, out=mean, where=sums.count > 0.5)
        np.divide(sums.weighted, sums.weight, out=mean, where=sums.weight > tolerance)
        out[:, k] = mean
        summed[:, k] = sums.value
    return out, summed


def aggregate_line_tariffs(
    line_rates: FloatArray, weights: LineWeights
) -> tuple[FloatArray, FloatArray]:
    """Weighted mean tariff by sector and partner.

    Parameters
    ----------
    line_rates
        ``[L, P]`` total ad valorem duty of each line for each partner (fractions; NaN where
        unknown).
    weights
        From :func:`line_weights`, same lines and partners.

    Returns
    -------
    tuple of numpy.ndarray
        ``rates [S, P]`` (NaN where a sector has no line with a known rate) and
        ``coverage [S, P]``: the share of the sector's weight whose rate is known.
    """
    rates = np.asarray(line_rates, dtype=np.float64)
    if rates.shape != weights.weights.shape:
        raise InputError(
            f"line_rates has shape {rates.shape}; "
            f"expected {weights.weights.shape} (lines x partners)"
        )
    n_sectors = len(weights.sectors)
    known = np.isfinite(rates)
    total = weights.sector_totals
    if known.all():  # the usual case: the masked weights would be the weights themselves
        numerator = sum_by_group(weights.weights * rates, weights.sector, n_sectors)
        denominator = total
    else:
        w = np.where(known, weights.weights, 0.0)
        numerator = sum_by_group(w * np.where(known, rates, 0.0), weights.sector, n_sectors)
        denominator = sum_by_group(w, weights.sector, n_sectors)
    out = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    coverage = np.zeros(numerator.shape)
    np.divide(denominator, total, out=coverage, where=total > 0)
    return out, coverage
