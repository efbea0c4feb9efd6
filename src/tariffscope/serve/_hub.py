"""The store of a running service: one writer thread fed by a job queue, readers on cursors.

DuckDB lets one process open a store file for writing; the service is that process. Reads
run on cursors of the same database (:meth:`tariffscope.store.Store.cursor`), so they see
every story committed so far while the writer adds more. Ingest jobs go through one queue to
one writer thread, which stores each story with its records in one transaction and writes
the job's progress to the journal (:class:`~tariffscope.serve._jobs.JobJournal`) after
every input.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tariffscope.serve._jobs import Job, JobJournal
from tariffscope.store import Store

__all__ = ["QueueFullError", "StoreHub"]

logger = logging.getLogger(__name__)


class QueueFullError(Exception):
    """The ingest queue holds as many jobs as it may; the client should retry later."""


class StoreHub:
    """Owns the store file: hands out reader stores, queues and runs ingest jobs.

    Parameters
    ----------
    path
        The store file (created when missing).
    extractor, fetch
        Passed to :func:`tariffscope.tracker.ingest_paths` (tests give a fake reader).
    max_queue
        Jobs waiting at most; :meth:`submit` refuses more.
    """

    def __init__(
        self,
        path: Path,
        *,
        extractor: Callable[..., Any] | None = None,
        fetch: Callable[[str], Any] | None = None,
        max_queue: int = 100,
    ) -> None:
        self.path = path
        self._root = Store.open(path)
        self._root_lock = threading.Lock()
        self.journal = JobJournal(path.with_name(path.name + ".jobs"))
        self.interrupted = self.journal.recover()
        self._extractor = extractor
        self._fetch = fetch
        self._queue: queue.Queue[str | None] = queue.Queue(maxsize=max_queue)
        self._generation = 0
        self._generation_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="tariffscope-writer", daemon=True)
        self._started = False

    # -- lifecycle --------------------------------------------------------------------------
    def start(self) -> None:
        """Start the writer thread."""
        if not self._started:
            self._started = True
            self._thread.start()

    def close(self) -> None:
        """Let the writer finish its current job, stop it and close the store."""
        if self._started:
            self._queue.put(None)
            self._thread.join()
            self._started = False
        self._root.close()

    # -- reading ----------------------------------------------------------------------------
    @property
    def generation(self) -> int:
        """Counts the stories stored since start: caches of read results key on it."""
        with self._generation_lock:
            return self._generation

    def _bump(self) -> None:
        with self._generation_lock:
            self._generation += 1

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A store on its own cursor, for one request's reads."""
        with self._root_lock:
            store = self._root.cursor(read_only=True)
        try:
            yield store
        finally:
            store.close()

    def count_articles(self) -> int:
        """How many stories the store holds."""
        with self.reader() as store:
            return store.count_articles()

    # -- writing ----------------------------------------------------------------------------
    def submit(self, texts: list[tuple[str, str]], urls: list[str]) -> Job:
        """Queue a job of pasted stories (``(label, text)``) and URLs.

        Raises
        ------
        QueueFullError
            ``max_queue`` jobs are waiting already.
        """
        if self._queue.full():
            raise QueueFullError(f"{self._queue.maxsize} ingest jobs are waiting already")
        job = self.journal.new(texts, urls)
        try:
            self._queue.put_nowait(job.id)
        except queue.Full:
            job.status = "failed"
            job.message = "the ingest queue is full"
            self.journal.save(job)
            raise QueueFullError(f"{self._queue.maxsize} ingest jobs are waiting already") from None
        return job

    def pending(self) -> int:
        """Jobs waiting in the queue."""
        return self._queue.qsize()

    def _run(self) -> None:
        while True:
            job_id = self._queue.get()
            if job_id is None:
                return
            job = self.journal.get(job_id)
            if job is None:
                continue
            try:
                self._ingest(job)
            except Exception as error:  # the writer must outlive any one job
                logger.exception("ingest job %s failed", job.id)
                job.status = "failed"
                job.message = f"{type(error).__name__}: {error}"
                self.journal.save(job)

    def _ingest(self, job: Job) -> None:
        from tariffscope.serve._jobs import _now
        from tariffscope.tracker import InputResult, ingest_paths

        job.status = "running"
        job.started = _now()
        self.journal.save(job)
        labels = dict(zip(job.inputs, job.labels, strict=True))

        def progress(done: int, total: int, result: InputResult) -> None:
            job.done = done
            job.total = total
            message = result.message
            if message:
                for path, label in labels.items():
                    message = message.replace(path, label)
            job.results.append(
                {
                    "input": labels.get(result.source, result.source),
                    "status": result.status,
                    "article_id": result.article_id,
                    "title": result.title,
                    "message": message,
                }
            )
            if result.status == "added":
                self._bump()
            self.journal.save(job)

        with self._root_lock:
            writer = self._root.cursor(read_only=False)
        try:
            report = ingest_paths(
                writer, job.inputs, progress, extractor=self._extractor, fetch=self._fetch
            )
        finally:
            writer.close()
        job.finished = _now()
        if report.results and report.n_read == 0:
            job.status = "failed"
            job.message = f"none of the {len(report.results)} inputs could be read"
        else:
            job.status = "done"
        self.journal.save(job)
