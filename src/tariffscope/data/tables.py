"""Reading and writing the small derived tables kept in ``data/embedded``.

Embedded tables are gzip-compressed UTF-8 CSV with a header row, ``\\n`` line ends and every
value quoted only when needed. They are written so that the same table gives the same bytes:
the gzip header carries no file name and a zero modification time.

Tables too large to parse quickly at start-up (the line-level trade baseline: 200,000 rows)
are kept as NumPy arrays in a ``.npz`` archive instead (:func:`write_arrays`): deflate-compressed
``.npy`` members with a fixed timestamp, so they are deterministic too, and read in
milliseconds with :func:`numpy.load` (no pickles).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.errors import DataFileError, DataUnavailableError

__all__ = ["read_arrays", "read_table", "sha256_file", "write_arrays", "write_table"]

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


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


def write_arrays(arrays: Mapping[str, npt.NDArray[np.generic]], path: str | Path) -> Path:
    """Write named arrays as a deterministic ``.npz`` (same arrays, same bytes).

    Members are written in the order given, deflate level 9, with a fixed timestamp; object
    arrays are refused (the archive must load without pickles).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, array in arrays.items():
            data = np.asarray(array)  # (ascontiguousarray would make a 0-d array 1-d)
            if data.dtype.hasobject:
                raise ValueError(f"array {name!r} has Python objects; use fixed-width dtypes")
            member = io.BytesIO()
            np.lib.format.write_array(member, data, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, member.getvalue(), compresslevel=9)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)
    return path


def read_arrays(path: str | Path, names: Sequence[str]) -> dict[str, npt.NDArray[np.generic]]:
    """Read the arrays ``names`` from an ``.npz`` written by :func:`write_arrays`.

    Raises
    ------
    DataUnavailableError
        If the file does not exist.
    DataFileError
        If it is not a readable archive or lacks an array (the message names both).
    """
    path = Path(path)
    if not path.exists():
        raise DataUnavailableError(
            f"embedded table {path} is missing",
            hint="reinstall tariffscope or run `tariffscope data build`",
        )
    try:
        with np.load(path, allow_pickle=False) as archive:
            missing = [name for name in names if name not in archive.files]
            if missing:
                raise DataFileError(f"{path}: array {missing[0]!r} is missing")
            return {name: archive[name] for name in names}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
        raise DataFileError(f"{path}: cannot read the arrays: {error}") from error
