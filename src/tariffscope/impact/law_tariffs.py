r"""The tariff law as model tariffs: HTS8 line duties to tariffs by model sector and exporter.

The economy-wide models have a few sectors (Caliendo-Parro: 20 tradable ISIC Rev.3 sectors; the
one-sector gravity model: one) and their own regions. :func:`model_tariffs` turns the duty the
tariff-law engine gives every HTS8 line (:func:`tariffscope.regime.resolve_lines`) into one
rate per model sector ``s`` and exporter ``e``, the trade-weighted mean

.. math::

    t_{se} = \frac{\sum_{l \in s} v_{le}\, t_{le}}{\sum_{l \in s} v_{le}},

where :math:`v_{le}` is the exporter's own 2024 US imports of line :math:`l`
(:mod:`tariffscope.data.line_trade`: Census HTS10 lines for 50 countries, the EU mix for EU
members, the HS2 chapters spread by the mix of the others) and a line belongs to the model
sector its HS 2022 subheading maps to (the concordance). This is the duty the exporter's 2024
basket would pay divided by its value, the effective tariff rate before substitution. The line
duties :math:`t_{le}` are applied rates by default: the law with and without the claims entries
make, mixed by claim shares (:func:`tariffscope.impact.applied.applied_line_rates`); an exporter
without 2024 US imports has no claim shares and pays the statutory rates. Where the
exporter has no imports in a sector, all partners' imports weight the lines
(:func:`tariffscope.impact.pe.tariffs.line_weights`). An exporter that is a **region** of the
model (the rest of the world of the Caliendo-Parro model) is the sum of its member countries
(``members``): its weights are their summed imports and its line rate the import-weighted mean
of theirs. The weights are 2024 US imports, the latest the project has; the models' own flows
(1993, 2006) are older and have no detail inside their sectors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.errors import InputError
from tariffscope.impact.pe.tariffs import (
    LineTotals,
    LineWeights,
    aggregate_line_tariffs,
    group_lines,
    line_weights,
    sum_by_group,
)

if TYPE_CHECKING:
    from tariffscope.impact.pe.law import LawOnLines

__all__ = [
    "ModelTariffs",
    "SectorConcordance",
    "SectorShare",
    "model_tariffs",
    "scope_in_sectors",
    "tariffs_from_law",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class SectorConcordance:
    """HS6 subheadings to model sectors, through GTAP goods sectors.

    Attributes
    ----------
    name
        Short name (cache key), e.g. ``"caliendo_parro"``.
    table
        ``hs6, gtap_code, sector`` (HS 2022); subheadings outside every model sector are absent.
    sectors
        The model sectors in the order of the result.
    source
        Where the concordance comes from (for metadata).
    """

    name: str
    table: pd.DataFrame
    sectors: tuple[str, ...]
    source: str


@dataclass(frozen=True, eq=False)
class ModelTariffs:
    """Tariffs of the importer by model sector and exporter on one entry date.

    Attributes
    ----------
    rates, coverage
        ``[S, E]`` fractions; ``coverage`` is the share of the weight whose line duties are
        known (specific duties without an ad valorem part are left out).
    weights
        ``[S, E]`` the exporter's own 2024 US imports in the sector (US dollars; all partners'
        imports where it has none there): the weights of the lines, summed, which also weight
        sectors into one rate (:meth:`aggregate`).
    mfn
        ``[S, E]`` the base part of ``rates`` alone, with the same weights: the General (MFN)
        rate, or the Column 2 or preferential rate the exporter pays (mixed by the claim shares
        when ``rates`` are applied).
    """

    importer: str
    entry_date: date
    as_known: date | None
    scenario: str | None
    sectors: tuple[str, ...]
    exporters: tuple[str, ...]
    rates: FloatArray
    coverage: FloatArray
    weights: FloatArray
    mfn: FloatArray

    def aggregate(self, *, mfn: bool = False) -> FloatArray:
        """One trade-weighted rate per exporter, ``[E]`` (the MFN part alone with ``mfn``)."""
        rates = self.mfn if mfn else self.rates
        total = self.weights.sum(axis=0)
        out = np.full(len(self.exporters), np.nan)
        np.divide((self.weights * rates).sum(axis=0), total, out=out, where=total > 0)
        return out

    def to_frame(self) -> pd.DataFrame:
        """Long table ``sector, exporter, tariff_pct, coverage, weight_usd``."""
        s, e = self.rates.shape
        return pd.DataFrame(
            {
                "sector": np.repeat(self.sectors, e),
                "exporter": np.tile(self.exporters, s),
                "tariff_pct": 100.0 * self.rates.ravel(),
                "coverage": self.coverage.ravel(),
                "weight_usd": self.weights.ravel(),
            }
        )


@dataclass(frozen=True)
class SectorShare:
    """2024 US imports on the lines of some goods, and the part a model's sectors hold.

    ``total_usd`` is 0 when the goods had no 2024 imports from the origins asked about.
    """

    total_usd: float
    in_sectors_usd: float

    @property
    def share(self) -> float | None:
        """The part in the model's sectors (0 to 1); None without 2024 imports."""
        return self.in_sectors_usd / self.total_usd if self.total_usd > 0 else None


def scope_in_sectors(
    concordance: SectorConcordance,
    masks: Sequence[Any],
    origins: Sequence[str] = (),
) -> SectorShare:
    """How much of the goods the masks name is in a sector of the model.

    ``masks`` are callables of an array of HTS8 codes (``ProductScope.mask``); a line is in the
    goods when any mask covers it. The imports are those of ``origins`` (every partner when
    empty or when none of them has 2024 imports) on the schedule's lines; a line is in the
    model when its HS 2022 subheading maps to one of the concordance's sectors.
    """
    lines = _lines_for(concordance)
    goods = np.zeros(len(lines.codes), dtype=bool)
    for mask in masks:
        goods |= np.asarray(mask(lines.codes), dtype=bool)
    known = [lines.origins.index(o) for o in origins if o in lines.origins]
    value = lines.values[:, known].sum(axis=1) if known else lines.line_total
    inside = goods & (lines.sector >= 0)
    return SectorShare(float(value[goods].sum()), float(value[inside].sum()))


@dataclass(frozen=True, eq=False)
class _ConcordanceLines:
    """The 2024 line trade (on the schedule's lines) with each line's model sector."""

    codes: npt.NDArray[np.str_]
    sector: IntArray  # [L] index into the concordance's sectors, -1 outside
    origins: tuple[str, ...]
    values: FloatArray
    line_total: FloatArray


_LINES: dict[int, tuple[SectorConcordance, _ConcordanceLines]] = {}


def _lines_for(concordance: SectorConcordance) -> _ConcordanceLines:
    stored = _LINES.get(id(concordance))
    if stored is None or stored[0] is not concordance:  # the id of a freed object is reused
        if len(_LINES) > 8:
            _LINES.clear()
        stored = (concordance, _concordance_lines(concordance))
        _LINES[id(concordance)] = stored
    return stored[1]


def _concordance_lines(concordance: SectorConcordance) -> _ConcordanceLines:
    from tariffscope.impact.pe.partners import hs6_positions, schedule_trade

    trade = schedule_trade()
    position = {name: k for k, name in enumerate(concordance.sectors)}
    by_hs6 = dict(
        zip(
            concordance.table["hs6"],
            (position.get(s, -1) for s in concordance.table["sector"]),
            strict=True,
        )
    )
    sector = hs6_positions(trade.codes, by_hs6)
    return _ConcordanceLines(trade.codes, sector, trade.origins, trade.values, trade.line_total)


def model_tariffs(
    concordance: SectorConcordance,
    exporters: Sequence[str],
    entry_date: date | str,
    *,
    scenario: object | None = None,
    as_known: date | str | None = None,
    claims: Sequence[str] = (),
    members: Mapping[str, Sequence[str]] | None = None,
    importer: str = "USA",
    applied: bool = True,
) -> ModelTariffs:
    """US import tariffs from the law by model sector and exporter (see module docstring).

    Parameters
    ----------
    concordance
        HS6 -> model sector map.
    exporters
        Model exporters: ISO3 codes, or region codes listed in ``members``.
    entry_date, scenario, as_known, claims
        As for :func:`tariffscope.regime.resolve_lines`; ``scenario`` is a
        :class:`tariffscope.regime.Scenario` or None for the law as it is.
    members
        Region code -> its ISO3 member countries, e.g. ``{"ROW": (...)}``; a region's weights
        are its members' summed 2024 imports.
    importer
        Only ``"USA"``: the law is the US tariff schedule.
    applied
        True (default) and no ``claims``: applied rates, the law mixed with and without the
        claims entries make by their claim shares
        (:func:`tariffscope.impact.applied.applied_line_rates`); else the statutory rates with
        ``claims`` made by every eligible entry.

    Returns
    -------
    ModelTariffs

    Raises
    ------
    InputError
        Another importer, a scenario that is not a Scenario, a region without members, an
        exporter named twice (directly or as a member of two regions); the law engine's
        errors for dates, origins and scenarios.
    """
    from tariffscope.impact.pe.law import align_rows, law_on_lines
    from tariffscope.regime import Scenario, resolve_lines

    if importer != "USA":
        raise InputError(f"the tariff law covers US imports only; got importer {importer!r}")
    if scenario is not None and not isinstance(scenario, Scenario):
        raise InputError("scenario must be a tariffscope.regime.Scenario")
    groups = dict(members or {})
    each = [tuple(groups.get(code, (code,))) for code in exporters]
    if any(not group for group in each):
        raise InputError("every region needs at least one member country")
    flat = [origin for group in each for origin in group]
    if len(set(flat)) != len(flat):
        raise InputError("an origin is named twice among the exporters and their regions")
    lines = _lines_for(concordance)
    law: LawOnLines
    if applied and not claims:
        from tariffscope.impact.applied import applied_line_rates

        law = applied_line_rates(lines, entry_date, scenario=scenario, as_known=as_known)
        line_base = law.base
    else:
        law = law_on_lines(lines, entry_date, scenario=scenario, as_known=as_known, claims=claims)
        line_base = law.table.base
        if not (lines.codes is law.table.codes or np.array_equal(lines.codes, law.table.codes)):
            base_rows = align_rows(lines.codes, law.table.codes)
            line_base = np.where(
                (base_rows >= 0)[:, None], line_base[np.maximum(base_rows, 0)], np.nan
            )
    traded = law.rates
    values = lines.values
    origins = list(lines.origins)
    known = set(origins)
    extra = [origin for origin in flat if origin not in known]
    if not extra:
        return _aggregate(
            concordance,
            lines,
            law.table,
            traded,
            line_base,
            values,
            exporters,
            each,
            _totals(law, each),
        )
    # exporters with no 2024 US imports: their own duties, no weight of their own
    more = resolve_lines(
        extra, entry_date, scenario=scenario, as_known=as_known, claims=tuple(claims)
    )
    rows = align_rows(lines.codes, more.codes)
    added = more.total[np.maximum(rows, 0)]
    added[rows < 0] = np.nan
    added_base = more.base[np.maximum(rows, 0)]
    added_base[rows < 0] = np.nan
    return _aggregate(
        concordance,
        lines,
        law.table,
        np.concatenate([traded, added], axis=1),
        np.concatenate([line_base, added_base], axis=1),
        np.concatenate([values, np.zeros((len(lines.codes), len(extra)))], axis=1),
        exporters,
        each,
        None,
        origins=(*origins, *more.origins),
    )


def tariffs_from_law(
    concordance: SectorConcordance,
    law: LawOnLines,
    exporters: Sequence[str],
    *,
    members: Mapping[str, Sequence[str]] | None = None,
) -> ModelTariffs:
    """:func:`model_tariffs` from a law already resolved on the 2024 line trade (a pure
    function of its inputs): ``law`` is the answer of
    :func:`tariffscope.impact.applied.applied_line_rates` (applied rates) or of
    :func:`tariffscope.impact.pe.law.law_on_lines` (statutory) on the schedule's lines and
    every origin with 2024 US imports, e.g. the one a brief priced an outcome with.

    Raises
    ------
    InputError
        A law on other lines or origins; an exporter (or region member) without 2024 US
        imports (:func:`model_tariffs` resolves those itself).
    """
    from tariffscope.impact.applied import AppliedLaw

    lines = _lines_for(concordance)
    same_lines = lines.codes is law.table.codes or np.array_equal(lines.codes, law.table.codes)
    if not same_lines or law.rates.shape != lines.values.shape:
        raise InputError(
            "the law was not resolved on the 2024 line trade (the schedule's lines and every "
            "origin with imports)"
        )
    groups = dict(members or {})
    each = [tuple(groups.get(code, (code,))) for code in exporters]
    missing = [o for group in each for o in group if o not in set(lines.origins)]
    if missing:
        raise InputError(f"{missing[0]} has no 2024 US imports; use model_tariffs")
    base = law.base if isinstance(law, AppliedLaw) else law.table.base
    return _aggregate(
        concordance,
        lines,
        law.table,
        law.rates,
        base,
        lines.values,
        exporters,
        each,
        _totals(law, each),
    )


def _totals(law: LawOnLines, each: Sequence[tuple[str, ...]]) -> LineTotals | None:
    """The law's per-line sums over all origins, worth it for a region of most of them."""
    return law.totals if max(map(len, each)) > len(law.values[0]) // 2 else None


# The line weights of recent (concordance lines, exporters, exporters' imports): they do not
# depend on the law, and the brief aggregates four laws with the same ones.
_WEIGHTS: dict[tuple[int, tuple[str, ...]], tuple[_ConcordanceLines, FloatArray, LineWeights]] = {}


def _same(a: FloatArray, b: FloatArray) -> bool:
    """Equal bit for bit (a zero's sign included)."""
    return bool(np.array_equal(a, b) and np.array_equal(np.signbit(a), np.signbit(b)))


def _weights(
    concordance: SectorConcordance,
    lines: _ConcordanceLines,
    exporters: tuple[str, ...],
    own: FloatArray,
) -> LineWeights:
    """:func:`line_weights` of the exporters' own imports ``own`` (``[L, E]``), memoised."""
    key = (id(lines), exporters)
    stored = _WEIGHTS.get(key)
    if stored is not None and stored[0] is lines and _same(stored[1], own):
        return stored[2]
    weights = line_weights(
        lines.codes,
        sectors=concordance.sectors,
        partners=exporters,
        values=own,
        sector=lines.sector,
        all_imports=lines.line_total,
    )
    if len(_WEIGHTS) > 8:
        _WEIGHTS.clear()
    _WEIGHTS[key] = (lines, own, weights)
    return weights


def _aggregate(
    concordance: SectorConcordance,
    lines: _ConcordanceLines,
    table: Any,
    traded: FloatArray,
    line_base: FloatArray,
    values: FloatArray,
    exporters: Sequence[str],
    each: Sequence[tuple[str, ...]],
    totals: LineTotals | None,
    *,
    origins: Sequence[str] | None = None,
) -> ModelTariffs:
    """Line duties ``[L, O]`` (and their base parts) to rates by model sector and exporter
    (``each``: the origins of every exporter, its own code or a region's members)."""
    origins = list(lines.origins if origins is None else origins)
    position = {origin: k for k, origin in enumerate(origins)}
    column = np.full(len(origins), -1, dtype=np.int64)
    for k, group in enumerate(each):
        column[[position[origin] for origin in group]] = k
    n_exporters, n_sectors = len(exporters), len(concordance.sectors)
    line_rates, own = group_lines(traded, values, column, n_exporters, totals=totals)
    weights = _weights(concordance, lines, tuple(exporters), own)
    rates, coverage = aggregate_line_tariffs(line_rates, weights)
    exporter_base, _ = group_lines(line_base, values, column, n_exporters)
    mfn, _ = aggregate_line_tariffs(exporter_base, weights)
    sector_weights = sum_by_group(weights.weights, lines.sector, n_sectors)
    if np.isnan(rates).any():
        s, e = np.argwhere(np.isnan(rates))[0]
        raise InputError(
            f"no HTS8 line of sector {concordance.sectors[s]} has a known duty for "
            f"{exporters[e]} on {table.entry_date}"
        )
    return ModelTariffs(
        importer="USA",
        entry_date=table.entry_date,
        as_known=table.as_known,
        scenario=table.scenario,
        sectors=concordance.sectors,
        exporters=tuple(exporters),
        rates=rates,
        coverage=coverage,
        weights=sector_weights,
        mfn=mfn,
    )
