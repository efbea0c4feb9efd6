"""Equilibrium conditions of the one-sector structural gravity model, as pure functions.

Notation (exact hat algebra; a hat is new / old):

.. math::

    a_{ij} &= \\lambda_{ij}\\, f_{ij}\\, \\hat\\tau_{ij}^{-\\theta},
        \\qquad \\hat\\tau_{ij} = (1 + t'_{ij}) / (1 + t_{ij}) \\\\
    \\Phi_j &= \\sum_i a_{ij}\\, \\hat w_i^{-\\theta} = \\hat P_j^{-\\theta}
        \\quad\\text{(inward multilateral resistance)} \\\\
    \\lambda'_{ij} &= a_{ij}\\, \\hat w_i^{-\\theta} / \\Phi_j \\\\
    E'_j &= e_j / (1 - r_j), \\qquad r_j = \\sum_i \\frac{t'_{ij}}{1 + t'_{ij}} \\lambda'_{ij} \\\\
    S_i &= \\sum_j \\lambda'_{ij} E'_j / (1 + t'_{ij}) = \\hat w_i Y_i
        \\quad\\text{(market clearing)}

``e_j`` is spending net of tariffs: ``w_j Y_j + D_j`` with additive imbalances,
``kappa (Y_j + D_j) w_j`` with multiplicative ones (``kappa`` keeps world spending equal to world
output). ``theta`` is the trade elasticity (``sigma - 1`` in CES notation). In conditional GE the
incomes are held at their baseline values and ``w`` only plays the role of the outward
multilateral resistance.

References
----------
Anderson, J. E. and van Wincoop, E. (2003), "Gravity with gravitas", AER 93(1).
Dekle, R., Eaton, J. and Kortum, S. (2007), "Unbalanced trade", AER 97(2).
Yotov, Piermartini, Monteiro and Larch (2016), *An Advanced Guide to Trade Policy Analysis*,
WTO/UNCTAD, chapter 2.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tariffscope.impact.gravity.baseline import FloatArray

__all__ = [
    "ModelArrays",
    "State",
    "evaluate",
    "excess_demand_jacobian",
    "multilateral_resistances",
    "structural_flows",
]


@dataclass(frozen=True, eq=False)
class ModelArrays:
    """The baseline and shock reduced to the arrays the equations use (see module docstring)."""

    a: FloatArray  # lambda * f * tau_hat**-theta
    rho: FloatArray  # t' / (1 + t'): revenue per unit of gross spending
    inv_tariff: FloatArray  # 1 / (1 + t')
    output: FloatArray  # Y
    deficit: FloatArray  # D
    theta: float
    multiplicative: bool
    incomes_fixed: bool


@dataclass(frozen=True, eq=False)
class State:
    """Everything the equations give for one vector of factory-gate price changes."""

    w: FloatArray
    phi: FloatArray  # Phi_j = P_hat_j ** -theta
    shares: FloatArray  # lambda'
    revenue_share: FloatArray  # r_j
    spending_net: FloatArray  # e_j
    expenditure: FloatArray  # E'_j
    sales: FloatArray  # S_i
    excess: FloatArray  # S_i / Y_i - w_i (or - 1 with incomes fixed)
    kappa: float


def evaluate(m: ModelArrays, w: FloatArray) -> State:
    """All equilibrium quantities at factory-gate price changes ``w`` (vectorised, O(N^2))."""
    supply = w ** (-m.theta)
    num = m.a * supply[:, None]
    phi = num.sum(axis=0)
    shares = num / phi[None, :]
    r = (m.rho * shares).sum(axis=0)
    income = m.output if m.incomes_fixed else m.output * w
    if m.multiplicative:
        scaled = (m.output + m.deficit) * (1.0 if m.incomes_fixed else w)
        kappa = float(income.sum() / scaled.sum())
        e = kappa * scaled
    else:
        kappa = 1.0
        e = income + m.deficit
    expenditure = e / (1.0 - r)
    sales = (shares * m.inv_tariff) @ expenditure
    target = 1.0 if m.incomes_fixed else w
    excess = sales / m.output - target
    return State(w, phi, shares, r, e, expenditure, sales, excess, kappa)


def excess_demand_jacobian(m: ModelArrays, s: State) -> FloatArray:
    """Jacobian of ``State.excess`` with respect to ``log w`` (analytic, N x N).

    Uses d lambda'_ij / d log w_k = -theta lambda'_ij (delta_ik - lambda'_kj) and
    d r_j / d log w_k = -theta lambda'_kj (rho_kj - r_j).
    """
    theta = m.theta
    lam = s.shares
    q = lam * m.inv_tariff  # Q_ij
    n = lam.shape[0]
    # d sales via the shares, expenditure held
    jac = theta * ((q * s.expenditure[None, :]) @ lam.T)
    jac[np.diag_indices(n)] -= theta * s.sales
    # d expenditure: d r_j / d log w_k  (j, k) and d e_j / d log w_k
    dr = -theta * (lam * (m.rho - s.revenue_share[None, :])).T  # [j, k]
    one_minus_r = 1.0 - s.revenue_share
    de = np.zeros((n, n))
    if not m.incomes_fixed:
        if m.multiplicative:
            scaled = (m.output + m.deficit) * s.w
            total = scaled.sum()
            de[np.diag_indices(n)] = s.kappa * scaled
            de += np.outer(scaled, (s.w * m.output - s.kappa * scaled) / total)
        else:
            de[np.diag_indices(n)] = s.w * m.output
    d_exp = de / one_minus_r[:, None] + (s.expenditure / one_minus_r)[:, None] * dr
    jac += q @ d_exp
    jac /= m.output[:, None]
    if not m.incomes_fixed:
        jac[np.diag_indices(n)] -= s.w
    return np.asarray(jac)


def structural_flows(
    output: FloatArray, expenditure: FloatArray, costs: FloatArray, omr: FloatArray, imr: FloatArray
) -> FloatArray:
    """Gravity flows ``X_ij = Y_i E_j t_ij / (OMR_i IMR_j)``.

    ``costs`` is ``t_ij**(1 - sigma)`` (what PPML estimates as ``exp(b'x)``); the resistances are
    in the same power.
    """
    return np.asarray(np.outer(output / omr, expenditure / imr) * costs)


def multilateral_resistances(
    costs: FloatArray,
    output: FloatArray,
    expenditure: FloatArray,
    reference: int,
    *,
    tol: float = 1e-13,
    max_iter: int = 100_000,
) -> tuple[FloatArray, FloatArray, int]:
    """Outward and inward multilateral resistances in levels, ``IMR[reference] = 1``.

    Solves ``OMR_i = sum_j t_ij E_j / IMR_j`` and ``IMR_j = sum_i t_ij Y_i / OMR_i`` (both in the
    power ``1 - sigma``) by alternating scaling, the normalisation of the Advanced Guide (which
    fixes the reference importer's fixed effect at zero). Returns ``(omr, imr, iterations)``;
    iterations equal to ``max_iter`` mean it did not converge.
    """
    imr = np.ones_like(output)
    omr = costs @ (expenditure / imr)
    it = 0
    for it in range(1, max_iter + 1):  # noqa: B007 - the count is returned
        omr = costs @ (expenditure / imr)
        new = costs.T @ (output / omr)
        scale = new[reference]
        new = new / scale
        omr = omr * scale
        done = float(np.max(np.abs(new / imr - 1.0))) < tol
        imr = new
        if done:
            break
    return np.asarray(omr), np.asarray(imr), it
