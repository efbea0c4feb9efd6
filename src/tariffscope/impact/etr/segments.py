"""The days on which the law changes for some partner, and since when each partner's law holds.

The law on goods of an origin can change only on a date where a measure, a stacking rule, a
preference programme (or a country's eligibility for it) starts or ends
(:func:`tariffscope.regime.history.change_dates`). On each such date this module computes the
*state* of every origin: the enacted measures in effect that cover it (with or without claims:
a measure conditioned on a claim is part of the law either way), the stacking rules in effect
for it, whether it pays the Column 2 rates and, for rates that take claims, the programmes it
may claim. Consecutive change dates on which no origin's state differs are merged, so a law is
resolved once per distinct set of active measures, not once per date or day.

This is the selection :func:`tariffscope.regime.engine.active_measures` makes (enacted status,
in effect on the date, covering the origin; the law as known now), done for every origin at
once; ``tests/impact/test_etr_segments.py`` checks that the two agree.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from tariffscope.regime.catalog import Catalog
from tariffscope.regime.history import change_dates
from tariffscope.regime.measures import ENACTED_STATUSES

__all__ = ["LawSegments", "law_segments"]

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class LawSegments:
    """Periods of one law, from the catalog's first day to ``end``.

    Attributes
    ----------
    starts
        ``[K]`` first day of each period, ascending (the first is the catalog's first day); a
        period lasts until the next start.
    state
        ``[K, O]`` an id of each origin's law in each period (equal ids: the same law).
    since
        ``[K, O]`` the first day of the run of periods over which the origin's law has been
        the one of period ``k`` (the date its law of period ``k`` took effect).
    origins
        ``[O]`` the origins, as given.
    """

    starts: tuple[date, ...]
    state: IntArray
    since: npt.NDArray[np.object_]
    origins: tuple[str, ...]

    def index(self, day: date) -> int:
        """The period that holds ``day`` (0 for a day before the first start)."""
        return max(bisect_right(self.starts, day) - 1, 0)


def _programme_days(catalog: Catalog, start: date, end: date) -> set[date]:
    days: set[date] = set()
    for programme in catalog.programmes.values():
        bounds = [programme.start, programme.end]
        bounds += [d for p in programme.countries for d in (p.start, p.end)]
        bounds += [d for lapse in programme.lapses for d in (lapse.start, lapse.end)]
        days.update(d for d in bounds if d is not None and start <= d <= end)
    return days


def law_segments(
    catalog: Catalog,
    origins: Sequence[str],
    end: date,
    *,
    with_claims: bool = False,
    extra_breaks: Iterable[date] = (),
) -> LawSegments:
    """The periods of one law for ``origins`` from the catalog's first day to ``end``.

    Parameters
    ----------
    catalog
        The measure catalog (with any scenario applied).
    origins
        ISO3 codes.
    end
        Last day of interest (inclusive).
    with_claims
        Whether the rates depend on the preference programmes an origin may claim (applied
        rates do, statutory rates do not): a change of eligibility then starts a period.
    extra_breaks
        Further days on which the rates change for every origin (e.g. the first day of each
        month of monthly claim shares).
    """
    first = catalog.coverage_start
    extra = sorted(d for d in set(extra_breaks) if first <= d <= end)
    days = sorted({*change_dates(catalog, first, end), *extra})
    enacted = [m for m in catalog.measures if m.status in ENACTED_STATUSES]
    covers = np.array([[m.covers_origin(o) for o in origins] for m in enacted], dtype=bool)
    covers = covers.reshape(len(enacted), len(origins))
    programme_days = _programme_days(catalog, first, end) | {first}
    states: dict[tuple[object, ...], int] = {}
    rows: list[list[int]] = []
    eligible: list[tuple[str, ...]] = [()] * len(origins)
    for day in days:
        active = np.array([m.in_effect(day, m.effective_to) for m in enacted], dtype=bool)
        per_origin = np.packbits(covers & active[:, None], axis=0)
        if with_claims and day in programme_days:
            eligible = [tuple(p.id for p in catalog.eligible_programmes(o, day)) for o in origins]
        # the last extra break on or before the day: rates may differ across it
        tag = extra[bisect_right(extra, day) - 1] if extra and extra[0] <= day else None
        row = []
        for column, origin in enumerate(origins):
            key = (
                per_origin[:, column].tobytes(),
                tuple(r.id for r in catalog.rules if r.in_effect(day, origin)),
                catalog.pays_column2(origin, day),
                eligible[column] if with_claims else (),
                tag,
            )
            row.append(states.setdefault(key, len(states)))
        rows.append(row)
    matrix = np.array(rows, dtype=np.int64).reshape(len(days), len(origins))
    changed = np.ones(len(days), dtype=bool)
    changed[1:] = (matrix[1:] != matrix[:-1]).any(axis=1)
    keep = np.flatnonzero(changed)
    state = matrix[keep]
    starts = tuple(days[k] for k in keep)
    ordinals = np.empty(state.shape, dtype=np.int64)
    ordinals[0] = starts[0].toordinal()
    for k in range(1, len(keep)):
        same = state[k] == state[k - 1]
        ordinals[k] = np.where(same, ordinals[k - 1], starts[k].toordinal())
    since = np.empty(state.shape, dtype=object)
    since[...] = [[date.fromordinal(int(o)) for o in row] for row in ordinals]
    return LawSegments(starts=starts, state=state, since=since, origins=tuple(origins))
