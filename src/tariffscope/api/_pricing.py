"""Pricing outcomes of the tariff law for one partner (SMART with Monte Carlo intervals)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from tariffscope.api._dates import DateLike, iso

__all__ = ["Comparison", "Simulation", "compare", "simulate"]

Progress = Callable[[int, int], None]


@dataclass(frozen=True, eq=False)
class Simulation:
    """One priced outcome.

    Attributes
    ----------
    label
        The outcome's name (its date, or the case's label).
    meta
        What was priced and how (dates, options, baseline year, partner columns, sources) —
        the fields of ``tariffscope simulate --format json`` besides the tables.
    headline
        One row per headline metric: metric, unit, description, point (and median, p05, p95
        with draws). ``imports_focus_change_pct`` is the % change in US imports from the partner.
    sectors
        Sectors with the largest change in imports from the partner.
    outcome
        The engine's :class:`~tariffscope.impact.pe.law.PricedOutcome` (all details).
    """

    label: str
    meta: Mapping[str, Any]
    headline: pd.DataFrame
    sectors: pd.DataFrame
    outcome: Any = field(repr=False)

    def headline_value(self, metric: str, column: str = "point") -> float:
        """One headline number, e.g. ``headline_value("imports_focus_change_pct")``."""
        rows = self.headline[self.headline["metric"] == metric]
        if rows.empty:
            from tariffscope.errors import InputError

            raise InputError(
                f"no headline metric {metric!r}",
                hint=f"metrics: {', '.join(self.headline['metric'])}",
            )
        return float(rows.iloc[0][column])


@dataclass(frozen=True, eq=False)
class Comparison:
    """Several outcomes for one partner against one reference law, in the order asked."""

    partner: str
    reference_date: str
    cases: tuple[Simulation, ...]

    def headlines(self) -> pd.DataFrame:
        """The headline rows of every case, with an ``outcome`` column first."""
        frames = [c.headline.assign(outcome=c.label) for c in self.cases]
        frame = pd.concat(frames, ignore_index=True)
        return frame[["outcome", *[c for c in frame.columns if c != "outcome"]]]


def _settings(partner: str, importer: str, draws: int, seed: int, method: str,
              sigma_source: str, export_supply: float | None, reference_date: DateLike,
              metal_share: float | None) -> Any:  # fmt: skip
    from tariffscope.impact.pe.pricing import pricing_settings

    return pricing_settings(
        partner=partner,
        importer=importer,
        draws=draws,
        seed=seed,
        method=method,
        sigma_source=sigma_source,
        export_supply=export_supply,
        reference_date=str(iso(reference_date)),
        metal_share=metal_share,
    )


def _simulation(
    settings: Any,
    label: str | None,
    date: str,
    scenario: str | None,
    as_known: str | None,
    top: int | None,
    on_progress: Progress | None,
    map_draws: Any = None,
) -> Simulation:
    from tariffscope.impact.pe.pricing import (
        headline_rows,
        outcome_meta,
        price_case,
        scenario_from_spec,
        sector_rows,
    )

    outcome = price_case(
        settings, label, date, scenario_from_spec(scenario), as_known, on_progress, map_draws
    )
    return Simulation(
        label=outcome.label,
        meta=outcome_meta(outcome, settings, scenario, as_known),
        headline=pd.DataFrame(headline_rows(outcome)),
        sectors=sector_rows(outcome, top),
        outcome=outcome,
    )


def simulate(
    *,
    partner: str,
    date: DateLike,
    scenario: str | None = None,
    as_known: DateLike | None = None,
    importer: str = "USA",
    draws: int = 1000,
    seed: int = 0,
    method: str = "exact-ces",
    sigma_source: str = "hauk",
    export_supply: float | None = None,
    reference_date: DateLike = "2025-01-01",
    metal_share: float | None = None,
    top: int | None = 10,
    on_progress: Progress | None = None,
    map_draws: Any = None,
) -> Simulation:
    """Price the law at ``date`` (plus ``scenario``) against the law at ``reference_date``
    on 2024 US imports, with the partner ``partner`` singled out.

    Parameters
    ----------
    partner
        ISO3 code of any country with 2024 US imports, or ``EUN`` (the EU as a bloc).
    scenario
        A scenario YAML path, or ``"enact:ID[+ID]"`` to enact catalog measures.
    draws, seed
        Monte Carlo draws over elasticities (0: point estimate only) and their seed.
    method
        ``"exact-ces"`` or ``"smart-linear"``.
    sigma_source
        ``"hauk"``, ``"broda-weinstein"``, ``"protee"`` or ``"mixed"``.
    export_supply
        Export-supply elasticity (None: infinite, world prices fixed).
    top
        Sectors kept in ``sectors`` (None: all).
    on_progress
        Called with (draws done, draws) during the Monte Carlo.
    map_draws
        Who solves the batches of draws: a :class:`~tariffscope.distributed.map.ChunkMapper`
        such as ``client_mapper(client)`` for a Dask cluster; default this process. The
        answer is the same.

    Raises
    ------
    InputError
        A bad partner, importer, date or option.
    NotCoveredError
        A valid partner without 2024 trade data (nothing to price).
    """
    settings = _settings(
        partner, importer, draws, seed, method, sigma_source, export_supply, reference_date,
        metal_share,
    )  # fmt: skip
    return _simulation(
        settings, None, str(iso(date)), scenario, iso(as_known), top, on_progress, map_draws
    )


def compare(
    *,
    partner: str,
    date: DateLike | None = None,
    cases: Sequence[
        str
        | tuple[str, str]
        | tuple[str, str, str | None]
        | tuple[str, str, str | None, str | None]
    ]
    | None = None,
    importer: str = "USA",
    draws: int = 1000,
    seed: int = 0,
    method: str = "exact-ces",
    sigma_source: str = "hauk",
    export_supply: float | None = None,
    reference_date: DateLike = "2025-01-01",
    metal_share: float | None = None,
    top: int | None = 10,
    on_progress: Callable[[str, int, int], None] | None = None,
) -> Comparison:
    """Several outcomes for ``partner`` side by side.

    ``cases`` are ``"LABEL,DATE[,SCENARIO[,AS_KNOWN]]"`` strings or (label, date[, scenario
    [, as_known]]) tuples. Without them, ``date`` builds the cases from the measure catalog:
    the law on that date, each threat against the partner known then, and the partner's deal.

    Raises InputError (neither given, a malformed case), NotCoveredError (no trade data).
    """
    from tariffscope.errors import InputError
    from tariffscope.impact.pe.pricing import Case, catalog_cases, parse_case

    settings = _settings(
        partner, importer, draws, seed, method, sigma_source, export_supply, reference_date,
        metal_share,
    )  # fmt: skip
    if cases:
        chosen = [parse_case(c) if isinstance(c, str) else Case(*c) for c in cases]
    elif date is not None:
        chosen = catalog_cases(settings.partner, str(iso(date)))
    else:
        raise InputError("give date or at least one case", hint="e.g. date='2025-07-18'")
    results = []
    for case in chosen:
        progress = None
        if on_progress is not None:
            label = case.label

            def progress(done: int, total: int, label: str = label) -> None:
                on_progress(label, done, total)

        results.append(
            _simulation(
                settings, case.label, case.date, case.scenario, case.as_known, top, progress
            )
        )
    return Comparison(settings.partner, settings.reference_date, tuple(results))
