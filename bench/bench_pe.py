"""Benchmarks of the partial-equilibrium engines, every baseline measured in the same run.

1. SMART on 11 million product x partner rows of **synthetic** data shaped like CEPII BACI
   (226 countries, 5,000 HS6 products, one market per importer x product, a heavy-tailed number
   of partners per market and heavy-tailed values): the exact CES and linearized forms
   (target: under 3 s), against a pandas row-wise implementation (``DataFrame.apply`` over
   rows, timed on a sample and scaled linearly to 11 million rows, because it would take tens
   of minutes) and against a vectorised pandas implementation (groupby/transform) on all rows.
2. 1,000 Monte Carlo draws on the sector baseline (target: under 1 s), against a Python loop
   that runs the sector model once per draw.
3. The partner axis (docs/models.md, "Partner axis"): for several partners and outcomes of the
   tariff law, the headline numbers and the time of 500 Monte Carlo draws with the focus, the
   ``K`` largest other suppliers as columns and the rest as one group, against every one of
   the ~224 partners as its own column (the exact answer of the sector model).

Run: ``python bench/bench_pe.py [repeats]`` (writes ``bench/out/bench_pe.json``). The first
repetition of each timing is a warm-up and is not counted (the first touch of large arrays
is slow on this virtual machine).
"""

from __future__ import annotations

import json
import logging
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from tariffscope.impact.pe import (
    SmartInputs,
    load_sector_baseline,
    simulate_sectors,
    simulate_smart,
)
from tariffscope.impact.uncertainty import draw_lognormal, monte_carlo_sectors

HERE = Path(__file__).resolve().parent
ROWS = 11_000_000
COUNTRIES = 226
PRODUCTS = 5_000
ROWWISE_SAMPLE = 100_000


def timed(func: Callable[[], Any], repeats: int) -> tuple[float, list[float], Any]:
    """Median wall time over ``repeats`` runs after one warm-up run."""
    value = func()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        value = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, value


def synthetic_baci(seed: int = 2024) -> tuple[SmartInputs, pd.DataFrame]:
    """11M rows shaped like BACI: importer x product markets with heavy-tailed partner counts."""
    rng = np.random.default_rng(seed)
    markets = COUNTRIES * PRODUCTS
    # partners per market: 1 + negative binomial (mean about 9.7, long right tail), scaled to ROWS
    counts = 1 + rng.negative_binomial(0.6, 0.6 / (0.6 + 8.7), size=markets)
    counts = np.minimum(counts, COUNTRIES - 1)
    excess = int(counts.sum()) - ROWS
    if excess > 0:  # trim the largest markets until the total is exact
        order = np.argsort(-counts)
        trim = np.zeros(markets, dtype=np.int64)
        np.add.at(trim, order[np.arange(excess) % markets], 1)
        counts = np.maximum(counts - trim, 1)
    market = np.repeat(np.arange(markets, dtype=np.int64), counts)[:ROWS]
    if market.size < ROWS:
        market = np.concatenate([market, rng.integers(0, markets, ROWS - market.size)])
        market.sort()
    importer = market // PRODUCTS
    exporter = (importer + rng.integers(1, COUNTRIES, ROWS)) % COUNTRIES
    value = np.exp(rng.normal(9.0, 2.6, ROWS)) * (1.0 + rng.pareto(1.1, ROWS))  # US$, heavy tail
    tariff0 = np.where(rng.random(ROWS) < 0.35, 0.0, rng.gamma(1.5, 0.05, ROWS))
    shocked = exporter == 117  # one exporter faces +15 points everywhere
    shocked |= rng.random(ROWS) < 0.05  # and 5% of all rows change at random
    tariff1 = tariff0 + np.where(shocked, 0.15, 0.0)
    eta = np.exp(rng.normal(np.log(1.1), 0.4, markets))
    sigma = np.exp(rng.normal(np.log(1.75), 0.3, markets))
    inputs = SmartInputs(
        market=market,
        value=value,
        tariff0=tariff0,
        tariff1=tariff1,
        import_demand=eta,
        substitution=sigma,
        export_supply=np.full(ROWS, np.inf),
    )
    frame = pd.DataFrame(
        {
            "market": market,
            "value": value,
            "tariff0": tariff0,
            "tariff1": tariff1,
            "eta": eta[market],
            "sigma": sigma[market],
        }
    )
    return inputs, frame


def pandas_vectorised(frame: pd.DataFrame) -> pd.Series:
    """Exact CES with fixed world prices in idiomatic vectorised pandas (groupby/transform)."""
    f = frame
    ln_t = np.log((1 + f["tariff1"]) / (1 + f["tariff0"]))
    spend = f["value"] * (1 + f["tariff0"])
    share = spend / spend.groupby(f["market"]).transform("sum")
    term = share * np.exp((1 - f["sigma"]) * ln_t)
    ln_p = np.log(term.groupby(f["market"]).transform("sum")) / (1 - f["sigma"])
    ln_q = (f["sigma"] - f["eta"]) * ln_p - f["sigma"] * ln_t
    return f["value"] * np.exp(ln_q)


def pandas_rowwise(frame: pd.DataFrame) -> pd.Series:
    """The same model with a row-wise ``DataFrame.apply`` (market sums by groupby first)."""
    f = frame.copy()
    f["spend"] = f["value"] * (1 + f["tariff0"])
    totals = f.groupby("market")["spend"].sum()

    def term(row: pd.Series) -> float:
        share = row["spend"] / totals[row["market"]]
        return float(share * ((1 + row["tariff1"]) / (1 + row["tariff0"])) ** (1 - row["sigma"]))

    f["term"] = f.apply(term, axis=1)
    index = f.groupby("market")["term"].sum()

    def new_value(row: pd.Series) -> float:
        price = index[row["market"]] ** (1 / (1 - row["sigma"]))
        own = (1 + row["tariff1"]) / (1 + row["tariff0"])
        return float(row["value"] * price ** (row["sigma"] - row["eta"]) * own ** (-row["sigma"]))

    return f.apply(new_value, axis=1)


def bench_smart(repeats: int) -> dict[str, Any]:
    inputs, frame = synthetic_baci()
    exact, exact_all, result = timed(lambda: simulate_smart(inputs), repeats)
    linear, linear_all, _ = timed(lambda: simulate_smart(inputs, method="smart_linear"), repeats)
    vectorised, _, pandas_value = timed(lambda: pandas_vectorised(frame), 1)
    np.testing.assert_allclose(result.value1, pandas_value.to_numpy(), rtol=1e-9)
    sample = frame[frame["market"] < frame["market"].iloc[ROWWISE_SAMPLE]].reset_index(drop=True)
    start = time.perf_counter()
    rowwise_value = pandas_rowwise(sample)
    rowwise_sample = time.perf_counter() - start
    np.testing.assert_allclose(rowwise_value.to_numpy(), result.value1[: len(sample)], rtol=1e-9)
    rowwise = rowwise_sample * ROWS / len(sample)
    finite = SmartInputs(
        market=inputs.market,
        value=inputs.value,
        tariff0=inputs.tariff0,
        tariff1=inputs.tariff1,
        import_demand=inputs.import_demand,
        substitution=inputs.substitution,
        export_supply=np.full(ROWS, 5.0),
    )
    supply, supply_all, finite_result = timed(lambda: simulate_smart(finite), repeats)
    return {
        "rows": ROWS,
        "markets": int(inputs.n_markets),
        "partners_per_market_max": int(np.bincount(inputs.market).max()),
        "exact_ces_s": exact,
        "exact_ces_runs_s": exact_all,
        "smart_linear_s": linear,
        "smart_linear_runs_s": linear_all,
        "exact_ces_finite_supply_s": supply,
        "exact_ces_finite_supply_runs_s": supply_all,
        "newton_iterations": finite_result.iterations,
        "pandas_vectorised_s": vectorised,
        "pandas_rowwise_sample_rows": len(sample),
        "pandas_rowwise_sample_s": rowwise_sample,
        "pandas_rowwise_scaled_s": rowwise,
    }


def bench_monte_carlo(repeats: int) -> dict[str, Any]:
    focus = "KOR"
    baseline = load_sector_baseline(focus)
    tariff0 = np.full(baseline.imports.shape, 0.10)
    tariff1 = tariff0.copy()
    tariff1[:, baseline.partner_index(focus)] = 0.25
    draws = 1000
    vectorised, vectorised_all, _ = timed(
        lambda: monte_carlo_sectors(baseline, tariff0, tariff1, focus=focus, draws=draws, seed=1),
        repeats,
    )

    def loop() -> list[float]:
        rng = np.random.default_rng(1)
        eta = draw_lognormal(baseline.import_demand, baseline.import_demand_log_sd, draws, rng)
        sigma = draw_lognormal(baseline.substitution, baseline.substitution_log_sd, draws, rng)
        out = []
        for d in range(draws):
            one = type(baseline)(
                **{**baseline.__dict__, "import_demand": eta[d], "substitution": sigma[d]}
            )
            outcome = simulate_sectors(one, tariff0, tariff1, focus=focus)
            out.append(outcome.headline["imports_focus_change_usd"])
        return out

    looped, _, _ = timed(loop, 1)
    return {
        "draws": draws,
        "rows_per_draw": int(baseline.imports.size),
        "vectorised_s": vectorised,
        "vectorised_runs_s": vectorised_all,
        "loop_s": looped,
    }


#: Outcomes of the partner-axis benchmark: focus, entry date, catalog measures enacted, as known.
AXIS_CASES: tuple[tuple[str, str, tuple[str, ...], str | None], ...] = (
    ("JPN", "2025-08-01", ("THREAT-JPN-25",), "2025-07-18"),
    ("KOR", "2025-08-08", (), None),
    ("EUN", "2025-09-16", (), None),
    ("VNM", "2025-05-15", (), None),
    ("CHN", "2025-04-15", (), None),
    ("BRA", "2025-08-08", (), None),
    ("MUS", "2025-08-08", (), None),
)
AXIS_SIZES = (0, 5, 10, 15, 20, 30)
AXIS_METRICS = (
    "imports_focus_change_usd",
    "imports_others_change_usd",
    "consumer_surplus_change_usd",
    "welfare_change_usd",
    "etr_total_after_pct",
)


def bench_partner_axis(repeats: int) -> dict[str, Any]:
    from tariffscope.impact.pe.law import sector_tariffs_at
    from tariffscope.regime.scenario import scenario_from_mapping

    results: dict[str, Any] = {}
    for focus, day, enact, as_known in AXIS_CASES:
        scenario = scenario_from_mapping({"name": "b", "enact": list(enact)}) if enact else None
        rows = {}
        exact: dict[str, float] = {}
        for explicit in (1000, *AXIS_SIZES[::-1]):
            baseline = load_sector_baseline(focus, explicit=explicit)
            before = sector_tariffs_at(baseline, "2025-01-01", as_known=as_known).rates
            after = sector_tariffs_at(baseline, day, scenario=scenario, as_known=as_known).rates
            headline = simulate_sectors(baseline, before, after, focus=focus).headline
            if not exact:
                exact = headline
            seconds, _, _ = timed(
                lambda b=baseline, t0=before, t1=after, f=focus: monte_carlo_sectors(
                    b, t0, t1, focus=f, draws=500, seed=1
                ),
                repeats,
            )
            key = "all" if explicit == 1000 else str(explicit)
            rows[key] = {
                "columns": len(baseline.partners),
                "monte_carlo_500_s": seconds,
                "relative_error": {
                    name: (headline[name] - exact[name]) / abs(exact[name])
                    for name in AXIS_METRICS
                    if exact[name]
                },
            }
        results[f"{focus} {day}" + (f" + {'+'.join(enact)}" if enact else "")] = rows
    return results


def main(repeats: int = 3) -> None:
    # the linear form warns about the few rows it drives negative; the timing ignores that
    logging.disable(logging.WARNING)
    results = {
        "smart": bench_smart(repeats),
        "monte_carlo": bench_monte_carlo(repeats),
        "partner_axis": bench_partner_axis(repeats),
    }
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_pe.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    s, m = results["smart"], results["monte_carlo"]
    lines = [
        f"SMART exact CES, {s['rows']:,} rows: {s['exact_ces_s']:.2f} s "
        f"(pandas row-wise {s['pandas_rowwise_scaled_s']:.0f} s scaled from "
        f"{s['pandas_rowwise_sample_rows']:,} rows: "
        f"{s['pandas_rowwise_scaled_s'] / s['exact_ces_s']:.0f}x; pandas vectorised "
        f"{s['pandas_vectorised_s']:.2f} s: {s['pandas_vectorised_s'] / s['exact_ces_s']:.1f}x)",
        f"SMART linear: {s['smart_linear_s']:.2f} s; exact with export supply 5: "
        f"{s['exact_ces_finite_supply_s']:.2f} s ({s['newton_iterations']} Newton steps)",
        f"Monte Carlo {m['draws']} draws: {m['vectorised_s']:.3f} s (loop {m['loop_s']:.2f} s: "
        f"{m['loop_s'] / m['vectorised_s']:.0f}x)",
    ]
    for case, rows in results["partner_axis"].items():
        for key, row in rows.items():
            worst = max(abs(v) for v in row["relative_error"].values())
            lines.append(
                f"axis {case}, {key} explicit ({row['columns']} columns): 500 draws "
                f"{row['monte_carlo_500_s']:.3f} s, largest headline error {100 * worst:.2f}%"
            )
    print("\n".join(lines))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
