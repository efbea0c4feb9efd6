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

:func:`us_tariffs` and :func:`effects_between` are the two steps apart, for callers that compare
several laws (the brief: each outcome against the reference law and against the status quo,
at low, central and high trade elasticities, :mod:`tariffscope.impact.ge_range`). A party the
model's data do not have raises :class:`~tariffscope.errors.NotCoveredError`; the EU (``EUN``)
is the output- and trade-weighted aggregate of its members in the model.

Signs are as a reader expects: a gain is positive. ``welfare_pct`` is the change in real
income (CP: value added plus tariff revenue over the consumer price index; gravity: real
expenditure, multiplicative imbalances); ``real_gdp_pct`` is real value added (CP: the real
wage) or real output (gravity).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Literal, get_args

import pandas as pd

from tariffscope.errors import InputError, UnknownCodeError
from tariffscope.impact._ge_engines import (
    COUNTRY_COLUMNS,
    MODELS,
    GEModel,
    ScenarioEffects,
    Start,
    solve_effects,
)
from tariffscope.impact.ge_select import check_parties, country_rows, select_countries
from tariffscope.impact.law_tariffs import ModelTariffs, SectorConcordance

RankBy = Literal["effect", "gdp"]

__all__ = [
    "COUNTRY_COLUMNS",
    "MODELS",
    "GEModel",
    "RankBy",
    "ScenarioEffects",
    "economy_wide_effects",
    "effects_between",
    "model_concordance",
    "scenario_effects",
    "scenario_start_date",
    "us_tariffs",
]


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


def model_concordance(model: GEModel) -> SectorConcordance:
    """The HS6 subheadings the model's sectors hold (a line outside them is in no sector)."""
    _check(model, GEModel, "model")
    if model == "cp":
        from tariffscope.impact.multisector.concordance import cp_concordance

        return cp_concordance()
    from tariffscope.impact.gravity.law_link import manufacturing_concordance

    return manufacturing_concordance()


def us_tariffs(
    model: GEModel,
    day: date | str,
    *,
    scenario: object | None = None,
    as_known: date | str | None = None,
    claims: Sequence[str] = (),
) -> ModelTariffs:
    """US tariffs by the model's sectors and exporters under the law on ``day`` (+ scenario)."""
    _check(model, GEModel, "model")
    if model == "cp":
        from tariffscope.impact.multisector.law_link import cp_us_tariffs

        return cp_us_tariffs(day, scenario=scenario, as_known=as_known, claims=claims)
    from tariffscope.impact.gravity.law_link import gravity_us_tariffs

    return gravity_us_tariffs(day, scenario=scenario, as_known=as_known, claims=claims)


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
    elasticity: float | None = None,
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
    elasticity
        Gravity: the trade elasticity ``theta`` (default 6); CP: a factor on the paper's
        sector elasticities (default 1). See :mod:`tariffscope.impact.ge_range`.

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
    before = us_tariffs(model, reference_date, as_known=as_known, claims=claims)
    if scenario is None and _same_day(entry_date, reference_date):
        after = before
    else:
        after = us_tariffs(model, entry_date, scenario=scenario, as_known=as_known, claims=claims)
    return solve_effects(model, before, after, scenario, label, start, elasticity)


def effects_between(
    before: ModelTariffs,
    after: ModelTariffs,
    *,
    model: GEModel,
    scenario: object | None = None,
    label: str | None = None,
    start: Start = "reference",
    elasticity: float | None = None,
) -> ScenarioEffects:
    """Every country's changes when US tariffs move from ``before`` to ``after``.

    ``before`` and ``after`` come from :func:`us_tariffs` for the same model; ``elasticity`` as
    for :func:`scenario_effects`.
    """
    _check(model, GEModel, "model")
    _check(start, Start, "start")
    if before.sectors != after.sectors or before.exporters != after.exporters:
        raise InputError("before and after tariffs are not for the same model")
    return solve_effects(model, before, after, scenario, label, start, elasticity)


def _same_day(a: date | str, b: date | str) -> bool:
    return str(a) == str(b)


def economy_wide_effects(
    scenarios: Mapping[str, object | None],
    *,
    entry_date: date | str,
    reference: date | str | None = None,
    parties: Sequence[str],
    model: GEModel = "cp",
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
        Countries always reported: model codes (``ROW`` allowed in CP) or ``EUN``, the EU as
        the aggregate of its members in the model.
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
    >>> economy_wide_effects(  # doctest: +SKIP
    ...     {"letter": letter}, entry_date="2025-08-01", parties=("USA", "JPN")
    ... )

    Raises
    ------
    NotCoveredError
        A party is not in the model's data.
    UnknownCodeError
        A party is not a country code.
    """
    _check(rank_by, RankBy, "rank_by")
    if not scenarios:
        raise InputError("give at least one scenario")
    if top_third < 0:
        raise InputError(f"top_third must be 0 or more; got {top_third}")
    _check(model, GEModel, "model")
    _check(start, Start, "start")
    reference = entry_date if reference is None else reference
    before = us_tariffs(model, reference, as_known=as_known, claims=claims)
    results = {}
    for label, scenario in scenarios.items():
        if scenario is None and _same_day(entry_date, reference):
            after = before
        else:
            after = us_tariffs(
                model, entry_date, scenario=scenario, as_known=as_known, claims=claims
            )
        results[label] = solve_effects(model, before, after, scenario, label, start)
    first = next(iter(results.values()))
    known = list(first.countries["country"])
    check_parties(parties, known, f"{model} model: {MODELS[model]['regions']}")
    frames = {label: r.countries.set_index("country") for label, r in results.items()}
    third = select_countries(list(frames.values()), parties, top_third=top_third, rank_by=rank_by)
    rows = []
    for label, frame in frames.items():
        chosen = country_rows(frame, [*parties, *third], COUNTRY_COLUMNS[1:], parties).reset_index()
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
