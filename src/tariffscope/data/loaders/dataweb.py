"""USITC DataWeb exports (https://dataweb.usitc.gov), CSV or Excel.

DataWeb writes two layouts, and this loader reads both into one long table:

* **wide** (CSV "Annual Data"): two title lines (``General Imports|Annual Data``, ``Data Row
  Count,N``), then the header ``Data Type, HTS Number, Description, Country, 2020, 2021, ...``
  with one column per year, then a ``Total:`` line.
* **long** (Excel, one sheet per data type, plus ``Query Parameters``): header ``Data Type,
  Year, Month, NAIC Number, Description, <value column>``, then a ``Total:`` line.

The ``Total:`` line is checked against the sum of the rows (to 0.01%), so a truncated or
edited export fails loudly. Values are US dollars as DataWeb reports them (customs value,
FAS value, duties, charges: see ``data_type``).
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import numpy as np
import pandas as pd

from tariffscope.data.loaders._common import (
    Column,
    attach_provenance,
    convert_columns,
    open_text,
)
from tariffscope.domain.countries import normalize_country
from tariffscope.errors import DataFileError, DataUnavailableError, TariffscopeError

__all__ = ["DATAWEB_COLUMNS", "dataweb_country_iso3", "load_dataweb"]

#: Columns of the frame :func:`load_dataweb` returns.
DATAWEB_COLUMNS = (
    "data_type",
    "classification",
    "code",
    "description",
    "country",
    "iso3",
    "year",
    "month",
    "value",
)

_CODE_COLUMNS = {
    "HTS Number": "hts",
    "NAIC Number": "naics",
    "NAICS Number": "naics",
    "SITC Number": "sitc",
    "End Use Number": "end_use",
}

# DataWeb (Census) country names that are not ISO short names.
_DATAWEB_ALIASES = {
    "British Virgin Islands": "VGB",
    "Brunei": "BRN",
    "Czechia (Czech Republic)": "CZE",
    "Côte d`Ivoire": "CIV",
    "Democratic Republic of the Congo": "COD",
    "Eswatini (Swaziland)": "SWZ",
    "Falkland Islands": "FLK",
    "French Southern and Antarctic Lands": "ATF",
    "Gaza Strip": "PSE",
    "West Bank": "PSE",
    "Heard and McDonald Islands": "HMD",
    "Macau": "MAC",
    "Micronesia": "FSM",
    "Myanmar (Burma)": "MMR",
    "Pitcairn Islands": "PCN",
    "Republic of the Congo": "COG",
    "Reunion": "REU",
    "Russia": "RUS",
    "Saint Helena": "SHN",
    "Sint Maarten": "SXM",
    "São Tomé and Príncipe": "STP",
    "Turkey": "TUR",
    "Vatican City": "VAT",
    "Korea, South": "KOR",
    "Korea, North": "PRK",
}


def dataweb_country_iso3(name: str) -> str:
    """ISO3 code of a DataWeb country name, or ``""`` when it has none (Kosovo, regions)."""
    if name in _DATAWEB_ALIASES:
        return _DATAWEB_ALIASES[name]
    try:
        return normalize_country(name, allow_groups=False)
    except TariffscopeError:
        return ""


def load_dataweb(path: str | Path, *, sheet: str | None = None) -> pd.DataFrame:
    """Read a DataWeb export into a long table.

    Parameters
    ----------
    path
        A ``.csv``, ``.csv.gz`` or ``.xlsx`` file downloaded from DataWeb.
    sheet
        For Excel files, the data sheet to read; default: every sheet except ``Query
        Parameters``, stacked.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`DATAWEB_COLUMNS`: ``classification`` is ``hts``, ``naics``, ...,
        ``code`` a digit string, ``country``/``iso3`` empty when the export has no partner
        breakdown, ``month`` 0 for annual data, ``value`` in US dollars.

    Raises
    ------
    DataFileError
        When the layout is not a DataWeb export, a number cannot be read, or the ``Total:``
        line disagrees with the rows (the message names file, column and line).
    """
    path = Path(path)
    if not path.exists():
        raise DataUnavailableError(f"data file {path} does not exist")
    if path.suffix.lower() in (".xlsx", ".xls"):
        frames = _read_excel(path, sheet)
    else:
        frames = [_read_csv(path)]
    out = pd.concat(frames, ignore_index=True)
    return attach_provenance(
        out[list(DATAWEB_COLUMNS)],
        path,
        fmt="usitc_dataweb",
        source="U.S. International Trade Commission, DataWeb (https://dataweb.usitc.gov)",
        unit="US dollars",
    )


def _read_csv(path: Path) -> pd.DataFrame:
    with open_text(path) as handle:
        lines = handle.read().splitlines()
    header_index = _header_index([line.split(",", 1)[0] for line in lines], path)
    body = "\n".join(lines[header_index:])
    try:
        frame = pd.read_csv(StringIO(body), dtype=str, keep_default_na=False, na_filter=False)
    except pd.errors.ParserError as error:
        raise DataFileError(f"file {path}: not a DataWeb CSV export: {error}") from error
    return _tidy(frame, path, header_line=header_index + 1)


def _read_excel(path: Path, sheet: str | None) -> list[pd.DataFrame]:
    try:
        sheets = pd.read_excel(path, sheet_name=sheet if sheet else None, header=None, dtype=str)
    except ImportError as error:  # pragma: no cover - openpyxl is a dependency
        raise DataUnavailableError(
            "reading DataWeb Excel files needs openpyxl", hint="pip install openpyxl"
        ) from error
    except (ValueError, OSError) as error:
        raise DataFileError(f"file {path}: not a readable Excel file: {error}") from error
    if isinstance(sheets, pd.DataFrame):
        sheets = {str(sheet): sheets}
    frames = []
    for name, raw in sheets.items():
        if name.strip().lower() == "query parameters":
            continue
        raw = raw.fillna("")
        first = [str(value).strip() for value in raw.iloc[:, 0].tolist()]
        index = _header_index(first, Path(f"{path}[{name}]"))
        frame = raw.iloc[index + 1 :].copy()
        frame.columns = [str(value).strip() for value in raw.iloc[index].tolist()]
        frames.append(_tidy(frame.reset_index(drop=True), Path(f"{path}[{name}]"), index + 1))
    if not frames:
        raise DataFileError(f"file {path}: no data sheet (only Query Parameters)")
    return frames


def _header_index(first_cells: list[str], path: Path) -> int:
    for index, cell in enumerate(first_cells[:20]):
        if cell.strip().strip('"') == "Data Type":
            return index
    raise DataFileError(
        f"file {path}, line 1: no 'Data Type' header row in the first 20 lines",
        hint="is this a USITC DataWeb export?",
    )


def _tidy(frame: pd.DataFrame, path: Path, header_line: int) -> pd.DataFrame:
    frame = frame.copy()
    frame.columns = [str(column).strip() for column in frame.columns]
    first = frame.columns[0]
    total_mask = frame[first].astype(str).str.strip().str.startswith("Total")
    total_row = frame[total_mask]
    frame = frame[~total_mask]
    code_column = next((c for c in frame.columns if c in _CODE_COLUMNS), None)
    if code_column is None:
        raise DataFileError(
            f"file {path}, line {header_line}: no code column "
            f"(expected one of {sorted(_CODE_COLUMNS)})"
        )
    year_columns = [c for c in frame.columns if re.fullmatch(r"\d{4}", c)]
    spec = [
        Column("Data Type", "data_type"),
        Column(code_column, "code", "code"),
        Column("Description", "description", optional=True),
    ]
    if "Country" in frame.columns:
        spec.append(Column("Country", "country"))
    if year_columns:  # wide
        keys = convert_columns(frame, path, spec, header_line=header_line)
        values = convert_columns(
            frame, path, [Column(y, y, "float") for y in year_columns], header_line=header_line
        )
        long = pd.concat([keys, values], axis=1).melt(
            id_vars=list(keys.columns), var_name="year", value_name="value"
        )
        long["year"] = long["year"].astype(np.int64)
        long["month"] = 0
        checks = [
            (year, float(values[year].sum()), _parse_total(total_row, year, path))
            for year in year_columns
        ]
    else:  # long
        value_column = frame.columns[-1]
        spec += [Column("Year", "year", "year")]
        if "Month" in frame.columns:
            spec.append(Column("Month", "month", "int"))
        spec.append(Column(value_column, "value", "float"))
        long = convert_columns(frame, path, spec, header_line=header_line)
        if "month" not in long:
            long["month"] = 0
        checks = [
            (value_column, float(long["value"].sum()), _parse_total(total_row, value_column, path))
        ]
    for column, actual, expected in checks:
        if expected is not None and abs(actual - expected) > 1e-4 * max(abs(expected), 1.0):
            raise DataFileError(
                f"file {path}, column 'Total:', line {header_line + 1 + len(frame)}: the rows "
                f"of {column} sum to {actual:,.0f} but the Total line says {expected:,.0f}",
                hint="the export is truncated or edited; download it again",
            )
    if "country" not in long:
        long["country"] = ""
    long["iso3"] = long["country"].map(lambda name: dataweb_country_iso3(name) if name else "")
    long["classification"] = _CODE_COLUMNS[code_column]
    long["month"] = long["month"].astype(np.int64)
    return long


def _parse_total(total_row: pd.DataFrame, column: str, path: Path) -> float | None:
    if total_row.empty or column not in total_row.columns:
        return None
    text = str(total_row[column].iloc[0]).replace(",", "").strip()
    if text == "":
        return None
    try:
        return float(text)
    except ValueError as error:
        raise DataFileError(
            f"file {path}, column {column!r}, Total line: {text!r} is not a number"
        ) from error
