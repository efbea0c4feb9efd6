"""Distributed ingest: the same store as a single-process run, a killed worker loses nothing,
an interrupted run resumes from its staged partitions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from _dask_helpers import CountingGold, extracted
from distributed import Client

from tariffscope.distributed import ingest_on_cluster
from tariffscope.distributed.ingest import IngestPlan
from tariffscope.store import Store
from tariffscope.store._staging import read_staged
from tariffscope.tracker import InputResult, ingest_paths

pytestmark = pytest.mark.shared

_EPOCH = dt.datetime(2000, 1, 1)


def _stored(store: Store) -> list[tuple[object, ...]]:
    """Every stored article with its body, records, record ids and negotiations, in id
    order, but for the time of ingestion."""
    return [
        (
            dataclasses.replace(s, article=dataclasses.replace(s.article, ingested_at=_EPOCH)),
            tuple(store.article_negotiations(s.article.id)),
        )
        for s in store.extractions()
    ]


def _quiet(client: Client) -> None:
    """Wait until no worker runs a task (released tasks still finish on their worker)."""

    def executing(dask_worker: object) -> int:
        return int(dask_worker.state.executing_count)  # type: ignore[attr-defined]

    for _ in range(600):
        if not any(client.run(executing).values()):
            return
        time.sleep(0.1)


@pytest.mark.slow
def test_the_store_equals_a_single_process_run(
    client: Client, twelve: list[Path], tmp_path: Path
) -> None:
    with Store.memory() as single:
        alone = ingest_paths(single, twelve)
        expected = _stored(single)
    plans: list[IngestPlan] = []
    with Store.open(tmp_path / "store.duckdb") as store:
        report = ingest_on_cluster(store, twelve, client, partition_size=4, on_plan=plans.append)
        assert _stored(store) == expected
        assert store.check() == []
    assert [(r.source, r.status, r.article_id) for r in report.results] == [
        (r.source, r.status, r.article_id) for r in alone.results
    ]
    assert len(report.added) == 12
    assert plans == [IngestPlan(partitions=3, computed=3, reused=0, skipped=0)]
    assert not (tmp_path / "store.duckdb.staging").exists()  # merged partitions are removed


def test_duplicates_and_unreadable_inputs_as_a_single_run(
    client: Client, twelve: list[Path], dev_dir: Path, tmp_path: Path
) -> None:
    gold = CountingGold(dev_dir / "gold", tmp_path / "log")
    inputs = [*twelve[:3], tmp_path / "missing.txt", twelve[0], dev_dir / "gold"]
    with Store.memory() as single:
        alone = ingest_paths(single, inputs, extractor=gold)
    with Store.memory() as store:
        report = ingest_on_cluster(
            store, inputs, client, staging=tmp_path / "staging", extractor=gold
        )
        again = ingest_on_cluster(
            store, twelve[:3], client, staging=tmp_path / "staging", extractor=gold
        )
    assert [(r.source, r.status, r.message) for r in report.results] == [
        (r.source, r.status, r.message) for r in alone.results
    ]
    assert [r.status for r in again.results] == ["duplicate"] * 3
    assert len(extracted(tmp_path / "log")) == 6  # three stories, once per run above


def test_a_worker_killed_mid_ingest_loses_no_story(
    client: Client, twelve: list[Path], dev_dir: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "killed"
    gold = CountingGold(dev_dir / "gold", tmp_path / "log", kill_marker=marker)
    before = set(client.scheduler_info()["workers"])
    try:
        with Store.memory() as store:
            report = ingest_on_cluster(
                store, twelve, client, staging=tmp_path / "staging", extractor=gold,
                partition_size=3,
            )  # fmt: skip
            hashes = [a.content_hash for a in store.articles()]
            problems = store.check()
    finally:
        client.wait_for_workers(2)
    assert marker.exists()  # a worker did die, in the middle of a partition
    assert set(client.scheduler_info()["workers"]) != before  # and the nanny replaced it
    assert len(report.added) == 12 and not report.failed
    assert len(hashes) == len(set(hashes)) == 12
    assert problems == []
    assert sorted(extracted(tmp_path / "log")) == sorted(p.name for p in twelve)


class _InterruptedError(Exception):
    pass


def test_an_interrupted_run_resumes_from_its_staged_partitions(
    client: Client, twelve: list[Path], dev_dir: Path, tmp_path: Path
) -> None:
    staging = tmp_path / "staging"
    first_log, second_log = tmp_path / "first", tmp_path / "second"

    def stop_after_first_story(done: int, total: int, result: InputResult) -> None:
        if result.status == "added":
            raise _InterruptedError

    with Store.open(tmp_path / "store.duckdb") as store:
        with pytest.raises(_InterruptedError):
            ingest_on_cluster(
                store, twelve, client, stop_after_first_story, staging=staging,
                extractor=CountingGold(dev_dir / "gold", first_log), partition_size=4,
            )  # fmt: skip
        _quiet(client)
        stored = {a.content_hash for a in store.articles()}
        staged = {s.content_hash for f in staging.glob("*.parquet") for s in read_staged(f)}
        plans: list[IngestPlan] = []
        report = ingest_on_cluster(
            store, twelve, client, staging=staging,
            extractor=CountingGold(dev_dir / "gold", second_log), partition_size=4,
            on_plan=plans.append,
        )  # fmt: skip
        hashes = [a.content_hash for a in store.articles()]
        problems = store.check()
    assert len(stored) == 1  # the first run stored one story and stopped
    assert plans[0].reused >= 1  # the partition it was merging was staged
    # the second run extracted exactly the stories neither stored nor staged
    n_left = sum(1 for h in hashes if h not in stored and h not in staged)
    assert len(extracted(second_log)) == n_left < 12 - 1
    assert len(report.added) == 11 and len(report.duplicates) == 1 and not report.failed
    assert len(hashes) == len(set(hashes)) == 12
    assert problems == []


@pytest.mark.slow
def test_a_window_smaller_than_the_run_gives_the_same_store(
    client: Client, twelve: list[Path], tmp_path: Path
) -> None:
    with Store.memory() as single:
        ingest_paths(single, twelve)
        expected = _stored(single)
    plans: list[IngestPlan] = []
    with Store.open(tmp_path / "store.duckdb") as store:
        report = ingest_on_cluster(
            store, twelve, client, partition_size=2, read_chunk=3, max_in_flight=2,
            on_plan=plans.append,
        )  # fmt: skip
        assert _stored(store) == expected
        assert store.check() == []
    assert len(report.added) == 12
    assert plans == [IngestPlan(partitions=6, computed=6, reused=0, skipped=0)]


class _CountingClient:
    """The session's client, counting the extraction tasks submitted."""

    def __init__(self, client: Client, on_extract: Callable[[], None]) -> None:
        self._client = client
        self._on_extract = on_extract

    def submit(self, fn: Callable[..., object], *args: object, **kwargs: object) -> object:
        if str(kwargs.get("key", "")).startswith("tariffscope-extract-"):
            self._on_extract()
        return self._client.submit(fn, *args, **kwargs)

    def __getattr__(self, name: str) -> object:
        return getattr(self._client, name)


def test_no_more_than_k_partitions_are_held(
    client: Client, twelve: list[Path], dev_dir: Path, tmp_path: Path
) -> None:
    limit = 3
    submitted = merged = most = 0

    def on_extract() -> None:
        nonlocal submitted, most
        submitted += 1
        most = max(most, submitted - merged)  # submitted, not yet merged: held by the driver
        assert submitted - merged <= limit

    def progress(done: int, total: int, result: InputResult) -> None:
        nonlocal merged
        if result.status == "added":  # one story a partition: a story added, a partition merged
            merged += 1

    gold = CountingGold(dev_dir / "gold", tmp_path / "log")
    with Store.memory() as store:
        report = ingest_on_cluster(
            store, twelve, _CountingClient(client, on_extract), progress,  # type: ignore[arg-type]
            staging=tmp_path / "staging", extractor=gold, partition_size=1, max_in_flight=limit,
        )  # fmt: skip
        hashes = [a.content_hash for a in store.articles()]
    assert len(report.added) == 12 and submitted == 12
    assert most == limit  # the window was full, never over
    assert len(hashes) == len(set(hashes)) == 12


def test_a_bound_below_one_is_refused(client: Client, twelve: list[Path]) -> None:
    with Store.memory() as store, pytest.raises(ValueError, match="max_in_flight"):
        ingest_on_cluster(store, twelve, client, staging=Path("unused"), max_in_flight=0)
