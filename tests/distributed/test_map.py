"""distributed.map: the same results here and on the cluster, shared values sent once per
worker, at most K tasks in flight."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from _dask_helpers import fail_on_three, scaled, where_shared
from distributed import Client, Future

from tariffscope.distributed.map import client_mapper, in_waves, map_in_process

CHUNKS = [[float(k), float(k) + 0.5] for k in range(7)]


@pytest.mark.parametrize("limit", [None, 1, 3])
def test_the_cluster_gives_the_in_process_results_in_chunk_order(
    client: Client, limit: int | None
) -> None:
    finished: list[int] = []
    here = map_in_process(scaled, CHUNKS, shared=(1.5,))
    there = client_mapper(client, max_in_flight=limit)(
        scaled, CHUNKS, shared=(1.5,), on_done=finished.append
    )
    assert there == here == [[1.5 * a, 1.5 * b] for a, b in CHUNKS]
    assert sorted(finished) == list(range(len(CHUNKS)))


def test_a_shared_value_is_one_object_per_worker(client: Client) -> None:
    big = list(range(50_000))  # a list: scattered whole, not element by element
    seen = client_mapper(client)(where_shared, list(range(12)), shared=(big,))
    assert [chunk for _, _, chunk in seen] == list(range(12))
    per_worker: dict[int, set[int]] = {}
    for pid, ident, _ in seen:
        per_worker.setdefault(pid, set()).add(ident)
    # every task on a worker got the same deserialised object: it was sent once, not per task
    assert all(len(idents) == 1 for idents in per_worker.values())
    assert len(per_worker) <= 2


def test_a_failing_chunk_raises_on_the_driver(client: Client) -> None:
    with pytest.raises(ValueError, match="chunk 3 fails"):
        client_mapper(client, max_in_flight=2)(fail_on_three, list(range(6)), shared=(None,))


def test_no_more_than_k_futures_are_in_flight(client: Client) -> None:
    outstanding = 0
    most = 0

    def submit(index: int) -> Future:
        nonlocal outstanding, most
        outstanding += 1
        most = max(most, outstanding)
        return client.submit(scaled, 2.0, [float(index)], pure=False)

    order = []
    for index, future in in_waves(submit, 10, max_in_flight=3):
        outstanding -= 1
        assert future.result() == [2.0 * index]
        order.append(index)
    assert most == 3
    assert sorted(order) == list(range(10))


def test_in_process_calls_on_done_in_order() -> None:
    finished: list[int] = []
    got = map_in_process(scaled, CHUNKS[:3], shared=(2.0,), on_done=finished.append)
    assert got == [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]]
    assert finished == [0, 1, 2]


@pytest.mark.parametrize("bad", [0, -1])
def test_a_bound_below_one_is_refused(client: Client, bad: int) -> None:
    submit: Callable[[int], Future] = lambda i: client.submit(scaled, 1.0, [i])  # noqa: E731
    with pytest.raises(ValueError, match="max_in_flight"):
        list(in_waves(submit, 3, max_in_flight=bad))
