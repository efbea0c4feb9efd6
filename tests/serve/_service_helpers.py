"""Constants and helpers of the service tests."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

SEED = Path(__file__).resolve().parents[2] / "examples" / "ishiba-bessent-2025-07-18.txt"
TOKEN = "test-token-not-secret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def fixed_today() -> dt.date:
    """Days left are counted from this day (the seed story's day) in every test."""
    return dt.date(2025, 7, 18)


def wait_for_job(client: Any, job_id: str, timeout: float = 120) -> dict[str, Any]:
    """Poll a job until it is no longer queued or running."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        job: dict[str, Any] = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] not in ("queued", "running"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still open after {timeout} s")
