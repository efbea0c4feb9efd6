"""Applied rates: the law mixed with and without claims by claim shares.

The preference cases of issue 9, line by line, agree with ``tariffscope rate`` with and without
the claim: the applied rate is the share-weighted mix of the two answers. Rates are those of
USITC's HTS 2025 Basic Edition (General and Special columns of the line named in each test);
shares come from the embedded USMCA table (Budget Lab / USITC DataWeb) and the calibration on
2024 Census calculated duties.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.data.usmca_shares import load_usmca_shares
from tariffscope.errors import InputError
from tariffscope.impact.applied import AppliedLaw, applied_line_rates
from tariffscope.impact.claim_shares import CALIBRATION_DATE, claim_calibration
from tariffscope.impact.pe.partners import schedule_trade
from tariffscope.regime import resolve

pytestmark = pytest.mark.issue(9)

CAR = "87032301"  # General 2.5%; Special "Free (A+,AU,B,BH,CL,CO,D,E,IL,JO,KR,...,S,SG)"
TSHIRT = "61091000"  # General 16.5%; Special "Free (AU,BH,CL,CO,IL,JO,KR,MA,OM,P,PA,PE,S,SG)"
SWEATSHIRT = "61102020"  # General 16.5%; Special "Free (AU,BH,CL,CO,IL,JO,KR,MA,OM,P,PA,PE,S,SG)"
WINE = "22042150"  # General 6.3 cents/liter (specific: no ad valorem part)


def _cell(law: AppliedLaw, code: str, origin: str) -> tuple[int, int]:
    trade = schedule_trade()
    return list(trade.codes).index(code), trade.origins.index(origin)


def _mixed(law: AppliedLaw, code: str, origin: str, claim: str, day: str) -> float:
    """The applied rate from the single-line answers with and without ``claim``."""
    i, k = _cell(law, code, origin)
    plain = resolve(code, origin, day).total_pct / 100
    claimed = resolve(code, origin, day, claims=(claim,)).total_pct / 100
    share = law.usmca_share[i, k] if claim == "usmca" else law.pooled_share[i, k]
    return float(plain + share * (claimed - plain))


def test_korus_car_in_2024() -> None:
    """A Korean car entered on 1 July 2024 is 2.5% by the General rate and free under KORUS
    (8703.23.01, KR); Census shows Korea's cars paid almost nothing, so the applied rate is
    almost nil."""
    law = applied_line_rates(schedule_trade(), "2024-07-01")
    i, k = _cell(law, CAR, "KOR")
    assert law.statutory[i, k] == pytest.approx(0.025)
    assert law.pooled_share[i, k] > 0.99
    assert law.rates[i, k] < 0.0002
    assert law.rates[i, k] == pytest.approx(_mixed(law, CAR, "KOR", "korus", "2024-07-01"))
    # Japan has no programme on the line: applied is statutory whatever its share elsewhere
    j = schedule_trade().origins.index("JPN")
    assert law.rates[i, j] == law.statutory[i, j] == pytest.approx(0.025)


def test_usmca_canadian_tshirt_under_the_2025_fentanyl_duty() -> None:
    """A Canadian T-shirt on 15 April 2025: 16.5% General + 25% fentanyl duty without a claim;
    free with USMCA (6109.10.00, S; qualifying goods exempt from the fentanyl duty from 7 March
    2025, HTS 9903.01.04). The applied rate weights them by April 2025's USMCA share of the
    line (DataWeb)."""
    law = applied_line_rates(schedule_trade(), "2025-04-15")
    assert law.period == "2025-04"
    i, k = _cell(law, TSHIRT, "CAN")
    assert law.statutory[i, k] == pytest.approx(0.415)
    assert resolve(TSHIRT, "CAN", "2025-04-15", claims=("usmca",)).total_pct == 0
    share = load_usmca_shares().on_lines(np.array([TSHIRT]), "2025-04")[0, 0]
    assert law.usmca_share[i, k] == pytest.approx(share) and 0.8 < share < 1.0
    # no other programme Canada can claim lists the line: only the USMCA share moves the rate
    assert law.claimed[1].total[i, k] == law.statutory[i, k]
    assert law.rates[i, k] == pytest.approx(_mixed(law, TSHIRT, "CAN", "usmca", "2025-04-15"))
    assert law.rates[i, k] < 0.05


@pytest.mark.parametrize("origin", ["HND", "GTM"])
def test_cafta_dr_apparel_line(origin: str) -> None:
    """Cotton sweatshirts (6110.20.20): 16.5% General, free under CAFTA-DR (P). In 2024 almost
    all of Honduras's and Guatemala's entries claimed it; in August 2025 the reciprocal 10%
    applies on top of the CAFTA-DR rate (no exception, programmes.yaml)."""
    before = applied_line_rates(schedule_trade(), "2024-07-01")
    i, k = _cell(before, SWEATSHIRT, origin)
    assert before.statutory[i, k] == pytest.approx(0.165)
    assert before.rates[i, k] < 0.01
    assert before.rates[i, k] == pytest.approx(
        _mixed(before, SWEATSHIRT, origin, "cafta_dr", "2024-07-01")
    )
    after = applied_line_rates(schedule_trade(), "2025-08-08")
    assert after.statutory[i, k] == pytest.approx(0.265)
    assert after.rates[i, k] == pytest.approx(0.10 + before.rates[i, k], abs=1e-9)


def test_a_fitted_cell_reproduces_its_2024_duty() -> None:
    """The circular part: Korea's cars, whose pooled share was fitted to their 2024 duties on
    the law of 31 December 2024, pay exactly the duty Census calculated."""
    from tariffscope.impact.claim_shares import _schedule_arrays

    trade = schedule_trade()
    law = applied_line_rates(trade, CALIBRATION_DATE, share_period="2024")
    i, k = _cell(law, CAR, "KOR")
    duties = _schedule_arrays()[0]
    assert 0 < law.pooled_share[i, k] < 1
    assert law.rates[i, k] * trade.values[i, k] == pytest.approx(duties[i, k], rel=1e-9)


def test_specific_general_rate_at_its_ave_and_under_an_inclusive_floor() -> None:
    """Still wine (6.3 cents/liter, no ad valorem part) is priced at its AVE from the 2024
    duties of the partners that paid the General rate; the EU's 15% all-in rate of September
    2025 includes it rather than adding to it."""
    calibration = claim_calibration()
    row = list(calibration.codes).index(WINE)
    assert calibration.ave_source[row] == 1
    assert 0.001 < calibration.ave[row] < 0.05
    law = applied_line_rates(schedule_trade(), "2024-07-01")
    i, k = _cell(law, WINE, "FRA")
    assert law.statutory[i, k] == pytest.approx(calibration.ave[row])
    assert resolve(WINE.replace("2150", "21.50"), "FRA", "2024-07-01").total_pct == 0
    deal = applied_line_rates(schedule_trade(), "2025-09-25")
    assert deal.statutory[i, k] == pytest.approx(0.15)


def test_shares_are_shares() -> None:
    law = applied_line_rates(schedule_trade(), "2025-08-08")
    usmca, pooled = law.usmca_share, law.pooled_share
    assert (usmca >= 0).all() and (pooled >= 0).all()
    assert (usmca + pooled <= 1 + 1e-12).all()
    trade = schedule_trade()
    others = [k for k, o in enumerate(trade.origins) if o not in ("CAN", "MEX")]
    assert not usmca[:, others].any()
    # the applied rate lies between the statutory rate and the claimed rates (on the lines the
    # law's eight-digit answer gives: partial lines are means of their HTS10 lines' applied rates)
    claimed = law.claimed[1].total
    low = np.minimum(law.statutory, claimed)
    high = np.maximum(law.statutory, claimed)
    whole = np.ones(len(trade.codes), dtype=bool)
    if law.refinement is not None:
        cells, children, child = law.refinement
        whole[children.rows] = False
        # each refined cell lies within its HTS10 lines' applied rates
        for j, row in enumerate(children.rows):
            under = child.rates[children.parent == j]
            for c, k in enumerate(children.columns):
                if cells[row, k]:
                    assert (
                        under[:, c].min() - 1e-12 <= law.rates[row, k] <= under[:, c].max() + 1e-12
                    )
    assert (law.rates[whole][:, others] >= low[whole][:, others] - 1e-12).all()
    assert (law.rates[whole][:, others] <= high[whole][:, others] + 1e-12).all()


def test_canada_applied_and_statutory_in_august_2025() -> None:
    """8 August 2025: Canada's goods pay 35% unless they claim USMCA (86.7% of August's value
    did), energy and potash 10%, metals and autos Section 232: statutory about 28%, applied
    about 8%, trade-weighted by 2024 imports."""
    trade = schedule_trade()
    law = applied_line_rates(trade, "2025-08-08")
    k = trade.origins.index("CAN")
    value = trade.values[:, k]
    statutory = np.nansum(law.statutory[:, k] * value) / value.sum()
    applied = np.nansum(law.rates[:, k] * value) / value.sum()
    assert 0.25 < statutory < 0.31
    assert 0.06 < applied < 0.10


def _strict(text: str) -> Any:
    def refuse(token: str) -> None:
        raise AssertionError(f"non-standard JSON constant {token}")

    return json.loads(text, parse_constant=refuse)


def test_simulate_prices_the_applied_rate() -> None:
    """``simulate`` tells the same story as ``rate``: Canada's static tariff on 8 August 2025
    is the applied rate (about 8%), not the 28% of entries that claim nothing."""
    result = CliRunner().invoke(
        app, ["simulate", "--partner", "CAN", "--date", "2025-08-08", "-n", "0", "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    headline = {row["metric"]: row["point"] for row in _strict(result.stdout)["headline"]}
    assert 6.0 < headline["etr_focus_static_pct"] < 10.0
    assert headline["etr_focus_before_pct"] < 0.5


def test_bad_inputs() -> None:
    with pytest.raises(InputError, match="Scenario"):
        applied_line_rates(schedule_trade(), "2025-08-08", scenario="25%")
    with pytest.raises(InputError, match="period"):
        applied_line_rates(schedule_trade(), "2025-08-08", share_period="2023")


def test_statistical_lines_take_their_tariff_lines_shares() -> None:
    """HTS10 lines (the validation's HTS10 check) take their HTS8 line's shares; where no
    measure depends on the statistical line their rates are the HTS8 line's."""
    from dataclasses import dataclass

    import numpy.typing as npt

    from tariffscope.regime.schedule import load_schedule

    @dataclass(frozen=True)
    class Lines:
        codes: npt.NDArray[np.str_]
        origins: tuple[str, ...]
        values: npt.NDArray[np.float64]

    children = load_schedule().children(CAR)
    origins = ("KOR", "CAN", "JPN")
    lines = Lines(np.array(children), origins, np.ones((len(children), len(origins))))
    ten = applied_line_rates(lines, "2025-08-08")
    eight = applied_line_rates(schedule_trade(), "2025-08-08")
    i = list(schedule_trade().codes).index(CAR)
    for k, origin in enumerate(origins):
        j = schedule_trade().origins.index(origin)
        assert np.allclose(ten.rates[:, k], eight.rates[i, j])
        assert np.allclose(ten.statutory[:, k], eight.statutory[i, j])
