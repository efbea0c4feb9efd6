"""Extractors the workers of the distributed tests run (sent by value: workers cannot import
the tests folder)."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Sequence
from pathlib import Path

from tariffscope.domain.news import Extraction
from tariffscope.news.ingest import Article


class CountingGold:
    """The dev set's gold records, with one line per article extracted appended to ``log``.

    With ``kill_marker``, the first call anywhere (the marker does not exist yet) creates the
    marker and SIGKILLs its own worker process before extracting anything.
    """

    name = "dev gold (counted)"

    def __init__(self, gold_dir: Path, log: Path, kill_marker: Path | None = None) -> None:
        self.gold_dir = gold_dir
        self.log = log
        self.kill_marker = kill_marker

    def __call__(self, articles: Sequence[Article]) -> list[Extraction]:
        if self.kill_marker is not None:
            try:
                fd = os.open(self.kill_marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                pass
            else:
                os.write(fd, str(os.getpid()).encode())
                os.close(fd)
                os.kill(os.getpid(), signal.SIGKILL)
        out = []
        for article in articles:
            path = self.gold_dir / f"{Path(article.source).stem}.json"
            out.append(Extraction.from_dict(json.loads(path.read_text(encoding="utf-8"))))
        with self.log.open("a", encoding="utf-8") as handle:
            handle.write("".join(f"{Path(a.source).name}\n" for a in articles))
        return out


def extracted(log: Path) -> list[str]:
    """The names of the articles extracted, one per extraction."""
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def scaled(factor: float, chunk: Sequence[float]) -> list[float]:
    """A pure chunk function: each value times ``factor``."""
    return [factor * value for value in chunk]


def where_shared(shared: object, chunk: int) -> tuple[int, int, int]:
    """``(worker pid, id of the shared value there, chunk)``: tasks on one worker that were
    given one broadcast value see one object."""
    return os.getpid(), id(shared), chunk


def fail_on_three(shared: object, chunk: int) -> int:
    if chunk == 3:
        raise ValueError("chunk 3 fails")
    return chunk
