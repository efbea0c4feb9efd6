"""Ingest jobs and their journal on disk, so a job survives the server that ran it.

Each job is one JSON file in the journal folder, replaced atomically (write, fsync, rename)
whenever its state changes; the stories pasted into a job are spooled next to it as text
files before the job is queued. When the server starts, a job it finds still ``queued`` or
``running`` was cut off by a crash or a kill: it is marked ``interrupted`` with how many of
its inputs were stored, and its stored stories stay (each was committed with its records in
one transaction, see :meth:`tariffscope.store.Store.add_article`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import secrets
import threading
from pathlib import Path
from typing import Any, Literal

__all__ = ["Job", "JobJournal", "JobStatus"]

JobStatus = Literal["queued", "running", "done", "failed", "interrupted"]

_OPEN: tuple[str, ...] = ("queued", "running")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclasses.dataclass
class Job:
    """One ingest job: its inputs, where it is, and one result per input finished."""

    id: str
    inputs: list[str]
    labels: list[str]
    status: JobStatus = "queued"
    created: str = dataclasses.field(default_factory=_now)
    started: str | None = None
    finished: str | None = None
    done: int = 0
    total: int = 0
    results: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    message: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The job as the API shows it (the spooled file paths are not shown)."""
        out = dataclasses.asdict(self)
        out["inputs"] = out.pop("labels")
        out["added"] = sum(1 for r in self.results if r.get("status") == "added")
        out["duplicates"] = sum(1 for r in self.results if r.get("status") == "duplicate")
        out["failed"] = sum(1 for r in self.results if r.get("status") == "failed")
        return out


class JobJournal:
    """The jobs of one store: a folder of JSON files, written atomically, plus spooled text."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        for path in sorted(self.folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                job = Job(**data)
            except (OSError, ValueError, TypeError):
                continue  # a journal file cut off mid-write is replaced on the next save
            self._jobs[job.id] = job

    def recover(self) -> list[Job]:
        """Mark the jobs a previous server left open as ``interrupted``; returns them."""
        cut: list[Job] = []
        for job in list(self._jobs.values()):
            if job.status in _OPEN:
                stored = sum(1 for r in job.results if r.get("status") in ("added", "duplicate"))
                job.status = "interrupted"
                job.finished = _now()
                job.message = (
                    f"the server stopped during this job: {stored} of {len(job.inputs)} inputs "
                    "were stored completely, the others not at all; post them again to add them "
                    "(stored ones are skipped as duplicates)"
                )
                self.save(job)
                cut.append(job)
        return cut

    def new(self, texts: list[tuple[str, str]], urls: list[str]) -> Job:
        """Create a queued job: ``texts`` are ``(label, file content)`` spooled to disk."""
        job_id = dt.datetime.now(dt.UTC).strftime("%Y%m%d%H%M%S") + "-" + secrets.token_hex(4)
        spool = self.folder / job_id
        spool.mkdir()
        inputs: list[str] = []
        labels: list[str] = []
        for index, (label, content) in enumerate(texts):
            path = spool / f"story-{index + 1:03d}.txt"
            path.write_text(content, encoding="utf-8")
            inputs.append(str(path))
            labels.append(label)
        inputs.extend(urls)
        labels.extend(urls)
        job = Job(id=job_id, inputs=inputs, labels=labels, total=len(inputs))
        self.save(job)
        return job

    def save(self, job: Job) -> None:
        """Write the job's file atomically (a reader never sees half a file)."""
        with self._lock:
            self._jobs[job.id] = job
            target = self.folder / f"{job.id}.json"
            temporary = target.with_suffix(".tmp")
            with temporary.open("w", encoding="utf-8") as handle:
                json.dump(dataclasses.asdict(job), handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)

    def get(self, job_id: str) -> Job | None:
        """The job with this id, or None."""
        with self._lock:
            return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        """Every job, newest first."""
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: j.id, reverse=True)
