"""Every HTS8 line for many origins at once: the tariff law as arrays for the economic engines.

:func:`resolve_lines` applies the same stacking engine as :func:`tariffscope.regime.resolve`
(``engine.evaluate``) to all lines of a block per origin, reusing the product-scope masks of
each measure across origins, so it agrees with the single-line answer by construction.

Claims apply to every origin: a programme claim (``claims=("korus",)``) changes the base rate
of the origins eligible for it on the date (the Special rate where the line lists the
programme's code; :func:`tariffscope.regime.preferences.preferential_base`) and the measures
conditioned on the claim; for other origins it changes nothing. ``RateTable.preference`` says,
line by line and origin by origin, which programme's rate was taken.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.domain.countries import normalize_country
from tariffscope.errors import MalformedInputError
from tariffscope.regime.catalog import Catalog
from tariffscope.regime.engine import active_measures, evaluate, measures_in_effect
from tariffscope.regime.preferences import BaseRates, preferential_base
from tariffscope.regime.resolve import default_catalog, parse_date
from tariffscope.regime.scenario import Scenario, apply_scenario
from tariffscope.regime.schedule import Schedule, load_schedule

__all__ = ["RateTable", "clear_caches", "forget_answers", "resolve_lines"]

# Recent answers (the brief asks for the same law several times: PE and GE, each outcome);
# the catalog object (and the base_ave array) is kept in the entry so that its id stays unique
# while cached.
_TABLE_CACHE_SIZE = 32
_TABLES: OrderedDict[tuple[Any, ...], tuple[Catalog, RateTable, npt.NDArray[np.float64] | None]] = (
    OrderedDict()
)
_Masks = tuple[Any, npt.NDArray[np.bool_], npt.NDArray[np.bool_]]
_UNIVERSE_MASKS: dict[tuple[str, int], _Masks] = {}
# the same for a few recent lists of codes (the HTS10 lines under partial HTS8 lines, asked for
# on every date the pricing engines resolve)
_CODE_MASKS: OrderedDict[tuple[str, ...], dict[tuple[str, int], _Masks]] = OrderedDict()


def clear_caches(schedule: Schedule | None = None) -> None:
    """Forget the recent answers and the product-scope masks kept for the schedule's lines,
    and the arrays ``schedule`` derives on first use (Special and Column 2 rates) when given.

    Benchmarks call it to time the work rather than the caches; the answers do not change.
    """
    _TABLES.clear()
    _PLANS.clear()
    _UNIVERSE_MASKS.clear()
    _CODE_MASKS.clear()
    if schedule is not None:
        schedule.clear_derived_arrays()


def forget_answers() -> None:
    """Forget the recent answers only; the product-scope masks stay.

    A caller that resolves many dates once each (the effective-rate series) calls it after each
    date: a table for every partner holds about 60 MB, and 32 of them would fill the memory.
    """
    _TABLES.clear()
    _PLANS.clear()


def _expand(unique: npt.NDArray[Any], column_of: npt.NDArray[np.int64]) -> npt.NDArray[Any]:
    """``[lines, origins]`` (column-major, read-only) from the distinct columns ``unique``
    (``[lines, distinct]``) and each origin's column."""
    rows = np.ascontiguousarray(unique.T)[column_of]  # one row per origin
    out = rows.T
    out.setflags(write=False)
    return out


@dataclass(frozen=True, eq=False)
class RateTable:
    """Duties of ``codes`` (rows) by ``origins`` (columns) for one entry date.

    ``total`` and ``additional`` are ad valorem fractions; ``mfn`` is the MFN ad valorem part
    (specific and compound MFN rates count only their ad valorem part: ``mfn_specific`` flags
    them); ``partial`` flags lines whose answer depends on the statistical suffix.
    ``base_rates`` (lines x origins) is the base each origin pays when it differs from the MFN
    rate of some line (Column 2 countries, claimed preferences), with ``base_specific``;
    ``preference_index`` indexes ``preference_ids`` with the programme whose Special rate was
    taken (-1 elsewhere; :attr:`preference` spells it out). All None when every origin pays
    the MFN rate.

    Origins that share their measures and base share their duties: the table keeps each
    distinct column once (``unique_*``, with ``duty_of`` and ``base_of`` giving each origin's
    column) and builds the ``[lines, origins]`` arrays when first asked (read-only,
    column-major).
    """

    codes: npt.NDArray[np.str_]
    origins: tuple[str, ...]
    entry_date: date
    as_known: date | None
    scenario: str | None
    mfn: npt.NDArray[np.float64]
    mfn_specific: npt.NDArray[np.bool_]
    unique_additional: npt.NDArray[np.float64]
    unique_partial: npt.NDArray[np.bool_]
    duty_of: npt.NDArray[np.int64]
    column2: tuple[str, ...] = ()
    column2_rates: npt.NDArray[np.float64] | None = None
    claims: tuple[str, ...] = ()
    unique_base: npt.NDArray[np.float64] | None = None
    unique_base_specific: npt.NDArray[np.bool_] | None = None
    unique_preference: npt.NDArray[np.int8] | None = None
    base_of: npt.NDArray[np.int64] | None = None
    preference_ids: tuple[str, ...] = ()

    @cached_property
    def additional(self) -> npt.NDArray[np.float64]:
        return _expand(self.unique_additional, self.duty_of)

    @cached_property
    def partial(self) -> npt.NDArray[np.bool_]:
        return _expand(self.unique_partial, self.duty_of)

    @cached_property
    def base_rates(self) -> npt.NDArray[np.float64] | None:
        if self.unique_base is None or self.base_of is None:
            return None
        return _expand(self.unique_base, self.base_of)

    @cached_property
    def base_specific(self) -> npt.NDArray[np.bool_] | None:
        if self.unique_base_specific is None or self.base_of is None:
            return None
        return _expand(self.unique_base_specific, self.base_of)

    @cached_property
    def preference_index(self) -> npt.NDArray[np.int8] | None:
        if self.unique_preference is None or self.base_of is None:
            return None
        return _expand(self.unique_preference, self.base_of)

    @property
    def preference(self) -> npt.NDArray[np.str_] | None:
        """The programme id whose Special rate each line and origin pays ("" for none)."""
        if self.preference_index is None:
            return None
        names = np.array([*self.preference_ids, ""], dtype=str)
        return names[self.preference_index]  # -1 reads the trailing ""

    @cached_property
    def base_columns(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
        """The distinct base columns ``[lines, distinct]`` and each origin's (``[origins]``)."""
        if self.unique_base is None or self.base_of is None:
            return self.mfn[:, None], np.zeros(len(self.origins), dtype=np.int64)
        return self.unique_base, self.base_of

    @cached_property
    def total_columns(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
        """The distinct columns of :attr:`total` and each origin's: each distinct pair of duty
        and base columns is added once."""
        if self.unique_base is None or self.base_of is None:
            unique = self.unique_additional + self.mfn[:, None]
            unique.setflags(write=False)
            return unique, self.duty_of
        pairs, column_of = np.unique(
            np.stack([self.duty_of, self.base_of], axis=1), axis=0, return_inverse=True
        )
        unique = self.unique_additional[:, pairs[:, 0]] + self.unique_base[:, pairs[:, 1]]
        unique.setflags(write=False)
        return unique, column_of.reshape(-1).astype(np.int64)

    @cached_property
    def base(self) -> npt.NDArray[np.float64]:
        """The base rate of each line and origin: MFN, Column 2 for ``column2`` origins, or
        the claimed programme's Special rate (read-only)."""
        return _expand(*self.base_columns)

    @cached_property
    def total(self) -> npt.NDArray[np.float64]:
        """Base plus additional duties, ``[lines, origins]`` (read-only)."""
        return _expand(*self.total_columns)

    def to_frame(self) -> pd.DataFrame:
        """Long table: hts, origin, mfn_pct (the base paid), additional_pct, total_pct,
        mfn_specific, partial, preference (programme id or "")."""
        n, m = self.additional.shape
        specific = (
            self.base_specific.ravel()
            if self.base_specific is not None
            else np.repeat(self.mfn_specific, m)
        )
        return pd.DataFrame(
            {
                "hts": np.repeat(self.codes, m),
                "origin": np.tile(np.array(self.origins), n),
                "mfn_pct": self.base.ravel() * 100,
                "additional_pct": self.additional.ravel() * 100,
                "total_pct": self.total.ravel() * 100,
                "mfn_specific": specific,
                "partial": self.partial.ravel(),
                "preference": (
                    self.preference.ravel()
                    if self.preference is not None
                    else np.full(n * m, "", dtype=object)
                ),
            }
        )


_Lines = tuple[
    npt.NDArray[np.str_],
    npt.NDArray[np.float64],
    npt.NDArray[np.bool_],
    npt.NDArray[np.str_] | None,
]


def _lines(
    schedule: Schedule, codes: Sequence[str] | None, base_ave: npt.NDArray[np.float64] | None
) -> _Lines:
    """Codes, MFN ad valorem part (or equivalent), specific flag and Special texts (None: the
    schedule's)."""
    if codes is None:
        line_codes, mfn = schedule.hts8, schedule.mfn_ad_valorem_hts8
        specific, texts = schedule.mfn_is_specific_hts8, None
        ave = base_ave
    else:
        block = schedule.block(codes)
        if len(set(block.level.tolist())) > 1:
            raise MalformedInputError(
                "resolve_lines needs codes of one length (all 8 or all 10 digits)"
            )
        line_codes, mfn, specific, texts = (
            block.codes,
            block.mfn_ad_valorem,
            block.mfn_is_specific,
            block.special_text,
        )
        ave = None
        if base_ave is not None:  # by the HTS8 line of each code
            eight = line_codes.astype("U8")
            rows = np.minimum(np.searchsorted(schedule.hts8, eight), len(base_ave) - 1)
            ave = np.where(schedule.hts8[rows] == eight, base_ave[rows], np.nan)
    if ave is not None:
        if ave.shape != mfn.shape:
            raise MalformedInputError(
                f"base_ave has {ave.shape[0]} values; the schedule has {mfn.shape[0]} HTS8 lines"
            )
        mfn = np.where(specific & np.isfinite(ave), ave, mfn)
        mfn.setflags(write=False)
    return line_codes, mfn, specific, texts


def _column2_rates(schedule: Schedule, codes: Sequence[str] | None) -> npt.NDArray[np.float64]:
    if codes is None:
        return schedule.column2_ad_valorem_hts8
    return schedule.block(codes).column2_ad_valorem


_BaseKey = tuple[tuple[str, ...], bool, tuple[str, ...]]
_Step = tuple[tuple[str, ...], _BaseKey, Any, tuple[Any, ...]]
_Plan = tuple[Catalog, tuple[str, ...], tuple[_Step, ...]]
# The law (with the scenario), the Column 2 origins and each origin's programmes, base,
# measures and signature for recent (catalog, scenario, origins, date, claims): the same for
# every list of codes (the HTS10 lines under partial lines follow the schedule's, same date).
_PLANS: OrderedDict[tuple[Any, ...], tuple[Catalog, _Plan]] = OrderedDict()


def _plan(
    base: Catalog,
    scenario: Scenario | None,
    countries: tuple[str, ...],
    day: date,
    known: date | None,
    claim_set: frozenset[str],
) -> _Plan:
    key = (id(base), scenario, countries, day, known, claim_set)
    stored = _PLANS.get(key)
    if stored is not None and stored[0] is base:
        _PLANS.move_to_end(key)
        return stored[1]
    law = base if scenario is None else apply_scenario(base, scenario)
    unknown = sorted(claim_set - set(law.claims))
    if unknown:
        raise MalformedInputError(
            f"unknown claim {unknown[0]!r}", hint=f"known claims: {', '.join(sorted(law.claims))}"
        )
    column2 = tuple(o for o in countries if law.pays_column2(o, day))
    in_effect = measures_in_effect(law, day, as_known=known)
    steps: list[_Step] = []
    for origin in countries:
        claims_here = law.effective_claims(claim_set, origin, day, as_known=known)
        programmes = tuple(sorted(c for c in claims_here if c in law.programmes))
        # chapter 98 provisions limited to some countries (goods of Mexico) change the base
        only_here = tuple(
            p
            for p in programmes
            if (ch98 := law.programmes[p].chapter98) is not None
            and ch98.countries
            and ch98.applies_to(origin)
        )
        base_key = (programmes, origin in column2, only_here)
        activation = active_measures(
            law, origin, day, as_known=known, claims=claims_here, in_effect=in_effect
        )
        rules = tuple(r.id for r in law.rules if r.in_effect(day, origin))
        signature = (tuple(m.id for m in activation.measures), rules, base_key)
        steps.append((programmes, base_key, activation, signature))
    plan = (law, column2, tuple(steps))
    _PLANS[key] = (base, plan)
    while len(_PLANS) > 8:
        _PLANS.popitem(last=False)
    return plan


def _code_masks(codes: tuple[str, ...]) -> dict[tuple[str, int], _Masks]:
    masks = _CODE_MASKS.get(codes)
    if masks is None:
        masks = _CODE_MASKS[codes] = {}
        while len(_CODE_MASKS) > 8:
            _CODE_MASKS.popitem(last=False)
    else:
        _CODE_MASKS.move_to_end(codes)
    return masks


def resolve_lines(
    origins: Sequence[str],
    entry_date: date | str,
    *,
    codes: Sequence[str] | None = None,
    as_known: date | str | None = None,
    scenario: Scenario | None = None,
    claims: Sequence[str] = (),
    metal_share: float | None = None,
    us_content: float | None = None,
    catalog: Catalog | None = None,
    schedule: Schedule | None = None,
    base_ave: npt.NDArray[np.float64] | None = None,
) -> RateTable:
    """Total duty on every line (default: all HTS8 lines of chapters 1-97) for each origin.

    Parameters are those of :func:`tariffscope.regime.resolve`, with ``origins`` a list, and

    base_ave
        Ad valorem equivalents of the General rates, one per HTS8 line of the schedule (its
        ``hts8`` order; NaN where none): on lines whose General rate is specific or compound
        they replace its ad valorem part as the base that preferences are compared with and
        inclusive floors include (``RateTable.mfn`` then holds them). The array is keyed by
        identity in the cache of recent answers: pass the same array, not a copy.

    Examples
    --------
    >>> table = resolve_lines(["JPN", "DEU"], "2025-07-18", codes=["8703.23.01"])
    >>> [round(float(v), 3) for v in table.total[0]]
    [0.275, 0.275]
    """
    schedule = schedule or load_schedule()
    base = catalog or default_catalog()
    day = parse_date(entry_date, "entry date")
    known = None if as_known is None else parse_date(as_known, "as-known date")
    countries = tuple(normalize_country(o, allow_groups=False) for o in origins)
    claim_set = frozenset(claims)
    for name, share in (("metal share", metal_share), ("US content share", us_content)):
        if share is not None and not 0.0 <= share <= 1.0:
            raise MalformedInputError(f"{name} {share} must lie between 0 and 1")
    key = (
        id(base),
        id(schedule),
        countries,
        day,
        known,
        scenario,
        claim_set,
        metal_share,
        us_content,
        None if codes is None else tuple(codes),
        None if base_ave is None else id(base_ave),
    )
    cached = _TABLES.get(key)
    if cached is not None and cached[2] is base_ave:
        _TABLES.move_to_end(key)
        return cached[1]
    law, column2, steps = _plan(base, scenario, countries, day, known, claim_set)
    line_codes, mfn, specific, special_texts = _lines(schedule, codes, base_ave)
    column2_rates = _column2_rates(schedule, codes) if column2 else None
    n_lines = line_codes.shape[0]
    # the distinct duty columns (origins with the same measures, stacking rules and base share
    # one) and each origin's; the distinct bases likewise
    duty_columns: list[npt.NDArray[np.float64]] = []
    partial_columns: list[npt.NDArray[np.bool_]] = []
    duty_of = np.zeros(len(countries), dtype=np.int64)
    bases: dict[_BaseKey, BaseRates] = {}
    base_of: list[_BaseKey] = []
    # product-scope masks of the schedule's own lines are kept for the process
    shared = _UNIVERSE_MASKS if codes is None else _code_masks(tuple(codes))
    # Origins with the same measures, stacking rules and base (EU members, most small
    # countries) get the same duties: each distinct set is evaluated once.
    done: dict[tuple[Any, ...], int] = {}
    for column, (origin, (programmes, base_key, activation, signature)) in enumerate(
        zip(countries, steps, strict=True)
    ):
        base_of.append(base_key)
        if signature in done:
            duty_of[column] = done[signature]
            continue
        origin_base = bases.get(base_key)
        if origin_base is None:
            plain = column2_rates if origin in column2 and column2_rates is not None else mfn
            origin_base = preferential_base(
                schedule,
                [law.programmes[p] for p in programmes],
                line_codes,
                plain,
                specific,
                special_texts,
                origin,
            )
            bases[base_key] = origin_base
        masks = {
            m.id: hit[1:]
            for m in activation.measures
            if (hit := shared.get((m.id, id(m.scope)))) is not None
        }
        result = evaluate(
            law,
            activation,
            line_codes,
            origin_base.rate,
            metal_share=metal_share,
            us_content=us_content,
            scope_masks=masks,
        )
        for m in activation.measures:
            # the scope itself is kept so that its id cannot be reused while cached
            shared.setdefault((m.id, id(m.scope)), (m.scope, *masks[m.id]))
        done[signature] = duty_of[column] = len(duty_columns)
        duty_columns.append(result.total_additional())
        partial_columns.append(result.partial)
    unique_base = unique_specific = unique_preference = base_index = None
    ids = tuple(sorted({p for programmes, *_ in base_of for p in programmes}))
    if any(programmes or pays_column2 for programmes, pays_column2, _ in base_of):
        keys = list(bases)
        base_index = np.array([keys.index(k) for k in base_of], dtype=np.int64)
        unique_base = np.stack([bases[k].rate for k in keys], axis=1)
        unique_specific = np.stack([bases[k].specific for k in keys], axis=1)
        preferences = []
        for k in keys:
            origin_base = bases[k]
            # programme indexes of this base -> indexes into ``ids``
            remap = np.array([ids.index(p) for p in origin_base.programmes] + [-1], dtype=np.int8)
            preferences.append(remap[origin_base.programme])
        unique_preference = np.stack(preferences, axis=1)
    unique_additional = np.stack(duty_columns, axis=1) if duty_columns else np.zeros((n_lines, 0))
    unique_partial = (
        np.stack(partial_columns, axis=1) if partial_columns else np.zeros((n_lines, 0), dtype=bool)
    )
    for array in (
        unique_additional,
        unique_partial,
        unique_base,
        unique_specific,
        unique_preference,
        duty_of,
        base_index,
    ):
        if array is not None:
            array.setflags(write=False)
    table = RateTable(
        codes=line_codes,
        origins=countries,
        entry_date=day,
        as_known=known,
        scenario=None if scenario is None else scenario.name,
        mfn=mfn,
        mfn_specific=specific,
        unique_additional=unique_additional,
        unique_partial=unique_partial,
        duty_of=duty_of,
        column2=column2,
        column2_rates=column2_rates,
        claims=tuple(sorted(claim_set)),
        unique_base=unique_base,
        unique_base_specific=unique_specific,
        unique_preference=unique_preference,
        base_of=base_index,
        preference_ids=ids,
    )
    _TABLES[key] = (base, table, base_ave)
    while len(_TABLES) > _TABLE_CACHE_SIZE:
        _TABLES.popitem(last=False)
    return table
