r"""From tariffs on HTS8 lines to tariffs on GTAP sectors, by partner.

The tariff-law engine gives the total ad valorem duty of every HTS8 line for every origin.
The sector models need one rate per sector and partner: a weighted mean of the line rates,

.. math::

    t_{sp} = \frac{\sum_{l \in s} w_{lp}\, t_{lp}}{\sum_{l \in s} w_{lp}},

over the lines :math:`l` of sector :math:`s` whose rate is known (NaN rates, e.g. specific
duties without an ad valorem equivalent, are left out of both sums).

Weights (:func:`line_weights`)
------------------------------
The ideal weights are each line's imports from the partner. No HS-level US imports by partner
are available offline (``../shared/data/MANIFEST.md``, "NOT found"), so the default is
**HS6-equal**: every HS6 subheading of a sector counts the same, and its weight is split
equally among its HTS8 lines. A plain average of lines would let headings that the US
schedule splits finely (textiles, steel) dominate; HS6 is the finest level that is the same in
every country's schedule. Where a partner's own statistics give the product mix inside a
sector (``sector_composition``: Japan's cars, buses and trucks, and parts within motor
vehicles), the lines of each product group share that group's share of the weight (HS6-equal
inside the group) and lines outside the groups get none. Users with line-level imports (from
BACI or Comtrade) pass them as ``values`` to weight by trade.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.errors import InputError

__all__ = ["LineWeights", "aggregate_line_tariffs", "line_weights"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class LineWeights:
    """Sector of each HTS8 line and its weight for each partner.

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
    """

    hts8: tuple[str, ...]
    sector: IntArray
    weights: FloatArray
    sectors: tuple[str, ...]
    partners: tuple[str, ...]


def line_weights(
    hts8: Sequence[str],
    *,
    sectors: Sequence[str],
    partners: Sequence[str],
    hs6_sectors: pd.DataFrame,
    composition: pd.DataFrame | None = None,
    values: FloatArray | None = None,
) -> LineWeights:
    """Weights of HTS8 lines within GTAP sectors (HS6-equal, or by trade ``values``).

    Parameters
    ----------
    hts8
        Eight-digit HTS codes (digits only).
    sectors, partners
        The sector and partner axes of the result.
    hs6_sectors
        ``hs6, gtap_code`` map (HS 2022).
    composition
        ``partner, gtap_code, hs_prefixes, share``: product-group shares inside a sector for a
        partner (space-separated HS prefixes per group); may be None.
    values
        Optional ``[L, P]`` imports by line and partner; when given they are the weights.

    Returns
    -------
    LineWeights
    """
    codes = pd.Series(list(hts8), dtype=str)
    if not codes.str.fullmatch(r"\d{8}").all():
        bad = codes[~codes.str.fullmatch(r"\d{8}")].iloc[0]
        raise InputError(f"HTS8 code {bad!r} is not eight digits")
    sector_pos = {code: i for i, code in enumerate(sectors)}
    hs6_map = hs6_sectors.set_index("hs6")["gtap_code"]
    mapped = codes.str[:6].map(hs6_map).map(sector_pos).fillna(-1)
    sector: IntArray = np.asarray(mapped, dtype=np.int64)
    n_lines, n_partners = len(codes), len(partners)
    if values is not None:
        weights = np.asarray(values, dtype=np.float64)
        if weights.shape != (n_lines, n_partners):
            raise InputError(
                f"values has shape {weights.shape}; expected ({n_lines}, {n_partners})"
            )
        weights = np.where(sector[:, None] >= 0, np.clip(weights, 0.0, None), 0.0)
        return LineWeights(tuple(codes), sector, weights, tuple(sectors), tuple(partners))
    base = _hs6_equal(codes, sector)
    weights = np.repeat(base[:, None], n_partners, axis=1)
    if composition is not None and len(composition):
        partner_pos = {code: i for i, code in enumerate(partners)}
        for (partner, gtap_code), groups in composition.groupby(["partner", "gtap_code"]):
            if partner not in partner_pos or gtap_code not in sector_pos:
                continue
            p, s = partner_pos[str(partner)], sector_pos[str(gtap_code)]
            in_sector = sector == s
            weights[in_sector, p] = 0.0  # lines outside the listed groups get no weight
            for group in groups.itertuples(index=False):
                member = in_sector & _matches(codes, str(group.hs_prefixes))
                group_sector: IntArray = np.where(member, s, -1).astype(np.int64)
                group_base = _hs6_equal(codes.where(member, ""), group_sector)
                total = group_base[member].sum()
                if total > 0:
                    share = float(str(group.share))
                    weights[member, p] = share * group_base[member] / total
    return LineWeights(tuple(codes), sector, weights, tuple(sectors), tuple(partners))


def _matches(codes: pd.Series, prefixes: str) -> npt.NDArray[np.bool_]:
    result = np.zeros(len(codes), dtype=bool)
    for prefix in prefixes.split():
        result |= codes.str.startswith(prefix).to_numpy()
    return result


def _hs6_equal(codes: pd.Series, sector: IntArray) -> FloatArray:
    """1 / (HS6 codes in the sector) / (lines in the HS6 code), 0 outside every sector."""
    frame = pd.DataFrame({"hs6": codes.str[:6], "sector": sector})
    lines_per_hs6 = frame.groupby("hs6")["hs6"].transform("size").to_numpy(dtype=float)
    hs6_per_sector = (
        frame.drop_duplicates("hs6").groupby("sector")["hs6"].size().reindex(frame["sector"])
    ).to_numpy(dtype=float)
    weight = 1.0 / (lines_per_hs6 * hs6_per_sector)
    return np.where(sector >= 0, weight, 0.0)


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
    n_sectors, n_partners = len(weights.sectors), len(weights.partners)
    if rates.shape != weights.weights.shape:
        raise InputError(
            f"line_rates has shape {rates.shape}; "
            f"expected {weights.weights.shape} (lines x partners)"
        )
    inside = weights.sector >= 0
    known = np.isfinite(rates) & inside[:, None]
    w = np.where(known, weights.weights, 0.0)
    index = (weights.sector[:, None] * n_partners + np.arange(n_partners)[None, :])[inside]
    size = n_sectors * n_partners
    numerator = np.bincount(
        index.ravel(), weights=(w * np.nan_to_num(rates))[inside].ravel(), minlength=size
    )
    denominator = np.bincount(index.ravel(), weights=w[inside].ravel(), minlength=size)
    total = np.bincount(index.ravel(), weights=weights.weights[inside].ravel(), minlength=size)
    out = np.full(size, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    coverage = np.zeros(size)
    np.divide(denominator, total, out=coverage, where=total > 0)
    return out.reshape(n_sectors, n_partners), coverage.reshape(n_sectors, n_partners)
