"""Counterfactual shocks for the one-sector model: changes in trade costs and tariffs.

A :class:`Shock` says how bilateral trade costs move, in two parts:

``flow_factor[i, j]``
    The partial (constant-price) change in flows from ``i`` to ``j`` caused by non-tariff
    costs, as gravity estimates give it: ``exp(beta * delta x)``. For a new agreement with
    coefficient ``beta`` it is ``exp(beta)`` on the member pairs; for removing an international
    border with coefficient ``b < 0`` it is ``exp(-b)`` on every international pair.
``tariffs[i, j]``
    The new ad valorem tariffs charged by ``j`` on ``i`` (fractions), or None for unchanged.
    Their effect runs through the trade elasticity and through tariff revenue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from tariffscope.errors import DataFileError, ScenarioError
from tariffscope.impact.gravity.baseline import Baseline, FloatArray

__all__ = ["Shock", "TariffChange"]


@dataclass(frozen=True)
class TariffChange:
    """One bilateral tariff change: ``importer`` charges ``exporter`` ``after``, not ``before``.

    Rates are fractions; ``sector`` is None for the one-sector model.
    """

    importer: str
    exporter: str
    before: float
    after: float
    sector: str | None = None


@dataclass(frozen=True, eq=False)
class Shock:
    """A change in trade costs, applied to a baseline of the same countries.

    Parameters
    ----------
    flow_factor
        N x N positive partial effects on flows (1 means no change).
    tariffs
        N x N new tariffs (fractions), or None to keep the baseline's.
    label
        Short description for tables.
    """

    flow_factor: FloatArray
    tariffs: FloatArray | None = None
    label: str = ""

    def __post_init__(self) -> None:
        factor = np.array(self.flow_factor, dtype=np.float64, copy=True)
        if factor.ndim != 2 or factor.shape[0] != factor.shape[1]:
            raise DataFileError(f"flow factor must be a square matrix, got shape {factor.shape}")
        if not np.isfinite(factor).all() or (factor <= 0).any():
            raise DataFileError(
                "flow factors must be positive and finite (use exp(beta) for a coefficient beta)"
            )
        factor.setflags(write=False)
        object.__setattr__(self, "flow_factor", factor)
        if self.tariffs is not None:
            new = np.array(self.tariffs, dtype=np.float64, copy=True)
            if new.shape != factor.shape:
                raise DataFileError(f"new tariffs have shape {new.shape}, expected {factor.shape}")
            if not np.isfinite(new).all() or (new <= -1).any():
                raise DataFileError("new tariffs must be rates above -100%")
            if np.any(np.diagonal(new) != 0):
                raise DataFileError("a country cannot charge a tariff on its own goods")
            new.setflags(write=False)
            object.__setattr__(self, "tariffs", new)

    @property
    def n(self) -> int:
        """Number of countries the shock is shaped for."""
        return int(self.flow_factor.shape[0])

    def new_tariffs(self, baseline: Baseline) -> FloatArray:
        """Tariffs after the shock (the baseline's when the shock leaves them alone)."""
        return baseline.tariffs if self.tariffs is None else self.tariffs

    @classmethod
    def none(cls, n: int) -> Shock:
        """No change at all: solving it must return the baseline."""
        return cls(np.ones((n, n)), None, "no change")

    @classmethod
    def from_partial_effects(cls, beta: ArrayLike, label: str = "") -> Shock:
        """Flow factors ``exp(beta)`` from an N x N matrix of partial effects (log points).

        The diagonal is ignored (set to zero), as in ge_gravity.
        """
        effects = np.array(beta, dtype=np.float64, copy=True)
        if effects.ndim != 2 or effects.shape[0] != effects.shape[1]:
            raise DataFileError(
                f"partial effects must be a square matrix, got shape {effects.shape}"
            )
        np.fill_diagonal(effects, 0.0)
        return cls(np.exp(effects), None, label)

    @classmethod
    def for_pairs(
        cls,
        baseline: Baseline,
        pairs: Iterable[tuple[str, str]],
        beta: float,
        label: str = "",
    ) -> Shock:
        """Partial effect ``beta`` on the listed (exporter, importer) pairs."""
        effects = np.zeros((baseline.n, baseline.n))
        for exporter, importer in pairs:
            effects[baseline.index(exporter), baseline.index(importer)] = beta
        return cls.from_partial_effects(effects, label)

    @classmethod
    def from_tariff_changes(
        cls, baseline: Baseline, changes: Iterable[TariffChange], label: str = ""
    ) -> tuple[Baseline, Shock]:
        """The baseline with the changes' ``before`` rates and the shock to their ``after`` rates.

        Pairs not listed keep the baseline's tariffs. Raises ScenarioError when a pair is listed
        twice or a row names a sector (this model has one), UnknownCodeError for unknown codes.
        """
        before = np.array(baseline.tariffs, copy=True)
        after = np.array(baseline.tariffs, copy=True)
        seen: dict[tuple[int, int], TariffChange] = {}
        for change in changes:
            if change.sector is not None:
                raise ScenarioError(
                    f"tariff change {change.importer} on {change.exporter} names sector "
                    f"{change.sector!r}, but the one-sector model has no sectors",
                    hint="use the Caliendo-Parro data for sector tariffs",
                )
            i, j = baseline.index(change.exporter), baseline.index(change.importer)
            if i == j:
                raise ScenarioError(f"{change.importer} cannot charge a tariff on its own goods")
            if (i, j) in seen:
                raise ScenarioError(
                    f"tariff of {change.importer} on {change.exporter} is listed twice"
                )
            seen[(i, j)] = change
            before[i, j], after[i, j] = change.before, change.after
        return baseline.with_tariffs(before), cls(np.ones_like(before), after, label)
