r"""GSIM: a global partial-equilibrium model of one product traded among all regions at once.

Francois & Hall (2003) extend SMART to every importer simultaneously; world (export) prices
adjust so that each exporter's supply equals the demand of all importers. For each product,
regions :math:`r` (exporters) and :math:`v` (importers), baseline flows :math:`M_{rv}` at
world prices (world prices normalised to 1), tariff factors :math:`T_{rv}=1+t_{rv}`:

* internal price change :math:`\hat P_{rv} = \hat T_{rv} + \hat p_r` where
  :math:`\hat T_{rv} = T^1_{rv}/T^0_{rv}-1` and :math:`\hat p_r` is the exporter's world
  price change (fractions);
* import-demand response with the GSIM elasticities (Francois & Hall 2003, eq. 5-6),
  :math:`E_m<0` (composite import demand), :math:`E_s>0` (substitution) and internal-price
  import shares :math:`\theta_{sv} = T^0_{sv}M_{sv}/\sum_j T^0_{jv}M_{jv}`:

  .. math::

     \hat M_{rv} = \sum_s N_{v,rs}\hat P_{sv},\qquad
     N_{v,rr} = \theta_{rv}E_m - (1-\theta_{rv})E_s,\quad
     N_{v,rs} = \theta_{sv}(E_m + E_s)\ (s\neq r);

* export supply :math:`\hat X_r = E_x\hat p_r`, and market clearing
  :math:`\sum_v M_{rv}(1+\hat M_{rv}) = X_r(1+\hat X_r)` with :math:`X_r=\sum_v M_{rv}`.

This ``linear`` form is linear in :math:`\hat p`; it is solved exactly per product as an
:math:`n\times n` system (batched over products). It is the form of the GSIM spreadsheet and
reproduces the four-region example of ``validation/README.md`` to 0.01 points.

``exact_ces`` solves the same Armington economy in levels: CES price index
:math:`\hat P_v = (\sum_s\theta_{sv}(\hat T_{sv}\hat w_s)^{1-E_s})^{1/(1-E_s)}`, demand
:math:`\hat q_{rv} = \hat P_v^{E_m}(\hat T_{rv}\hat w_r/\hat P_v)^{-E_s}` and supply
:math:`X_r\hat w_r^{E_x}`, by Newton's method on the log world prices. The two agree for
small changes and drift apart for large ones (the linear form understates the response to
large tariff cuts).

Welfare (Francois & Hall 2003, eq. 9-11), US dollars: consumer surplus
:math:`\Delta CS_v = -E_v\Pi_v(1+\tfrac12E_m\Pi_v)` with :math:`E_v=\sum_r T^0_{rv}M_{rv}`
and composite price change :math:`\Pi_v=\sum_s\theta_{sv}\hat P_{sv}`; producer surplus
:math:`\Delta PS_r = X_r\hat p_r(1+\tfrac12E_x\hat p_r)`; tariff revenue
:math:`R_v=\sum_r t_{rv}(1+\hat p_r)M^1_{rv}`.

References
----------
Francois, J. F. and H. K. Hall (2003), "Global simulation analysis of industry-level trade
policy", GSIM technical paper. Jammes, O. and M. Olarreaga (2005), "Explaining SMART and
GSIM", World Bank. WTO/UNCTAD (2012), *A Practical Guide to Trade Policy Analysis*, ch. 5.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.errors import ConvergenceError, InputError

__all__ = ["GSIM_METHODS", "GsimInputs", "GsimMethod", "GsimResult", "solve_gsim"]

FloatArray = npt.NDArray[np.float64]

#: ``linear``: the GSIM spreadsheet's first-order system; ``exact_ces``: levels, CES.
GsimMethod = Literal["linear", "exact_ces"]
GSIM_METHODS: tuple[str, ...] = get_args(GsimMethod)

_TOL = 1e-12
_MAXITER = 50


@dataclass(frozen=True)
class GsimInputs:
    """Baseline flows, tariffs and elasticities of ``k`` products among ``n`` regions.

    Attributes
    ----------
    flows
        Trade at world prices, ``[k, n, n]`` (exporter, importer); a ``[n, n]`` array is one
        product. Own flows (the diagonal) count as imports, as in GSIM.
    tariff0, tariff1
        Ad valorem tariffs before and after (fractions), same shape as ``flows``.
    import_demand
        Composite import-demand elasticity as a magnitude (GSIM's :math:`E_m=-\\eta`), per
        product ``[k]`` or per product and importer ``[k, n]``.
    substitution
        Elasticity of substitution :math:`E_s>0`, ``[k]`` or ``[k, n]`` (by importer).
    export_supply
        Export-supply elasticity :math:`E_x>0`, ``[k]`` or ``[k, n]`` (by exporter).
    regions
        Region names, in the order of the axes.
    """

    flows: FloatArray
    tariff0: FloatArray
    tariff1: FloatArray
    import_demand: FloatArray
    substitution: FloatArray
    export_supply: FloatArray
    regions: tuple[str, ...]

    def __post_init__(self) -> None:
        flows = np.asarray(self.flows, dtype=np.float64)
        if flows.ndim == 2:
            flows = flows[None]
        if flows.ndim != 3 or flows.shape[1] != flows.shape[2]:
            raise InputError(f"flows must be [k, n, n]; got shape {np.shape(self.flows)}")
        k, n, _ = flows.shape
        if len(self.regions) != n:
            raise InputError(f"{len(self.regions)} region names for {n} regions")
        object.__setattr__(self, "flows", flows)
        for name in ("tariff0", "tariff1"):
            array = np.asarray(getattr(self, name), dtype=np.float64).reshape(-1, n, n)
            if array.shape != flows.shape:
                raise InputError(f"{name} has shape {array.shape}; expected {flows.shape}")
            if (array <= -1).any():
                raise InputError(f"{name}: tariffs must be > -1 (fractions)")
            object.__setattr__(self, name, array)
        for name in ("import_demand", "substitution", "export_supply"):
            array = np.asarray(getattr(self, name), dtype=np.float64)
            array = np.broadcast_to(array.reshape(-1, 1) if array.ndim <= 1 else array, (k, n))
            object.__setattr__(self, name, np.array(array))
        if (flows < 0).any():
            raise InputError("flows must be >= 0")
        if (self.substitution <= 0).any() or (self.export_supply <= 0).any():
            raise InputError("substitution and export-supply elasticities must be > 0")
        if (self.import_demand < 0).any():
            raise InputError("import_demand is a magnitude and must be >= 0")


@dataclass(frozen=True)
class GsimResult:
    """Solution of :func:`solve_gsim`.

    Attributes
    ----------
    world_price
        World (export) price change by product and exporter, ``[k, n]`` (fraction).
    quantity
        New trade volumes at baseline world prices ``[k, n, n]``.
    value
        New trade at new world prices ``[k, n, n]``.
    consumer_surplus, producer_surplus, revenue0, revenue1
        ``[k, n]`` by region (importer for CS and revenue, exporter for PS), US dollars.
    price_index
        Composite import price change by importer ``[k, n]`` (fraction).
    """

    method: GsimMethod
    inputs: GsimInputs
    world_price: FloatArray
    quantity: FloatArray
    value: FloatArray
    price_index: FloatArray
    consumer_surplus: FloatArray
    producer_surplus: FloatArray
    revenue0: FloatArray
    revenue1: FloatArray
    converged: bool
    iterations: int
    residual_norm: float
    elapsed: float

    @property
    def welfare(self) -> FloatArray:
        """Net welfare change by region ``[k, n]``: CS + PS + change in tariff revenue."""
        return self.consumer_surplus + self.producer_surplus + self.revenue1 - self.revenue0

    def region_frame(self, product: int = 0) -> pd.DataFrame:
        """One row per region of one product: prices and welfare (percent and US dollars)."""
        return pd.DataFrame(
            {
                "region": list(self.inputs.regions),
                "world_price_pct": 100.0 * self.world_price[product],
                "import_price_index_pct": 100.0 * self.price_index[product],
                "consumer_surplus": self.consumer_surplus[product],
                "producer_surplus": self.producer_surplus[product],
                "tariff_revenue_change": self.revenue1[product] - self.revenue0[product],
                "welfare": self.welfare[product],
            }
        )


def solve_gsim(inputs: GsimInputs, *, method: GsimMethod = "linear") -> GsimResult:
    """Solve GSIM for every product.

    Parameters
    ----------
    inputs
        Flows, tariffs and elasticities.
    method
        ``"linear"`` (the GSIM spreadsheet form, default) or ``"exact_ces"``.

    Returns
    -------
    GsimResult

    Raises
    ------
    InputError
        For an unknown method.
    ConvergenceError
        If ``exact_ces`` does not converge, or the linear system is singular.
    """
    if method not in GSIM_METHODS:
        raise InputError(f"unknown GSIM method {method!r}", hint=f"use one of {GSIM_METHODS}")
    start = time.perf_counter()
    flows = inputs.flows
    factor0, factor1 = 1.0 + inputs.tariff0, 1.0 + inputs.tariff1
    spend = flows * factor0
    column = spend.sum(axis=1, keepdims=True)
    theta = np.divide(spend, column, out=np.zeros_like(spend), where=column > 0)
    exports = flows.sum(axis=2)
    e_m = -inputs.import_demand  # GSIM sign convention
    e_s, e_x = inputs.substitution, inputs.export_supply
    if method == "linear":
        p, q_hat, pi = _solve_linear(flows, theta, factor1 / factor0 - 1.0, exports, e_m, e_s, e_x)
        iterations, residual = 1, 0.0
    else:
        p, q_hat, pi, iterations, residual = _solve_exact(
            flows, theta, factor1 / factor0, exports, e_m, e_s, e_x
        )
    quantity = flows * (1.0 + q_hat)
    value = quantity * (1.0 + p)[:, :, None]
    consumer = -column[:, 0, :] * pi * (1.0 + 0.5 * e_m * pi)
    producer = exports * p * (1.0 + 0.5 * e_x * p)
    revenue0 = (inputs.tariff0 * flows).sum(axis=1)
    revenue1 = (inputs.tariff1 * value).sum(axis=1)
    return GsimResult(
        method=method,
        inputs=inputs,
        world_price=p,
        quantity=quantity,
        value=value,
        price_index=pi,
        consumer_surplus=consumer,
        producer_surplus=producer,
        revenue0=revenue0,
        revenue1=revenue1,
        converged=True,
        iterations=iterations,
        residual_norm=residual,
        elapsed=time.perf_counter() - start,
    )


def _solve_linear(
    flows: FloatArray,
    theta: FloatArray,
    tau: FloatArray,
    exports: FloatArray,
    e_m: FloatArray,
    e_s: FloatArray,
    e_x: FloatArray,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """World price changes ``p`` [k, n], import changes [k, n, n], price indices [k, n]."""
    n = flows.shape[1]
    g = e_m + e_s  # [k, v]
    # M_hat[r, v] = g_v * Pi_v - E_s,v * P_hat[r, v];  Pi_v = c_v + sum_s theta_sv p_s
    c = (theta * tau).sum(axis=1)  # [k, v]
    a = np.einsum("krv,kv,ksv->krs", flows, g, theta)
    diagonal = (flows * e_s[:, None, :]).sum(axis=2) + exports * e_x
    a[:, np.arange(n), np.arange(n)] -= diagonal
    b = -np.einsum("krv,kv,kv->kr", flows, g, c) + (flows * e_s[:, None, :] * tau).sum(axis=2)
    idle = exports <= 0  # a region that does not export the product keeps its price
    if idle.any():
        kk, rr = np.nonzero(idle)
        a[kk, rr, :] = 0.0
        a[kk, rr, rr] = 1.0
        b[kk, rr] = 0.0
    try:
        p = np.linalg.solve(a, b[..., None])[..., 0]
    except np.linalg.LinAlgError as error:
        raise ConvergenceError(
            "GSIM linear: the market-clearing system is singular",
            hint="check for regions with no trade or zero elasticities",
        ) from error
    p_hat = tau + p[:, :, None]
    pi = c + np.einsum("ksv,ks->kv", theta, p)
    q_hat = g[:, None, :] * pi[:, None, :] - e_s[:, None, :] * p_hat
    return p, q_hat, pi


def _solve_exact(
    flows: FloatArray,
    theta: FloatArray,
    t_hat: FloatArray,
    exports: FloatArray,
    e_m: FloatArray,
    e_s: FloatArray,
    e_x: FloatArray,
) -> tuple[FloatArray, FloatArray, FloatArray, int, float]:
    """Newton's method on log world prices, batched over products (finite-difference Jacobian)."""
    k, n, _ = flows.shape
    active = exports > 0
    safe_exports = np.where(active, exports, 1.0)

    def demand(u: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
        price = t_hat * np.exp(u)[:, :, None]  # [k, s, v] internal price ratios
        om = 1.0 - e_s  # [k, v]
        unit = np.abs(om) < 1e-9
        safe = np.where(unit, 1.0, om)
        ln_p_ces = np.log((theta * price ** safe[:, None, :]).sum(axis=1)) / safe
        ln_p_cd = (theta * np.log(price)).sum(axis=1)
        ln_index = np.where(unit, ln_p_cd, ln_p_ces)  # [k, v]
        ln_q = e_m[:, None, :] * ln_index[:, None, :] - e_s[:, None, :] * (
            np.log(price) - ln_index[:, None, :]
        )
        q_hat = np.exp(ln_q)
        return q_hat, ln_index, (flows * q_hat).sum(axis=2)

    def residual(u: FloatArray) -> FloatArray:
        _, _, total = demand(u)
        r = np.log(np.where(active, total, 1.0) / safe_exports) - e_x * u
        return np.where(active, r, u)

    u = np.zeros((k, n))
    step = 1e-7
    norm = np.inf
    iteration = 0
    for iteration in range(1, _MAXITER + 1):  # noqa: B007 - the count is reported
        f = residual(u)
        norm = float(np.max(np.abs(f))) if f.size else 0.0
        if norm < _TOL:
            break
        jac = np.empty((k, n, n))
        for j in range(n):  # n is the number of regions (small), not rows of data
            shifted = u.copy()
            shifted[:, j] += step
            jac[:, :, j] = (residual(shifted) - f) / step
        u = u - np.linalg.solve(jac, f[..., None])[..., 0]
    else:
        raise ConvergenceError(
            f"GSIM exact_ces did not converge in {_MAXITER} Newton steps "
            f"(largest residual {norm:.2e})",
            hint="use method='linear' or check the elasticities",
        )
    q_hat, ln_index, _ = demand(u)
    return np.expm1(u), q_hat - 1.0, np.expm1(ln_index), iteration, norm
