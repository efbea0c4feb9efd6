"""The baseline of the one-sector gravity model: who trades how much with whom, at what tariff.

A :class:`Baseline` holds an N x N matrix of bilateral flows ``trade[i, j]`` from exporter ``i``
to importer ``j`` (domestic sales on the diagonal), valued at customs value (what the exporter
receives, before the importer's tariff), and the ad valorem tariffs ``tariffs[i, j]`` that
importer ``j`` charges on goods from ``i`` (fractions). Everything the GE model needs is derived
from these two arrays:

.. math::

    Y_i = \\sum_j X_{ij}, \\qquad
    E_j = \\sum_i (1 + t_{ij}) X_{ij}, \\qquad
    D_j = \\sum_i X_{ij} - Y_j, \\qquad
    \\lambda_{ij} = (1 + t_{ij}) X_{ij} / E_j .

``E`` is spending including tariffs, ``D`` the trade deficit at customs values (it sums to zero
over the world) and ``lambda`` the expenditure shares.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, NDArray

from tariffscope.errors import DataFileError, UnknownCodeError

__all__ = ["Baseline", "FloatArray", "pivot_pairs"]

FloatArray = NDArray[np.float64]


_NO_TARIFFS: FloatArray = np.zeros((0, 0))


def _frozen(values: ArrayLike, name: str) -> FloatArray:
    try:
        array = np.array(values, dtype=np.float64, copy=True)
    except (TypeError, ValueError) as error:
        raise DataFileError(f"{name} is not numeric: {error}") from None
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class Baseline:
    """Observed (or fitted) bilateral trade, the starting point of every GE counterfactual.

    Parameters
    ----------
    countries
        Country codes in matrix order (ISO3, or region codes such as ``ROW``), unique.
    trade
        N x N flows, rows exporters, columns importers, customs value; every country needs a
        positive domestic flow on the diagonal; no negative or missing values.
    tariffs
        N x N ad valorem tariffs (fractions) charged by the column country on the row country;
        zeros when omitted. The diagonal must be zero.
    unit
        What one unit of ``trade`` is (for tables), e.g. ``"US$ million"``.

    Raises
    ------
    DataFileError
        Non-square or mis-sized arrays, negative or missing flows, zero domestic flows, a country
        that neither sells nor buys, tariffs at or below -100% or on domestic sales.
    """

    countries: tuple[str, ...]
    trade: FloatArray
    tariffs: FloatArray = field(default_factory=lambda: _NO_TARIFFS)
    unit: str = ""

    def __post_init__(self) -> None:
        countries = tuple(str(code) for code in self.countries)
        object.__setattr__(self, "countries", countries)
        trade = _frozen(self.trade, "trade")
        object.__setattr__(self, "trade", trade)
        n = len(countries)
        if len(set(countries)) != n:
            dup = next(code for k, code in enumerate(countries) if code in countries[:k])
            raise DataFileError(f"country {dup} appears twice in the baseline")
        if trade.ndim != 2 or trade.shape[0] != trade.shape[1]:
            raise DataFileError(
                f"trade matrix is not square: shape {trade.shape}; every country needs a flow to "
                "every country, itself included"
            )
        if trade.shape[0] != n:
            raise DataFileError(
                f"trade matrix is {trade.shape[0]} x {trade.shape[0]} but {n} countries are named"
            )
        if n < 2:
            raise DataFileError("a baseline needs at least two countries")
        self._check_flows(trade)
        if self.tariffs.size == 0:
            tariffs = np.zeros_like(trade)
            tariffs.setflags(write=False)
        else:
            tariffs = _frozen(self.tariffs, "tariffs")
        object.__setattr__(self, "tariffs", tariffs)
        self._check_tariffs(tariffs)

    def _check_flows(self, trade: FloatArray) -> None:
        bad = ~np.isfinite(trade)
        if bad.any():
            i, j = np.argwhere(bad)[0]
            raise DataFileError(
                f"trade flow {self.countries[i]} -> {self.countries[j]} is missing or not finite"
            )
        if (trade < 0).any():
            i, j = np.argwhere(trade < 0)[0]
            raise DataFileError(
                f"trade flow {self.countries[i]} -> {self.countries[j]} is negative "
                f"({trade[i, j]:g})"
            )
        domestic = np.diagonal(trade)
        if (domestic <= 0).any():
            k = int(np.argmax(domestic <= 0))
            raise DataFileError(
                f"domestic flow of {self.countries[k]} is missing or zero; structural gravity "
                "needs each country's sales to itself (output minus exports)"
            )

    def _check_tariffs(self, tariffs: FloatArray) -> None:
        if tariffs.shape != self.trade.shape:
            raise DataFileError(
                f"tariff matrix has shape {tariffs.shape}, trade has {self.trade.shape}"
            )
        if not np.isfinite(tariffs).all() or (tariffs <= -1).any():
            i, j = np.argwhere(~np.isfinite(tariffs) | (tariffs <= -1))[0]
            raise DataFileError(
                f"tariff of {self.countries[j]} on {self.countries[i]} is not a rate above -100%"
            )
        if np.any(np.diagonal(tariffs) != 0):
            k = int(np.argmax(np.diagonal(tariffs) != 0))
            raise DataFileError(f"tariff of {self.countries[k]} on its own goods must be zero")

    # -- derived quantities ---------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of countries."""
        return len(self.countries)

    @property
    def output(self) -> FloatArray:
        """Value of output ``Y_i`` (row sums, customs value)."""
        return np.asarray(self.trade.sum(axis=1))

    @property
    def spending(self) -> FloatArray:
        """Spending on goods at customs value ``sum_i X_ij`` (column sums)."""
        return np.asarray(self.trade.sum(axis=0))

    @property
    def expenditure(self) -> FloatArray:
        """Gross expenditure ``E_j`` including tariffs paid."""
        return np.asarray(((1.0 + self.tariffs) * self.trade).sum(axis=0))

    @property
    def deficit(self) -> FloatArray:
        """Trade deficit ``D_j`` (spending at customs value minus output); sums to zero."""
        return self.spending - self.output

    @property
    def tariff_revenue(self) -> FloatArray:
        """Tariff revenue ``R_j`` of each importer."""
        return np.asarray((self.tariffs * self.trade).sum(axis=0))

    @property
    def shares(self) -> FloatArray:
        """Expenditure shares ``lambda_ij`` (columns sum to one)."""
        gross = (1.0 + self.tariffs) * self.trade
        return np.asarray(gross / gross.sum(axis=0, keepdims=True))

    def index(self, code: str) -> int:
        """Position of a country code; raises UnknownCodeError naming the known codes."""
        try:
            return self.countries.index(code)
        except ValueError:
            raise UnknownCodeError(
                f"country {code!r} is not in this baseline",
                hint=f"known: {' '.join(self.countries)}",
            ) from None

    def with_tariffs(self, tariffs: ArrayLike) -> Baseline:
        """The same flows with other baseline tariffs (N x N fractions)."""
        return Baseline(self.countries, self.trade, _frozen(tariffs, "tariffs"), self.unit)

    @classmethod
    def from_flows(
        cls,
        exporters: Iterable[object],
        importers: Iterable[object],
        flows: Sequence[float] | FloatArray,
        *,
        unit: str = "",
    ) -> Baseline:
        """Build a baseline from long-form flows (one row per exporter-importer pair).

        Raises DataFileError when a pair is missing or repeated (the data must be N x N).
        """
        countries, matrix = pivot_pairs(exporters, importers, flows)
        return cls(countries, matrix, unit=unit)


def pivot_pairs(
    exporters: Iterable[object], importers: Iterable[object], values: Sequence[float] | FloatArray
) -> tuple[tuple[str, ...], FloatArray]:
    """Long-form pair values to ``(sorted countries, N x N matrix)``, exporters in rows.

    Raises DataFileError when a pair is missing or repeated.
    """
    exp = [str(code) for code in exporters]
    imp = [str(code) for code in importers]
    data = np.asarray(values, dtype=np.float64)
    if not (len(exp) == len(imp) == data.size):
        raise DataFileError("exporter, importer and value columns differ in length")
    countries = tuple(sorted(set(exp) | set(imp)))
    n = len(countries)
    if data.size != n * n:
        raise DataFileError(
            f"non-square data: {data.size} flows for {n} countries (need {n * n}, one per "
            "exporter-importer pair including domestic sales)"
        )
    pos = {code: k for k, code in enumerate(countries)}
    rows = np.array([pos[c] for c in exp])
    cols = np.array([pos[c] for c in imp])
    counts = np.zeros((n, n), dtype=np.int64)
    np.add.at(counts, (rows, cols), 1)
    if (counts != 1).any():
        i, j = np.argwhere(counts != 1)[0]
        what = "missing" if counts[i, j] == 0 else "repeated"
        raise DataFileError(
            f"flow {countries[i]} -> {countries[j]} is {what}; the data must be N x N"
        )
    matrix = np.empty((n, n))
    matrix[rows, cols] = data
    return countries, matrix
