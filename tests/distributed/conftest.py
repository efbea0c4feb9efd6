"""Fixtures of the distributed tests: a LocalCluster of 2 worker processes for the session.

The tests need the ``dask`` extra (CI installs it with the test extra) and are skipped, with
the reason, where it is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

# distributed.client, not distributed: without the extra, this folder (tests/ is on the path)
# imports as a namespace package named distributed, and the skip would not happen
pytest.importorskip(
    "distributed.client", reason="the dask extra is not installed: pip install 'tariffscope[dask]'"
)

import _dask_helpers
import cloudpickle
from distributed import Client

from tariffscope.distributed import cluster_client

# the workers cannot import the tests folder: send the helpers' classes by value
cloudpickle.register_pickle_by_value(_dask_helpers)


@pytest.fixture(scope="session")
def client() -> Iterator[Client]:
    """A client of a LocalCluster of 2 worker processes, one thread each."""
    with cluster_client("local:2") as opened:
        yield opened


@pytest.fixture(scope="session")
def dev_dir(shared: Path) -> Path:
    return shared / "articles" / "dev"


@pytest.fixture(scope="session")
def twelve(dev_dir: Path) -> list[Path]:
    """Twelve development stories (the first by name)."""
    return sorted(p for p in dev_dir.iterdir() if p.suffix == ".txt")[:12]
