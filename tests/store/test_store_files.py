"""Issue 11: a --db that is not a DuckDB file is refused before DuckDB reads it (a SQLite file
made DuckDB download an extension); a busy store is waited for, then refused naming the
holder; a second writer and a reader both get in once the first process lets go."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.errors import NotAStoreError, StoreBusyError, StoreError
from tariffscope.store import Store

pytestmark = pytest.mark.issue(11)

runner = CliRunner()


def _sqlite(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (a INTEGER)")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (_sqlite, "a SQLite file"),
        (lambda p: p.write_bytes(b"") and p, "empty"),
        (lambda p: p.write_text("not a database " * 100) and p, "another kind of file"),
        (lambda p: p.write_bytes(b"PAR1" + bytes(64)) and p, "a Parquet file"),
    ],
)
def test_a_file_that_is_not_duckdb_is_refused_before_duckdb_opens_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: object, kind: str
) -> None:
    path = tmp_path / "store.duckdb"
    make(path)  # type: ignore[operator]
    before = path.read_bytes()

    def no_duckdb(*args: object, **kwargs: object) -> None:
        raise AssertionError("DuckDB was asked to open a file that is not DuckDB")

    monkeypatch.setattr(duckdb, "connect", no_duckdb)
    for read_only in (False, True):
        with pytest.raises(NotAStoreError, match=kind) as caught:
            Store.open(path, read_only=read_only)
        assert caught.value.exit_code == 2 and isinstance(caught.value, StoreError)
    assert path.read_bytes() == before  # nothing written into the user's file


@pytest.mark.parametrize("command", [["ingest", "{story}"], ["timeline", "--pair", "USA-BRA"]])
def test_cli_refuses_a_sqlite_db_with_exit_2_and_one_line(
    tmp_path: Path, command: list[str]
) -> None:
    db = _sqlite(tmp_path / "notes.sqlite")
    story = tmp_path / "story.txt"
    story.write_text("title: x\n\nThe US and Brazil met.\n", encoding="utf-8")
    args = [part.replace("{story}", str(story)) for part in command]
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "notes.sqlite is a SQLite file" in lines[0]


@contextmanager
def _held(path: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    """Another process that holds ``path`` open for writing for ``seconds``."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True);"
            " time.sleep(float(sys.argv[2])); c.close(); print('closed', flush=True);"
            " time.sleep(60)",
            str(path),
            str(seconds),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        yield holder
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()


def test_a_busy_store_names_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    Store.open(path).close()
    with _held(path, 120) as holder:
        for read_only in (False, True):
            with pytest.raises(StoreBusyError, match="in use by another process") as caught:
                Store.open(path, read_only=read_only, wait=0.2)
            assert f"PID {holder.pid}" in caught.value.one_line()
            assert caught.value.exit_code == 2


def test_the_cli_waits_then_exits_2_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    Store.open(path).close()
    with _held(path, 120) as holder:
        result = runner.invoke(
            app, ["timeline", "--pair", "USA-BRA", "--db", str(path), "--wait", "0.2"]
        )
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "in use by another process" in lines[0]
    assert f"PID {holder.pid}" in lines[0] and "after waiting 0.2 s" in lines[0]


def test_a_writer_and_a_reader_get_in_once_the_holder_lets_go(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    Store.open(path).close()
    # the holder lets go after a moment; the wait is far longer, so both opens succeed
    with _held(path, 1.0), Store.open(path, wait=120) as store:
        assert store.count_articles() == 0
    with _held(path, 1.0), Store.open(path, read_only=True, wait=120) as store:
        assert store.count_articles() == 0


def test_the_wait_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.duckdb"
    Store.open(path).close()
    monkeypatch.setenv("TARIFFSCOPE_STORE_WAIT", "nan")
    result = runner.invoke(app, ["timeline", "--pair", "USA-BRA", "--db", str(path)])
    assert result.exit_code == 2 and "TARIFFSCOPE_STORE_WAIT" in result.output
