"""Japan Ministry of Finance (Customs) trade statistics by area and principal commodity.

The format is the annual table ``ex_im, area, goods, year, value``: Japan-reported exports and
imports by MOF area name (``USA``, ``EU``, ``Grand Total``, abbreviated country names) and
MOF principal-commodity group (``Motor Vehicles``, ``(Car)``, ``Parts Of Motor Vehicles``;
these are MOF groups, not HS codes), in **billion yen** (source: Japan Customs,
https://www.customs.go.jp/toukei/info/index_e.htm; the shared copy is the ``trade_year`` table
of github.com/mitsuoxv/jp-trade). Groups in parentheses are sub-items of the group above them
(``(Car)`` is part of ``Motor Vehicles``), so do not add them to their parent.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from tariffscope.data.loaders._common import (
    Column,
    attach_provenance,
    convert_columns,
    read_raw_csv,
    require_values,
)

__all__ = ["MOF_AREA_ISO3", "load_japan_mof"]

#: MOF area names -> ISO3 (``EUN`` for the EU, ``WLD`` for the grand total).
MOF_AREA_ISO3: dict[str, str] = {
    "Argent": "ARG",
    "Austral": "AUS",
    "Austria": "AUT",
    "Bahrain": "BHR",
    "Belgium": "BEL",
    "Brazil": "BRA",
    "Brunei": "BRN",
    "Canada": "CAN",
    "Chile": "CHL",
    "China": "CHN",
    "Colmbia": "COL",
    "Denmark": "DNK",
    "EU": "EUN",
    "Finland": "FIN",
    "France": "FRA",
    "Germany": "DEU",
    "Grand Total": "WLD",
    "Greece": "GRC",
    "Hg Kong": "HKG",
    "India": "IND",
    "Indnsia": "IDN",
    "Iran": "IRN",
    "Ireland": "IRL",
    "Israel": "ISR",
    "Italy": "ITA",
    "Kuwait": "KWT",
    "Liberia": "LBR",
    "Malysia": "MYS",
    "Mexico": "MEX",
    "Nethlds": "NLD",
    "Newzeld": "NZL",
    "Norway": "NOR",
    "Oman": "OMN",
    "Pakistn": "PAK",
    "Panama": "PAN",
    "Pap Nga": "PNG",
    "Peru": "PER",
    "Philpin": "PHL",
    "Portugl": "PRT",
    "Prtrico": "PRI",
    "Qatar": "QAT",
    "R Korea": "KOR",
    "Russia": "RUS",
    "S Afrca": "ZAF",
    "Sngapor": "SGP",
    "Spain": "ESP",
    "Su Arab": "SAU",
    "Sweden": "SWE",
    "Switzld": "CHE",
    "Taiwan": "TWN",
    "Thailnd": "THA",
    "Turkey": "TUR",
    "U Arb E": "ARE",
    "U King": "GBR",
    "USA": "USA",
    "Venezla": "VEN",
    "Vietnam": "VNM",
}


def load_japan_mof(path: str | Path) -> pd.DataFrame:
    """Read the MOF annual trade table.

    Returns
    -------
    pandas.DataFrame
        Columns ``flow`` (``export``/``import``, as Japan reports it), ``area`` (MOF name),
        ``iso3``, ``goods`` (MOF group), ``year`` (int), ``value`` (billion yen).

    Raises
    ------
    DataFileError
        A missing column, a flow other than export/import, an unknown area, a year or value
        that is not a number (the message names file, column and line).
    """
    path = Path(path)
    raw = read_raw_csv(path)
    frame = convert_columns(
        raw,
        path,
        [
            Column("ex_im", "flow"),
            Column("area", "area"),
            Column("goods", "goods"),
            Column("year", "year", "year"),
            Column("value", "value", "float", optional=True),
        ],
    )
    require_values(frame, path, "flow", {"export", "import"}, source_column="ex_im")
    require_values(frame, path, "area", set(MOF_AREA_ISO3), source_column="area")
    frame["iso3"] = frame["area"].map(MOF_AREA_ISO3)
    frame["year"] = frame["year"].astype(np.int64)
    frame = frame[["flow", "area", "iso3", "goods", "year", "value"]]
    return attach_provenance(
        frame,
        path,
        fmt="japan_mof_trade_by_area_goods",
        source="Japan Ministry of Finance, Trade Statistics of Japan (customs.go.jp)",
        unit="billion yen",
    )
