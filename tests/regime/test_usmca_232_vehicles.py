"""USMCA treatment of the Section 232 duties on vehicles and parts.

Sources: Proclamation 10908 (90 FR 14705) as HTS 2026 Rev.6 chapter 99 U.S. note 33 prints it:
33(d), heading 9903.94.03 -- USMCA passenger vehicles and light trucks pay the 25% "exclusively
to the value of the non-U.S. content" once Commerce approves (the US content under 9903.94.02,
note 33(c)(ii)); 33(h)(i), heading 9903.94.06 -- parts "eligible for special tariff treatment
under the United States-Mexico-Canada Agreement" are outside 9903.94.05. Proclamation 10984
(90 FR 48451), note 38(d) (9903.74.03) and 38(k) (9903.74.10): the same for medium- and
heavy-duty vehicles and their parts.
"""

from __future__ import annotations

import pytest

from tariffscope.errors import MalformedInputError
from tariffscope.regime import default_catalog, resolve, resolve_lines

CAR = "8703.23.01"  # passenger car, 1.5-3 litres: General 2.5%, Special Free (S)
PART = "8708.40.11"  # gear boxes for vehicles of 8701-8704: General 2.5%, Special Free (S)
TRUCK = "8701.21.00"  # road tractor, diesel (note 38(b))
DAY = "2025-07-18"


def _autos(hts: str, origin: str, day: str = DAY, **kwargs: object) -> tuple[float, str]:
    result = resolve(hts, origin, day, **kwargs)  # type: ignore[arg-type]
    return result.total_pct, ",".join(c.measure for c in result.components[1:])


def test_usmca_vehicle_pays_the_232_duty_on_its_non_us_content() -> None:
    assert _autos(CAR, "MEX") == (27.5, "232-AUTOS-25")  # not claimed: MFN + 25% on all
    # claimed with half the value approved as US content: Free (S) + 25% x 50%
    assert _autos(CAR, "MEX", claims=("usmca",), us_content=0.5) == (12.5, "232-AUTOS-USMCA")
    # without Commerce's approval there is no US content to deduct
    assert _autos(CAR, "CAN", claims=("usmca",), us_content=0.0)[0] == 25.0
    # the default share is the catalog's parameter, with its source in the warning
    default = default_catalog().parameters["us_content_share"]
    result = resolve(CAR, "MEX", DAY, claims=("usmca",))
    assert result.total_pct == pytest.approx(25.0 * (1 - default.value))
    assert any("assumes 40% of the value is US content" in w for w in result.warnings)
    assert default.source.startswith("Budget Lab")


def test_usmca_claim_is_only_for_canada_and_mexico() -> None:
    # a Japanese car cannot claim USMCA: the claim changes nothing (a warning says so)
    japan = resolve(CAR, "JPN", "2025-07-18", claims=("usmca",), us_content=0.5)
    assert japan.total_pct == 27.5
    # before Proclamation 10908 took effect there was no 232 duty to reduce
    assert _autos(CAR, "MEX", "2025-04-02", claims=("usmca",))[0] == 0.0


def test_usmca_parts_are_exempt_from_the_232_parts_duty() -> None:
    assert _autos(PART, "MEX") == (27.5, "232-AUTOPARTS-25")
    assert _autos(PART, "MEX", claims=("usmca",)) == (0.0, "")
    # the parts duty started on 3 May 2025; the exemption covers it from then
    assert _autos(PART, "CAN", "2025-05-03", claims=("usmca",))[0] == 0.0
    # a German part pays the EU deal's inclusive 15% whatever it claims
    assert _autos(PART, "DEU", "2025-10-01", claims=("usmca",))[0] == 15.0


def test_usmca_medium_and_heavy_duty_vehicles_and_parts() -> None:
    plain = _autos(TRUCK, "MEX", "2025-12-01")
    assert plain[1] == "232-MHD-TRUCKS" and plain[0] >= 25.0
    claimed = _autos(TRUCK, "MEX", "2025-12-01", claims=("usmca",), us_content=0.2)
    assert claimed == (20.0, "232-MHD-USMCA")


def test_us_content_in_arrays_and_bad_input() -> None:
    table = resolve_lines(["MEX", "CAN"], DAY, codes=[CAR], claims=["usmca"], us_content=0.5)
    assert table.total[0].round(4).tolist() == [0.125, 0.125]
    with pytest.raises(MalformedInputError, match="US content share"):
        resolve(CAR, "MEX", DAY, us_content=1.5)
    with pytest.raises(MalformedInputError, match="US content share"):
        resolve_lines(["MEX"], DAY, codes=[CAR], us_content=-0.1)
