"""The ``--cluster`` option of the bulk commands (ingest, extract DIR, etr)."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["ClusterOption", "maybe_cluster"]

ClusterOption = Annotated[
    str | None,
    typer.Option(
        "--cluster",
        help="Run on Dask: a scheduler address (tcp://HOST:8786) or local:N (a LocalCluster of"
        " N worker processes). Needs pip install 'tariffscope[dask]'.",
        show_default=False,
    ),
]


def maybe_cluster(cluster: str | None) -> AbstractContextManager[Client | None]:
    """A Dask client for ``--cluster`` (closing a cluster it started), or None without it.

    Raises InputError (exit 2) for a malformed value or a missing ``dask`` extra.
    """
    if cluster is None:
        nothing: AbstractContextManager[Any] = nullcontext(None)
        return nothing
    from tariffscope.distributed.cluster import cluster_client, parse_cluster

    return cluster_client(parse_cluster(cluster))
