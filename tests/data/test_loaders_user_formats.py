"""BACI and UN Comtrade files that users bring (small hand-written files in their formats)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tariffscope.data.loaders import load_baci, load_comtrade
from tariffscope.errors import DataFileError

BACI = """t,i,j,k,v,q
2022,410,842,870323,1500.25,120.5
2022,410,842,10121,3.0,NA
2022,156,842,847130,2000,           NA
"""

CODES = """country_code,country_name,country_iso2,country_iso3
156,China,CN,CHN
410,Rep. of Korea,KR,KOR
842,USA,US,USA
"""


def test_baci_values_codes_and_quantities(tmp_path: Path) -> None:
    path = tmp_path / "BACI_HS17_Y2022_V202401.csv"
    path.write_text(BACI, encoding="utf-8")
    frame = load_baci(path)
    assert frame["hs6"].tolist() == ["870323", "010121", "847130"]  # leading zero restored
    np.testing.assert_allclose(frame["value"], [1_500_250.0, 3_000.0, 2_000_000.0])  # $1000s
    assert frame["quantity"].isna().tolist() == [False, True, True]
    assert frame["exporter"].tolist() == [410, 410, 156]
    assert frame.attrs["provenance"]["format"] == "cepii_baci"


def test_baci_with_country_codes(tmp_path: Path) -> None:
    path = tmp_path / "baci.csv"
    path.write_text(BACI, encoding="utf-8")
    codes = tmp_path / "country_codes_V202401.csv"
    codes.write_text(CODES, encoding="utf-8")
    frame = load_baci(path, country_codes=codes)
    assert frame["exporter"].tolist() == ["KOR", "KOR", "CHN"]
    assert set(frame["importer"]) == {"USA"}
    codes.write_text(CODES.replace("156,China,CN,CHN\n", ""), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"column 'i', line 4: country code 156"):
        load_baci(path, country_codes=codes)


def test_baci_negative_value(tmp_path: Path) -> None:
    path = tmp_path / "baci.csv"
    path.write_text("t,i,j,k,v,q\n2022,410,842,870323,-1,2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"column 'v', line 2: negative"):
        load_baci(path)


def test_comtrade_plus_header(tmp_path: Path) -> None:
    path = tmp_path / "comtrade.csv"
    path.write_text(
        "typeCode,freqCode,refYear,period,reporterISO,partnerISO,flowCode,classificationCode,"
        "cmdCode,qty,netWgt,primaryValue\n"
        "C,A,2024,2024,USA,DEU,M,H6,870323,1000,1500000,55000000000\n"
        "C,A,2024,2024,USA,W00,M,H6,TOTAL,,,3300000000000\n"
        "C,A,2024,2024,usa,DEU,X,H6,100119,,,1234.5\n",
        encoding="utf-8",
    )
    frame = load_comtrade(path)
    assert frame["flow"].tolist() == ["import", "import", "export"]
    assert frame["partner"].tolist() == ["DEU", "WLD", "DEU"]
    assert frame["reporter"].tolist() == ["USA", "USA", "USA"]
    assert frame["cmd_code"].tolist() == ["870323", "TOTAL", "100119"]
    assert frame["value"].iloc[0] == 55e9
    assert np.isnan(frame["quantity"].iloc[1])


def test_comtrade_legacy_header(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_text(
        "Classification,Year,Period,Trade Flow,Reporter ISO,Partner ISO,Commodity Code,Qty,"
        "Netweight (kg),Trade Value (US$)\n"
        'H5,2019,2019,Import,USA,MEX,8703,,,"56,000,000,000"\n'
        "H5,2019,2019,Re-Export,USA,MEX,0101,,,10\n",
        encoding="utf-8",
    )
    frame = load_comtrade(path)
    assert frame["flow"].tolist() == ["import", "re-export"]
    assert frame["cmd_code"].tolist() == ["8703", "0101"]
    assert frame["value"].iloc[0] == 56e9
    assert frame["year"].tolist() == [2019, 2019]
