"""The ``--cluster`` option of the bulk commands (ingest, extract DIR, etr, simulate, deals)."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from distributed import Client

    from tariffscope.distributed.cluster import ClusterSpec

__all__ = ["ClusterOption", "cluster_spec", "maybe_cluster"]

ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="Run on Dask: a scheduler address (tcp://HOST:8786) or local:N (a LocalCluster of"
        " N worker processes). Needs pip install 'tariffscope[dask]'.",
        show_default=False,
    ),
]


def cluster_spec(cluster: str | None) -> ClusterSpec | None:
    """Parse ``--cluster`` (before any work: a malformed value is an InputError, exit 2)."""
    if cluster is None:
        return None
    from tariffscope.distributed.cluster import parse_cluster

    return parse_cluster(cluster)


def maybe_cluster(spec: ClusterSpec | None) -> AbstractContextManager[Client | None]:
    """A Dask client for a parsed ``--cluster`` (closing a cluster it started), or None.

    Raises InputError (exit 2) when the ``dask`` extra is missing.
    """
    if spec is None:
        nothing: AbstractContextManager[Any] = nullcontext(None)
        return nothing
    from tariffscope.distributed.cluster import cluster_client

    return cluster_client(spec)
