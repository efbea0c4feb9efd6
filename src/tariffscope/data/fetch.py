"""Download official source files into the cache, checking their SHA-256 (with pooch)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pooch

from tariffscope.data.sources import Source, sources_dir
from tariffscope.errors import DataUnavailableError

__all__ = ["Downloader", "fetch"]

logger = logging.getLogger(__name__)

#: pooch's downloader protocol: ``downloader(url, output_file, pooch_instance)``.
Downloader = Callable[[str, Any, Any], None]


@contextmanager
def _quiet_pooch() -> Iterator[None]:
    """pooch logs each download at INFO on its own handler; the CLI shows its own status."""
    pooch_logger = pooch.get_logger()
    level = pooch_logger.level
    pooch_logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        pooch_logger.setLevel(level)


def _root_cause(error: BaseException, limit: int = 120) -> str:
    """The message of the innermost exception in ``error``'s chain, shortened."""
    seen = {id(error)}
    while (inner := error.__cause__ or error.__context__) is not None and id(inner) not in seen:
        seen.add(id(inner))
        error = inner
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


def fetch(
    source: Source, *, directory: Path | None = None, downloader: Downloader | None = None
) -> Path:
    """Download ``source`` into the cache, or reuse a cached copy with the right checksum.

    Parameters
    ----------
    source
        The file to get.
    directory
        Where to keep it; default :func:`~tariffscope.data.sources.sources_dir`.
    downloader
        A pooch downloader; default chosen by pooch from the URL (HTTP(S), FTP, DOI).

    Returns
    -------
    pathlib.Path
        The local file.

    Raises
    ------
    DataUnavailableError
        If the download fails (no network, HTTP error) or the file's SHA-256 differs from
        the known one; the message names the URL.
    """
    directory = directory if directory is not None else sources_dir()
    known_hash = f"sha256:{source.sha256}" if source.sha256 else None
    logger.info("fetching %s from %s", source.name, source.url)
    try:
        with _quiet_pooch():
            path = pooch.retrieve(
                source.url,
                known_hash=known_hash,
                fname=source.filename,
                path=directory,
                downloader=downloader,
                progressbar=False,
            )
    except ValueError as error:  # pooch: checksum mismatch or unknown protocol
        raise DataUnavailableError(
            f"download of {source.url} failed its check: {' '.join(str(error).split())}",
            hint="the publisher may have changed the file; report it so the checksum is reviewed",
        ) from error
    except OSError as error:  # requests' errors derive from OSError
        raise DataUnavailableError(
            f"cannot download {source.url}: {type(error).__name__} ({_root_cause(error)})",
            hint=f"check the network, or save the file as {directory / source.filename}",
        ) from error
    return Path(path)
