"""Run USITC gegravity's 30-country Canada-Japan example; print timing and results as JSON.

Runs under the benchmark's own environment (``bench/.venv-gegravity``, with ``pip install
gegravity``); gegravity is never a tariffscope dependency. Usage::

    bench/.venv-gegravity/bin/python bench/_gegravity_example.py DATA.csv [REPEATS]
"""

from __future__ import annotations

import json
import sys
import time

import gegravity as ge
import pandas as pd

# Coefficients published with gegravity's examples/examples_OneSectorGE.py (PPML, Stata)
ESTIMATES = [
    ("lndist", -0.3898623, 0.0729915),
    ("contiguity", 0.891577, 0.1327354),
    ("common_language", 0.0326249, 0.0840702),
    ("pta", 0.4711383, 0.1076578),
    ("international", -3.412584, 0.2151235),
    ("constant", 16.32434, 0.4844137),
]


def run(data: pd.DataFrame) -> ge.OneSectorGE:
    baseline = ge.BaselineData(
        data,
        imp_var_name="importer",
        exp_var_name="exporter",
        year_var_name="year",
        trade_var_name="trade",
        expend_var_name="E",
        output_var_name="Y",
    )
    costs = ge.CostCoeffs(
        estimates=pd.DataFrame(ESTIMATES, columns=["var", "beta", "stderr"]),
        identifier_col="var",
        coeff_col="beta",
        stderr_col="stderr",
    )
    model = ge.OneSectorGE(
        baseline=baseline,
        cost_coeff_values=costs,
        cost_variables=[name for name, _, _ in ESTIMATES],
        year="2006",
        reference_importer="DEU",
        sigma=5,
        quiet=True,
    )
    model.build_baseline(omr_rescale=1)
    experiment = model.baseline_data.copy()
    for a, b in (("CAN", "JPN"), ("JPN", "CAN")):
        experiment.loc[(experiment.importer == a) & (experiment.exporter == b), "pta"] = 1
    model.define_experiment(experiment)
    model.simulate()
    return model


def main() -> None:
    data = pd.read_csv(sys.argv[1])
    data["constant"] = 1
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    times = []
    model = None
    for _ in range(repeats):
        start = time.perf_counter()
        model = run(data)
        times.append(time.perf_counter() - start)
    assert model is not None
    results = model.country_results
    out = {
        "seconds": sorted(times)[len(times) // 2],
        "countries": list(results.index),
        "gdp_pct": results["GDP change (percent)"].tolist(),
        "welfare_statistic": results["welfare statistic"].tolist(),
        "factory_price_pct": results["factory gate price change (percent)"].tolist(),
        "exports_pct": results["foreign exports change (percent)"].tolist(),
        "imr_pct": results["imr change (percent)"].tolist(),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
