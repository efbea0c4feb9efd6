"""SMART on a sector baseline: one market per sector, one row per partner, with headline numbers.

:func:`simulate_sectors` prices a change of sector tariffs (``[S, P]`` fractions) on a
:class:`~tariffscope.impact.pe.baseline.SectorBaseline`; :func:`headline_arrays` turns SMART
results for several stacked copies of the baseline (Monte Carlo draws) into the headline
numbers, so a single run and 1,000 draws share one code path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.errors import InputError
from tariffscope.impact.pe._smart import simulate_smart
from tariffscope.impact.pe._types import SmartInputs, SmartMethod, SmartResult
from tariffscope.impact.pe.baseline import SectorBaseline

__all__ = [
    "HEADLINE_METRICS",
    "SectorOutcome",
    "headline_arrays",
    "sector_inputs",
    "simulate_sectors",
]

FloatArray = npt.NDArray[np.float64]

#: Headline numbers: name -> (unit, description). ``focus`` is the partner of interest (a
#: country, or a bloc: the sum over its columns).
HEADLINE_METRICS: dict[str, tuple[str, str]] = {
    "imports_focus_before_usd": ("USD", "imports from the focus partner, before"),
    "imports_focus_change_usd": ("USD", "change in imports from the focus partner"),
    "imports_focus_change_pct": ("%", "change in imports from the focus partner"),
    "imports_others_change_usd": ("USD", "change in imports from all other partners"),
    "imports_total_before_usd": ("USD", "total imports of the covered sectors, before"),
    "imports_total_change_usd": ("USD", "change in total imports of the covered sectors"),
    "imports_total_change_pct": ("%", "change in total imports of the covered sectors"),
    "trade_creation_usd": ("USD", "trade creation (change in total import volume)"),
    "trade_diversion_focus_usd": ("USD", "trade diversion to (+) or from (-) the focus partner"),
    "price_effect_usd": ("USD", "change in import value from world-price changes"),
    "duty_focus_before_usd": ("USD", "duty collected on goods from the focus partner, before"),
    "duty_focus_after_usd": ("USD", "duty collected on goods from the focus partner, after"),
    "tariff_revenue_change_usd": ("USD", "change in tariff revenue on all covered imports"),
    "consumer_surplus_change_usd": ("USD", "change in buyers' surplus (negative = cost)"),
    "welfare_change_usd": ("USD", "consumer surplus plus change in tariff revenue"),
    "import_price_index_change_pct": ("%", "change in the tariff-inclusive import price index"),
    "etr_focus_before_pct": ("%", "effective tariff on the focus partner, before"),
    "etr_focus_static_pct": ("%", "new tariffs at old weights (before substitution)"),
    "etr_focus_after_pct": ("%", "new tariffs at new weights (after substitution)"),
    "etr_total_before_pct": ("%", "effective tariff on all covered imports, before"),
    "etr_total_static_pct": ("%", "all imports: new tariffs at old weights"),
    "etr_total_after_pct": ("%", "all imports: new tariffs at new weights"),
}


def sector_inputs(
    baseline: SectorBaseline,
    tariff0: FloatArray,
    tariff1: FloatArray,
    *,
    export_supply: float | FloatArray = np.inf,
    import_demand: FloatArray | None = None,
    substitution: FloatArray | None = None,
) -> SmartInputs:
    """SMART inputs with one market per sector and one row per partner (rows sector-major).

    ``import_demand`` and ``substitution`` may be ``[D, S]`` draws: the baseline is then
    stacked ``D`` times (market ``d * S + s``).
    """
    n_sectors, n_partners = baseline.imports.shape
    t0 = _check_tariffs(tariff0, baseline, "tariff0")
    t1 = _check_tariffs(tariff1, baseline, "tariff1")
    eta = np.atleast_2d(baseline.import_demand if import_demand is None else import_demand)
    sigma = np.atleast_2d(baseline.substitution if substitution is None else substitution)
    if eta.shape != sigma.shape or eta.shape[1] != n_sectors:
        raise InputError(
            f"elasticity draws have shapes {eta.shape} and {sigma.shape}; expected (D, {n_sectors})"
        )
    draws = eta.shape[0]
    supply = np.broadcast_to(np.asarray(export_supply, dtype=np.float64), (n_sectors, n_partners))
    market = np.repeat(np.arange(draws * n_sectors, dtype=np.int64), n_partners)
    return SmartInputs(
        market=market,
        value=np.tile(baseline.imports.ravel(), draws),
        tariff0=np.tile(t0.ravel(), draws),
        tariff1=np.tile(t1.ravel(), draws),
        import_demand=eta.ravel(),
        substitution=sigma.ravel(),
        export_supply=np.tile(supply.ravel(), draws),
    )


def _check_tariffs(tariffs: FloatArray, baseline: SectorBaseline, name: str) -> FloatArray:
    array = np.asarray(tariffs, dtype=np.float64)
    if array.shape != baseline.imports.shape:
        raise InputError(
            f"{name} has shape {array.shape}; "
            f"expected {baseline.imports.shape} (sectors x partners)"
        )
    if not np.isfinite(array).all():
        s, p = np.argwhere(~np.isfinite(array))[0]
        raise InputError(
            f"{name}: no tariff for sector {baseline.sectors[s]} and partner {baseline.partners[p]}"
        )
    return array


def headline_arrays(
    result: SmartResult, n_sectors: int, n_partners: int, focus: int | Sequence[int]
) -> dict[str, FloatArray]:
    """Every :data:`HEADLINE_METRICS` number for each stacked copy (``[D]`` arrays).

    ``focus`` is the column of the partner of interest, or the columns of a bloc (its
    numbers are summed over them).
    """
    shape = (-1, n_sectors, n_partners)
    columns = np.atleast_1d(np.asarray(focus, dtype=np.int64))
    inputs = result.inputs
    v0 = inputs.value.reshape(shape)
    v1 = result.value1.reshape(shape)
    t0 = inputs.tariff0.reshape(shape)
    t1 = inputs.tariff1.reshape(shape)
    r0 = result.revenue0.reshape(shape)
    r1 = result.revenue1.reshape(shape)
    spend = (v0 * (1.0 + t0)).sum(axis=2)
    price_index = result.price_index.reshape(-1, n_sectors)
    consumer = result.consumer_surplus.reshape(-1, n_sectors).sum(axis=1)
    others = np.ones(n_partners, dtype=bool)
    others[columns] = False
    f0, f1 = v0[:, :, columns].sum(axis=(1, 2)), v1[:, :, columns].sum(axis=(1, 2))
    total0, total1 = v0.sum(axis=(1, 2)), v1.sum(axis=(1, 2))
    revenue_change = (r1 - r0).sum(axis=(1, 2))
    return {
        "imports_focus_before_usd": f0,
        "imports_focus_change_usd": f1 - f0,
        "imports_focus_change_pct": 100.0 * _ratio(f1 - f0, f0),
        "imports_others_change_usd": (v1 - v0)[:, :, others].sum(axis=(1, 2)),
        "imports_total_before_usd": total0,
        "imports_total_change_usd": total1 - total0,
        "imports_total_change_pct": 100.0 * _ratio(total1 - total0, total0),
        "trade_creation_usd": result.creation.reshape(shape).sum(axis=(1, 2)),
        "trade_diversion_focus_usd": result.diversion.reshape(shape)[:, :, columns].sum(
            axis=(1, 2)
        ),
        "price_effect_usd": result.price_effect.reshape(shape).sum(axis=(1, 2)),
        "duty_focus_before_usd": r0[:, :, columns].sum(axis=(1, 2)),
        "duty_focus_after_usd": r1[:, :, columns].sum(axis=(1, 2)),
        "tariff_revenue_change_usd": revenue_change,
        "consumer_surplus_change_usd": consumer,
        "welfare_change_usd": consumer + revenue_change,
        "import_price_index_change_pct": 100.0
        * _ratio((spend * price_index).sum(axis=1), spend.sum(axis=1)),
        "etr_focus_before_pct": 100.0 * _ratio(r0[:, :, columns].sum(axis=(1, 2)), f0),
        "etr_focus_static_pct": 100.0 * _ratio((t1 * v0)[:, :, columns].sum(axis=(1, 2)), f0),
        "etr_focus_after_pct": 100.0 * _ratio(r1[:, :, columns].sum(axis=(1, 2)), f1),
        "etr_total_before_pct": 100.0 * _ratio(r0.sum(axis=(1, 2)), total0),
        "etr_total_static_pct": 100.0 * _ratio((t1 * v0).sum(axis=(1, 2)), total0),
        "etr_total_after_pct": 100.0 * _ratio(r1.sum(axis=(1, 2)), total1),
    }


def _ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    out = np.full(np.shape(numerator), np.nan)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out


@dataclass(frozen=True)
class SectorOutcome:
    """A priced outcome on a sector baseline (one SMART run with central elasticities).

    ``focus`` is the partner of interest (a column label, or ``EUN`` for the EU members'
    columns); its numbers are summed over ``focus_columns``.
    """

    baseline: SectorBaseline
    focus: str
    result: SmartResult

    @property
    def focus_columns(self) -> tuple[int, ...]:
        """The baseline columns that make up the focus."""
        return self.baseline.focus_columns(self.focus)

    @property
    def headline(self) -> dict[str, float]:
        """The :data:`HEADLINE_METRICS` numbers."""
        s, p = self.baseline.imports.shape
        arrays = headline_arrays(self.result, s, p, self.focus_columns)
        return {name: float(values[0]) for name, values in arrays.items()}

    def to_frame(self) -> pd.DataFrame:
        """One row per sector x partner: imports before/after, effects, tariffs (percent)."""
        b, r = self.baseline, self.result
        s, p = b.imports.shape
        return pd.DataFrame(
            {
                "gtap_code": np.repeat(b.sectors, p),
                "description": np.repeat(b.descriptions, p),
                "partner": np.tile(b.partners, s),
                "imports_before_usd": r.inputs.value,
                "imports_after_usd": r.value1,
                "change_usd": r.value1 - r.inputs.value,
                "creation_usd": r.creation,
                "diversion_usd": r.diversion,
                "price_effect_usd": r.price_effect,
                "tariff_before_pct": 100.0 * r.inputs.tariff0,
                "tariff_after_pct": 100.0 * r.inputs.tariff1,
                "duty_before_usd": r.revenue0,
                "duty_after_usd": r.revenue1,
            }
        )

    def focus_by_sector(self) -> pd.DataFrame:
        """Sectors ranked by the change in imports from the focus partner (or bloc).

        One row per sector: imports before and after, the change and its parts, duties, and
        the focus's tariffs before and after (for a bloc, its import-weighted mean).
        """
        frame = self.to_frame()
        labels = [self.baseline.partners[k] for k in self.focus_columns]
        frame = frame[frame["partner"].isin(labels)]
        if len(labels) > 1:
            frame = frame.assign(
                static_after_usd=frame["tariff_after_pct"] / 100.0 * frame["imports_before_usd"]
            )
            money = [c for c in frame.columns if c.endswith("_usd")]
            frame = frame.groupby(["gtap_code", "description"], sort=False, as_index=False)[
                money
            ].sum()
            frame.insert(2, "partner", self.focus)
            before = frame["imports_before_usd"].to_numpy()
            frame["tariff_before_pct"] = 100.0 * _ratio(frame["duty_before_usd"].to_numpy(), before)
            frame["tariff_after_pct"] = 100.0 * _ratio(frame["static_after_usd"].to_numpy(), before)
            frame = frame.drop(columns="static_after_usd")
        frame = frame.copy()
        frame["change_pct"] = 100.0 * _ratio(
            frame["change_usd"].to_numpy(), frame["imports_before_usd"].to_numpy()
        )
        return frame.sort_values("change_usd").reset_index(drop=True)


def simulate_sectors(
    baseline: SectorBaseline,
    tariff0: FloatArray,
    tariff1: FloatArray,
    *,
    focus: str,
    method: SmartMethod = "exact_ces",
    export_supply: float | FloatArray = np.inf,
) -> SectorOutcome:
    """Price a change of sector tariffs with SMART on the baseline (central elasticities).

    Parameters
    ----------
    baseline
        Imports and elasticities (e.g. :func:`~tariffscope.impact.pe.load_sector_baseline`).
    tariff0, tariff1
        ``[S, P]`` tariffs before and after (fractions).
    focus
        The partner the headline numbers single out: a column label, or ``EUN`` for the EU
        members' columns (see :meth:`SectorBaseline.focus_columns`).
    method
        ``"exact_ces"`` or ``"smart_linear"``.
    export_supply
        Export-supply elasticity (scalar or ``[S, P]``); ``inf`` fixes world prices (the WITS
        default of 99 is practically the same).
    """
    baseline.focus_columns(focus)
    inputs = sector_inputs(baseline, tariff0, tariff1, export_supply=export_supply)
    return SectorOutcome(baseline, focus, simulate_smart(inputs, method=method))
