"""Benchmarks of the tariff-law -> GE link, with every baseline measured in the same run.

Timed here (median of repeats, wall clock):

1. the three Caliendo-Parro solves of a US-Japan brief (the reference law of 1 August 2025 from
   the 1993 baseline, then the 7 July letter and the deal from it), started from the cached
   residual Jacobian, against the same three solves started the default way (hybrid Powell
   with its own finite-difference Jacobian);
2. US tariffs by sector and exporter from the law (reference + two scenarios), in one process
   after the first call (schedule, catalog and line weights loaded);
3. ``economy_wide_effects`` for the brief's three outcomes, CP and gravity, warm in process;
4. the same in a fresh Python process ("cold": imports, schedule, catalog and line weights
   loaded again; the zero-surplus baseline and its Jacobian read from the user cache), against
   a fresh process that only imports numpy, pandas and scipy.optimize.

Run: ``python bench/bench_ge_law.py [REPEATS]`` (writes ``bench/out/bench_ge_law.json``).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tariffscope.impact.economy_wide import economy_wide_effects
from tariffscope.impact.multisector.law_link import (
    cp_baseline,
    cp_jacobian,
    cp_us_tariffs,
    rebase,
    tariffs_with_us,
)
from tariffscope.impact.multisector.solve import MSShock, solve
from tariffscope.regime import load_scenario

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples" / "scenarios"
LETTER = EXAMPLES / "japan-letter-25pct-from-2025-08-01.yaml"
DEAL = EXAMPLES / "japan-deal-15pct-from-2025-08-01.yaml"
DAY = "2025-08-01"
#: The parties of the founding case the benchmark times (the brief passes its own pair).
PARTIES = ("USA", "JPN")

COLD = f"""
import time
start = time.perf_counter()
from tariffscope.impact.economy_wide import economy_wide_effects
from tariffscope.regime import load_scenario
scenarios = {{"law": None, "letter": load_scenario({str(LETTER)!r}),
             "deal": load_scenario({str(DEAL)!r})}}
economy_wide_effects(scenarios, entry_date={DAY!r}, model=MODEL, parties={PARTIES!r})
print(time.perf_counter() - start)
"""
IMPORTS_ONLY = """
import time
start = time.perf_counter()
import numpy, pandas, scipy.optimize
print(time.perf_counter() - start)
"""


def timed(func: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    times, value = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        value = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def fresh(code: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def bench_solves(repeats: int) -> dict[str, float]:
    letter, deal = load_scenario(LETTER), load_scenario(DEAL)
    ref = cp_us_tariffs(DAY)
    outcomes = [cp_us_tariffs(DAY, scenario=s) for s in (letter, deal)]
    base, jac = cp_baseline(), cp_jacobian()

    def three(jacobian: Any) -> int:
        first = solve(base, MSShock(tariffs_with_us(base, ref)), jacobian=jacobian)
        start = rebase(first)
        evaluations = first.iterations
        for us in outcomes:
            result = solve(start, MSShock(tariffs_with_us(start, us)), jacobian=jacobian)
            evaluations += result.iterations
        return evaluations

    t_cached, n_cached = timed(lambda: three(jac), repeats)
    t_default, n_default = timed(lambda: three(None), repeats)
    t_tariffs, _ = timed(
        lambda: [cp_us_tariffs(DAY, scenario=s) for s in (None, letter, deal)], repeats
    )
    return {
        "cp_three_solves_cached_jacobian_s": t_cached,
        "cp_three_solves_cached_jacobian_evaluations": n_cached,
        "cp_three_solves_default_s": t_default,
        "cp_three_solves_default_evaluations": n_default,
        "ratio_default_over_cached": t_default / t_cached,
        "cp_tariffs_three_dates_warm_s": t_tariffs,
    }


def bench_effects(repeats: int) -> dict[str, float]:
    scenarios = {"law": None, "letter": load_scenario(LETTER), "deal": load_scenario(DEAL)}
    out: dict[str, float] = {}
    for model in ("cp", "gravity"):
        economy_wide_effects(scenarios, entry_date=DAY, model=model, parties=PARTIES)  # warm-up
        out[f"{model}_economy_wide_warm_s"], _ = timed(
            lambda m=model: economy_wide_effects(
                scenarios, entry_date=DAY, model=m, parties=PARTIES
            ),
            repeats,
        )
        out[f"{model}_economy_wide_cold_process_s"] = fresh(
            COLD.replace("MODEL", repr(model)), repeats
        )
    out["imports_only_cold_process_s"] = fresh(IMPORTS_ONLY, repeats)
    return out


def main(repeats: int = 5) -> dict[str, float]:
    cp_baseline()  # make sure the user cache holds the baseline and its Jacobian
    results = {**bench_solves(repeats), **bench_effects(repeats)}
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_ge_law.json").write_text(json.dumps(results, indent=2))
    width = max(len(k) for k in results)
    for key, value in results.items():
        print(f"{key:<{width}}  {value:10.3f}")
    return results


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
