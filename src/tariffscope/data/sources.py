"""The official source files tariffscope builds its tables from: where to get them and how
to recognize them.

Each :class:`Source` names a public file by its official URL and, where known, its SHA-256.
:func:`locate` finds a local copy: in the shared folder of public files (``../shared``, or
``TARIFFSCOPE_SHARED_DIR``) or in the download cache that ``tariffscope data fetch`` fills
(``<user data dir>/sources``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tariffscope.config import shared_dir, user_dir
from tariffscope.errors import DataUnavailableError, InputError

__all__ = [
    "SOURCES",
    "Source",
    "SourceLocation",
    "get_source",
    "locate",
    "sources_dir",
    "where",
]

SourceLocation = Literal["shared", "fetched", "missing"]


@dataclass(frozen=True)
class Source:
    """A public source file.

    Attributes
    ----------
    name
        Short identifier used on the command line (``hts_2025_basic_edition``).
    title
        What the file is, for people.
    url
        The official download address.
    sha256
        SHA-256 of the file's bytes, or None when no trusted copy was hashed.
    filename
        The file's name in the download cache.
    shared_path
        Its path under the shared folder, or None if the shared folder has no copy.
    license
        Terms of use, as stated by the publisher.
    """

    name: str
    title: str
    url: str
    sha256: str | None
    filename: str
    shared_path: str | None = None
    license: str = ""


HTS_2025_BASIC_EDITION = Source(
    name="hts_2025_basic_edition",
    title="USITC Harmonized Tariff Schedule of the United States, 2025 Basic Edition (CSV)",
    url="https://www.usitc.gov/sites/default/files/tata/hts/hts_2025_basic_edition_csv.csv",
    # SHA-256 of the shared copy, a byte copy of the USITC file (shared/data/MANIFEST.md).
    sha256="4c2561c9ca7c94d2ee368f0bb7b32c714ba0f1bfeecc7a05f1fcdf2fae509a73",
    filename="hts_2025_basic_edition_csv.csv",
    shared_path="data/b_tariff_schedule/hts_2025_basic_edition.csv",
    license="US government work (public domain)",
)

#: Every known source by name. Add new sources here.
SOURCES: dict[str, Source] = {source.name: source for source in (HTS_2025_BASIC_EDITION,)}


def get_source(name: str) -> Source:
    """The source called ``name``; raises InputError listing the known names."""
    try:
        return SOURCES[name]
    except KeyError:
        raise InputError(
            f"unknown source {name!r}", hint=f"known sources: {', '.join(sorted(SOURCES))}"
        ) from None


def sources_dir() -> Path:
    """The download cache of source files (created on demand)."""
    path = user_dir() / "sources"
    path.mkdir(parents=True, exist_ok=True)
    return path


def where(source: Source, shared: Path | None = None) -> tuple[SourceLocation, Path | None]:
    """Where a local copy of ``source`` is: ``("shared", path)``, ``("fetched", path)`` or
    ``("missing", None)``.

    Parameters
    ----------
    shared
        The shared folder to look in; default the configured one, if present.
    """
    base = shared if shared is not None else shared_dir(required=False)
    if base is not None and source.shared_path is not None:
        candidate = base / source.shared_path
        if candidate.is_file():
            return "shared", candidate
    cached = sources_dir() / source.filename
    if cached.is_file():
        return "fetched", cached
    return "missing", None


def locate(source: Source, shared: Path | None = None) -> Path:
    """A local copy of ``source``, from the shared folder or the download cache.

    Raises
    ------
    DataUnavailableError
        If neither has it; the hint says how to get it.
    """
    _, path = where(source, shared)
    if path is None:
        raise DataUnavailableError(
            f"source {source.name} ({source.url}) is not available locally",
            hint=f"run `tariffscope data fetch {source.name}` or pass --shared DIR",
        )
    return path
