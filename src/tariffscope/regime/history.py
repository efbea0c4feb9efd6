"""How the duty on one line from one origin changed over time, and which measure changed it.

The total can change only on a date where some measure or stacking rule starts or ends, so
:func:`history` resolves the line on each such date and keeps the dates where the total or the
set of applied measures changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tariffscope.regime.catalog import Catalog
from tariffscope.regime.measures import ENACTED_STATUSES
from tariffscope.regime.resolve import Resolution, default_catalog, parse_date, resolve
from tariffscope.regime.scenario import Scenario, apply_scenario

__all__ = ["Change", "change_dates", "history"]


@dataclass(frozen=True)
class Change:
    """From ``date`` on, the total is ``resolution.total_pct`` (was ``previous_pct``)."""

    date: date
    resolution: Resolution
    previous_pct: float | None
    started: tuple[str, ...]
    ended: tuple[str, ...]

    @property
    def total_pct(self) -> float:
        return self.resolution.total_pct

    def cause(self) -> str:
        parts = [f"+{m}" for m in self.started] + [f"-{m}" for m in self.ended]
        return " ".join(parts) if parts else "rates of the same measures changed"

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "total_pct": self.total_pct,
            "previous_pct": self.previous_pct,
            "started": list(self.started),
            "ended": list(self.ended),
            "components": [c.to_dict() for c in self.resolution.components],
        }


def change_dates(catalog: Catalog, start: date, end: date) -> list[date]:
    """Dates in [start, end] on which a measure, a stacking rule or a preference programme (or
    a country's eligibility for it, or a lapse) starts or ends."""
    days = {start}
    for programme in catalog.programmes.values():
        bounds = [programme.start, programme.end]
        bounds += [d for p in programme.countries for d in (p.start, p.end)]
        bounds += [d for lapse in programme.lapses for d in (lapse.start, lapse.end)]
        days.update(day for day in bounds if day is not None and start <= day <= end)
    for measure in catalog.measures:
        if measure.status not in ENACTED_STATUSES:
            continue
        for day in (measure.effective_from, measure.effective_to):
            if day is not None and start <= day <= end:
                days.add(day)
    for rule in catalog.rules:
        for day in (rule.effective_from, rule.effective_to):
            if day is not None and start <= day <= end:
                days.add(day)
    return sorted(days)


def history(
    hts: str,
    origin: str,
    *,
    start: date | str | None = None,
    end: date | str | None = None,
    scenario: Scenario | None = None,
    claims: tuple[str, ...] = (),
    catalog: Catalog | None = None,
) -> list[Change]:
    """Every change of the total duty on ``hts`` from ``origin`` between ``start`` and ``end``.

    Defaults cover the catalog from its first day to the end of the latest scheduled measure.
    The first row gives the duty on ``start``.
    """
    law = catalog or default_catalog()
    if scenario is not None:
        law = apply_scenario(law, scenario)
    first = parse_date(start, "start date") if start is not None else law.coverage_start
    scheduled = [m.effective_from for m in law.measures if m.effective_from is not None]
    last = parse_date(end, "end date") if end is not None else max([law.coverage_end, *scheduled])
    changes: list[Change] = []
    previous: Resolution | None = None
    for day in change_dates(law, first, last):
        current = resolve(hts, origin, day, claims=claims, catalog=law)
        if previous is not None:
            before = {c.measure for c in previous.components}
            after = {c.measure for c in current.components}
            if abs(current.total_pct - previous.total_pct) < 1e-9 and before == after:
                continue
            started, ended = sorted(after - before), sorted(before - after)
        else:
            started, ended = sorted(c.measure for c in current.components), []
        changes.append(
            Change(
                day,
                current,
                None if previous is None else previous.total_pct,
                tuple(started),
                tuple(ended),
            )
        )
        previous = current
    return changes
