"""The inputs of a distributed ingest as a stream: read on the workers, cut into partitions.

Of the stories, only each distinct one's content hash and source are held for the whole run
(to report a story repeated in the run): the inputs are expanded one at a time, read in chunks
as they are needed, and cut into partitions as the stories arrive.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tariffscope.news.ingest import Article
from tariffscope.store import article_hashes
from tariffscope.tracker._ingest import IngestResults, InputResult, expand_inputs

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["Partition", "expanded", "partition_key", "partition_stream", "read_stream"]


@dataclass(frozen=True)
class Partition:
    """Stories extracted and staged together: ``(position, article, content_hash)``."""

    key: str
    stories: tuple[tuple[int, Article, str], ...]


def partition_key(content_hashes: Sequence[str]) -> str:
    """The key of a partition: SHA-256 of its stories' content hashes, in order."""
    return hashlib.sha256("\n".join(content_hashes).encode("ascii")).hexdigest()[:32]


def expanded(inputs: Sequence[str | Path]) -> Iterator[tuple[str, str | None]]:
    """:func:`expand_inputs`, one input at a time: one folder's listing held at once."""
    for item in inputs:
        yield from expand_inputs([item])


def read_stream(
    client: Client,
    items: Iterator[tuple[str, str | None]],
    done: IngestResults,
    fetch: Callable[[str], Article] | None,
    read_chunk: int,
    ahead: int,
) -> Iterator[tuple[int, Article]]:
    """The articles of ``items`` in input order, read on the workers in chunks of
    ``read_chunk``, at most ``ahead`` chunks read ahead of the one being consumed."""
    from tariffscope.distributed._tasks import read_sources

    positions = enumerate(items)
    queue: deque[Any] = deque()

    def submit_next() -> bool:
        chunk: list[tuple[int, str]] = []
        for position, (source, problem) in positions:
            if problem is not None:
                done.finish(position, InputResult(source, "failed", None, problem))
                continue
            chunk.append((position, source))
            if len(chunk) == read_chunk:
                break
        if chunk:
            queue.append(client.submit(read_sources, chunk, fetch, pure=False))
        return bool(chunk)

    for _ in range(ahead):
        if not submit_next():
            break
    while queue:
        outcomes = queue.popleft().result()
        submit_next()
        for position, source, article, message in outcomes:  # in input order
            if article is None:
                done.finish(position, InputResult(source, "failed", None, message))
            else:
                yield position, article


def partition_stream(
    articles: Iterable[tuple[int, Article]], done: IngestResults, size: int
) -> Iterator[Partition]:
    """The run's distinct stories, in input order, cut into partitions of ``size`` (stories
    repeated in the run are reported as duplicates here; only their hashes are kept)."""
    seen: dict[str, str] = {}
    part: list[tuple[int, Article, str]] = []
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
        part.append((position, article, content_hash))
        if len(part) == size:
            yield Partition(partition_key([h for _, _, h in part]), tuple(part))
            part = []
    if part:
        yield Partition(partition_key([h for _, _, h in part]), tuple(part))
