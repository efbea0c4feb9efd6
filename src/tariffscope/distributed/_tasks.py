"""The functions Dask workers run for a distributed ingest (picklable, top level).

Each worker process loads the spaCy pipeline once: :func:`default_extractor` goes through
:func:`tariffscope.news.pipeline.load_pipeline`, which is cached per process, so every
partition after a worker's first reuses the loaded pipeline.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

from tariffscope.errors import TariffscopeError
from tariffscope.news.ingest import Article
from tariffscope.store import article_hashes
from tariffscope.store._staging import StagedStory, write_staged
from tariffscope.tracker._ingest import (
    Extractor,
    default_extractor,
    extract_batch,
    failure_message,
    read_input,
)

__all__ = ["ReadOutcome", "extract_partition", "read_sources"]

ReadOutcome = tuple[int, str, Article | None, str | None]
"""``(position, source, article, message)``: the article read, or the one-line message."""


def read_sources(
    items: Sequence[tuple[int, str]], fetch: Callable[[str], Article] | None = None
) -> list[ReadOutcome]:
    """Read files and URLs on a worker, as :func:`tariffscope.tracker.ingest_paths` reads."""
    out: list[ReadOutcome] = []
    for position, source in items:
        try:
            out.append((position, source, read_input(source, fetch), None))
        except TariffscopeError as error:
            out.append((position, source, None, error.one_line()))
        except OSError as error:
            out.append((position, source, None, f"{source}: cannot read ({error})"))
    return out


def extract_partition(
    path: Path,
    stories: Sequence[tuple[int, Article]],
    extractor: Extractor | None = None,
    batch_size: int = 4,
) -> int:
    """Extract the stories of one partition and stage them at ``path`` (atomically).

    Returns the number of stories staged.
    """
    reader = extractor or default_extractor
    staged: list[StagedStory] = []
    for start in range(0, len(stories), batch_size):
        batch = stories[start : start + batch_size]
        outcomes = extract_batch(reader, [a for _, a in batch])
        for (position, article), outcome in zip(batch, outcomes, strict=True):
            content_hash, _ = article_hashes(article.text, article.meta)
            if isinstance(outcome, Exception):
                staged.append(
                    StagedStory(
                        position,
                        article.source,
                        content_hash,
                        article.meta.title,
                        article.text,
                        None,
                        failure_message(article.source, outcome),
                    )
                )
                continue
            found = dataclasses.replace(outcome, article=article.meta)
            staged.append(
                StagedStory.of(position, article.source, content_hash, article.text, found)
            )
    write_staged(path, staged)
    return len(staged)
