r"""The applied rate: the law as entries claim it, line by line and partner by partner.

The statutory rate of a line is what an entry pays that claims nothing. Many entries claim a
preference (a free-trade agreement, an origin-independent programme such as civil aircraft or
pharmaceuticals, a Section 232 tariff-rate quota), and with it the measures conditioned on the
claim (USMCA goods are exempt from the 2025 fentanyl duties). The applied rate of line
:math:`l` and partner :math:`o` on a date is the claim-share-weighted mix

.. math::

    r_{lo} = s^U_{lo}\, t^U_{lo} + s^P_{lo}\, t^P_{lo} + (1 - s^U_{lo} - s^P_{lo})\, t^0_{lo},

where :math:`t^0` is the law with no claim, :math:`t^U` with the USMCA claim and :math:`t^P`
with every other claim pooled (:func:`tariffscope.impact.claim_shares.pooled_claims`; the law
engine applies a claim only where the partner is eligible, so the pool gives each line the
lowest rate the partner can claim). The USMCA shares :math:`s^U` are observed, by HTS8 line,
for the period of the entry date (:mod:`tariffscope.data.usmca_shares`); the pooled shares
:math:`s^P` and the ad valorem equivalents of specific General rates are calibrated on the 2024
calculated duties (:mod:`tariffscope.impact.claim_shares`) and used on every date, capped so
that :math:`s^U + s^P \le 1`.

:func:`applied_line_rates` is the one call: it takes the same trade lines as
:func:`tariffscope.impact.pe.law.law_on_lines` and returns an :class:`AppliedLaw`, a
:class:`~tariffscope.impact.pe.law.LawOnLines` whose ``rates`` are the applied rates and whose
``statutory`` are the rates without claims (with the same AVEs).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from tariffscope.errors import InputError
from tariffscope.impact.partial_lines import partial_cells, partial_children, refine
from tariffscope.impact.pe.law import LawOnLines, TradeLines, align_rows

__all__ = ["AppliedLaw", "applied_line_rates", "forget_answers"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class _Shares:
    """Claim shares on the lines and origins of a trade table for one period.

    ``pooled`` is the calibration's ``[L, O]`` array (shared, not copied when the table has the
    calibration's lines and origins); ``usmca`` holds the USMCA shares of the origin columns
    that have them, and ``capped`` those columns' pooled shares capped at ``1 - usmca``.
    """

    pooled: FloatArray
    usmca: dict[int, FloatArray]
    capped: dict[int, FloatArray]
    with_usmca: tuple[str, ...]
    with_pool: tuple[str, ...]

    def dense(self, which: str) -> FloatArray:
        """``[L, O]`` USMCA (``"usmca"``) or capped pooled (``"pooled"``) shares."""
        if which == "usmca":
            out = np.zeros_like(self.pooled)
            for k, share in self.usmca.items():
                out[:, k] = share
        else:
            out = np.array(self.pooled, copy=True)
            for k, share in self.capped.items():
                out[:, k] = share
        out.setflags(write=False)
        return out


@dataclass(frozen=True, eq=False)
class AppliedLaw(LawOnLines):
    """Applied and statutory rates of the lines and origins of a trade table on one date.

    Attributes
    ----------
    table
        The rate table with no claim (entry date, scenario, MFN, ...).
    rates
        ``[L, O]`` applied rates (fractions; NaN where the schedule lacks the line).
    period
        The USMCA share period (``2024``, ``2025-07``, ...).
    claims
        The pooled claims.
    claimed
        The rate tables with the USMCA claim and with the pooled claims (None when no origin
        of the lines has a share of them).

    :attr:`statutory` (the rates with no claim, specific General rates at their AVEs),
    :attr:`usmca_share`, :attr:`pooled_share` (the shares used) and :attr:`base` (the base part
    of the rates) are computed on first use.
    """

    period: str = ""
    claims: tuple[str, ...] = ()
    claimed: tuple[Any, Any] = (None, None)
    lines: Any = None
    shares: Any = None
    refinement: Any = None

    def _partial(self, field: str) -> tuple[Any, Any, FloatArray] | None:
        if self.refinement is None:
            return None
        cells, children, law = self.refinement
        return cells, children, getattr(law, field)

    @cached_property
    def statutory(self) -> FloatArray:
        """``[L, O]`` rates with no claim (specific General rates at their AVEs)."""
        return _mixed(
            self.table,
            (None, None),
            self.shares,
            self.lines,
            "total",
            self._partial("statutory"),
        )

    @cached_property
    def usmca_share(self) -> FloatArray:
        """``[L, O]`` the share of each line's value claimed under USMCA."""
        return self.shares.dense("usmca")  # type: ignore[no-any-return]

    @cached_property
    def pooled_share(self) -> FloatArray:
        """``[L, O]`` the share of each line's value that claims the pooled claims."""
        return self.shares.dense("pooled")  # type: ignore[no-any-return]

    @cached_property
    def base(self) -> FloatArray:
        """``[L, O]`` the base part of ``rates`` (General, Column 2 or preferential rate) mixed
        by the same shares."""
        return _mixed(
            self.table, self.claimed, self.shares, self.lines, "base", self._partial("base")
        )


# Claim shares of recent line tables and periods (kept with the code array, whose id is the key).
_SHARES: dict[tuple[Any, ...], tuple[object, _Shares]] = {}
# Recent answers, kept with the rate tables and trade arrays they were computed from (their ids
# are the key): the brief asks for the same law from the PE and the GE engines.
_APPLIED: OrderedDict[tuple[Any, ...], tuple[tuple[object, ...], AppliedLaw]] = OrderedDict()


def _on_schedule(lines: TradeLines) -> bool:
    codes = np.asarray(lines.codes)
    return bool(codes.size == 0 or len(str(codes[0])) == 8)


def _eight(lines: TradeLines) -> npt.NDArray[np.str_]:
    return lines.codes if _on_schedule(lines) else np.asarray(lines.codes).astype("U8")


def _shares(lines: TradeLines, period: str) -> _Shares:
    """The USMCA and pooled shares on the lines and origins of ``lines`` (memoised)."""
    from tariffscope.data.usmca_shares import load_usmca_shares
    from tariffscope.impact.claim_shares import claim_calibration

    origins = tuple(lines.origins)
    key = (id(lines.codes), origins, period)
    stored = _SHARES.get(key)
    if stored is not None and stored[0] is lines.codes:
        return stored[1]
    calibration = claim_calibration()
    usmca = load_usmca_shares()
    eight = _eight(lines)
    if origins == calibration.origins and (
        eight is calibration.codes or np.array_equal(eight, calibration.codes)
    ):
        pooled = calibration.share
    else:
        rows = align_rows(eight, calibration.codes)
        position = {o: k for k, o in enumerate(calibration.origins)}
        known = np.array([position.get(o, -1) for o in origins], dtype=np.int64)
        pooled = calibration.share[np.maximum(rows, 0)][:, np.maximum(known, 0)]
        pooled[rows < 0] = 0.0
        pooled[:, known < 0] = 0.0
        pooled.setflags(write=False)
    observed = usmca.on_lines(eight, period)
    usmca_columns: dict[int, FloatArray] = {}
    capped: dict[int, FloatArray] = {}
    for k, origin in enumerate(origins):
        if origin in usmca.partners:
            share = observed[:, usmca.partners.index(origin)]
            if share.any():
                usmca_columns[k] = share
                capped[k] = np.minimum(pooled[:, k], 1.0 - share)
    with_usmca = tuple(origins[k] for k in usmca_columns)
    # every origin when any has a share: the law engine's cost hardly depends on the number of
    # origins (they share measures), and whole arrays are cheaper than column gathers
    with_pool = origins if pooled.any() else ()
    shares = _Shares(pooled, usmca_columns, capped, with_usmca, with_pool)
    if len(_SHARES) > 8:
        _SHARES.clear()
    _SHARES[key] = (lines.codes, shares)
    return shares


def _columns_on(table: Any, field: str, lines: TradeLines) -> tuple[FloatArray, IntArray]:
    """A table's distinct ``field`` columns (``total`` or ``base``) on the rows of ``lines``
    (NaN where the table lacks a line), with each of the table's origins' column."""
    unique, column_of = getattr(table, f"{field}_columns")
    if not _on_schedule(lines) or lines.codes is table.codes:
        return unique, column_of
    if np.array_equal(lines.codes, table.codes):
        return unique, column_of
    rows = align_rows(lines.codes, table.codes)
    out = unique[np.maximum(rows, 0)]
    out[rows < 0] = np.nan
    return out, column_of


def _mix(
    plain: Any, claimed: tuple[Any, Any], shares: _Shares, lines: TradeLines, field: str
) -> FloatArray:
    """``field`` of ``plain`` moved towards the claimed tables' by the claim shares, origin by
    origin from the tables' distinct columns (no ``[lines, origins]`` array but the result)."""
    origins = tuple(lines.origins)
    base, base_of = _columns_on(plain, field, lines)
    out = np.empty((base.shape[0], len(origins)), order="F")
    usmca_table, pooled_table = claimed
    if pooled_table is not None:  # every origin, in the lines' order (``_shares``)
        target, target_of = _columns_on(pooled_table, field, lines)
    if usmca_table is not None:
        usmca, usmca_of = _columns_on(usmca_table, field, lines)
        usmca_column = {origin: usmca_of[j] for j, origin in enumerate(usmca_table.origins)}
    for k, origin in enumerate(origins):
        column = base[:, base_of[k]]
        if pooled_table is None:
            out[:, k] = column
        else:
            share = shares.capped.get(k, shares.pooled[:, k])
            np.subtract(target[:, target_of[k]], column, out=out[:, k])
            out[:, k] *= share
            out[:, k] += column
        if usmca_table is not None and k in shares.usmca:
            out[:, k] += shares.usmca[k] * (usmca[:, usmca_column[origin]] - column)
    return out


# Mixed rates of recent rate tables on recent line codes (the ids of the tables and of the code
# array are the key, the objects are kept with the answer): PE and GE ask with different trade
# tables on the same lines.
_MIXED: OrderedDict[tuple[Any, ...], tuple[tuple[object, ...], FloatArray]] = OrderedDict()


def forget_answers() -> None:
    """Forget the recent applied answers and the law's (:func:`tariffscope.impact.pe.law.
    forget_answers`); the calibration and the product masks stay.

    A caller that resolves many dates once each (the effective-rate series) calls it after each
    date: every answer for every partner holds tens of megabytes.
    """
    from tariffscope.impact.pe.law import forget_answers as forget_law

    _APPLIED.clear()
    _MIXED.clear()
    _SHARES.clear()
    forget_law()


def _mixed(
    plain: Any,
    claimed: tuple[Any, Any],
    shares: _Shares,
    lines: TradeLines,
    field: str,
    partial: tuple[Any, Any, FloatArray] | None = None,
) -> FloatArray:
    """:func:`_mix` of ``field`` (``total`` or ``base``), with the partial cells refined by
    ``partial`` (cells, children, the children's rates; :func:`tariffscope.impact.
    partial_lines.refine`), memoised. Refined in the new array itself: a copy of an
    ``[L, O]`` array costs tens of milliseconds in page faults."""
    kept = (plain, *claimed, lines.codes, shares, *(partial or ()))
    key = (*(id(item) for item in kept), tuple(lines.origins), field)
    stored = _MIXED.get(key)
    if stored is not None and all(a is b for a, b in zip(stored[0], kept, strict=True)):
        _MIXED.move_to_end(key)
        return stored[1]
    out = _mix(plain, claimed, shares, lines, field)
    if partial is not None:
        out = refine(out, *partial, in_place=True)
    out.setflags(write=False)
    _MIXED[key] = (kept, out)
    while len(_MIXED) > 16:
        _MIXED.popitem(last=False)
    return out


def applied_line_rates(
    lines: TradeLines,
    entry_date: date | str,
    *,
    scenario: object | None = None,
    as_known: date | str | None = None,
    metal_share: float | None = None,
    share_period: str | None = None,
) -> AppliedLaw:
    """The applied rate of every line and origin of ``lines`` on ``entry_date`` (module
    docstring).

    Parameters
    ----------
    lines
        Line codes (the schedule's HTS8 lines, any subset and order, or HTS10 lines of the
        schedule), the origins and their trade (``ScheduleTrade``, ``SectorLines``, ...).
    entry_date, scenario, as_known, metal_share
        As for :func:`tariffscope.impact.pe.law.law_on_lines`.
    share_period
        The USMCA share period to use (``2024``, ``2025``, ``2025-01`` ... ``2026-02``);
        default the entry date's (docs/assumptions.md P2).

    Raises
    ------
    InputError
        A scenario that is not a Scenario, an unknown share period; the law engine's errors.
    """
    from tariffscope.data.usmca_shares import load_usmca_shares
    from tariffscope.impact.claim_shares import DATA_SHARE_CLAIM, claim_calibration
    from tariffscope.regime.scenario import Scenario
    from tariffscope.regime.vectorized import resolve_lines

    if scenario is not None and not isinstance(scenario, Scenario):
        raise InputError("scenario must be a tariffscope.regime.scenario.Scenario")
    calibration = claim_calibration()
    asked: dict[str, Any] = {
        "scenario": scenario,
        "as_known": as_known,
        "metal_share": metal_share,
        "base_ave": calibration.ave,
        "codes": None if _on_schedule(lines) else [str(c) for c in lines.codes],
    }
    origins = tuple(lines.origins)
    plain = resolve_lines(origins, entry_date, **asked)
    period = share_period or load_usmca_shares().period_for(plain.entry_date)
    shares = _shares(lines, period)
    claimed_usmca = (
        resolve_lines(shares.with_usmca, entry_date, claims=(DATA_SHARE_CLAIM,), **asked)
        if shares.with_usmca
        else None
    )
    claimed_pool = (
        resolve_lines(shares.with_pool, entry_date, claims=calibration.claims, **asked)
        if shares.with_pool
        else None
    )
    tables = (plain, claimed_usmca, claimed_pool, lines.values, lines.codes)
    key = (*(id(t) for t in tables), period)
    stored = _APPLIED.get(key)
    if stored is not None and all(a is b for a, b in zip(stored[0], tables, strict=True)):
        _APPLIED.move_to_end(key)
        return stored[1]

    claimed = (claimed_usmca, claimed_pool)
    refinement, unrefined = _refinement(
        lines,
        (plain, *claimed),
        entry_date,
        scenario=scenario,
        as_known=as_known,
        metal_share=metal_share,
        share_period=period,
    )
    partial = None if refinement is None else (*refinement[:2], refinement[2].rates)
    rates = _mixed(plain, claimed, shares, lines, "total", partial)
    law = AppliedLaw(
        table=plain,
        values=lines.values,
        rates=rates,
        value=getattr(lines, "line_total", None),
        period=period,
        claims=calibration.claims,
        claimed=claimed,
        lines=lines,
        shares=shares,
        refinement=refinement,
        unrefined=unrefined,
    )
    _APPLIED[key] = (tables, law)
    while len(_APPLIED) > 16:
        _APPLIED.popitem(last=False)
    return law


def _refinement(
    lines: TradeLines, tables: tuple[Any, ...], entry_date: date | str, **asked: Any
) -> tuple[tuple[Any, Any, AppliedLaw] | None, tuple[str, ...]]:
    """On HTS8 lines some table flags partial: the cells, their HTS10 children and the applied
    law on the children (:mod:`tariffscope.impact.partial_lines`), and the partial lines with
    no children; None and () elsewhere."""
    if not _on_schedule(lines):
        return None, ()
    cells = partial_cells(tables, lines.codes, tuple(lines.origins))
    if cells is None:
        return None, ()
    children = partial_children(lines.codes, cells, lines.origins)
    if children.codes.size == 0:
        return None, children.unrefined
    return (cells, children, applied_line_rates(children, entry_date, **asked)), children.unrefined
