"""The law of 1 January 2025 on 2024 imports, against the duties Census calculated.

:func:`validate_2024` applies the law in force on :data:`VALIDATION_DATE` (before that year's
new measures), as applied with the 2024 claim shares (:mod:`tariffscope.impact.applied`), to
every partner's 2024 imports for consumption on the schedule's HTS8 lines (chapters 1-97; the
lines the engines price) and compares the duties with the calculated duties Census reports on
the same lines. One row per partner, the EU as the sum of its members (whose lines add up to the
Census EU aggregate line by line, :mod:`tariffscope.data.line_trade`), and a row ``ALL``.

Besides the statutory and applied duties, each row says how much of the gap lies where a cause
is known (:data:`CAUSES`), how much the calibrated shares move the duties (the circular part:
they are fitted to the same duties), and how much of the partner's trade was calibrated at all.
docs/validation.md shows the table and explains each cause.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.domain.countries import EU_MEMBERS, EUN

__all__ = [
    "AVERAGED_RANGE",
    "CAUSES",
    "VALIDATION_DATE",
    "Validation",
    "validate_2024",
    "validate_2024_averaged",
]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: The law compared with the 2024 duties: the first day of 2025, before that year's measures.
VALIDATION_DATE = "2025-01-01"
#: The days whose laws the averaged comparison weights: the year the entries were made.
AVERAGED_RANGE = ("2024-01-01", "2024-12-31")
#: The law whose claims the ``value_share_<level>`` columns count (lines a claim lowers on the
#: last day of 2024); the shares themselves are fitted on the law averaged over 2024.
CALIBRATION_DAY = "2024-12-31"
#: Known causes of a gap, by where they lie (docs/validation.md).
CAUSES: dict[str, str] = {
    "solar_modules": "Section 201 on crystalline solar modules (HTS 8541.43.0010; thin film, "
    "8541.43.0080, is outside it): the bifacial-module exclusion "
    "ran to 26 June 2024 (claim bifacial_solar, to 24 September 2024 under contracts) and no "
    "longer exists on 1 January 2025; its pooled share is clipped at 1 where modules paid less "
    "than the exclusion explains",
    "partial_lines": "HTS8 lines on which a measure covers only some statistical lines (Section "
    "301 partial entries, steel nails): priced at the mean of their HTS10 lines' rates weighted "
    "by the partner's 2024 HTS10 imports, which the entries' own mix within the year may differ "
    "from",
    "gsp_flagged": "lines the GSP lists (A, A*, A+) for the countries general note 4(a) "
    "designates: entries flagged SPI 'A' during the lapse, whose duty Census calculates at the "
    "GSP rate (what the partner's one fitted flag share leaves, line by line)",
    "quota_references": "lines on which the partner's programme gives a rate only by reference "
    "to a chapter 98/99 provision (mostly in-quota rates of tariff-rate quotas), which the law "
    "does not price",
    "section_232_metals": "Section 232 steel and aluminum of 2018-2020 (product exclusions "
    "Commerce granted to importers are a claim with shares from the 2024 duties; what the "
    "fitted share leaves: shares clipped at 0 or 1)",
    "section_301_china": "Section 301 on China (product exclusions are a claim with shares from "
    "China's 2024 duties; the literal law charges the step-ups of 27 September 2024 and 1 "
    "January 2025 on all of 2024's trade and the exclusions that lapsed on 14 June 2024 on none "
    "of it)",
}
_GROUPS = {
    "section_232_metals": ("s232_steel", "s232_aluminum"),
    "section_301_china": ("s301_china",),
}


@dataclass(frozen=True, eq=False)
class _Lines:
    """``[L, O]`` arrays behind a :class:`Validation`, for :meth:`Validation.lines`."""

    codes: npt.NDArray[np.str_]
    origins: tuple[str, ...]
    values: FloatArray
    collected: FloatArray
    calculated: FloatArray
    statutory: FloatArray
    cause: npt.NDArray[np.int8]  # index into CAUSES of the first cause a cell falls under, -1: none


@dataclass(frozen=True)
class Validation:
    """The comparison (see :func:`validate_2024`).

    ``table`` has one row per partner (ISO3, ``EUN`` for the EU members together) and ``ALL``,
    with US dollars: ``imports_usd``, ``collected_usd`` (Census calculated duties),
    ``statutory_usd`` (the law with no claim, AVEs included), ``usmca_only_usd`` (applied with
    the observed USMCA shares only), ``applied_usd``, ``gap_usd`` (applied - collected) and
    ``gap_pct``; ``gap_<cause>_usd`` the part of the gap on each cause's lines and
    ``gap_unexplained_usd`` the rest; ``value_share_<level>`` the share of the imports whose
    pooled claim share was calibrated on the line, the chapter, the partner or not at all
    (on lines where a claim lowers the duty); ``ave_value_share`` the share of imports on lines
    priced at an AVE; ``collected_fitted_usd`` the collected duties on the cells whose pooled
    share was fitted to those very duties (reproduced by construction: the circular part);
    ``collected_gsp_fitted_usd`` the collected duties on the GSP lines of partners whose GSP
    flag share is fitted inside (0, 1) (their total there is reproduced by construction).
    """

    table: pd.DataFrame
    date: str
    by_line: _Lines | None = None

    def partner(self, code: str) -> pd.Series:
        """The row of ``code`` (ISO3, ``EUN`` or ``ALL``)."""
        row = self.table.set_index("partner").loc[code]
        assert isinstance(row, pd.Series)
        return row

    def lines(self, code: str, count: int = 25) -> pd.DataFrame:
        """The ``count`` HTS8 lines of partner ``code`` (ISO3, or ``EUN`` for the EU members
        together) with the largest absolute gap, largest first.

        Columns: ``hts8``, ``imports_usd``, ``collected_usd`` (Census calculated duties),
        ``collected_pct``, ``calculated_pct`` (the duty as Census calculates it, the law applied
        with the 2024 shares), ``statutory_pct`` (the law with no claim), ``gap_usd``
        (calculated - collected) and ``cause`` (the first of :data:`CAUSES` the line falls
        under, empty for none): the table docs/validation.md reads the gaps from.
        """
        lines = self.by_line
        if lines is None:
            raise ValueError("this validation keeps no line arrays")
        members = EU_MEMBERS if code == EUN else (code,)
        columns = [k for k, origin in enumerate(lines.origins) if origin in members]
        if not columns:
            raise KeyError(f"no partner {code!r} in the validation")
        values = lines.values[:, columns]
        collected = lines.collected[:, columns].sum(axis=1)
        calculated = (lines.calculated[:, columns] * values).sum(axis=1)
        statutory = (lines.statutory[:, columns] * values).sum(axis=1)
        imports = values.sum(axis=1)
        # a line's cause: the first any member's cell falls under
        causes = np.where(lines.cause[:, columns] < 0, len(CAUSES), lines.cause[:, columns])
        first = causes.min(axis=1)
        names = np.array([*CAUSES, ""], dtype=object)
        gap = calculated - collected
        order = np.argsort(-np.abs(gap), kind="stable")[:count]
        with np.errstate(divide="ignore", invalid="ignore"):
            frame = pd.DataFrame(
                {
                    "hts8": lines.codes[order].astype(str),
                    "imports_usd": imports[order],
                    "collected_usd": collected[order],
                    "collected_pct": 100.0 * collected[order] / imports[order],
                    "calculated_pct": 100.0 * calculated[order] / imports[order],
                    "statutory_pct": 100.0 * statutory[order] / imports[order],
                    "gap_usd": gap[order],
                    "cause": names[first[order]],
                }
            )
        return frame

    def largest(self, count: int) -> list[str]:
        """The ``count`` largest partners by 2024 imports (EU members as ``EUN``)."""
        rows = self.table[self.table["partner"] != "ALL"]
        return list(rows.sort_values("imports_usd", ascending=False)["partner"][:count])


def _cause_components(origins: tuple[str, ...], day: str) -> dict[str, FloatArray]:
    """``[L, O]`` duty of each cause's stacking groups in the statutory law of ``day``."""
    from tariffscope.impact.claim_shares import claim_calibration
    from tariffscope.regime.resolve import default_catalog
    from tariffscope.regime.scenario import Scenario
    from tariffscope.regime.vectorized import resolve_lines

    ave = claim_calibration().ave
    law = resolve_lines(origins, day, base_ave=ave)
    out = {}
    for cause, groups in _GROUPS.items():
        removed = tuple(m.id for m in default_catalog().measures if m.group in groups)
        without = resolve_lines(
            origins, day, base_ave=ave, scenario=Scenario(f"without-{cause}", remove=removed)
        )
        out[cause] = law.total - without.total
    return out


def _gsp_mask(codes: npt.NDArray[np.str_], origins: tuple[str, ...]) -> BoolArray:
    from tariffscope.regime.resolve import default_catalog
    from tariffscope.regime.schedule import load_schedule

    schedule = load_schedule()
    gsp = default_catalog().programmes["gsp"]
    column = schedule.special_rates(tuple(gsp.codes))
    lines = column.listed & (column.ad_valorem < schedule.mfn_ad_valorem_hts8)
    designated = np.array([o in gsp.eligible_countries for o in origins])
    return np.asarray(lines[:, None] & designated[None, :], dtype=bool)


def _reference_mask(codes: npt.NDArray[np.str_], origins: tuple[str, ...], day: str) -> BoolArray:
    """Lines where a programme the origin can claim on ``day`` prints only a reference (and
    no chapter 98 provision prices it for the origin)."""
    from tariffscope.regime.preferences import _chapter98_mask
    from tariffscope.regime.resolve import default_catalog, parse_date
    from tariffscope.regime.schedule import load_schedule

    schedule = load_schedule()
    entry = parse_date(day, "entry date")
    out = np.zeros((len(codes), len(origins)), dtype=bool)
    for programme in default_catalog().programmes.values():
        if not programme.codes or programme.origin_independent:
            continue
        column = schedule.special_rates(tuple(programme.codes))
        lines = column.reference & ~column.listed
        for k, origin in enumerate(origins):
            if programme.ineligibility(origin, entry) is None:
                out[:, k] |= lines & ~_chapter98_mask(programme, codes.astype(str), origin)
    return out


@dataclass(frozen=True)
class _Rates:
    """``[L, O]`` applied, statutory and USMCA-only rates on the validation's trade, the base
    part of the applied rates, and the cells each cause covers (one law, or an average)."""

    applied: FloatArray
    statutory: FloatArray
    usmca_only: FloatArray
    base: FloatArray
    causes: dict[str, BoolArray]


def _rates_of(trade: object, day: str) -> tuple[_Rates, object]:
    """The rates of the applied law of ``day`` with the 2024 shares, and that law."""
    from tariffscope.impact.applied import applied_line_rates

    origins = trade.origins  # type: ignore[attr-defined]
    law = applied_line_rates(trade, day, share_period="2024")  # type: ignore[arg-type]
    statutory = np.nan_to_num(law.statutory)
    usmca_only = statutory.copy()
    usmca_table = law.claimed[0]
    if usmca_table is not None:
        for j, origin in enumerate(usmca_table.origins):
            k = origins.index(origin)
            change = np.nan_to_num(usmca_table.total[:, j]) - statutory[:, k]
            usmca_only[:, k] += law.usmca_share[:, k] * change
    causes = {
        cause: np.abs(component) > 1e-12
        for cause, component in _cause_components(origins, day).items()
    }
    causes["partial_lines"] = np.asarray(law.table.partial, dtype=bool)
    causes["quota_references"] = _reference_mask(trade.codes, origins, day)  # type: ignore[attr-defined]
    rates = _Rates(np.nan_to_num(law.rates), statutory, usmca_only, np.nan_to_num(law.base), causes)
    return rates, law


def _averaged(trade: object, first: date, last: date) -> tuple[_Rates, tuple[date, ...]]:
    """The rates of each distinct law from ``first`` to ``last`` weighted by its days (causes:
    the cells any of the laws puts under them), and the first day of each law."""
    from tariffscope.impact.etr.segments import law_segments
    from tariffscope.impact.pe.law import forget_answers
    from tariffscope.regime.resolve import default_catalog

    origins = trade.origins  # type: ignore[attr-defined]
    segments = law_segments(default_catalog(), origins, last, with_claims=True)
    periods = range(segments.index(first), segments.index(last) + 1)
    starts = [max(segments.starts[k], first) for k in periods]
    ends = [*starts[1:], last + timedelta(days=1)]
    total_days = (last - first).days + 1
    sums: dict[str, FloatArray] = {}
    causes: dict[str, BoolArray] = {}
    for start, end in zip(starts, ends, strict=True):
        weight = (end - start).days / total_days
        rates, _ = _rates_of(trade, start.isoformat())
        for field in ("applied", "statutory", "usmca_only", "base"):
            part = weight * getattr(rates, field)
            sums[field] = sums[field] + part if field in sums else part
        for cause, mask in rates.causes.items():
            causes[cause] = causes[cause] | mask if cause in causes else mask
        del rates
        forget_answers()  # one law's tables at a time: each holds tens of megabytes
    return _Rates(causes=causes, **sums), tuple(starts)


@cache
def validate_2024(day: str = VALIDATION_DATE) -> Validation:
    """Compare the applied law of ``day`` on 2024 imports with Census calculated duties."""
    from tariffscope.impact.pe.partners import schedule_trade

    trade = schedule_trade()
    rates, law = _rates_of(trade, day)
    return _validation(trade, rates, law, day)


@cache
def validate_2024_averaged(
    first: str = AVERAGED_RANGE[0], last: str = AVERAGED_RANGE[1]
) -> Validation:
    """Compare the applied law averaged over the days from ``first`` to ``last`` (each distinct
    law weighted by the days it was in force; the 2024 claim shares) with Census calculated
    duties: the entries of 2024 were made under the law of their own day."""
    from tariffscope.impact.applied import applied_line_rates
    from tariffscope.impact.pe.partners import schedule_trade
    from tariffscope.regime.resolve import parse_date

    trade = schedule_trade()
    start, end = parse_date(first, "first day"), parse_date(last, "last day")
    rates, starts = _averaged(trade, start, end)
    # the law of the last day of 2024: which lines a claim lowers (the level columns)
    law = applied_line_rates(trade, CALIBRATION_DAY, share_period="2024")
    validation = _validation(trade, rates, law, f"{first}..{last}")
    validation.table.attrs["law_starts"] = [d.isoformat() for d in starts]
    return validation


def _validation(trade: object, rates: _Rates, law: object, label: str) -> Validation:
    """The table of :class:`Validation` from the rates on ``trade``'s lines."""
    from tariffscope.impact.census_statistic import census_rates, gsp_flag_shares, gsp_margin
    from tariffscope.impact.claim_shares import _schedule_arrays, claim_calibration

    origins = trade.origins  # type: ignore[attr-defined]
    values = trade.values  # type: ignore[attr-defined]
    codes = trade.codes  # type: ignore[attr-defined]
    duties = _schedule_arrays()[0]
    applied, statutory, usmca_only = rates.applied, rates.statutory, rates.usmca_only
    calibration = claim_calibration()
    # what is compared is the statistic: Census calculates GSP-flagged entries at the GSP rate
    flags = gsp_flag_shares()
    calculated = census_rates(applied, rates.base, flags)
    gap = calculated * values - duties
    causes = dict(rates.causes)
    causes["solar_modules"] = np.repeat(
        np.char.startswith(codes.astype(str), "854143")[:, None], len(origins), axis=1
    )
    causes["gsp_flagged"] = _gsp_mask(codes, origins) | (gsp_margin(rates.base, origins) > 0)
    taken = np.zeros_like(gap, dtype=bool)
    first_cause = np.full(gap.shape, -1, dtype=np.int8)
    columns: dict[str, FloatArray] = {
        "imports_usd": values.sum(axis=0),
        "collected_usd": duties.sum(axis=0),
        "statutory_usd": (statutory * values).sum(axis=0),
        "usmca_only_usd": (usmca_only * values).sum(axis=0),
        "applied_usd": (applied * values).sum(axis=0),
        "as_calculated_usd": (calculated * values).sum(axis=0),
    }
    for cause in CAUSES:  # each line counts for the first cause it falls under
        mask = causes[cause] & ~taken
        columns[f"gap_{cause}_usd"] = np.where(mask, gap, 0.0).sum(axis=0)
        first_cause[mask] = list(CAUSES).index(cause)
        taken |= mask
    columns["gap_unexplained_usd"] = np.where(taken, 0.0, gap).sum(axis=0)
    claimable = np.abs(np.nan_to_num(law.claimed[1].total) - np.nan_to_num(law.statutory)) > 1e-12  # type: ignore[attr-defined]
    for index, level in enumerate(("none", "line", "chapter", "partner")):
        on_level = claimable & (calibration.level == index)
        columns[f"value_share_{level}"] = np.where(on_level, values, 0.0).sum(axis=0)
    columns["ave_value_share"] = np.where(np.isfinite(calibration.ave)[:, None], values, 0.0).sum(
        axis=0
    )
    columns["collected_fitted_usd"] = np.where(calibration.fitted, duties, 0.0).sum(axis=0)
    gsp_fitted = (gsp_margin(rates.base, origins) > 0) & flags.interior[None, :]
    columns["collected_gsp_fitted_usd"] = np.where(gsp_fitted, duties, 0.0).sum(axis=0)
    frame = pd.DataFrame(columns)
    frame.insert(0, "partner", list(origins))
    eu = frame[frame["partner"].isin(EU_MEMBERS)].drop(columns="partner").sum()
    others = frame[~frame["partner"].isin(EU_MEMBERS)]
    total = frame.drop(columns="partner").sum()
    frame = pd.concat(
        [
            others,
            pd.DataFrame([{"partner": EUN, **eu.to_dict()}, {"partner": "ALL", **total.to_dict()}]),
        ],
        ignore_index=True,
    )
    frame["gap_usd"] = frame["as_calculated_usd"] - frame["collected_usd"]
    frame["gap_law_usd"] = frame["applied_usd"] - frame["collected_usd"]
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["gap_pct"] = 100.0 * frame["gap_usd"] / frame["collected_usd"]
        frame["gap_law_pct"] = 100.0 * frame["gap_law_usd"] / frame["collected_usd"]
        for level in ("none", "line", "chapter", "partner"):
            frame[f"value_share_{level}"] /= frame["imports_usd"]
        frame["ave_value_share"] /= frame["imports_usd"]
    lines = _Lines(codes, tuple(origins), values, duties, calculated, statutory, first_cause)
    return Validation(frame.reset_index(drop=True), label, lines)
