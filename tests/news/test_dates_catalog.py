"""Dating a story that states no date by the law it reports (synthetic actions and stories).

Every catalog action here is written for the test (partner "AAA", "BBB", invented rates and
days); the dater is pure, so the catalog never enters.
"""

from __future__ import annotations

import datetime as dt

from tariffscope.news.dates import find_dates
from tariffscope.news.dates_catalog import (
    CatalogAction,
    ReportedMeasure,
    catalog_bounds,
    catalog_day,
    horizon_day,
)
from tariffscope.news.dates_story import LawClues, story_date

D = dt.date
HORIZON = D(2026, 7, 3)


def action(
    partner: str,
    rate: float,
    announced: dt.date,
    effective: dt.date | None,
    *,
    until: dt.date | None = None,
    all_products: bool = True,
    group: str = "g_all",
    enacted: bool = True,
    label: str = "SYN",
) -> CatalogAction:
    return CatalogAction(
        partner, rate, announced, effective, until, all_products, group, enacted, label
    )


SYNTHETIC_ACTIONS = (
    action("AAA", 10.0, D(2025, 4, 2), D(2025, 4, 5), label="SYN-BASE-10"),
    action("AAA", 25.0, D(2025, 7, 7), D(2025, 8, 1), enacted=False, label="SYN-THREAT-25"),
    action("AAA", 15.0, D(2025, 7, 31), D(2025, 8, 7), label="SYN-DEAL-15"),
    action(
        "AAA",
        15.0,
        D(2025, 9, 4),
        D(2025, 9, 16),
        all_products=False,
        group="autos",
        label="SYN-AUTOS-15",
    ),
    action("BBB", 40.0, D(2025, 7, 30), D(2025, 8, 6), label="SYN-BBB-40"),
)


def reported(
    target: str, rate: float, status: str, goods: str = "all", groups=()
) -> ReportedMeasure:
    return ReportedMeasure(target, rate, status, goods, frozenset(groups))


def test_a_rate_reported_in_force_dates_the_story_on_or_after_its_effective_day() -> None:
    day, how = catalog_day([reported("AAA", 10.0, "in_force")], SYNTHETIC_ACTIONS)
    assert day == D(2025, 4, 5)
    assert "SYN-BASE-10" in how and "took effect" in how


def test_an_agreed_rate_dates_the_story_on_or_after_the_matched_announcement() -> None:
    day, how = catalog_day([reported("AAA", 15.0, "agreed")], SYNTHETIC_ACTIONS)
    assert day == D(2025, 7, 31)  # the earliest 15% on all of AAA's goods, not the autos one
    assert "SYN-DEAL-15" in how and "announced" in how


def test_named_goods_match_their_group_or_an_all_products_action() -> None:
    autos = reported("AAA", 15.0, "in_force", "specific", {"autos"})
    low, _ = catalog_bounds([autos], SYNTHETIC_ACTIONS)
    assert low is not None and low.day == D(2025, 8, 7)  # the 15% on all goods came first
    only_autos = [a for a in SYNTHETIC_ACTIONS if a.label != "SYN-DEAL-15"]
    low, _ = catalog_bounds([autos], only_autos)
    assert low is not None and low.day == D(2025, 9, 16)
    # a 15% on all goods is not the autos action
    low, high = catalog_bounds([reported("AAA", 15.0, "in_force")], only_autos)
    assert low is None and high is None


def test_the_latest_lower_bound_of_several_reported_measures_wins() -> None:
    day, _ = catalog_day(
        [reported("AAA", 10.0, "in_force"), reported("BBB", 40.0, "agreed")], SYNTHETIC_ACTIONS
    )
    assert day == D(2025, 7, 30)


def test_a_story_reporting_only_threats_is_dated_before_their_effective_day() -> None:
    day, how = catalog_day([reported("BBB", 40.0, "threatened")], SYNTHETIC_ACTIONS)
    assert day == D(2025, 8, 5) and day < D(2025, 8, 6)
    assert "threat" in how
    # a threat the catalog records as a threat, never enacted, bounds the story the same way
    day, _ = catalog_day([reported("AAA", 25.0, "threatened")], SYNTHETIC_ACTIONS)
    assert day == D(2025, 7, 31)


def test_a_rate_reported_in_force_never_matches_a_threat_only_recorded() -> None:
    assert catalog_day([reported("AAA", 25.0, "in_force")], SYNTHETIC_ACTIONS) is None


def test_a_year_the_story_gives_moves_the_day_into_it_when_the_bounds_allow() -> None:
    day, how = catalog_day(
        [reported("AAA", 10.0, "in_force")], SYNTHETIC_ACTIONS, year=2026, year_from="its URL"
    )
    assert day == D(2026, 1, 1) and "2026" in how
    # a year before what the story reports is inconsistent: the law wins
    day, _ = catalog_day(
        [reported("AAA", 10.0, "in_force")], SYNTHETIC_ACTIONS, year=2024, year_from="its URL"
    )
    assert day == D(2025, 4, 5)


def test_nothing_matched_leaves_the_horizon() -> None:
    assert catalog_day([reported("CCC", 10.0, "in_force")], SYNTHETIC_ACTIONS) is None
    day, how = horizon_day(HORIZON)
    assert day == HORIZON and "much older" in how
    day, _ = horizon_day(HORIZON, year=2025, year_from="its title")
    assert day == D(2025, 12, 31)


def _dated(text: str, law: LawClues | None, title: str | None = None):
    exprs = [(e, -1) for e in find_dates(text)]
    return story_date(exprs, text=text, title=title, horizon=HORIZON, law=law)


SYNTHETIC_STORY = "Officials said the 10% tariff on AAA goods remains in place."


def test_story_date_uses_the_law_only_when_the_story_states_no_date() -> None:
    law = LawClues((reported("AAA", 10.0, "in_force"),), SYNTHETIC_ACTIONS)
    clue = _dated(SYNTHETIC_STORY, law)
    assert clue is not None and clue.basis == "catalog" and clue.day == D(2025, 4, 5)
    # a date it states comes first, law or not
    clue = _dated(SYNTHETIC_STORY + " They met on March 3, 2026.", law)
    assert clue is not None and clue.basis == "stated" and clue.day == D(2026, 3, 3)
    # without the law (the reader's case) the story stays undated
    assert _dated(SYNTHETIC_STORY, None) is None


def test_story_date_falls_back_to_the_horizon_with_its_reason() -> None:
    law = LawClues((), SYNTHETIC_ACTIONS)
    clue = _dated("Officials met again on Tuesday.", law)
    assert clue is not None and clue.basis == "horizon" and clue.day == HORIZON
    assert HORIZON.isoformat() in clue.detail
    clue = _dated("Officials met again on Tuesday.", law, title="The 2025 talks go on")
    assert clue is not None and clue.basis == "horizon" and clue.day == D(2025, 12, 31)
