"""Economy-wide runs: the published validation applications, tariff-change files, tariff-law
scenarios and a user's own gravity panel, each as one :class:`GERun`.

What ``tariffscope ge``, the service and :func:`tariffscope.api.ge` share. Every run returns
the per-country changes (percent) with the solver's diagnostics and a title saying what was
solved; the published applications add the published numbers in ``published_pct``.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from tariffscope.errors import DataFileError, InputError, MalformedInputError

__all__ = [
    "APPLICATIONS",
    "DATASETS",
    "GERun",
    "PanelRun",
    "published_numbers",
    "read_panel",
    "run_application",
    "run_panel",
    "run_scenario",
    "run_tariff_file",
]

#: Published applications the engines reproduce.
APPLICATIONS = ("agtpa-borders", "ge-gravity-eu", "cp-nafta")
#: Baselines a tariff-change file can be run on.
DATASETS = ("cp", "agtpa")

_PUBLISHED = Path(__file__).parent / "data" / "published_ge.csv"


@dataclass(frozen=True, eq=False)
class GERun:
    """One general-equilibrium run.

    ``countries`` has one row per country (``country`` and changes in percent such as
    ``real_gdp_pct``, ``welfare_pct``, ``exports_pct``); ``diagnostics`` the solver's
    (converged, iterations, residual_norm, method, elapsed); ``metadata`` what a scenario run
    priced (dates, model, base year); ``warnings`` what the caller should be told.
    """

    title: str
    countries: pd.DataFrame
    diagnostics: Mapping[str, object]
    metadata: Mapping[str, object] | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class PanelRun(GERun):
    """A run on the user's own panel, with every step's object for inspection."""

    estimate: Any = field(default=None, repr=False)  # GravityEstimate
    baseline: Any = field(default=None, repr=False)  # Baseline
    shock: Any = field(default=None, repr=False)  # Shock
    result: Any = field(default=None, repr=False)  # GEResult


@cache
def _published_table() -> pd.DataFrame:
    return pd.read_csv(_PUBLISHED)


def published_numbers(application: str, quantity: str) -> dict[str, float]:
    """Published values (percent) by country of one application's quantity, with the
    publication in ``tariffscope/impact/data/published_ge.csv``."""
    table = _published_table()
    rows = table[(table["application"] == application) & (table["quantity"] == quantity)]
    return {str(c): float(v) for c, v in zip(rows["country"], rows["published_pct"], strict=True)}


def _agtpa_borders() -> GERun:
    from tariffscope.config import shared_file
    from tariffscope.impact.gravity import GEOptions, estimate_ppml, solve
    from tariffscope.impact.gravity.io import load_agtpa_trade_without_borders

    data = load_agtpa_trade_without_borders()
    est = estimate_ppml(data, ["ln_DIST", "CNTG", "INTL_BRDR"])
    base = est.baseline(unit="US$ million")
    options = GEOptions.from_sigma(
        7.0, imbalance="multiplicative", numeraire="reference_price_index", reference="DEU"
    )
    result = solve(base, est.shock(base, {"INTL_BRDR": 0.0}), options)
    frame = result.by_country()
    published = pd.read_csv(
        shared_file("validation/agtpa_ch2_app1_trade_without_borders_published.csv")
    ).set_index("country")
    frame["published_pct"] = published.loc[frame["country"], "change_rGDP_FULL"].to_numpy()
    title = "Advanced Guide ch.2 app.1: trade without borders (full GE; published = real GDP)"
    return GERun(title, frame, result.diagnostics())


def _ge_gravity_eu() -> GERun:
    from tariffscope.config import shared_file
    from tariffscope.impact.gravity import GEOptions, Shock, solve
    from tariffscope.impact.gravity.io import (
        baseline_from_frame,
        eu_enlargement_effects,
        load_wiod44,
        partial_effect_matrix,
    )

    rows = eu_enlargement_effects(load_wiod44(), beta=0.224249)
    base = baseline_from_frame(rows, unit="US$ million")
    shock = Shock.from_partial_effects(partial_effect_matrix(rows, "beta", base))
    result = solve(base, shock, GEOptions(theta=4.0))
    frame = result.by_country()
    stata = pd.read_csv(shared_file("validation/ge_gravity_eu_enlargement_welfare_stata.csv"))
    stata = stata.set_index("exporter")
    frame["published_pct"] = 100 * (stata.loc[frame["country"], "w_eu"].to_numpy() - 1)
    return GERun("ge_gravity EU enlargement (WIOD 2000, additive)", frame, result.diagnostics())


def _cp_nafta() -> GERun:
    from tariffscope.impact.multisector import MSShock, load_cp_data, solve, zero_surplus_baseline

    data = load_cp_data()
    base = zero_surplus_baseline(data)
    result = solve(base, MSShock.nafta(base, data.tariffs_2005))
    frame = result.by_country()
    published = published_numbers("cp-nafta", "welfare_cp_pct")
    frame["published_pct"] = [published.get(code, np.nan) for code in frame["country"]]
    title = "Caliendo-Parro (2015): NAFTA tariff reductions"
    return GERun(title, frame, result.diagnostics())


def run_application(name: str) -> GERun:
    """Run one published application (:data:`APPLICATIONS`) beside its published numbers."""
    runs = {"agtpa-borders": _agtpa_borders, "ge-gravity-eu": _ge_gravity_eu, "cp-nafta": _cp_nafta}
    if name not in runs:
        raise InputError(f"unknown application {name!r}", hint=f"use {', '.join(APPLICATIONS)}")
    return runs[name]()


def run_tariff_file(path: Path, *, data: str = "cp", sigma: float = 7.0) -> GERun:
    """A file of bilateral tariff changes on the Caliendo-Parro (``cp``) or Advanced Guide
    (``agtpa``, one sector, elasticity of substitution ``sigma``) baseline."""
    from tariffscope.impact.gravity.io import read_tariff_changes

    if data not in DATASETS:
        raise InputError(f"unknown data set {data!r}", hint=f"use {', '.join(DATASETS)}")
    if not (np.isfinite(sigma) and sigma > 1):
        raise InputError(f"sigma must be a number above 1; got {sigma!r}")
    path = Path(path)
    if data == "cp":
        from tariffscope.impact.multisector import (
            MSShock,
            load_cp_data,
            solve,
            zero_surplus_baseline,
        )

        cp = load_cp_data()
        changes = read_tariff_changes(path, countries=cp.countries)
        base = zero_surplus_baseline(cp)
        ms = solve(base, MSShock.from_tariff_changes(base, changes, path.name))
        title = f"{path.name} on Caliendo-Parro 1993 data (31 regions, 40 sectors)"
        return GERun(title, ms.by_country(), ms.diagnostics())
    from tariffscope.impact.gravity import GEOptions, Shock
    from tariffscope.impact.gravity import solve as solve_gravity
    from tariffscope.impact.gravity.io import (
        baseline_from_frame,
        load_agtpa_trade_without_borders,
    )

    one_sector = baseline_from_frame(load_agtpa_trade_without_borders(), unit="US$ million")
    taxed, shock = Shock.from_tariff_changes(
        one_sector, read_tariff_changes(path, countries=one_sector.countries), path.name
    )
    result = solve_gravity(taxed, shock, GEOptions.from_sigma(sigma, imbalance="multiplicative"))
    title = f"{path.name} on Advanced Guide 2006 data (69 countries, sigma={sigma:g})"
    return GERun(title, result.by_country(), result.diagnostics())


def run_scenario(
    path: Path,
    *,
    entry_date: str | None = None,
    reference_date: str | None = None,
    model: Literal["cp", "gravity"] = "cp",
    start: Literal["reference", "base-year"] = "reference",
) -> GERun:
    """Price a tariff-law scenario file: the law on ``entry_date`` with the scenario against
    the law on ``reference_date`` (default: ``entry_date``, so the scenario's own measures).
    Without ``entry_date`` the first effective date of the scenario's measures is used."""
    from tariffscope.impact.economy_wide import scenario_effects, scenario_start_date
    from tariffscope.regime import load_scenario
    from tariffscope.regime.resolve import parse_date

    if model not in ("cp", "gravity"):
        raise InputError(f"unknown model {model!r}", hint="use cp or gravity")
    if start not in ("reference", "base-year"):
        raise InputError(f"unknown start {start!r}", hint="use reference or base-year")
    path = Path(path)
    scenario = load_scenario(path)
    if entry_date is None:
        first = scenario_start_date(scenario)
        if first is None:
            raise InputError(
                f"scenario {path.name} has no measure with an effective date",
                hint="give --date YYYY-MM-DD",
            )
        day = first
    else:
        day = parse_date(entry_date, "--date")
    reference = day if reference_date is None else parse_date(reference_date, "--reference-date")
    effects = scenario_effects(
        scenario,
        entry_date=day,
        reference_date=reference,
        model=model,
        start="reference" if start == "reference" else "base_year",
    )
    meta = effects.metadata
    title = (
        f"{scenario.name}: law on {meta['entry_date']} with the scenario vs the law on "
        f"{meta['reference_date']} ({model} model, base year {meta['base_year']})"
    )
    return GERun(title, effects.countries, effects.diagnostics, meta)


def read_panel(path: Path) -> pd.DataFrame:
    """A gravity panel from a CSV (optionally gzipped) or Parquet file.

    Raises MalformedInputError when the file cannot be read as a table.
    """
    path = Path(path)
    try:
        if path.suffix.lower() == ".parquet":
            return pd.read_parquet(path)
        return pd.read_csv(path)
    except FileNotFoundError:
        raise MalformedInputError(f"no panel file {str(path)!r}") from None
    except (OSError, ValueError, UnicodeDecodeError, pd.errors.ParserError) as error:
        raise MalformedInputError(
            f"cannot read panel {str(path)!r} as CSV: {type(error).__name__}",
            hint="give a CSV (or .parquet) with exporter, importer, trade and covariate columns",
        ) from None


def run_panel(
    panel: pd.DataFrame,
    *,
    covariates: Sequence[str],
    changes: Mapping[str, float | str],
    year: int | None = None,
    fixed_effects: Sequence[str] = ("exporter", "importer"),
    sigma: float = 7.0,
    imbalance: Literal["additive", "multiplicative"] = "multiplicative",
    dropped: Literal["observed", "zero"] = "observed",
    trade: str = "trade",
    exporter: str = "exporter",
    importer: str = "importer",
    year_column: str = "year",
    unit: str = "",
) -> PanelRun:
    """A user's gravity panel end to end: PPML estimate, baseline, shock, GE solve.

    ``covariates`` are the trade-cost variables estimated by PPML with ``fixed_effects``
    (``"exporter^year"``, ``"exporter^importer"``, ... for panels). ``changes`` gives new
    values of covariates: a number for every pair (e.g. ``{"FTA": 1}``) or the name of a panel
    column holding each pair's new value (``{"eu_enlargement": "eu_2014"}``); the shock is
    their partial effect. The
    baseline is the fitted flows of ``year`` (needed when the panel has several years); the
    pairs PPML dropped get their observed flows (``dropped="observed"``) or zero, with a
    warning saying how many. The pair fixed effects, when estimated, are
    ``run.estimate.pair_effects()``.
    """
    from tariffscope.impact.gravity import GEOptions, estimate_ppml, solve

    if not covariates:
        raise InputError("give at least one covariate to estimate")
    if not changes:
        raise InputError("give at least one covariate change (e.g. FTA=1)")
    unknown = [name for name in changes if name not in covariates]
    if unknown:
        raise InputError(
            f"changed covariate {unknown[0]!r} is not estimated",
            hint=f"covariates: {', '.join(covariates)}",
        )
    for name, value in changes.items():
        if isinstance(value, str):
            if value not in panel.columns:
                raise DataFileError(
                    f"new value of {name!r}: the panel has no column {value!r}",
                    hint=f"columns: {', '.join(map(str, panel.columns))}",
                )
            if not np.isfinite(panel[value].to_numpy(dtype=np.float64)).all():
                raise DataFileError(f"column {value!r} has missing or infinite values")
        elif not np.isfinite(float(value)):
            raise InputError(f"new value of {name!r} must be a finite number; got {value!r}")
    if not (np.isfinite(sigma) and sigma > 1):
        raise InputError(f"sigma must be a number above 1; got {sigma!r}")
    rows_wanted = None
    if year_column in panel.columns:
        years = sorted(pd.unique(panel[year_column]))
        if year is None and len(years) > 1:
            raise InputError(
                f"the panel has {len(years)} years; give the baseline year",
                hint=f"years: {', '.join(str(y) for y in years)}",
            )
        if year is not None and year not in years:
            raise InputError(
                f"year {year} is not in the panel",
                hint=f"years: {', '.join(str(y) for y in years)}",
            )
    elif year is not None:
        raise DataFileError(f"the panel has no column {year_column!r} to pick year {year} from")
    estimate = estimate_ppml(
        panel,
        list(covariates),
        trade=trade,
        exporter=exporter,
        importer=importer,
        fixed_effects=tuple(fixed_effects),
    )
    if year is not None:
        rows_wanted = estimate.data[year_column] == year
    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        baseline = estimate.baseline(rows=rows_wanted, dropped=dropped, unit=unit)
    notes += [str(w.message) for w in caught]
    selected = estimate.data if rows_wanted is None else estimate.data[rows_wanted.to_numpy()]
    new_values = {
        name: selected[value].to_numpy(dtype=np.float64) if isinstance(value, str) else value
        for name, value in changes.items()
    }
    shock = estimate.shock(baseline, new_values, rows=rows_wanted, label="panel")
    result = solve(baseline, shock, GEOptions.from_sigma(sigma, imbalance=imbalance))
    change_text = ", ".join(
        f"{k}={v}" if isinstance(v, str) else f"{k}={v:g}" for k, v in changes.items()
    )
    title = (
        f"own panel: {change_text} (PPML {estimate.formula}; baseline "
        f"{'year ' + str(year) if year is not None else 'all rows'}; sigma={sigma:g})"
    )
    return PanelRun(
        title,
        result.by_country(),
        result.diagnostics(),
        None,
        tuple(notes),
        estimate=estimate,
        baseline=baseline,
        shock=shock,
        result=result,
    )
