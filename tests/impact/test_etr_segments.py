"""The periods of one law (tariffscope.impact.etr.segments) agree with engine.active_measures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tariffscope.impact.etr import law_segments
from tariffscope.impact.pe.partners import schedule_trade
from tariffscope.regime.engine import active_measures
from tariffscope.regime.history import change_dates
from tariffscope.regime.resolve import default_catalog

pytestmark = pytest.mark.issue(9)

END = date(2025, 12, 31)


def _law(origin: str, day: date) -> tuple[object, ...]:
    """What the law of an origin on a day is made of, from the engine itself."""
    catalog = default_catalog()
    activation = active_measures(catalog, origin, day)
    measures = {m.id for m in (*activation.measures, *activation.claimable)}
    rules = {r.id for r in catalog.rules if r.in_effect(day, origin)}
    return (frozenset(measures), frozenset(rules), catalog.pays_column2(origin, day))


@pytest.fixture(scope="module")
def segments() -> object:
    return law_segments(default_catalog(), schedule_trade().origins, END)


def test_periods_start_on_change_dates(segments) -> None:  # type: ignore[no-untyped-def]
    catalog = default_catalog()
    assert segments.starts[0] == catalog.coverage_start
    assert set(segments.starts) <= set(change_dates(catalog, catalog.coverage_start, END))
    assert list(segments.starts) == sorted(segments.starts)


def test_the_state_of_an_origin_changes_exactly_when_its_measures_do(segments) -> None:  # type: ignore[no-untyped-def]
    origins = segments.origins
    sample = [o for o in ("CHN", "CAN", "BRA", "IND", "CHE", "DEU", "ZAF") if o in origins]
    for k in range(1, len(segments.starts)):
        day, before = segments.starts[k], segments.starts[k] - timedelta(days=1)
        for origin in sample:
            column = origins.index(origin)
            same_state = segments.state[k, column] == segments.state[k - 1, column]
            assert same_state == (_law(origin, day) == _law(origin, before)), (origin, day)
        # a merged period is real: some origin's law differs from the day before
        assert (segments.state[k] != segments.state[k - 1]).any()


def test_within_a_period_every_day_has_the_law_of_its_start(segments) -> None:  # type: ignore[no-untyped-def]
    for k in range(len(segments.starts) - 1):
        first, nxt = segments.starts[k], segments.starts[k + 1]
        middle = first + (nxt - first) // 2
        assert segments.index(middle) == k
        for origin in ("CHN", "MEX", "VNM"):
            assert _law(origin, middle) == _law(origin, first), (origin, middle)


def test_since_is_the_first_day_of_the_unchanged_law(segments) -> None:  # type: ignore[no-untyped-def]
    column = segments.origins.index("CHN")
    for k in range(1, len(segments.starts)):
        since = segments.since[k, column]
        assert since <= segments.starts[k]
        j = segments.starts.index(since)
        assert (segments.state[j : k + 1, column] == segments.state[k, column]).all()
        if j > 0:
            assert segments.state[j - 1, column] != segments.state[k, column]
