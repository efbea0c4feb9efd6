"""Fixtures of the service tests: an app on a temporary store, and a server in a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _service_helpers import AUTH, SEED, TOKEN, fixed_today, wait_for_job
from fastapi.testclient import TestClient

from tariffscope.serve import ServiceConfig, create_app


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """A service on an empty store in a temporary folder (loopback: reads need no token)."""
    config = ServiceConfig(db=tmp_path / "store.duckdb", token=TOKEN, today=fixed_today)
    with TestClient(create_app(config)) as opened:
        yield opened


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A service whose store holds the seed story, read by the news pipeline (shared by the
    tests of a module: do not write to it)."""
    folder = tmp_path_factory.mktemp("seeded")
    config = ServiceConfig(db=folder / "store.duckdb", token=TOKEN, today=fixed_today)
    with TestClient(create_app(config)) as opened:
        story = {"text": SEED.read_text(encoding="utf-8")}
        job = opened.post("/api/ingest", json={"stories": [story]}, headers=AUTH).json()
        done = wait_for_job(opened, job["id"])
        assert done["added"] == 1, done
        yield opened


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ThreadedServer:
    """uvicorn serving an app in a background thread, on a free loopback port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ThreadedServer:
        self.thread.start()
        end = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > end or not self.thread.is_alive():
                raise AssertionError("the server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
