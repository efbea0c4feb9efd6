"""Shared fixtures. Tests that read ../shared use the ``shared`` fixture and are marked so."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tariffscope.config import shared_dir


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder of public sources; CI has it beside the clone."""
    path = shared_dir(required=False)
    if path is None:
        pytest.fail("../shared is missing: set TARIFFSCOPE_SHARED_DIR to the shared folder")
    return path


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]


# Property tests never assert on the clock: no per-example deadline and no "too slow" health
# check, which fail on a busy machine (issue 11). Tests may still set their own example counts.
settings.register_profile(
    "tariffscope", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("tariffscope")
