"""US Census Bureau imports for consumption by country and commodity (international-trade API).

The Census API ``timeseries/intltrade/imports/hs`` answers, for one month and country, the
year-to-date customs value of imports for consumption (``CON_VAL_YR``) and the duties
calculated on them (``CAL_DUT_YR``) by HS commodity. Two layouts are read:

* **by HS2 chapter**: ``CTY_CODE, CTY_NAME, HS2, CON_VAL_YR_<year>, CAL_DUT_YR_<year>``
  (the year is in the column names);
* **by HTS10 line**: ``CTY_CODE, CTY_NAME, HTS10, CON_VAL_YR, CAL_DUT_YR`` (the year is the
  caller's: the API query's ``time``).

``CTY_CODE`` is the Census Schedule C country code (four digits; ``0003`` is the European
Union, the sum of its members). Sources: https://www.census.gov/data/developers/data-sets/
international-trade.html; the shared copies are described in ``../shared/data/MANIFEST.md``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from tariffscope.data.loaders._common import (
    Column,
    attach_provenance,
    convert_columns,
    read_raw_csv,
)
from tariffscope.errors import DataFileError

__all__ = ["CENSUS_EU_CODE", "load_census_imports"]

#: Census Schedule C code of the European Union aggregate (the sum of its members).
CENSUS_EU_CODE = "0003"

_YEAR_COLUMN = re.compile(r"CON_VAL_YR_(\d{4})$")


def load_census_imports(path: str | Path, *, year: int | None = None) -> pd.DataFrame:
    """Read Census imports for consumption by country and HS2 chapter or HTS10 line.

    Parameters
    ----------
    path
        A CSV (plain or ``.gz``) in one of the two layouts of the module docstring.
    year
        The data year for the HTS10 layout (its columns do not say); ignored, but checked, for
        the HS2 layout.

    Returns
    -------
    pandas.DataFrame
        ``census_code`` (4 digits), ``name``, ``code`` (2 or 10 digits), ``value_usd`` and
        ``duties_usd`` (whole US dollars, int64); ``attrs["provenance"]`` has the ``level``
        (``hs2`` or ``hts10``) and the ``year``.

    Raises
    ------
    DataFileError
        A missing column, a malformed code or number (naming file, column and line), or a
        negative value.
    """
    path = Path(path)
    raw = read_raw_csv(path)
    years = [int(m.group(1)) for c in raw.columns if (m := _YEAR_COLUMN.match(str(c)))]
    if "HS2" in raw.columns:
        if len(years) != 1:
            raise DataFileError(f"file {path}: expected one CON_VAL_YR_<year> column")
        if year is not None and year != years[0]:
            raise DataFileError(f"file {path}: holds {years[0]}, not {year}")
        level, width, data_year = "hs2", 2, years[0]
        value_col, duty_col, code_col = f"CON_VAL_YR_{data_year}", f"CAL_DUT_YR_{data_year}", "HS2"
    else:
        if year is None:
            raise DataFileError(f"file {path}: an HTS10 file needs the data year (year=...)")
        level, width, data_year = "hts10", 10, year
        value_col, duty_col, code_col = "CON_VAL_YR", "CAL_DUT_YR", "HTS10"
    frame = convert_columns(
        raw,
        path,
        [
            Column("CTY_CODE", "census_code", "code", width=4),
            Column("CTY_NAME", "name"),
            Column(code_col, "code", "code", width=width),
            Column(value_col, "value_usd", "int"),
            Column(duty_col, "duties_usd", "int"),
        ],
    )
    for column, source in (("value_usd", value_col), ("duties_usd", duty_col)):
        negative = frame[column] < 0
        if negative.any():
            line = int(negative.to_numpy().nonzero()[0][0]) + 2
            raise DataFileError(f"file {path}, column {source!r}, line {line}: negative value")
    return attach_provenance(
        frame,
        path,
        fmt=f"census_imports_{level}",
        source="US Census Bureau, international-trade API, imports for consumption "
        "(CON_VAL_YR customs value, CAL_DUT_YR calculated duties)",
        unit="US$",
        level=level,
        year=str(data_year),
    )
