"""Load on ``tariffscope serve`` (not a test): concurrent readers, with and without a writer.

Starts the server in a subprocess on loopback with a fresh store, ingests the seed story
once (warm-up: loads the news pipeline), then runs two phases of the same mixed reads
(health, board, a pair's state and timeline, a duty, the catalog for a partner):

1. baseline: ``--clients`` readers for ``--seconds``, no writer;
2. reads while writing: the same readers plus one writer posting synthetic variants of the
   seed story (its text plus a numbered update line), one job at a time.

Reports p50/p95 latency per phase, errors (any non-2xx or transport error; must be 0) and
stories lost (posted and acknowledged but not in the store at the end; must be 0). The
stories are synthetic (variants of examples/ishiba-bessent-2025-07-18.txt).

Usage: python bench/bench_serve.py [--clients 20] [--seconds 30]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

SEED = Path(__file__).resolve().parents[1] / "examples" / "ishiba-bessent-2025-07-18.txt"
TOKEN = "bench-token"
READS = [
    "/health",
    "/api/negotiations",
    "/api/negotiations/USA-JPN",
    "/api/negotiations/USA-JPN/timeline",
    "/api/rate?hts=8703.23.01&origin=JPN&date=2025-07-18",
    "/api/measures?origin=JPN&on=2025-07-18",
]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TARIFFSCOPE_TOKEN": TOKEN}
    code = "from tariffscope.cli import main; main()"
    command = [sys.executable, "-c", code, "serve", "--db", str(db), "--port", str(port)]
    return subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)


def _wait_job(client: httpx.Client, job_id: str) -> dict:
    while True:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] not in ("queued", "running"):
            return job
        time.sleep(0.1)


def _story(i: int) -> dict:
    return {"text": SEED.read_text(encoding="utf-8") + f"\nUpdate {i}: talks continue.\n"}


def _readers(url: str, clients: int, seconds: float) -> tuple[list[float], int, int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def run(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        mine: list[float] = []
        bad = 0
        with httpx.Client(base_url=url, timeout=60) as client:
            while time.monotonic() < end:
                path = rng.choice(READS)
                start = time.perf_counter()
                try:
                    ok = client.get(path).status_code == 200
                except httpx.HTTPError:
                    ok = False
                mine.append(time.perf_counter() - start)
                bad += not ok
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, len(latencies)


def _summary(name: str, latencies: list[float], errors: int, n: int, seconds: float) -> str:
    q = statistics.quantiles(latencies, n=100)
    return (
        f"{name}: {n} requests ({n / seconds:.0f}/s), p50 {1000 * q[49]:.1f} ms, "
        f"p95 {1000 * q[94]:.1f} ms, errors {errors}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = _start(folder / "store.duckdb", port)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    try:
        with httpx.Client(base_url=url, timeout=120) as client:
            for _ in range(600):
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            t0 = time.perf_counter()
            job = client.post("/api/ingest", json={"stories": [_story(0)]}, headers=auth).json()
            _wait_job(client, job["id"])
            print(
                f"warm-up ingest (cold: loads the news pipeline): {time.perf_counter() - t0:.1f} s"
            )
            client.get("/vendor/vega-bundle.js")

        lat, err, n = _readers(url, args.clients, args.seconds)
        print(_summary(f"baseline, {args.clients} readers, no writer", lat, err, n, args.seconds))

        acknowledged: list[int] = []
        writer_errors = 0
        stop = threading.Event()

        def writer() -> None:
            nonlocal writer_errors
            i = 1
            with httpx.Client(base_url=url, timeout=120) as client:
                while not stop.is_set():
                    try:
                        r = client.post("/api/ingest", json={"stories": [_story(i)]}, headers=auth)
                        job = _wait_job(client, r.json()["id"])
                        if job["added"] == 1:
                            acknowledged.append(i)
                        else:
                            writer_errors += 1
                    except (httpx.HTTPError, KeyError):
                        writer_errors += 1
                    i += 1

        thread = threading.Thread(target=writer)
        thread.start()
        lat, err, n = _readers(url, args.clients, args.seconds)
        stop.set()
        thread.join()
        print(_summary(f"reads while writing, {args.clients} readers", lat, err, n, args.seconds))
        with httpx.Client(base_url=url, timeout=60) as client:
            stored = client.get("/health").json()["articles"]
        lost = 1 + len(acknowledged) - stored
        print(
            f"writer: {len(acknowledged)} stories stored in {args.seconds:g} s, "
            f"writer errors {writer_errors}, stories lost {lost} (store holds {stored})"
        )
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
