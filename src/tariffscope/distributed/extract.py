"""``extract DIR`` on a Dask cluster: the articles read on the driver, extracted on workers.

Each worker process loads the spaCy pipeline once (:func:`tariffscope.news.pipeline.
load_pipeline` is cached per process and model name) and extracts partitions of
``partition_size`` articles; the extractions come back in input order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from tariffscope.domain.news import Extraction
from tariffscope.news.ingest import Article

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["extract_on_cluster", "extract_partition_with"]


def extract_partition_with(model: str | None, articles: Sequence[Article]) -> list[Extraction]:
    """The extractions of ``articles`` with the pipeline of ``model`` (a worker's task)."""
    from tariffscope.news.api import extract_many
    from tariffscope.news.pipeline import load_pipeline
    from tariffscope.tracker._law_dating import catalog_law

    return list(extract_many(articles, load_pipeline(model), law=catalog_law))


def extract_on_cluster(
    articles: Sequence[Article],
    client: Client,
    model: str | None = None,
    *,
    partition_size: int = 16,
) -> Iterator[Extraction]:
    """The extraction of each article, in order, computed on ``client``'s workers."""
    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, not {partition_size}")
    parts = [articles[k : k + partition_size] for k in range(0, len(articles), partition_size)]
    futures = client.map(extract_partition_with, [model] * len(parts), parts, pure=False)
    for future in futures:
        yield from future.result()
