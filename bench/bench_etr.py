"""Benchmark: ``etr --by partner`` for every day of 2025 x every partner x every HTS8 line.

Compares, in the same run:

- :func:`tariffscope.impact.etr.effective_rates` over 1 January to 31 December 2025 for all
  partners with 2024 imports (and ALL): the law is resolved once per distinct set of active
  measures and the days in between are filled. Timed in two states, each named in the output:

  * **cold**: the law engine's recent answers, its product-scope masks and the schedule's
    derived arrays cleared, and the catalog reloaded from the user cache (its product scopes
    have no arrays yet); the trade table and the sector axis stay loaded (start-up, timed
    separately);
  * **warm**: the product masks and derived arrays kept, the answers forgotten (what a second
    series in a running process costs);

- a per-date loop: for each day, the same numbers computed on their own (resolve every line for
  every partner, sum by sector and partner, SMART against the reference law, which the loop
  resolves once), with the recent answers forgotten after each day so that the loop does the
  work for every day rather than read a cache. It is timed on a sample of days (two a month,
  fixed seed) and scaled to the 365 days; the sampled days are checked to give the series'
  numbers.

The peak resident memory of the process is read after the first (cold) series, before the loop.
Run: ``python bench/bench_etr.py``.
"""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable
from datetime import date

import numpy as np

from tariffscope.impact.etr import effective_rates, sector_axis
from tariffscope.impact.etr.rates import DEFAULT_LINE_RATES
from tariffscope.impact.etr.series import _law_of
from tariffscope.impact.etr.sums import law_sums
from tariffscope.impact.pe.law import DEFAULT_REFERENCE_DATE, forget_answers
from tariffscope.regime import default_catalog, load_schedule
from tariffscope.regime.vectorized import clear_caches

FIRST, LAST = date(2025, 1, 1), date(2025, 12, 31)
REPEATS = 3
SAMPLE_PER_MONTH = 2


def _median(run: Callable[[], object], prepare: Callable[[], object]) -> tuple[float, float]:
    times = []
    for _ in range(REPEATS):
        prepare()
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def _cold() -> None:
    forget_answers()
    clear_caches(load_schedule(), stored_masks=False)  # the user cache's masks not read
    default_catalog.cache_clear()
    default_catalog()


def _series() -> object:
    return effective_rates(FIRST, LAST)


def _loop_day(day: date, reference: object) -> np.ndarray:
    """ETR of every partner on one day, computed on its own."""
    axis = sector_axis()
    sums = law_sums(axis, DEFAULT_LINE_RATES(axis.trade, day))
    forget_answers()
    law = _law_of(axis, sums, reference, "hauk")  # type: ignore[arg-type]
    return np.asarray(100.0 * law.duties.sum(axis=0) / law.imports.sum(axis=0))


def main() -> None:
    started = time.perf_counter()
    axis = sector_axis()
    load_schedule()
    default_catalog()
    startup = time.perf_counter() - started
    days = (LAST - FIRST).days + 1
    lines, partners = axis.trade.values.shape
    print(f"2025: {days} days x {partners} partners (+ALL) x {lines} HTS8 lines")
    print(f"start-up (trade, sector axis, schedule, catalog; not timed below): {startup:.1f} s")

    cold, cold_min = _median(_series, _cold)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    warm, warm_min = _median(_series, forget_answers)
    frame = effective_rates(FIRST, LAST)
    laws = frame.loc[frame["partner"] == "ALL", "law_from"].nunique()

    rng = np.random.default_rng(20250718)
    sample = sorted(
        {
            date(2025, month, int(d))
            for month in range(1, 13)
            for d in rng.integers(1, 29, size=SAMPLE_PER_MONTH)
        }
    )
    _cold()
    reference_day = date.fromisoformat(DEFAULT_REFERENCE_DATE)
    reference = law_sums(axis, DEFAULT_LINE_RATES(axis.trade, reference_day))
    forget_answers()
    t0 = time.perf_counter()
    results = {day: _loop_day(day, reference) for day in sample}
    per_day = (time.perf_counter() - t0) / len(sample)
    by_day = frame[frame["partner"] != "ALL"].set_index(["date", "partner"])["etr_pct"]
    for day, etr in results.items():
        expected = by_day.loc[day].reindex(list(axis.trade.origins)).to_numpy()
        np.testing.assert_allclose(etr, expected, rtol=1e-9, equal_nan=True)
    loop_total = per_day * days

    print(f"rows: {len(frame)}; distinct laws resolved for the year: {laws}")
    print(f"peak resident memory after the cold series: {peak_mb:,.0f} MB")
    print(f"cold series: median {cold:.2f} s (min {cold_min:.2f}) over {REPEATS}")
    print(f"warm series: median {warm:.2f} s (min {warm_min:.2f}) over {REPEATS}")
    print(
        f"per-date loop: {per_day * 1000:.0f} ms per day on {len(sample)} sampled days "
        f"(product masks warm, answers forgotten each day) -> {loop_total:.0f} s for {days} days"
    )
    print(f"ratio (loop / cold series): {loop_total / cold:.1f}x")
    print(f"ratio (loop / warm series): {loop_total / warm:.1f}x")


if __name__ == "__main__":
    main()
