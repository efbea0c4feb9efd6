"""Ingest on a Dask cluster: read and extract on the workers, one writer merges into the store.

The run, for inputs expanded on the driver (:func:`tariffscope.tracker.expand_inputs`):

1. The workers read the files and URLs (chunks of ``read_chunk``) and send the articles back;
   the driver hashes them (:func:`tariffscope.store.article_hashes`) and drops stories seen
   earlier in the run, as :func:`tariffscope.tracker.ingest_paths` does.
2. The distinct stories, in input order, are cut into partitions of ``partition_size``,
   stored ones included, so a partition's key (a hash of its stories' content hashes) is
   the same in every run over the same inputs, however much of them an earlier run stored.
3. Each partition with stories not yet in the store and no staged file is a task: a worker
   extracts those stories (the spaCy pipeline loaded once per worker process) and writes
   ``<staging>/<key>.parquet`` atomically. A file that exists is complete, so re-running
   after a worker dies or the run is interrupted computes only the missing partitions.
4. The driver, the store's one writer, merges staged partitions in partition order with
   :meth:`tariffscope.store.Store.add_article` (one transaction per story; a story whose
   content hash is stored is a duplicate), so article ids follow input order as in a
   single-process run. ``manifest.jsonl`` in the staging folder lists the staged partitions.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tariffscope.errors import InputError
from tariffscope.news.ingest import Article
from tariffscope.store import Store, article_hashes
from tariffscope.store._staging import STAGED_SUFFIX, read_staged
from tariffscope.tracker._ingest import (
    Extractor,
    IngestReport,
    IngestResults,
    InputResult,
    ProgressCallback,
    default_extractor,
    expand_inputs,
    extractor_name,
    store_story,
)

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["IngestPlan", "Partition", "default_staging", "ingest_on_cluster", "partition_key"]

logger = logging.getLogger(__name__)

MANIFEST = "manifest.jsonl"


@dataclass(frozen=True)
class Partition:
    """Stories extracted and staged together: ``(position, article, content_hash)``."""

    key: str
    stories: tuple[tuple[int, Article, str], ...]


@dataclass(frozen=True)
class IngestPlan:
    """What a run did with its partitions (for the report and the tests)."""

    partitions: int
    computed: int
    reused: int
    skipped: int


def partition_key(content_hashes: Sequence[str]) -> str:
    """The key of a partition: SHA-256 of its stories' content hashes, in order."""
    return hashlib.sha256("\n".join(content_hashes).encode("ascii")).hexdigest()[:32]


def default_staging(store: Store) -> Path:
    """``<store file>.staging`` beside the store file.

    Raises
    ------
    InputError
        The store is in memory (give a staging folder).
    """
    if store.path is None:
        raise InputError("a store in memory has no folder for staged partitions: give staging")
    return store.path.with_name(store.path.name + ".staging")


def _read_all(
    client: Client,
    items: list[tuple[str, str | None]],
    done: IngestResults,
    fetch: Callable[[str], Article] | None,
    read_chunk: int,
) -> list[tuple[int, Article]]:
    from tariffscope.distributed._tasks import read_sources

    readable: list[tuple[int, str]] = []
    for position, (source, problem) in enumerate(items):
        if problem is not None:
            done.finish(position, InputResult(source, "failed", None, problem))
        else:
            readable.append((position, source))
    chunks = [readable[k : k + read_chunk] for k in range(0, len(readable), read_chunk)]
    futures = client.map(read_sources, chunks, fetch=fetch, pure=False)
    articles: list[tuple[int, Article]] = []
    for chunk in client.gather(futures):
        for position, source, article, message in chunk:
            if article is None:
                done.finish(position, InputResult(source, "failed", None, message))
            else:
                articles.append((position, article))
    return sorted(articles, key=lambda pair: pair[0])


def _partitions(
    articles: Iterable[tuple[int, Article]], done: IngestResults, size: int
) -> list[Partition]:
    seen: dict[str, str] = {}
    unique: list[tuple[int, Article, str]] = []
    for position, article in articles:
        content_hash, _ = article_hashes(article.text, article.meta)
        if content_hash in seen:
            note = f"same content as {seen[content_hash]}"
            done.finish(
                position,
                InputResult(article.source, "duplicate", None, note, article.meta.title),
            )
            continue
        seen[content_hash] = article.source
        unique.append((position, article, content_hash))
    return [
        Partition(partition_key([h for _, _, h in part]), tuple(part))
        for part in (unique[k : k + size] for k in range(0, len(unique), size))
    ]


class _Merger:
    """The store's one writer: adds staged partitions in partition order."""

    def __init__(self, store: Store, name: str, done: IngestResults, staging: Path) -> None:
        self.store = store
        self.name = name
        self.done = done
        self.staging = staging
        self.merged: list[Path] = []

    def merge(self, partition: Partition, wanted: Sequence[tuple[int, Article, str]]) -> None:
        path = self.staging / f"{partition.key}{STAGED_SUFFIX}"
        staged = {s.content_hash: s for s in read_staged(path)}
        for position, article, content_hash in wanted:
            title = article.meta.title
            stored = self.store.find_article(content_hash)
            story = staged.get(content_hash)
            if stored is not None:
                self._finish(
                    position, InputResult(article.source, "duplicate", stored, None, title)
                )
            elif story is None:
                message = f"{article.source}: not in its staged partition {path.name}"
                self._finish(position, InputResult(article.source, "failed", None, message, title))
            elif story.extraction is None:
                self._finish(
                    position, InputResult(article.source, "failed", None, story.message, title)
                )
            else:
                self._finish(position, store_story(self.store, article, story.parsed(), self.name))
        self.merged.append(path)

    def _finish(self, position: int, result: InputResult) -> None:
        self.done.finish(position, result)


def _note(staging: Path, entry: dict[str, Any]) -> None:
    with (staging / MANIFEST).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")


def ingest_on_cluster(
    store: Store,
    inputs: Iterable[str | Path],
    client: Client,
    progress: ProgressCallback | None = None,
    *,
    staging: Path | None = None,
    extractor: Extractor | None = None,
    fetch: Callable[[str], Article] | None = None,
    partition_size: int = 16,
    read_chunk: int = 64,
    keep_staged: bool = False,
    on_plan: Callable[[IngestPlan], None] | None = None,
) -> IngestReport:
    """Read stories into the store with the extraction done on a Dask cluster.

    Parameters
    ----------
    store
        An open, writable store: the driver is its only writer.
    inputs
        Paths of files or folders, or http(s) URLs (every worker must see the paths).
    client
        A connected Dask client (:func:`tariffscope.distributed.cluster_client`).
    progress
        ``progress(done, total, result)`` after each input, as for ``ingest_paths``.
    staging
        Folder of staged partitions; default :func:`default_staging` (beside the store).
    extractor
        Turns a batch of articles into extractions on a worker (must pickle); default the
        news pipeline, loaded once per worker process.
    fetch
        Reads a URL into an article on a worker; default
        :func:`tariffscope.news.fetch.fetch_article`.
    partition_size
        Stories per task and per staged file.
    read_chunk
        Inputs read per task.
    keep_staged
        Keep the staged files of merged partitions (a Parquet copy of the run's extractions).
    on_plan
        Called with the counts of partitions computed, reused and skipped.

    Returns
    -------
    IngestReport
        One result per input (per file of a folder), in input order, as ``ingest_paths``.
    """
    if partition_size < 1 or read_chunk < 1:
        raise ValueError("partition_size and read_chunk must be at least 1")
    folder = staging if staging is not None else default_staging(store)
    folder.mkdir(parents=True, exist_ok=True)
    reader = extractor or default_extractor
    items = expand_inputs(inputs)
    done = IngestResults(len(items), progress)
    articles = _read_all(client, items, done, fetch, read_chunk)
    partitions = _partitions(articles, done, partition_size)
    merger = _Merger(store, extractor_name(reader), done, folder)
    wanted: list[list[tuple[int, Article, str]]] = []
    futures: dict[Any, int] = {}
    ready: set[int] = set()
    reused = skipped = 0
    run = uuid.uuid4().hex[:8]  # task keys of this run only, whatever ran before on the cluster
    from tariffscope.distributed._tasks import extract_partition

    for index, partition in enumerate(partitions):
        missing = []
        for position, article, content_hash in partition.stories:
            stored = store.find_article(content_hash)
            if stored is None:
                missing.append((position, article, content_hash))
            else:
                result = InputResult(article.source, "duplicate", stored, None, article.meta.title)
                done.finish(position, result)
        wanted.append(missing)
        path = folder / f"{partition.key}{STAGED_SUFFIX}"
        if not missing:
            skipped += 1
            ready.add(index)
        elif path.exists():
            reused += 1
            ready.add(index)
        else:
            future = client.submit(
                extract_partition,
                path,
                [(p, a) for p, a, _ in missing],
                extractor,
                key=f"tariffscope-extract-{partition.key}-{run}",
            )
            futures[future] = index
    if on_plan is not None:
        on_plan(IngestPlan(len(partitions), len(futures), reused, skipped))
    following = 0

    def merge_ready() -> None:
        nonlocal following
        while following in ready:
            if wanted[following]:
                merger.merge(partitions[following], wanted[following])
            following += 1

    merge_ready()
    if futures:
        from distributed import as_completed

        for future in as_completed(list(futures)):
            index = futures[future]
            try:
                n_staged = future.result()
            except Exception as error:  # the partition failed on the cluster: its stories fail
                message = f"partition {partitions[index].key} failed on the cluster ({error})"
                for position, article, _ in wanted[index]:
                    done.finish(
                        position,
                        InputResult(article.source, "failed", None, message, article.meta.title),
                    )
                wanted[index] = []
            else:
                _note(folder, {"partition": partitions[index].key, "stories": n_staged})
            ready.add(index)
            merge_ready()
    if not keep_staged:
        for path in merger.merged:
            path.unlink(missing_ok=True)
        if not any(folder.glob(f"*{STAGED_SUFFIX}")):
            (folder / MANIFEST).unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # a folder holding anything else stays
                folder.rmdir()
    return done.report()
