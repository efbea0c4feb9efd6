"""Classes left by round 18's fresh stories, each on sentences and stories written for the
test (docs/assumptions.md "Fresh stories, round 18b: classes left by round 18")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from _brief_cli import brief_json

from tariffscope.news.api import extract, extract_path
from tariffscope.news.dates_catalog import CatalogAction, ReportedMeasure, catalog_bounds
from tariffscope.news.ingest import article_from_text

DATA = Path(__file__).with_name("data")
pytestmark = pytest.mark.issue(9)


def _brief(name: str, tmp_path: Path) -> dict:
    return brief_json(DATA / name, tmp_path / "brief.json", "--draws", "0", "--ge", "none")


# -- A. a threatened change of a partner's own rate is dated by the partner's own action ----


def _action(rate: float, effective: str, *, own: bool, announced: str) -> CatalogAction:
    return CatalogAction(
        partner="MDG",
        rate_pct=rate,
        announced=dt.date.fromisoformat(announced),
        effective=dt.date.fromisoformat(effective),
        until=None,
        all_products=True,
        group="g",
        enacted=True,
        label=f"{rate:g}% from {effective}",
        own=own,
    )


ACTIONS = (
    _action(47.0, "2025-04-09", own=True, announced="2025-04-02"),
    _action(15.0, "2025-08-07", own=True, announced="2025-07-31"),
    _action(15.0, "2026-02-24", own=False, announced="2026-02-20"),  # on every origin
)


def test_a_threatened_cut_from_the_partners_own_rate_is_bounded_by_its_own_action() -> None:
    threat = ReportedMeasure("MDG", 15.0, "threatened", "all", from_pct=47.0)
    _, high = catalog_bounds([threat], ACTIONS)
    # main: 2026-02-23, before the 15% on every origin (the weakest bound), which gave a
    # yearless "April" the year 2026
    assert high is not None and high.day == dt.date(2025, 8, 6)


def test_a_threat_without_a_rate_it_changes_keeps_every_origins_action() -> None:
    # guard: a new threat at the rate of an old own action ("10% tariffs on eight countries
    # from February 1") may be a later one; nothing tells which, so the weakest bound holds
    threat = ReportedMeasure("MDG", 15.0, "threatened", "all")
    _, high = catalog_bounds([threat], ACTIONS)
    assert high is not None and high.day == dt.date(2026, 2, 23)


def test_a_threatened_cut_of_a_partners_rate_is_briefed_under_that_years_law(
    tmp_path: Path,
) -> None:
    data = _brief("synthetic-own-rate-cut-threat.txt", tmp_path)
    # main: 2026-04-30, the threat linked to the Section 122 rate on every origin
    assert data["as_of"].startswith("2025-")
    assert all(not (m["measure"] or "").startswith("S122") for m in data["measures"])


# -- B. the one thanked for a cut lays it -----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenya's trade minister thanked President Trump for cutting the 25% tariff on Kenyan tea.",
        "Kenya's trade minister praised the White House for reducing the 25% levy on Kenyan tea.",
    ],
)
def test_the_one_thanked_for_a_cut_lays_the_rate(sentence: str) -> None:
    found = extract(article_from_text(sentence))
    # main: no measure (the minister's Kenya read as the imposer of a rate on Kenyan tea)
    assert [(m.imposer, m.target) for m in found.measures] == [("USA", "KEN")]


def test_a_partner_thanking_for_a_cut_is_briefed_us_first(tmp_path: Path) -> None:
    data = _brief("synthetic-thanks-for-lowering.txt", tmp_path)
    # main: MDG-USA, the 47% and 30% read as Madagascar's on US goods
    assert data["pair"] == ["USA", "MDG"]
    assert {m["mention"]["target"] for m in data["measures"]} == {"MDG"}


def test_a_step_of_a_cut_in_force_is_no_threat(tmp_path: Path) -> None:
    data = _brief("synthetic-thanks-for-lowering.txt", tmp_path)
    # the 30% the 47% was "later reduced to", before the 15% in force, is a step passed:
    # without the rule it is priced as "Proposal adopted: 30%"
    assert [o["key"] for o in data["outcomes"]] == ["law"]


# -- C. the US's removal after the partner's concession is on the partner's goods -----------


def test_the_us_removal_after_a_concession_on_us_goods_is_on_the_partner() -> None:
    found = extract_path(DATA / "synthetic-framework-removal-undated.txt")
    ours = [(m.imposer, m.target, m.to_rate_pct) for m in found.measures if m.imposer == "USA"]
    # main: none (the removal took the US goods of Ecuador's concession before it)
    assert ours == [("USA", "ECU", 0.0)]


def test_an_undated_framework_removal_is_dated_by_the_catalogs_exemption(
    tmp_path: Path,
) -> None:
    data = _brief("synthetic-framework-removal-undated.txt", tmp_path)
    # main: ECU-USA as of 2026-07-03 (the catalog's last day: no measure the catalog dates)
    assert data["pair"] == ["USA", "ECU"]
    assert data["as_of"] == "2025-11-13"
    assert data["dating"][0]["basis"] == "catalog"
    assert "LATAM-FRAMEWORKS-2025-11-13" in data["dating"][0]["detail"]


def test_a_removal_at_zero_matches_no_sectors_quota() -> None:
    quota = CatalogAction(
        partner="ARG",
        rate_pct=0.0,
        announced=dt.date(2018, 4, 30),
        effective=dt.date(2018, 6, 1),
        until=None,
        all_products=False,
        group="s232_steel",
        enacted=True,
        label="a steel quota's duty-free share",
    )
    removal = ReportedMeasure("ARG", 0.0, "agreed", "some")
    # a 0% on goods the caller could not place matched the 2018 steel quota at 0%
    assert catalog_bounds([removal], [quota]) == (None, None)
