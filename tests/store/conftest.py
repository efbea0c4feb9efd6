"""Fixtures of the store tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def dev_dir(shared: Path) -> Path:
    return shared / "articles" / "dev"
