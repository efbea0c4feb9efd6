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
from tariffscope.regime.engine import (
    active_measures,
    evaluate,
    measures_in_effect,
    us_content_share,
)
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
# What does not depend on the law, kept across calls: the line arrays of recent (schedule, codes,
# base_ave) (:func:`_line_table`). What depends on the law only through objects that several
# laws, claim sets and dates share: the base rates of recent (lines, programmes, Column 2, chapter
# 98 provisions) and the duties of recent (lines, base, measures, stacking rules); a brief asks
# for four laws x three claim sets, and most origins have the same measures and base in several
# of them. Each entry keeps the objects whose ids make its key, so that no id is reused while
# the entry lives.
_LINE_TABLES: OrderedDict[tuple[Any, ...], tuple[tuple[object, ...], _LineTable]] = OrderedDict()
_BASES: OrderedDict[tuple[Any, ...], tuple[tuple[object, ...], BaseRates]] = OrderedDict()
_DUTIES: OrderedDict[
    tuple[Any, ...],
    tuple[tuple[object, ...], tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]],
] = OrderedDict()
# Bounds: an HTS8 duty column is 90 kB, so the duties hold at most about 35 MB.
_LINE_TABLE_CACHE_SIZE = 8
_BASE_CACHE_SIZE = 128
_DUTY_CACHE_SIZE = 384


# The built-in catalog whose stored product masks (:mod:`tariffscope.regime._mask_cache`) are
# in ``_UNIVERSE_MASKS``, and whether to read them (benchmarks time the masks cold).
_STORED_MASKS: dict[str, Any] = {"read": True, "catalog": None}


def clear_caches(schedule: Schedule | None = None, *, stored_masks: bool = True) -> None:
    """Forget the recent answers, the memo of line arrays, bases and duties, and the
    product-scope masks kept for the schedule's lines, and the arrays ``schedule`` derives on
    first use (Special and Column 2 rates) when given.

    With ``stored_masks`` False the masks kept in the user cache for the built-in catalog are
    not read either (until the next call with True), so they are computed again.
    Benchmarks call it to time the work rather than the caches; the answers do not change.
    """
    _STORED_MASKS.update(read=stored_masks, catalog=None)
    _TABLES.clear()
    _PLANS.clear()
    _SCENARIO_LAWS.clear()
    _UNIVERSE_MASKS.clear()
    _CODE_MASKS.clear()
    _LINE_TABLES.clear()
    _BASES.clear()
    _DUTIES.clear()
    if schedule is not None:
        schedule.clear_derived_arrays()


def forget_answers() -> None:
    """Forget the recent answers, with the memo of base rates and duty columns (they are
    answers too); the product-scope masks and the line arrays, which no law changes, stay.

    A caller that resolves many dates once each (the effective-rate series) calls it after each
    date: a table for every partner holds about 60 MB, and 32 of them would fill the memory.
    A benchmark's per-date loop calls it so that each date does its own work.
    """
    _TABLES.clear()
    _PLANS.clear()
    _SCENARIO_LAWS.clear()
    _BASES.clear()
    _DUTIES.clear()


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


@dataclass(frozen=True, eq=False)
class _LineTable:
    """The lines a call resolves: codes, MFN ad valorem part (or equivalent), specific flag,
    Special texts (None: the schedule's) and, when first asked, the Column 2 rates."""

    schedule: Schedule
    codes: npt.NDArray[np.str_]
    mfn: npt.NDArray[np.float64]
    specific: npt.NDArray[np.bool_]
    special_texts: npt.NDArray[np.str_] | None
    block_codes: tuple[str, ...] | None

    @cached_property
    def column2(self) -> npt.NDArray[np.float64]:
        if self.block_codes is None:
            return self.schedule.column2_ad_valorem_hts8
        return self.schedule.block(self.block_codes).column2_ad_valorem


def _lines(
    schedule: Schedule, codes: tuple[str, ...] | None, base_ave: npt.NDArray[np.float64] | None
) -> _LineTable:
    """The line arrays of ``codes`` (None: the schedule's HTS8 lines), with ``base_ave``."""
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
    return _LineTable(schedule, line_codes, mfn, specific, texts, codes)


def _line_table(
    schedule: Schedule, codes: tuple[str, ...] | None, base_ave: npt.NDArray[np.float64] | None
) -> tuple[tuple[Any, ...], _LineTable]:
    """:func:`_lines`, memoised for recent (schedule, codes, base_ave), with its key."""
    key = (id(schedule), codes, None if base_ave is None else id(base_ave))
    stored = _LINE_TABLES.get(key)
    if stored is not None and stored[0][0] is schedule and stored[0][1] is base_ave:
        _LINE_TABLES.move_to_end(key)
        return key, stored[1]
    table = _lines(schedule, codes, base_ave)
    _LINE_TABLES[key] = ((schedule, base_ave), table)
    while len(_LINE_TABLES) > _LINE_TABLE_CACHE_SIZE:
        _LINE_TABLES.popitem(last=False)
    return key, table


def _remember(
    cache: OrderedDict[tuple[Any, ...], tuple[tuple[object, ...], Any]],
    key: tuple[Any, ...],
    kept: tuple[object, ...],
    value: Any,
    size: int,
) -> Any:
    cache[key] = (kept, value)
    while len(cache) > size:
        cache.popitem(last=False)
    return value


def _recall(
    cache: OrderedDict[tuple[Any, ...], tuple[tuple[object, ...], Any]],
    key: tuple[Any, ...],
    kept: tuple[object, ...],
) -> Any | None:
    """The value stored under ``key`` if the objects kept with it are ``kept`` (else None)."""
    stored = cache.get(key)
    if stored is None or len(stored[0]) != len(kept):
        return None
    if not all(a is b for a, b in zip(stored[0], kept, strict=True)):
        return None
    cache.move_to_end(key)
    return stored[1]


def _base_rates(
    lines_key: tuple[Any, ...],
    lines: _LineTable,
    law: Catalog,
    programmes: tuple[str, ...],
    base_key: _BaseKey,
    origin: str,
) -> BaseRates:
    """:func:`preferential_base` of one base (the programmes claimed, Column 2 or not, the
    chapter 98 provisions limited to some countries), memoised across calls: it depends on the
    law only through the programme objects, which every law and date of a catalog shares."""
    chosen = tuple(law.programmes[p] for p in programmes)
    pays_column2 = base_key[1]
    plain = lines.column2 if pays_column2 else lines.mfn
    kept = (lines, plain, *chosen)
    key = (lines_key, base_key, tuple(id(p) for p in chosen))
    found = _recall(_BASES, key, kept)
    if found is not None:
        return found  # type: ignore[no-any-return]
    origin_base = preferential_base(
        lines.schedule,
        list(chosen),
        lines.codes,
        plain,
        lines.specific,
        lines.special_texts,
        origin,
    )
    return _remember(_BASES, key, kept, origin_base, _BASE_CACHE_SIZE)  # type: ignore[no-any-return]


_BaseKey = tuple[tuple[str, ...], bool, tuple[str, ...]]
_Step = tuple[tuple[str, ...], _BaseKey, Any, tuple[Any, ...], tuple[Any, ...]]
_Plan = tuple[Catalog, tuple[str, ...], tuple[_Step, ...]]
# The law (with the scenario), the Column 2 origins and each origin's programmes, base,
# measures and signature for recent (catalog, scenario, origins, date, claims): the same for
# every list of codes (the HTS10 lines under partial lines follow the schedule's, same date).
_PLANS: OrderedDict[tuple[Any, ...], tuple[Catalog, _Plan]] = OrderedDict()
# The law with a scenario, for recent (catalog, scenario): one object for every claim set and
# date, so that their measures are the same objects (the duty memo is keyed by them).
_SCENARIO_LAWS: OrderedDict[tuple[Any, ...], tuple[tuple[object, ...], Catalog]] = OrderedDict()


def _law(base: Catalog, scenario: Scenario | None) -> Catalog:
    if scenario is None:
        return base
    key = (id(base), scenario)
    found = _recall(_SCENARIO_LAWS, key, (base,))
    if found is not None:
        return found  # type: ignore[no-any-return]
    return _remember(_SCENARIO_LAWS, key, (base,), apply_scenario(base, scenario), 8)  # type: ignore[no-any-return]


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
    law = _law(base, scenario)
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
        rules = tuple(r for r in law.rules if r.in_effect(day, origin))
        signature = (tuple(m.id for m in activation.measures), tuple(r.id for r in rules), base_key)
        steps.append((programmes, base_key, activation, signature, rules))
    plan = (law, column2, tuple(steps))
    _PLANS[key] = (base, plan)
    while len(_PLANS) > 8:
        _PLANS.popitem(last=False)
    return plan


def _fill_stored_masks(base: Catalog, schedule: Schedule) -> None:
    """Put the built-in catalog's product masks on the schedule's lines, kept in the user
    cache, in ``_UNIVERSE_MASKS`` (once per catalog object; other catalogs compute theirs)."""
    if not _STORED_MASKS["read"] or _STORED_MASKS["catalog"] is base:
        return
    from tariffscope.regime._mask_cache import stored_masks
    from tariffscope.regime.resolve import _catalog_fingerprint
    from tariffscope.regime.schedule import load_schedule

    if base is not default_catalog() or schedule is not load_schedule():
        return
    masks = stored_masks(base, schedule, _catalog_fingerprint(schedule))
    for m in base.measures:
        # keyed by the scope object, as the masks computed in the process are: a scenario's
        # promoted measure keeps its scope, an added one has its own and computes its masks
        _UNIVERSE_MASKS.setdefault((m.id, id(m.scope)), (m.scope, *masks[m.id]))
    _STORED_MASKS["catalog"] = base


def _code_masks(codes: tuple[str, ...]) -> dict[tuple[str, int], _Masks]:
    masks = _CODE_MASKS.get(codes)
    if masks is None:
        masks = _CODE_MASKS[codes] = {}
        while len(_CODE_MASKS) > 8:
            _CODE_MASKS.popitem(last=False)
    else:
        _CODE_MASKS.move_to_end(codes)
    return masks


def _duties(
    lines_key: tuple[Any, ...],
    lines: _LineTable,
    law: Catalog,
    activation: Any,
    rules: tuple[Any, ...],
    base_rate: npt.NDArray[np.float64],
    shared: dict[tuple[str, int], _Masks],
    *,
    metal_share: float | None,
    us_content: float | None,
    content: float,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """The additional duty and the partial flags of one activation on the lines (``evaluate``),
    memoised across calls: they depend only on the lines, the base, the measure objects, the
    stacking rules in effect and the value shares (module-level ``_DUTIES``)."""
    measures = activation.measures
    kept = (lines, base_rate, *measures, *rules)
    key = (
        lines_key,
        id(base_rate),
        tuple(id(m) for m in measures),
        tuple(id(r) for r in rules),
        metal_share,
        content,
    )
    found = _recall(_DUTIES, key, kept)
    if found is not None:
        return found  # type: ignore[no-any-return]
    masks = {
        m.id: hit[1:] for m in measures if (hit := shared.get((m.id, id(m.scope)))) is not None
    }
    result = evaluate(
        law,
        activation,
        lines.codes,
        base_rate,
        metal_share=metal_share,
        us_content=us_content,
        scope_masks=masks,
    )
    for m in measures:
        # the scope itself is kept so that its id cannot be reused while cached
        shared.setdefault((m.id, id(m.scope)), (m.scope, *masks[m.id]))
    answer = (result.total_additional(), result.partial)
    for array in answer:
        array.setflags(write=False)
    return _remember(_DUTIES, key, kept, answer, _DUTY_CACHE_SIZE)  # type: ignore[no-any-return]


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
    code_key = None if codes is None else tuple(codes)
    lines_key, lines = _line_table(schedule, code_key, base_ave)
    line_codes, mfn, specific = lines.codes, lines.mfn, lines.specific
    column2_rates = lines.column2 if column2 else None
    n_lines = line_codes.shape[0]
    # the distinct duty columns (origins with the same measures, stacking rules and base share
    # one) and each origin's; the distinct bases likewise
    duty_columns: list[npt.NDArray[np.float64]] = []
    partial_columns: list[npt.NDArray[np.bool_]] = []
    duty_of = np.zeros(len(countries), dtype=np.int64)
    bases: dict[_BaseKey, BaseRates] = {}
    base_of: list[_BaseKey] = []
    # product-scope masks of the schedule's own lines are kept for the process
    if code_key is None:
        _fill_stored_masks(base, schedule)
    shared = _UNIVERSE_MASKS if code_key is None else _code_masks(code_key)
    content = us_content_share(law, us_content)
    # Origins with the same measures, stacking rules and base (EU members, most small
    # countries) get the same duties: each distinct set is evaluated once.
    done: dict[tuple[Any, ...], int] = {}
    for column, (origin, (programmes, base_key, activation, signature, rules)) in enumerate(
        zip(countries, steps, strict=True)
    ):
        base_of.append(base_key)
        if signature in done:
            duty_of[column] = done[signature]
            continue
        origin_base = bases.get(base_key)
        if origin_base is None:
            origin_base = _base_rates(lines_key, lines, law, programmes, base_key, origin)
            bases[base_key] = origin_base
        additional, partial = _duties(
            lines_key,
            lines,
            law,
            activation,
            rules,
            origin_base.rate,
            shared,
            metal_share=metal_share,
            us_content=us_content,
            content=content,
        )
        done[signature] = duty_of[column] = len(duty_columns)
        duty_columns.append(additional)
        partial_columns.append(partial)
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
