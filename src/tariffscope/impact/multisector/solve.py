"""Solve the Caliendo-Parro model for a tariff shock: ``solve(baseline, shock, options)``.

The unknowns are the wage changes ``w`` (one per country). For given ``w`` the sectoral prices
solve a contraction, the shares follow, and sectoral expenditure solves a linear system
(:mod:`~tariffscope.impact.multisector.equations`); the residual is each country's trade
balance relative to its value added. Walras' law makes one balance redundant; it is replaced by
the numeraire ``sum_n w_n VA_n = sum_n VA_n`` (world value added unchanged), which is the
normalisation the authors' iteration (``equilibrium_LC.m``) preserves. The N equations are
solved by MINPACK's hybrid Powell method (``scipy.optimize.root``, ``method="hybr"``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np

from tariffscope.errors import ConvergenceError, InputError, ScenarioError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.gravity.shock import TariffChange
from tariffscope.impact.multisector import equations as eq
from tariffscope.impact.multisector.baseline import MSBaseline
from tariffscope.impact.multisector.results import MSResult, build_ms_result

__all__ = ["MSMethod", "MSOptions", "MSShock", "residual_jacobian", "solve"]

log = logging.getLogger(__name__)

MSMethod = Literal["hybr"]


@dataclass(frozen=True, eq=False)
class MSShock:
    """New tariffs ``[J, N_dest, N_source]`` (fractions) replacing the baseline's."""

    tariffs: FloatArray
    label: str = ""

    def __post_init__(self) -> None:
        new = np.array(self.tariffs, dtype=np.float64, copy=True)
        if new.ndim != 3 or new.shape[1] != new.shape[2]:
            raise InputError(f"tariffs must be [sector, importer, exporter]; got shape {new.shape}")
        if not np.isfinite(new).all() or (new <= -1).any():
            raise InputError("new tariffs must be rates above -100%")
        new.setflags(write=False)
        object.__setattr__(self, "tariffs", new)

    @classmethod
    def none(cls, baseline: MSBaseline) -> MSShock:
        """Unchanged tariffs."""
        return cls(baseline.tariffs, "no change")

    @classmethod
    def from_tariff_changes(
        cls, baseline: MSBaseline, changes: Iterable[TariffChange], label: str = ""
    ) -> MSShock:
        """Apply bilateral changes; a change without a sector applies to every tradable sector.

        Rows naming a sector override rows for all sectors of the same pair.

        The ``before`` rates are ignored here: the baseline's 1993 tariffs are the starting point.
        """
        new = np.array(baseline.tariffs, copy=True)
        tradable = [
            k for k, name in enumerate(baseline.sectors) if not name.startswith("nontradable")
        ]
        rows = sorted(changes, key=lambda change: change.sector is not None)  # general rows first
        seen: set[tuple[int | None, int, int]] = set()
        for change in rows:
            n, i = baseline.index(change.importer), baseline.index(change.exporter)
            if n == i:
                raise ScenarioError(f"{change.importer} cannot charge a tariff on its own goods")
            k_named = None if change.sector is None else baseline.sector_index(change.sector)
            if (k_named, n, i) in seen:
                what = "all sectors" if k_named is None else baseline.sectors[k_named]
                raise ScenarioError(
                    f"tariff of {change.importer} on {change.exporter} ({what}) is listed twice"
                )
            seen.add((k_named, n, i))
            if k_named is not None and k_named not in tradable:
                raise ScenarioError(
                    f"sector {baseline.sectors[k_named]} is not traded; tariffs do not apply"
                )
            for k in tradable if k_named is None else [k_named]:
                new[k, n, i] = change.after
        return cls(new, label)

    @classmethod
    def nafta(cls, baseline: MSBaseline, tariffs_2005: FloatArray) -> MSShock:
        """NAFTA's tariff cuts: 2005 tariffs among CAN, MEX and USA, 1993 tariffs elsewhere."""
        new = np.array(baseline.tariffs, copy=True)
        members = [baseline.index(code) for code in ("CAN", "MEX", "USA")]
        for n in members:
            for i in members:
                if n != i:
                    new[:, n, i] = tariffs_2005[:, n, i]
        return cls(new, "NAFTA tariff reductions (1993 -> 2005 among CAN, MEX, USA)")


@dataclass(frozen=True)
class MSOptions:
    """Solver settings: tolerance on trade balances relative to value added, evaluation cap."""

    tol: float = 1e-10
    max_evaluations: int = 2_000
    method: MSMethod = "hybr"
    raise_on_failure: bool = True

    def __post_init__(self) -> None:
        if self.method not in get_args(MSMethod):
            raise InputError(
                f"method must be one of {', '.join(get_args(MSMethod))}; got {self.method!r}"
            )
        if not (0 < self.tol < 1e-3):
            raise InputError(f"tol must be in (0, 1e-3); got {self.tol}")


@dataclass
class _Cache:
    prices: FloatArray | None = None
    spending: FloatArray | None = None
    evaluations: int = 0


@dataclass
class _System:
    """The trade-balance residual of one problem, in ``log w`` (with the numeraire row)."""

    evaluate: Callable[[FloatArray], tuple[FloatArray, dict[str, FloatArray]]]
    residual: Callable[[FloatArray], FloatArray]
    cache: _Cache
    value_added: FloatArray


def _system(baseline: MSBaseline, shock: MSShock) -> _System:
    if shock.tariffs.shape != baseline.tariffs.shape:
        raise InputError(
            f"shock tariffs have shape {shock.tariffs.shape}, baseline {baseline.tariffs.shape}"
        )
    kappa_new = 1.0 + shock.tariffs
    kappa_hat = kappa_new / baseline.kappa
    weighted = baseline.shares * kappa_hat ** (-baseline.theta[:, None, None])
    va = baseline.value_added
    cache = _Cache()

    def evaluate(log_w: FloatArray) -> tuple[FloatArray, dict[str, FloatArray]]:
        w = np.exp(log_w)
        p, c, _ = eq.prices(w, weighted, baseline.beta, baseline.io, baseline.theta, cache.prices)
        shares = eq.trade_shares(weighted, c, p, baseline.theta)
        x, f = eq.expenditure(
            w,
            shares,
            kappa_new,
            baseline.alpha,
            baseline.beta,
            baseline.io,
            va,
            baseline.surplus,
            cache.spending,
        )
        cache.prices, cache.spending = p, x
        cache.evaluations += 1
        balance, _, _ = eq.trade_balance(x, shares, kappa_new, f, baseline.surplus)
        return balance / va, {"w": w, "p": p, "c": c, "shares": shares, "x": x, "f": f}

    drop = int(np.argmax(va))

    def residual(log_w: FloatArray) -> FloatArray:
        z, state = evaluate(log_w)
        z = z.copy()
        z[drop] = float((va * state["w"]).sum() / va.sum() - 1.0)
        return z

    return _System(evaluate, residual, cache, va)


def residual_jacobian(
    baseline: MSBaseline, shock: MSShock | None = None, *, step: float = 1e-6
) -> FloatArray:
    """Forward-difference Jacobian of the residual :func:`solve` works on, at ``w = 1``.

    Costs one evaluation per country. Passed to :func:`solve` as ``jacobian`` for problems near
    this one (the same baseline with other tariffs, or a baseline re-based from it), it saves
    the solver its own finite-difference start: about 30 of the 80-150 evaluations, and the
    Broyden updates that follow converge faster from a good start.
    """
    system = _system(baseline, shock or MSShock.none(baseline))
    n = len(system.value_added)
    x0 = np.zeros(n)
    f0 = system.residual(x0)
    jac = np.empty((n, n))
    for k in range(n):
        x = x0.copy()
        x[k] = step
        jac[:, k] = (system.residual(x) - f0) / step
    return jac


def solve(
    baseline: MSBaseline,
    shock: MSShock,
    options: MSOptions | None = None,
    *,
    jacobian: FloatArray | None = None,
) -> MSResult:
    """Counterfactual equilibrium of the Caliendo-Parro model.

    Parameters
    ----------
    baseline, shock, options
        The starting equilibrium, the new tariffs and the solver settings.
    jacobian
        Optional approximation of the residual's Jacobian at the start
        (:func:`residual_jacobian` of a nearby problem); the hybrid method then starts from it
        instead of a finite-difference Jacobian. The answer is the same (the tolerance is on
        the residual); only the number of evaluations changes.

    Returns
    -------
    MSResult
        Wages, prices, shares, expenditure, flows and the welfare decomposition.

    Raises
    ------
    ConvergenceError
        The trade balances were not met within ``tol``, or prices became non-positive.
    InputError
        The shock does not match the baseline, or ``jacobian`` is not N x N.
    """
    options = options or MSOptions()
    system = _system(baseline, shock)
    evaluate, residual, cache, va = (
        system.evaluate,
        system.residual,
        system.cache,
        system.value_added,
    )
    n = len(va)
    jac_fn: Callable[[FloatArray], FloatArray] | None = None
    if jacobian is not None:
        fixed = np.asarray(jacobian, dtype=np.float64)
        if fixed.shape != (n, n) or not np.isfinite(fixed).all():
            raise InputError(f"jacobian must be a finite {n} x {n} matrix; got {fixed.shape}")
        jac_fn = lambda _x: fixed  # noqa: E731 - hybr calls it at the start (and on restarts)

    from scipy import optimize  # on first solve: importing it costs 0.3-0.4 s

    start = time.perf_counter()
    solution = optimize.root(
        residual,
        np.zeros(n),
        method="hybr",
        jac=jac_fn,
        options={"xtol": 1e-14, "maxfev": options.max_evaluations},
    )
    z, state = evaluate(solution.x)
    elapsed = time.perf_counter() - start
    norm = float(np.max(np.abs(z)))
    numeraire = abs(float((va * state["w"]).sum() / va.sum() - 1.0))
    converged = bool(np.isfinite(norm) and norm < options.tol and numeraire < options.tol)
    problem = None
    if not converged:
        problem = (
            f"Caliendo-Parro solve stopped after {cache.evaluations} evaluations with max trade "
            f"imbalance {norm:.3g} of value added > tol {options.tol:g} ({solution.message})"
        )
    elif (state["w"] <= 0).any() or (state["p"] <= 0).any() or (state["x"] < 0).any():
        problem = "the solution has non-positive wages or prices, or negative expenditure"
        converged = False
    if problem is not None:
        if not options.raise_on_failure:
            log.warning(problem)
        else:
            raise ConvergenceError(problem, hint="check the shock, or raise max_evaluations")
    return build_ms_result(
        baseline,
        shock,
        state,
        converged=converged,
        iterations=cache.evaluations,
        residual_norm=norm,
        method=options.method,
        elapsed=elapsed,
    )
