"""Benchmark: ingest and effective rates on a Dask LocalCluster against one process.

Measured in one run on this machine:

- **ingest**: a SYNTHETIC corpus of ``--stories`` stories (default 2,000) built from the 30
  real development stories (``../shared/articles/dev``): story ``i`` is development story
  ``i mod 30`` with one numbered line appended (``[synthetic copy i ...]``), so every story
  has its own content hash and is extracted. Ingested into a fresh DuckDB file by
  ``ingest_paths`` (one process, the pipeline loaded before the timing: warm) and by
  ``ingest_on_cluster`` on a LocalCluster of 1 and of 2 worker processes (each worker's
  pipeline loaded before the timing with ``client.run``: warm; the cluster's start and that
  load are reported apart, cold). Scaling efficiency =
  speed-up / workers, the 1-worker cluster as the base.
- **Dask overhead**: 10 stories, one process against the warm 2-worker cluster.
- **etr**: ``effective_rates`` for every day of 2025 x every partner, in process against the
  distinct laws mapped over 1 and 2 workers (``law_mapper``); the first run on a new cluster
  (cold: each worker loads the trade table, schedule and catalog) and a second (warm). The
  in-process run is split into the distinct laws (the mapper's time) and the driver's part
  (segments, the SMART response per period, filling days x partners).
- **simulate**: ``simulate(partner=..., draws=--draws)`` (default 100,000; ``--quick``
  20,000), in process against its batches of draws (``DRAW_BATCH``) mapped over 1 and 2
  workers (``client_mapper``), cold (first on the cluster: the shared problem shipped to each
  worker, its modules imported) and warm; the results are checked equal, bit for bit. Also a
  small job (one batch of 250 draws), warm, for the Dask overhead.

Run: ``python bench/bench_distributed.py [--stories N] [--json PATH]`` (``--quick``: 200
stories, 20,000 draws); ``--no-ingest``, ``--no-etr``, ``--no-simulate`` leave parts out. The
machine has 2 cores shared with other sessions: the load average is printed with the results.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from tariffscope.api import simulate
from tariffscope.config import shared_dir
from tariffscope.distributed import client_mapper, cluster_client, ingest_on_cluster, law_mapper
from tariffscope.impact.etr import effective_rates
from tariffscope.impact.etr.series import serial_laws
from tariffscope.news.pipeline import load_pipeline
from tariffscope.store import Store
from tariffscope.tracker import ingest_paths


def synthetic_corpus(dev: Path, folder: Path, n: int) -> list[Path]:
    """``n`` SYNTHETIC stories: development story ``i mod 30`` plus a numbered line."""
    stories = sorted(p for p in dev.iterdir() if p.suffix == ".txt")
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        source = stories[i % len(stories)]
        text = source.read_text(encoding="utf-8").rstrip("\n")
        path = folder / f"synthetic-{i:06d}-{source.name}"
        path.write_text(f"{text}\n\n[synthetic copy {i} of {source.name}]\n", encoding="utf-8")
        out.append(path)
    return out


def _timed(run: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    result = run()
    return time.perf_counter() - t0, result


def _load_pipeline() -> None:
    """Load the news pipeline in this process (a worker, by ``client.run``)."""
    load_pipeline()


def _ingest_alone(files: list[Path], db: Path) -> float:
    with Store.open(db) as store:
        seconds, report = _timed(lambda: ingest_paths(store, files))
    assert len(report.added) == len(files), [r.message for r in report.failed]
    return seconds


def _ingest_cluster(client: Any, files: list[Path], db: Path) -> float:
    with Store.open(db) as store:
        seconds, report = _timed(lambda: ingest_on_cluster(store, files, client))
    assert len(report.added) == len(files), [r.message for r in report.failed]
    return seconds


def _ingest(results: dict[str, Any], n: int) -> None:
    dev = shared_dir(required=True) / "articles" / "dev"
    work = Path(tempfile.mkdtemp(prefix="bench-distributed-"))
    results["stories"] = n
    try:
        files = synthetic_corpus(dev, work / "corpus", n)
        small = files[:10]
        load_pipeline()
        results["alone_s"] = _ingest_alone(files, work / "alone.duckdb")
        results["alone_10_s"] = _ingest_alone(small, work / "alone10.duckdb")
        for workers in (1, 2):
            t0 = time.perf_counter()
            with cluster_client(f"local:{workers}") as client:
                client.wait_for_workers(workers)
                start = time.perf_counter() - t0
                warm, _ = _timed(lambda c=client: c.run(_load_pipeline))
                results[f"cluster{workers}"] = {
                    "start_s": start,
                    "pipeline_load_s": warm,
                    "ingest_s": _ingest_cluster(client, files, work / f"c{workers}.duckdb"),
                }
                if workers == 2:
                    results["cluster2"]["ingest_10_s"] = _ingest_cluster(
                        client, small, work / "c10.duckdb"
                    )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    one, two = results["cluster1"]["ingest_s"], results["cluster2"]["ingest_s"]
    results["speedup_2_over_1"] = one / two
    results["efficiency_2"] = one / two / 2
    results["alone_over_cluster2"] = results["alone_s"] / two


def _etr(results: dict[str, Any]) -> None:
    year = ("2025-01-01", "2025-12-31")
    effective_rates(*year)  # the process's data loaded: the in-process run is warm
    laws_s = 0.0

    def timed_laws(rates: Any, days: Any) -> Any:
        nonlocal laws_s
        seconds, found = _timed(lambda: serial_laws(rates, days))
        laws_s += seconds
        return found

    results["etr_alone_s"], frame = _timed(lambda: effective_rates(*year, map_laws=timed_laws))
    results["etr_alone_laws_s"] = laws_s
    results["etr_alone_driver_s"] = results["etr_alone_s"] - laws_s
    results["etr_rows"] = len(frame)
    for workers in (1, 2):
        with cluster_client(f"local:{workers}") as client:
            client.wait_for_workers(workers)
            mapper = law_mapper(client)
            cold, _ = _timed(lambda m=mapper: effective_rates(*year, map_laws=m))
            warm, again = _timed(lambda m=mapper: effective_rates(*year, map_laws=m))
            assert again.equals(frame)
            results[f"etr_cluster{workers}"] = {"cold_s": cold, "warm_s": warm}


SIMULATE = {"partner": "VNM", "date": "2025-08-15", "seed": 7}


def _samples(result: Any) -> np.ndarray:
    return np.asarray(result.outcome.monte_carlo.samples["imports_focus_change_pct"])


def _simulate(results: dict[str, Any], draws: int) -> None:
    simulate(**SIMULATE, draws=250)  # data loaded: the in-process runs are warm
    results["simulate_draws"] = draws
    results["simulate_alone_s"], alone = _timed(lambda: simulate(**SIMULATE, draws=draws))
    results["simulate_alone_250_s"], small = _timed(lambda: simulate(**SIMULATE, draws=250))
    for workers in (1, 2):
        with cluster_client(f"local:{workers}") as client:
            client.wait_for_workers(workers)
            on = client_mapper(client)
            cold, _ = _timed(lambda m=on: simulate(**SIMULATE, draws=draws, map_draws=m))
            warm, spread = _timed(lambda m=on: simulate(**SIMULATE, draws=draws, map_draws=m))
            assert np.array_equal(_samples(spread), _samples(alone))
            small_s, one = _timed(lambda m=on: simulate(**SIMULATE, draws=250, map_draws=m))
            assert np.array_equal(_samples(one), _samples(small))
            results[f"simulate_cluster{workers}"] = {
                "cold_s": cold,
                "warm_s": warm,
                "warm_250_s": small_s,
            }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--quick", action="store_true", help="200 stories, 20,000 draws")
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--no-ingest", action="store_true")
    parser.add_argument("--no-etr", action="store_true")
    parser.add_argument("--no-simulate", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    n = 200 if args.quick else args.stories
    results: dict[str, Any] = {"load_before": os.getloadavg()}
    if not args.no_ingest:
        _ingest(results, n)
    if not args.no_etr:
        _etr(results)
    if not args.no_simulate:
        _simulate(results, 20_000 if args.quick else args.draws)
    results["load_after"] = os.getloadavg()
    text = json.dumps(results, indent=1)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
