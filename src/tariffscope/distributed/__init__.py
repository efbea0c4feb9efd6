"""Running tariffscope's bulk jobs on a Dask cluster (the optional ``dask`` extra).

Nothing here imports Dask when the package is imported: :func:`cluster_client` does, and
says which ``pip install`` to run when the extra is missing. Three jobs map over a cluster:

- :func:`ingest_on_cluster`: stories partitioned by content hash, extracted on the workers
  (each loads the spaCy pipeline once), staged as Parquet and merged by one writer;
- :func:`law_mapper`: the distinct laws of an effective-rate series, one task each;
- the same for ``extract DIR`` (:func:`extract_on_cluster`).

``docs/distributed.md`` says how to run them on a real cluster.
"""

from tariffscope.distributed.cluster import ClusterSpec, cluster_client, parse_cluster
from tariffscope.distributed.etr import law_mapper
from tariffscope.distributed.extract import extract_on_cluster
from tariffscope.distributed.ingest import ingest_on_cluster

__all__ = [
    "ClusterSpec",
    "cluster_client",
    "extract_on_cluster",
    "ingest_on_cluster",
    "law_mapper",
    "parse_cluster",
]
