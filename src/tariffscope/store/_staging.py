"""Staged extractions: one Parquet file per partition of a distributed ingest.

A worker writes the stories it extracted to ``<key>.parquet`` in a staging folder (through a
temporary file renamed into place, so a file that exists is complete); the one writer of the
store reads the files back and adds the stories with :meth:`Store.add_article`. DuckDB writes
and reads the Parquet (no other Parquet library is needed), in memory, never the store file.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tariffscope.domain.news import Extraction

__all__ = ["STAGED_SUFFIX", "StagedStory", "read_staged", "write_staged"]

#: Ending of a staged partition's file.
STAGED_SUFFIX = ".parquet"

_COLUMNS = (
    ("position", "BIGINT"),
    ("source", "VARCHAR"),
    ("content_hash", "VARCHAR"),
    ("title", "VARCHAR"),
    ("body", "VARCHAR"),
    ("extraction", "VARCHAR"),
    ("message", "VARCHAR"),
)


@dataclass(frozen=True, slots=True)
class StagedStory:
    """One story of a partition: its extraction (JSON of :meth:`Extraction.to_dict`, with
    the article's metadata), or the one-line message of a failed extraction."""

    position: int
    source: str
    content_hash: str
    title: str | None
    body: str
    extraction: str | None
    message: str | None = None

    @classmethod
    def of(
        cls, position: int, source: str, content_hash: str, body: str, found: Extraction
    ) -> StagedStory:
        """A story extracted without error."""
        text = json.dumps(found.to_dict(), ensure_ascii=False)
        return cls(position, source, content_hash, found.article.title, body, text)

    def parsed(self) -> Extraction:
        """The extraction (ValueError for a failed story)."""
        if self.extraction is None:
            raise ValueError(f"{self.source}: no extraction staged ({self.message})")
        return Extraction.from_dict(json.loads(self.extraction))


def write_staged(path: Path, stories: Sequence[StagedStory]) -> None:
    """Write ``stories`` to ``path`` as Parquet, atomically (a temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    names = ", ".join(name for name, _ in _COLUMNS)
    target = str(partial).replace("'", "''")  # COPY takes no parameter for its target
    with duckdb.connect(":memory:") as con:
        con.execute(f"CREATE TABLE staged ({', '.join(f'{n} {t}' for n, t in _COLUMNS)})")
        if stories:
            con.executemany(
                f"INSERT INTO staged ({names}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                [
                    [s.position, s.source, s.content_hash, s.title, s.body, s.extraction, s.message]
                    for s in stories
                ],
            )
        con.execute(f"COPY (SELECT * FROM staged ORDER BY position) TO '{target}' (FORMAT PARQUET)")
    os.replace(partial, path)


def read_staged(path: Path) -> list[StagedStory]:
    """The stories of a staged partition, by input position."""
    names = ", ".join(name for name, _ in _COLUMNS)
    with duckdb.connect(":memory:") as con:
        rows = con.execute(
            f"SELECT {names} FROM read_parquet(?) ORDER BY position", [str(path)]
        ).fetchall()
    return [StagedStory(int(r[0]), *r[1:]) for r in rows]
