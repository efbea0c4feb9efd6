"""The tariff law in the Caliendo-Parro model: US import tariffs on a date, as a GE shock.

How a scenario enters (see docs/models.md, "Scenarios from the tariff law"):

1. **Tariffs.** :func:`cp_us_tariffs` asks the tariff-law engine for the duty of every HTS8
   line from each of the model's 30 exporters to the US (the rest of the world: every other
   country with 2024 US imports, :func:`cp_row_members`) and aggregates the lines to the 20
   tradable sectors by the HS -> ISIC Rev.3 concordance of
   :mod:`~tariffscope.impact.multisector.concordance`, weighting by each exporter's own 2024
   US imports (:mod:`tariffscope.impact.law_tariffs`).
2. **Reference equilibrium.** The model's base year is 1993. :func:`reference_baseline` moves the
   US import tariffs of the paper's zero-surplus 1993 baseline to those of the law on the
   reference date (all other importers keep their 1993 tariffs), solves the model, and uses
   that equilibrium as the starting point: the 1993 world economy facing the US tariff wall of
   the reference date. Revenue and the distortion of the tariffs already in place are then
   those of the reference law, not of 1993.
3. **Scenario.** :func:`cp_scenario` replaces the US tariffs by those of the law on the entry
   date with the scenario and solves again. Changes are relative to the reference equilibrium.

Speed: the zero-surplus baseline costs two solves; it is kept in the user cache
(``<user data dir>/cache/ge``, keyed by the SHA-256 of the replication files) together with the
residual Jacobian at it, which starts every later solve (:func:`~tariffscope.impact.
multisector.solve.residual_jacobian`: about 25-35 evaluations instead of 80-150). Reference
equilibria are kept in memory for the process, so scenarios against one reference share it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal, get_args

import numpy as np

from tariffscope.config import shared_dir, user_dir
from tariffscope.errors import DataUnavailableError, InputError
from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.law_tariffs import ModelTariffs, model_tariffs
from tariffscope.impact.multisector import equations as eq
from tariffscope.impact.multisector.baseline import MSBaseline, zero_surplus_baseline
from tariffscope.impact.multisector.concordance import cp_concordance
from tariffscope.impact.multisector.data import (
    CP_COUNTRIES,
    CP_DIR,
    CP_SECTORS,
    N_TRADABLE,
    load_cp_data,
)
from tariffscope.impact.multisector.results import MSResult, build_ms_result
from tariffscope.impact.multisector.solve import MSShock, residual_jacobian, solve

__all__ = [
    "CP_BASE_YEAR",
    "CP_EXPORTERS",
    "Start",
    "cp_baseline",
    "cp_jacobian",
    "cp_row_members",
    "cp_scenario",
    "cp_us_tariffs",
    "rebase",
    "reference_baseline",
    "scaled_baseline",
    "tariffs_with_us",
    "unchanged",
]

log = logging.getLogger(__name__)

CP_BASE_YEAR = 1993
#: Exporters to the US in the model (every region but the US).
CP_EXPORTERS: tuple[str, ...] = tuple(code for code in CP_COUNTRIES if code != "USA")


def cp_row_members() -> tuple[str, ...]:
    """The model's rest of the world: every country with 2024 US imports outside the model."""
    from tariffscope.data.line_trade import load_line_trade

    return tuple(p for p in load_line_trade("hts8").partners if p not in CP_EXPORTERS)


#: Where a scenario solve starts (see :func:`cp_scenario`).
Start = Literal["reference", "base_year"]

_CACHE_VERSION = "2"
_SOURCES = (
    "B.txt",
    "GO.txt",
    "IO.txt",
    "T.txt",
    "alphas.txt",
    "xbilat1993.txt",
    "tariffs1993.txt",
)
_FIELDS = (
    "shares",
    "tariffs",
    "expenditure",
    "flows",
    "value_added",
    "surplus",
    "alpha",
    "beta",
    "io",
    "theta",
)


def cp_us_tariffs(
    entry_date: date | str,
    *,
    scenario: object | None = None,
    as_known: date | str | None = None,
    claims: Sequence[str] = (),
) -> ModelTariffs:
    """US tariffs by Caliendo-Parro tradable sector (20) x exporter (30) from the law."""
    return model_tariffs(
        cp_concordance(),
        CP_EXPORTERS,
        entry_date,
        scenario=scenario,
        as_known=as_known,
        claims=claims,
        members={"ROW": cp_row_members()},
    )


def _source_key(folder: Path) -> str:
    digest = hashlib.sha256(_CACHE_VERSION.encode())
    for name in _SOURCES:
        path = folder / name
        if not path.exists():
            raise DataUnavailableError(f"Caliendo-Parro file {path} is missing")
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def _cached() -> tuple[MSBaseline, FloatArray]:
    base = shared_dir(required=True)
    assert base is not None
    folder = base / CP_DIR
    key = _source_key(folder)
    path = user_dir() / "cache" / "ge" / f"cp_zero_surplus_{key}.npz"
    if path.exists():
        try:
            with np.load(path) as stored:
                arrays = {name: np.asarray(stored[name]) for name in _FIELDS}
                jacobian = np.asarray(stored["jacobian"])
            return MSBaseline(countries=CP_COUNTRIES, sectors=CP_SECTORS, **arrays), jacobian
        except (OSError, KeyError, ValueError) as error:
            log.warning("ignoring unreadable cache %s (%s)", path, error)
    baseline = zero_surplus_baseline(load_cp_data(folder))
    jacobian = residual_jacobian(baseline)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
        fields = {name: getattr(baseline, name) for name in _FIELDS}
        np.savez(tmp, jacobian=jacobian, **fields)
        tmp.replace(path)
    except OSError as error:  # a read-only cache folder only costs time
        log.warning("could not cache the Caliendo-Parro baseline in %s (%s)", path, error)
    return baseline, jacobian


def cp_baseline() -> MSBaseline:
    """The paper's zero-surplus 1993 baseline, from the user cache when it is there.

    Raises
    ------
    DataUnavailableError
        When the replication data in ``../shared`` are missing.
    """
    return _cached()[0]


def cp_jacobian() -> FloatArray:
    """The residual Jacobian at the zero-surplus baseline (cached with it): the solver's start."""
    return _cached()[1]


def tariffs_with_us(baseline: MSBaseline, us: ModelTariffs) -> FloatArray:
    """The baseline's tariffs ``[J, N, N]`` with the US as importer set to ``us``."""
    if us.sectors != baseline.sectors[: len(us.sectors)]:
        raise InputError("US tariffs are not by the model's tradable sectors")
    new = np.array(baseline.tariffs, copy=True)
    n = baseline.index("USA")
    columns = [baseline.index(code) for code in us.exporters]
    new[: len(us.sectors), n, columns] = us.rates
    return new


_REFERENCES: dict[bytes, MSBaseline] = {}


def reference_baseline(us: ModelTariffs, baseline: MSBaseline | None = None) -> MSBaseline:
    """The equilibrium of the 1993 baseline with the US tariffs ``us`` (see module docstring).

    Cached in memory by the tariff values, so several scenarios against one reference law
    share one solve.
    """
    base = baseline or cp_baseline()
    tariffs = tariffs_with_us(base, us)
    key = hashlib.sha256(tariffs.tobytes()).digest() + str(id(base)).encode()
    if key in _REFERENCES:
        return _REFERENCES[key]
    label = f"US tariffs of the law on {us.entry_date}"
    result = solve(base, MSShock(tariffs, label), jacobian=cp_jacobian())
    out = rebase(result)
    if len(_REFERENCES) > 16:
        _REFERENCES.clear()
    _REFERENCES[key] = out
    return out


def rebase(result: MSResult) -> MSBaseline:
    """A solved equilibrium as a new baseline (levels: flows, spending, shares, tariffs).

    The same construction as the authors' re-basing of the zero-surplus equilibrium
    (``prepare_baseline`` on the solved flows with the final-demand shares kept).
    """
    base = result.baseline
    value_added = (result.flows.sum(axis=1) * base.beta).sum(axis=0)
    return dataclasses.replace(
        base,
        shares=np.asarray(result.shares),
        tariffs=np.asarray(result.shock.tariffs),
        expenditure=np.asarray(result.expenditure),
        flows=np.asarray(result.flows),
        value_added=np.asarray(value_added),
    )


def cp_scenario(
    reference: ModelTariffs,
    scenario: ModelTariffs,
    label: str = "",
    *,
    start: Start = "reference",
    theta_scale: float = 1.0,
) -> tuple[MSBaseline, MSResult]:
    """Solve the model for the US tariffs ``scenario`` against ``reference``.

    Parameters
    ----------
    reference, scenario
        US tariffs of the law on the reference date and of the scenario.
    start
        ``"reference"`` (default): from the equilibrium with the reference law's US tariffs
        (:func:`reference_baseline`), to the scenario's. ``"base_year"``: from the 1993
        baseline as observed, with the US's 1993 tariffs moved by the law's proportional
        change, ``1 + t' = (1 + t_1993) (1 + t_scenario) / (1 + t_reference)`` (the way
        base-year models apply a tariff change); faster, but the tariffs in place and the
        trade they have already diverted are those of 1993.
    theta_scale
        Factor on the paper's tradable-sector trade elasticities (1 = the paper's), for the
        range of GE results over published estimates (:mod:`tariffscope.impact.ge_range`).
        The zero-surplus 1993 baseline is kept as the observed economy; only the responses to
        the US tariffs use the scaled elasticities.

    Returns
    -------
    tuple
        The starting equilibrium and the counterfactual result.
    """
    if start not in get_args(Start):
        raise InputError(f"start must be one of {', '.join(get_args(Start))}; got {start!r}")
    if not np.isfinite(theta_scale) or theta_scale <= 0:
        raise InputError(f"theta_scale must be positive; got {theta_scale}")
    start_baseline = scaled_baseline(theta_scale)
    if start == "reference":
        base = reference_baseline(reference, start_baseline)
        tariffs = tariffs_with_us(base, scenario)
    else:
        base = start_baseline
        change = (1.0 + tariffs_with_us(base, scenario)) / (1.0 + tariffs_with_us(base, reference))
        tariffs = (1.0 + base.tariffs) * change - 1.0
    shock = MSShock(tariffs, label)
    if np.array_equal(shock.tariffs, base.tariffs):
        return base, unchanged(base, shock)
    return base, solve(base, shock, jacobian=cp_jacobian())


_SCALED: dict[float, MSBaseline] = {}


def scaled_baseline(theta_scale: float = 1.0) -> MSBaseline:
    """The zero-surplus baseline with the tradable-sector elasticities times ``theta_scale``.

    Kept for the process (the reference equilibria are cached by the baseline's identity).
    """
    base = cp_baseline()
    if theta_scale == 1.0:
        return base
    if theta_scale not in _SCALED:
        theta = np.array(base.theta, copy=True)
        theta[:N_TRADABLE] *= theta_scale
        _SCALED[theta_scale] = dataclasses.replace(base, theta=theta)
    return _SCALED[theta_scale]


def unchanged(baseline: MSBaseline, shock: MSShock) -> MSResult:
    """The result of a shock that changes nothing: the baseline itself (no solve).

    ``residual_norm`` is the baseline's own largest trade imbalance relative to value added.
    """
    n, j = len(baseline.countries), len(baseline.sectors)
    f = (baseline.shares / baseline.kappa).sum(axis=2)
    balance, _, _ = eq.trade_balance(
        baseline.expenditure, baseline.shares, baseline.kappa, f, baseline.surplus
    )
    state = {
        "w": np.ones(n),
        "p": np.ones((j, n)),
        "c": np.ones((j, n)),
        "shares": baseline.shares,
        "x": baseline.expenditure,
        "f": f,
    }
    return build_ms_result(
        baseline,
        shock,
        state,
        converged=True,
        iterations=0,
        residual_norm=float(np.max(np.abs(balance / baseline.value_added))),
        method="none (no change)",
        elapsed=0.0,
    )
