"""The partner axis of the sector baseline: which partners are columns, and who is in a group.

Pricing every one of the ~225 partners of the 2024 trade data as its own column would make the
Monte Carlo 30 times larger than it needs to be: most partners are small and face the same law.
:func:`partner_axis` keeps as separate columns the partner of interest (a country, or the EU
members as one bloc, ``EUN``) and the largest suppliers, and puts everyone else in one column,
``ROW``; all partners together (``WLD``) are every column of that axis. A group column's
imports are the sum of its members' and its tariff in a sector is the trade-weighted mean of
its members' line tariffs (:mod:`tariffscope.impact.pe.law`), so the group is exact for
everything that does not depend on how its members differ from each other.
``docs/models.md`` ("Partner axis") measures what the grouping changes and why
:data:`EXPLICIT_SUPPLIERS` is what it is.

:func:`sector_lines` is the line-level trade the axis is built from: every partner's 2024 US
imports by HTS8 line (:func:`tariffscope.data.line_trade.load_line_trade`), with the GTAP sector
of each line (HS 2022 HS6 -> GTAP, chapters 1-97).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from tariffscope.data.line_trade import load_line_trade
from tariffscope.domain.blocs import is_bloc, members_of
from tariffscope.domain.countries import WLD, normalize_country
from tariffscope.errors import InputError, NotCoveredError
from tariffscope.impact.pe.tariffs import sum_by_group

__all__ = [
    "EXPLICIT_SUPPLIERS",
    "REST",
    "PartnerAxis",
    "ScheduleTrade",
    "SectorLines",
    "focus_code",
    "hs6_positions",
    "partner_axis",
    "schedule_rows",
    "schedule_trade",
    "sector_lines",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: Largest suppliers kept as their own columns besides the focus (docs/models.md).
EXPLICIT_SUPPLIERS = 20
#: Label of the column of every other partner.
REST = "ROW"


class _ByOrigin:
    """Trade with one column per partner: ``origins`` (the dataclasses declare it)."""

    origins: tuple[str, ...]

    def origin_index(self, code: str) -> int:
        """Column of an ISO3 origin; NotCoveredError when it has no 2024 imports."""
        try:
            return self.origins.index(code)
        except ValueError:
            raise NotCoveredError(f"not priced: no trade data for {code}", what=code) from None


@dataclass(frozen=True, eq=False)
class ScheduleTrade(_ByOrigin):
    """Every partner's 2024 US imports on the tariff schedule's HTS8 lines (the law's rows).

    The rows are those the law engine answers for (:func:`tariffscope.regime.resolve_lines`
    without ``codes``: every HTS8 line of chapters 1-97, in the schedule's order), so a rate
    table and these values line up without a gather.

    Attributes
    ----------
    codes
        ``[L]`` the schedule's HTS8 lines.
    origins
        ``[O]`` ISO3 code of every partner with imports (EU members individually).
    values
        ``[L, O]`` customs value, US dollars (0 on lines without 2024 imports); see
        :class:`tariffscope.data.line_trade.LineTrade` for how each partner's lines are made.
    line_total
        ``[L]`` imports of all partners by line.
    unmatched_usd
        2024 imports (chapters 1-97) on HTS8 lines the 2025 schedule no longer has.
    year
        Data year.
    """

    codes: npt.NDArray[np.str_]
    origins: tuple[str, ...]
    values: FloatArray
    line_total: FloatArray
    unmatched_usd: float
    year: int


@cache
def schedule_rows() -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The schedule row of each HTS8 line of the embedded line trade (-1 where the 2025
    schedule lacks it) and the lines of chapters 1-97 that have one (cached)."""
    from tariffscope.regime.schedule import load_schedule

    trade = load_line_trade("hts8")
    position = {str(code): k for k, code in enumerate(load_schedule().hts8)}
    rows = np.array([position.get(str(code), -1) for code in trade.codes], dtype=np.int64)
    taken = np.flatnonzero((rows >= 0) & trade.covered)
    return rows, taken


@cache
def schedule_trade() -> ScheduleTrade:
    """The embedded 2024 line trade on the schedule's HTS8 lines (cached; arrays read-only)."""
    from tariffscope.regime.schedule import load_schedule

    trade = load_line_trade("hts8")
    codes = load_schedule().hts8
    rows, taken = schedule_rows()
    values = np.zeros((len(codes), len(trade.partners)))
    values[rows[taken]] = trade.values[taken]
    total = values.sum(axis=1)
    missed = trade.covered & (rows < 0)
    for array in (values, total):
        array.setflags(write=False)
    return ScheduleTrade(
        codes=codes,
        origins=trade.partners,
        values=values,
        line_total=total,
        unmatched_usd=float(trade.values[missed].sum()),
        year=trade.year,
    )


@dataclass(frozen=True, eq=False)
class SectorLines(_ByOrigin):
    """The 2024 line trade of every partner (:class:`ScheduleTrade`) on the GTAP sectors.

    Attributes
    ----------
    codes, origins, values, line_total, year
        Those of the schedule trade: ``[L]`` HTS8 lines, ``[O]`` partners, ``[L, O]`` imports.
    sector
        ``[L]`` index of each line's sector in ``sectors`` (-1: none, e.g. HS 291800).
    sectors
        The GTAP goods sectors.
    imports
        ``[S, O]`` each partner's 2024 imports by sector (all its lines of chapters 1-97,
        also the few the 2025 schedule lacks).
    """

    codes: npt.NDArray[np.str_]
    sector: IntArray
    sectors: tuple[str, ...]
    origins: tuple[str, ...]
    values: FloatArray
    line_total: FloatArray
    imports: FloatArray
    year: int


def hs6_positions(codes: npt.NDArray[np.str_], table: dict[str, int]) -> IntArray:
    """Position of each code's HS6 subheading in ``table`` (HS6 -> index), -1 when absent."""
    return np.array([table.get(str(code)[:6], -1) for code in codes], dtype=np.int64)


@cache
def sector_lines() -> SectorLines:
    """The embedded 2024 line trade of every partner, on the GTAP goods sectors (cached)."""
    from tariffscope.data.loaders import GTAP_GOODS
    from tariffscope.impact.pe.baseline import sector_hs6_map

    on_schedule = schedule_trade()
    trade = load_line_trade("hts8")
    hs6 = sector_hs6_map()
    position = {code: k for k, code in enumerate(GTAP_GOODS)}
    by_hs6 = dict(zip(hs6["hs6"], (position[g] for g in hs6["gtap_code"]), strict=True))
    sector = hs6_positions(trade.codes, by_hs6)
    keep = (sector >= 0) & trade.covered
    imports = sum_by_group(trade.values[keep], sector[keep], len(GTAP_GOODS))
    imports.setflags(write=False)
    return SectorLines(
        codes=on_schedule.codes,
        sector=hs6_positions(on_schedule.codes, by_hs6),
        sectors=GTAP_GOODS,
        origins=on_schedule.origins,
        values=on_schedule.values,
        line_total=on_schedule.line_total,
        imports=imports,
        year=on_schedule.year,
    )


@dataclass(frozen=True)
class PartnerAxis:
    """Columns of a sector baseline and the partners each stands for.

    Attributes
    ----------
    labels
        Column labels: ISO3 codes, ``EUN`` for the EU members as a bloc, ``ROW`` for the rest.
    members
        The ISO3 partners of each column.
    focus
        The partner of interest (a label, or ``WLD``: all columns together), or None.
    """

    labels: tuple[str, ...]
    members: tuple[tuple[str, ...], ...]
    focus: str | None


def focus_code(code: str) -> str:
    """ISO3 of a partner to price, ``EUN`` (the EU members), a bloc's identifier (its members,
    ``data/embedded/blocs.yaml``) or ``WLD`` (all partners together); InputError for ``ROW``
    (the columns' remainder is no partner)."""
    key = str(code).strip().upper()
    if key == REST:
        raise InputError(
            f"partner {code!r} is not a single partner",
            hint="name a country (ISO3), EUN, a bloc (MERCOSUR, ASEAN, ...) or WLD (all partners)",
        )
    if is_bloc(key):
        return key
    return normalize_country(code)


def partner_axis(
    focus: str | None, *, lines: SectorLines, explicit: int = EXPLICIT_SUPPLIERS
) -> PartnerAxis:
    """The focus, the ``explicit`` largest other suppliers, and everyone else as ``ROW``.

    Parameters
    ----------
    focus
        ISO3 code, ``EUN`` (the EU members as one column), ``WLD`` (all partners: the axis of
        no focus, every column of which makes up the focus, so that partners still substitute
        for each other), or None (no partner of interest).
    lines
        The line trade (:func:`sector_lines`).
    explicit
        How many of the largest other suppliers (2024 imports in the goods sectors) keep their
        own column.

    Raises
    ------
    UnknownCodeError, InputError
        For a code that names no country, or a group other than EUN.
    NotCoveredError
        For a valid country with no 2024 US imports.
    """
    if explicit < 0:
        raise InputError(f"explicit must be >= 0 (got {explicit})")
    code = None if focus is None else focus_code(focus)
    if code is None or code == WLD:  # all partners: every column is the focus
        focus_members: tuple[str, ...] = ()
    elif (group := members_of(code)) is not None:  # the EU or a bloc: its members summed
        focus_members = tuple(o for o in lines.origins if o in group)
        if not focus_members:
            raise NotCoveredError(
                f"not priced: no member of {code} ({', '.join(sorted(group))}) has 2024 US imports",
                what=code,
            )
    else:
        lines.origin_index(code)
        focus_members = (code,)
    taken = set(focus_members)
    totals = lines.imports.sum(axis=0)
    ranked = [lines.origins[k] for k in np.argsort(-totals, kind="stable")]
    largest = [o for o in ranked if o not in taken][:explicit]
    rest = tuple(o for o in lines.origins if o not in taken and o not in largest)
    labels: list[str] = []
    members: list[tuple[str, ...]] = []
    if focus_members:
        labels.append(code)  # type: ignore[arg-type]
        members.append(focus_members)
    for origin in largest:
        labels.append(origin)
        members.append((origin,))
    if rest:
        labels.append(REST)
        members.append(rest)
    return PartnerAxis(tuple(labels), tuple(members), code)
