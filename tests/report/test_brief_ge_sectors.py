"""An outcome on goods the GE model has no sector for says so (round 14, issue 9).

The one-sector gravity model's flows are manufactures only (ISIC 15-37): a duty on fresh
fruit or green coffee changes no tariff it sees, and its increment of exactly 0 was shown as a
result. Such an outcome is not solved against its status quo; the brief says "not computed"
and why, in the terminal and the JSON, while the partial-equilibrium result stands. Written
story: ``data/synthetic-colombia-avocados.txt`` (not a real wire story), a 30% duty on
avocados from Colombia from 1 September 2025.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from _brief_cli import brief_json

from tariffscope.impact.economy_wide import model_concordance
from tariffscope.impact.law_tariffs import scope_in_sectors
from tariffscope.regime.scenario import scenario_from_mapping
from tariffscope.report.economy import outside_model
from tariffscope.report.scenarios import OutcomeSpec

STORY = Path(__file__).with_name("data") / "synthetic-colombia-avocados.txt"
pytestmark = pytest.mark.issue(9)
DAY = date(2025, 3, 3)


def _duty_on(prefixes: list[str], target: str) -> OutcomeSpec:
    scenario = scenario_from_mapping(
        {
            "name": "written",
            "add": [
                {
                    "id": "WRITTEN-DUTY",
                    "title": "a written duty",
                    "authority": "news",
                    "instrument": "written for the test",
                    "sources": ["article:written-for-the-test"],
                    "published_date": DAY.isoformat(),
                    "effective_from": DAY.isoformat(),
                    "targets": [target],
                    "group": "news_goods",
                    "rule": "additional",
                    "rate_pct": 40.0,
                    "products": {"include": prefixes, "note": "the written goods"},
                }
            ],
        }
    )
    return OutcomeSpec(
        key="threat:w",
        label="written",
        description="",
        entry_date=DAY,
        as_known=DAY,
        scenario=scenario,
    )


def test_fresh_fruit_is_in_no_sector_of_the_gravity_model() -> None:
    found = outside_model(_duty_on(["0804"], "PER"), "gravity")
    assert found == (0.0, "the written goods")


def test_coffee_is_partly_in_the_gravity_model_and_whole_in_caliendo_parro() -> None:
    # roasted coffee (0901.21-22) is processed food (GTAP ofd), green coffee a crop (ocr)
    found = outside_model(_duty_on(["0901"], "BRA"), "gravity")
    assert found is not None and 0.0 < found[0] < 0.995
    assert outside_model(_duty_on(["0901"], "BRA"), "cp") is None


def test_manufactures_and_all_goods_are_in_the_gravity_model() -> None:
    assert outside_model(_duty_on(["7208"], "KOR"), "gravity") is None
    law = OutcomeSpec(key="law", label="law", description="", entry_date=DAY, as_known=DAY)
    assert outside_model(law, "gravity") is None


def test_the_share_is_the_origins_imports_on_the_lines() -> None:
    spec = _duty_on(["0901"], "BRA")
    assert spec.scenario is not None
    masks = [m.scope.mask for m in spec.scenario.add]
    brazil = scope_in_sectors(model_concordance("gravity"), masks, ["BRA"])
    world = scope_in_sectors(model_concordance("gravity"), masks)
    assert 0 < brazil.in_sectors_usd < brazil.total_usd < world.total_usd
    assert brazil.share == pytest.approx(brazil.in_sectors_usd / brazil.total_usd)


@pytest.mark.slow
def test_a_duty_on_fruit_gives_no_silent_zero_in_general_equilibrium(tmp_path: Path) -> None:
    data = brief_json(STORY, tmp_path / "brief.json", "--draws", "10")
    assert data["pair"] == ["USA", "COL"]
    (threat,) = [o for o in data["outcomes"] if o["key"].startswith("threat:")]
    key = threat["key"]
    # the partial-equilibrium increment stands: imports from Colombia fall
    (pe,) = [
        r
        for r in data["headline"]
        if r["outcome"] == key and r["metric"] == "imports_focus_change_usd_vs_status_quo"
    ]
    assert pe["median"] < -1e6
    economy: dict[str, Any] = data["economy"]
    (missing,) = economy["not_computed"]
    assert missing["outcome_key"] == key and missing["comparison"] == "status_quo"
    assert missing["reason"].startswith("not computed: the gravity model has no sector")
    assert "avocado" in missing["reason"]
    assert not [
        r for r in economy["rows"] if r["outcome_key"] == key and r["comparison"] == "status_quo"
    ]
    (row,) = [
        m
        for m in data["model_comparison"]
        if m["outcome"] == key and m["comparison"] == "status_quo"
    ]
    assert row["ge_partner_exports_to_usa_pct"] is None and row["ge_note"] == missing["reason"]
    # the trade diverted by the duty shows in the sector it falls on, not as $0 elsewhere
    by_sector = data["diverted_to_others_vs_status_quo_by_sector_usd"]
    first = next(iter(by_sector))
    assert "fruit" in first.lower()
    assert by_sector[first][threat["label"]] > 1e6
    assert all(any(abs(v) >= 0.5 for v in row.values()) for row in by_sector.values())
