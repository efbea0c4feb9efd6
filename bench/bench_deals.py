"""Benchmark of the deal space: a 26 x 12 grid of deals, warm starts against cold solves.

The grid is the founding story's (USA-JPN on the ICIO 2022 pair baseline, imbalances purged):
the US general rate 0-30% in 26 steps x the US rate on motor vehicles (ICIO C29) 0-27.5% in 12
steps, against the threat carried out (synthetic here: 25% added to MFN on every goods sector, so
the benchmark does not depend on the catalog). Timed in the same run, median of repeats:

* warm: :func:`tariffscope.impact.tradewar.deals.grid_of`, each solve started from its
  neighbour's equilibrium (the previous deal of the row; a row from the previous row's first);
* cold: the same 312 deals, each solved from the baseline (all ones), as a direct loop would
  (``grid_of(..., warm=False)``).

Both are timed after one untimed run (so they are warm in the sense of imports, data in memory
and NumPy caches; "cold" and "warm" here name the solver's starting point only). The first-ever
run, with the ICIO file read and the pair aggregated, is reported separately (``load_s``).

Run: ``python bench/bench_deals.py`` (writes ``bench/out/bench_deals.json`` and prints a table).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import numpy as np

from tariffscope.impact.tradewar.deals import DealSpace, Lever, grid_of
from tariffscope.impact.tradewar.icio import goods_sectors, pair_baseline

HERE = Path(__file__).resolve().parent
REPEATS = 5
GENERAL = np.linspace(0.0, 0.30, 26)
AUTOS = np.linspace(0.0, 0.275, 12)


def _space() -> tuple[DealSpace, float]:
    start = time.perf_counter()
    data = pair_baseline("USA", "JPN")
    load = time.perf_counter() - start
    goods = goods_sectors(data)
    general = Lever("general", "USA", "JPN", tuple(s for s in goods if s != "C29"))
    autos = Lever("autos", "USA", "JPN", ("C29",))
    threat = Lever("threat (synthetic)", "USA", "JPN", goods, "additional")
    return DealSpace(data, ("USA", "JPN"), general, autos, ((threat, 0.25),)), load


def _median(run: object) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    space, load = _space()
    grid_of(space, GENERAL, AUTOS)  # untimed: imports and caches
    grid_of(space, GENERAL, AUTOS, warm=False)
    warm = _median(lambda: grid_of(space, GENERAL, AUTOS))
    cold = _median(lambda: grid_of(space, GENERAL, AUTOS, warm=False))
    result = {
        "deals": int(GENERAL.size * AUTOS.size),
        "load_s": round(load, 3),
        "warm_s": round(warm, 3),
        "cold_s": round(cold, 3),
        "cold_over_warm": round(cold / warm, 2),
        "repeats": REPEATS,
    }
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "bench_deals.json").write_text(json.dumps(result, indent=1) + "\n")
    for key, value in result.items():
        print(f"{key:>16}: {value}")


if __name__ == "__main__":
    main()
