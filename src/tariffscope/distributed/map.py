"""Map a pure function over chunks, in this process or on a Dask cluster.

One seam for every job that splits into independent chunks (Monte Carlo draws, the distinct
laws of an effective-rate series, later the deal spaces of ``deals``). A
:class:`ChunkMapper` is called as ``mapper(fn, chunks, shared=(a, b), on_done=...)`` and
returns ``[fn(a, b, chunk) for chunk in chunks]``, in chunk order:

- :func:`map_in_process` runs the loop here;
- :func:`client_mapper` sends each shared value to every worker once (scattered, broadcast),
  so a large value (a baseline, a law's resolved lines) is shipped once per worker, not once
  per task, and submits the chunks as tasks, at most ``max_in_flight`` at a time.

The caller decides the chunks, so the same chunks give the same answer on either path: a
function that is pure per chunk gives bit-identical results here and on a cluster.
:func:`in_waves` is the bounded submission loop on its own (ingest uses it).

Nothing here imports Dask at import time; ``client_mapper`` needs a connected client.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Generator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["ChunkMapper", "client_mapper", "in_waves", "map_in_process"]

C = TypeVar("C")
R = TypeVar("R")


class ChunkMapper(Protocol):
    """``mapper(fn, chunks, shared=..., on_done=...) -> [fn(*shared, chunk), ...]``.

    ``on_done(i)`` is called when chunk ``i`` is finished (in completion order, which on a
    cluster need not be chunk order).
    """

    def __call__(
        self,
        fn: Callable[..., R],
        chunks: Sequence[Any],
        *,
        shared: tuple[Any, ...] = (),
        on_done: Callable[[int], None] | None = None,
    ) -> list[R]: ...


def map_in_process(
    fn: Callable[..., R],
    chunks: Sequence[Any],
    *,
    shared: tuple[Any, ...] = (),
    on_done: Callable[[int], None] | None = None,
) -> list[R]:
    """``fn(*shared, chunk)`` for each chunk, one after the other, here."""
    out: list[R] = []
    for index, chunk in enumerate(chunks):
        out.append(fn(*shared, chunk))
        if on_done is not None:
            on_done(index)
    return out


def in_waves(
    submit: Callable[[int], Future[Any]], count: int, max_in_flight: int | None = None
) -> Generator[tuple[int, Future[Any]], None, None]:
    """Submit ``submit(0) ... submit(count - 1)`` with at most ``max_in_flight`` futures
    outstanding, and yield ``(index, future)`` as each finishes (successfully or not).

    A new task is submitted only after one is yielded, so the driver holds at most
    ``max_in_flight`` tasks' inputs and outputs at once (None: all at once).
    """
    if max_in_flight is not None and max_in_flight < 1:
        raise ValueError(f"max_in_flight must be at least 1, not {max_in_flight}")
    if count == 0:
        return
    from distributed import as_completed

    limit = count if max_in_flight is None else min(max_in_flight, count)
    indices: dict[Any, int] = {}  # by task key
    first = []
    for index in range(limit):
        future = submit(index)
        indices[future.key] = index
        first.append(future)
    following = limit
    pending = as_completed(first)
    for future in pending:
        yield indices.pop(future.key), future
        if following < count:
            new = submit(following)
            indices[new.key] = following
            pending.add(new)
            following += 1


def client_mapper(
    client: Client, *, max_in_flight: int | None = None, name: str = "tariffscope-map"
) -> ChunkMapper:
    """A :class:`ChunkMapper` that runs each chunk as a task on ``client``'s cluster.

    Each value of ``shared`` is scattered to every worker once (``broadcast=True``) and
    passed to the tasks as a future; ``max_in_flight`` bounds the tasks submitted at once.
    The first failing chunk's exception is raised (after the others are cancelled).
    """

    def mapper(
        fn: Callable[..., R],
        chunks: Sequence[Any],
        *,
        shared: tuple[Any, ...] = (),
        on_done: Callable[[int], None] | None = None,
    ) -> list[R]:
        if not chunks:
            return []
        # a list of one: scatter would split a tuple or list into one future per element;
        # hash=False: a key of this call's own (an equal value scattered by an earlier call
        # would share its key, and that call's release would drop this call's data)
        handles = [client.scatter([value], broadcast=True, hash=False)[0] for value in shared]
        run = uuid.uuid4().hex[:8]

        def submit(index: int) -> Future[Any]:
            key = f"{name}-{getattr(fn, '__name__', 'fn')}-{run}-{index}"
            return client.submit(fn, *handles, chunks[index], key=key, pure=False)

        results: list[Any] = [None] * len(chunks)
        waves = in_waves(submit, len(chunks), max_in_flight)
        try:
            for index, future in waves:
                results[index] = future.result()
                future.release()
                if on_done is not None:
                    on_done(index)
        finally:
            waves.close()  # on an error: submit nothing more
        return results

    return mapper
