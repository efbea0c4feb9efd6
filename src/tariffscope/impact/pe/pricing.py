"""Pricing outcomes of the tariff law for one partner: settings, cases and result records.

What ``simulate`` and ``compare`` (CLI, service, :mod:`tariffscope.api`) share: the checked
settings (:class:`PricingSettings`), a scenario from a file or ``enact:ID``, the outcomes the
catalog holds for a partner (:func:`catalog_cases`), and the records a priced outcome is shown
with (:func:`headline_rows`, :func:`sector_rows`, :func:`outcome_meta`).

Pricing itself is :func:`tariffscope.impact.pe.law.price_outcome`; a partner without 2024
trade raises :class:`~tariffscope.errors.NotCoveredError`.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from tariffscope.domain.countries import normalize_country
from tariffscope.errors import InputError

__all__ = [
    "METHODS",
    "SIGMA_SOURCES",
    "Case",
    "PricingSettings",
    "catalog_cases",
    "headline_rows",
    "outcome_meta",
    "parse_case",
    "price_case",
    "pricing_settings",
    "scenario_from_spec",
    "sector_rows",
]

#: SMART forms as users write them (``docs/models.md``).
METHODS = ("exact-ces", "smart-linear")
#: Sources of the substitution elasticities as users write them.
SIGMA_SOURCES = ("hauk", "broda-weinstein", "protee", "mixed")


@dataclass(frozen=True)
class PricingSettings:
    """The options every pricing of one partner shares, checked (engine spelling)."""

    partner: str
    draws: int
    seed: int
    method: str
    sigma_source: str
    export_supply: float
    reference_date: str
    metal_share: float | None = None


def _choice(value: str, allowed: tuple[str, ...], name: str) -> str:
    text = str(value).replace("_", "-")
    if text not in allowed:
        raise InputError(f"{name} {value!r} is not one of {', '.join(allowed)}")
    return text.replace("-", "_")


def pricing_settings(
    *,
    partner: str,
    importer: str = "USA",
    draws: int = 1000,
    seed: int = 0,
    method: str = "exact-ces",
    sigma_source: str = "hauk",
    export_supply: float | None = None,
    reference_date: str = "2025-01-01",
    metal_share: float | None = None,
) -> PricingSettings:
    """Check the shared options; InputError names a bad importer, partner or number."""
    if normalize_country(importer) != "USA":
        raise InputError(
            f"importer {importer!r} has no trade baseline",
            hint="the baseline is US imports; price other importers from BACI or Comtrade "
            "data with tariffscope.impact.pe.simulate_smart",
        )
    from tariffscope.impact.pe.partners import focus_code

    if isinstance(draws, bool) or not isinstance(draws, int) or draws < 0:
        raise InputError(f"draws must be a whole number, 0 or more; got {draws!r}")
    if export_supply is not None and not (math.isfinite(export_supply) and export_supply > 0):
        raise InputError(f"export_supply must be a positive number; got {export_supply!r}")
    if metal_share is not None and not (math.isfinite(metal_share) and 0.0 <= metal_share <= 1.0):
        raise InputError(f"metal_share must be between 0 and 1; got {metal_share!r}")
    return PricingSettings(
        partner=focus_code(partner),
        draws=draws,
        seed=seed,
        method=_choice(method, METHODS, "method"),
        sigma_source=_choice(sigma_source, SIGMA_SOURCES, "sigma_source"),
        export_supply=math.inf if export_supply is None else float(export_supply),
        reference_date=reference_date,
        metal_share=metal_share,
    )


def price_case(
    settings: PricingSettings,
    label: str | None,
    date: str,
    scenario: Any,
    as_known: str | None,
    on_progress: Callable[[int, int], None] | None = None,
    map_draws: Any = None,
) -> Any:
    """Price one outcome (a :class:`~tariffscope.impact.pe.law.PricedOutcome`); ``map_draws``
    (a :class:`~tariffscope.distributed.map.ChunkMapper`) solves the batches of draws."""
    from tariffscope.impact.pe.law import price_outcome

    return price_outcome(
        partner=settings.partner,
        entry_date=date,
        scenario=scenario,
        label=label,
        reference_date=settings.reference_date,
        draws=settings.draws,
        seed=settings.seed,
        method=settings.method,  # type: ignore[arg-type]
        sigma_source=settings.sigma_source,  # type: ignore[arg-type]
        export_supply=settings.export_supply,
        as_known=as_known,
        metal_share=settings.metal_share,
        on_progress=on_progress,
        map_draws=map_draws,
    )


def scenario_from_spec(spec: str | None) -> Any:
    """A scenario from a YAML path, or ``enact:ID[+ID...]`` for catalog measures."""
    from tariffscope.regime.scenario import load_scenario, scenario_from_mapping

    if not spec:
        return None
    if spec.startswith("enact:"):
        ids = [part for part in spec[len("enact:") :].split("+") if part]
        return scenario_from_mapping({"name": spec, "enact": ids})
    return load_scenario(Path(spec))


def headline_rows(outcome: Any) -> list[dict[str, Any]]:
    """The outcome's headline numbers as records (point, and median/p05/p95 with draws)."""
    frame = outcome.summary()
    rows = []
    for record in frame.to_dict(orient="records"):
        row = {k: record[k] for k in ("metric", "unit", "description", "point")}
        for key in ("median", "p05", "p95"):
            if key in record:
                row[key] = record[key]
        rows.append(row)
    return rows


def sector_rows(outcome: Any, top: int | None) -> pd.DataFrame:
    """The ``top`` sectors (all with None) with the largest change in imports from the
    partner."""
    by_sector = outcome.point.focus_by_sector()
    if outcome.monte_carlo is not None:
        intervals = outcome.monte_carlo.sector_summary().set_index("gtap_code")
        by_sector = by_sector.join(intervals, on="gtap_code")
    by_sector = by_sector.reindex(by_sector["change_usd"].abs().sort_values(ascending=False).index)
    view: pd.DataFrame = (by_sector if top is None else by_sector.head(top)).reset_index(drop=True)
    return view


def outcome_meta(
    outcome: Any, settings: PricingSettings, scenario_spec: str | None, as_known: str | None
) -> dict[str, Any]:
    """What was priced and how: dates, options, the partner axis and the sources."""
    baseline = outcome.point.baseline
    return {
        "outcome": outcome.label,
        "importer": "USA",
        "partner": settings.partner,
        "entry_date": outcome.after.entry_date.isoformat(),
        "reference_date": outcome.before.entry_date.isoformat(),
        "as_known": as_known,
        "scenario": scenario_spec,
        "method": settings.method,
        "sigma_source": settings.sigma_source,
        "export_supply": None if math.isinf(settings.export_supply) else settings.export_supply,
        "metal_share": settings.metal_share,
        "draws": settings.draws,
        "seed": settings.seed,
        "interval": "5th-95th percentile" if settings.draws else None,
        "baseline_year": baseline.year,
        "partner_columns": list(baseline.partners),
        "sources": baseline.sources,
        "warnings": [],
    }


@dataclass(frozen=True)
class Case:
    """One outcome to compare: the law at ``date`` (as known on ``as_known``) + ``scenario``."""

    label: str
    date: str
    scenario: str | None = None
    as_known: str | None = None


def parse_case(text: str) -> Case:
    """``LABEL,DATE[,SCENARIO[,AS_KNOWN]]``; InputError for anything else."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise InputError(
            f"malformed case {text!r}",
            hint="write LABEL,DATE[,SCENARIO[,AS_KNOWN]], e.g. 'threat,2025-08-01,enact:ID'",
        )
    scenario = parts[2] if len(parts) > 2 and parts[2] else None
    as_known = parts[3] if len(parts) > 3 and parts[3] else None
    return Case(parts[0], parts[1], scenario, as_known)


def catalog_cases(partner: str, on: str, catalog: Any = None) -> list[Case]:
    """The outcomes the catalog holds for ``partner`` (ISO3 or EUN) as of date ``on``.

    The law on ``on``; each measure threatened against the partner (not against everyone)
    that was published by ``on`` and has an entry date on or after it, enacted on that date
    with the law read as known on ``on``; the deal: the law on the latest effective date of the
    partner-specific inclusive-rate and exemption measures issued after ``on``.
    """
    from tariffscope.regime.measures import ENACTED_STATUSES
    from tariffscope.regime.resolve import default_catalog, parse_date

    day = parse_date(on, "date")
    law = catalog or default_catalog()
    cases = [Case(f"law on {day.isoformat()}", day.isoformat())]
    mine = [m for m in law.measures if partner in m.members and "WLD" not in m.targets]
    for m in sorted(mine, key=lambda m: (m.effective_from or datetime.date.max, m.id)):
        if m.status != "threatened" or m.effective_from is None:
            continue
        if m.published_date > day or m.effective_from < day:
            continue
        rate = "" if m.rate is None else f" {100 * m.rate:g}%"
        cases.append(
            Case(
                f"threat{rate} from {m.effective_from.isoformat()} ({m.id})",
                m.effective_from.isoformat(),
                f"enact:{m.id}",
                day.isoformat(),
            )
        )
    deal = [
        m
        for m in mine
        if m.published_date > day
        and m.status in ENACTED_STATUSES
        and m.rule in ("inclusive_floor", "exemption")
        and not m.requires_claims
        and m.effective_from is not None
    ]
    if deal:
        start = max(m.effective_from for m in deal if m.effective_from is not None)
        cases.append(Case(f"deal as enacted, in full from {start.isoformat()}", start.isoformat()))
    return cases
