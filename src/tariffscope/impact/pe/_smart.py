r"""The SMART single-market engine: an Armington model of one importer, solved per product.

Model (per market, i.e. importer x product; partners :math:`i`)
--------------------------------------------------------------
World prices are normalised to 1 at baseline, so baseline imports :math:`V_i` (CIF, duty
excluded) are quantities. The tariff-inclusive price of partner :math:`i` is
:math:`p_i = (1+t_i)\,w_i`. Buyers choose a CES composite of the partners' varieties:

.. math::

    P = \Big(\sum_i \beta_i p_i^{1-\sigma}\Big)^{1/(1-\sigma)}, \qquad
    Q = A\,P^{-\eta}, \qquad q_i = \beta_i^{\sigma} Q \,(p_i/P)^{-\sigma},

and partner :math:`i` supplies :math:`q_i = V_i\, w_i^{\varepsilon_i}` (export-supply
elasticity :math:`\varepsilon_i`; :math:`\varepsilon=\infty` fixes world prices).

``exact_ces`` solves this model exactly. With hats for new/old ratios,
:math:`\hat T_i = (1+t^1_i)/(1+t^0_i)` and baseline expenditure shares at tariff-inclusive
prices :math:`s_i = (1+t^0_i)V_i / \sum_j (1+t^0_j)V_j`, market clearing for each partner gives

.. math::

    \ln \hat p_i = \frac{\varepsilon_i \ln\hat T_i + (\sigma-\eta)\ln\hat P}{\varepsilon_i+\sigma},
    \qquad
    \hat P = \Big(\sum_i s_i \hat p_i^{\,1-\sigma}\Big)^{1/(1-\sigma)},

one scalar equation in :math:`\ln\hat P` per market, solved by Newton's method
(vectorised over all markets; closed form when every :math:`\varepsilon_i=\infty`). Then
:math:`\hat w_i=\hat p_i/\hat T_i`, :math:`\hat q_i = \hat P^{-\eta}(\hat p_i/\hat P)^{-\sigma}`
and :math:`V^1_i = V_i \hat q_i \hat w_i`. Effects are split in three parts that add up to
:math:`V^1_i - V_i`:

* diversion: :math:`D_i = Q_0\,V_i\hat p_i^{-\sigma}/\sum_j V_j \hat p_j^{-\sigma} - V_i`,
  the reallocation at constant total volume :math:`Q_0=\sum_j V_j` (sums to zero);
* creation: :math:`C_i = V_i\hat q_i - (V_i + D_i)`, the change in total volume, shared in
  proportion to the post-diversion volumes;
* price effect: :math:`V_i\hat q_i(\hat w_i - 1)`.

``smart_linear`` is the first-order form used by the World Bank's WITS/SMART (Laird & Yeats
1986; Jammes & Olarreaga 2005), which treats trade values as quantities and uses
:math:`\tau_i = \Delta t_i/(1+t^0_i)` as the price shock. With world-value shares
:math:`m_i = V_i/\sum_j V_j`, :math:`a_i = (\sigma-\eta)/(\varepsilon_i+\sigma)` and
:math:`b_i = \varepsilon_i/(\varepsilon_i+\sigma)`:

.. math::

    \hat P = \frac{\sum_i m_i b_i \tau_i}{1-\sum_i m_i a_i},\quad
    \hat p_i = b_i\tau_i + a_i\hat P,\quad \hat w_i = \hat p_i - \tau_i,

    C_i = -\eta\,V_i\,\hat p_i,\qquad D_i = -\sigma\,V_i(\hat p_i - \hat P),\qquad
    \text{price effect}_i = V_i \hat w_i .

SMART attributes trade creation to the partner whose own price changed (a tariff on one
partner creates negative creation for that partner only), while ``exact_ces`` spreads the
change in total imports over all partners; totals agree to first order. See
``docs/models.md`` for a worked example.

Welfare: consumer surplus change :math:`-E_0(\hat P^{1-\eta}-1)/(1-\eta)` (exact;
:math:`-E_0\ln\hat P` when :math:`\eta=1`) or :math:`-E_0\hat P(1-\tfrac12\eta\hat P)`
(linear), with :math:`E_0=\sum_i(1+t^0_i)V_i`; exporter surplus
:math:`V_i(\hat w_i^{1+\varepsilon_i}-1)/(1+\varepsilon_i)` (exact) or
:math:`V_i\hat w_i(1+\tfrac12\varepsilon_i\hat w_i)` (linear); tariff revenue :math:`t\,V`.

References
----------
Laird, S. and A. Yeats (1986), "The UNCTAD trade policy simulation model", UNCTAD
Discussion Paper 19. Jammes, O. and M. Olarreaga (2005), "Explaining SMART and GSIM", World
Bank. Armington, P. (1969), IMF Staff Papers 16(1).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tariffscope.errors import ConvergenceError
from tariffscope.impact.pe._types import (
    SmartInputs,
    SmartMethod,
    SmartResult,
    check_method,
)

__all__ = ["NEWTON_MAXITER", "NEWTON_TOL", "simulate_smart"]

logger = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: Newton tolerance on the price-index equation, in log points.
NEWTON_TOL = 1e-12
#: Newton iterations before :class:`ConvergenceError`.
NEWTON_MAXITER = 50
_UNIT_SIGMA = 1e-9  # |1 - sigma| below this uses the Cobb-Douglas limit
_EXP_SAFE = 300.0  # exponents below this need no log-sum-exp shift


def simulate_smart(inputs: SmartInputs, *, method: SmartMethod = "exact_ces") -> SmartResult:
    """Effects of changing tariffs from ``tariff0`` to ``tariff1`` in every market.

    Parameters
    ----------
    inputs
        Baseline imports, tariffs and elasticities (see :class:`SmartInputs`).
    method
        ``"exact_ces"`` (default) or ``"smart_linear"``; see the module docstring.

    Returns
    -------
    SmartResult
        Row and market effects; ``creation + diversion + price_effect = value1 - value0``.

    Raises
    ------
    InputError
        For an unknown method.
    ConvergenceError
        If Newton's method does not meet :data:`NEWTON_TOL` (exact form, finite supply).

    Examples
    --------
    >>> import numpy as np
    >>> from tariffscope.impact.pe import SmartInputs, simulate_smart
    >>> inputs = SmartInputs(market=np.array([0, 0]), value=np.array([100.0, 300.0]),
    ...     tariff0=np.array([0.10, 0.10]), tariff1=np.array([0.25, 0.10]),
    ...     import_demand=np.array([1.0]), substitution=np.array([3.0]),
    ...     export_supply=np.array([np.inf, np.inf]))
    >>> result = simulate_smart(inputs)
    >>> abs(float(result.diversion.sum())) < 1e-9
    True
    >>> bool(result.value1[0] < 100.0 < result.value1[1] / 3)
    True
    """
    method = check_method(method)
    start = time.perf_counter()
    result = _exact(inputs) if method == "exact_ces" else _linear(inputs)
    logger.debug(
        "SMART %s: %d rows, %d markets in %.3f s",
        method,
        inputs.n_rows,
        inputs.n_markets,
        time.perf_counter() - start,
    )
    return result


def _sum(market: IntArray, values: FloatArray, n: int) -> FloatArray:
    return np.bincount(market, weights=values, minlength=n).astype(np.float64, copy=False)


def _exact(inputs: SmartInputs) -> SmartResult:
    # Arrays of n_rows are updated in place where possible: on tens of millions of rows the
    # cost is in touching fresh memory, not in arithmetic.
    market, n = inputs.market, inputs.n_markets
    v0 = inputs.value
    spend0 = inputs.tariff0 + 1.0
    ln_t = np.subtract(inputs.tariff1, inputs.tariff0)
    np.divide(ln_t, spend0, out=ln_t)
    np.log1p(ln_t, out=ln_t)  # ln T = ln((1 + t1) / (1 + t0))
    np.multiply(spend0, v0, out=spend0)  # baseline spending at tariff-inclusive prices
    total_spend = _sum(market, spend0, n)
    sigma_m, eta_m = inputs.substitution, inputs.import_demand
    unit = np.abs(1.0 - sigma_m) < _UNIT_SIGMA
    one_minus = np.where(unit, 1.0, 1.0 - sigma_m)
    eps = inputs.export_supply
    price_index = _PriceIndex(market, n, spend0, total_spend, one_minus, unit)
    iterations, residual = 0, 0.0
    world_change: FloatArray | None = None
    if not np.isfinite(eps).any():
        # World prices fixed: ln p_i = ln T_i and the price index is explicit.
        z = ln_t
        x = price_index.log(z)
    else:
        sig = sigma_m[market]
        a, b = _supply_terms(eps, sig, sig - eta_m[market])
        del sig
        b_ln_t = np.multiply(b, ln_t, out=b)
        x = _safe_divide(
            _sum(market, spend0 * b_ln_t, n), total_spend - _sum(market, spend0 * a, n)
        )
        z = np.empty_like(ln_t)
        work = np.empty_like(ln_t)
        for iterations in range(1, NEWTON_MAXITER + 1):  # noqa: B007 - count is reported
            _shifted(b_ln_t, a, x, market, out=z)
            ln_p, slope = price_index.log_and_slope(z, slope_of=a, work=work)
            f = ln_p - x
            residual = float(np.max(np.abs(f))) if n else 0.0
            if residual < NEWTON_TOL:
                break
            x = x - f / (slope - 1.0)
        else:
            raise ConvergenceError(
                f"SMART exact_ces: the price index did not converge in {NEWTON_MAXITER} "
                f"Newton steps (largest residual {residual:.2e})",
                hint="check for extreme elasticities or tariffs, or use method='smart_linear'",
            )
        _shifted(b_ln_t, a, x, market, out=z)
        del work, a
        world_change = np.subtract(z, ln_t, out=b_ln_t)
    # ln q_i = -eta x - sigma (z_i - x) = (sigma - eta) x - sigma z_i
    volume1 = np.take((sigma_m - eta_m) * x, market)
    work = np.take(sigma_m, market)
    np.multiply(work, z, out=work)
    np.subtract(volume1, work, out=volume1)
    np.exp(volume1, out=volume1)
    np.multiply(volume1, v0, out=volume1)  # new quantities at baseline world prices
    volume0_m, volume1_m = _sum(market, v0, n), _sum(market, volume1, n)
    # Diversion keeps total volume at Q0 with CES relative quantities: V1_i * Q0 / Q1.
    scale = np.divide(volume0_m, volume1_m, out=np.ones(n), where=volume1_m > 0)
    np.take(scale, market, out=work)
    creation = np.subtract(1.0, work)
    np.multiply(creation, volume1, out=creation)
    diversion = work
    np.multiply(diversion, volume1, out=diversion)
    np.subtract(diversion, v0, out=diversion)
    value1 = volume1
    if world_change is not None:
        np.multiply(value1, np.exp(world_change), out=value1)
    one_minus_eta = 1.0 - eta_m
    near_one = np.abs(one_minus_eta) < _UNIT_SIGMA
    safe = np.where(near_one, 1.0, one_minus_eta)
    consumer = np.where(
        near_one, -total_spend * x, -total_spend * np.expm1(one_minus_eta * x) / safe
    )
    return SmartResult(
        method="exact_ces",
        inputs=inputs,
        value1=value1,
        creation=creation,
        diversion=diversion,
        price_index=np.expm1(x),
        consumer_surplus=consumer,
        domestic_change=z,
        world_change=world_change,
        iterations=iterations,
        residual_norm=residual,
    )


def _shifted(
    base: FloatArray, slope: FloatArray, x: FloatArray, market: IntArray, *, out: FloatArray
) -> FloatArray:
    """``base + slope * x[market]`` written into ``out``."""
    np.take(x, market, out=out)
    np.multiply(out, slope, out=out)
    np.add(out, base, out=out)
    return out


def _safe_divide(numerator: FloatArray, denominator: FloatArray) -> FloatArray:
    """Market-level ratio, 0 where the denominator is 0 (markets without trade)."""
    return np.divide(numerator, denominator, out=np.zeros_like(numerator), where=denominator != 0)


def _supply_terms(
    eps: FloatArray, sig: FloatArray, sig_minus_eta: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """``a = (σ-η)/(ε+σ)`` and ``b = ε/(ε+σ)`` per row (0 and 1 where ε is infinite).

    ``sig_minus_eta`` is overwritten (it becomes ``a``).
    """
    finite = np.isfinite(eps)
    if finite.all():
        denominator = np.add(eps, sig)
        a = np.divide(sig_minus_eta, denominator, out=sig_minus_eta)
        b = np.divide(eps, denominator, out=denominator)
        return a, b
    a = np.zeros_like(eps)
    b = np.ones_like(eps)
    denominator = eps[finite] + sig[finite]
    a[finite] = sig_minus_eta[finite] / denominator
    b[finite] = eps[finite] / denominator
    return a, b


@dataclass(frozen=True)
class _PriceIndex:
    """The CES price index of every market over the rows' log prices ``z``: the baseline
    spending ``spend0`` of each row (in ``market`` of ``n``), its total per market and each
    market's ``1 - σ`` (1 where σ = 1, the ``unit`` markets)."""

    market: IntArray
    n: int
    spend0: FloatArray
    total_spend: FloatArray
    one_minus: FloatArray
    unit: BoolArray

    def log(self, z: FloatArray, work: FloatArray | None = None) -> FloatArray:
        """``ln P = ln(sum_i s_i exp((1-σ) z_i)) / (1-σ)`` per market (``sum s_i z_i`` if
        σ = 1); ``work`` (rows) is scratch space."""
        return self._terms(z, work)[0]

    def log_and_slope(
        self, z: FloatArray, slope_of: FloatArray, work: FloatArray | None = None
    ) -> tuple[FloatArray, FloatArray]:
        """``ln P`` and, with ``slope_of`` = ``a``, ``d ln P / d x = sum_i π_i a_i`` where
        ``π`` are the new expenditure shares (``s_i`` when σ = 1), for Newton's method."""
        ln_p, weights, total, positive = self._terms(z, work)
        market, n, unit = self.market, self.n, self.unit
        np.multiply(weights, slope_of, out=weights)
        slope_ces = np.divide(_sum(market, weights, n), total, out=np.zeros(n), where=positive)
        if unit.any():
            slope_cd = np.divide(
                _sum(market, self.spend0 * slope_of, n),
                self.total_spend,
                out=np.zeros(n),
                where=positive,
            )
            slope_ces = np.where(unit, slope_cd, slope_ces)
        return ln_p, slope_ces

    def _terms(
        self, z: FloatArray, work: FloatArray | None
    ) -> tuple[FloatArray, FloatArray, FloatArray, BoolArray]:
        """``ln P``, the rows' ``s_i exp((1-σ) z_i)`` (shifted; in ``work``), their sum per
        market and the markets with spending."""
        market, n, spend0, total_spend = self.market, self.n, self.spend0, self.total_spend
        one_minus, unit = self.one_minus, self.unit
        weights = np.take(one_minus, market, out=work)
        np.multiply(weights, z, out=weights)  # k = (1 - sigma) z
        if weights.size and max(float(weights.max()), -float(weights.min())) > _EXP_SAFE:
            shift = _market_max(market, np.where(spend0 > 0, weights, -np.inf), n)
            np.subtract(weights, shift[market], out=weights)
        else:
            shift = np.zeros(n)
        np.exp(weights, out=weights)
        np.multiply(weights, spend0, out=weights)
        total = _sum(market, weights, n)
        positive = (total > 0) & (total_spend > 0)
        ln_p = np.zeros(n)
        ln_p[positive] = (
            np.log(total[positive] / total_spend[positive]) + shift[positive]
        ) / one_minus[positive]
        if unit.any():
            linear = np.divide(
                _sum(market, spend0 * z, n), total_spend, out=np.zeros(n), where=positive
            )
            ln_p = np.where(unit, linear, ln_p)
        return ln_p, weights, total, positive


def _market_max(market: IntArray, values: FloatArray, n: int) -> FloatArray:
    """Largest value per market (0 for empty markets), without a Python loop."""
    out = np.full(n, -np.inf)
    np.maximum.at(out, market, values)
    out[~np.isfinite(out)] = 0.0
    return out


def _linear(inputs: SmartInputs) -> SmartResult:
    market, n = inputs.market, inputs.n_markets
    v0 = inputs.value
    tau = (inputs.tariff1 - inputs.tariff0) / (1.0 + inputs.tariff0)
    volume0 = _sum(market, v0, n)
    sigma_m, eta_m = inputs.substitution, inputs.import_demand
    sig, eta = sigma_m[market], eta_m[market]
    world_change: FloatArray | None = None
    if np.isfinite(inputs.export_supply).any():
        a, b = _supply_terms(inputs.export_supply, sig, sig - eta)
        p_index = _safe_divide(_sum(market, v0 * b * tau, n), volume0 - _sum(market, v0 * a, n))
        p_hat = b * tau + a * p_index[market]
        world_change = p_hat - tau
    else:
        p_index = _safe_divide(_sum(market, v0 * tau, n), volume0)
        p_hat = tau
    creation = -eta * v0 * p_hat
    diversion = np.subtract(p_hat, p_index[market])
    np.multiply(diversion, v0, out=diversion)
    np.multiply(diversion, -sig, out=diversion)
    value1 = v0 + creation + diversion
    if world_change is not None:
        value1 += v0 * world_change
    if (value1 < 0).any():
        logger.warning(
            "smart_linear: %d rows have negative imports after the change; the first-order "
            "form is not valid for changes this large (use exact_ces)",
            int((value1 < 0).sum()),
        )
    spend0 = _sum(market, v0 * (1.0 + inputs.tariff0), n)
    consumer = -spend0 * p_index * (1.0 - 0.5 * eta_m * p_index)
    return SmartResult(
        method="smart_linear",
        inputs=inputs,
        value1=value1,
        creation=creation,
        diversion=diversion,
        price_index=p_index,
        consumer_surplus=consumer,
        domestic_change=p_hat,
        world_change=world_change,
    )
