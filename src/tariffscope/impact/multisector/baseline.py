"""The Caliendo-Parro baseline: shares, expenditure, value added and final-demand shares.

:func:`prepare_baseline` turns flows and gross output into the model's starting point exactly
as the authors' ``script.m`` does: domestic sales are gross output minus exports, expenditure
shares ``pi`` include tariffs, the surplus ``S`` is exports minus imports at factory prices, and
the final-demand shares ``alpha`` are backed out of the expenditure identity (negative values set
to zero, then renormalised).

:func:`zero_surplus_baseline` builds the baseline the paper's counterfactuals start from
(``script.m``, ``script_eliminating_trade_surplus.m``, ``script_no_surplus.m``): solve the model
with the observed surpluses and unchanged tariffs, then solve it again with all surpluses set to
zero, and use that equilibrium as the 1993 baseline without trade imbalances.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tariffscope.errors import DataFileError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.multisector.data import CPData

__all__ = ["MSBaseline", "prepare_baseline", "zero_surplus_baseline"]


@dataclass(frozen=True, eq=False)
class MSBaseline:
    """A multi-sector baseline (arrays as in :mod:`tariffscope.impact.multisector.equations`).

    Attributes
    ----------
    shares
        ``pi[j, n, i]``: share of source ``i`` in ``n``'s spending on sector ``j`` (with tariffs).
    tariffs
        ``[j, n, i]`` ad valorem tariffs (fractions) of ``n`` on ``i``.
    expenditure
        ``X[j, n]``: spending on sector ``j`` goods, tariffs included.
    flows
        ``[j, n, i]`` flows at factory prices, domestic sales included.
    value_added, surplus
        ``[N]`` value added and trade surplus (exports minus imports).
    alpha, beta, io, theta
        Final-demand shares ``[J, N]``, value-added shares ``[J, N]``, intermediate shares
        ``io[n, k, j]`` and trade elasticities ``[J]``.
    """

    countries: tuple[str, ...]
    sectors: tuple[str, ...]
    shares: FloatArray
    tariffs: FloatArray
    expenditure: FloatArray
    flows: FloatArray
    value_added: FloatArray
    surplus: FloatArray
    alpha: FloatArray
    beta: FloatArray
    io: FloatArray
    theta: FloatArray

    @property
    def kappa(self) -> FloatArray:
        """One plus the tariff."""
        return np.asarray(1.0 + self.tariffs)

    @property
    def income(self) -> FloatArray:
        """Total income ``I_n = w_n L_n + R_n - S_n`` (value added plus tariff revenue)."""
        f = (self.shares / self.kappa).sum(axis=2)
        return np.asarray(
            self.value_added + (self.expenditure * (1.0 - f)).sum(axis=0) - self.surplus
        )

    def index(self, code: str) -> int:
        """Position of a country code."""
        from tariffscope.errors import UnknownCodeError

        try:
            return self.countries.index(code)
        except ValueError:
            raise UnknownCodeError(
                f"country {code!r} is not in the Caliendo-Parro data",
                hint=f"known: {' '.join(self.countries)}",
            ) from None

    def sector_index(self, name: str) -> int:
        """Position of a sector, by name or 1-based number."""
        from tariffscope.errors import UnknownCodeError

        key = name.strip().lower()
        if key.isdigit() and 1 <= int(key) <= len(self.sectors):
            return int(key) - 1
        try:
            return self.sectors.index(key)
        except ValueError:
            raise UnknownCodeError(
                f"sector {name!r} is not in the Caliendo-Parro data",
                hint=f"use 1-{len(self.sectors)} or one of: {', '.join(self.sectors[:20])}",
            ) from None


def _validate(data: CPData, flows: FloatArray, gross_output: FloatArray) -> None:
    j, n = gross_output.shape
    if flows.shape != (j, n, n):
        raise DataFileError(f"flows have shape {flows.shape}, expected {(j, n, n)}")
    if (flows < 0).any() or not np.isfinite(flows).all():
        raise DataFileError("flows must be finite and non-negative")
    if (gross_output < 0).any():
        raise DataFileError("gross output must be non-negative")
    if data.io.shape != (n, j, j) or data.theta.shape != (j,):
        raise DataFileError("input-output matrix or trade elasticities do not match the sectors")


def prepare_baseline(
    data: CPData,
    flows: FloatArray | None = None,
    gross_output: FloatArray | None = None,
    *,
    alpha: FloatArray | None = None,
    zero_surplus: bool = False,
) -> MSBaseline:
    """The model baseline from factory-price flows (without domestic sales) and gross output.

    ``alpha`` defaults to the shares implied by the data (the authors' formula); pass it to
    keep shares fixed across re-calibrations, as the authors' later scripts do.
    """
    flows = data.flows if flows is None else flows
    gross_output = data.gross_output if gross_output is None else gross_output
    _validate(data, flows, gross_output)
    kappa = 1.0 + data.tariffs_1993
    n = flows.shape[1]
    idx = np.arange(n)
    exports = flows.sum(axis=1)  # [j, i]: sales of i to all destinations (diagonal is zero)
    gross_output = np.maximum(gross_output, exports)
    spending = flows * kappa
    spending[:, idx, idx] += gross_output - exports
    total = spending.sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(total[:, :, None] > 0, spending / total[:, :, None], 0.0)
    factory = spending / kappa
    surplus = factory.sum(axis=1).sum(axis=0) - factory.sum(axis=2).sum(axis=0)
    if zero_surplus:
        surplus = np.zeros(n)
    value_added = (gross_output * data.value_added_share).sum(axis=0)
    if alpha is None:
        sales = factory.sum(axis=1)
        f = (shares / kappa).sum(axis=2)
        demand = total - np.einsum("nkj,jn->kn", data.io, (1.0 - data.value_added_share) * sales)
        income = value_added + (total * (1.0 - f)).sum(axis=0) - surplus
        alpha = np.maximum(demand / income[None, :], 0.0)
        alpha = alpha / alpha.sum(axis=0, keepdims=True)
    return MSBaseline(
        countries=data.countries,
        sectors=data.sectors,
        shares=np.asarray(shares),
        tariffs=np.asarray(data.tariffs_1993),
        expenditure=np.asarray(total),
        flows=np.asarray(factory),
        value_added=np.asarray(value_added),
        surplus=np.asarray(surplus),
        alpha=np.asarray(alpha),
        beta=data.value_added_share,
        io=data.io,
        theta=data.theta,
    )


def zero_surplus_baseline(data: CPData, *, tol: float = 1e-12) -> MSBaseline:
    """The paper's 1993 baseline without aggregate trade imbalances (see module docstring)."""
    from tariffscope.impact.multisector.solve import MSOptions, MSShock, solve

    options = MSOptions(tol=tol)
    observed = prepare_baseline(data)
    with_surplus = solve(observed, MSShock.none(observed), options)
    n = len(data.countries)
    idx = np.arange(n)
    step1 = with_surplus.flows.copy()
    output1 = step1.sum(axis=1)
    step1[:, idx, idx] = 0.0
    rebased = prepare_baseline(data, step1, output1, alpha=observed.alpha, zero_surplus=True)
    balanced = solve(rebased, MSShock.none(rebased), options)
    step2 = balanced.flows.copy()
    output2 = step2.sum(axis=1)
    step2[:, idx, idx] = 0.0
    return prepare_baseline(data, step2, output2, alpha=observed.alpha, zero_surplus=True)
