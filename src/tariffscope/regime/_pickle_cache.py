"""Derived objects kept as pickles in the user cache, under a fingerprint of what they derive from.

The validated catalog and the parsed schedule each take a noticeable part of a second to build
and are the same on every run until their sources change, so each is pickled under
``<user data dir>/cache/<name>-<fingerprint>.pickle``. A copy that cannot be read (missing,
truncated, from another version of a class) is built again; one that cannot be written is
skipped (a read-only home works, only slower). The file is written beside and renamed into
place, so a reader never sees half a pickle.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable
from typing import TypeVar

from tariffscope.config import user_dir

__all__ = ["cached_pickle"]

logger = logging.getLogger(__name__)

T = TypeVar("T")


def cached_pickle(name: str, fingerprint: str, kind: type[T], build: Callable[[], T]) -> T:
    """The ``kind`` object stored as ``name-fingerprint.pickle`` in the user cache, else the
    one ``build`` makes, stored there for the next run."""
    path = user_dir() / "cache" / f"{name}-{fingerprint}.pickle"
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, kind):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".tmp")
        with partial.open("wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError as error:
        logger.info("%s cache not written: %s", name, error)
    return built
