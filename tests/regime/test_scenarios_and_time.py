"""Scenarios, reading the law as known on a date, and the history of a line's duty."""

from __future__ import annotations

from pathlib import Path

import pytest

from tariffscope.errors import ScenarioError
from tariffscope.regime import history, load_scenario, resolve, scenario_from_mapping

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "scenarios"
THREAT = EXAMPLES / "japan-letter-25pct-from-2025-08-01.yaml"
DEAL = EXAMPLES / "japan-deal-15pct-from-2025-08-01.yaml"


def test_the_letter_carried_out_replaces_the_reciprocal_rate_but_not_sectoral_duties() -> None:
    """7 July 2025 letter: 25% on all Japanese goods from 1 August, separate from sectoral tariffs."""
    threat = load_scenario(THREAT)
    assert resolve("6109.10.00", "JPN", "2025-08-01", scenario=threat).total_pct == pytest.approx(
        41.5
    )
    assert resolve("6109.10.00", "JPN", "2025-07-31", scenario=threat).total_pct == pytest.approx(
        26.5
    )
    # later law in the catalog does not undo the scenario's measure
    assert resolve("6109.10.00", "JPN", "2025-09-01", scenario=threat).total_pct == pytest.approx(
        41.5
    )
    car = resolve("8703.23.01", "JPN", "2025-08-01", scenario=threat)
    assert car.total_pct == pytest.approx(27.5)
    assert "THREAT-JPN-25" not in {c.measure for c in car.components}


def test_the_deal_scenario_prices_cars_at_15_from_august() -> None:
    deal = load_scenario(DEAL)
    assert resolve("8703.23.01", "JPN", "2025-08-01", scenario=deal).total_pct == pytest.approx(
        15.0
    )
    assert resolve("8414.51.30", "JPN", "2025-08-01", scenario=deal).total_pct == pytest.approx(
        15.0
    )
    assert resolve("0201.30.80", "JPN", "2025-08-01", scenario=deal).total_pct == pytest.approx(
        26.4
    )


def test_scenario_components_are_marked() -> None:
    result = resolve("6109.10.00", "JPN", "2025-08-01", scenario=load_scenario(THREAT))
    assert any(c.status == "scenario" for c in result.components)
    assert any("scenario" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"enact": ["THREAT-JPN-25"]}, "needs a name"),
        ({"name": "x", "enact": ["NOPE-1"]}, "unknown measure 'NOPE-1'"),
        ({"name": "x", "colour": "red"}, "unknown key 'colour'"),
        ({"name": "x", "enact": "THREAT-JPN-25"}, "list of measure ids"),
        ({"name": "x", "add": [{"id": "X-1", "title": "bad"}]}, "add\\[0\\]"),
    ],
)
def test_bad_scenarios_say_what_is_wrong(data: dict[str, object], message: str) -> None:
    with pytest.raises(ScenarioError, match=message):
        scenario = scenario_from_mapping(data)
        resolve("6109.10.00", "JPN", "2025-08-01", scenario=scenario)


def test_missing_scenario_file(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="not found"):
        load_scenario(tmp_path / "none.yaml")


def test_as_known_before_publication_keeps_the_old_law_and_explains() -> None:
    before = resolve("8414.51.30", "JPN", "2025-08-20", as_known="2025-08-20")
    assert {c.measure for c in before.components} == {"MFN", "RECIP2-JPN"}
    after = resolve("8414.51.30", "JPN", "2025-08-20")
    assert {c.measure for c in after.components} == {"MFN", "JPN-RECIP-INCL15"}
    assert any(n.measure == "RECIP2-JPN" and "superseded" in n.reason for n in after.not_applied)


def test_struck_down_duties_stay_for_earlier_entries_with_a_refund_warning() -> None:
    result = resolve("6109.10.00", "VNM", "2025-12-01")
    assert result.total_pct == pytest.approx(36.5)
    assert any("Supreme Court" in w and "refundable" in w for w in result.warnings)
    later = resolve("6109.10.00", "VNM", "2026-03-01")
    assert later.total_pct == pytest.approx(26.5)
    assert {c.authority for c in later.components} == {"HTSUS", "122"}


def test_dates_beyond_coverage_warn_with_the_coverage_end() -> None:
    result = resolve("6109.10.00", "JPN", "2026-09-01")
    assert any("2026-07-03" in w for w in result.warnings)


def test_claims_change_the_answer_and_unclaimed_exemptions_are_mentioned() -> None:
    # HTS 2025 Basic Edition 6109.10.00: General 16.5%, Special "Free (AU,BH,CL,CO,IL,JO,KR,MA,
    # OM,P,PA,PE,S,SG)"; Mexico's 25% fentanyl duty does not apply to USMCA goods (9903.01.04).
    plain = resolve("6109.10.00", "MEX", "2025-06-01")
    assert plain.total_pct == pytest.approx(16.5 + 25)
    assert any("usmca" in w for w in plain.warnings)
    claimed = resolve("6109.10.00", "MEX", "2025-06-01", claims=("usmca",))
    assert claimed.total_pct == pytest.approx(0.0)
    assert claimed.components[0].programme == "usmca"


def test_history_of_a_japanese_car_lists_every_change_with_its_cause() -> None:
    changes = history("8703.23.01", "JPN", start="2025-01-01", end="2026-07-01")
    path = [(c.date.isoformat(), c.total_pct) for c in changes]
    assert path == [("2025-01-01", 2.5), ("2025-04-03", 27.5), ("2025-09-16", 15.0)]
    assert "232-AUTOS-25" in changes[1].started
    assert changes[2].started == ("JPN-232AUTO-INCL15",) and changes[2].ended == ("232-AUTOS-25",)


def test_history_of_a_japanese_tshirt_shows_the_one_day_rate() -> None:
    changes = history("6109.10.00", "JPN", start="2025-04-01", end="2025-08-31")
    path = [(c.date.isoformat(), c.total_pct) for c in changes]
    assert ("2025-04-09", 40.5) in path and ("2025-04-10", 26.5) in path
    assert path[-1] == ("2025-08-07", 16.5)


def test_metal_content_share_splits_the_value() -> None:
    full = resolve("8418.10.00", "DEU", "2025-07-01")
    half = resolve("8418.10.00", "DEU", "2025-07-01", metal_share=0.4)
    steel = next(c for c in half.components if c.group == "s232_steel")
    assert steel.rate_pct == pytest.approx(20.0)
    assert any("metal content" in w for w in full.warnings)
    assert half.total_pct < full.total_pct


def test_column_2_countries_pay_column_2_and_no_reciprocal_tariff() -> None:
    """General note 3(b): Cuba, North Korea and, since April 2022, Russia and Belarus pay Column 2
    rates; EO 14257 left them out of the reciprocal tariff (HTS 9903.01.29)."""
    russia = resolve("6109.10.00", "RUS", "2025-05-01")
    assert russia.total_pct == pytest.approx(90.0)  # cotton T-shirts: column 2 rate 90%
    assert [c.measure for c in russia.components] == ["COLUMN2"]
    assert resolve("8703.23.01", "BLR", "2025-01-15").components[0].measure == "COLUMN2"


def test_an_added_measure_on_a_10_digit_list_knows_the_8_digit_lines_it_covers_in_part() -> None:
    """A scenario's measure on a list of statistical lines (the upholstered-furniture list of
    Section 232: two of the four 10-digit lines under 9401.61.40 and 9401.61.60) must flag those
    HTS8 lines as partly covered, as the catalog's own measure on the same list does; without it
    the HTS8 answer left the measure out and the brief priced a furniture threat at $0."""
    scenario = scenario_from_mapping(
        {
            "name": "written: a 30% duty on upholstered seats from Thailand",
            "add": [
                {
                    "id": "WRITTEN-THA-SEATS",
                    "title": "written: upholstered seats from Thailand at 30%",
                    "authority": "232",
                    "instrument": "written for this test",
                    "sources": ["article:written for this test"],
                    "published_date": "2025-08-01",
                    "effective_from": "2025-09-01",
                    "targets": ["THA"],
                    "group": "s232_timber",
                    "rule": "replace",
                    "rate_pct": 30.0,
                    "products": {"lists": ["s232_upholstered_furniture"]},
                }
            ],
        }
    )
    (added,) = scenario.add
    assert added.scope.is_partial("94016140")
    assert resolve("9401.61.4011", "THA", "2025-09-01", scenario=scenario).total_pct >= 30.0
    assert resolve("9401.61.4011", "THA", "2025-08-31", scenario=scenario).total_pct < 30.0
