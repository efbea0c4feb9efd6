"""Reading and writing the small derived tables kept in ``data/embedded``.

Embedded tables are gzip-compressed UTF-8 CSV with a header row, ``\\n`` line ends and every
value quoted only when needed. They are written so that the same table gives the same bytes:
the gzip header carries no file name and a zero modification time.
"""

from __future__ import annotations

import gzip
import hashlib
import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from tariffscope.errors import DataFileError, DataUnavailableError

__all__ = ["read_table", "sha256_file", "write_table"]


def sha256_file(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` as a deterministic ``.csv.gz`` (same frame, same bytes).

    Returns
    -------
    pathlib.Path
        The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = frame.to_csv(index=False, lineterminator="\n")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)
    return path


def read_table(
    path: str | Path, columns: Sequence[str], dtypes: dict[str, str] | None = None
) -> pd.DataFrame:
    """Read an embedded table and check that it has ``columns``.

    Parameters
    ----------
    path
        A ``.csv.gz`` written by :func:`write_table`.
    columns
        The columns the caller needs; other columns are kept.
    dtypes
        Column types; every other column is read as ``str`` with empty cells as ``""``.

    Raises
    ------
    DataUnavailableError
        If the file does not exist.
    DataFileError
        If it cannot be parsed or lacks a column (the message names file and column).
    """
    path = Path(path)
    if not path.exists():
        raise DataUnavailableError(
            f"embedded table {path} is missing",
            hint="reinstall tariffscope or run `tariffscope data build`",
        )
    dtypes = dtypes or {}
    try:
        header = pd.read_csv(path, nrows=0).columns.tolist()
        missing = [column for column in columns if column not in header]
        if missing:
            raise DataFileError(f"{path}: column {missing[0]!r} is missing (found {header})")
        types = {column: dtypes.get(column, "str") for column in header}
        frame = pd.read_csv(path, dtype=types, keep_default_na=False, na_filter=False)
    except (OSError, ValueError, EOFError, pd.errors.ParserError) as error:
        raise DataFileError(f"{path}: cannot read the table: {error}") from error
    return frame
