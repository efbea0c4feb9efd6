"""PPML gravity estimation with high-dimensional fixed effects (pyfixest).

.. math::

    X_{ij(t)} = \\exp(\\pi_{i(t)} + \\chi_{j(t)} + \\mu_{ij} + b' x_{ij(t)})\\, \\varepsilon_{ij(t)}

estimated by Poisson pseudo-maximum likelihood (Santos Silva and Tenreyro 2006). With exporter
and importer fixed effects the fitted flows add up to observed output and expenditure, which is
why they make a consistent GE baseline (Fally 2015). ``exp(b' x)`` is the trade-cost index
``t_ij ** (1 - sigma)``, and ``exp(b' (x' - x))`` the partial effect of a change in covariates.

References
----------
Santos Silva, J. M. C. and Tenreyro, S. (2006), "The log of gravity", REStat 88(4).
Fally, T. (2015), "Structural gravity and fixed effects", JIE 97(1).
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from tariffscope.errors import DataFileError, InputError, ModelError
from tariffscope.impact.gravity.baseline import Baseline, FloatArray, pivot_pairs
from tariffscope.impact.gravity.shock import Shock

__all__ = ["DroppedPairs", "GravityEstimate", "estimate_ppml"]

#: What a baseline does with the pairs PPML dropped (their fitted flow is NaN): take their
#: observed flow, or set it to zero.
DroppedPairs = Literal["observed", "zero"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, eq=False)
class GravityEstimate:
    """A fitted PPML gravity model.

    Attributes
    ----------
    formula
        The pyfixest formula that was estimated.
    coefficients, std_errors
        Cost coefficients by covariate name (fixed effects are absorbed).
    data
        The estimation frame with a ``fitted`` column (predicted flows).
    exporter, importer, trade
        Column names.
    fixed_effects
        The fixed-effect terms as given (``"exporter^importer"`` for pair effects).
    fit
        The pyfixest model (its estimated fixed effects are read by :meth:`fixed_effect`).
    """

    formula: str
    coefficients: Mapping[str, float]
    std_errors: Mapping[str, float]
    data: pd.DataFrame
    exporter: str
    importer: str
    trade: str
    fixed_effects: tuple[str, ...] = ()
    fit: Any = field(default=None, repr=False)

    @property
    def dropped(self) -> int:
        """Number of rows PPML dropped (singletons, separation): their fitted flow is NaN."""
        return int(self.data["fitted"].isna().sum())

    def fixed_effect(self, term: str) -> pd.Series:
        """The estimated values of one fixed-effect term (e.g. ``"exporter^importer"``).

        Indexed by the term's levels; an interaction's level joins its parts with ``|``
        (``"AUS|AUT"``). One level per connected set is the reference (not reported).
        """
        if term not in self.fixed_effects or self.fit is None:
            raise InputError(
                f"fixed effect {term!r} was not estimated",
                hint=f"estimated: {', '.join(self.fixed_effects) or 'none'}",
            )
        values = self.fit.fixef()[f"C({_plain_name(term)})"]
        return pd.Series({str(k): float(v) for k, v in values.items()}, name=term, dtype=np.float64)

    def pair_effects(self) -> pd.DataFrame:
        """The pair fixed effects: columns exporter, importer, pair_effect (log points).

        Raises InputError when the model has no exporter-importer term.
        """
        pair = [
            t for t in self.fixed_effects if set(t.split("^")) == {self.exporter, self.importer}
        ]
        if not pair:
            raise InputError(
                "the model has no pair fixed effects",
                hint=f"estimate with fixed_effects including '{self.exporter}^{self.importer}'",
            )
        values = self.fixed_effect(pair[0])
        first_is_exporter = pair[0].split("^")[0] == self.exporter
        parts = values.index.str.split("|", n=1)
        a, b = parts.str[0], parts.str[1]
        return pd.DataFrame(
            {
                "exporter": a if first_is_exporter else b,
                "importer": b if first_is_exporter else a,
                "pair_effect": values.to_numpy(),
            }
        )

    def cost_index(self, frame: pd.DataFrame | None = None) -> FloatArray:
        """``exp(b' x)`` for each row of ``frame`` (default: the estimation data)."""
        rows = self.data if frame is None else frame
        _require(rows, list(self.coefficients), "counterfactual data")
        index = np.zeros(len(rows))
        for name, beta in self.coefficients.items():
            index += beta * rows[name].to_numpy(dtype=np.float64)
        return np.asarray(np.exp(index))

    def baseline(
        self,
        *,
        fitted: bool = True,
        unit: str = "",
        rows: pd.Series | None = None,
        dropped: DroppedPairs = "observed",
    ) -> Baseline:
        """A GE baseline from fitted (default) or observed flows; ``rows`` selects e.g. one year.

        The pairs PPML dropped have no fitted flow; ``dropped`` says what they get: their
        observed flow (default) or zero. Either way a :class:`UserWarning` says how many.
        """
        if dropped not in ("observed", "zero"):
            raise InputError(f"dropped must be 'observed' or 'zero'; got {dropped!r}")
        frame = self.data if rows is None else self.data[rows.to_numpy()]
        flows = frame["fitted" if fitted else self.trade].to_numpy(dtype=np.float64).copy()
        missing = ~np.isfinite(flows)
        if fitted and missing.any():
            observed = frame[self.trade].to_numpy(dtype=np.float64)
            flows[missing] = observed[missing] if dropped == "observed" else 0.0
            warnings.warn(
                f"PPML dropped {int(missing.sum())} of {len(flows)} pairs of the baseline "
                f"(no fitted flow); the baseline uses their "
                f"{'observed flows' if dropped == 'observed' else 'flows set to zero'}",
                UserWarning,
                stacklevel=2,
            )
        return Baseline.from_flows(frame[self.exporter], frame[self.importer], flows, unit=unit)

    def shock(
        self,
        baseline: Baseline,
        changes: Mapping[str, Any],
        *,
        rows: pd.Series | None = None,
        label: str = "",
    ) -> Shock:
        """The partial effect ``exp(b' (x' - x))`` of new covariate values.

        ``changes`` maps covariate names to new values: a scalar, or an array aligned with the
        (selected) rows of the estimation data. Covariates not named keep their values.
        """
        frame = self.data if rows is None else self.data[rows.to_numpy()]
        unknown = [name for name in changes if name not in self.coefficients]
        if unknown:
            raise DataFileError(
                f"covariate {unknown[0]!r} is not in the model",
                hint=f"estimated: {', '.join(self.coefficients)}",
            )
        log_change = np.zeros(len(frame))
        for name, value in changes.items():
            new = np.broadcast_to(np.asarray(value, dtype=np.float64), (len(frame),))
            log_change += self.coefficients[name] * (new - frame[name].to_numpy(dtype=np.float64))
        countries, factor = pivot_pairs(
            frame[self.exporter], frame[self.importer], np.exp(log_change)
        )
        if countries != baseline.countries:
            raise DataFileError("the rows for the shock do not cover the baseline's countries")
        return Shock(factor, None, label)


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise DataFileError(
            f"{what} has no column {missing[0]!r}",
            hint=f"columns: {', '.join(map(str, frame.columns))}",
        )


def _plain_name(term: str) -> str:
    """The column that stands for a fixed-effect term (``a^b`` -> ``a_x_b``)."""
    return "_x_".join(term.split("^"))


def _fixed_effect_columns(frame: pd.DataFrame, terms: Sequence[str]) -> list[str]:
    """Add one column per interaction term, so pyfixest can report its estimated values
    (it cannot for ``^`` terms); return the plain names of all terms."""
    names = []
    for term in terms:
        parts = term.split("^")
        _require(frame, parts, "gravity data")
        name = _plain_name(term)
        if len(parts) > 1:
            # pandas takes a list of Series as ``others``; pandas-stubs 3.1 types it as a list
            # of str only (pandas-dev/pandas-stubs#1853)
            frame[name] = (
                frame[parts[0]]
                .astype(str)
                .str.cat([frame[p].astype(str) for p in parts[1:]], sep="|")  # type: ignore[misc]
            )
        names.append(name)
    return names


def _fitted_values(fit: Any, frame: pd.DataFrame) -> FloatArray:
    """In-sample fitted flows aligned with ``frame``; NaN for rows pyfixest dropped."""
    values = np.asarray(fit.predict(type="response"), dtype=np.float64)
    if values.size == len(frame):
        return values
    out = np.full(len(frame), np.nan)
    out[np.asarray(fit._data.index, dtype=np.int64)] = values  # rows used, original positions
    log.warning(
        "PPML dropped %d of %d rows (singletons or separation)",
        len(frame) - values.size,
        len(frame),
    )
    return out


def estimate_ppml(
    data: pd.DataFrame,
    covariates: Sequence[str],
    *,
    trade: str = "trade",
    exporter: str = "exporter",
    importer: str = "importer",
    fixed_effects: Sequence[str] = ("exporter", "importer"),
    vcov: str | Mapping[str, str] = "hetero",
    tol: float = 1e-10,
) -> GravityEstimate:
    """Estimate a structural gravity equation by PPML with absorbed fixed effects.

    Parameters
    ----------
    data
        Long-form flows, one row per exporter-importer (-year) observation, domestic flows
        included when the GE step needs them.
    covariates
        Trade-cost variables (e.g. ``ln_DIST``, ``CNTG``, ``INTL_BRDR``).
    trade, exporter, importer
        Column names.
    fixed_effects
        pyfixest fixed-effect terms, e.g. ``("exporter", "importer")`` or
        ``("exporter^year", "importer^year", "exporter^importer")``.
    vcov
        pyfixest variance option (``"hetero"``, ``{"CRV1": "pair"}``, ...).
    tol
        Convergence tolerance of the IRLS iterations and of the fixed-effect demeaning.

    Returns
    -------
    GravityEstimate

    Raises
    ------
    DataFileError
        Missing columns, negative or missing flows.
    ModelError
        pyfixest could not estimate the model.
    """
    import pyfixest as pf  # heavy import, only when estimating

    _require(data, [trade, exporter, importer, *covariates], "gravity data")
    flows = data[trade].to_numpy(dtype=np.float64)
    if not np.isfinite(flows).all():
        raise DataFileError(
            f"column {trade!r} has missing values (row {int(np.argmax(~np.isfinite(flows)))})"
        )
    if (flows < 0).any():
        raise DataFileError(
            f"column {trade!r} has negative flows (row {int(np.argmax(flows < 0))})"
        )
    if not covariates:
        raise DataFileError("PPML needs at least one trade-cost covariate")
    formula = f"{trade} ~ {' + '.join(covariates)} | {' + '.join(fixed_effects)}"
    frame = data.reset_index(drop=True).copy()
    absorbed = _fixed_effect_columns(frame, fixed_effects)
    plain = f"{trade} ~ {' + '.join(covariates)} | {' + '.join(absorbed)}"
    settings: dict[str, Any] = {"iwls_tol": tol, "iwls_maxiter": 100}
    demeaner = getattr(pf, "MapDemeaner", None)  # typed demeaner config in pyfixest >= 0.50
    if demeaner is not None:
        settings["demeaner"] = demeaner(fixef_tol=tol)
    else:  # pragma: no cover - older pyfixest
        settings["fixef_tol"] = tol
    try:
        with warnings.catch_warnings(record=True) as caught:
            # pyfixest's own use of deprecated pandas/numpy features is not the caller's
            # concern, and the rows it drops (separation, singletons) are counted in
            # ``dropped`` and reported by ``baseline``: its warnings go to the log
            warnings.simplefilter("always")
            fit: Any = pf.fepois(plain, data=frame, vcov=vcov, **settings)
            fitted = _fitted_values(fit, frame)
        for item in caught:
            if issubclass(item.category, UserWarning):
                log.info("pyfixest: %s", item.message)
    except Exception as error:  # pyfixest raises many kinds; report one
        raise ModelError(
            f"PPML estimation of {formula!r} failed: {type(error).__name__}: {error}"
        ) from error
    coef = {str(k): float(v) for k, v in fit.coef().items()}
    se = {str(k): float(v) for k, v in fit.se().items()}
    frame = frame.drop(columns=[a for a, t in zip(absorbed, fixed_effects, strict=True) if a != t])
    frame["fitted"] = fitted
    log.debug("PPML %s: %s", formula, coef)
    return GravityEstimate(
        formula, coef, se, frame, exporter, importer, trade, tuple(fixed_effects), fit
    )
