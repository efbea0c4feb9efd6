"""Worker processes of a batch command: joined, or ended, whatever way the command stops."""

from __future__ import annotations

import multiprocessing
import warnings
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from typing import TypeVar

__all__ = ["joined_workers"]

T = TypeVar("T")

# how long a terminated worker may take to end before it is killed
_JOIN_SECONDS = 5.0


@contextmanager
def joined_workers(results: Iterator[T]) -> Generator[Iterator[T], None, None]:
    """Iterate ``results`` (a generator fed by worker processes) and leave no worker behind.

    A consumer that stops early (an unwritable output file, Ctrl-C) leaves the generator
    suspended with workers blocked on sending results nobody reads: spaCy's shutdown (closing
    its end of the pipes, then joining) cannot free them, because each forked worker holds a copy
    of its siblings' pipe ends, and the interpreter waits for them at exit. So workers still
    alive when the consumer stops are terminated first; then the generator is closed, which
    runs spaCy's own clean-up on processes that have ended.
    """
    before = set(multiprocessing.active_children())
    try:
        yield results
    finally:
        for child in set(multiprocessing.active_children()) - before:
            _end(child)
        close = getattr(results, "close", None)
        if close is not None:
            with warnings.catch_warnings():
                # spaCy warns that a worker did not exit cleanly: it was ended on purpose
                warnings.simplefilter("ignore")
                close()


def _end(child: multiprocessing.process.BaseProcess) -> None:
    child.terminate()
    child.join(_JOIN_SECONDS)
    if child.is_alive():
        child.kill()
        child.join()
