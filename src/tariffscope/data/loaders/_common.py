"""Schema checks shared by every loader.

A loader reads one public format into a tidy :class:`pandas.DataFrame` with snake_case
columns, codes as zero-padded strings and numbers as floats. Anything that does not fit
raises :class:`~tariffscope.errors.DataFileError` whose one-line message names the file, the
column and the line (1-based, as an editor shows it, header included).

Every frame a loader returns carries its provenance in ``frame.attrs["provenance"]``: a
plain dict with ``source_file``, ``format``, ``source`` (who publishes the format) and
``unit``.
"""

from __future__ import annotations

import csv
import gzip
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

import numpy as np
import pandas as pd

from tariffscope.errors import DataFileError, DataUnavailableError

__all__ = [
    "Column",
    "attach_provenance",
    "check_columns",
    "convert_columns",
    "normalize_code",
    "open_text",
    "read_raw_csv",
    "require_values",
]

#: Cells read as missing in optional numeric columns.
_NA_TOKENS = frozenset({"", "NA", "N/A", "NaN", "nan", "null", "NULL"})

Kind = Literal["str", "float", "int", "code", "year"]


@dataclass(frozen=True)
class Column:
    """What a loader expects of one source column.

    Parameters
    ----------
    source
        Column name in the file (matched exactly after stripping spaces and a BOM).
    name
        Column name in the returned frame.
    kind
        ``"str"`` text; ``"float"`` a number (empty allowed when ``optional``); ``"int"`` a
        whole number; ``"code"`` a numeric code kept as a zero-padded string of ``width``
        digits (``"10111.0"`` -> ``"010111"``); ``"year"`` a four-digit year.
    width
        Digits of a ``"code"`` column (left-padded with zeros); 0 keeps the code as given.
    optional
        Empty cells are allowed (NaN for numbers, ``""`` for text).
    """

    source: str
    name: str
    kind: Kind = "str"
    width: int = 0
    optional: bool = False


def open_text(path: Path) -> IO[str]:
    """Open a CSV (plain or ``.gz``) as UTF-8 text, dropping a byte-order mark."""
    if not path.exists():
        raise DataUnavailableError(f"data file {path} does not exist")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return path.open("r", encoding="utf-8-sig", newline="")


def read_raw_csv(path: Path, *, skiprows: int = 0, sep: str = ",") -> pd.DataFrame:
    """Read every cell of a CSV as text (empty cells as ``""``); the header is ``skiprows``+1.

    Raises
    ------
    DataFileError
        When the file is not valid CSV (ragged rows, bad quoting or encoding).
    """
    try:
        with open_text(path) as handle:
            frame = pd.read_csv(
                handle,
                sep=sep,
                skiprows=skiprows,
                dtype=str,
                keep_default_na=False,
                na_filter=False,
                quoting=csv.QUOTE_MINIMAL,
            )
    except (UnicodeDecodeError, pd.errors.ParserError, gzip.BadGzipFile, EOFError) as error:
        raise DataFileError(f"file {path}: not a readable CSV: {_first_line(error)}") from error
    except pd.errors.EmptyDataError as error:
        raise DataFileError(f"file {path}: the file is empty") from error
    frame.columns = [str(column).strip().lstrip("\ufeff") for column in frame.columns]
    return frame


def check_columns(frame: pd.DataFrame, path: Path, needed: Sequence[str]) -> None:
    """Raise DataFileError naming the first needed column the frame lacks."""
    for column in needed:
        if column not in frame.columns:
            found = ", ".join(map(str, frame.columns[:12]))
            raise DataFileError(
                f"file {path}: column {column!r} is missing (found: {found})",
                hint="is this the right file for this loader?",
            )


def normalize_code(values: pd.Series, width: int) -> pd.Series:
    """Codes as digit strings: strip spaces, dots inside HTS codes and a trailing ``.0``, pad.

    Cells that are not digits after this are returned unchanged, so the caller can report them.
    """
    text = values.astype(str).str.strip()
    text = text.str.replace(r"\.0+$", "", regex=True)
    text = text.str.replace(".", "", regex=False)
    if width:
        digits = text.str.fullmatch(r"\d+")
        text = text.where(~digits, text.str.zfill(width))
    return text


def convert_columns(
    frame: pd.DataFrame,
    path: Path,
    columns: Sequence[Column],
    *,
    header_line: int = 1,
) -> pd.DataFrame:
    """Check and convert the ``columns`` of a text frame read by :func:`read_raw_csv`.

    Parameters
    ----------
    frame
        All-text frame.
    path
        The file, for messages.
    columns
        The expected columns; others are dropped.
    header_line
        The 1-based line of the header in the file, so that messages give file lines.

    Returns
    -------
    pandas.DataFrame
        Columns renamed to ``Column.name`` and converted.
    """
    check_columns(frame, path, [column.source for column in columns])
    out: dict[str, pd.Series] = {}
    for column in columns:
        raw = frame[column.source].astype(str).str.strip()
        empty = raw == ""
        if column.kind in ("float", "int") and column.optional:
            empty = raw.isin(_NA_TOKENS)
        if empty.any() and not column.optional:
            _fail(path, column.source, header_line, int(np.flatnonzero(empty.to_numpy())[0]), "")
        if column.kind == "str":
            out[column.name] = raw
        elif column.kind in ("float", "int", "year"):
            cleaned = raw.str.replace(",", "", regex=False)
            numbers = pd.to_numeric(cleaned.where(~empty, None), errors="coerce")
            bad = numbers.isna().to_numpy() & ~empty.to_numpy()
            if column.kind in ("int", "year"):
                fractional = numbers.notna().to_numpy() & (
                    np.mod(numbers.fillna(0).to_numpy(dtype=float), 1.0) != 0
                )
                bad |= fractional
            if column.kind == "year":
                bad |= numbers.notna().to_numpy() & ~numbers.between(1900, 2100).to_numpy()
            if bad.any():
                row = int(np.flatnonzero(bad)[0])
                _fail(path, column.source, header_line, row, raw.iloc[row], kind=column.kind)
            if column.kind == "float":
                out[column.name] = numbers.astype(float)
            else:
                out[column.name] = (
                    numbers.astype("Int64") if column.optional else numbers.astype(np.int64)
                )
        else:  # code
            codes = normalize_code(raw, column.width)
            bad_mask = ~codes.str.fullmatch(r"\d+") & ~empty
            if column.width:
                bad_mask |= codes.str.len() != column.width
                bad_mask &= ~empty
            if bad_mask.any():
                row = int(np.flatnonzero(bad_mask.to_numpy())[0])
                _fail(
                    path,
                    column.source,
                    header_line,
                    row,
                    raw.iloc[row],
                    kind="code",
                    width=column.width,
                )
            out[column.name] = codes
    return pd.DataFrame(out, index=frame.index)


def attach_provenance(
    frame: pd.DataFrame, path: Path, *, fmt: str, source: str, unit: str, **extra: str
) -> pd.DataFrame:
    """Record where a frame came from in ``frame.attrs["provenance"]`` and return it."""
    frame.attrs["provenance"] = {
        "source_file": str(path),
        "format": fmt,
        "source": source,
        "unit": unit,
        **extra,
    }
    return frame


def require_values(
    frame: pd.DataFrame,
    path: Path,
    column: str,
    allowed: Mapping[str, object] | set[str],
    *,
    source_column: str,
    header_line: int = 1,
) -> None:
    """Raise DataFileError at the first row whose ``column`` is not in ``allowed``."""
    bad = ~frame[column].isin(list(allowed))
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        value = frame[column].iloc[row]
        raise DataFileError(
            f"file {path}, column {source_column!r}, line {header_line + 1 + row}: "
            f"unexpected value {value!r}",
            hint=f"expected one of {sorted(map(str, allowed))[:10]}",
        )


def _fail(
    path: Path,
    column: str,
    header_line: int,
    row: int,
    value: str,
    *,
    kind: str = "",
    width: int = 0,
) -> None:
    line = header_line + 1 + row
    if value == "":
        message = "empty cell"
    elif kind == "code":
        what = f"a {width}-digit code" if width else "a numeric code"
        message = f"{value!r} is not {what}"
    elif kind == "year":
        message = f"{value!r} is not a year"
    elif kind == "int":
        message = f"{value!r} is not a whole number"
    else:
        message = f"{value!r} is not a number"
    raise DataFileError(f"file {path}, column {column!r}, line {line}: {message}")


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
