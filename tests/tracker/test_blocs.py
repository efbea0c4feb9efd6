"""A bloc without a party code (Mercosur, the GCC, ASEAN, ...) as one party of the brief, on
stories written for the tests: found by its headline or its text, standing for the members the
reader's records name, never in place of a member of a US pair (round 12 of the fresh stories:
an EFTA-Mercosur story was briefed as BRA-URY, a China-ASEAN one as CHN-MYS)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tariffscope.domain.blocs import bloc, blocs, is_bloc
from tariffscope.domain.countries import country_name, is_country
from tariffscope.regime.programmes import load_programmes
from tariffscope.tracker._blocs import (
    bloc_namings,
    bloc_pair,
    headline_bloc_pair,
    lone_bloc_pair,
    story_blocs,
)
from tariffscope.tracker._identity import of_pair, party_of

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.issue(9)


def test_the_bloc_table_names_members_by_iso_code_and_blocs_by_no_iso_code() -> None:
    table = blocs()
    assert {b.id for b in table} >= {"MERCOSUR", "GCC", "ASEAN", "EFTA"}
    for b in table:
        assert not is_country(b.id) and b.source.startswith("https://")
        assert b.members and all(is_country(m) for m in b.members)
        assert country_name(b.id) == b.name
    schema = json.loads((ROOT / "docs" / "brief.schema.json").read_text(encoding="utf-8"))
    enum = schema["$defs"]["party"]["anyOf"][1]["enum"]
    assert sorted(enum) == sorted(b.id for b in table)  # the schema admits exactly the table


def test_a_bloc_is_named_by_its_names_capitalised_as_a_name() -> None:
    text = "The Gulf Co-operation Council and the GCC; gcc compiles. China-ASEAN, Asean summit."
    assert bloc_namings(text) == {"GCC": 2, "ASEAN": 2}


def test_members_of_one_bloc_become_the_bloc_and_the_other_bloc_named() -> None:
    title = ["Mercosur and EFTA set to sign free trade deal"]
    body = ["Brazil's minister and Uruguay's deputy minister said Mercosur and EFTA will sign."]
    after, said = bloc_pair(("BRA", "URY"), title, body)  # type: ignore[misc]
    assert after == ("MERCOSUR", "EFTA")
    assert "BRA-URY" in said and "MERCOSUR-EFTA" in said and "mercosur.int" in said


def test_a_member_counts_for_a_bloc_the_headline_names_instead_of_it() -> None:
    title = ["China-ASEAN free trade upgrade signed"]
    body = ["Premier Li Qiang and Malaysia's prime minister Anwar Ibrahim attended the signing."]
    assert bloc_pair(("CHN", "MYS"), title, body) == (
        ("CHN", "ASEAN"),
        bloc_pair(("CHN", "MYS"), title, body)[1],  # type: ignore[index]
    )


def test_a_member_the_headline_names_stays_itself() -> None:
    title = ["China and Malaysia sign deals at the ASEAN summit"]
    body = ["Malaysia and China signed three agreements on the sidelines of the ASEAN summit."]
    assert story_blocs(title, body) == ["ASEAN"]
    assert bloc_pair(("CHN", "MYS"), title, body) is None


def test_a_bloc_named_once_in_passing_is_no_party() -> None:
    body = ["Malaysia and Thailand will sign the pact during the ASEAN summit next week."]
    assert story_blocs(["Malaysia, Thailand to sign pact"], body) == []


def test_a_us_pair_keeps_the_member_us_law_prices() -> None:
    # US law is each Gulf state's own: the UAE's 10% is priced on the UAE, not the GCC
    title = ["Gulf spared harshest tariffs"]
    body = ["GCC states were spared. The GCC got 10% on the UAE. The GCC had a deficit."]
    assert story_blocs(title, body) == ["GCC"]
    assert bloc_pair(("USA", "ARE"), title, body, rated={"USA", "ARE"}) is None


def test_a_story_of_one_party_and_a_bloc_is_briefed_as_that_pair() -> None:
    found = lone_bloc_pair("GBR", ["UK agrees trade deal with Gulf Cooperation Council"], [""])
    assert found is not None and found[0] == ("GBR", "GCC")
    assert "United Kingdom and all partners" in found[1]
    assert lone_bloc_pair("SAU", ["Saudi Arabia hosts GCC summit"], [""]) is None  # a member


def test_a_members_measure_belongs_to_its_blocs_negotiation() -> None:
    assert is_bloc("MERCOSUR") and not is_bloc("BRA")
    assert party_of("BRA", ("MERCOSUR", "EFTA")) == "MERCOSUR"
    assert party_of("NOR", ("MERCOSUR", "EFTA")) == "EFTA"
    assert party_of("CHN", ("MERCOSUR", "EFTA")) is None
    assert of_pair("BRA", "CHE", ("MERCOSUR", "EFTA"))
    assert not of_pair("BRA", "URY", ("MERCOSUR", "EFTA"))  # within the bloc


def test_a_headline_naming_a_party_and_a_bloc_replaces_a_us_pair_it_does_not_name() -> None:
    # round 11 and the corpus: EU-Mercosur stories briefed USA-EUN from a recalled EU-US deal
    found = headline_bloc_pair(("USA", "EUN"), ["EU, Mercosur sign trade agreement in Paraguay"])
    assert found is not None and found[0] == ("EUN", "MERCOSUR")
    slug = ["[from URL slug] canada-mercosur-free-trade-talks-resume"]
    assert headline_bloc_pair(("USA", "CAN"), slug)[0] == ("CAN", "MERCOSUR")  # type: ignore[index]
    # the headline names the US, or a member only, or the pair has no US: left as it is
    assert headline_bloc_pair(("USA", "SAU"), ["US and GCC hold talks"]) is None
    assert headline_bloc_pair(("USA", "BRA"), ["Brazil hosts Mercosur summit"]) is None
    assert headline_bloc_pair(("CHN", "EUN"), ["EU, Mercosur sign trade agreement"]) is None


def test_a_bloc_may_be_asked_for_as_a_party_and_an_unknown_code_is_still_refused() -> None:
    from tariffscope.errors import UnknownCodeError
    from tariffscope.tracker import parse_pair

    assert parse_pair("EFTA-Mercosur") == ("EFTA", "MERCOSUR")
    assert parse_pair("eun-gcc") == ("EUN", "GCC")
    with pytest.raises(UnknownCodeError):
        parse_pair("XXX-CHN")


def test_agoa_stands_for_the_beneficiaries_the_catalog_programme_lists() -> None:
    agoa = bloc("AGOA")
    assert agoa is not None and not agoa.customs_union
    catalog = ROOT / "src" / "tariffscope" / "regime" / "catalog" / "programmes.yaml"
    programme = load_programmes(catalog)["agoa"]
    assert agoa.members == {period.country for period in programme.countries}
    union = bloc("AU")
    assert union is not None and len(union.members) == 55 and agoa.members <= union.members


def test_a_currency_is_no_bloc() -> None:
    text = "Exports worth AU$1.75 million went to the US. The AU said so; the African Union agreed."
    assert bloc_namings(text) == {"AU": 2}


def test_a_bloc_named_beside_half_its_members_is_a_party_its_members_count_for() -> None:
    # named twice only, but with four of its five members listed (partners and wording written
    # for the test)
    title = ["EU ministers clear the way for the South American pact"]
    body = [
        "EU ministers backed the pact with Mercosur, the bloc of Argentina, Brazil, Paraguay "
        "and Uruguay. The commission chief will fly to Montevideo to sign it with Mercosur "
        "leaders, and Uruguay's foreign minister said Uruguay was ready."
    ]
    assert story_blocs(title, body) == ["MERCOSUR"]
    after = bloc_pair(("EUN", "URY"), title, body)
    assert after is not None and after[0] == ("EUN", "MERCOSUR")
    # the bloc named twice beside one member only is no party
    alone = [
        "EU ministers backed the pact with Mercosur; they will sign it with Mercosur in Uruguay."
    ]
    assert story_blocs(title, alone) == []


def test_a_us_partner_without_its_own_measure_counts_for_the_bloc_the_story_speaks_of() -> None:
    # the US pair came from a meeting held in Rwanda; the story is the African Union's offer
    title = ["Africa weighs a joint offer to Washington"]
    body = [
        "The African Union will table a single offer to the United States. The AU chair spoke "
        "after a meeting in Kigali, and AU trade ministers back the plan."
    ]
    after = bloc_pair(("USA", "RWA"), title, body)
    assert after is not None and after[0] == ("USA", "AU")
    # a partner whose own US rate the stories report stays itself (US law is its own)
    assert bloc_pair(("USA", "RWA"), title, body, rated={"USA", "RWA"}) is None
    # unless they list the rates of other members of its bloc too: they speak of the bloc
    listed = bloc_pair(("USA", "RWA"), title, body, rated={"USA", "RWA", "KEN"})
    assert listed is not None and listed[0] == ("USA", "AU")
    # and so does a partner the headline names
    assert bloc_pair(("USA", "RWA"), ["Rwanda weighs an offer to Washington"], body) is None
