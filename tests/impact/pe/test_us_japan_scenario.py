"""The US–Japan case end to end: tariff law -> sector tariffs -> SMART, checked for direction
and order of magnitude.

Reasoning a trade economist would apply to the threat of 7 July 2025 (25% on all Japanese
goods from 1 August, "separate from sectoral tariffs"), compared with the law for 1 August as
known on 18 July (the 10% baseline on Japan, Section 232 on cars, parts, steel and aluminum):

* Only Japan's tariffs change, and only on goods outside Section 232: cars, listed parts,
  steel and aluminum keep their 232 duty. Roughly 55-65% of US imports from Japan (about
  $145 bn) is outside 232, so Japan's trade-weighted tariff rises by 15 points times that
  share: about 8-10 points, certainly between 5 and 15.
* A 15-point rise on a 10% tariff raises the price of those Japanese goods by about 13.6%
  relative to other suppliers. With short-run elasticities (substitution about 1.5-2,
  import demand about 1), Japan's sales of those goods fall by roughly 15-25%, so total US
  imports from Japan fall by roughly 8-15%: tens of billions of dollars, not hundreds and not
  a few hundred million. We accept 3% to 25% ($4-36 bn).
* Other suppliers gain (trade diversion), total US imports of these goods fall (trade
  creation is negative), the duty collected on Japanese goods rises (the tax base shrinks by
  much less than the rate rises), and US buyers lose surplus, by less than the static duty
  increase (they substitute away) but by more than half of it.
* With long-run (tariff-identified) elasticities, CEPII ProTEE, the fall is several times
  larger; the ordering must hold.
* The 15% deal as enacted (entry 16 September 2025) taxes Japan less than the threat carried
  out on the same date, so imports from Japan fall less.
"""

from __future__ import annotations

import numpy as np
import pytest

from tariffscope.impact.pe import load_sector_baseline, simulate_sectors
from tariffscope.impact.pe.law import sector_tariffs_at
from tariffscope.regime.scenario import scenario_from_mapping

pytestmark = pytest.mark.issue(4)

THREAT = scenario_from_mapping({"name": "threat-25", "enact": ["THREAT-JPN-25"]})


@pytest.fixture(scope="module")
def threat_vs_law() -> tuple[np.ndarray, np.ndarray]:
    baseline = load_sector_baseline("JPN")
    law = sector_tariffs_at(baseline, "2025-08-01", as_known="2025-07-18")
    threat = sector_tariffs_at(baseline, "2025-08-01", as_known="2025-07-18", scenario=THREAT)
    return law.rates, threat.rates


def test_only_japan_non_232_tariffs_rise(threat_vs_law: tuple[np.ndarray, np.ndarray]) -> None:
    law, threat = threat_vs_law
    baseline = load_sector_baseline("JPN")
    japan = baseline.partner_index("JPN")
    change = threat - law
    others = np.delete(change, japan, axis=1)
    np.testing.assert_allclose(others, 0.0, atol=1e-12)
    assert (change[:, japan] >= -1e-12).all()
    weights = baseline.imports[:, japan]
    weighted_pp = 100 * float((weights * change[:, japan]).sum() / weights.sum())
    assert 5.0 < weighted_pp < 15.0
    # vehicles stay under Section 232: the sector barely moves (only unlisted parts)
    assert 100 * change[baseline.sectors.index("mvh"), japan] < 5.0
    # machinery, mostly outside 232 (by Japan's 2024 trade, a fifth is steel or aluminum
    # derivatives that keep their 232 duty), takes most of the 15 points
    assert 100 * change[baseline.sectors.index("ome"), japan] > 10.0


def test_threat_direction_and_order_of_magnitude(
    threat_vs_law: tuple[np.ndarray, np.ndarray],
) -> None:
    law, threat = threat_vs_law
    baseline = load_sector_baseline("JPN")
    outcome = simulate_sectors(baseline, law, threat, focus="JPN")
    h = outcome.headline
    japan_imports = baseline.imports[:, baseline.partner_index("JPN")].sum()
    assert -25.0 < h["imports_focus_change_pct"] < -3.0
    assert -36e9 < h["imports_focus_change_usd"] < -4e9
    assert h["imports_others_change_usd"] > 0  # diversion to other suppliers
    assert h["trade_diversion_focus_usd"] < 0
    assert h["imports_total_change_usd"] < 0  # creation is negative
    assert h["duty_focus_after_usd"] > h["duty_focus_before_usd"]
    static_duty_increase = (
        (h["etr_focus_static_pct"] - h["etr_focus_before_pct"]) / 100 * japan_imports
    )
    loss = -h["consumer_surplus_change_usd"]
    assert 0.5 * static_duty_increase < loss < static_duty_increase
    assert h["etr_focus_before_pct"] < h["etr_focus_after_pct"]
    # substitution shrinks the newly taxed lines, so the weight of lines whose rate did not
    # change grows: when those carry more (Section 232 at 27.5-50%) the average can end a
    # little above the static one, never by much
    assert h["etr_focus_after_pct"] <= h["etr_focus_static_pct"] + 0.5
    # vehicles, the biggest sector, move little; machinery leads the fall
    by_sector = outcome.focus_by_sector().set_index("gtap_code")
    assert by_sector.loc["ome", "change_usd"] < by_sector.loc["mvh", "change_usd"]


def test_long_run_elasticities_give_a_larger_fall(
    threat_vs_law: tuple[np.ndarray, np.ndarray],
) -> None:
    law, threat = threat_vs_law
    short = simulate_sectors(
        load_sector_baseline("JPN", sigma_source="hauk"), law, threat, focus="JPN"
    ).headline
    long = simulate_sectors(
        load_sector_baseline("JPN", sigma_source="protee"), law, threat, focus="JPN"
    ).headline
    assert long["imports_focus_change_usd"] < 2 * short["imports_focus_change_usd"]


def test_deal_taxes_japan_less_than_the_threat_on_the_same_date() -> None:
    baseline = load_sector_baseline("JPN")
    reference = sector_tariffs_at(baseline, "2025-01-01")
    deal = sector_tariffs_at(baseline, "2025-09-16")
    threat = sector_tariffs_at(baseline, "2025-09-16", scenario=THREAT)
    with_deal = simulate_sectors(baseline, reference.rates, deal.rates, focus="JPN").headline
    with_threat = simulate_sectors(baseline, reference.rates, threat.rates, focus="JPN").headline
    assert with_deal["etr_focus_static_pct"] < with_threat["etr_focus_static_pct"]
    assert with_deal["imports_focus_change_usd"] > with_threat["imports_focus_change_usd"]
    assert with_deal["imports_focus_change_usd"] < 0  # still worse than before 2025
