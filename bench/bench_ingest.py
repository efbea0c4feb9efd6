"""Benchmark: ingest throughput on the development set (30 stories, ../shared/articles/dev).

Measured in one run, each on a fresh DuckDB file in a temporary folder:

- **cold**: a new process loads spaCy and the pipeline, then ingests the 30 stories (timed by
  the parent, from process start to exit: what a user waits for);
- **ingest**: the same in-process with the pipeline already loaded (batches of 4);
- **baseline, pipeline alone**: ``extract_many`` over the same 30 articles, nothing stored
  (the ratio ingest / baseline is the cost of reading, hashing, assigning and storing);
- **store alone**: the gold records instead of the pipeline (the store's write rate);
- **re-ingest**: the 30 stories again (all duplicates: read and hash, nothing extracted);
- **state**: ``negotiation_state`` for the pair with most stories.

Run: ``python bench/bench_ingest.py [REPEATS]`` (median of the repeats, default 3; ingest,
pipeline alone and store alone alternate within each repeat).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tariffscope.config import shared_dir
from tariffscope.domain.news import Extraction
from tariffscope.news.api import extract_many
from tariffscope.news.ingest import Article, read_article
from tariffscope.news.pipeline import load_pipeline
from tariffscope.store import Store
from tariffscope.tracker import ingest_paths, negotiation_state


def _median(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _interleaved(runs: Sequence[Callable[[], object]], repeats: int) -> list[float]:
    """Median time of each run, the runs alternating within every repeat (so that a busy
    moment of the shared machine hits them alike)."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeats):
        for k, run in enumerate(runs):
            t0 = time.perf_counter()
            run()
            times[k].append(time.perf_counter() - t0)
    return [statistics.median(t) for t in times]


def main(repeats: int = 3) -> None:
    base = shared_dir(required=True)
    assert base is not None
    dev = base / "articles" / "dev"
    files = sorted(dev.glob("*.txt"))
    gold_dir = dev / "gold"
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    counter = iter(range(10_000))

    def fresh() -> Store:
        return Store.open(work / f"s{next(counter)}.duckdb")

    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from tariffscope.cli import main; main()",
            "ingest",
            str(dev),
            "--db",
            str(work / "cold.duckdb"),
        ],
        check=True,
        capture_output=True,
    )
    cold = time.perf_counter() - t0

    load_pipeline()
    articles = [read_article(f) for f in files]
    list(extract_many(articles[:2]))  # warm up

    def ingest() -> None:
        with fresh() as store:
            report = ingest_paths(store, [dev])
            assert len(report.added) == 30

    def pipeline_alone() -> None:
        assert len(list(extract_many([read_article(f) for f in files]))) == 30

    def gold(batch: Sequence[Article]) -> list[Extraction]:
        return [
            Extraction.from_dict(
                json.loads((gold_dir / f"{Path(a.source).stem}.json").read_text(encoding="utf-8"))
            )
            for a in batch
        ]

    def store_alone() -> None:
        with fresh() as store:
            assert len(ingest_paths(store, [dev], extractor=gold).added) == 30

    t_ingest, t_pipeline, t_store = _interleaved([ingest, pipeline_alone, store_alone], repeats)
    with fresh() as store:
        ingest_paths(store, [dev])
        t_again = _median(lambda: ingest_paths(store, [dev]), repeats)
        pair = store.negotiations()[0].parties
        t_state = _median(lambda: negotiation_state(store, pair), repeats)

    n = len(files)
    rows = [
        ("cold (new process, model load + 30 stories)", cold, n / cold),
        ("ingest, pipeline loaded", t_ingest, n / t_ingest),
        ("baseline: pipeline alone, nothing stored", t_pipeline, n / t_pipeline),
        ("store alone (gold records, no NLP)", t_store, n / t_store),
        ("re-ingest (30 duplicates)", t_again, n / t_again),
    ]
    print(f"{n} stories, median of {repeats}")
    for name, seconds, rate in rows:
        print(f"{name:48s} {seconds:7.2f} s  {rate:7.1f} stories/s")
    print(f"ingest / pipeline alone: {t_ingest / t_pipeline:.2f}x")
    print(f"negotiation_state({'-'.join(pair)}): {1000 * t_state:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
