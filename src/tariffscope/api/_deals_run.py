"""Running the deal space: the pair's data, the law's outcomes, the grid and its solutions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from tariffscope.api._deals import DealSpaceResult
from tariffscope.distributed.map import ChunkMapper, map_in_process
from tariffscope.domain.countries import is_country
from tariffscope.errors import NotCoveredError, UnknownCodeError
from tariffscope.impact.tradewar import bargaining as bg
from tariffscope.impact.tradewar.data import TradeWarData
from tariffscope.impact.tradewar.deal_case import (
    SWEEP_WEIGHTS,
    ActualDeal,
    DealAxes,
    axes_for,
    frontier_rows,
    law_settings,
    solutions,
    sweep_table,
    weight_deal,
)
from tariffscope.impact.tradewar.deals import (
    DealSpace,
    Setting,
    acceptable,
    grid_of,
    income_usd_bn,
)
from tariffscope.impact.tradewar.icio import (
    DEFAULT_ELASTICITIES,
    ICIO_DIR,
    aggregate_pair,
    load_icio2022,
    purge_imbalances,
)
from tariffscope.impact.tradewar.political_economy import (
    PoliticalEconomy,
    political_economy_weights,
)

__all__ = ["run"]

US = "USA"


def _pair_data(pair: tuple[str, str], elasticities: str) -> TradeWarData:
    full = load_icio2022(elasticities)
    for code in pair:
        if code in full.regions:
            continue
        where = f"the {len(full.regions)} countries of the ICIO 2022 file ({ICIO_DIR})"
        if not is_country(code):
            raise UnknownCodeError(f"pair {'-'.join(pair)}: {code} is not a country of {where}")
        # a country the model's data lack: a capability the tool lacks, not bad input
        raise NotCoveredError(
            f"not computed: pair {'-'.join(pair)}: {code} is not among {where}; the list is its "
            "exporter column",
            what=code,
        )
    return purge_imbalances(aggregate_pair(full, *pair))


@dataclass(frozen=True)
class _Outcomes:
    """The status quo, the threat and the deal as lever settings, with where each comes from."""

    status_quo: list[Setting]
    status_quo_label: str
    threat: list[Setting] | None  # added to the status quo
    threat_label: str
    deal: list[Setting] | None
    deal_label: str
    warnings: list[str]
    mfn: np.ndarray | None = None  # home's MFN on the partner by sector, from the law


def _outcomes(data: TradeWarData, pair: tuple[str, str], date: str) -> _Outcomes:
    out = _Outcomes([], "the ICIO 2022 baseline (applied tariffs of 2022)", None, "", None, "", [])
    if pair[0] == US:
        from tariffscope.impact.tradewar.law_link import law_points

        points = law_points(pair[1], date, data.sectors)
        threats = [p for p in points if p.kind == "threat"]
        deals = [p for p in points if p.kind == "deal"]
        out = _Outcomes(
            law_settings(data, pair, points[0].rates),
            f"the US law: {points[0].label} (catalog, by ICIO sector)",
            law_settings(data, pair, threats[0].rates) if threats else None,
            f"the catalog: {threats[0].label}" if threats else "",
            law_settings(data, pair, deals[-1].rates) if deals else None,
            f"the catalog: {deals[-1].label} (the whole law on that date)" if deals else "",
            [],
            points[0].mfn,
        )
    else:
        out.warnings.append(
            f"not covered: the catalog holds US law only; the status quo of {pair[0]}'s tariffs "
            "is the ICIO 2022 baseline and there is no catalog threat or deal"
        )
    return out


def _with_threat(law: _Outcomes, axes: DealAxes, threat: float) -> _Outcomes:
    """The threat of ``--threat``: the general lever's sectors at MFN plus ``threat``."""
    over = replace(axes.levers["general"], name="threat", mode="additional")
    return replace(
        law,
        threat=[(over, threat)],
        threat_label=f"--threat: {100 * threat:g}% added to MFN on every goods sector outside "
        "the sector lever and the kept sectors, the rest at the status quo",
    )


def run(
    pair: tuple[str, str],
    date: str,
    grid_axes: list[tuple[str, Sequence[float]]],
    *,
    weight: float,
    disagreement: str,
    threat: float | None,
    sector_lever: tuple[str, tuple[str, ...]] | None,
    keep: tuple[str, ...],
    transfer_usd_bn: float,
    transfer_pct_gdp: float,
    actual: dict[str, float] | None,
    elasticities: str | None,
    sigma_factors: Sequence[float],
    political_economy: PoliticalEconomy | None,
    mapper: ChunkMapper = map_in_process,
) -> DealSpaceResult:
    """See :func:`tariffscope.api._deals.deals` (which checks the arguments); ``mapper`` solves
    the grid's rows, then the solutions table, the sweep's weights and the sensitivity's
    elasticities (tasks: blocks of rows; the table, a weight, a factor). What stays here: the
    pair's data and law, and the first deal of each row (a chain of warm starts, cheap)."""
    source = elasticities or DEFAULT_ELASTICITIES
    data = _pair_data(pair, source)
    (xn, xs), (yn, ys) = grid_axes
    law = _outcomes(data, pair, date)
    axes = axes_for(data, pair, xn, yn, sector_lever, keep, law.mfn)
    if threat is not None:
        law = _with_threat(law, axes, threat)
    sq, sq_label, threat_label = law.status_quo, law.status_quo_label, law.threat_label
    warnings = list(law.warnings)
    kind = disagreement
    if kind != "status-quo" and law.threat is None:
        warnings.append(
            "not covered: no threat against the partner is known on the date (catalog) and "
            "--threat was not given; the disagreement point is the status quo"
        )
        kind = "status-quo"
    weights, payoff, pe_table = None, "real income", None
    if political_economy is not None:
        weights, pe_warnings = political_economy_weights(data, pair, political_economy)
        warnings += pe_warnings
        payoff = f"government welfare (political-economy weights {political_economy.label})"
        pe_table = {
            side: dict(zip(data.sectors, map(float, weights[data.index(side)]), strict=True))
            for side in pair
        }
    transfer_usd_bn, transfer = _transfer(data, pair, transfer_usd_bn, transfer_pct_gdp)
    dis, retaliation = bg.disagreement_settings(
        kind, sq, law.threat or [], axes.levers["partner"], data, weights
    )
    dis_label = {
        "status-quo": f"status quo: {sq_label}",
        "threat": f"threat carried out: {threat_label}",
        "war": f"threat carried out ({threat_label}) and {pair[1]}'s best-response retaliation "
        f"{100 * (retaliation or 0.0):.1f}% added to its MFN on all {pair[0]} goods",
    }[kind]
    space = DealSpace(
        data,
        pair,
        axes.levers[xn],
        axes.levers[yn],
        tuple(dis),
        tuple(sq),
        transfer_usd_bn,
        weights,
    )
    grid = grid_of(space, xs, ys, mapper=mapper)
    actual_arg = None
    if actual is not None:
        actual_arg = ActualDeal("given", rates=(actual[xn], actual[yn]))
    elif law.deal is not None:
        actual_arg = ActualDeal(law.deal_label, settings=tuple(law.deal))
    table, sweep, sens = _after_grid(
        space,
        grid,
        _Solutions(axes, weight, tuple(sq), dis_label, actual_arg),
        [_Variant(factor, xs, ys, weight, source) for factor in (1.0, *sigma_factors)],
        mapper,
    )
    if not (table["solution"].str.startswith("Nash")).any():
        warnings.append("no deal on the grid is better than disagreement for both sides")
    return DealSpaceResult(
        pair=pair,
        date=date,
        x_lever=xn,
        y_lever=yn,
        disagreement=kind,
        grid=frontier_rows(grid, pair),
        solutions=table,
        sweep=sweep,
        sensitivity=sens,
        sources=(
            data.source,
            f"status quo: {sq_label}",
            f"disagreement point: {dis_label}",
            f"payoffs: {payoff} change (Ossa 2014 model, tariff revenue included), no "
            "input-output links, no investment, security or currency effects",
            *(
                ()
                if political_economy is None or political_economy.kind != "ossa2014"
                else (
                    "political-economy weights: Ossa (2014) LAMBDAPOL, "
                    "data/d_gravity/ossa2014_trade_wars, mapped to ICIO sectors by "
                    "ossa2014_icio_political_economy.yaml (output-weighted)",
                )
            ),
        ),
        warnings=tuple(warnings),
        payoff=payoff,
        political_economy=None if political_economy is None else political_economy.label,
        pe_weights=pe_table,
        transfer=transfer,
    )


def _transfer(
    data: TradeWarData, pair: tuple[str, str], usd_bn: float, pct_gdp: float
) -> tuple[float, dict[str, object] | None]:
    """The transfer from ``pair[1]`` to ``pair[0]`` in US$ bn and its record in both units
    (None: none), GDP being each side's income in the ICIO baseline (:func:`income_usd_bn`)."""
    if not usd_bn and not pct_gdp:
        return 0.0, None
    gdp = {m: income_usd_bn(data, m) for m in pair}
    amount = usd_bn if usd_bn else pct_gdp / 100.0 * gdp[pair[1]]
    return amount, {
        "payer": pair[1],
        "receiver": pair[0],
        "usd_bn": amount,
        "pct_gdp_payer": 100.0 * amount / gdp[pair[1]],
        "pct_gdp_receiver": 100.0 * amount / gdp[pair[0]],
        "given_as": "share of the payer's GDP" if pct_gdp and not usd_bn else "US$ bn",
        "gdp_usd_bn": gdp,
        "label": "transfer (not modelled): added to the receiver's and subtracted from the "
        "payer's payoff as a share of each side's income (GDP in the ICIO baseline, gross "
        "output)",
    }


@dataclass(frozen=True)
class _Solutions:
    """The solutions table's task: what it needs besides the space and the grid."""

    axes: DealAxes
    weight: float
    status_quo: tuple[Setting, ...]
    disagreement_label: str
    actual: ActualDeal | None


@dataclass(frozen=True)
class _Variant:
    """One row of the sensitivity table: the elasticities' factor and what it needs."""

    factor: float
    xs: Sequence[float]
    ys: Sequence[float]
    weight: float
    source: str


_Job = _Solutions | _Variant | float  # a float: one weight of the sweep


def _after_grid(
    space: DealSpace,
    grid: pd.DataFrame,
    table: _Solutions,
    variants: list[_Variant],
    mapper: ChunkMapper,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The solutions table, the weight sweep and the sensitivity table, as one wave of tasks
    (``mapper``): they need only the space and the grid, shipped once, so with a cluster the
    driver solves nothing after the grid and the three run side by side."""
    weights = [float(w) for w in SWEEP_WEIGHTS] if acceptable(grid, space.pair).any() else []
    # the longest tasks first (a variant with its own grid, then the table's searches)
    others = [v for v in variants if v.factor != 1.0]
    same = [v for v in variants if v.factor == 1.0]
    jobs: list[_Job] = [*others, table, *same, *weights]
    done = mapper(_job, jobs, shared=(space, grid))
    by_factor = {
        job.factor: row for job, row in zip(jobs, done, strict=True) if isinstance(job, _Variant)
    }
    solved = done[len(others)]
    sweep = sweep_table(done[len(jobs) - len(weights) :]) if weights else pd.DataFrame()
    return solved, sweep, pd.DataFrame([by_factor[v.factor] for v in variants])


def _job(space: DealSpace, grid: pd.DataFrame, job: _Job) -> Any:
    """One task after the grid: the solutions table, a sensitivity row or a sweep weight's
    refined Nash deal."""
    if isinstance(job, _Solutions):
        return solutions(
            space,
            job.axes,
            grid,
            job.weight,
            status_quo=list(job.status_quo),
            disagreement_label=job.disagreement_label,
            actual=job.actual,
        )
    if isinstance(job, _Variant):
        return _variant_row(space, grid, job)
    return weight_deal(space, grid, job)


def _variant_row(space: DealSpace, grid: pd.DataFrame, job: _Variant) -> dict[str, object]:
    factor = job.factor
    variant = bg.with_sigma_scaled(space, factor) if factor != 1.0 else space
    if factor != 1.0:
        grid = grid_of(variant, job.xs, job.ys)
    row: dict[str, object] = {"elasticities": f"{job.source}, sigma - 1 x{factor:g}"}
    ok = grid[[f"payoff_pct_{m}" for m in space.pair]].gt(0).all(axis=1)
    row["acceptable_share"] = float(ok.mean())
    if ok.any():
        ks = bg.kalai_smorodinsky_refined(variant, grid)
        nb = bg.nash_bargaining_refined(variant, grid, job.weight)
        row.update(
            ks_x_pct=100 * ks["x"],
            ks_y_pct=100 * ks["y"],
            nash_x_pct=100 * nb["x"],
            nash_y_pct=100 * nb["y"],
            **{f"nash_payoff_usd_bn_{m}": nb[f"payoff_usd_bn_{m}"] for m in space.pair},
        )
    return row
