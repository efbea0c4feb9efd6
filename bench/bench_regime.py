"""Benchmark: the tariff law for every HTS8 line x 60 origins on one date, cold and warm.

Compares, in the same run:

- ``resolve_lines`` (one stacking pass per distinct origin signature over all lines, product
  masks shared across origins), timed in three states, each named in the output:

  * **cold**: nothing computed before: the recent-answer cache, the memo of line arrays,
    base rates and duty columns, the product-scope masks of the schedule's lines (and their
    copy in the user cache is not read) and the schedule's derived arrays (Special and Column 2
    rates) are cleared, and the catalog is reloaded from the user cache, so its product scopes
    have no arrays yet (loading the catalog and the schedule is the start-up line, not timed
    here);
  * **warm**: every in-process cache cleared as for cold (answers, memo, masks), but the
    schedule's derived arrays kept and the product masks read from the user cache
    (``regime/_mask_cache.py``): what a new date or scenario costs in a running brief, and
    about what the first law of a new process costs with the user cache warm;
  * **cached answer**: the same call repeated (a dictionary look-up; shown, not compared);

- a plain per-line loop calling ``resolve`` for each (line, origin) pair, timed on a random
  sample of pairs (the full loop would take half an hour) and scaled to the same number of
  pairs. ``resolve`` keeps no answers, so the loop does all its work every time.

Both are run without claims and with every preference programme claimed (a claim set applies to
every origin; the programmes each origin is eligible for change its base rates). The sampled
pairs are checked to give the same totals. Run: ``python bench/bench_regime.py [DATE]``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence

import numpy as np

from tariffscope.domain.countries import _table
from tariffscope.regime import default_catalog, load_schedule, resolve, resolve_lines
from tariffscope.regime.vectorized import clear_caches

ORIGINS_N = 60
SAMPLE_PAIRS = 1500
REPEATS = 5


def _median_ms(run: Callable[[], object], prepare: Callable[[], object]) -> tuple[float, float]:
    """Median and minimum of REPEATS timed runs, ``prepare`` (untimed) before each."""
    times = []
    for _ in range(REPEATS):
        prepare()
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, min(times) * 1000


def _cold() -> None:
    clear_caches(load_schedule(), stored_masks=False)
    default_catalog.cache_clear()
    default_catalog()  # fresh catalog objects from the user cache (not timed)


def _loop_ms_per_pair(
    origins: Sequence[str], day: str, claims: tuple[str, ...], total: np.ndarray
) -> float:
    schedule = load_schedule()
    rng = np.random.default_rng(20250718)
    lines = rng.integers(0, len(schedule.hts8), size=SAMPLE_PAIRS)
    columns = rng.integers(0, len(origins), size=SAMPLE_PAIRS)
    t0 = time.perf_counter()
    for i, j in zip(lines.tolist(), columns.tolist(), strict=True):
        single = resolve(str(schedule.hts8[i]), origins[j], day, claims=claims)
        assert abs(single.total - total[i, j]) < 1e-12, (schedule.hts8[i], origins[j], claims)
    return (time.perf_counter() - t0) / SAMPLE_PAIRS * 1000


def main(day: str = "2025-08-20") -> None:
    started = time.perf_counter()
    schedule = load_schedule()
    catalog = default_catalog()
    startup = time.perf_counter() - started

    rng = np.random.default_rng(20250718)
    countries = sorted(code for code in _table() if code != "USA")
    origins = [str(c) for c in rng.choice(countries, size=ORIGINS_N, replace=False)]
    resolve("8703.23.01", "JPN", day)  # imports of the single-line path
    pairs = len(schedule.hts8) * ORIGINS_N
    print(f"date {day}: {len(schedule.hts8)} HTS8 lines x {ORIGINS_N} origins = {pairs} pairs")
    print(f"start-up (schedule + validated catalog from the user cache): {startup * 1000:.0f} ms")

    for label, claims in (("no claims", ()), ("all programmes claimed", tuple(catalog.programmes))):
        cold, cold_min = _median_ms(lambda c=claims: resolve_lines(origins, day, claims=c), _cold)
        warm, warm_min = _median_ms(
            lambda c=claims: resolve_lines(origins, day, claims=c),
            lambda: clear_caches(),  # in-process caches; masks from the user cache
        )
        table = resolve_lines(origins, day, claims=claims)
        cached, _ = _median_ms(lambda c=claims: resolve_lines(origins, day, claims=c), lambda: 0)
        loop_ms = _loop_ms_per_pair(origins, day, claims, table.total)
        loop_total_ms = loop_ms * pairs
        preferential = 0 if table.preference is None else int((table.preference != "").sum())
        print(f"\n[{label}] {preferential} line x origin pairs take a programme's Special rate")
        print(f"  cold resolve_lines: median {cold:.0f} ms (min {cold_min:.0f}) over {REPEATS}")
        print(f"  warm resolve_lines: median {warm:.0f} ms (min {warm_min:.0f}) over {REPEATS}")
        print(f"  cached answer (repeat of the same call): median {cached:.3f} ms (not compared)")
        print(
            f"  per-line loop: {loop_ms:.2f} ms per pair on {SAMPLE_PAIRS} sampled pairs"
            f" -> {loop_total_ms / 1000:.0f} s for all pairs"
        )
        print(
            f"  ratio (loop / cold): {loop_total_ms / cold:,.0f}x;"
            f" ratio (loop / warm): {loop_total_ms / warm:,.0f}x"
        )


if __name__ == "__main__":
    main(*sys.argv[1:])
