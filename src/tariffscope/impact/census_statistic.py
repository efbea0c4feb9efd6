r"""Duties as the Census Bureau calculates them: a property of the statistic, not of the law.

GSP expired on 31 December 2020 and no entry can claim it since (the law, and every price the
engines give, charge such entries the General rate). Importers kept flagging GSP-eligible
entries with Special Program Indicator "A" while depositing duty at the General rate, so that a
retroactive renewal could refund them; the 2024 data show the *calculated duty* Census reports
on such entries at the GSP rate (docs/validation.md, "GSP-flagged entries"). The validation
compares the law with that statistic, so it must compute what the statistic computes.

On line :math:`l` and partner :math:`o` that general note 4(a) designates, where the Special
column lists a GSP rate (A, A*, A+) below the base part :math:`b_{lo}` of the applied rate
:math:`r_{lo}` (:mod:`tariffscope.impact.applied`), the duty as calculated is

.. math::

    c_{lo} = r_{lo} - g_o \max(0,\ b_{lo} - t^{GSP}_l),

where :math:`g_o` is the share of the partner's GSP-eligible value flagged "A". It is fitted
like the pooled claim shares (:mod:`tariffscope.impact.claim_shares`) on the law of 31 December
2024, but with one share per partner over all its GSP lines, not one per line: a share per line
would reproduce every GSP line by construction and test nothing. What is circular: each
partner's total duty on its GSP lines, where its share lies strictly between 0 and 1; the
spread of that total over the lines is not fitted. Only :mod:`tariffscope.impact.validation`
uses these shares; pricing never grants GSP after 2020.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

__all__ = ["GspFlagShares", "census_rates", "gsp_flag_shares", "gsp_margin"]

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class GspFlagShares:
    """The share of each partner's GSP-eligible value whose duty Census calculates at the GSP
    rate (:func:`gsp_flag_shares`).

    Attributes
    ----------
    origins
        ``[O]`` the validation's origins.
    share
        ``[O]`` the fitted shares, in [0, 1] (0 for partners general note 4(a) does not
        designate, or without GSP lines with a margin).
    interior
        ``[O]`` True where the share lies strictly inside (0, 1): the partner's total duty on its
        GSP lines is reproduced by construction there.
    """

    origins: tuple[str, ...]
    share: FloatArray
    interior: npt.NDArray[np.bool_]


def gsp_lines(origins: tuple[str, ...]) -> tuple[BoolArray, FloatArray]:
    """``[L, O]`` the cells of lines with a GSP rate for designated origins, and ``[L]`` the
    GSP rate's ad valorem part (fractions) on the schedule's HTS8 lines."""
    from tariffscope.regime.resolve import default_catalog
    from tariffscope.regime.schedule import load_schedule

    schedule = load_schedule()
    gsp = default_catalog().programmes["gsp"]
    column = schedule.special_rates(tuple(gsp.codes))
    designated = np.array([o in gsp.eligible_countries for o in origins])
    cells = column.listed[:, None] & designated[None, :]
    return np.asarray(cells, dtype=bool), np.asarray(column.ad_valorem, dtype=np.float64)


def gsp_margin(base: FloatArray, origins: tuple[str, ...]) -> FloatArray:
    """``[L, O]`` how much lower the GSP rate is than the base part of the applied rate, on the
    GSP lines of designated origins (0 elsewhere)."""
    cells, rate = gsp_lines(origins)
    return np.where(cells, np.clip(base - rate[:, None], 0.0, None), 0.0)


def census_rates(applied: FloatArray, base: FloatArray, shares: GspFlagShares) -> FloatArray:
    """``[L, O]`` the applied rates as Census calculates the duty (module docstring)."""
    return applied - shares.share[None, :] * gsp_margin(base, shares.origins)


@cache
def gsp_flag_shares() -> GspFlagShares:
    """Fit :math:`g_o` on the applied law of 31 December 2024 and the 2024 calculated duties:
    the gap between the law and the duties on the partner's GSP lines over what the GSP rate
    would remove, clipped to [0, 1]."""
    from tariffscope.impact.applied import applied_line_rates
    from tariffscope.impact.claim_shares import CALIBRATION_DATE, _schedule_arrays
    from tariffscope.impact.pe.partners import schedule_trade

    trade = schedule_trade()
    origins, values = trade.origins, trade.values
    duties = _schedule_arrays()[0]
    law = applied_line_rates(trade, CALIBRATION_DATE, share_period="2024")
    applied, base = np.nan_to_num(law.rates), np.nan_to_num(law.base)
    margin = gsp_margin(base, origins)
    on = margin > 0
    excess = np.where(on, applied * values - duties, 0.0).sum(axis=0)
    room = (margin * values).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        fitted = np.where(room > 0, excess / room, 0.0)
    share = np.clip(fitted, 0.0, 1.0)
    interior = (share > 1e-9) & (share < 1.0 - 1e-9)
    share.setflags(write=False)
    interior.setflags(write=False)
    return GspFlagShares(tuple(origins), share, interior)
