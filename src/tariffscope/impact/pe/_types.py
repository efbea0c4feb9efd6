"""Inputs and results of the single-market (SMART) engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, get_args

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.errors import InputError

__all__ = ["SMART_METHODS", "SmartInputs", "SmartMethod", "SmartResult", "check_method"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

#: ``exact_ces``: the Armington-CES model solved exactly (any size of tariff change).
#: ``smart_linear``: the first-order form with WITS SMART's attribution of effects.
SmartMethod = Literal["exact_ces", "smart_linear"]
SMART_METHODS: tuple[str, ...] = get_args(SmartMethod)


def check_method(method: str) -> SmartMethod:
    """Return ``method`` if it is a known SMART method, else raise InputError listing them."""
    if method not in SMART_METHODS:
        raise InputError(f"unknown SMART method {method!r}", hint=f"use one of {SMART_METHODS}")
    return method  # type: ignore[return-value]


@dataclass(frozen=True)
class SmartInputs:
    """One importer's markets (products), each supplied by several partners.

    Rows are product x partner pairs; ``market`` says which product (market) a row belongs
    to, numbered ``0 .. n_markets - 1``. Several importers can be stacked as separate markets.

    Attributes
    ----------
    market
        Market index of each row (int, ``[n_rows]``).
    value
        Baseline imports at world prices (CIF, duty excluded), US dollars; > 0 rows count.
    tariff0, tariff1
        Ad valorem tariff before and after, as fractions (0.25 = 25%).
    import_demand
        Import-demand elasticity of each market, as a magnitude η ≥ 0 (the composite import
        quantity falls by η% when its price rises 1%). ``[n_markets]``.
    substitution
        Elasticity of substitution σ > 0 between partners (Armington), ``[n_markets]``.
    export_supply
        Export-supply elasticity ε > 0 of each row (``np.inf`` = world prices fixed).
    """

    market: IntArray
    value: FloatArray
    tariff0: FloatArray
    tariff1: FloatArray
    import_demand: FloatArray
    substitution: FloatArray
    export_supply: FloatArray
    n_markets: int = field(init=False)

    def __post_init__(self) -> None:
        market = np.asarray(self.market)
        n_rows = market.shape[0]
        if market.ndim != 1:
            raise InputError("market must be a 1-d array of market indices")
        if n_rows and (market.min() < 0 or not np.issubdtype(market.dtype, np.integer)):
            raise InputError("market indices must be integers >= 0")
        n_markets = int(market.max()) + 1 if n_rows else 0
        object.__setattr__(self, "n_markets", max(n_markets, len(self.import_demand)))
        for name in ("value", "tariff0", "tariff1", "export_supply"):
            array = np.asarray(getattr(self, name), dtype=np.float64)
            if array.shape != (n_rows,):
                raise InputError(
                    f"{name} has shape {array.shape}; expected ({n_rows},) like market"
                )
            object.__setattr__(self, name, array)
        for name in ("import_demand", "substitution"):
            array = np.asarray(getattr(self, name), dtype=np.float64)
            if array.shape != (self.n_markets,):
                raise InputError(
                    f"{name} has shape {array.shape}; expected ({self.n_markets},), one per market"
                )
            object.__setattr__(self, name, array)
        object.__setattr__(self, "market", market.astype(np.int64, copy=False))
        _check(self.value >= 0, "value", "import values must be >= 0")
        _check(self.tariff0 > -1, "tariff0", "tariffs must be > -1 (fractions)")
        _check(self.tariff1 > -1, "tariff1", "tariffs must be > -1 (fractions)")
        _check(self.export_supply > 0, "export_supply", "export-supply elasticities must be > 0")
        _check(self.import_demand >= 0, "import_demand", "import-demand elasticities must be >= 0")
        _check(self.substitution > 0, "substitution", "substitution elasticities must be > 0")

    @property
    def n_rows(self) -> int:
        """Number of product x partner rows."""
        return int(self.market.shape[0])


def _check(ok: npt.NDArray[np.bool_], name: str, message: str) -> None:
    bad = ~ok
    if bad.any():
        index = int(np.flatnonzero(bad)[0])
        raise InputError(f"{name}[{index}]: {message}")


@dataclass(frozen=True)
class SmartResult:
    """Effects of a tariff change in every market, by row and by market.

    Row arrays (``[n_rows]``, US dollars unless stated; changes are new minus old):

    ``value1``            imports at world prices after the change
    ``creation``          trade creation (volume effect of the change in total imports)
    ``diversion``         trade diversion (reallocation between partners; sums to zero by market)
    ``price_effect``      change in value from the change in the partner's world price
    ``world_price``       world (export) price ratio new/old, minus 1 (fraction)
    ``domestic_price``    tariff-inclusive price ratio new/old, minus 1 (fraction)
    ``revenue0``, ``revenue1``   tariff revenue ``t * value`` before and after
    ``producer_surplus``  change in the exporter's surplus on this market

    Market arrays (``[n_markets]``): ``price_index`` (change of the composite import price,
    fraction), ``consumer_surplus`` (change, US dollars), and the effective tariff rates
    ``etr0`` (old tariffs, old weights), ``etr_static`` (new tariffs, old weights: before
    substitution) and ``etr1`` (new tariffs, new weights: after substitution).

    ``creation + diversion + price_effect == value1 - value0`` holds row by row.
    """

    method: SmartMethod
    inputs: SmartInputs
    value1: FloatArray
    creation: FloatArray
    diversion: FloatArray
    price_index: FloatArray
    consumer_surplus: FloatArray
    #: change of the tariff-inclusive price by row, as a log ratio (exact form) or a fraction
    #: (linear form); see ``domestic_price``.
    domestic_change: FloatArray
    #: change of the world price by row, same convention; None when world prices are fixed.
    world_change: FloatArray | None = None
    iterations: int = 0
    residual_norm: float = 0.0

    # Derived arrays are computed on first use: a run on 11 million rows only pays for what is
    # read (fresh large arrays are costly), and fixed world prices need no arrays of zeros.

    @cached_property
    def domestic_price(self) -> FloatArray:
        """Tariff-inclusive price ratio new/old minus 1, by row (fraction)."""
        if self.method == "exact_ces":
            return np.expm1(self.domestic_change)
        return self.domestic_change

    @cached_property
    def world_price(self) -> FloatArray:
        """World (export) price ratio new/old minus 1, by row (fraction)."""
        if self.world_change is None:
            return np.zeros_like(self.value1)
        if self.method == "exact_ces":
            return np.expm1(self.world_change)
        return self.world_change

    @cached_property
    def price_effect(self) -> FloatArray:
        """Change in import value from the change in the partner's world price, by row."""
        if self.world_change is None:
            return np.zeros_like(self.value1)
        if self.method == "exact_ces":  # V q (w - 1) = V1 (1 - 1/w)
            return self.value1 * -np.expm1(-self.world_change)
        return self.inputs.value * self.world_change

    @cached_property
    def producer_surplus(self) -> FloatArray:
        """Change in the exporter's surplus on this market, by row (US dollars)."""
        out = np.zeros_like(self.value1)
        if self.world_change is None:
            return out
        eps = self.inputs.export_supply
        finite = np.isfinite(eps)
        v0, change = self.inputs.value[finite], self.world_change[finite]
        if self.method == "exact_ces":  # V (w^(1+e) - 1) / (1 + e)
            out[finite] = v0 * np.expm1((1.0 + eps[finite]) * change) / (1.0 + eps[finite])
        else:  # V w (1 + e w / 2)
            out[finite] = v0 * change * (1.0 + 0.5 * eps[finite] * change)
        return out

    @cached_property
    def revenue0(self) -> FloatArray:
        """Tariff revenue before, ``t0 * value0``, by row."""
        return self.inputs.tariff0 * self.inputs.value

    @cached_property
    def revenue1(self) -> FloatArray:
        """Tariff revenue after, ``t1 * value1``, by row."""
        return self.inputs.tariff1 * self.value1

    @property
    def value0(self) -> FloatArray:
        """Baseline imports at world prices."""
        return self.inputs.value

    def market_sum(self, row_values: FloatArray) -> FloatArray:
        """Sum a row array by market."""
        sums = np.bincount(self.inputs.market, weights=row_values, minlength=self.inputs.n_markets)
        return sums.astype(np.float64, copy=False)

    @property
    def etr0(self) -> FloatArray:
        """Trade-weighted tariff before the change, by market."""
        return _ratio(self.market_sum(self.revenue0), self.market_sum(self.value0))

    @property
    def etr_static(self) -> FloatArray:
        """New tariffs at baseline weights (before substitution), by market."""
        return _ratio(
            self.market_sum(self.inputs.tariff1 * self.value0), self.market_sum(self.value0)
        )

    @property
    def etr1(self) -> FloatArray:
        """New tariffs at new weights (after substitution), by market."""
        return _ratio(self.market_sum(self.revenue1), self.market_sum(self.value1))

    def to_frame(self) -> pd.DataFrame:
        """One row per product x partner with inputs and effects (tidy, snake_case)."""
        inputs = self.inputs
        return pd.DataFrame(
            {
                "market": inputs.market,
                "value0": inputs.value,
                "tariff0": inputs.tariff0,
                "tariff1": inputs.tariff1,
                "value1": self.value1,
                "creation": self.creation,
                "diversion": self.diversion,
                "price_effect": self.price_effect,
                "world_price": self.world_price,
                "domestic_price": self.domestic_price,
                "revenue0": self.revenue0,
                "revenue1": self.revenue1,
                "producer_surplus": self.producer_surplus,
            }
        )

    def market_frame(self) -> pd.DataFrame:
        """One row per market: totals, price index, consumer surplus and tariff rates."""
        return pd.DataFrame(
            {
                "value0": self.market_sum(self.value0),
                "value1": self.market_sum(self.value1),
                "creation": self.market_sum(self.creation),
                "diversion": self.market_sum(self.diversion),
                "price_effect": self.market_sum(self.price_effect),
                "revenue0": self.market_sum(self.revenue0),
                "revenue1": self.market_sum(self.revenue1),
                "price_index": self.price_index,
                "consumer_surplus": self.consumer_surplus,
                "producer_surplus": self.market_sum(self.producer_surplus),
                "etr0": self.etr0,
                "etr_static": self.etr_static,
                "etr1": self.etr1,
            }
        )


def _ratio(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    out = np.full_like(numerator, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out
