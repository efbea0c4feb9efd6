"""The Advanced Guide's iterative full-GE procedure, replicated to audit its published tables.

Yotov, Piermartini, Monteiro and Larch (2016, chapter 2, ``TradeWithoutBorder.do``) solve the
full endowment GE by re-estimating PPML with fixed effects and a constrained cost offset, updating
factory-gate prices from the exporter fixed effects, and stopping when both the standard
deviation and the maximum of the change in those price updates between iterations fall below
0.01. Each PPML step with exporter and importer fixed effects and an offset fits the row and
column totals of the matrix it is given, so it is computed here exactly by matrix scaling.

This module exists to check that tariffscope reads the published numbers right and to show why
they differ from the exact equilibrium that :func:`~tariffscope.impact.gravity.solve` computes:
the procedure stops after a few iterations and, even when iterated to its end, settles on a state
in which the trade matrix's row sums are not the updated outputs (docs/models.md has the
numbers). Use :func:`~tariffscope.impact.gravity.solve` for analysis.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tariffscope.impact.gravity.baseline import FloatArray

__all__ = ["AgtpaRun", "agtpa_full_ge"]


@dataclass(frozen=True, eq=False)
class AgtpaRun:
    """Outcome of the replicated procedure (percent changes, as in the published table)."""

    iterations: int
    real_gdp_pct: FloatArray
    factory_price_pct: FloatArray
    imr_pct: FloatArray
    exports_pct: FloatArray
    stopped_by_rule: bool


def _fit(
    flows: FloatArray, costs: FloatArray, ref: int
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """PPML with exporter and importer effects and offset log(costs): fitted flows and effects.

    The importer effect of ``ref`` is normalised to one (Stata drops the last importer dummy).
    """
    rows, cols = flows.sum(axis=1), flows.sum(axis=0)
    a, b = np.ones(len(rows)), np.ones(len(rows))
    for _ in range(100_000):
        a = rows / (costs @ b)
        new = cols / (costs.T @ a)
        done = float(np.max(np.abs(new / b - 1.0))) < 1e-15
        b = new
        if done:
            break
    a, b = a * b[ref], b / b[ref]
    return np.asarray(a[:, None] * b[None, :] * costs), np.asarray(a), np.asarray(b)


def agtpa_full_ge(
    observed: FloatArray,
    costs_baseline: FloatArray,
    costs_counterfactual: FloatArray,
    sigma: float,
    reference: int,
    *,
    stop_rule: bool = True,
    max_iter: int = 500,
) -> AgtpaRun:
    """Run the Advanced Guide's full-GE iteration (``TradeWithoutBorder.do``, step III.b).

    Parameters
    ----------
    observed
        N x N observed flows (exporters in rows), domestic flows included.
    costs_baseline, costs_counterfactual
        ``exp(b'x)`` before and after the change (the do-file's ``tij_BLN``, ``tij_CFL``).
    sigma
        Elasticity of substitution.
    reference
        Index of the reference country (Germany in the Guide).
    stop_rule
        Stop as the do-file does (sd and max of the price-update change <= 0.01); otherwise run
        ``max_iter`` iterations.
    """
    power = 1.0 / (1.0 - sigma)
    y0, e0 = observed.sum(axis=1), observed.sum(axis=0)
    phi = e0 / y0
    _, pi0, chi0 = _fit(observed, costs_baseline, reference)
    fitted1, pi1, chi1 = _fit(observed, costs_counterfactual, reference)
    er0 = e0[reference]
    imr0 = e0 / (chi0 * er0)
    price = {0: np.zeros_like(y0), 1: (pi1 / pi0) ** power}
    pi = {0: pi0, 1: pi1}
    er = {0: er0, 1: er0}
    omr = {1: y0 * er0 / pi1}
    imr = {1: e0 / (chi1 * er0)}
    d_omr, d_imr = {1: np.ones_like(y0)}, {1: np.ones_like(y0)}
    fitted, spending, chi = {1: fitted1}, {1: e0}, {1: chi1}
    s, stopped = 3, False
    while s - 3 < max_iter:
        s1, s2, s3 = s - 1, s - 2, s - 3
        flows = fitted[s2] * np.outer(price[s2], price[s2]) / np.outer(d_omr[s2], d_imr[s2])
        fitted[s1], pi[s1], chi[s1] = _fit(flows, costs_counterfactual, reference)
        y1 = fitted[s1].sum(axis=1)
        spending[s1] = phi * y1
        er[s1] = spending[s1][reference]
        price[s1] = (pi[s1] / pi[s2] / (er[s1] / er[s2])) ** power
        omr[s1] = y1 * er[s1] / pi[s1]
        d_omr[s1] = omr[s1] / omr[s2]
        imr[s1] = spending[s1] / (chi[s1] * er[s1])
        d_imr[s1] = imr[s1] / imr[s2]
        change = price[s2] - price[s3]
        s += 1
        if stop_rule and change.std(ddof=1) <= 0.01 and abs(change.max()) <= 0.01:
            stopped = True
            break
    last = s - 2
    factory = (pi[last] / pi0 / (er[last] / er0)) ** power
    imr_full = spending[last] / (chi[last] * er[last])
    real_gdp = (factory * y0 / imr_full**power) / (y0 / imr0**power)
    output = factory * y0
    expenditure = phi * output
    omr_full = output * er[last] / pi[last]
    trade = np.outer(output, expenditure) * costs_counterfactual / np.outer(omr_full, imr_full)
    off = ~np.eye(len(y0), dtype=bool)
    exports0 = (_fit(observed, costs_baseline, reference)[0] * off).sum(axis=1)
    return AgtpaRun(
        iterations=last,
        real_gdp_pct=np.asarray(100.0 * (real_gdp - 1.0)),
        factory_price_pct=np.asarray(100.0 * (factory - 1.0)),
        imr_pct=np.asarray(100.0 * ((imr_full / imr0) ** power - 1.0)),
        exports_pct=np.asarray(100.0 * ((trade * off).sum(axis=1) / exports0 - 1.0)),
        stopped_by_rule=stopped,
    )
