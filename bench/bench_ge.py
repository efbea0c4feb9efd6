"""Benchmarks of the GE engines, with every baseline measured in the same run.

Timed here (median of repeats, wall clock, one process):

1. the 69-country Advanced Guide full-GE solve (target: under 50 ms), against the same solve by
   the fixed-point iteration of ge_gravity (both in tariffscope) and against the replicated
   Advanced Guide procedure (PPML re-estimation by matrix scaling);
2. the Caliendo-Parro 31 x 40 NAFTA counterfactual (target: under 5 s), plus its baseline build;
3. USITC gegravity on its own 30-country Canada-Japan example, run in its own environment
   (``bench/.venv-gegravity``: ``python -m venv bench/.venv-gegravity &&
   bench/.venv-gegravity/bin/pip install gegravity``), against tariffscope on the same example.

Run: ``python bench/bench_ge.py`` (writes ``bench/out/bench_ge.json`` and prints a table).
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

from tariffscope.config import shared_file
from tariffscope.impact.gravity import Baseline, GEOptions, Shock, estimate_ppml, solve
from tariffscope.impact.gravity.agtpa import agtpa_full_ge
from tariffscope.impact.gravity.baseline import pivot_pairs
from tariffscope.impact.gravity.io import (
    GEGRAVITY_FILE,
    load_agtpa_trade_without_borders,
    load_gegravity_sample,
)
from tariffscope.impact.multisector import MSShock, load_cp_data, zero_surplus_baseline
from tariffscope.impact.multisector import solve as ms_solve

HERE = Path(__file__).resolve().parent
GEGRAVITY_PYTHON = HERE / ".venv-gegravity" / "bin" / "python"
PTA = 0.4711383  # gegravity example's PPML coefficient on pta


def timed(func: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    times, value = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        value = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def bench_agtpa(repeats: int) -> dict[str, float]:
    data = load_agtpa_trade_without_borders()
    est = estimate_ppml(data, ["ln_DIST", "CNTG", "INTL_BRDR"])
    base = est.baseline()
    shock = est.shock(base, {"INTL_BRDR": 0.0})
    options = GEOptions.from_sigma(
        7.0, imbalance="multiplicative", numeraire="reference_price_index", reference="DEU"
    )
    newton, _ = timed(lambda: solve(base, shock, options), repeats)
    fixed = GEOptions.from_sigma(
        7.0,
        imbalance="multiplicative",
        numeraire="reference_price_index",
        reference="DEU",
        method="fixed_point",
    )
    fixed_point, _ = timed(lambda: solve(base, shock, fixed), repeats)
    countries, observed = pivot_pairs(data.exporter, data.importer, data.trade)
    _, before = pivot_pairs(data.exporter, data.importer, est.cost_index())
    _, after = pivot_pairs(data.exporter, data.importer, est.cost_index(data.assign(INTL_BRDR=0.0)))
    ref = countries.index("DEU")
    procedure, _ = timed(
        lambda: agtpa_full_ge(observed, before, after, 7.0, ref), max(1, repeats // 5)
    )
    return {"newton_s": newton, "fixed_point_s": fixed_point, "agtpa_procedure_s": procedure}


def bench_cp(repeats: int) -> dict[str, float]:
    data = load_cp_data()
    build, base = timed(lambda: zero_surplus_baseline(data), repeats)
    shock = MSShock.nafta(base, data.tariffs_2005)
    counterfactual, result = timed(lambda: ms_solve(base, shock), repeats)
    return {
        "baseline_s": build,
        "nafta_solve_s": counterfactual,
        "evaluations": float(result.iterations),
    }


def tariffscope_gegravity_example() -> tuple[Baseline, Any]:
    frame = load_gegravity_sample()
    base = Baseline.from_flows(frame.exporter, frame.importer, frame.trade.to_numpy(dtype=float))
    shock = Shock.for_pairs(base, [("CAN", "JPN"), ("JPN", "CAN")], PTA, "CAN-JPN agreement")
    options = GEOptions(
        theta=4.0, imbalance="multiplicative", numeraire="reference_price_index", reference="DEU"
    )
    return base, solve(base, shock, options)


def bench_gegravity(repeats: int) -> dict[str, Any]:
    ours, (_, result) = timed(tariffscope_gegravity_example, repeats)
    out: dict[str, Any] = {"tariffscope_s": ours}
    frame = result.by_country().set_index("country")
    if not GEGRAVITY_PYTHON.exists():
        out["gegravity_s"] = None
        out["note"] = f"{GEGRAVITY_PYTHON} missing: see this script's docstring"
        return out
    script = HERE / "_gegravity_example.py"
    run = subprocess.run(
        [
            str(GEGRAVITY_PYTHON),
            str(script),
            str(shared_file(GEGRAVITY_FILE)),
            str(max(1, repeats // 5)),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(run.stdout)
    out["gegravity_s"] = theirs["seconds"]
    table = []
    for code, gdp, stat, price in zip(
        theirs["countries"],
        theirs["gdp_pct"],
        theirs["welfare_statistic"],
        theirs["factory_price_pct"],
        strict=True,
    ):
        table.append(
            {
                "country": code,
                "gegravity_gdp_pct": gdp,
                "gegravity_welfare_statistic": stat,
                "gegravity_factory_price_pct": price,
                "tariffscope_real_gdp_pct": float(frame.loc[code, "real_gdp_pct"]),
                "tariffscope_welfare_pct": float(frame.loc[code, "welfare_pct"]),
                "tariffscope_factory_price_pct": float(frame.loc[code, "factory_price_pct"]),
            }
        )
    out["countries"] = table
    return out


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    report = {
        "agtpa_69": bench_agtpa(repeats),
        "cp_31x40": bench_cp(max(1, repeats // 5)),
        "gegravity_30": bench_gegravity(repeats),
    }
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "bench_ge.json").write_text(json.dumps(report, indent=2))
    a, c, g = report["agtpa_69"], report["cp_31x40"], report["gegravity_30"]
    rows = [
        (
            "69-country full GE (Newton)",
            f"{a['newton_s'] * 1e3:.1f} ms",
            f"fixed point {a['fixed_point_s'] * 1e3:.1f} ms",
            f"{a['fixed_point_s'] / a['newton_s']:.1f}x",
        ),
        (
            "69-country full GE",
            f"{a['newton_s'] * 1e3:.1f} ms",
            f"Advanced Guide procedure {a['agtpa_procedure_s'] * 1e3:.0f} ms",
            f"{a['agtpa_procedure_s'] / a['newton_s']:.0f}x",
        ),
        (
            "CP 31x40 NAFTA solve",
            f"{c['nafta_solve_s']:.2f} s",
            "target 5 s",
            f"{5 / c['nafta_solve_s']:.1f}x under",
        ),
        ("CP 31x40 zero-surplus baseline", f"{c['baseline_s']:.2f} s", "", ""),
    ]
    if g.get("gegravity_s"):
        rows.append(
            (
                "gegravity 30-country example",
                f"{g['tariffscope_s'] * 1e3:.1f} ms",
                f"gegravity {g['gegravity_s']:.2f} s",
                f"{g['gegravity_s'] / g['tariffscope_s']:.0f}x",
            )
        )
    print("| benchmark | tariffscope | baseline in the same run | ratio |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
