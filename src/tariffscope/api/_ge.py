"""Economy-wide effects (general equilibrium) and effective tariff rates."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

if TYPE_CHECKING:
    from tariffscope.impact.etr.series import LawMapper
    from tariffscope.impact.ge_runs import GERun
from tariffscope.api._dates import DateLike, iso

__all__ = ["etr", "etr_chart", "ge"]


def ge(
    *,
    app: str | None = None,
    tariffs: str | Path | None = None,
    data: Literal["cp", "agtpa"] = "cp",
    sigma: float = 7.0,
    scenario: str | Path | None = None,
    date: DateLike | None = None,
    reference_date: DateLike | None = None,
    model: Literal["cp", "gravity"] = "cp",
    start: Literal["reference", "base-year"] = "reference",
    panel: pd.DataFrame | str | Path | None = None,
    covariates: Sequence[str] = (),
    changes: Mapping[str, float | str] | None = None,
    year: int | None = None,
    fixed_effects: Sequence[str] = ("exporter", "importer"),
    dropped: Literal["observed", "zero"] = "observed",
) -> GERun:
    """Economy-wide effects: real GDP, welfare and trade changes for every country.

    Give exactly one of:

    ``app``
        A published application: ``"agtpa-borders"``, ``"ge-gravity-eu"`` or ``"cp-nafta"``
        (with the published numbers in column ``published_pct``).
    ``tariffs``
        A CSV of tariff changes (importer, exporter, [sector], tariff_before_pct,
        tariff_after_pct) on ``data="cp"`` (Caliendo-Parro 1993, 31 regions x 40 sectors) or
        ``data="agtpa"`` (Advanced Guide 2006, 69 countries, elasticity ``sigma``).
    ``scenario``
        A tariff-law scenario YAML: the law on ``date`` with the scenario against the law on
        ``reference_date`` (default ``date``), with ``model`` "cp" or "gravity".
    ``panel``
        Your own gravity panel (a DataFrame, or a CSV/Parquet path) with exporter, importer,
        trade (and year) columns: PPML on ``covariates`` with ``fixed_effects``, the fitted
        baseline of ``year``, the shock of the new covariate values ``changes`` (a number, or
        the name of a column with each pair's new value), GE solve with ``sigma``.
        Pairs PPML drops take their observed flows (``dropped="observed"``) or zero,
        with a warning in ``run.warnings``. The result is a
        :class:`~tariffscope.impact.ge_runs.PanelRun`: ``run.estimate.pair_effects()`` gives
        the pair fixed effects when estimated (``"exporter^importer"``).

    Returns
    -------
    GERun
        ``countries`` (DataFrame, percent changes), ``diagnostics``, ``title``, ``metadata``
        (scenarios), ``warnings``.

    Raises
    ------
    InputError
        None or several of the four given, an unknown name, a bad file or value.
    ConvergenceError
        The solver did not converge.
    """
    from tariffscope.errors import InputError
    from tariffscope.impact import ge_runs

    given = [
        name
        for name, value in (
            ("app", app),
            ("tariffs", tariffs),
            ("scenario", scenario),
            ("panel", panel),
        )
        if value is not None
    ]
    if len(given) != 1:
        raise InputError("give exactly one of app, tariffs, scenario or panel")
    if scenario is None and (date is not None or reference_date is not None):
        raise InputError("date and reference_date go with scenario")
    if app is not None:
        return ge_runs.run_application(app)
    if tariffs is not None:
        return ge_runs.run_tariff_file(Path(tariffs), data=data, sigma=sigma)
    if scenario is not None:
        return ge_runs.run_scenario(
            Path(scenario),
            entry_date=iso(date),
            reference_date=iso(reference_date),
            model=model,
            start=start,
        )
    frame = panel if isinstance(panel, pd.DataFrame) else ge_runs.read_panel(Path(str(panel)))
    return ge_runs.run_panel(
        frame,
        covariates=covariates,
        changes=changes or {},
        year=year,
        fixed_effects=fixed_effects,
        sigma=sigma,
        dropped=dropped,
    )


def etr(
    *,
    date: DateLike | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
    partners: Sequence[str] | None = None,
    by: Literal["partner", "sector"] = "partner",
    rates: Literal["applied", "statutory"] = "applied",
    map_laws: LawMapper | None = None,
) -> pd.DataFrame:
    """The daily trade-weighted US tariff rate (2024 imports as weights), by partner or sector.

    Give ``date`` for one day, or ``start`` and ``end`` for a daily series. ``partners`` are
    ISO3 codes, ``EUN`` or ``ALL`` (default: ALL and every partner with ``by="partner"``).
    ``rates="applied"`` mixes in the preferences entries claim (claim shares); "statutory"
    claims none. ``map_laws`` computes the distinct laws elsewhere (on a Dask cluster:
    :func:`tariffscope.distributed.law_mapper`); the default computes them here.

    Returns one row per day and partner (and sector): date, partner, imports_usd, duties_usd,
    etr_pct, etr_after_substitution_pct, law_from, ...; ``frame.attrs`` holds ``warnings`` and
    ``sources``.
    """
    from tariffscope.errors import InputError
    from tariffscope.impact.etr import LINE_RATES, effective_rates

    if date is not None and (start is not None or end is not None):
        raise InputError("give either --date or --from and --to, not both")
    if date is not None:
        first, last = iso(date), iso(date)
    elif start is None or end is None:
        missing = "--to" if start is not None else "--from" if end is not None else "--date"
        raise InputError(f"missing {missing}", hint="give --date D, or --from D1 --to D2")
    else:
        first, last = iso(start), iso(end)
    if by not in ("partner", "sector"):
        raise InputError(f"by must be 'partner' or 'sector'; got {by!r}")
    if rates not in LINE_RATES:
        raise InputError(f"rates must be one of {', '.join(LINE_RATES)}; got {rates!r}")
    return effective_rates(
        first, last, partners=list(partners) if partners else None, by=by,
        line_rates=LINE_RATES[rates], map_laws=map_laws,
    )  # fmt: skip


def etr_chart(frame: pd.DataFrame, *, title: str | None = None) -> dict[str, Any]:
    """The Vega-Lite specification (a dict) of an :func:`etr` frame: one line per partner or
    sector (the largest by 2024 imports), before substitution solid and after it dashed.

    Raises InputError for a frame with no rows (nothing to draw).
    """
    from tariffscope.errors import InputError
    from tariffscope.report.etr_chart import etr_chart as chart

    if frame.empty:
        raise InputError("there are no rows to draw", hint="ask etr for other dates or partners")
    spec: dict[str, Any] = chart(frame, title=title)
    return spec
