"""Opening the DuckDB store, transactions and the error boundary around DuckDB calls."""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb

from tariffscope.config import user_dir
from tariffscope.errors import MalformedInputError, NotAStoreError, StoreBusyError, StoreError
from tariffscope.store._migrations import SCHEMA_VERSION, apply_migrations, schema_version
from tariffscope.store._types import pair_key

__all__ = [
    "DEFAULT_DB_NAME",
    "DEFAULT_WAIT_SECONDS",
    "StoreBase",
    "check_store_file",
    "default_db_path",
    "default_wait",
]

DEFAULT_DB_NAME = "tariffscope.duckdb"
# seconds a command waits for another process to release the store (TARIFFSCOPE_STORE_WAIT)
DEFAULT_WAIT_SECONDS = 10.0
_FIRST_PAUSE = 0.05
_LONGEST_PAUSE = 0.5
# DuckDB's lock error names the holder: "... is held in /usr/bin/python3 (PID 123)"
_LOCK_HOLDER = re.compile(r"held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")
# DuckDB file header: an 8-byte checksum, then the magic bytes
_DUCKDB_MAGIC = b"DUCK"
_MAGIC_START, _MAGIC_END = 8, 12
_HEAD_BYTES = 16
_KNOWN_KINDS = (
    (b"SQLite format 3\x00", "SQLite"),
    (b"PAR1", "Parquet"),
    (b"PK\x03\x04", "ZIP"),
    (b"%PDF", "PDF"),
    (b"\x1f\x8b", "gzip"),
)


def default_wait() -> float:
    """Seconds to wait for a busy store: ``TARIFFSCOPE_STORE_WAIT`` or 10."""
    value = os.environ.get("TARIFFSCOPE_STORE_WAIT")
    if value is None:
        return DEFAULT_WAIT_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        raise MalformedInputError(
            f"TARIFFSCOPE_STORE_WAIT={value!r} is not a number of seconds (0 or more)"
        )
    return seconds


def default_db_path() -> Path:
    """The default store file: ``tariffscope.duckdb`` in :func:`tariffscope.config.user_dir`."""
    return user_dir() / DEFAULT_DB_NAME


def _connect(path: Path | None, read_only: bool, wait: float = 0.0) -> Any:
    """Connect, retrying while another process holds the file's lock, for up to ``wait`` s."""
    where = ":memory:" if path is None else str(path)
    deadline = time.monotonic() + wait
    pause = _FIRST_PAUSE
    while True:
        try:
            return duckdb.connect(where, read_only=read_only)
        except duckdb.IOException as error:
            text = str(error)
            if "lock" not in text.lower():
                raise StoreError(
                    f"cannot open store {where}: {text}",
                    hint="give a DuckDB file or a new path with --db",
                ) from None
            if time.monotonic() + pause > deadline:
                raise _busy(where, text, wait) from None
            time.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)
        except duckdb.Error as error:
            raise StoreError(f"cannot open store {where}: {error}") from None


def _busy(where: str, text: str, wait: float) -> StoreBusyError:
    holder = _LOCK_HOLDER.search(text)
    who = f"{Path(holder['program']).name} (PID {holder['pid']})" if holder else ""
    waited = f" after waiting {wait:g} s" if wait > 0 else ""
    return StoreBusyError(
        f"store {where} is in use by another process{f' {who}' if who else ''}{waited}",
        holder=who,
        hint="wait for the other command to finish, raise --wait, or use another --db",
    )


def check_store_file(file: Path) -> None:
    """Refuse a file that is not a DuckDB database before DuckDB reads it.

    DuckDB opens other formats through extensions: a SQLite file makes it download
    ``sqlite_scanner`` over the network. A DuckDB file has the magic ``DUCK`` at byte 8.

    Raises
    ------
    NotAStoreError
        The file exists and is not a DuckDB database (empty, SQLite, text, anything else).
    """
    try:
        with file.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except FileNotFoundError:
        return
    except OSError as error:
        raise NotAStoreError(f"cannot read store {file}: {error.strerror or error}") from None
    if head[_MAGIC_START:_MAGIC_END] == _DUCKDB_MAGIC:
        return
    kind = next((name for magic, name in _KNOWN_KINDS if head.startswith(magic)), None)
    what = "empty" if not head else (f"a {kind} file" if kind else "another kind of file")
    raise NotAStoreError(
        f"store {file} is {what}, not a DuckDB store",
        hint="give a tariffscope store (.duckdb) or a new path with --db",
    )


class StoreBase:
    """The connection, its opening, transactions and DuckDB errors (see :class:`Store`)."""

    def __init__(self, conn: Any, path: Path | None, *, read_only: bool = False) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only
        self._in_transaction = False

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        wait: float | None = None,
    ) -> Self:
        """Open (and create or migrate) the store at ``path`` (default :func:`default_db_path`).

        DuckDB lets one process write a file, and no other process read it meanwhile; while
        another process holds it, opening is retried for ``wait`` seconds (default
        :func:`default_wait`).

        Raises
        ------
        NotAStoreError
            The file is not a DuckDB database (checked before DuckDB opens it).
        StoreBusyError
            Another process still holds the file after ``wait`` seconds.
        StoreError
            The file was written by a newer tariffscope, or (``read_only``) does not exist or
            needs a migration.
        """
        file = default_db_path() if path is None else Path(path).expanduser()
        if file.is_dir():
            raise StoreError(f"store {file} is a folder", hint="give a file path with --db")
        if read_only and not file.exists():
            raise StoreError(
                f"no store at {file}", hint="run `tariffscope ingest` first, or give --db"
            )
        check_store_file(file)
        if not read_only:
            file.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(file, read_only, default_wait() if wait is None else max(wait, 0.0))
        try:
            if read_only:
                version = schema_version(conn)
                if version != SCHEMA_VERSION:
                    raise StoreError(
                        f"store {file} has schema version {version}, this tariffscope uses "
                        f"{SCHEMA_VERSION}",
                        hint="run `tariffscope ingest` once to upgrade it",
                    )
            else:
                apply_migrations(conn, str(file))
        except BaseException:
            conn.close()
            raise
        return cls(conn, file, read_only=read_only)

    @classmethod
    def memory(cls) -> Self:
        """A new store in memory (for tests and one-off runs)."""
        conn = _connect(None, False)
        apply_migrations(conn, ":memory:")
        return cls(conn, None)

    def cursor(self, *, read_only: bool | None = None) -> Self:
        """A store on a new cursor of the same database, for use by another thread.

        DuckDB connections are not shared between threads, but cursors of one database are
        independent: each sees the data committed when its statement starts, so readers run
        beside one writer in the same process. Close the result when done.
        """
        flag = self.read_only if read_only is None else read_only
        return type(self)(self._conn.cursor(), self.path, read_only=flag)

    def close(self) -> None:
        """Close the connection (uncommitted work is rolled back)."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path) if self.path else ':memory:'!r})"

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return schema_version(self._conn)

    # -- transactions -----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the block in one transaction: committed at the end, rolled back on error."""
        if self._in_transaction:
            yield
            return
        self._conn.execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._in_transaction = False

    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        try:
            return self._conn.execute(sql, params or [])
        except duckdb.Error as error:
            raise StoreError(f"store {self.path or ':memory:'}: {error}") from error

    def _negotiation_id(self, parties: tuple[str, str]) -> int:
        a, b = pair_key(*parties)
        row = self._execute(
            "SELECT id FROM negotiations WHERE party_a = ? AND party_b = ?", [a, b]
        ).fetchone()
        if row is not None:
            return int(row[0])
        row = self._execute(
            "INSERT INTO negotiations (party_a, party_b, created_at) VALUES (?, ?, ?) RETURNING id",
            [a, b, dt.datetime.now()],
        ).fetchone()
        return int(row[0])
