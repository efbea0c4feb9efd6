"""Pricing an outcome straight from the tariff law: sector tariffs at a date, then SMART + MC.

An outcome is the law at an entry date plus an optional scenario (the tariff-law engine's
scenario files). :func:`sector_tariffs_at` asks the engine for the duty of every HTS8 line for
every partner with 2024 US imports (:func:`tariffscope.regime.vectorized.resolve_lines`), as
applied: mixed with and without the preferences entries claim, by their claim shares
(:func:`tariffscope.impact.applied.applied_line_rates`), and
aggregates the lines to GTAP sectors with each partner's own 2024 imports as weights
(:mod:`tariffscope.impact.pe.tariffs`); a column that stands for several partners (the EU as
a bloc, the rest of the world) takes the trade-weighted mean of its members' line duties.
:func:`price_outcome` compares that with the law on the reference date (default 1 January
2025, the tariffs under which the 2024 baseline trade was bought) and prices the change with
SMART on the sector baseline, with a Monte Carlo interval.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.errors import InputError
from tariffscope.impact.pe._types import SmartMethod
from tariffscope.impact.pe.baseline import (
    SectorBaseline,
    SigmaSource,
    load_sector_baseline,
)
from tariffscope.impact.pe.sectors import SectorOutcome, simulate_sectors
from tariffscope.impact.pe.tariffs import (
    LineTotals,
    LineWeights,
    aggregate_line_tariffs,
    group_lines,
    line_totals,
    line_weights,
    sum_columns,
)
from tariffscope.impact.uncertainty import MonteCarloResult, monte_carlo_sectors

if TYPE_CHECKING:
    from tariffscope.distributed.map import ChunkMapper

__all__ = [
    "DEFAULT_REFERENCE_DATE",
    "DRAW_BATCH",
    "LawOnLines",
    "PricedOutcome",
    "SectorTariffs",
    "TradeLines",
    "align_rows",
    "forget_answers",
    "law_on_lines",
    "line_rates_at",
    "price_outcome",
    "refine_partial",
    "sector_tariffs_at",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: The law the 2024 baseline trade was bought under: the day before the first 2025 measure.
DEFAULT_REFERENCE_DATE = "2025-01-01"
#: Monte Carlo draws solved at once: a progress step here, one task on a cluster. The same in
#: both, so a cluster's answer equals this process's bit for bit.
DRAW_BATCH = 250


@dataclass(frozen=True)
class SectorTariffs:
    """Tariffs by sector and partner for one entry date (and scenario).

    ``rates`` and ``coverage`` are ``[S, P]`` fractions; ``coverage`` is the share of a
    sector's line weight whose duty the engine could state; ``fallback`` flags the cells where
    the partner had no 2024 imports in the sector and all partners' imports weight the lines.
    ``law`` is the line law the rates were averaged from (a :class:`LawOnLines` on the 2024 line
    trade), kept so that other aggregations (the deal space's ICIO sectors) reuse it.
    """

    entry_date: date
    scenario: str | None
    sectors: tuple[str, ...]
    partners: tuple[str, ...]
    rates: FloatArray
    coverage: FloatArray
    fallback: npt.NDArray[np.bool_] | None = None
    law: LawOnLines | None = field(default=None, compare=False, repr=False)

    def to_frame(self) -> pd.DataFrame:
        """Long table ``gtap_code, partner, tariff_pct, coverage``."""
        s, p = self.rates.shape
        return pd.DataFrame(
            {
                "gtap_code": np.repeat(self.sectors, p),
                "partner": np.tile(self.partners, s),
                "tariff_pct": 100.0 * self.rates.ravel(),
                "coverage": self.coverage.ravel(),
            }
        )


# Alignments of line-code arrays (kept with the arrays so that their ids stay unique).
_ROWS: dict[tuple[int, int], tuple[object, object, IntArray]] = {}


def align_rows(codes: npt.NDArray[np.str_], table_codes: npt.NDArray[np.str_]) -> IntArray:
    """Row of each of ``codes`` in ``table_codes`` (-1 where absent); memoised by identity."""
    key = (id(codes), id(table_codes))
    stored = _ROWS.get(key)
    if stored is None or stored[0] is not codes or stored[1] is not table_codes:
        if len(_ROWS) > 8:
            _ROWS.clear()
        position = {str(code): k for k, code in enumerate(table_codes)}
        rows = np.array([position.get(str(code), -1) for code in codes], dtype=np.int64)
        stored = (codes, table_codes, rows)
        _ROWS[key] = stored
    return stored[2]


class TradeLines(Protocol):
    """Line codes, the origins whose trade they carry and that trade (``ScheduleTrade``,
    ``SectorLines`` and the like)."""

    @property
    def codes(self) -> npt.NDArray[np.str_]: ...

    @property
    def origins(self) -> tuple[str, ...]: ...

    @property
    def values(self) -> FloatArray: ...


def _resolve(
    origins: Sequence[str],
    entry_date: date | str,
    scenario: object | None,
    as_known: date | str | None,
    metal_share: float | None,
    claims: Sequence[str],
    codes: Sequence[str] | None = None,
) -> Any:
    from tariffscope.regime.scenario import Scenario
    from tariffscope.regime.vectorized import resolve_lines

    if scenario is not None and not isinstance(scenario, Scenario):
        raise InputError("scenario must be a tariffscope.regime.scenario.Scenario")
    return resolve_lines(
        origins,
        entry_date,
        scenario=scenario,
        as_known=as_known,
        metal_share=metal_share,
        claims=tuple(claims),
        codes=codes,
    )


@dataclass(frozen=True, eq=False)
class LawOnLines:
    """The law of one rate table on the lines of a trade table.

    ``rates`` is ``[L, O]``: each origin's total duty on each line (fraction; NaN where
    unknown or where the schedule lacks the line); ``totals`` its per-line sums over all
    origins weighted by the trade (for the rest-of-world columns, :func:`group_lines`). On
    HTS8 lines a measure covers only in part, ``rates`` are the trade-weighted means of the
    HTS10 children's (:mod:`tariffscope.impact.partial_lines`); ``unrefined`` names the partial
    lines left at the eight-digit answer (no HTS10 line on the schedule).
    """

    table: Any
    values: FloatArray
    rates: FloatArray
    value: FloatArray | None = None
    unrefined: tuple[str, ...] = ()

    @cached_property
    def totals(self) -> LineTotals:
        return line_totals(self.rates, self.values, value=self.value)


# Recent answers, kept with the rate table and the trade values (the keys are their ids): the
# brief asks for the same law from the PE and the GE engines.
_LAW: OrderedDict[tuple[int, int, int], LawOnLines] = OrderedDict()


def law_on_lines(
    lines: TradeLines,
    entry_date: date | str,
    *,
    scenario: object | None = None,
    as_known: date | str | None = None,
    metal_share: float | None = None,
    claims: Sequence[str] = (),
) -> LawOnLines:
    """The law at ``entry_date`` (plus ``scenario``) on the lines and origins of ``lines``.

    Every origin with 2024 trade is resolved in one call, so the PE and GE engines share the
    law engine's cache of recent answers; on the schedule's own lines the rate table is used
    as it is, without a copy.
    """
    table = _resolve(lines.origins, entry_date, scenario, as_known, metal_share, claims)
    key = (id(table), id(lines.values), id(lines.codes))
    stored = _LAW.get(key)
    if stored is not None and stored.table is table and stored.values is lines.values:
        return stored
    if lines.codes is table.codes or np.array_equal(lines.codes, table.codes):
        rates: FloatArray = table.total
    else:
        rows = align_rows(lines.codes, table.codes)
        rates = table.total[np.maximum(rows, 0)]
        rates[rows < 0] = np.nan
    rates.setflags(write=False)

    def child_rates(children: Any) -> FloatArray:
        codes = [str(c) for c in children.codes]
        child = _resolve(
            children.origins, entry_date, scenario, as_known, metal_share, claims, codes
        )
        return np.asarray(child.total)

    rates, unrefined = refine_partial(lines, rates, (table,), child_rates)
    stored = LawOnLines(table, lines.values, rates, getattr(lines, "line_total", None), unrefined)
    _LAW[key] = stored
    while len(_LAW) > 16:
        _LAW.popitem(last=False)
    return stored


def refine_partial(
    lines: TradeLines,
    rates: FloatArray,
    tables: Sequence[Any],
    child_rates: Callable[[Any], FloatArray],
) -> tuple[FloatArray, tuple[str, ...]]:
    """``rates`` on ``lines`` (HTS8) with the cells any of ``tables`` flags partial replaced by
    the weighted mean of their HTS10 children's rates (``child_rates(children)``, ``[C, O]``;
    :mod:`tariffscope.impact.partial_lines`), and the partial lines left unrefined. HTS10 lines
    and lines no table flags are returned as they are."""
    from tariffscope.impact.partial_lines import partial_cells, partial_children, refine

    codes = np.asarray(lines.codes)
    if codes.size == 0 or len(str(codes[0])) != 8:
        return rates, ()
    cells = partial_cells(tables, lines.codes, lines.origins)
    if cells is None:
        return rates, ()
    children = partial_children(lines.codes, cells, lines.origins)
    if children.codes.size == 0:
        return rates, children.unrefined
    return refine(rates, cells, children, child_rates(children)), children.unrefined


def forget_answers() -> None:
    """Forget the recent answers of :func:`law_on_lines` and of the law engine (the masks of
    product scopes stay): for callers that ask for many dates once each."""
    from tariffscope.regime.vectorized import forget_answers as forget_tables

    _LAW.clear()
    forget_tables()


def line_rates_at(
    lines: TradeLines,
    entry_date: date | str,
    *,
    scenario: object | None = None,
    as_known: date | str | None = None,
    metal_share: float | None = None,
    claims: Sequence[str] = (),
) -> tuple[Any, FloatArray]:
    """The law's duty on each line for each origin of ``lines``: ``(RateTable, [L, O])``."""
    law = law_on_lines(
        lines,
        entry_date,
        scenario=scenario,
        as_known=as_known,
        metal_share=metal_share,
        claims=claims,
    )
    return law.table, law.rates


def _law(
    lines: TradeLines,
    entry_date: date | str,
    scenario: object | None,
    as_known: date | str | None,
    metal_share: float | None,
    *,
    applied: bool,
) -> LawOnLines:
    if not applied:
        return law_on_lines(
            lines, entry_date, scenario=scenario, as_known=as_known, metal_share=metal_share
        )
    from tariffscope.impact.applied import applied_line_rates

    return applied_line_rates(
        lines, entry_date, scenario=scenario, as_known=as_known, metal_share=metal_share
    )


@dataclass(frozen=True, eq=False)
class _Columns:
    baseline: SectorBaseline
    column: IntArray  # [O] column of each origin
    weights: LineWeights  # the columns' own imports by line, with the fallback


_COLUMNS: dict[int, _Columns] = {}


def _columns(baseline: SectorBaseline) -> _Columns:
    stored = _COLUMNS.get(id(baseline))
    if stored is not None and stored.baseline is baseline:
        return stored
    lines = baseline.lines
    if lines is None:
        raise InputError("this sector baseline has no line trade to weight the law's duties")
    position = {origin: k for k, origin in enumerate(lines.origins)}
    column = np.full(len(lines.origins), -1, dtype=np.int64)
    for k in range(len(baseline.partners)):
        column[[position[m] for m in baseline.members_of(k)]] = k
    everyone = lines.line_total
    values = sum_columns(lines.values, column, len(baseline.partners), total=everyone)
    weights = line_weights(
        lines.codes,
        sectors=baseline.sectors,
        partners=baseline.partners,
        values=values,
        sector=lines.sector,
        all_imports=everyone,
    )
    if len(_COLUMNS) > 16:
        _COLUMNS.clear()
    stored = _Columns(baseline, column, weights)
    _COLUMNS[id(baseline)] = stored
    return stored


def sector_tariffs_at(
    baseline: SectorBaseline,
    entry_date: date | str,
    *,
    scenario: object | None = None,
    as_known: date | str | None = None,
    metal_share: float | None = None,
    applied: bool = True,
) -> SectorTariffs:
    """Sector x partner tariffs from the tariff-law engine at ``entry_date``.

    Parameters
    ----------
    baseline
        Gives the sector and partner axes and the line trade that weights the lines.
    entry_date
        Entry date (``YYYY-MM-DD``).
    scenario
        A :class:`tariffscope.regime.scenario.Scenario`, or None for the law as it is.
    as_known
        Read the law as published on this date (see ``tariffscope rate --as-known``).
    metal_share
        Share of the customs value that is steel or aluminum, for Section 232 derivative
        duties charged on metal content; None (the engine's default) charges them on the whole
        value, an upper bound for sectors with many derivative lines (metal products,
        machinery).
    applied
        True (default): each line's rate is the applied rate, mixing the law with and without
        the preferences and quotas entries claim by their claim shares
        (:func:`tariffscope.impact.applied.applied_line_rates`); False: the statutory rate, as
        if no entry claimed anything.
    """
    columns = _columns(baseline)
    lines = baseline.lines
    assert lines is not None
    law = _law(lines, entry_date, scenario, as_known, metal_share, applied=applied)
    table = law.table
    by_column, _ = group_lines(
        law.rates, lines.values, columns.column, len(baseline.partners), totals=law.totals
    )
    rates, coverage = aggregate_line_tariffs(by_column, columns.weights)
    if np.isnan(rates).any():
        s, p = np.argwhere(np.isnan(rates))[0]
        raise InputError(
            f"no HTS8 line of sector {baseline.sectors[s]} has a duty for {baseline.partners[p]}"
        )
    return SectorTariffs(
        entry_date=table.entry_date,
        scenario=table.scenario,
        sectors=baseline.sectors,
        partners=baseline.partners,
        rates=rates,
        coverage=coverage,
        fallback=columns.weights.fallback,
        law=law,
    )


@dataclass(frozen=True)
class PricedOutcome:
    """An outcome priced against the reference law: point estimate and Monte Carlo."""

    label: str
    before: SectorTariffs
    after: SectorTariffs
    point: SectorOutcome
    monte_carlo: MonteCarloResult | None

    def summary(self) -> pd.DataFrame:
        """Headline numbers: point and, with Monte Carlo, median and 90% interval."""
        if self.monte_carlo is not None:
            frame = self.monte_carlo.summary()
        else:
            from tariffscope.impact.pe.sectors import HEADLINE_METRICS

            frame = pd.DataFrame(
                [
                    {
                        "metric": name,
                        "unit": unit,
                        "description": text,
                        "point": self.point.headline[name],
                    }
                    for name, (unit, text) in HEADLINE_METRICS.items()
                ]
            )
        frame.insert(0, "outcome", self.label)
        return frame


def price_outcome(
    *,
    partner: str,
    entry_date: date | str,
    scenario: object | None = None,
    label: str | None = None,
    reference_date: date | str = DEFAULT_REFERENCE_DATE,
    draws: int = 0,
    seed: int = 0,
    method: SmartMethod = "exact_ces",
    sigma_source: SigmaSource = "hauk",
    export_supply: float = np.inf,
    as_known: date | str | None = None,
    metal_share: float | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    applied: bool = True,
    map_draws: ChunkMapper | None = None,
) -> PricedOutcome:
    """Price the law at ``entry_date`` (plus ``scenario``) against the reference law.

    Parameters
    ----------
    partner
        The partner the headline numbers single out: the ISO3 code of any partner with 2024
        US imports, or ``EUN`` (the EU members as a bloc).

    Returns
    -------
    PricedOutcome
        Point estimate at the central elasticities; with ``draws > 0`` also the Monte Carlo
        median and 90% interval of every headline number.

    Raises
    ------
    UnknownCodeError, InputError
        For a code that names no country (or ``WLD``), or bad dates and scenarios.
    NotCoveredError
        For a valid country with no 2024 US imports ("not priced: no trade data for X").

    ``applied`` (default True) prices applied rates, False statutory ones (as for
    :func:`sector_tariffs_at`). ``map_draws`` solves the batches of Monte Carlo draws
    (:func:`~tariffscope.impact.uncertainty.monte_carlo_sectors`; e.g. on a Dask cluster); the
    law is resolved here once, whoever solves the draws.
    """
    baseline = load_sector_baseline(partner, sigma_source=sigma_source)
    focus = baseline.focus
    assert focus is not None
    before = sector_tariffs_at(
        baseline, reference_date, as_known=as_known, metal_share=metal_share, applied=applied
    )
    after = sector_tariffs_at(
        baseline,
        entry_date,
        scenario=scenario,
        as_known=as_known,
        metal_share=metal_share,
        applied=applied,
    )
    point = simulate_sectors(
        baseline,
        before.rates,
        after.rates,
        focus=focus,
        method=method,
        export_supply=export_supply,
    )
    monte_carlo = None
    if draws > 0:
        monte_carlo = monte_carlo_sectors(
            baseline,
            before.rates,
            after.rates,
            focus=focus,
            draws=draws,
            seed=seed,
            method=method,
            export_supply=export_supply,
            batch=DRAW_BATCH,
            on_progress=on_progress,
            map_chunks=map_draws,
        )
    name = getattr(scenario, "name", None)
    return PricedOutcome(
        label=label or (f"{after.entry_date}" + (f" + {name}" if name else "")),
        before=before,
        after=after,
        point=point,
        monte_carlo=monte_carlo,
    )
