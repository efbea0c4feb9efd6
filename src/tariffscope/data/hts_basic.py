"""Read USITC's HTS Basic Edition CSV and reshape it into one row per HTS8/HTS10 line.

The official file (``hts_2025_basic_edition_csv.csv``) is UTF-8 with a byte-order mark and has
the columns ``HTS Number, Indent, Description, Unit of Quantity, General Rate of Duty, Special
Rate of Duty, Column 2 Rate of Duty, Quota Quantity, Additional Duties``. Rows are headings
(4 digits), subheadings (6), tariff lines (8), statistical lines (10) and unnumbered header
rows that only carry an indent and a description. Its layout has three quirks this module
resolves:

* The General rate is printed once, on the line that carries it: usually the 8-digit line,
  with blank rates on its 10-digit statistical lines; sometimes a 10-digit line that stands
  for a tariff line with a single statistical suffix (``0101.30.00.00``), with no 8-digit row
  at all. Such 8-digit lines are added here, reading rate and text from the 10-digit row.
* Lines without a rate inherit it from the nearest numbered parent that has one (by code
  prefix: HTS10 -> HTS8 -> HTS6 -> heading); ``rate_source`` records where it came from.
  The Special column (preferential rates by programme, "Free (A+,AU,...,SG)") is printed on
  the same row as the General rate it qualifies, so a line takes the Special text of its
  ``rate_source`` row.
* A description is meaningful only with its parents ("Other"): every row keeps a pointer
  ``parent`` to the enclosing row (by indent), headings and unnumbered header rows included,
  so the full description can be rebuilt without storing it on every line.

Units of quantity are a JSON list in the file (``["No.","kg"]``); they become ``"No., kg"``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tariffscope.errors import DataFileError

__all__ = ["SCHEDULE_COLUMNS", "BasicRow", "read_basic_edition", "schedule_table"]

#: Columns of the reshaped schedule table, in order.
SCHEDULE_COLUMNS: tuple[str, ...] = (
    "hts",
    "level",
    "indent",
    "parent",
    "description",
    "unit",
    "rate_text",
    "rate_source",
    "column2_text",
    "special_text",
)

COL_HTS = "HTS Number"
COL_INDENT = "Indent"
COL_DESCRIPTION = "Description"
COL_UNIT = "Unit of Quantity"
COL_GENERAL = "General Rate of Duty"
COL_SPECIAL = "Special Rate of Duty"  # optional, like Column 2
COL_COLUMN2 = "Column 2 Rate of Duty"  # optional: older exports may lack it
REQUIRED_COLUMNS = (COL_HTS, COL_INDENT, COL_DESCRIPTION, COL_UNIT, COL_GENERAL)

_HTS_RE = re.compile(r"\d{4}(?:\.\d{2}){0,3}")
_SUPERSCRIPTS = str.maketrans({"²": "2", "³": "3"})


@dataclass(frozen=True)
class BasicRow:
    """One row of the Basic Edition file (``row`` is the 1-based data row, header excluded)."""

    row: int
    hts: str  # digits only; '' for header rows
    indent: int
    description: str
    unit: str
    general: str
    column2: str = ""
    special: str = ""


def _clean(text: str) -> str:
    return " ".join(text.split())


def _units(raw: str, path: Path, row: int) -> str:
    raw = raw.strip()
    if not raw:
        return ""
    try:
        values = json.loads(raw)
    except json.JSONDecodeError:
        values = None
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise DataFileError(
            f"{path}: row {row}, column {COL_UNIT!r}: expected a JSON list of units such as"
            f' ["No.","kg"], got {raw!r}'
        )
    return ", ".join(unit for v in values if (unit := _clean(v).translate(_SUPERSCRIPTS)))


def read_basic_edition(path: str | Path) -> list[BasicRow]:
    """Read the rows of an HTS Basic Edition CSV.

    Parameters
    ----------
    path
        The CSV in USITC's format.

    Returns
    -------
    list of BasicRow
        Every row in file order, with codes as digits and whitespace collapsed.

    Raises
    ------
    DataFileError
        If the file cannot be read, a required column is missing, or a row has a malformed
        HTS number, indent or unit list; the message names file, column and row.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            missing = [column for column in REQUIRED_COLUMNS if column not in header]
            if missing:
                raise DataFileError(
                    f"{path}: column {missing[0]!r} is missing (columns found: {header})",
                    hint="expected USITC's HTS Basic Edition CSV format",
                )
            rows = [_row(record, path, number) for number, record in enumerate(reader, 1)]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise DataFileError(f"{path}: cannot read the HTS CSV: {error}") from error
    seen: dict[str, int] = {}
    for row in rows:
        if row.hts and (first := seen.setdefault(row.hts, row.row)) != row.row:
            raise DataFileError(
                f"{path}: row {row.row}, column {COL_HTS!r}: {row.hts} repeats row {first}"
            )
    return rows


def _row(record: dict[str | None, str | None], path: Path, number: int) -> BasicRow:
    def cell(column: str) -> str:
        value = record.get(column)
        if value is None:
            raise DataFileError(f"{path}: row {number}, column {column!r}: the row is too short")
        return value

    code = cell(COL_HTS).strip()
    if code and not _HTS_RE.fullmatch(code):
        raise DataFileError(
            f"{path}: row {number}, column {COL_HTS!r}: {code!r} is not an HTS number"
            " like 0101.21.00.10"
        )
    indent_text = cell(COL_INDENT).strip()
    if not indent_text.isdigit():
        raise DataFileError(
            f"{path}: row {number}, column {COL_INDENT!r}: expected a whole number,"
            f" got {indent_text!r}"
        )
    return BasicRow(
        row=number,
        hts=code.replace(".", ""),
        indent=int(indent_text),
        description=_clean(cell(COL_DESCRIPTION)),
        unit=_units(cell(COL_UNIT), path, number),
        general=cell(COL_GENERAL).strip(),
        column2=(record.get(COL_COLUMN2) or "").strip(),
        special=_clean(record.get(COL_SPECIAL) or ""),
    )


def schedule_table(rows: Iterable[BasicRow]) -> pd.DataFrame:
    """Reshape Basic Edition rows into the schedule table.

    Parameters
    ----------
    rows
        Rows as read by :func:`read_basic_edition`, in file order.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SCHEDULE_COLUMNS`, one row per row of the file in file order plus one
        added HTS8 row before each 10-digit line that stands for its tariff line. ``level`` is
        the number of digits (0 for unnumbered header rows); ``parent`` is the position of the
        enclosing row (by indent) or -1. ``rate_text`` is the General rate that applies to an
        HTS8/HTS10 line, own or inherited, and ``rate_source`` the line it was read from; both
        are empty for headings and header rows, and where no line above has a rate (a few
        chapter 98/99 provisions). ``column2_text`` is the Column 2 rate that applies (own or
        inherited) and ``special_text`` the Special column of the ``rate_source`` row
        (whitespace collapsed; empty where no programme is printed).
    """
    rows = list(rows)
    own_rate = {row.hts: row.general for row in rows if row.hts and row.general}
    own_column2 = {row.hts: row.column2 for row in rows if row.hts and row.column2}
    # The Special column is printed beside the General rate it qualifies, so a line's Special
    # text is the one on the row its General rate comes from (none where that row has none).
    own_special = {row.hts: row.special for row in rows if row.hts and row.special}
    numbered = {row.hts for row in rows if row.hts}
    records: list[dict[str, object]] = []
    stack: list[tuple[int, int]] = []  # (indent, position) of the enclosing rows
    for row in rows:
        while stack and stack[-1][0] >= row.indent:
            stack.pop()
        parent = stack[-1][1] if stack else -1
        record: dict[str, object] = {
            "hts": row.hts,
            "level": len(row.hts),
            "indent": row.indent,
            "parent": parent,
            "description": row.description,
            "unit": row.unit,
            "rate_text": "",
            "rate_source": "",
            "column2_text": "",
            "special_text": "",
        }
        chain: tuple[str, ...] = ()
        if len(row.hts) == 10 and row.hts[:8] not in numbered:
            # The 10-digit line stands for its tariff line too: add that HTS8 line first.
            chain = (row.hts, row.hts[:6], row.hts[:4])
            records.append(
                {
                    **record,
                    "hts": row.hts[:8],
                    "level": 8,
                    **_rate(own_rate, chain),
                    "column2_text": _column2(own_column2, chain),
                }
            )
            records[-1]["special_text"] = own_special.get(str(records[-1]["rate_source"]), "")
        if len(row.hts) in (8, 10):
            chain = (row.hts, row.hts[:8], row.hts[:6], row.hts[:4])
            record.update(_rate(own_rate, chain))
            record["column2_text"] = _column2(own_column2, chain)
            record["special_text"] = own_special.get(str(record["rate_source"]), "")
        stack.append((row.indent, len(records)))
        records.append(record)
    return pd.DataFrame(records, columns=list(SCHEDULE_COLUMNS)).astype(
        {"level": "int64", "indent": "int64", "parent": "int64"}
    )


def _rate(own_rate: dict[str, str], chain: tuple[str, ...]) -> dict[str, str]:
    source = next((code for code in chain if code in own_rate), "")
    return {"rate_text": own_rate.get(source, ""), "rate_source": source}


def _column2(own: dict[str, str], chain: tuple[str, ...]) -> str:
    """The Column 2 rate that applies to a line: its own or its nearest parent's."""
    return next((own[code] for code in chain if code in own), "")
