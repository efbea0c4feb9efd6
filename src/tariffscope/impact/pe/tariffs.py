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

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.errors import InputError

__all__ = [
    "LineWeights",
    "aggregate_line_tariffs",
    "group_lines",
    "line_weights",
    "sum_by_group",
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


def sum_by_group(values: FloatArray, group: IntArray, n_groups: int) -> FloatArray:
    """Rows of ``values`` (``[N, K]``) summed by ``group`` (``[N]``; rows with -1 dropped)."""
    values = np.asarray(values, dtype=np.float64)
    inside = group >= 0
    if not inside.all():
        values, group = values[inside], group[inside]
    order = np.argsort(group, kind="stable")
    counts = np.bincount(group, minlength=n_groups)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    out = np.zeros((n_groups, values.shape[1]))
    present = counts > 0
    if present.any():
        out[present] = np.add.reduceat(values[order], starts[present], axis=0)
    return out


def line_weights(
    hts8: Sequence[str],
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
    codes = pd.Series(np.asarray(hts8, dtype=str), dtype=str)
    bad = ~codes.str.fullmatch(r"\d{8}")
    if bad.any():
        raise InputError(f"HTS8 code {codes[bad].iloc[0]!r} is not eight digits")
    n_lines, n_partners = len(codes), len(partners)
    weights = np.asarray(values, dtype=np.float64)
    if weights.shape != (n_lines, n_partners):
        raise InputError(f"values has shape {weights.shape}; expected ({n_lines}, {n_partners})")
    if sector is None:
        if hs6_sectors is None:
            raise InputError("line_weights needs hs6_sectors or sector")
        sector_pos = {code: i for i, code in enumerate(sectors)}
        hs6_map = hs6_sectors.set_index("hs6").iloc[:, 0]
        mapped = codes.str[:6].map(hs6_map).map(sector_pos).fillna(-1)
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
    return LineWeights(tuple(codes), sector, weights, tuple(sectors), tuple(partners), fallback)


def _column_sums(array: FloatArray, column: IntArray, n_columns: int) -> FloatArray:
    """``[L, K]``: the columns of ``array`` (``[L, O]``) summed by ``column`` (``[O]``).

    A column with more than half of the origins is the row total less the other origins, so
    the rest of the world costs two row sums rather than a gather of most of the array.
    """
    out = np.zeros((array.shape[0], n_columns))
    total: FloatArray | None = None
    n_origins = len(column)
    for k in range(n_columns):
        members = np.flatnonzero(column == k)
        if len(members) <= n_origins // 2:
            if len(members):
                out[:, k] = array[:, members].sum(axis=1)
            continue
        if total is None:
            total = array.sum(axis=1)
        others = np.flatnonzero(column != k)
        out[:, k] = total - (array[:, others].sum(axis=1) if len(others) else 0.0)
    return out


def group_lines(
    line_rates: FloatArray, values: FloatArray, column: IntArray, n_columns: int
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
    single = np.bincount(column[column >= 0], minlength=n_columns) == 1
    for k in np.flatnonzero(single):
        (member,) = np.flatnonzero(column == k)
        out[:, k] = rates[:, member]
        summed[:, k] = trade[:, member]
    groups = np.where(single[np.maximum(column, 0)] | (column < 0), -1, column)
    if (groups >= 0).any():
        known = np.isfinite(rates)
        clean = np.where(known, rates, 0.0)
        weighted = _column_sums(trade * clean, groups, n_columns)
        weight = _column_sums(np.where(known, trade, 0.0), groups, n_columns)
        grouped = np.flatnonzero(np.bincount(groups[groups >= 0], minlength=n_columns) > 0)
        mean = np.full_like(out, np.nan)
        np.divide(weighted, weight, out=mean, where=weight > 0)
        bare = (weight[:, grouped] <= 0).any(axis=1)  # lines some group imports none of
        if bare.any():
            plain = _column_sums(clean[bare], groups, n_columns)
            count = _column_sums(known[bare].astype(np.float64), groups, n_columns)
            fill = np.full_like(plain, np.nan)
            np.divide(plain, count, out=fill, where=count > 0)
            mean[bare] = np.where(weight[bare] > 0, mean[bare], fill)
        out[:, grouped] = mean[:, grouped]
        summed[:, grouped] = _column_sums(trade, groups, n_columns)[:, grouped]
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
    w = np.where(known, weights.weights, 0.0)
    numerator = sum_by_group(w * np.where(known, rates, 0.0), weights.sector, n_sectors)
    denominator = sum_by_group(w, weights.sector, n_sectors)
    total = sum_by_group(weights.weights, weights.sector, n_sectors)
    out = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    coverage = np.zeros(numerator.shape)
    np.divide(denominator, total, out=coverage, where=total > 0)
    return out, coverage
