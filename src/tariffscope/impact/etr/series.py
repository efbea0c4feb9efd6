"""The daily effective tariff rate of the US by partner or sector, before and after substitution.

:func:`effective_rates` splits the requested days into the periods of one law
(:mod:`tariffscope.impact.etr.segments`), asks the line-rate function
(:data:`tariffscope.impact.etr.rates.DEFAULT_LINE_RATES`) once per distinct law, sums duties by
sector and partner (:mod:`tariffscope.impact.etr.sums`) and fills the days in between. Only the
``[S, O]`` sums of each law are kept, so a year of days for every partner needs the memory of
one law's line table at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, get_args

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.domain.countries import EU_MEMBERS, EUN, WLD, normalize_country
from tariffscope.errors import InputError
from tariffscope.impact.etr.rates import LineRates
from tariffscope.impact.etr.segments import LawSegments, law_segments
from tariffscope.impact.etr.sums import (
    LawSums,
    SectorAxis,
    imports_after,
    law_sums,
    sector_axis,
    sector_tariffs,
)
from tariffscope.impact.pe.baseline import SigmaSource
from tariffscope.impact.pe.law import DEFAULT_REFERENCE_DATE
from tariffscope.regime.catalog import Catalog
from tariffscope.regime.resolve import default_catalog, parse_date

__all__ = [
    "ALL",
    "ETR_BY",
    "ETR_COLUMNS",
    "EtrBy",
    "LawMapper",
    "effective_rates",
    "law_sums_on",
    "serial_laws",
]

FloatArray = npt.NDArray[np.float64]

#: Label of the row of all partners together.
ALL = "ALL"
#: How rows are broken down.
EtrBy = Literal["partner", "sector"]
ETR_BY: tuple[str, ...] = get_args(EtrBy)
#: Columns of the result, in order (``sector`` and ``sector_name`` only ``by="sector"``).
ETR_COLUMNS: tuple[str, ...] = (
    "date",
    "partner",
    "sector",
    "sector_name",
    "imports_usd",
    "duties_usd",
    "etr_pct",
    "imports_after_substitution_usd",
    "duties_after_substitution_usd",
    "etr_after_substitution_pct",
    "law_from",
)


@dataclass(frozen=True)
class _Group:
    label: str
    columns: npt.NDArray[np.int64]


@dataclass(frozen=True)
class _Law:
    """One law's sums before and after substitution, ``[S + 1, O]``."""

    imports: FloatArray
    duties: FloatArray
    imports_after: FloatArray
    duties_after: FloatArray


def _days(start: date | str, end: date | str | None, catalog: Catalog) -> tuple[date, date]:
    first = parse_date(start, "start date")
    last = first if end is None else parse_date(end, "end date")
    if first > last:
        raise InputError(f"the start date {first} lies after the end date {last}")
    low, high = catalog.coverage_start, catalog.coverage_end
    for day in (first, last):
        if not low <= day <= high:
            raise InputError(
                f"date {day} is outside the catalog's coverage ({low} to {high})",
                hint="the law is encoded for entry dates in that range",
            )
    return first, last


def _groups(
    partners: Sequence[str] | None, by: str, origins: tuple[str, ...], warnings: list[str]
) -> list[_Group]:
    position = {o: k for k, o in enumerate(origins)}
    everyone = _Group(ALL, np.arange(len(origins), dtype=np.int64))
    if partners is None:
        if by == "sector":
            return [everyone]
        return [everyone] + [_Group(o, np.array([position[o]])) for o in sorted(origins)]
    groups: list[_Group] = []
    for given in partners:
        text = str(given).strip().upper()
        if text == ALL:
            groups.append(everyone)
            continue
        if text in (WLD, "ROW"):
            raise InputError(
                f"partner {given!r} is not a single partner",
                hint="name a country (ISO3), EUN for the EU, or ALL for every partner",
            )
        code = normalize_country(text)
        members = [o for o in origins if o in EU_MEMBERS] if code == EUN else [code]
        columns = [position[m] for m in members if m in position]
        if not columns:
            warnings.append(f"no trade data for {code}: the 2024 Census files list no imports")
            continue
        groups.append(_Group(code, np.array(columns, dtype=np.int64)))
    return groups


def _law_of(
    axis: SectorAxis,
    sums: LawSums,
    reference: LawSums,
    sigma_source: SigmaSource,
) -> _Law:
    imports = sums.rated_imports(axis)
    tariff = sector_tariffs(axis, sums)
    after = imports_after(
        axis, sector_tariffs(axis, reference), tariff, imports, sigma_source=sigma_source
    )
    return _Law(imports, sums.duties, after, tariff * after)


def _warnings(axis: SectorAxis, rates: LineRates, unrated_usd: float) -> list[str]:
    from tariffscope.regime.schedule import load_schedule

    values = axis.trade.values
    total = float(values.sum())
    specific = load_schedule().mfn_is_specific_hts8
    share = float(values[specific].sum()) / total if total else 0.0
    counted = (
        "counted at its ad valorem equivalent from 2024 duties"
        if rates.specific_as_ave
        else "only its ad valorem part counts"
    )
    out = [
        f"{100 * share:.1f}% of the 2024 imports are on lines whose MFN rate is specific or "
        f"compound: {counted}",
        "Section 232 duties on derivatives charged on metal content are counted on the whole "
        "customs value (the metal share is unknown): an upper bound for those lines",
    ]
    if not rates.uses_claims:
        out.append(
            f"{rates.name} rates: no preference is claimed (USMCA, the other free-trade "
            "agreements, AGOA, CBERA and the Special column's other programmes), so partners "
            "that use them lie above what was collected"
        )
    if axis.trade.unmatched_usd > 0:
        out.append(
            f"${axis.trade.unmatched_usd / 1e9:.2f}bn of 2024 imports on HTS8 lines the 2025 "
            "schedule lacks are left out"
        )
    if unrated_usd > 0:
        out.append(f"${unrated_usd / 1e9:.2f}bn of imports on lines without a rate are left out")
    return out


def _sources(axis: SectorAxis, rates: LineRates, catalog: Catalog, sigma: SigmaSource) -> list[str]:
    from tariffscope.impact.pe.baseline import load_sector_baseline
    from tariffscope.regime.schedule import load_schedule

    baseline = load_sector_baseline(None, explicit=0, sigma_source=sigma)
    return [
        f"weights: US Census Bureau, imports for consumption {axis.trade.year} (customs value) "
        "by HTS10 line for 50 partners and the EU, by HS2 chapter for the others "
        "(embedded table us_imports_2024.npz, builder census_trade), on the HTS8 lines of "
        "chapters 1-97",
        f"rates: {rates.name}, tariffscope measure catalog {catalog.version} on the "
        f"{load_schedule().edition}",
        "after substitution: SMART (exact CES, world prices fixed) on the 45 GTAP goods "
        f"sectors against the law of {DEFAULT_REFERENCE_DATE}; elasticities: "
        f"{baseline.sources['import_demand']}; {baseline.sources['substitution']}",
    ]


def effective_rates(
    start: date | str,
    end: date | str | None = None,
    partners: Sequence[str] | None = None,
    by: EtrBy = "partner",
    *,
    line_rates: LineRates | None = None,
    reference_date: date | str = DEFAULT_REFERENCE_DATE,
    sigma_source: SigmaSource = "hauk",
    catalog: Catalog | None = None,
    map_laws: LawMapper | None = None,
) -> pd.DataFrame:
    """The trade-weighted US tariff rate on every day from ``start`` to ``end``.

    Parameters
    ----------
    start, end
        First and last entry date (inclusive; ``end`` defaults to ``start``), within the
        catalog's coverage.
    partners
        ISO3 codes, ``EUN`` (the EU members together) or ``ALL`` (every partner together);
        None: ``ALL`` and every partner with 2024 imports (``by="partner"``) or ``ALL``
        (``by="sector"``). A valid partner without 2024 imports gets no rows and a warning.
    by
        ``"partner"``: one row per day and partner; ``"sector"``: one per day, partner and
        GTAP sector.
    line_rates
        The rate of every line (default :data:`~tariffscope.impact.etr.rates.DEFAULT_LINE_RATES`,
        the statutory rates).
    reference_date
        The law the 2024 trade was bought under, against which substitution is priced.
    sigma_source
        Elasticities of the substitution (see :func:`~tariffscope.impact.pe.load_sector_baseline`).
    map_laws
        How the sums of the distinct laws are computed (:data:`LawMapper`); default
        :func:`serial_laws`, here and one at a time.

    Returns
    -------
    pandas.DataFrame
        :data:`ETR_COLUMNS`: ``imports_usd`` and ``duties_usd`` with 2024 imports as weights,
        ``etr_pct = 100 * duties / imports``; the same after substitution; ``law_from`` the
        first day of the law of the row's partners (the latest day on which the law of any of
        them changed). ``attrs["warnings"]`` and ``attrs["sources"]`` are lists of strings.

    Raises
    ------
    InputError
        For malformed dates, a start after the end, a date outside the catalog's coverage, an
        unknown partner or ``by``.
    """
    from tariffscope.impact.etr.rates import DEFAULT_LINE_RATES

    if by not in ETR_BY:
        raise InputError(f"unknown breakdown {by!r}", hint=f"use one of {', '.join(ETR_BY)}")
    rates = line_rates or DEFAULT_LINE_RATES
    law_catalog = catalog or default_catalog()
    first, last = _days(start, end, law_catalog)
    reference_day = parse_date(reference_date, "reference date")
    axis = sector_axis()
    origins = axis.trade.origins
    warnings: list[str] = []
    groups = _groups(partners, by, origins, warnings)
    breaks = rates.breaks(law_catalog.coverage_start, last) if rates.breaks else ()
    horizon = max(last, reference_day)
    segments = law_segments(
        law_catalog, origins, horizon, with_claims=rates.uses_claims, extra_breaks=breaks
    )
    laws, order, unrated = _laws(
        axis, segments, rates, first, last, reference_day, sigma_source, map_laws or serial_laws
    )
    warnings = _warnings(axis, rates, unrated) + warnings
    frame = _rows(axis, segments, laws, order, groups, first, last, by)
    frame.attrs["warnings"] = warnings
    frame.attrs["sources"] = _sources(axis, rates, law_catalog, sigma_source)
    return frame


LawMapper = Callable[[LineRates, Sequence[date]], Sequence[LawSums]]
"""``mapper(rates, days) -> sums``: the :class:`LawSums` of the law of each day, in order (the
days are one per distinct law). :func:`serial_laws` computes them here, one at a time;
:func:`tariffscope.distributed.law_mapper` maps them over a Dask cluster."""


def law_sums_on(rates: LineRates, day: date) -> LawSums:
    """The sums of the law of ``day`` on the embedded 2024 trade (a task a worker can run:
    :func:`sector_axis` is cached per process)."""
    axis = sector_axis()
    return law_sums(axis, rates(axis.trade, day))


def serial_laws(rates: LineRates, days: Sequence[date]) -> list[LawSums]:
    """The sums of each day's law, one after the other (releasing each law's line table)."""
    out = []
    for day in days:
        out.append(law_sums_on(rates, day))
        if rates.release is not None:
            rates.release()
    return out


def _laws(
    axis: SectorAxis,
    segments: LawSegments,
    rates: LineRates,
    first: date,
    last: date,
    reference_day: date,
    sigma_source: SigmaSource,
    mapper: LawMapper,
) -> tuple[dict[int, _Law], list[int], float]:
    """The sums of each period from ``first`` to ``last`` (by period index) and the periods in
    order; a law that recurs is computed once (``mapper`` gets one day of each)."""
    reference = segments.index(reference_day)
    periods = list(range(segments.index(first), segments.index(last) + 1))
    first_period: dict[bytes, int] = {}
    for k in [reference, *periods]:
        first_period.setdefault(segments.state[k].tobytes(), k)
    keys = list(first_period)
    found = mapper(rates, [segments.starts[first_period[key]] for key in keys])
    by_state = dict(zip(keys, found, strict=True))

    def sums_of(k: int) -> LawSums:
        return by_state[segments.state[k].tobytes()]

    laws = {k: _law_of(axis, sums_of(k), sums_of(reference), sigma_source) for k in periods}
    unrated = float(axis.imports.sum()) - min(float(law.imports.sum()) for law in laws.values())
    return laws, periods, unrated


def _rows(
    axis: SectorAxis,
    segments: LawSegments,
    laws: dict[int, _Law],
    periods: list[int],
    groups: list[_Group],
    first: date,
    last: date,
    by: str,
) -> pd.DataFrame:
    columns = [c for c in ETR_COLUMNS if by == "sector" or not c.startswith("sector")]
    if not groups:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    n_days = (last - first).days + 1
    days = [first + timedelta(days=d) for d in range(n_days)]
    position = {k: p for p, k in enumerate(periods)}
    period_of_day = np.array([position[segments.index(d)] for d in days], dtype=np.int64)
    origins = axis.trade.origins
    membership = np.zeros((len(origins), len(groups)))
    for g, group in enumerate(groups):
        membership[group.columns, g] = 1.0
    since = np.array(
        [[d.toordinal() for d in segments.since[k]] for k in periods], dtype=np.int64
    ).reshape(len(periods), len(origins))
    law_from = np.stack([since[:, group.columns].max(axis=1) for group in groups], axis=1).reshape(
        len(periods), len(groups)
    )
    fields = ("imports", "duties", "imports_after", "duties_after")
    if by == "partner":
        # [K, G]: summed over sectors, then over each group's partners
        stacks = {
            f: np.stack([getattr(laws[k], f).sum(axis=0) @ membership for k in periods])
            for f in fields
        }
        n_sectors = 1
    else:
        # [K, S + 1, G] -> [K, G, S + 1] so that rows run date, partner, sector
        stacks = {
            f: np.stack([(getattr(laws[k], f) @ membership).T for k in periods]) for f in fields
        }
        n_sectors = len(axis.sectors)
    per_day = {f: a[period_of_day].reshape(-1) for f, a in stacks.items()}
    n_groups = len(groups)
    repeat = n_groups * n_sectors
    labels = np.array([g.label for g in groups], dtype=object)
    data: dict[str, object] = {
        "date": np.repeat(np.array(days, dtype=object), repeat),
        "partner": np.tile(np.repeat(labels, n_sectors), n_days),
    }
    if by == "sector":
        data["sector"] = np.tile(np.array(axis.sectors, dtype=object), n_days * n_groups)
        data["sector_name"] = np.tile(np.array(axis.names, dtype=object), n_days * n_groups)
    data["imports_usd"] = per_day["imports"]
    data["duties_usd"] = per_day["duties"]
    data["etr_pct"] = _pct(per_day["duties"], per_day["imports"])
    data["imports_after_substitution_usd"] = per_day["imports_after"]
    data["duties_after_substitution_usd"] = per_day["duties_after"]
    data["etr_after_substitution_pct"] = _pct(per_day["duties_after"], per_day["imports_after"])
    ordinals = np.repeat(law_from[period_of_day], n_sectors, axis=1).reshape(-1)
    unique, inverse = np.unique(ordinals, return_inverse=True)
    data["law_from"] = np.array([date.fromordinal(int(o)) for o in unique], dtype=object)[inverse]
    return pd.DataFrame(data)


def _pct(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    out = np.full(numerator.shape, np.nan)
    np.divide(100.0 * numerator, denominator, out=out, where=denominator > 0)
    return out
