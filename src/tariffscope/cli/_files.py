"""Output paths named on the command line, checked before any work is done."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tariffscope.errors import MalformedInputError

__all__ = ["writable_file", "writable_folder"]


def writable_folder(path: Path) -> Path:
    """Create ``path`` if needed and make sure a file can be written into it.

    Raises
    ------
    MalformedInputError
        ``path`` is a file, or the folder cannot be created or written.
    """
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise MalformedInputError(
            f"cannot write into {path}: {reason}", hint="give a folder you can write"
        ) from None
    return path


def writable_file(path: Path) -> Path:
    """Make sure ``path`` can be written (its folder exists and is writable, it is no folder).

    Raises
    ------
    MalformedInputError
        ``path`` is a folder, or its folder is missing or cannot be written.
    """
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise MalformedInputError(f"cannot write {path}: it is a folder", hint="give a file name")
    if not parent.is_dir():
        raise MalformedInputError(f"cannot write {path}: no folder {parent}")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise MalformedInputError(f"cannot write {path}: permission denied")
    return path
