"""kill -9 of the server during an ingest job, then a restart: the store is consistent, the
job is reported as interrupted, and posting the stories again adds exactly the missing ones."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from _service_helpers import SEED

from conftest import free_port
from tariffscope.store import Store

pytestmark = pytest.mark.issue(11)

HELPER = Path(__file__).with_name("_serve_helper.py")
AUTH = {"Authorization": "Bearer kill-test"}


def _start(db: Path, mode: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    log = db.with_name(f"server-{mode}.log")
    with log.open("ab") as handle:
        process = subprocess.Popen(
            [sys.executable, str(HELPER), str(db), str(port), mode],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=handle,
        )
    url = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
        if process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"server did not start: {log.read_text(errors='replace')[-2000:]}")


def _stories(n: int) -> list[dict[str, str]]:
    text = SEED.read_text(encoding="utf-8")
    return [{"text": f"{text}\nUpdate {i}: the talks continue.\n"} for i in range(n)]


def test_kill_during_ingest_then_restart(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    process, url = _start(db, "slow")
    try:
        job = httpx.post(f"{url}/api/ingest", json={"stories": _stories(6)}, headers=AUTH).json()
        end = time.monotonic() + 60
        while time.monotonic() < end:
            seen = httpx.get(f"{url}/api/jobs/{job['id']}").json()
            if seen["done"] >= 2:
                break
            time.sleep(0.1)
        assert seen["status"] == "running" and seen["done"] < 6, seen
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    process, url = _start(db, "fast")
    try:
        health = httpx.get(f"{url}/health").json()
        assert health["interrupted_jobs"] == [job["id"]]
        cut = httpx.get(f"{url}/api/jobs/{job['id']}").json()
        assert cut["status"] == "interrupted"
        assert "stopped during this job" in cut["message"]
        stored = health["articles"]
        # every story the journal saw committed is stored; at most one more committed just
        # before the kill, before its progress reached the journal
        assert cut["added"] <= stored <= cut["added"] + 1 and stored < 6
        again = httpx.post(f"{url}/api/ingest", json={"stories": _stories(6)}, headers=AUTH).json()
        end = time.monotonic() + 60
        while time.monotonic() < end:
            again = httpx.get(f"{url}/api/jobs/{again['id']}").json()
            if again["status"] not in ("queued", "running"):
                break
            time.sleep(0.1)
        assert again["status"] == "done"
        assert (again["duplicates"], again["added"]) == (stored, 6 - stored)
    finally:
        process.terminate()
        process.wait(timeout=30)
    with Store.open(db) as store:
        assert store.check() == []
        assert store.count_articles() == 6
