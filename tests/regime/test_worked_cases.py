"""Worked cases of the tariff law, each taken from a shared source and cited.

Sources (all under ../shared/data/e_policy):
- TL = us_japan_tariff_timeline_2025.csv (row named by its instrument),
- NOTES = us_tariff_actions_NOTES.md (section named),
- CAT = us_tariff_actions_2025_2026.csv (row id),
- A1 = reciprocal_annexI_eo14257_2025-04-02.csv, A2 = reciprocal_annexI_eo14326_..._2025-08-07.csv.
MFN rates are the column 1 general rates of the HTS 2025 Basic Edition (e.g. cars 8703.23.01 at
2.5%, cotton T-shirts 6109.10.00 at 16.5%, beef 0201.30.80 at 26.4%, taps 8481.80.10 at 4%,
fans 8414.51.30 at 4.7%). Expected totals are ad valorem percent, within 0.05 points.
"""

from __future__ import annotations

import pytest

from tariffscope.regime import resolve

TOLERANCE = 0.05

CAR, TSHIRT, BEEF, TAPS, FANS = "8703.23.01", "6109.10.00", "0201.30.80", "8481.80.10", "8414.51.30"
STEEL, PARTS, LAPTOP, CHIP = "7208.10.15", "8708.40.11", "8471.30.01", "8542.31.00"

# (hts, origin, entry date, as-known date, claims, expected total %, source)
# fmt: off
CASES = [
    # Japan: passenger cars (Section 232 autos, then the agreement's inclusive 15%)
    (CAR, "JPN", "2025-04-02", None, (), 2.5, "TL Proc 10908: autos 232 effective 2025-04-03"),
    (CAR, "JPN", "2025-04-03", None, (), 27.5, "TL Proc 10908: 'stacked on MFN 2.5% -> 27.5%'"),
    (CAR, "JPN", "2025-07-18", None, (), 27.5, "seed story: 'a 25 percent tariff on cars'; NOTES illustrative totals"),
    (CAR, "JPN", "2025-09-15", None, (), 27.5, "TL Commerce notice: lower rate from 2025-09-16"),
    (CAR, "JPN", "2025-09-16", None, (), 15.0, "TL Commerce notice FR 2025-17908: 15% inclusive"),
    (CAR, "JPN", "2026-03-02", None, (), 15.0, "NOTES illustrative: S122 does not apply to 232 goods"),
    # Japan: auto parts (from 3 May) and the inclusive rule
    (PARTS, "JPN", "2025-05-02", None, (), 12.5, "CAT RECIP-PAUSE-01 (10%) on MFN 2.5%; parts 232 from 2025-05-03"),
    (PARTS, "JPN", "2025-05-03", None, (), 27.5, "CAT 232-AUTOPARTS-25: 25% from 2025-05-03 on MFN 2.5%"),
    (PARTS, "JPN", "2025-09-16", None, (), 15.0, "CAT JPN-232AUTO-INCL15: parts 15% inclusive"),
    # Japan: other goods through the reciprocal regime, incl. the one-day 24% and the retroactive rule
    (TSHIRT, "JPN", "2025-04-04", None, (), 16.5, "CAT RECIP-BASE-10 starts 2025-04-05"),
    (TSHIRT, "JPN", "2025-04-05", None, (), 26.5, "CAT RECIP-BASE-10: 10% baseline"),
    (TSHIRT, "JPN", "2025-04-09", None, (), 40.5, "A1 Japan 24%, in force 9 April only (NOTES layer 2)"),
    (TSHIRT, "JPN", "2025-04-10", None, (), 26.5, "TL EO 14266: 10% from 2025-04-10"),
    (TSHIRT, "JPN", "2025-08-07", None, (), 16.5, "TL EO 14345: MFN >= 15% -> no additional duty (retroactive)"),
    (TSHIRT, "JPN", "2025-08-20", "2025-08-20", (), 31.5, "TL EO 14326: Japan +15% stacked on MFN until EO 14345"),
    (BEEF, "JPN", "2025-08-20", "2025-08-20", (), 41.4, "TL EO 14326: 'beef 26.4% -> 41.4%'"),
    (BEEF, "JPN", "2025-08-20", None, (), 26.4, "TL EO 14345: 0% additional where MFN >= 15%"),
    (FANS, "JPN", "2025-08-20", None, (), 15.0, "TL EO 14345: MFN < 15% -> total 15%, retroactive to 2025-08-07"),
    (FANS, "JPN", "2025-08-20", "2025-08-20", (), 19.7, "TL EO 14326: 15% added on top of MFN 4.7%"),
    (FANS, "JPN", "2025-08-20", "2025-09-05", (), 15.0, "TL EO 14345 signed 2025-09-04"),
    (FANS, "JPN", "2026-02-23", None, (), 15.0, "CAT IEEPA-END-2026: IEEPA collected until 2026-02-23"),
    (FANS, "JPN", "2026-02-24", None, (), 14.7, "NOTES layer 3: MFN + 10% S122, no deal caps"),
    (STEEL, "JPN", "2025-03-11", None, (), 25.0, "Proc 10356: over Japan's 2022 TRQ, 25%"),
    (STEEL, "JPN", "2025-03-11", None, ("in_quota_232",), 0.0, "Proc 10356: in quota, no 232"),
    (STEEL, "JPN", "2025-03-12", None, (), 25.0, "TL Proc 10895/10896: 25%"),
    (STEEL, "JPN", "2025-06-04", None, (), 50.0, "TL Proc 10947: 50%, not reduced by the deal"),
    (STEEL, "GBR", "2025-06-04", None, (), 25.0, "CAT 232-STEELALU-GBR-25: UK stays at 25%"),
    # EU: NOTES illustrative totals for a good with MFN 4%, and cars
    (TAPS, "DEU", "2025-04-05", None, (), 14.0, "NOTES illustrative: 4 + 10 = 14% from 2025-04-05"),
    (TAPS, "FRA", "2025-08-07", None, (), 15.0, "NOTES illustrative: 15% total from 2025-08-07"),
    (TAPS, "ITA", "2026-02-24", None, (), 14.0, "NOTES illustrative: 4% + 10% S122 from 2026-02-24"),
    (CAR, "DEU", "2025-07-31", None, (), 27.5, "CAT 232-AUTOS-25 on MFN 2.5%"),
    (CAR, "DEU", "2025-08-01", None, (), 15.0, "CAT EU-232AUTO-INCL15: retroactive to 2025-08-01"),
    (CAR, "DEU", "2025-08-01", "2025-08-20", (), 27.5, "CAT EU-232AUTO-INCL15: notice published 2025-09-25"),
    # China: NOTES illustrative path for a non-232 good "ignoring Section 301 (add the 301 list
    # rate on top)": cotton T-shirts are on list 4A (7.5%, HTS note 20(s)); Hong Kong is not.
    (TSHIRT, "CHN", "2025-02-04", None, (), 34.0, "CAT FENT-CHN-01: 10% from 2025-02-04, + list 4A 7.5%"),
    (TSHIRT, "CHN", "2025-04-09", None, (), 128.0, "CAT RECIP-CHN-84 + FENT-CHN-02: 84% + 20%, + 7.5%"),
    (TSHIRT, "CHN", "2025-04-10", None, (), 169.0, "NOTES illustrative: MFN + 20% + 125%, + 7.5%"),
    (TSHIRT, "CHN", "2025-05-14", None, (), 54.0, "NOTES illustrative: MFN + 20% + 10%, + 7.5%"),
    (TSHIRT, "HKG", "2025-11-10", None, (), 36.5, "NOTES illustrative: MFN + 10% + 10% (no 301 for Hong Kong)"),
    (TSHIRT, "CHN", "2026-02-24", None, (), 34.0, "NOTES illustrative: MFN + 10% S122, + 7.5%"),
    ("8703.80.00", "CHN", "2025-06-02", None, (), 147.5, "HTS ch.99 note 31(d): EVs 100% + 232 autos 25% + MFN 2.5% + FENT-CHN-02 20%"),
    (LAPTOP, "CHN", "2025-04-15", None, (), 20.0, "CAT RECIP-ELEC-EXCL: electronics free of reciprocal, fentanyl 20% stays"),
    (LAPTOP, "CHN", "2025-04-15", "2025-04-10", (), 145.0, "CAT RECIP-ELEC-EXCL announced 2025-04-11"),
    (CHIP, "CHN", "2025-06-02", None, (), 70.0, "CAT 301-CHN-STEPUP-2025 (50%) + FENT-CHN-02 (20%)"),
    # Canada and Mexico
    (TSHIRT, "CAN", "2025-03-04", None, (), 41.5, "CAT FENT-CAN-01: 25% from 2025-03-04"),
    (TSHIRT, "CAN", "2025-08-01", None, (), 51.5, "CAT FENT-CAN-35: 35% from 2025-08-01"),
    (TSHIRT, "CAN", "2025-08-01", None, ("usmca",), 0.0, "CAT FENT-USMCA-EXEMPT + HTS Special S: Free"),
    (TSHIRT, "MEX", "2025-02-20", None, (), 16.5, "CAT FENT-CAMX-PAUSE: paused until 2025-03-04"),
    (CAR, "MEX", "2025-04-03", None, (), 27.5, "NOTES quick reference: 232 autos vs CA/MX IEEPA exclusive"),
    (STEEL, "CAN", "2025-04-01", None, (), 25.0, "NOTES: 2025-03-04 to 06-03 the CA/MX IEEPA duty instead of steel 232"),
    (STEEL, "CAN", "2025-06-04", None, (), 50.0, "NOTES: from 2025-06-04 the steel 232 (50%) instead of the CA/MX duty"),
    ("4407.11.00", "CAN", "2025-10-14", None, (), 10.0, "NOTES: wood 232 only (10% softwood), no CA duty"),
    # India, Brazil, Switzerland, Korea, UK, Vietnam
    (TSHIRT, "IND", "2025-08-27", None, (), 66.5, "CAT IND-RUSOIL-25: stacks on India's 25% (50% total)"),
    (TSHIRT, "IND", "2026-02-07", None, (), 41.5, "CAT IND-RUSOIL-25: terminated from 2026-02-07"),
    (TSHIRT, "BRA", "2025-08-07", None, (), 66.5, "NOTES: Brazil 40% stacks on the 10% reciprocal (50%)"),
    (FANS, "CHE", "2025-08-07", None, (), 43.7, "A2 Switzerland 39% on MFN 4.7%"),
    (FANS, "CHE", "2025-11-14", None, (), 15.0, "CAT CHE-LIE-RECIP-INCL15: retroactive to 2025-11-14"),
    (FANS, "KOR", "2025-08-07", None, (), 19.7, "NOTES conflicts: Korea +15% stacked from 2025-08-07"),
    (FANS, "KOR", "2025-11-14", None, (), 15.0, "CAT KOR-RECIP-INCL15: inclusive 15% from 2025-11-14"),
    (CAR, "KOR", "2025-11-01", None, (), 15.0, "CAT KOR-232AUTO-INCL15: retroactive to 2025-11-01"),
    (CAR, "GBR", "2025-06-30", None, (), 10.0, "NOTES: UK quota cars at 7.5% + 2.5% MFN"),
    (CAR, "GBR", "2025-06-30", None, ("over_quota",), 27.5, "NOTES: over-quota cars pay 25% + MFN"),
    (TSHIRT, "VNM", "2025-08-07", None, (), 36.5, "A2 Vietnam 20%"),
    ("9401.61.40.11", "VNM", "2025-10-14", None, (), 25.0, "CAT 232-TIMBER-UPHOLSTERED 25% (MFN free)"),
    ("9401.61.40.11", "JPN", "2025-10-14", None, (), 15.0, "CAT 232-TIMBER-EU-JPN-KOR: 15% inclusive"),
    ("8704.23.01", "MEX", "2025-11-01", None, (), 50.0, "CAT 232-MHD-TRUCKS: 25% on MFN 25%, CA/MX duty not applied"),
    ("3004.90.92", "JPN", "2025-04-05", None, (), 0.0, "CAT RECIP-EXEMPT-BASE: Annex II pharmaceuticals"),
]
# fmt: on


@pytest.mark.parametrize(("hts", "origin", "day", "known", "claims", "expected", "source"), CASES)
def test_worked_case(
    hts: str,
    origin: str,
    day: str,
    known: str | None,
    claims: tuple[str, ...],
    expected: float,
    source: str,
) -> None:
    result = resolve(hts, origin, day, known, claims=claims)
    assert result.total_pct == pytest.approx(expected, abs=TOLERANCE), (
        f"{source}: got {result.total_pct} from "
        + ", ".join(f"{c.measure}={c.rate_pct}" for c in result.components)
    )


def test_there_are_enough_worked_cases() -> None:
    assert len(CASES) >= 30
    assert all(source for *_, source in CASES)
