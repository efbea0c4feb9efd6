"""The law in force on 1 January 2025: measures of 2018-2024 still in force before 2025's.

Sources: Proclamations 9704/9705 (Section 232 aluminum 10%, steel 25%, 2018), 9980 (derivatives,
2020), 9740/9759/9758 (absolute quotas of Korea, Brazil, Argentina), 10327/10328 (EU TRQs,
2022), 10356 (Japan steel TRQ, 2022), 10405/10406 (UK TRQs, 2022), 10403/10771 (Ukraine),
10782/10783 (Mexico, 10 July 2024), 10522 (Russian aluminum 200%, HTS 9903.85.67), 10896/10895
(all arrangements ended 12 March 2025), 10339 (Section 201 solar, 14.25% from 7 February 2024).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tariffscope.regime import default_catalog, resolve

STEEL = "7208.51.00"  # hot-rolled flat steel, not in coils: General Free
ALUMINUM = "7606.12.30"  # aluminum alloy plates: General 3%
SOLAR = "8541.43.0010"  # crystalline silicon photovoltaic modules: General Free
THIN_FILM = "8541.43.0080"  # other (thin-film) modules: outside Section 201
DAY = "2025-01-01"


def _groups(
    hts: str, origin: str, day: str = DAY, claims: tuple[str, ...] = ()
) -> dict[str, float]:
    result = resolve(hts, origin, day, claims=claims)
    return {c.group: c.rate_pct for c in result.components}


def test_steel_232_on_1_january_2025_by_country() -> None:
    assert _groups(STEEL, "CHN")["s232_steel"] == 25.0  # and Section 301 on top
    assert "s301_china" in _groups(STEEL, "CHN")
    assert "s232_steel" not in _groups(STEEL, "CAN")  # exempt since 2019
    assert "s232_steel" not in _groups(STEEL, "AUS")  # exempt since 2018
    assert _groups(STEEL, "KOR")["s232_steel"] == 0.0  # absolute quota: no duty within it
    assert _groups(STEEL, "IND")["s232_steel"] == 25.0


def test_steel_232_tariff_rate_quotas_default_to_the_over_quota_duty() -> None:
    for origin in ("JPN", "DEU", "GBR"):
        result = resolve(STEEL, origin, DAY)
        assert result.total_pct == 25.0
        assert any("in_quota_232" in w for w in result.warnings)
        assert resolve(STEEL, origin, DAY, claims=("in_quota_232",)).total_pct == 0.0
    # the TRQs ended on 12 March 2025 (Proclamation 10896): the claim then changes nothing
    assert resolve(STEEL, "JPN", "2025-03-12", claims=("in_quota_232",)).total_pct == 25.0


def test_section_232_product_exclusions_are_a_claim_until_12_march_2025() -> None:
    """Commerce granted exclusions to importers (Proclamations 9704/9705 cl. 3; HTS 9903.80.01
    and 9903.85.01: "any exclusions that may be determined and announced by the Department of
    Commerce"; U.S. note 19(c)): with the claim s232_exclusion neither metal duty is charged,
    for any origin, until the arrangements ended on 12 March 2025 (Proclamations 10895/10896)."""
    for hts, group, origin in ((ALUMINUM, "s232_aluminum", "KOR"), (STEEL, "s232_steel", "TWN")):
        plain = resolve(hts, origin, DAY)
        assert _groups(hts, origin)[group] > 0.0
        assert any("s232_exclusion" in w for w in plain.warnings)
        assert group not in _groups(hts, origin, claims=("s232_exclusion",))
        assert _groups(hts, origin, "2018-03-22", claims=("s232_exclusion",)).get(group) is None
        assert _groups(hts, origin, "2025-03-12", claims=("s232_exclusion",))[group] == 25.0
    # an exclusion lifts the Section 232 duty only: Section 301 on Chinese steel stays
    excluded = _groups(STEEL, "CHN", claims=("s232_exclusion",))
    assert "s232_steel" not in excluded and excluded["s301_china"] > 0.0


def test_steel_232_country_arrangements_of_2024() -> None:
    assert resolve(STEEL, "UKR", DAY).total_pct == 0.0  # suspended since 1 June 2022
    assert resolve(STEEL, "UKR", "2025-03-12").total_pct == 25.0
    mexico = resolve(STEEL, "MEX", "2024-08-01")
    assert mexico.total_pct == 0.0
    assert any("non_north_american_metal" in w for w in mexico.warnings)
    melted_elsewhere = resolve(STEEL, "MEX", "2024-08-01", claims=("non_north_american_metal",))
    assert melted_elsewhere.total_pct == 25.0
    assert resolve(STEEL, "MEX", "2024-07-09", claims=("non_north_american_metal",)).total_pct == 0


def test_aluminum_232_in_2024() -> None:
    assert _groups(ALUMINUM, "CHN", "2024-07-01")["s232_aluminum"] == 10.0
    assert "s232_aluminum" not in _groups(ALUMINUM, "CAN", "2024-07-01")
    assert _groups(ALUMINUM, "ARG", "2024-07-01")["s232_aluminum"] == 0.0  # absolute quota
    assert _groups(ALUMINUM, "RUS", "2024-07-01")["s232_aluminum"] == 200.0
    # Russian aluminum keeps its 200% and does not also pay the 2026 metals duty
    russia_2026 = _groups(ALUMINUM, "RUS", "2026-05-01")
    assert russia_2026["s232_aluminum"] == 200.0 and "s232_metals" not in russia_2026


def test_2018_records_hand_over_to_the_2025_records_on_12_march() -> None:
    before = resolve(STEEL, "BRA", "2025-03-11")
    after = resolve(STEEL, "BRA", "2025-03-12")
    assert [c.measure for c in before.components][1:] == ["232-STEEL-QUOTA-2018"]
    assert [c.measure for c in after.components][1:2] == ["232-STEEL-25"]


def test_section_201_solar_in_force_on_1_january_2025() -> None:
    """HTS ch.99 U.S. note 18(h): modules 14.25% from 7 February 2024, 14% from 7 February 2025
    through 6 February 2026; note 18(b) excludes developing countries (Indonesia, Cambodia...);
    cells pay only above the 12.5 GW quota (9903.45.21/.22); note 18(c)(ii)(1) leaves out
    thin-film products, so only the crystalline statistical lines pay and the HTS8 line is
    partial."""
    assert _groups(SOLAR, "KOR")["s201_solar"] == 14.25
    assert _groups(SOLAR, "KOR", "2025-02-07")["s201_solar"] == 14.0
    assert _groups(SOLAR, "KOR", "2026-02-06")["s201_solar"] == 14.0
    assert "s201_solar" not in _groups(SOLAR, "KOR", "2026-02-07")
    assert "s201_solar" not in _groups(SOLAR, "IDN") and "s201_solar" not in _groups(SOLAR, "CAN")
    assert "s201_solar" not in _groups(THIN_FILM, "KOR")
    assert "s201_solar" not in _groups(THIN_FILM, "KOR", claims=("over_quota",))
    assert any("8541430010" in w for w in resolve("8541.43.00", "KOR", DAY).warnings)
    cells = "8541.42.0010"
    assert "s201_solar" not in _groups("8541.42.0080", "THA", claims=("over_quota",))
    assert "s201_solar" not in _groups(cells, "THA")
    assert _groups(cells, "THA", claims=("over_quota",))["s201_solar"] == 14.25
    bifacial = resolve(SOLAR, "THA", "2024-05-01", claims=("bifacial_solar",))
    assert "s201_solar" not in {c.group for c in bifacial.components}
    assert _groups(SOLAR, "THA", "2024-10-01", claims=("bifacial_solar",))["s201_solar"] == 14.25


def test_catalog_coverage_starts_in_2024() -> None:
    catalog = default_catalog()
    assert catalog.coverage_start.isoformat() == "2024-01-01"
    assert not any("catalog starts" in w for w in resolve(STEEL, "CHN", "2024-01-01").warnings)
    assert any("catalog starts" in w for w in resolve(STEEL, "CHN", "2023-12-31").warnings)


@pytest.mark.parametrize("origin", ["KOR", "BRA", "ARG", "CAN", "MEX", "AUS"])
def test_derivative_exemptions_of_proclamation_9980(origin: str) -> None:
    # 7317.00.5503 (nails): derivative steel article, exempt for the six countries named
    assert "s232_steel" not in _groups("7317.00.55.03", origin, "2024-07-01")
    assert _groups("7317.00.55.03", "VNM", "2024-07-01")["s232_steel"] == 25.0


def test_steel_derivatives_of_2020_are_named_statistical_lines() -> None:
    # Proclamation 9980 Annex II (9903.80.03): 7317.00.30 and the statistical lines
    # 7317.00.5503/.5505/.5507/.5560/.5580 and 7317.00.6560, not the rest of 7317.00.55/.65
    day = "2024-07-01"
    assert _groups("7317.00.30", "VNM", day)["s232_steel"] == 25.0
    assert _groups("7317.00.65.60", "VNM", day)["s232_steel"] == 25.0
    assert "s232_steel" not in _groups("7317.00.65.30", "VNM", day)
    assert "s232_steel" not in _groups("7317.00.55.01", "VNM", day)
    whole = resolve("7317.00.55", "VNM", day)
    assert any(w.startswith("232-STEEL-DERIV-2020") and "7317005503" in w for w in whole.warnings)


def test_russian_products_at_35_and_70_percent_in_lieu_of_column_2() -> None:
    # HTS ch.99 U.S. note 30: 9903.90.08 (35%, Proclamation 10420, from 27 July 2022) and
    # 9903.90.09 (70%, Proclamation 10523, from 1 April 2023), in lieu of the column 2 rate
    other_compounds = resolve("2931.90.90.52", "RUS", "2024-06-01")  # column 2: 25%
    assert other_compounds.total_pct == 35.0
    assert [c.measure for c in other_compounds.components] == ["COLUMN2", "RUS-COL2-35"]
    assert resolve("7201.10.00", "RUS", "2024-06-01").total_pct == 70.0  # pig iron (note 30(d))
    # goods of other countries, and unlisted Russian goods, keep their rates
    assert resolve("2931.90.90.52", "KAZ", "2024-06-01").total_pct == 3.7
    assert resolve("7110.21.00", "RUS", "2024-06-01").total_pct == 0.0  # palladium: column 2 Free


@pytest.mark.shared
def test_russian_35_percent_lines_match_2024_calculated_duties(shared: Path) -> None:
    """Census 2024: Russia's 2931.90.9052 paid 35.0% of its value, the note 30(b) rate."""
    path = shared / "data/a_trade/census_us_imports_for_consumption_hts10_51partners_2024.csv.gz"
    frame = pd.read_csv(path, dtype={"HTS10": str, "CTY_CODE": str})
    row = frame[(frame["CTY_CODE"] == "4621") & (frame["HTS10"] == "2931909052")].iloc[0]
    paid = 100 * row["CAL_DUT_YR"] / row["CON_VAL_YR"]
    assert paid == pytest.approx(resolve("2931.90.90.52", "RUS", "2024-06-01").total_pct, abs=0.1)


def test_general_approved_exclusions_free_whole_statistical_lines() -> None:
    # 15 CFR 705 supp. 2 (85 FR 81060, 86 FR 70003), as listed in CBP CSMS 52834487: any
    # importer, no quantity limit; 7210.70.6030 is a GAE, 7210.70.6060 is not
    assert "s232_steel" not in _groups("7210.70.6030", "TWN", "2024-03-01")
    assert _groups("7210.70.6060", "TWN", "2024-03-01")["s232_steel"] == 25.0
    assert "s232_steel" not in _groups("7217.90.5030", "CHL", DAY)


def test_general_approved_exclusions_removed_on_1_july_2024() -> None:
    # BIS final rule of 20 May 2024 (89 FR 43740): GAE.43.S (7209.90.0000) and GAE.4.A
    # (7604.21.0010) removed for entries from 1 July 2024
    assert "s232_steel" not in _groups("7209.90.0000", "IND", "2024-06-30")
    assert _groups("7209.90.0000", "IND", "2024-07-01")["s232_steel"] == 25.0
    assert "s232_aluminum" not in _groups("7604.21.0010", "IND", "2024-06-30")
    assert _groups("7604.21.0010", "IND", "2024-07-01")["s232_aluminum"] == 10.0


def test_bumper_stampings_pay_the_derivative_duty_of_their_metal_only() -> None:
    # Proclamation 9980 annexes (U.S. notes 16(a)(ii), 19(a)(iii)(E)): bumper stampings of steel
    # (statistical line 8708.10.3020) 25%, of aluminum (.3030) 10%; bumpers other than
    # stampings (.3050) are not derivatives
    assert _groups("8708.10.3020", "TWN", DAY)["s232_steel"] == 25.0
    assert _groups("8708.10.3030", "TWN", DAY)["s232_aluminum"] == 10.0
    assert "s232_aluminum" not in _groups("8708.10.3020", "TWN", DAY)
    groups = _groups("8708.10.3050", "TWN", DAY)
    assert "s232_steel" not in groups and "s232_aluminum" not in groups
