"""Malformed or mismatched files give one-line DataFileErrors naming file, column and line."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from tariffscope.data.loaders import (
    load_baci,
    load_broda_weinstein,
    load_budgetlab_gtap_imports,
    load_comtrade,
    load_dataweb,
    load_hauk,
    load_hs_gtap_crosswalk,
    load_hs_revision,
    load_japan_mof,
    load_protee,
)
from tariffscope.errors import DataFileError, DataUnavailableError, TariffscopeError


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    if name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")
    return path


CASES: list[tuple[str, str, Callable[[Path], pd.DataFrame], tuple[str, ...]]] = [
    (
        "budgetlab.csv",
        "gtap_code,china,japan\nmvh,10,20\nxyz,1,2\n",
        lambda p: load_budgetlab_gtap_imports(p, unit="usd"),
        ("column 'gtap_code'", "line 3", "'xyz'"),
    ),
    (
        "budgetlab_value.csv",
        "gtap_code,china,japan\nmvh,10,20\nome,1,abc\n",
        lambda p: load_budgetlab_gtap_imports(p, unit="usd"),
        ("column 'japan'", "line 3", "'abc' is not a number"),
    ),
    (
        "budgetlab_partner.csv",
        "gtap_code,china,narnia\nmvh,10,20\n",
        lambda p: load_budgetlab_gtap_imports(p, unit="usd"),
        ("column 'narnia'", "unknown partner group"),
    ),
    (
        "mof.csv.gz",
        "ex_im,area,goods,year,value\nexport,USA,Machinery,2024.0,1.5\nexport,USA,Ships,20x4,2\n",
        load_japan_mof,
        ("column 'year'", "line 3", "'20x4' is not a year"),
    ),
    (
        "mof_flow.csv",
        "ex_im,area,goods,year,value\nexport,USA,Machinery,2024,1.5\nsmuggle,USA,Ships,2024,2\n",
        load_japan_mof,
        ("column 'ex_im'", "line 3", "'smuggle'"),
    ),
    (
        "crosswalk.csv",
        "hs6_code,description,hs4_code,gtap_code\n870323,Cars,8703,MVH\n87032X,Bad,8703,MVH\n",
        load_hs_gtap_crosswalk,
        ("column 'hs6_code'", "line 3", "'87032X' is not a 6-digit code"),
    ),
    (
        "crosswalk_dup.csv",
        "hs6_code,description,hs4_code,gtap_code\n870323,Cars,8703,MVH\n870323,Again,8703,MVH\n",
        load_hs_gtap_crosswalk,
        ("column 'hs6_code'", "line 3", "listed twice"),
    ),
    (
        "revision.csv",
        "HS6_6d,HS6_4d,HS6_2d\n010121,0101,01\n",
        load_hs_revision,
        ("expected two HSn_6d columns",),
    ),
    (
        "protee.csv",
        "HS6,zero,positive\n010110,1,0\n",
        load_protee,
        ("column 'sigma' is missing",),
    ),
    (
        "hauk.csv",
        "hs6,impliedelasticity,sedemandprice,obs,positive\n10111.0,0.4,0.1,24,1\n10119.0,x,0.1,2,1\n",
        lambda p: load_hauk(p, kind="demand"),
        ("column 'impliedelasticity'", "line 3", "'x' is not a number"),
    ),
    (
        "bw.csv",
        "iso3c,HS0_3d,HS0_2d,sigma\nUSA,010,01,2.5\nUSA,020,02,0.7\n",
        load_broda_weinstein,
        ("column 'sigma'", "line 3", "not above 1"),
    ),
    (
        "dataweb.csv",
        "General Imports|Annual Data,,,\nData Row Count,2,,\n"
        "Data Type,HTS Number,Description,Country,2023,2024\n"
        "Customs Value,87,CARS,Germany,10.00,20.00\n"
        "Customs Value,84,MACHINES,Germany,5.00,7.00\n"
        'Total: ,,,,"15","99"\n',
        load_dataweb,
        ("column 'Total:'", "rows of 2024 sum to 27", "Total line says 99"),
    ),
    (
        "dataweb_value.csv",
        "General Imports|Annual Data,,,\nData Type,HTS Number,Description,Country,2024\n"
        "Customs Value,87,CARS,Mexico,1o.0\n",
        load_dataweb,
        ("column '2024'", "line 3", "'1o.0' is not a number"),
    ),
    (
        "not_dataweb.csv",
        "a,b,c\n1,2,3\n",
        load_dataweb,
        ("no 'Data Type' header row",),
    ),
    (
        "baci.csv",
        "t,i,j,k,v,q\n2022,4,8,010121,1.5,NA\n2022,4,8,0101x1,2.0,3\n",
        load_baci,
        ("column 'k'", "line 3", "'0101x1' is not a 6-digit code"),
    ),
    (
        "baci_missing.csv",
        "t,i,j,k,q\n2022,4,8,010121,NA\n",
        load_baci,
        ("column 'v' is missing",),
    ),
    (
        "comtrade.csv",
        "refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue\n"
        "2024,USA,KOR,M,8703,100\n2024,USA,KOR,Q,8703,5\n",
        load_comtrade,
        ("column 'flowCode'", "line 3", "'Q'"),
    ),
    (
        "comtrade_other.csv",
        "year,country,value\n2024,USA,3\n",
        load_comtrade,
        ("not a UN Comtrade CSV",),
    ),
]


@pytest.mark.parametrize(("name", "text", "loader", "fragments"), CASES, ids=[c[0] for c in CASES])
def test_error_names_file_column_and_line(
    tmp_path: Path,
    name: str,
    text: str,
    loader: Callable[[Path], pd.DataFrame],
    fragments: tuple[str, ...],
) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(DataFileError) as caught:
        loader(path)
    message = caught.value.one_line()
    assert "\n" not in message
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message, message
    assert caught.value.exit_code == 2


def test_missing_file_is_data_unavailable(tmp_path: Path) -> None:
    with pytest.raises(DataUnavailableError, match="does not exist"):
        load_japan_mof(tmp_path / "nope.csv")


def test_binary_garbage_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.csv.gz"
    path.write_bytes(b"\x00\x01not gzip at all")
    with pytest.raises(TariffscopeError, match=r"garbage\.csv\.gz"):
        load_japan_mof(path)
