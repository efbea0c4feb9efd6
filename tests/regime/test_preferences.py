"""Preference programmes: a claim replaces the General rate by the programme's Special rate.

Every expected rate is read from USITC's HTS 2025 Basic Edition (General and Special columns of
the line named in each test) and from the programme's legal source in programmes.yaml.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.regime import default_catalog, resolve, resolve_lines
from tariffscope.regime._special_text import PROGRAMME_CODES

runner = CliRunner()

CAR = "8703.23.01"  # General 2.5%; Special "Free (A+,AU,B,BH,CL,CO,D,E,IL,JO,KR,...,S,SG)"
TSHIRT = "6109.10.00"  # General 16.5%; Special "Free (AU,BH,CL,CO,IL,JO,KR,MA,OM,P,PA,PE,S,SG)"
SWEATSHIRT = "6110.20.20"  # General 16.5%; Special "Free (AU,BH,CL,CO,IL,JO,KR,MA,OM,P,PA,PE,S,SG)"


def _cli(args: list[str]) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_korus_car_in_2024_without_and_with_the_claim() -> None:
    """A Korean car entered on 1 July 2024: 2.5% MFN, free under KORUS (HTS 8703.23.01, KR)."""
    plain = resolve(CAR, "KOR", "2024-07-01")
    assert plain.total_pct == pytest.approx(2.5)
    available = {p["claim"]: p for p in plain.preferences_available}
    assert available["korus"]["code"] == "KR" and available["korus"]["rate_pct"] == 0
    assert any("--claim korus" in w for w in plain.warnings)
    claimed = resolve(CAR, "KOR", "2024-07-01", claims=("korus",))
    assert claimed.total_pct == 0
    base = claimed.components[0]
    assert (base.programme, base.special_code, base.rate) == ("korus", "KR", 0.0)
    assert "general note 33" in base.citation
    assert not any("--claim korus" in w for w in claimed.warnings)


def test_korus_car_through_the_cli_in_json() -> None:
    plain = _cli(["rate", CAR, "--origin", "KOR", "--date", "2024-07-01"])
    assert plain["total_pct"] == 2.5
    assert {"claim": "korus", "code": "KR", "rate_pct": 0}.items() <= next(
        p for p in plain["preferences_available"] if p["claim"] == "korus"
    ).items()
    claimed = _cli(["rate", CAR, "--origin", "KOR", "--date", "2024-07-01", "--claim", "korus"])
    assert claimed["total_pct"] == 0
    base = claimed["components"][0]
    assert base["programme"] == "korus" and base["special_code"] == "KR"
    assert set(base) >= {"measure", "authority", "rule", "rate_pct", "citation"}


def test_ineligible_claim_warns_and_changes_nothing() -> None:
    """KORUS claimed for a Japanese car: a warning, not an error; 2.5% stays (JP does not cover
    8703.23.01, whose Special column lists no JP rate)."""
    result = resolve(CAR, "JPN", "2024-07-01", claims=("korus",))
    assert result.total_pct == pytest.approx(2.5)
    assert any("claim korus does not apply" in w and "KOR" in w for w in result.warnings)
    cli = _cli(["rate", CAR, "--origin", "JPN", "--date", "2024-07-01", "--claim", "korus"])
    assert cli["total_pct"] == 2.5 and cli["components"][0]["measure"] == "MFN"


def test_programme_before_entry_into_force_does_not_apply() -> None:
    # KORUS entered into force on 15 March 2012 (programmes.yaml)
    assert default_catalog().programmes["korus"].ineligibility("KOR", date(2012, 3, 14))
    assert default_catalog().programmes["korus"].ineligibility("KOR", date(2012, 3, 15)) is None


def test_usmca_canadian_good_under_the_2025_fentanyl_duty() -> None:
    """Canadian T-shirts entered 15 April 2025: 16.5% MFN + 25% IEEPA (EO 14193, HTS 9903.01.10)
    without a claim; with the USMCA claim the Special "S" rate (Free) and no fentanyl duty
    (USMCA goods exempt from 7 March 2025, HTS 9903.01.14)."""
    plain = resolve(TSHIRT, "CAN", "2025-04-15")
    assert plain.total_pct == pytest.approx(16.5 + 25)
    assert any("usmca" in w for w in plain.warnings)
    claimed = resolve(TSHIRT, "CAN", "2025-04-15", claims=("usmca",))
    assert claimed.total_pct == 0
    assert claimed.components[0].special_code == "S"
    assert [c.group for c in claimed.components] == ["mfn"]
    assert any("FENT-USMCA-EXEMPT" in n.reason for n in claimed.not_applied)


def test_cafta_dr_apparel_line() -> None:
    """Cotton sweatshirts (6110.20.20, General 16.5%, Special P) from Honduras, Guatemala and El
    Salvador entered 1 July 2024: 16.5% without a claim, free under CAFTA-DR."""
    for origin in ("HND", "GTM", "SLV"):
        assert resolve(SWEATSHIRT, origin, "2024-07-01").total_pct == pytest.approx(16.5)
        claimed = resolve(SWEATSHIRT, origin, "2024-07-01", claims=("cafta_dr",))
        assert claimed.total_pct == 0 and claimed.components[0].special_code == "P"
    # Costa Rica joined CAFTA-DR on 1 January 2009 (trade.gov/cafta)
    assert resolve(SWEATSHIRT, "CRI", "2008-12-31", claims=("cafta_dr",)).total_pct == 16.5


def test_claim_on_a_line_the_programme_does_not_list_warns() -> None:
    # 0101.21.00 is Free under the General rate and prints no Special rate
    result = resolve("0101.21.00", "KOR", "2024-07-01", claims=("korus",))
    assert result.total_pct == 0
    assert any("does not list KR" in w for w in result.warnings)


def test_preference_by_reference_to_a_quota_provision_warns_without_the_claim() -> None:
    # HTS 2025: 0201.10.50 (beef carcasses) prints "See 9822.04.01-9822.04.03 (AU)": the AUSFTA
    # treatment is an in-quota rate of chapter 98, not priced; the answer says so unclaimed too
    result = resolve("0201.10.50", "AUS", "2024-06-01")
    assert result.total_pct == pytest.approx(26.4)
    assert any(
        "preference by reference" in w and "9822.04.01-9822.04.03" in w for w in result.warnings
    )
    (offered,) = result.preferences_available
    assert offered["reference"] == "9822.04.01-9822.04.03" and offered["rate_pct"] is None
    claimed = resolve("0201.10.50", "AUS", "2024-06-01", claims=("ausfta",))
    assert claimed.total_pct == pytest.approx(26.4)
    assert claimed.preferences_available[0]["claimed"] is True


def test_origin_independent_programmes_apply_to_any_column_1_country() -> None:
    """Civil aircraft (C): a line printing C is free for goods of any column 1 country."""
    schedule_line = "3917.21.00"  # plastic tubes: General 3.1%, Special "Free (A,AU,B,BH,C,...)"
    from tariffscope.regime import load_schedule

    line = load_schedule().line(schedule_line)
    assert "C" in line.special.codes and line.mfn.ad_valorem > 0
    for origin in ("FRA", "BRA", "CHN"):
        claimed = resolve(schedule_line, origin, "2024-07-01", claims=("civil_aircraft",))
        assert claimed.components[0].special_code == "C" and claimed.components[0].rate == 0
    # Russia pays column 2 rates: no Special rate
    russia = resolve(schedule_line, "RUS", "2024-07-01", claims=("civil_aircraft",))
    assert russia.components[0].measure == "COLUMN2"


def test_agoa_lapse_depends_on_the_reading_of_the_law() -> None:
    """AGOA lapsed on 30 September 2025 and was restored retroactively on 3 February 2026
    (CBP CSMS 67647279): as the law applies today the lapse is covered; as known in December
    2025 it is not. AGOA claims also cover GSP lines (CBP CSMS 14-000601)."""
    agoa = default_catalog().programmes["agoa"]
    assert agoa.ineligibility("ZAF", date(2025, 11, 1)) is None
    assert agoa.ineligibility("ZAF", date(2025, 11, 1), as_known=date(2025, 12, 1))
    assert {"D", "A", "A*", "A+"} == set(agoa.codes)


def test_vectorized_claims_apply_to_eligible_origins_only() -> None:
    table = resolve_lines(["KOR", "JPN", "CAN"], "2024-07-01", codes=[CAR], claims=("korus",))
    assert table.total[0].tolist() == pytest.approx([0.0, 0.025, 0.025])
    assert table.preference is not None and table.preference[0].tolist() == ["korus", "", ""]
    plain = resolve_lines(["KOR", "JPN", "CAN"], "2024-07-01", codes=[CAR])
    assert plain.preference is None and plain.total[0].tolist() == pytest.approx([0.025] * 3)


def test_unknown_claim_is_a_usage_error() -> None:
    result = runner.invoke(
        app, ["rate", CAR, "--origin", "KOR", "--date", "2024-07-01", "--claim", "koruss"]
    )
    assert result.exit_code == 2 and "koruss" in result.output


def test_programmes_and_claims_are_one_namespace_and_every_code_has_a_programme() -> None:
    catalog = default_catalog()
    programmes = catalog.programmes
    assert {"usmca", "korus", "cafta_dr", "civil_aircraft", "us_japan_ta"} <= set(programmes)
    assert set(programmes) <= set(catalog.claims)
    owned = {code for programme in programmes.values() for code in programme.codes}
    assert owned == PROGRAMME_CODES
    for programme in programmes.values():
        assert programme.sources and programme.under_measures
        assert programme.origin_independent == (not programme.countries) or programme.end
    # measures conditioned on a programme claim name the programme's id
    used = {c for m in catalog.measures for c in (*m.requires_claims, *m.unless_claims)}
    assert {"usmca", "cafta_dr", "civil_aircraft"} <= used


def test_measures_claims_lists_programmes_with_their_codes() -> None:
    claims = _cli(["measures", "--claims"])
    korus = claims["korus"]
    assert korus["kind"] == "programme" and korus["special_codes"] == ["KR"]
    assert korus["countries"] == [{"country": "KOR", "from": "2012-03-15", "to": None}]
    assert "FENT-USMCA-EXEMPT" in claims["usmca"]["measures"]
    assert claims["transshipment"]["kind"] == "claim"


def test_history_shows_a_programme_entering_into_force() -> None:
    """CAFTA-DR entered into force for Costa Rica on 1 January 2009 (trade.gov/cafta)."""
    from tariffscope.regime import history

    changes = history(SWEATSHIRT, "CRI", start="2008-06-01", end="2009-06-01", claims=("cafta_dr",))
    assert [(c.date.isoformat(), c.total_pct) for c in changes] == [
        ("2008-06-01", 16.5),
        ("2009-01-01", 0.0),
    ]


def test_chapter_98_apparel_preferences() -> None:
    """AGOA apparel (HTS 9819.11) and Haiti HOPE/HELP (9820) are chapter 98 provisions: the
    sweatshirt line prints no D in its Special column, yet is free with the claim."""
    kenya = resolve(SWEATSHIRT, "KEN", "2024-07-01", claims=("agoa",))
    assert kenya.total_pct == 0 and kenya.components[0].special_code == "ch98"
    haiti = resolve(SWEATSHIRT, "HTI", "2024-07-01", claims=("haiti_hope_help",))
    assert haiti.total_pct == 0
    assert resolve(SWEATSHIRT, "KEN", "2024-07-01").total_pct == 16.5


@pytest.mark.issue(9)
def test_usmca_references_are_free_for_goods_of_mexico_only() -> None:
    """HTS 2025 1901.10.56 (General "$1.035/kg + 13.6%") prints USMCA only as "See 9823.03.01-
    9823.03.12 (S+)". Chapter 98 subchapter XXIII: 9823.03.01 "Goods of Mexico or goods of the
    United States provided for in note 3(a)": Free (S+), no quota (U.S. note 3(a)); goods of
    Canada enter under the quantitative limits of 9823.03.02-.12, which are not priced."""
    line = "1901.10.56"
    mexico = resolve(line, "MEX", "2024-06-01", claims=("usmca",))
    assert mexico.total_pct == 0
    base = mexico.components[0]
    assert base.programme == "usmca" and "9823.01.01-9823.10.01" in base.citation
    canada = resolve(line, "CAN", "2024-06-01", claims=("usmca",))
    assert canada.total_pct == pytest.approx(13.6)
    assert any("only by reference" in w for w in canada.warnings)
    table = resolve_lines(["MEX", "CAN"], "2024-06-01", codes=[line], claims=("usmca",))
    assert table.total[0].tolist() == pytest.approx([0.0, 0.136])
    # unclaimed, Mexico is offered the priced preference; the law charges the General rate
    offered = resolve(line, "MEX", "2024-06-01")
    assert offered.total_pct == pytest.approx(13.6)
    usmca = next(p for p in offered.preferences_available if p["claim"] == "usmca")
    assert usmca["rate_pct"] == 0 and usmca["reference"] is None


@pytest.mark.issue(9)
@pytest.mark.parametrize(
    ("line", "provision"),
    [("1701.99.50", "9823.09.01-9823.09.09"), ("1806.10.75", "9823.10.01-9823.10.45")],
)
def test_usmca_sugar_references_are_free_for_goods_of_mexico_only(
    line: str, provision: str
) -> None:
    """HTS 2025: 1701.99.50 (refined sugar, General 35.74 cents/kg) prints USMCA only as "See
    9823.09.01-9823.09.09 (S+)", 1806.10.75 (cocoa powder with sugar) as "See 9823.10.01-
    9823.10.45 (S+)". 9823.09.01 "Goods provided for in note 9(a)" and 9823.10.01 "... note
    10(a)": Free (S+); U.S. notes 9(a) and 10(a) to subchapter XXIII: goods of Mexico "shall be
    eligible for USMCA tariff treatment only under subheading 9823.09.01" ("9823.10.01"), with no
    quantity limit; goods of Canada enter under the quantitative limits of note 9(b) (10(b))."""
    mexico = resolve(line, "MEX", "2024-06-01", claims=("usmca",))
    assert mexico.total_pct == 0
    assert mexico.components[0].programme == "usmca"
    assert "9823.10.01" in mexico.components[0].citation
    assert not any("only by reference" in w for w in mexico.warnings)
    canada = resolve(line, "CAN", "2024-06-01", claims=("usmca",))
    assert any("only by reference" in w and provision in w for w in canada.warnings)
    assert canada.components[0].programme != "usmca"


def test_can_claim_answers_as_ineligibility_does() -> None:
    """``can_claim`` (the law engine's question, no reason written) is ``ineligibility is
    None`` for every programme, every origin that appears in one, column 2 or not, across the
    programmes' starts, ends and lapses."""
    catalog = default_catalog()
    origins = sorted(
        {p.country for prog in catalog.programmes.values() for p in prog.countries} | {"ZZZ"}
    )
    days = [date(1995, 1, 1), date(2020, 12, 31), date(2024, 7, 1), date(2025, 8, 20)]
    known = [None, date(2020, 1, 1)]
    yes = no = 0
    for prog in catalog.programmes.values():
        for origin in origins:
            for day in days:
                for as_known in known:
                    for column2 in (False, True):
                        reason = prog.ineligibility(origin, day, as_known=as_known, column2=column2)
                        can = prog.can_claim(origin, day, as_known=as_known, column2=column2)
                        assert can == (reason is None), (prog.id, origin, day, reason)
                        yes += can
                        no += not can
    assert yes > 0 and no > 0
