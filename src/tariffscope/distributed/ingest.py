"""Ingest on a Dask cluster: read and extract on the workers, one writer merges into the store.

The run (the stream of steps 1-2 in :mod:`tariffscope.distributed._stream`):

1. The inputs are expanded one at a time (:func:`tariffscope.tracker.expand_inputs`: a folder
   is listed when its turn comes). The workers read the files and URLs in chunks of
   ``read_chunk`` (two chunks ahead of the driver) and send the articles back; the driver
   hashes them (:func:`tariffscope.store.article_hashes`) and drops stories seen earlier in
   the run, as :func:`tariffscope.tracker.ingest_paths` does.
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
   single-process run, and deletes each merged file (unless ``keep_staged``).
   ``manifest.jsonl`` in the staging folder lists the staged partitions.

Steps 2-4 run in a window (:class:`_Window`): at most ``max_in_flight`` partitions are held
(planned, extracting, or staged and waiting to merge); the next is planned when one is merged.
The driver's memory is therefore bounded by that many partitions, not by the run.
"""

from __future__ import annotations

import contextlib
import json
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tariffscope.distributed._stream import (
    Partition,
    expanded,
    partition_key,
    partition_stream,
    read_stream,
)
from tariffscope.errors import InputError
from tariffscope.news.ingest import Article
from tariffscope.store import Store
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
class IngestPlan:
    """What a run did with its partitions (for the report and the tests)."""

    partitions: int
    computed: int
    reused: int
    skipped: int


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


class _Merger:
    """The store's one writer: adds staged partitions in partition order."""

    def __init__(
        self, store: Store, name: str, done: IngestResults, staging: Path, keep: bool
    ) -> None:
        self.store = store
        self.name = name
        self.done = done
        self.staging = staging
        self.keep = keep

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
        if not self.keep:  # every story of it is stored now
            path.unlink(missing_ok=True)

    def _finish(self, position: int, result: InputResult) -> None:
        self.done.finish(position, result)


def _note(staging: Path, entry: dict[str, Any]) -> None:
    with (staging / MANIFEST).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")


class _Window:
    """The partitions held by the driver: planned, computing or staged, not yet merged.

    At most ``limit`` at once: a partition is planned (and its task submitted) only when one
    is merged, so the driver holds at most ``limit`` partitions' articles whatever the size
    of the run. Partitions are merged in partition order.
    """

    def __init__(
        self,
        client: Client,
        store: Store,
        partitions: Iterator[Partition],
        merger: _Merger,
        limit: int,
        extractor: Extractor | None,
    ) -> None:
        from distributed import as_completed

        self.client = client
        self.store = store
        self.partitions = partitions
        self.merger = merger
        self.limit = limit
        self.extractor = extractor
        self.held: dict[int, tuple[Partition, list[tuple[int, Article, str]]]] = {}
        self.ready: set[int] = set()
        self.tasks: dict[Any, int] = {}  # task key -> partition index
        self.pending = as_completed()
        self.planned = self.following = 0
        self.computed = self.reused = self.skipped = 0
        self.exhausted = False
        self.run = uuid.uuid4().hex[:8]  # task keys of this run only

    def fill(self) -> None:
        """Plan partitions until ``limit`` are held or the input is exhausted."""
        while not self.exhausted and len(self.held) < self.limit:
            partition = next(self.partitions, None)
            if partition is None:
                self.exhausted = True
                return
            self._plan(self.planned, partition)
            self.planned += 1

    def _plan(self, index: int, partition: Partition) -> None:
        from tariffscope.distributed._tasks import extract_partition

        done = self.merger.done
        missing = []
        for position, article, content_hash in partition.stories:
            stored = self.store.find_article(content_hash)
            if stored is None:
                missing.append((position, article, content_hash))
            else:
                result = InputResult(article.source, "duplicate", stored, None, article.meta.title)
                done.finish(position, result)
        self.held[index] = (partition, missing)
        path = self.merger.staging / f"{partition.key}{STAGED_SUFFIX}"
        if not missing:
            self.skipped += 1
            self.ready.add(index)
        elif path.exists():
            self.reused += 1
            self.ready.add(index)
        else:
            future = self.client.submit(
                extract_partition,
                path,
                [(p, a) for p, a, _ in missing],
                self.extractor,
                key=f"tariffscope-extract-{partition.key}-{self.run}",
            )
            self.tasks[future.key] = index
            self.pending.add(future)
            self.computed += 1

    def merge_ready(self) -> None:
        """Merge the staged partitions that come next in partition order."""
        while self.following in self.ready:
            partition, missing = self.held.pop(self.following)
            self.ready.discard(self.following)
            if missing:
                self.merger.merge(partition, missing)
            self.following += 1

    def wait_one(self) -> None:
        """Wait for one task; its partition is staged (or its stories failed)."""
        future = next(self.pending)
        index = self.tasks.pop(future.key)
        partition, missing = self.held[index]
        try:
            n_staged = future.result()
        except Exception as error:  # the partition failed on the cluster: its stories fail
            message = f"partition {partition.key} failed on the cluster ({error})"
            for position, article, _ in missing:
                self.merger.done.finish(
                    position,
                    InputResult(article.source, "failed", None, message, article.meta.title),
                )
            self.held[index] = (partition, [])
        else:
            _note(self.merger.staging, {"partition": partition.key, "stories": n_staged})
        future.release()
        self.ready.add(index)

    def drain(self) -> None:
        """Run to the end: plan, merge, wait, until every partition is merged."""
        while True:
            self.fill()
            self.merge_ready()
            if not self.held:
                if self.exhausted:
                    return
                continue
            self.wait_one()  # the next to merge is extracting: wait for any task


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
    max_in_flight: int | None = None,
    keep_staged: bool = False,
    on_plan: Callable[[IngestPlan], None] | None = None,
) -> IngestReport:
    """Read stories into the store with the extraction done on a Dask cluster.

    The driver holds at most ``max_in_flight`` partitions' stories at once (planned, being
    extracted or staged and waiting for their turn to merge) and reads the inputs as they are
    needed, so its memory does not grow with the size of the run; only the one-line result
    of each input and the content hash of each distinct story are kept to the end.

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
        Inputs read per task (two chunks are read ahead).
    max_in_flight
        Partitions held by the driver at once; default twice the cluster's worker threads
        (at least 2), enough to keep every worker busy while the driver merges.
    keep_staged
        Keep the staged files of merged partitions (a Parquet copy of the run's extractions).
    on_plan
        Called at the end with the counts of partitions computed, reused and skipped.

    Returns
    -------
    IngestReport
        One result per input (per file of a folder), in input order, as ``ingest_paths``.
    """
    if partition_size < 1 or read_chunk < 1:
        raise ValueError("partition_size and read_chunk must be at least 1")
    if max_in_flight is not None and max_in_flight < 1:
        raise ValueError(f"max_in_flight must be at least 1, not {max_in_flight}")
    limit = max_in_flight or max(2, 2 * sum(client.nthreads().values()))
    folder = staging if staging is not None else default_staging(store)
    folder.mkdir(parents=True, exist_ok=True)
    reader = extractor or default_extractor
    listed = [str(item) for item in inputs]
    done = IngestResults(sum(len(expand_inputs([item])) for item in listed), progress)
    articles = read_stream(client, expanded(listed), done, fetch, read_chunk, ahead=2)
    partitions = partition_stream(articles, done, partition_size)
    merger = _Merger(store, extractor_name(reader), done, folder, keep_staged)
    window = _Window(client, store, partitions, merger, limit, extractor)
    window.drain()
    if on_plan is not None:
        on_plan(IngestPlan(window.planned, window.computed, window.reused, window.skipped))
    if not keep_staged and not any(folder.glob(f"*{STAGED_SUFFIX}")):
        (folder / MANIFEST).unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # a folder holding anything else stays
            folder.rmdir()
    return done.report()
