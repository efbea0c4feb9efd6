"""Benchmark: the tariff law for every HTS8 line x 60 origins on one date.

Compares, in the same run:

- the vectorized path (``resolve_lines``: one stacking pass per origin over all lines, product
  scope masks shared across origins), on all HTS8 lines x 60 origins;
- a plain per-line loop calling ``resolve`` for each (line, origin) pair, timed on a random
  sample of pairs (the full loop would take minutes) and scaled to the same number of pairs.

Both give the same totals (checked on the sample). Run: ``python bench/bench_regime.py [DATE]``.
The catalog is loaded (and cached) before timing; start-up is timed separately.
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np

from tariffscope.domain.countries import _table
from tariffscope.regime import default_catalog, load_schedule, resolve, resolve_lines

ORIGINS_N = 60
SAMPLE_PAIRS = 1500
REPEATS = 5


def main(day: str = "2025-08-20") -> None:
    started = time.perf_counter()
    schedule = load_schedule()
    default_catalog()
    startup = time.perf_counter() - started

    rng = np.random.default_rng(20250718)
    countries = sorted(code for code in _table() if code not in ("USA",))
    origins = [str(c) for c in rng.choice(countries, size=ORIGINS_N, replace=False)]
    resolve_lines(origins[:2], day)  # warm up imports and caches

    vector_times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        table = resolve_lines(origins, day)
        vector_times.append(time.perf_counter() - t0)
    pairs = table.total.size

    lines = rng.integers(0, len(schedule.hts8), size=SAMPLE_PAIRS)
    columns = rng.integers(0, ORIGINS_N, size=SAMPLE_PAIRS)
    t0 = time.perf_counter()
    for i, j in zip(lines.tolist(), columns.tolist(), strict=True):
        single = resolve(str(schedule.hts8[i]), origins[j], day)
        assert abs(single.total - table.total[i, j]) < 1e-12, (schedule.hts8[i], origins[j])
    loop_per_pair = (time.perf_counter() - t0) / SAMPLE_PAIRS

    vector = statistics.median(vector_times)
    loop_total = loop_per_pair * pairs
    print(f"date {day}: {len(schedule.hts8)} HTS8 lines x {ORIGINS_N} origins = {pairs} pairs")
    print(f"start-up (schedule + cached catalog): {startup * 1000:.0f} ms")
    print(
        f"vectorized: median {vector * 1000:.0f} ms over {REPEATS} runs "
        f"(min {min(vector_times) * 1000:.0f} ms)"
    )
    print(
        f"per-line loop: {loop_per_pair * 1e6:.0f} us per pair on {SAMPLE_PAIRS} sampled pairs "
        f"-> {loop_total:.0f} s for all pairs"
    )
    print(f"ratio (loop / vectorized): {loop_total / vector:.0f}x")


if __name__ == "__main__":
    main(*sys.argv[1:])
