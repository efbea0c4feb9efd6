"""Running tariffscope's bulk jobs on a Dask cluster (the optional ``dask`` extra).

Nothing here imports Dask when the package is imported: :func:`cluster_client` does, and
says which ``pip install`` to run when the extra is missing. The jobs that map over a cluster:

- :func:`ingest_on_cluster`: stories partitioned by content hash, extracted on the workers
  (each loads the spaCy pipeline once), staged as Parquet and merged by one writer, with at
  most a bounded number of partitions in flight;
- :func:`law_mapper`: the distinct laws of an effective-rate series, one task each;
- the same for ``extract DIR`` (:func:`extract_on_cluster`);
- Monte Carlo draws of ``simulate`` in chunks, through :func:`client_mapper`, the generic
  "map a pure function over chunks" helper of :mod:`tariffscope.distributed.map`.

The names are imported on first use, so ``tariffscope.distributed.map`` is cheap to import
for the engines that use its in-process mapper. ``docs/distributed.md`` says how to run them
on a real cluster.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tariffscope.distributed.cluster import ClusterSpec, cluster_client, parse_cluster
    from tariffscope.distributed.etr import law_mapper
    from tariffscope.distributed.extract import extract_on_cluster
    from tariffscope.distributed.ingest import ingest_on_cluster
    from tariffscope.distributed.map import ChunkMapper, client_mapper, map_in_process

__all__ = [
    "ChunkMapper",
    "ClusterSpec",
    "client_mapper",
    "cluster_client",
    "extract_on_cluster",
    "ingest_on_cluster",
    "law_mapper",
    "map_in_process",
    "parse_cluster",
]

_HOME = {
    "ChunkMapper": "map",
    "ClusterSpec": "cluster",
    "client_mapper": "map",
    "cluster_client": "cluster",
    "extract_on_cluster": "extract",
    "ingest_on_cluster": "ingest",
    "law_mapper": "etr",
    "map_in_process": "map",
    "parse_cluster": "cluster",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)


def __dir__() -> list[str]:
    return sorted(__all__)
