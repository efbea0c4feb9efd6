"""Fixtures of the tracker tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _tracker_helpers import GoldExtractor

from tariffscope.store import Store
from tariffscope.tracker import ingest_paths


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.memory() as opened:
        yield opened


@pytest.fixture(scope="session")
def dev_dir(shared: Path) -> Path:
    return shared / "articles" / "dev"


@pytest.fixture(scope="session")
def gold(dev_dir: Path) -> GoldExtractor:
    return GoldExtractor(dev_dir / "gold")


@pytest.fixture(scope="session")
def dev_store(dev_dir: Path, gold: GoldExtractor) -> Iterator[Store]:
    """A store holding the 30 development stories, read by their gold records (shared by
    the tests of a session: do not write to it)."""
    with Store.memory() as opened:
        report = ingest_paths(opened, [dev_dir], extractor=gold)
        assert len(report.added) == 30, [r.message for r in report.failed]
        yield opened
