"""Fixtures of the distributed tests: a LocalCluster of 2 worker processes for the session.

The tests need the ``dask`` extra (CI installs it with the test extra). Where it is missing
this folder is not collected (``collect_ignore_glob``: a skip raised while a conftest loads
stops the whole run), so the rest of the suite runs; tests/cli/test_cluster_option.py checks
the message without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tariffscope.distributed import cluster_client

if TYPE_CHECKING:
    from distributed import Client

try:
    # distributed.client, not distributed: without the extra, this folder (tests/ is on the
    # path) imports as a namespace package named distributed
    import distributed.client  # noqa: F401
except ImportError:
    collect_ignore_glob = ["test_*.py"]
else:
    import _dask_helpers
    import cloudpickle

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
