"""Pricing an outcome straight from the tariff law: sector tariffs at a date, then SMART + MC.

An outcome is the law at an entry date plus an optional scenario (the tariff-law engine's
scenario files). :func:`sector_tariffs_at` asks the engine for the duty of every HTS8 line for
each partner (:func:`tariffscope.regime.vectorized.resolve_lines`) and aggregates the lines to
GTAP sectors with :mod:`tariffscope.impact.pe.tariffs` (HS6-equal weights; Japan's vehicle mix
from its own statistics). :func:`price_outcome` compares that with the law on the reference
date (default 1 January 2025, the tariffs under which the 2024 baseline trade was bought) and
prices the change with SMART on the embedded baseline, with a Monte Carlo interval.

Partners that are groups are represented by origins the engine can resolve: the EU by
Germany (EU measures target every member alike) and the rest of the world by an equally
weighted basket of large suppliers (:data:`ROW_BASKET`; an assumption, since no US imports
by country are available offline to weight it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.errors import InputError
from tariffscope.impact.pe._types import SmartMethod
from tariffscope.impact.pe.baseline import (
    SectorBaseline,
    SigmaSource,
    load_sector_baseline,
    sector_composition,
    sector_hs6_map,
)
from tariffscope.impact.pe.sectors import SectorOutcome, simulate_sectors
from tariffscope.impact.pe.tariffs import LineWeights, aggregate_line_tariffs, line_weights
from tariffscope.impact.uncertainty import MonteCarloResult, monte_carlo_sectors

__all__ = [
    "DEFAULT_REFERENCE_DATE",
    "EU_ORIGIN",
    "ROW_BASKET",
    "PricedOutcome",
    "SectorTariffs",
    "price_outcome",
    "sector_tariffs_at",
]

FloatArray = npt.NDArray[np.float64]

#: The law the 2024 baseline trade was bought under: the day before the first 2025 measure.
DEFAULT_REFERENCE_DATE = "2025-01-01"
#: Origin standing for the EU (EU measures apply to every member alike).
EU_ORIGIN = "DEU"
#: Origins standing for the rest of the world, equally weighted (an assumption).
ROW_BASKET: tuple[str, ...] = (
    "KOR",
    "TWN",
    "VNM",
    "IND",
    "CHE",
    "THA",
    "MYS",
    "SGP",
    "BRA",
    "ISR",
)


@dataclass(frozen=True)
class SectorTariffs:
    """Tariffs by sector and partner for one entry date (and scenario).

    ``rates`` and ``coverage`` are ``[S, P]`` fractions; ``coverage`` is the share of a
    sector's line weight whose duty the engine could state.
    """

    entry_date: date
    scenario: str | None
    sectors: tuple[str, ...]
    partners: tuple[str, ...]
    rates: FloatArray
    coverage: FloatArray

    def to_frame(self) -> pd.DataFrame:
        """Long table ``gtap_code, partner, tariff_pct, coverage``."""
        s, p = self.rates.shape
        return pd.DataFrame(
            {
                "gtap_code": np.repeat(self.sectors, p),
                "partner": np.tile(self.partners, s),
                "tariff_pct": 100.0 * self.rates.ravel(),
                "coverage": self.coverage.ravel(),
            }
        )


def _origins(partner: str, row_basket: Sequence[str]) -> tuple[str, ...]:
    if partner == "EUN":
        return (EU_ORIGIN,)
    if partner == "ROW":
        return tuple(row_basket)
    return (partner,)


@cache
def _weights(
    sectors: tuple[str, ...], partners: tuple[str, ...], lines: tuple[str, ...]
) -> LineWeights:
    return line_weights(
        lines,
        sectors=sectors,
        partners=partners,
        hs6_sectors=sector_hs6_map(),
        composition=sector_composition(),
    )


def sector_tariffs_at(
    baseline: SectorBaseline,
    entry_date: date | str,
    *,
    scenario: object | None = None,
    as_known: date | str | None = None,
    row_basket: Sequence[str] = ROW_BASKET,
    metal_share: float | None = None,
) -> SectorTariffs:
    """Sector x partner tariffs from the tariff-law engine at ``entry_date``.

    Parameters
    ----------
    baseline
        Gives the sector and partner axes.
    entry_date
        Entry date (``YYYY-MM-DD``).
    scenario
        A :class:`tariffscope.regime.scenario.Scenario`, or None for the law as it is.
    as_known
        Read the law as published on this date (see ``tariffscope rate --as-known``).
    row_basket
        Origins averaged (equal weights) for the rest of the world.
    metal_share
        Share of the customs value that is steel or aluminum, for Section 232 derivative
        duties charged on metal content; None (the engine's default) charges them on the whole
        value, an upper bound for sectors with many derivative lines (metal products,
        machinery).
    """
    from tariffscope.regime.scenario import Scenario
    from tariffscope.regime.vectorized import resolve_lines

    if scenario is not None and not isinstance(scenario, Scenario):
        raise InputError("scenario must be a tariffscope.regime.scenario.Scenario")
    groups = [_origins(partner, row_basket) for partner in baseline.partners]
    origins = list(dict.fromkeys(origin for group in groups for origin in group))
    table = resolve_lines(
        origins, entry_date, scenario=scenario, as_known=as_known, metal_share=metal_share
    )
    total = table.total  # [lines, origins]
    position = {origin: i for i, origin in enumerate(table.origins)}
    by_partner = np.stack(
        [total[:, [position[o] for o in group]].mean(axis=1) for group in groups], axis=1
    )
    weights = _weights(baseline.sectors, baseline.partners, tuple(str(c) for c in table.codes))
    rates, coverage = aggregate_line_tariffs(by_partner, weights)
    if np.isnan(rates).any():
        s, p = np.argwhere(np.isnan(rates))[0]
        raise InputError(
            f"no HTS8 line of sector {baseline.sectors[s]} has a duty for {baseline.partners[p]}"
        )
    return SectorTariffs(
        entry_date=table.entry_date,
        scenario=table.scenario,
        sectors=baseline.sectors,
        partners=baseline.partners,
        rates=rates,
        coverage=coverage,
    )


@dataclass(frozen=True)
class PricedOutcome:
    """An outcome priced against the reference law: point estimate and Monte Carlo."""

    label: str
    before: SectorTariffs
    after: SectorTariffs
    point: SectorOutcome
    monte_carlo: MonteCarloResult | None

    def summary(self) -> pd.DataFrame:
        """Headline numbers: point and, with Monte Carlo, median and 90% interval."""
        if self.monte_carlo is not None:
            frame = self.monte_carlo.summary()
        else:
            from tariffscope.impact.pe.sectors import HEADLINE_METRICS

            frame = pd.DataFrame(
                [
                    {
                        "metric": name,
                        "unit": unit,
                        "description": text,
                        "point": self.point.headline[name],
                    }
                    for name, (unit, text) in HEADLINE_METRICS.items()
                ]
            )
        frame.insert(0, "outcome", self.label)
        return frame


def price_outcome(
    *,
    partner: str = "JPN",
    entry_date: date | str,
    scenario: object | None = None,
    label: str | None = None,
    reference_date: date | str = DEFAULT_REFERENCE_DATE,
    draws: int = 0,
    seed: int = 0,
    method: SmartMethod = "exact_ces",
    sigma_source: SigmaSource = "hauk",
    export_supply: float = np.inf,
    as_known: date | str | None = None,
    metal_share: float | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> PricedOutcome:
    """Price the law at ``entry_date`` (plus ``scenario``) against the reference law.

    Returns
    -------
    PricedOutcome
        Point estimate at the central elasticities; with ``draws > 0`` also the Monte Carlo
        median and 90% interval of every headline number.
    """
    baseline = load_sector_baseline(sigma_source)
    baseline.partner_index(partner)
    before = sector_tariffs_at(baseline, reference_date, as_known=as_known, metal_share=metal_share)
    after = sector_tariffs_at(
        baseline, entry_date, scenario=scenario, as_known=as_known, metal_share=metal_share
    )
    point = simulate_sectors(
        baseline,
        before.rates,
        after.rates,
        focus=partner,
        method=method,
        export_supply=export_supply,
    )
    monte_carlo = None
    if draws > 0:
        monte_carlo = monte_carlo_sectors(
            baseline,
            before.rates,
            after.rates,
            focus=partner,
            draws=draws,
            seed=seed,
            method=method,
            export_supply=export_supply,
            batch=250,
            on_progress=on_progress,
        )
    name = getattr(scenario, "name", None)
    return PricedOutcome(
        label=label or (f"{after.entry_date}" + (f" + {name}" if name else "")),
        before=before,
        after=after,
        point=point,
        monte_carlo=monte_carlo,
    )
