"""The embedded schedule, parsed once and kept in the user cache.

Reading the embedded HTS table (44,000 rows of CSV) and parsing every General rate costs about
0.1 s, on every run that touches the law. The parsed :class:`~tariffscope.regime.schedule.
Schedule` is kept as a pickle in ``<user data dir>/cache/schedule-<fingerprint>.pickle``, as the
validated catalog is (:func:`tariffscope.regime.resolve.default_catalog`). The fingerprint
covers the source table (its size, modification time and SHA-256), the package version and the
source of the modules that derive the schedule from the table, so a new table or a change to
how it is parsed builds it again. A cache that cannot be read or written is ignored (a
read-only home works, only slower).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tariffscope import __version__
from tariffscope.regime._pickle_cache import cached_pickle

if TYPE_CHECKING:
    from tariffscope.regime.schedule import Schedule

__all__ = ["cached_schedule", "schedule_fingerprint"]

# the modules whose code turns the table into a Schedule (the parsed rates are pickled with it)
_DERIVING_MODULES = (
    "tariffscope.regime.schedule",
    "tariffscope.regime._rate_text",
    "tariffscope.regime._special_text",
    "tariffscope.regime.special",
    "tariffscope.data.hts_basic",
    "tariffscope.data.tables",
)


def schedule_fingerprint(table: Path) -> str:
    """Hash of the table (size, modification time, content), the version and the code."""
    import importlib

    stat = table.stat()
    digest = hashlib.sha256(f"{__version__}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    digest.update(table.read_bytes())
    for name in _DERIVING_MODULES:
        origin = importlib.import_module(name).__spec__.origin  # type: ignore[union-attr]
        if origin:
            digest.update(Path(origin).read_bytes())
    return digest.hexdigest()[:24]


def cached_schedule(table: Path, build: Callable[[], Schedule]) -> Schedule:
    """The schedule ``build`` makes from ``table``, read from the user cache when a copy
    with the same fingerprint is there, else built and written there."""
    from tariffscope.regime.schedule import Schedule

    return cached_pickle("schedule", schedule_fingerprint(table), Schedule, build)
