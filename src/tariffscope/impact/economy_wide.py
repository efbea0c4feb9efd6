"""Economy-wide effects of a tariff-law scenario: real income and trade in general equilibrium.

:func:`scenario_effects` prices one scenario (the law on an entry date plus the scenario's
measures) against the law on a reference date with one of the GE engines; each returns one row
per country of the model. :func:`economy_wide_effects` does it for several scenarios and keeps
the two parties and the third countries most affected, the table a brief shows.

Models (``model=``):

``"cp"``
    Caliendo and Parro (2015): 31 regions (30 countries and the rest of the world), 20
    tradable and 20 non-tradable sectors, input-output links, tariff revenue; base year 1993;
    sectoral trade elasticities from the paper. US tariffs by sector and exporter
    (:mod:`tariffscope.impact.multisector.law_link`).
``"gravity"``
    One-sector structural gravity on the Advanced Guide's 69 countries in 2006 (manufacturing,
    ``sigma = 7``), one US tariff per exporter (:mod:`tariffscope.impact.gravity.law_link`).

Signs are as a reader expects: a gain is positive. ``welfare_pct`` is the change in real
income (CP: value added plus tariff revenue over the consumer price index; gravity: real
expenditure, multiplicative imbalances); ``real_gdp_pct`` is real value added (CP: the real
wage) or real output (gravity).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from tariffscope.errors import InputError, UnknownCodeError
from tariffscope.impact.law_tariffs import ModelTariffs

__all__ = [
    "COUNTRY_COLUMNS",
    "GEModel",
    "RankBy",
    "ScenarioEffects",
    "economy_wide_effects",
    "scenario_effects",
    "scenario_start_date",
]

GEModel = Literal["cp", "gravity"]
RankBy = Literal["effect", "gdp"]
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

_MODELS: dict[str, dict[str, Any]] = {
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
    "HTS8 line duties are averaged into model sectors with HS6-equal weights inside each GTAP "
    "sector (Japan's vehicle mix inside motor vehicles) and 2024 US imports by GTAP sector from "
    "the exporter's partner group (JPN, CHN, CAN, MEX, EU, GBR, rest of world) across them.",
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


def scenario_start_date(scenario: object) -> date | None:
    """The first effective date of the measures a scenario adds or enacts (None if none)."""
    from tariffscope.regime import Scenario, default_catalog

    if not isinstance(scenario, Scenario):
        raise InputError("scenario must be a tariffscope.regime.Scenario")
    known = default_catalog().by_id
    dates = [m.effective_from for m in scenario.add if m.effective_from is not None]
    for measure_id in scenario.enact:
        if measure_id not in known:
            raise UnknownCodeError(
                f"scenario {scenario.name!r}: unknown measure {measure_id!r}",
                hint="`tariffscope measures` lists the catalog",
            )
        first = known[measure_id].effective_from
        if first is not None:
            dates.append(first)
    return min(dates) if dates else None


def _check(value: str, alias: object, name: str) -> None:
    allowed = get_args(alias)
    if value not in allowed:
        raise InputError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")


def _us_tariffs(
    model: GEModel,
    day: date | str,
    scenario: object | None,
    as_known: date | str | None,
    claims: Sequence[str],
) -> ModelTariffs:
    if model == "cp":
        from tariffscope.impact.multisector.law_link import cp_us_tariffs

        return cp_us_tariffs(day, scenario=scenario, as_known=as_known, claims=claims)
    from tariffscope.impact.gravity.law_link import gravity_us_tariffs

    return gravity_us_tariffs(day, scenario=scenario, as_known=as_known, claims=claims)


def _tariff_frame(before: ModelTariffs, after: ModelTariffs) -> pd.DataFrame:
    frame = before.to_frame().rename(columns={"tariff_pct": "tariff_before_pct"})
    frame.insert(3, "tariff_after_pct", 100.0 * after.rates.ravel())
    return frame.drop(columns=["coverage"])


def _cp_countries(before: ModelTariffs, after: ModelTariffs, start: Start) -> tuple[Any, ...]:
    from tariffscope.impact.multisector.law_link import cp_scenario

    base, result = cp_scenario(before, after, after.scenario or "", start=start)
    frame = result.by_country()
    frame["real_gdp_pct"] = frame["real_wage_pct"]
    imports = result.bilateral_imports()
    to_us = imports[imports["importer"] == "USA"].set_index("exporter")["imports_pct"]
    frame["exports_to_usa_pct"] = to_us.reindex(frame["country"]).to_numpy()
    u = base.index("USA")
    flows = base.flows[: len(before.sectors), u, :]  # [S, exporter] at the start
    columns = [base.index(code) for code in before.exporters]
    weights = flows[:, columns]
    output = base.value_added
    return frame, result.diagnostics(), weights, output


def _gravity_countries(before: ModelTariffs, after: ModelTariffs, start: Start) -> tuple[Any, ...]:
    from tariffscope.impact.gravity.law_link import exports_to, gravity_scenario

    base, result = gravity_scenario(before, after, after.scenario or "", start=start)
    frame = result.by_country()
    frame["exports_to_usa_pct"] = exports_to(result, "USA").to_numpy()
    j = base.index("USA")
    weights = base.trade[[base.index(code) for code in before.exporters], j][None, :]
    return frame, result.diagnostics(), weights, base.output


def scenario_effects(
    scenario: object | None,
    *,
    entry_date: date | str,
    reference_date: date | str | None = None,
    model: GEModel = "cp",
    label: str | None = None,
    as_known: date | str | None = None,
    claims: Sequence[str] = (),
    start: Start = "reference",
) -> ScenarioEffects:
    """Real income and trade changes for every country of the model under one scenario.

    Parameters
    ----------
    scenario
        A :class:`tariffscope.regime.Scenario`, or None for the law as it is on ``entry_date``.
    entry_date
        The date the scenario's law is read on.
    reference_date
        The law it is compared with (no scenario); default ``entry_date``, so the answer is
        the effect of the scenario's own measures.
    model
        ``"cp"`` (Caliendo-Parro, default) or ``"gravity"`` (one sector).
    label
        Name for tables (default: the scenario's name, or "law on <date>").
    as_known, claims
        As for :func:`tariffscope.regime.resolve_lines`.
    start
        ``"reference"`` (default): re-base the model on the reference law first;
        ``"base_year"``: apply the law's proportional tariff change to the base-year tariffs.

    Returns
    -------
    ScenarioEffects

    Raises
    ------
    InputError
        A bad model, date or scenario (unknown measure ids, ...).
    DataUnavailableError
        The model's data in ``../shared`` are missing.
    ConvergenceError
        The solver did not converge.
    """
    _check(model, GEModel, "model")
    _check(start, Start, "start")
    reference_date = entry_date if reference_date is None else reference_date
    before = _us_tariffs(model, reference_date, None, as_known, claims)
    if scenario is None and _same_day(entry_date, reference_date):
        after = before
    else:
        after = _us_tariffs(model, entry_date, scenario, as_known, claims)
    return _effects(model, before, after, scenario, label, start)


def _same_day(a: date | str, b: date | str) -> bool:
    return str(a) == str(b)


def _effects(
    model: GEModel,
    before: ModelTariffs,
    after: ModelTariffs,
    scenario: object | None,
    label: str | None,
    start: Start,
) -> ScenarioEffects:
    if model == "cp":
        frame, diagnostics, weights, output = _cp_countries(before, after, start)
    else:
        frame, diagnostics, weights, output = _gravity_countries(before, after, start)
    frame["output_baseline"] = output
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
    spec = _MODELS[model]
    columns = [*COUNTRY_COLUMNS, *spec["extra"], "output_baseline"]
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
        "tariff_weights": "2024 US imports by GTAP sector and partner group (Budget Lab)",
        "assumptions": list(_ASSUMPTIONS),
        "units": "percent changes; tariffs in percent; output_baseline in model units",
    }
    return ScenarioEffects(
        label=label,
        model=model,
        countries=countries,
        tariffs=_tariff_frame(before, after),
        metadata=metadata,
        diagnostics=diagnostics,
    )


def economy_wide_effects(
    scenarios: Mapping[str, object | None],
    *,
    entry_date: date | str,
    reference: date | str | None = None,
    model: GEModel = "cp",
    parties: Sequence[str] = ("USA", "JPN"),
    top_third: int = 3,
    rank_by: RankBy = "effect",
    as_known: date | str | None = None,
    claims: Sequence[str] = (),
    start: Start = "reference",
) -> pd.DataFrame:
    """Real income and trade changes of the parties and the main third countries, per scenario.

    Parameters
    ----------
    scenarios
        Label -> :class:`tariffscope.regime.Scenario` (or None for the law on ``entry_date``
        as it is).
    entry_date
        The date every scenario's law is read on.
    reference
        Date of the law every scenario is compared with; default ``entry_date`` (then each row
        is the effect of the scenario's own measures, and None gives zeros).
    model
        ``"cp"`` or ``"gravity"``.
    parties
        Countries always reported (model codes; EU members separately, ``ROW`` allowed in CP).
    top_third
        How many third countries to add (0 for none).
    rank_by
        ``"effect"``: the third countries whose real income moves most in value (largest
        ``|welfare_pct|`` times base GDP over the scenarios, so a small economy with a large
        percentage change does not crowd out a large one; the same countries in every
        scenario); ``"gdp"``: the largest economies at the model's start. The rest-of-world
        region is never a "third country".

    Returns
    -------
    pandas.DataFrame
        One row per scenario and country: ``scenario, country, role`` (``party`` or
        ``third``), then :data:`COUNTRY_COLUMNS`. ``attrs["metadata"]`` holds the model, base
        year, data, elasticities, dates and assumptions; ``attrs["diagnostics"]`` the solver
        diagnostics of each scenario.

    Examples
    --------
    >>> from tariffscope.regime import load_scenario  # doctest: +SKIP
    >>> letter = load_scenario("examples/scenarios/japan-letter-25pct-from-2025-08-01.yaml")
    >>> economy_wide_effects({"letter": letter}, entry_date="2025-08-01")  # doctest: +SKIP
    """
    _check(rank_by, RankBy, "rank_by")
    if not scenarios:
        raise InputError("give at least one scenario")
    if top_third < 0:
        raise InputError(f"top_third must be 0 or more; got {top_third}")
    _check(model, GEModel, "model")
    _check(start, Start, "start")
    reference = entry_date if reference is None else reference
    before = _us_tariffs(model, reference, None, as_known, claims)
    results = {}
    for label, scenario in scenarios.items():
        if scenario is None and _same_day(entry_date, reference):
            after = before
        else:
            after = _us_tariffs(model, entry_date, scenario, as_known, claims)
        results[label] = _effects(model, before, after, scenario, label, start)
    first = next(iter(results.values()))
    known = list(first.countries["country"])
    for code in parties:
        if code not in known:
            raise UnknownCodeError(
                f"party {code!r} is not a country of the {model} model",
                hint=f"known: {' '.join(known)}",
            )
    frames = {label: r.countries.set_index("country") for label, r in results.items()}
    candidates = [c for c in known if c not in parties and c != "ROW"]
    size = first.countries.set_index("country")["output_baseline"]
    if rank_by == "effect":  # change in real income in value: percent x base-year GDP
        pct = pd.concat([f["welfare_pct"].abs() for f in frames.values()], axis=1).max(axis=1)
        value = pct * size
        order = sorted(candidates, key=lambda c: (-float(value[c]), -float(size[c])))
    else:
        order = sorted(candidates, key=lambda c: -size[c])
    third = order[:top_third]
    rows = []
    for label, frame in frames.items():
        chosen = frame.loc[[*parties, *third], list(COUNTRY_COLUMNS[1:])].reset_index()
        chosen.insert(0, "scenario", label)
        chosen.insert(2, "role", ["party"] * len(parties) + ["third"] * len(third))
        rows.append(chosen)
    out = pd.concat(rows, ignore_index=True)
    out.attrs["metadata"] = {**first.metadata, "scenario": None, "rank_by": rank_by}
    out.attrs["metadata"]["scenarios"] = {
        label: r.metadata["scenario"] for label, r in results.items()
    }
    out.attrs["diagnostics"] = {label: r.diagnostics for label, r in results.items()}
    return out
