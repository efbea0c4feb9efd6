"""The general-equilibrium engines behind :mod:`tariffscope.impact.economy_wide`.

One solve per pair of US tariff schedules (``before`` -> ``after``) in either model, with the
model's description (base year, regions, data, elasticities) and every country's changes plus
the levels at the start that aggregates (the EU) are weighted by.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from tariffscope.impact.ge_select import LEVEL_COLUMNS
from tariffscope.impact.law_tariffs import ModelTariffs

__all__ = ["COUNTRY_COLUMNS", "MODELS", "GEModel", "ScenarioEffects", "Start", "solve_effects"]

GEModel = Literal["cp", "gravity"]
Start = Literal["reference", "base_year"]

#: Columns every model reports (model-specific ones follow them).
COUNTRY_COLUMNS: tuple[str, ...] = (
    "country",
    "welfare_pct",
    "real_gdp_pct",
    "exports_pct",
    "imports_pct",
    "exports_to_usa_pct",
    "us_tariff_before_pct",
    "us_tariff_after_pct",
)

MODELS: dict[str, dict[str, Any]] = {
    "cp": {
        "name": "Caliendo and Parro (2015) multi-sector Ricardian model with input-output links",
        "base_year": 1993,
        "regions": "30 countries and the rest of the world (ROW)",
        "sectors": "20 tradable (ISIC Rev.3) and 20 non-tradable sectors",
        "data": "Caliendo-Parro replication files (1993 flows, tariffs, input-output tables)",
        "elasticities": "sectoral trade elasticities of the paper (T.txt; non-tradables 8.22)",
        "baseline": "the paper's 1993 baseline without aggregate trade imbalances",
        "welfare": "real income: (value added + tariff revenue) / consumer price index",
        "real_gdp": "real wage (value added / consumer price index)",
        "extra": ["welfare_cp_pct", "tot_pct", "vot_pct"],
    },
    "gravity": {
        "name": "one-sector structural gravity, exact hat algebra, full endowment GE",
        "base_year": 2006,
        "regions": "69 countries (no rest-of-world region)",
        "sectors": "aggregate manufacturing",
        "data": "Yotov et al. (2016) Advanced Guide ch. 2 data, 2006, with domestic sales",
        "elasticities": "sigma = 7 (trade elasticity 6), as in the Advanced Guide",
        "baseline": "observed 2006 flows at customs value under the schedule's MFN rates",
        "welfare": "real income, multiplicative imbalances (Anderson and Yotov 2016)",
        "real_gdp": "real output (factory-gate price / consumer price index)",
        "extra": ["terms_of_trade_pct"],
    },
}

_ASSUMPTIONS = (
    "Only US import tariffs change; every other country's tariffs stay at the model's base "
    "year values.",
    "HTS8 line duties are averaged into model sectors weighted by each exporter's own 2024 US "
    "imports by line (Census; all partners' imports where it has none in a sector); a model's "
    "rest of the world is the sum of its countries.",
    "Specific duties count only their ad valorem part; claims (e.g. USMCA) as given, default none.",
    "Long-run equilibria compared: the model's base year economy under the reference law and "
    "under the scenario; trade and income levels are the base year's, not 2025's.",
)


@dataclass(frozen=True, eq=False)
class ScenarioEffects:
    """One scenario priced in general equilibrium against the reference law.

    Attributes
    ----------
    countries
        One row per model country: :data:`COUNTRY_COLUMNS` plus the model's extra columns.
    tariffs
        US tariffs by sector and exporter: ``sector, exporter, tariff_before_pct,
        tariff_after_pct, weight_usd``.
    metadata
        Model, base year, data, elasticities, dates, scenario, assumptions (plain values).
    diagnostics
        Solver diagnostics of the scenario solve.
    """

    label: str
    model: GEModel
    countries: pd.DataFrame
    tariffs: pd.DataFrame
    metadata: dict[str, Any] = field(default_factory=dict)
    diagnostics: dict[str, Any] = field(default_factory=dict)


def _tariff_frame(before: ModelTariffs, after: ModelTariffs) -> pd.DataFrame:
    frame = before.to_frame().rename(columns={"tariff_pct": "tariff_before_pct"})
    frame.insert(3, "tariff_after_pct", 100.0 * after.rates.ravel())
    return frame.drop(columns=["coverage"])


def _levels(flows: Any, countries: Sequence[str]) -> dict[str, Any]:
    """Start-of-solve levels from ``flows[exporter, importer]`` (model units), for weights."""
    foreign = flows * (1.0 - np.eye(len(countries)))
    usa = list(countries).index("USA")
    return {
        "exports_baseline": foreign.sum(axis=1),
        "imports_baseline": foreign.sum(axis=0),
        "exports_to_usa_baseline": foreign[:, usa],
    }


def _cp_countries(
    before: ModelTariffs, after: ModelTariffs, start: Start, elasticity: float | None
) -> tuple[Any, ...]:
    from tariffscope.impact.multisector.law_link import cp_scenario

    scale = 1.0 if elasticity is None else elasticity
    base, result = cp_scenario(before, after, after.scenario or "", start=start, theta_scale=scale)
    frame = result.by_country()
    frame["real_gdp_pct"] = frame["real_wage_pct"]
    imports = result.bilateral_imports()
    to_us = imports[imports["importer"] == "USA"].set_index("exporter")["imports_pct"]
    frame["exports_to_usa_pct"] = to_us.reindex(frame["country"]).to_numpy()
    u = base.index("USA")
    flows = base.flows[: len(before.sectors), u, :]  # [S, exporter] at the start
    columns = [base.index(code) for code in before.exporters]
    weights = flows[:, columns]
    levels = _levels(base.flows.sum(axis=0).T, base.countries)  # [importer, exporter] -> [i, j]
    return frame, result.diagnostics(), weights, base.value_added, levels


def _gravity_countries(
    before: ModelTariffs, after: ModelTariffs, start: Start, elasticity: float | None
) -> tuple[Any, ...]:
    from tariffscope.impact.gravity.law_link import exports_to, gravity_scenario

    base, result = gravity_scenario(
        before, after, after.scenario or "", start=start, trade_elasticity=elasticity
    )
    frame = result.by_country()
    frame["exports_to_usa_pct"] = exports_to(result, "USA").to_numpy()
    j = base.index("USA")
    weights = base.trade[[base.index(code) for code in before.exporters], j][None, :]
    levels = _levels(base.trade, base.countries)
    return frame, result.diagnostics(), weights, base.output, levels


def solve_effects(
    model: GEModel,
    before: ModelTariffs,
    after: ModelTariffs,
    scenario: object | None,
    label: str | None,
    start: Start,
    elasticity: float | None = None,
) -> ScenarioEffects:
    solve = _cp_countries if model == "cp" else _gravity_countries
    frame, diagnostics, weights, output, levels = solve(before, after, start, elasticity)
    frame["output_baseline"] = output
    for name, values in levels.items():
        frame[name] = values
    by_country = frame.set_index("country")
    agg_before, agg_after = before.aggregate(), after.aggregate()
    by_country["us_tariff_before_pct"] = np.nan
    by_country["us_tariff_after_pct"] = np.nan
    by_country.loc[list(before.exporters), "us_tariff_before_pct"] = 100.0 * agg_before
    by_country.loc[list(before.exporters), "us_tariff_after_pct"] = 100.0 * agg_after
    total = float(weights.sum())  # the US row: weighted by the model's US imports at the start
    by_country.loc["USA", "us_tariff_before_pct"] = 100.0 * float(
        (weights * before.rates).sum() / total
    )
    by_country.loc["USA", "us_tariff_after_pct"] = 100.0 * float(
        (weights * after.rates).sum() / total
    )
    spec = MODELS[model]
    columns = [*COUNTRY_COLUMNS, *spec["extra"], *LEVEL_COLUMNS]
    countries = by_country.reset_index()[columns]
    name = getattr(scenario, "name", None)
    label = label or name or f"law on {after.entry_date}"
    metadata = {
        "model": model,
        **{key: value for key, value in spec.items() if key != "extra"},
        "importer": "USA",
        "scenario": name,
        "entry_date": after.entry_date.isoformat(),
        "reference_date": before.entry_date.isoformat(),
        "as_known": None if after.as_known is None else after.as_known.isoformat(),
        "start": start,
        "elasticity": elasticity,
        "tariff_weights": "2024 US imports by GTAP sector and partner group (Budget Lab)",
        "assumptions": list(_ASSUMPTIONS),
        "units": "percent changes; tariffs in percent; *_baseline levels in model units",
    }
    return ScenarioEffects(
        label=label,
        model=model,
        countries=countries,
        tariffs=_tariff_frame(before, after),
        metadata=metadata,
        diagnostics=diagnostics,
    )
