"""Opening the DuckDB store, transactions and the error boundary around DuckDB calls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb

from tariffscope.config import user_dir
from tariffscope.errors import StoreError
from tariffscope.store._migrations import SCHEMA_VERSION, apply_migrations, schema_version
from tariffscope.store._types import pair_key

__all__ = ["DEFAULT_DB_NAME", "StoreBase", "default_db_path"]

DEFAULT_DB_NAME = "tariffscope.duckdb"


def default_db_path() -> Path:
    """The default store file: ``tariffscope.duckdb`` in :func:`tariffscope.config.user_dir`."""
    return user_dir() / DEFAULT_DB_NAME


def _connect(path: Path | None, read_only: bool) -> Any:
    where = ":memory:" if path is None else str(path)
    try:
        return duckdb.connect(where, read_only=read_only)
    except duckdb.IOException as error:
        text = str(error)
        if "lock" in text.lower():
            raise StoreError(
                f"store {where} is in use by another process",
                hint="wait for the other tariffscope command to finish, or use another --db",
            ) from None
        raise StoreError(
            f"cannot open store {where}: {text}", hint="give a DuckDB file or a new path with --db"
        ) from None
    except duckdb.Error as error:
        raise StoreError(f"cannot open store {where}: {error}") from None


class StoreBase:
    """The connection, its opening, transactions and DuckDB errors (see :class:`Store`)."""

    def __init__(self, conn: Any, path: Path | None, *, read_only: bool = False) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only
        self._in_transaction = False

    # -- opening ----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None, *, read_only: bool = False) -> Self:
        """Open (and create or migrate) the store at ``path`` (default :func:`default_db_path`).

        Raises
        ------
        StoreError
            The file is locked by another process, is not a DuckDB file, was written by a
            newer tariffscope, or (``read_only``) does not exist or needs a migration.
        """
        file = default_db_path() if path is None else Path(path).expanduser()
        if file.is_dir():
            raise StoreError(f"store {file} is a folder", hint="give a file path with --db")
        if read_only and not file.exists():
            raise StoreError(
                f"no store at {file}", hint="run `tariffscope ingest` first, or give --db"
            )
        if not read_only:
            file.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(file, read_only)
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
