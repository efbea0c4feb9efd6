r"""Claim shares and ad valorem equivalents calibrated on the duties Census calculated for 2024.

The applied rate (:mod:`tariffscope.impact.applied`) mixes the law with and without claims.
USMCA's claim shares are observed (:mod:`tariffscope.data.usmca_shares`); this module derives
the rest from the 2024 imports for consumption and calculated duties by line and partner
(:mod:`tariffscope.data.line_trade`) and the law of 2024 (:data:`CALIBRATION_RANGE`): the
entries of 2024 were made under the law of their own day, so each rate below is the law's
average over the year, each distinct law (the periods of
:func:`tariffscope.impact.etr.segments.law_segments`, with claims) weighted by its days:

Ad valorem equivalents (AVEs)
    A General rate that is specific or compound has no ad valorem rate to apply. Its AVE on
    line :math:`l` is the duty collected per dollar from the partners that paid the General
    rate there in 2024 (no preference available to them, no additional duty, column 1; with
    their own HTS10 lines, the EU as its aggregate): :math:`\sum_q d_{lq} / \sum_q v_{lq}`;
    where none of them traded the line, all such partners' duties less the additional duties
    the law charged them. ``ave_source`` says which (:data:`AVE_SOURCES`).

Pooled claim shares
    Every claim other than USMCA that lowers a duty at entry (the programmes of the Special
    column, origin-independent ones included, the Section 232 tariff-rate quotas and product
    exclusions, the Section 301 product exclusions for China and the Section 201 bifacial-module
    exclusion, :data:`EXTRA_CLAIMS`) is one pooled claim: the law resolved with all of them
    gives each line the lowest rate the partner can claim (:math:`t_1`). With :math:`t_0` the
    rate without claims (AVEs included), :math:`t_U` the USMCA rate and :math:`s_U` its 2024
    share (0 but for Canada and Mexico), all three averaged over the days of 2024, the share of
    the line's 2024 value that claimed is

    .. math::

        s = \mathrm{clip}\!\left(\frac{t_0 - s_U (t_0 - t_U) - d/v}{t_0 - t_1},\;
            0,\; 1 - s_U\right) \quad\text{where } t_0 - t_1 > 10^{-4}.

    On HTS8 lines a measure covers only in part (flagged partial by the law engine) the three
    rates are the partner's HTS10 mix of the line's statistical lines, as pricing takes them
    (:mod:`tariffscope.impact.partial_lines`, docs/assumptions.md P9).

    Partners with their own HTS10 lines are calibrated line by line (HTS10 summed to HTS8), EU
    members on the EU aggregate's lines, every other partner on its chapter totals
    (:math:`s_c = (\sum_{l \in c} v_l t_{0l} - D_c) / \sum_{l \in c} v_l (t_{0l} - t_{1l})`,
    since its line duties are only its chapter duties spread). A line that 2024 cannot
    calibrate (no trade, or no margin between the two average rates) takes the
    partner's share in its chapter (margin-and-value weighted), else over all its lines.
    ``level`` says which (:data:`LEVELS`).

    A claim in force for part of 2024 only (the bifacial exclusion to 24 September 2024, the
    Section 301 exclusions from 1 January 2024) gets its share from the days it had a margin;
    pricing still applies it only where the catalog has it in force on the entry date (the
    claimed law of that date has no margin otherwise). Where the margin is constant over 2024
    the share is the one the law of 31 December 2024 gives. The fitted shares reproduce the
    2024 duties of their cells under the averaged law, not under the law of any one day.

    The AVEs are taken on the law of :data:`CALIBRATION_DATE` (who paid the General rate
    without an additional duty on the last day of 2024).

The calibration takes a few seconds and is kept in the user cache under a fingerprint of the
catalog, the schedule, the trade table, the USMCA table and this module
(:func:`claim_calibration`). The numbers it gives reproduce the 2024 duties they were derived
from on the calibrated lines: docs/validation.md says how much of the validation that makes
circular.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from tariffscope.config import embedded_dir, user_dir
from tariffscope.domain.countries import EU_MEMBERS, EUN

if TYPE_CHECKING:
    from tariffscope.regime.vectorized import RateTable

__all__ = [
    "AVE_SOURCES",
    "CALIBRATION_DATE",
    "CALIBRATION_RANGE",
    "DATA_SHARE_CLAIM",
    "EXTRA_CLAIMS",
    "LEVELS",
    "ClaimCalibration",
    "calibrate_claims",
    "calibration_periods",
    "claim_calibration",
    "pooled_claims",
]

logger = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: The days whose laws, averaged, the pooled shares are fitted on: the year of the duties.
CALIBRATION_RANGE = (date(2024, 1, 1), date(2024, 12, 31))
#: The law the AVEs' General-rate payers are read on: the last day of 2024.
CALIBRATION_DATE = CALIBRATION_RANGE[1]
#: The programme whose shares are observed rather than calibrated.
DATA_SHARE_CLAIM = "usmca"
#: Claims besides the programmes that lower a duty at entry and are pooled with them.
EXTRA_CLAIMS: tuple[str, ...] = (
    "in_quota_232",
    "s232_exclusion",
    "s301_exclusion",
    "bifacial_solar",
)
#: Values of ``ClaimCalibration.ave_source``.
AVE_SOURCES = ("none", "general_rate_payers", "all_partners")
#: Values of ``ClaimCalibration.level``: where a partner's share on a line comes from.
LEVELS = ("none", "line", "chapter", "partner")
#: A rate margin below this (0.01 point) calibrates nothing.
MARGIN = 1e-4
_VERSION = "2"


def pooled_claims(catalog: object | None = None) -> tuple[str, ...]:
    """The claims pooled into one: every programme but USMCA, and :data:`EXTRA_CLAIMS`."""
    from tariffscope.regime.resolve import default_catalog

    law = catalog if catalog is not None else default_catalog()
    programmes = sorted(set(law.programmes) - {DATA_SHARE_CLAIM})  # type: ignore[attr-defined]
    return (*programmes, *EXTRA_CLAIMS)


@dataclass(frozen=True, eq=False)
class ClaimCalibration:
    """AVEs and pooled claim shares on the schedule's HTS8 lines, for every trade partner.

    Attributes
    ----------
    codes
        ``[L]`` the schedule's HTS8 lines (the law engine's rows).
    origins
        ``[O]`` every partner with 2024 imports.
    ave
        ``[L]`` AVE of the General rate (fraction) on specific and compound lines, NaN elsewhere
        and where no partner traded the line.
    ave_source
        ``[L]`` index into :data:`AVE_SOURCES`.
    share
        ``[L, O]`` share of the value that claims the pooled claims.
    level
        ``[L, O]`` index into :data:`LEVELS`: calibrated on the line, on the chapter, on the
        partner's lines, or not at all.
    claims
        The pooled claims.
    fitted
        ``[L, O]`` cells whose share was fitted to their own 2024 duties and not clipped
        (line by line, the EU aggregate's lines, or the chapter of a partner with chapter
        totals on lines with a margin): the averaged law of 2024 reproduces those duties by
        construction.
    """

    codes: npt.NDArray[np.str_]
    origins: tuple[str, ...]
    ave: FloatArray
    ave_source: npt.NDArray[np.int8]
    share: FloatArray
    level: npt.NDArray[np.int8]
    claims: tuple[str, ...]
    fitted: npt.NDArray[np.bool_]


def _schedule_arrays() -> tuple[FloatArray, FloatArray, FloatArray, tuple[str, ...]]:
    """2024 duties of every partner, and values and duties of the partners with their own
    lines (``observed_partners``, EUN as the EU aggregate), on the schedule's HTS8 rows."""
    from tariffscope.data.line_trade import load_line_trade
    from tariffscope.impact.pe.partners import schedule_rows, schedule_trade

    trade = load_line_trade("hts8")
    codes = schedule_trade().codes
    rows, taken = schedule_rows()
    duties = np.zeros((len(codes), len(trade.partners)))
    duties[rows[taken]] = trade.duties[taken]
    observed = np.zeros((len(codes), len(trade.observed_partners)))
    observed_duties = np.zeros_like(observed)
    observed[rows[taken]] = trade.observed[taken]
    observed_duties[rows[taken]] = trade.observed_duties[taken]
    return duties, observed, observed_duties, trade.observed_partners


def _representative(origins: tuple[str, ...], code: str) -> int:
    """The origin column that stands for ``code`` (an EU member for EUN)."""
    if code == EUN:
        return next(k for k, o in enumerate(origins) if o in EU_MEMBERS)
    return origins.index(code)


def _aves(
    origins: tuple[str, ...],
    observed: FloatArray,
    observed_duties: FloatArray,
    observed_partners: tuple[str, ...],
    plain: RateTable,
    claimed: RateTable,
) -> tuple[FloatArray, npt.NDArray[np.int8]]:
    """AVEs of specific and compound General rates (module docstring)."""
    columns = np.array([_representative(origins, q) for q in observed_partners])
    preference = claimed.preference_index
    no_preference = (
        np.ones((observed.shape[0], len(columns)), dtype=bool)
        if preference is None
        else preference[:, columns] < 0
    )
    additional = plain.additional[:, columns]
    column2 = np.array([origins[c] in plain.column2 for c in columns])
    payers = no_preference & (additional == 0) & ~column2[None, :]
    paid_value = (observed * payers).sum(axis=1)
    paid_duty = (observed_duties * payers).sum(axis=1)
    column1 = ~column2[None, :]
    all_value = (observed * column1).sum(axis=1)
    all_duty = ((observed_duties - observed * additional) * column1).sum(axis=1)
    specific = np.asarray(plain.mfn_specific, dtype=np.bool_)
    from_payers = specific & (paid_value > 0)
    from_all = specific & ~from_payers & (all_value > 0)
    ave = np.full(observed.shape[0], np.nan)
    ave[from_payers] = paid_duty[from_payers] / paid_value[from_payers]
    ave[from_all] = all_duty[from_all] / all_value[from_all]
    ave = np.clip(ave, 0.0, None)
    source = np.zeros(observed.shape[0], dtype=np.int8)
    source[from_payers] = 1
    source[from_all] = 2
    return ave, source


def _chapter_fallback(
    line_share: FloatArray,
    calibrated: npt.NDArray[np.bool_],
    weight: FloatArray,
    chapter: IntArray,
    n_chapters: int,
) -> tuple[FloatArray, npt.NDArray[np.int8]]:
    """Shares where the line calibrates, else the chapter's, else the partner's (weighted by
    value x margin over the calibrated lines), with the level of each."""
    from tariffscope.impact.pe.tariffs import sum_by_group

    w = np.where(calibrated, weight, 0.0)
    by_chapter = sum_by_group(w * np.where(calibrated, line_share, 0.0), chapter, n_chapters)
    chapter_weight = sum_by_group(w, chapter, n_chapters)
    chapter_share = np.divide(
        by_chapter, chapter_weight, out=np.zeros_like(by_chapter), where=chapter_weight > 0
    )
    total = w.sum(axis=0)
    overall = np.divide(
        (w * np.where(calibrated, line_share, 0.0)).sum(axis=0),
        total,
        out=np.zeros(w.shape[1]),
        where=total > 0,
    )
    has_chapter = (chapter_weight > 0)[chapter]
    share = np.where(
        calibrated,
        line_share,
        np.where(has_chapter, chapter_share[chapter], overall[None, :]),
    )
    level = np.where(calibrated, 1, np.where(has_chapter, 2, np.where(total > 0, 3, 0)))
    return share, level.astype(np.int8)


def calibration_periods(origins: tuple[str, ...]) -> tuple[tuple[date, float], ...]:
    """The first day of each distinct law of :data:`CALIBRATION_RANGE` for ``origins`` (with
    claims) and the share of the range's days it was in force."""
    from tariffscope.impact.etr.segments import law_segments
    from tariffscope.regime.resolve import default_catalog

    first, last = CALIBRATION_RANGE
    segments = law_segments(default_catalog(), origins, last, with_claims=True)
    periods = range(segments.index(first), segments.index(last) + 1)
    starts = [max(segments.starts[k], first) for k in periods]
    ends = [*starts[1:], last + timedelta(days=1)]
    days = (last - first).days + 1
    return tuple(
        (start, (end - start).days / days) for start, end in zip(starts, ends, strict=True)
    )


def _period_laws(
    codes: npt.NDArray[np.str_],
    origins: tuple[str, ...],
    eligible: list[str],
    start: date,
    claims: tuple[str, ...],
    ave: FloatArray,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """The law of the period from ``start`` without claims, with the pooled claims and with
    USMCA for ``eligible`` (the others without claims), ``[L, O]`` each; on HTS8 lines a
    measure covers only in part, the mean of their HTS10 lines weighted by the origin's own
    2024 imports, as pricing takes them (docs/assumptions.md P9): the shares are fitted on the
    rates they will be applied to, and a measure of some statistical lines keeps its margin."""
    from tariffscope.impact.partial_lines import partial_cells, partial_children, refine
    from tariffscope.regime.vectorized import resolve_lines

    def laws(on: list[str] | None, columns: tuple[str, ...]) -> tuple[object, ...]:
        without = resolve_lines(columns, start, codes=on, base_ave=ave)
        pooled = resolve_lines(columns, start, codes=on, claims=claims, base_ave=ave)
        usmca = (
            resolve_lines(eligible, start, codes=on, claims=(DATA_SHARE_CLAIM,), base_ave=ave)
            if eligible
            else None
        )
        return without, pooled, usmca

    def totals(tables: tuple[object, ...], columns: tuple[str, ...]) -> list[FloatArray]:
        without, pooled, usmca = tables
        with_usmca = np.array(without.total, copy=True)  # type: ignore[attr-defined]
        if usmca is not None:
            for k, origin in enumerate(eligible):
                with_usmca[:, columns.index(origin)] = usmca.total[:, k]  # type: ignore[attr-defined]
        return [without.total, pooled.total, with_usmca]  # type: ignore[attr-defined]

    tables = laws(None, origins)
    out = totals(tables, origins)
    cells = partial_cells(tables, codes, origins)
    if cells is not None:
        children = partial_children(codes, cells, origins)
        if children.codes.size:
            child = totals(
                laws([str(c) for c in children.codes], children.origins), children.origins
            )
            out = [refine(o, cells, children, c) for o, c in zip(out, child, strict=True)]
    return out[0], out[1], out[2]


def calibrate_claims() -> ClaimCalibration:
    """Compute the calibration (module docstring); :func:`claim_calibration` caches it."""
    from tariffscope.data.line_trade import load_line_trade
    from tariffscope.data.usmca_shares import load_usmca_shares
    from tariffscope.impact.pe.partners import schedule_trade
    from tariffscope.regime.vectorized import resolve_lines

    trade = schedule_trade()
    origins, codes, values = trade.origins, trade.codes, trade.values
    duties, observed, observed_duties, observed_partners = _schedule_arrays()
    claims = pooled_claims()
    day = CALIBRATION_DATE
    plain = resolve_lines(origins, day)
    claimed = resolve_lines(origins, day, claims=(*claims, DATA_SHARE_CLAIM))
    ave, ave_source = _aves(origins, observed, observed_duties, observed_partners, plain, claimed)
    ave.setflags(write=False)
    del plain, claimed
    shares = load_usmca_shares()
    eligible = [o for o in shares.partners if o in origins]
    usmca = np.zeros((len(codes), len(origins)))
    if eligible:
        observed_shares = shares.on_lines(codes, shares.period_for(day))
        for origin in eligible:
            usmca[:, origins.index(origin)] = observed_shares[:, shares.partners.index(origin)]
    # the law of each period of 2024 weighted by its days: t0, t1 and the USMCA rate
    t0 = np.zeros_like(usmca)
    t1 = np.zeros_like(usmca)
    usmca_rate = np.zeros_like(usmca)
    for start, weight in calibration_periods(origins):
        laws = _period_laws(codes, origins, eligible, start, claims, ave)
        t0 += weight * laws[0]
        t1 += weight * laws[1]
        usmca_rate += weight * laws[2]
    target = t0 - usmca * (t0 - usmca_rate)
    margin = t0 - t1
    cap = 1.0 - usmca

    line_trade = load_line_trade("hts8")
    chapters = np.asarray(line_trade.chapters)
    chapter = np.searchsorted(chapters, codes.astype("U2")).astype(np.int64)
    n_chapters = len(chapters)
    detail = dict(zip(line_trade.partners, line_trade.detail, strict=True))

    # partners with their own lines: line by line
    calibrated = (margin > MARGIN) & (values > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        line_share = np.clip((target - duties / values) / margin, 0.0, cap)
    line_share = np.where(calibrated, line_share, 0.0)
    share, level = _chapter_fallback(line_share, calibrated, values * margin, chapter, n_chapters)
    fitted = calibrated & _inside(line_share, cap)

    # EU members: the EU aggregate's lines (their own are its chapters spread)
    eu = observed_partners.index(EUN)
    member = _representative(origins, EUN)
    eu_value, eu_duty = observed[:, [eu]], observed_duties[:, [eu]]
    eu_margin = margin[:, [member]]
    eu_calibrated = (eu_margin > MARGIN) & (eu_value > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        eu_line = np.clip((t0[:, [member]] - eu_duty / eu_value) / eu_margin, 0.0, 1.0)
    eu_line = np.where(eu_calibrated, eu_line, 0.0)
    eu_fitted = eu_calibrated & _inside(eu_line, 1.0)
    eu_share, eu_level = _chapter_fallback(
        eu_line, eu_calibrated, eu_value * eu_margin, chapter, n_chapters
    )

    # partners with chapter totals only
    from tariffscope.impact.pe.tariffs import sum_by_group

    spread = np.array([detail[o] == "hs2_spread" for o in origins])
    if spread.any():
        v, d = values[:, spread], duties[:, spread]
        owed = sum_by_group(v * target[:, spread], chapter, n_chapters)
        room = sum_by_group(v * np.clip(margin[:, spread], 0.0, None), chapter, n_chapters)
        paid = sum_by_group(d, chapter, n_chapters)
        with np.errstate(divide="ignore", invalid="ignore"):
            by_chapter = np.clip((owed - paid) / room, 0.0, 1.0)
        ok = room > MARGIN * sum_by_group(v, chapter, n_chapters)
        by_chapter = np.where(ok, by_chapter, 0.0)
        spread_share, spread_level = _chapter_fallback(
            by_chapter[chapter],
            ok[chapter],
            v * np.clip(margin[:, spread], 0.0, None),
            chapter,
            n_chapters,
        )
        share[:, spread] = spread_share
        level[:, spread] = np.where(spread_level == 1, 2, spread_level)
        fitted[:, spread] = (
            ok[chapter] & (margin[:, spread] > MARGIN) & _inside(by_chapter[chapter], 1.0)
        )
    for k, origin in enumerate(origins):
        if detail[origin] == "eu_mix":
            share[:, k] = eu_share[:, 0]
            level[:, k] = eu_level[:, 0]
            fitted[:, k] = eu_fitted[:, 0]
    share = np.asfortranarray(np.minimum(share, cap))
    for array in (share, level, ave_source, fitted):
        array.setflags(write=False)
    return ClaimCalibration(codes, origins, ave, ave_source, share, level, claims, fitted)


def _inside(share: FloatArray, cap: FloatArray | float) -> npt.NDArray[np.bool_]:
    """Shares strictly inside their bounds: fitted exactly, not clipped."""
    return np.asarray((share > 1e-9) & (share < cap - 1e-9), dtype=bool)


def _fingerprint() -> str:
    from tariffscope.data.line_trade import TRADE_TABLE
    from tariffscope.data.usmca_shares import SHARES_TABLE
    from tariffscope.regime.resolve import _catalog_fingerprint
    from tariffscope.regime.schedule import load_schedule

    digest = hashlib.sha256(f"{_VERSION}|{_catalog_fingerprint(load_schedule())}".encode())
    for path in (embedded_dir() / TRADE_TABLE, embedded_dir() / SHARES_TABLE, Path(__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _write(calibration: ClaimCalibration, path: Path) -> None:
    rows, cols = np.nonzero(calibration.share)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".tmp.npz")
    np.savez_compressed(
        partial,
        origins=np.array(calibration.origins, dtype="U3"),
        claims=np.array(calibration.claims),
        ave=calibration.ave,
        ave_source=calibration.ave_source,
        rows=rows.astype(np.int32),
        cols=cols.astype(np.int16),
        share=calibration.share[rows, cols],
        level=calibration.level,
        fitted=np.packbits(calibration.fitted, axis=None),
    )
    partial.replace(path)


def _read(path: Path, codes: npt.NDArray[np.str_]) -> ClaimCalibration:
    with np.load(path, allow_pickle=False) as stored:
        origins = tuple(str(o) for o in stored["origins"])
        # column-major, as the law engine's rate tables are: the shares multiply them
        share = np.zeros((len(codes), len(origins)), order="F")
        share[stored["rows"], stored["cols"]] = stored["share"]
        calibration = ClaimCalibration(
            codes=codes,
            origins=origins,
            ave=np.asarray(stored["ave"]),
            ave_source=np.asarray(stored["ave_source"]),
            share=share,
            level=np.asarray(stored["level"]),
            claims=tuple(str(c) for c in stored["claims"]),
            fitted=np.unpackbits(stored["fitted"], count=share.size)
            .astype(bool)
            .reshape(share.shape),
        )
    if calibration.level.shape != share.shape or calibration.ave.shape != (len(codes),):
        raise ValueError("stored calibration does not match the schedule")
    arrays = (calibration.ave, calibration.ave_source, share, calibration.level)
    for array in (*arrays, calibration.fitted):
        array.setflags(write=False)
    return calibration


@cache
def claim_calibration() -> ClaimCalibration:
    """The calibration, from the user cache or computed and stored there (cached)."""
    from tariffscope.impact.pe.partners import schedule_trade

    path = user_dir() / "cache" / "applied" / f"claims-{_fingerprint()}.npz"
    codes = schedule_trade().codes
    try:
        return _read(path, codes)
    except (OSError, ValueError, KeyError) as error:
        logger.info("claim calibration not read from the cache (%s); computing it", error)
    calibration = calibrate_claims()
    try:
        _write(calibration, path)
    except OSError as error:  # a read-only home still works, only slower
        logger.info("claim calibration not cached: %s", error)
    return calibration
