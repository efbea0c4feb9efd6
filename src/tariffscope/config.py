"""Where tariffscope finds and keeps its files.

Settings come from environment variables, so the CLI, tests and the Python API agree:

``TARIFFSCOPE_SHARED_DIR``
    The folder with the public source files (``data/``, ``articles/``, ``validation/``).
    Default: a ``shared`` folder beside the source checkout (``../shared``), when present.
``TARIFFSCOPE_DATA_DIR``
    Where downloads, caches and the default store live. Default: the user data directory
    given by platformdirs.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from tariffscope.errors import DataUnavailableError

__all__ = ["embedded_dir", "shared_dir", "shared_file", "user_dir"]

_PACKAGE_DIR = Path(__file__).resolve().parent


def embedded_dir() -> Path:
    """The folder of small derived tables shipped inside the package."""
    return _PACKAGE_DIR / "data" / "embedded"


def user_dir() -> Path:
    """The writable folder for downloads, caches and the default store (created on demand)."""
    path = Path(os.environ.get("TARIFFSCOPE_DATA_DIR") or user_data_dir("tariffscope"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _candidate_shared_dirs() -> list[Path]:
    env = os.environ.get("TARIFFSCOPE_SHARED_DIR")
    if env:
        return [Path(env)]
    # src/tariffscope -> src -> checkout -> its parent holds ``shared``
    return [_PACKAGE_DIR.parents[2] / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"]


def shared_dir(required: bool = True) -> Path | None:
    """The shared folder of public source files, or None when absent and not required."""
    for path in _candidate_shared_dirs():
        if (path / "data").is_dir():
            return path
    if required:
        raise DataUnavailableError(
            "the shared source folder was not found",
            hint="set TARIFFSCOPE_SHARED_DIR to the folder that holds data/ and articles/",
        )
    return None


def shared_file(relative: str) -> Path:
    """A file under the shared folder; raises DataUnavailableError naming it when missing."""
    base = shared_dir(required=True)
    assert base is not None
    path = base / relative
    if not path.exists():
        raise DataUnavailableError(
            f"source file {relative} is missing under {base}",
            hint="run `tariffscope data fetch` or set TARIFFSCOPE_SHARED_DIR",
        )
    return path
