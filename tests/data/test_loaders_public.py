"""Loaders on the real public files in ../shared/data, checked against facts in its MANIFEST."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tariffscope.data.loaders import (
    GTAP_GOODS,
    chain_hs_revisions,
    load_broda_weinstein,
    load_budgetlab_gtap_imports,
    load_budgetlab_trade_weights,
    load_census_country_codes,
    load_dataweb,
    load_gtap_dictionary,
    load_hauk,
    load_hs_gtap_crosswalk,
    load_hs_revision,
    load_japan_mof,
    load_protee,
)

pytestmark = pytest.mark.shared


def test_budgetlab_dollar_baseline_matches_manifest(shared: Path) -> None:
    frame = load_budgetlab_gtap_imports(
        shared / "data/a_trade/budgetlab_us_imports_gtap45_by_partner_usd.csv", unit="usd"
    )
    assert set(frame["gtap_code"]) == set(GTAP_GOODS)
    japan = frame[frame["partner"] == "JPN"]
    # MANIFEST: "The Japan column sums to $144.86bn and its mvh row is $51.83bn"
    assert japan["value"].sum() / 1e9 == pytest.approx(144.86, abs=0.01)
    assert japan.loc[japan["gtap_code"] == "mvh", "value"].iloc[0] / 1e9 == pytest.approx(
        51.83, abs=0.01
    )
    assert frame.attrs["provenance"]["unit"] == "US dollars"


def test_budgetlab_million_tables_are_converted_to_dollars(shared: Path) -> None:
    viws = load_budgetlab_gtap_imports(
        shared / "data/a_trade/budgetlab_gtap_viws_baseline_usimports.csv", unit="usd_million"
    )
    weights = load_budgetlab_gtap_imports(
        shared / "data/a_trade/budgetlab_gtap_import_weights.csv", unit="usd_million"
    )
    # MANIFEST: VIWS Japan column sums to 154,947 ($ million); the usa column is dropped
    assert viws.loc[viws["partner"] == "JPN", "value"].sum() / 1e6 == pytest.approx(
        154_947, rel=1e-4
    )
    assert "USA" not in set(viws["partner"])
    assert weights.loc[weights["partner"] == "JPN", "value"].sum() == pytest.approx(
        viws.loc[viws["partner"] == "JPN", "value"].sum(), rel=1e-3
    )


def test_budgetlab_trade_weights_and_dictionary(shared: Path) -> None:
    weights = load_budgetlab_trade_weights(
        shared / "data/a_trade/budgetlab_gtap_trade_weights_by_month.csv"
    )
    assert len(weights) == 4160
    assert set(weights["partner"]) >= {"JPN", "CHN", "EUN"}
    dictionary = load_gtap_dictionary(shared / "data/a_trade/gtap_commodity_dictionary.csv")
    assert len(dictionary) == 65
    assert dictionary.set_index("gtap_code").loc["mvh", "description"] == "Motor vehicles and parts"


def test_dataweb_wide_csv_japan_exports(shared: Path) -> None:
    frame = load_dataweb(
        shared / "data/a_trade/usitc_dataweb_us_total_exports_fas_hs2_by_country_2020_2024.csv.gz"
    )
    assert len(frame) == 17_773 * 6  # rows x year columns
    japan = frame[(frame["iso3"] == "JPN") & (frame["year"] == 2024)]
    # MANIFEST key fact: US exports to Japan in 2024 = $78.978 bn
    assert japan["value"].sum() / 1e9 == pytest.approx(78.978, abs=0.001)
    assert set(frame["classification"]) == {"hts"}
    assert frame["code"].str.len().eq(2).all()


def test_dataweb_long_excel_sheets(shared: Path) -> None:
    path = (
        shared
        / "data/a_trade/usitc_dataweb_customs_value_and_calc_duties_naics3_monthly_2024_2025.xlsx"
    )
    frame = load_dataweb(path)
    assert set(frame["data_type"]) == {"Customs Value", "Calculated Duties"}
    assert set(frame["classification"]) == {"naics"}
    assert frame["month"].between(1, 12).all()
    value = frame[frame["data_type"] == "Customs Value"]["value"].sum()
    assert value == pytest.approx(6_108_749_923_589, rel=1e-9)  # the sheet's Total line


def test_japan_mof_exports_to_us_2024(shared: Path) -> None:
    frame = load_japan_mof(
        shared / "data/a_trade/japan_mof_trade_by_area_goods_annual_2009_2026_bn_yen.csv.gz"
    )
    us = frame[(frame["iso3"] == "USA") & (frame["flow"] == "export") & (frame["year"] == 2024)]
    values = us.set_index("goods")["value"]
    # MANIFEST: 21,294.8 in total; Motor Vehicles 6,026.4; Parts 1,231.0 (billion yen)
    assert values["Grand Total"] == pytest.approx(21_294.8, abs=0.1)
    assert values["Motor Vehicles"] == pytest.approx(6_026.4, abs=0.1)
    assert values["Parts Of Motor Vehicles"] == pytest.approx(1_231.0, abs=0.1)
    assert frame.attrs["provenance"]["unit"] == "billion yen"


def test_crosswalks(shared: Path) -> None:
    hs6 = load_hs_gtap_crosswalk(shared / "data/a_trade/hs6_gtap_crosswalk.csv")
    assert len(hs6) == 5612
    assert hs6.set_index("hs6").loc["870323", "gtap_code"] == "mvh"
    assert hs6["gtap_code"].str.islower().all()
    hs10 = load_hs_gtap_crosswalk(shared / "data/x_concordances/hs10_gtap_crosswalk.csv.gz")
    assert len(hs10) == 18_700
    assert (hs10["hts10"].str[:6] == hs10["hs6"]).all()
    assert (hs10["gtap_code"] == "").sum() == 74  # chapter 98 special provisions


def test_hs_revisions_chain(shared: Path) -> None:
    base = shared / "data/x_concordances"
    tables = [
        load_hs_revision(base / name)
        for name in (
            "hs2022_to_hs2017_hs6.csv",
            "hs2017_to_hs2012_hs6.csv",
            "hs2012_to_hs2007_hs6.csv",
        )
    ]
    assert tables[0].attrs["from_year"] == 2022 and tables[0].attrs["to_year"] == 2017
    forward = chain_hs_revisions(tables, 2007, 2022)
    weights = forward.groupby("from_hs6")["weight"].sum()
    assert np.median(weights) == 1.0
    assert forward[forward["from_hs6"] == "870323"]["to_hs6"].tolist() == ["870323"]
    backward = chain_hs_revisions(tables, 2022, 2007)
    assert set(backward["to_hs6"]) <= set(forward["from_hs6"]) | set(backward["to_hs6"])
    assert len(backward) > 5000


def test_census_codes(shared: Path) -> None:
    names = load_census_country_codes(shared / "data/x_concordances/census_country_codes.csv")
    iso = load_census_country_codes(shared / "data/a_trade/census_cty_code_to_iso3.csv")
    assert names.set_index("census_code").loc["5880", "name"] == "Japan"
    assert iso.set_index("census_code").loc["5880", "iso3"] == "JPN"


def test_elasticity_files(shared: Path) -> None:
    base = shared / "data/c_elasticities"
    protee = load_protee(base / "cepii_ProTEE_0_1_hs6.csv")
    assert len(protee) == 5050 and protee["set_to_zero"].sum() == 1880
    assert protee["trade_elasticity"].median() == pytest.approx(-7.89, abs=0.01)
    assert (protee["substitution"].dropna() > 0).all()
    demand = load_hauk(base / "hauk2012_us_imports_hs6elasticities.csv.gz", kind="demand")
    assert len(demand) == 4259
    assert demand["estimate"].median() == pytest.approx(0.93, abs=0.005)  # MANIFEST
    assert (demand.loc[demand["correct_sign"], "estimate"] > 0).all()
    assert demand["code"].str.len().eq(6).all() and "010111" in set(demand["code"])
    hs10 = load_hauk(base / "hauk2012_us_imports_hs10elasticities.csv.gz", kind="demand")
    assert hs10["classification"].eq("hts10").all() and hs10["code"].str.len().eq(10).all()
    subst = load_hauk(base / "hauk2012_us_imports_hs6substitution2.csv.gz", kind="substitution")
    assert subst["estimate"].median() == pytest.approx(1.26, abs=0.005)  # MANIFEST
    bw = load_broda_weinstein(base / "broda_weinstein_sigma_hs0_3digit_73countries.csv")
    assert {"USA", "JPN"} <= set(bw["iso3"]) and (bw["sigma"] > 1).all()
    sitc = load_broda_weinstein(base / "broda_weinstein_sigma_sitc3_usa.csv")
    assert len(sitc) == 2716 and sitc["classification"].eq("sitc3_5d").all()
