"""Solving the brief's deal space (:mod:`tariffscope.report.deal_space`): the grid, the
solutions, the law's points on the levers and the distances to the deals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from tariffscope.impact.gravity.baseline import FloatArray
from tariffscope.impact.tradewar import bargaining as bg
from tariffscope.impact.tradewar.deal_case import (
    ActualDeal,
    axes_for,
    frontier_rows,
    law_settings,
    lever_mean_rate,
    solutions,
)
from tariffscope.impact.tradewar.deals import DealSpace, Evaluator, Lever, apply_levers, grid_of
from tariffscope.report.deal_space import DealDistance, DealPoint, DealSpaceSection

if TYPE_CHECKING:
    from tariffscope.impact.tradewar.data import TradeWarData
    from tariffscope.impact.tradewar.law_link import LawPoint
    from tariffscope.impact.tradewar.political_economy import PoliticalEconomy
    from tariffscope.regime import Catalog
    from tariffscope.tracker.linking import MeasureLink

__all__ = ["GRID_POINTS", "WEIGHT", "solve_section"]

US = "USA"
#: The brief's coarse grid: 11 general rates x 9 rates of the second lever.
GRID_POINTS = (11, 9)
#: The Nash bargaining weight of the US in the brief (equal bargaining power).
WEIGHT = 0.5
#: The grid's highest rate unless the threat or the status quo is higher (percent).
TOP_PCT = 30.0
#: The partner lever's range when the story names no sector: cuts of up to 10 points.
PARTNER_RANGE_PCT = (-10.0, 0.0)
NASH = f"Nash bargaining w={WEIGHT:g}"
KS = "Kalai-Smorodinsky"


def _top(*rates: float) -> float:
    """30%, or the next multiple of 10 above a higher rate given."""
    high = max(rates, default=0.0)
    return TOP_PCT if high <= TOP_PCT else float(10 * np.ceil(high / 10.0))


def _mean_base(data: TradeWarData, lever: Lever) -> float:
    """The lever's base (MFN) rate, weighted by the baseline trade in its sectors (percent)."""
    if lever.base is None:
        return 0.0
    i, j = data.index(lever.exporter), data.index(lever.importer)
    w = data.trade[i, j, [data.sectors.index(s) for s in lever.sectors]]
    base = np.asarray(lever.base)
    return 100.0 * float((w * base).sum() / w.sum() if w.sum() > 0 else base.mean())


def _row_point(row: pd.Series, name: str, pair: tuple[str, str], detail: str) -> DealPoint:
    return DealPoint(
        name,
        float(row["x_pct"]),
        float(row["y_pct"]),
        tuple(float(row[f"payoff_usd_bn_{m}"]) for m in pair),  # type: ignore[arg-type]
        tuple(float(row[f"payoff_pct_{m}"]) for m in pair),  # type: ignore[arg-type]
        detail,
    )


def _payoff(
    data: TradeWarData, pair: tuple[str, str], political_economy: PoliticalEconomy | None
) -> tuple[FloatArray | None, str, tuple[str, ...]]:
    """The political-economy weights (None: real income), the payoff's name, and the
    weights' source and warnings for the section's sources (as ``tariffscope deals`` says
    them)."""
    if political_economy is None:
        return None, "real income", ()
    from tariffscope.impact.tradewar.political_economy import political_economy_weights

    weights, warnings = political_economy_weights(data, pair, political_economy)
    source = (
        "political-economy weights: Ossa (2014) LAMBDAPOL, data/d_gravity/ossa2014_trade_wars, "
        "mapped to ICIO sectors by ossa2014_icio_political_economy.yaml (output-weighted)"
        if political_economy.kind == "ossa2014"
        else f"political-economy weights: {political_economy.label} on both sides' goods "
        "sectors (1 on services)"
    )
    payoff = f"government welfare (political-economy weights {political_economy.label})"
    return weights, payoff, (source, *(f"warning: {w}" for w in warnings))


def solve_section(
    data: TradeWarData,
    partner: str,
    sq: LawPoint,
    threat: LawPoint,
    deal: LawPoint | None,
    sector_lever: tuple[str, tuple[str, ...], str] | None,
    kept: tuple[str, ...],
    agreed: Sequence[MeasureLink],
    catalog: Catalog,
    political_economy: PoliticalEconomy | None = None,
) -> DealSpaceSection:
    """The deal space against the threat carried out, with the status quo held in the sectors
    no lever sets (``kept`` among them). ``political_economy``: weights on organised sectors
    (:mod:`tariffscope.impact.tradewar.political_economy`); the payoffs are then government
    welfare, not real income."""
    from tariffscope.report.deal_space import lever_deal_rate

    pair = (US, partner)
    y_name = sector_lever[0] if sector_lever else "partner"
    axes = axes_for(
        data,
        pair,
        "general",
        y_name,
        None if sector_lever is None else sector_lever[:2],
        kept,
        sq.mfn,
    )
    x, y = axes.levers["general"], axes.levers[y_name]
    sq_settings = law_settings(data, pair, sq.rates)
    dis, _ = bg.disagreement_settings("threat", sq_settings, law_settings(data, pair, threat.rates))
    weights, payoff, pe_sources = _payoff(data, pair, political_economy)
    space = DealSpace(data, pair, x, y, tuple(dis), tuple(sq_settings), 0.0, weights)
    at_sq, at_threat = apply_levers(data, sq_settings), apply_levers(data, dis)
    # an ``additional`` lever's coordinate is the change on the baseline, as on the grid
    y_zero = 100 * lever_mean_rate(data, y, data.tariffs) if y.mode == "additional" else 0.0
    sq_xy = (100 * lever_mean_rate(data, x, at_sq), 100 * lever_mean_rate(data, y, at_sq) - y_zero)
    th_xy = (
        100 * lever_mean_rate(data, x, at_threat),
        100 * lever_mean_rate(data, y, at_threat) - y_zero,
    )
    x_top = _top(sq_xy[0], th_xy[0])
    y_low, y_top = (0.0, _top(sq_xy[1], th_xy[1])) if sector_lever else PARTNER_RANGE_PCT
    xs = np.linspace(0.0, x_top, GRID_POINTS[0])
    ys = np.linspace(y_low, y_top, GRID_POINTS[1])
    grid = grid_of(space, [float(v) / 100.0 for v in xs], [float(v) / 100.0 for v in ys])
    dis_label = f"{threat.label}, on top of the {sq.label[:1].lower()}{sq.label[1:]}"
    table = solutions(
        space,
        axes,
        grid,
        WEIGHT,
        status_quo=sq_settings,
        disagreement_label=dis_label,
        actual=None
        if deal is None
        else ActualDeal(deal.label, settings=tuple(law_settings(data, pair, deal.rates))),
        unilateral=False,
        refine="numpy",
    )
    off_grid = ~table["on_grid_axes"].astype(bool)
    table.loc[off_grid, "y_pct"] -= y_zero
    rows = {str(r["solution"]): r for _, r in table.iterrows()}
    points = [_row_point(rows["disagreement point"], "threat carried out", pair, dis_label)]
    sq_rec = Evaluator(space).record_settings(sq_settings, transfer=False)
    points.append(
        _row_point(
            pd.Series({"x_pct": sq_xy[0], "y_pct": sq_xy[1], **sq_rec}),
            "status quo",
            pair,
            sq.label,
        )
    )
    for name in (NASH, KS):
        if name in rows:
            detail = "refined off the grid (Nelder-Mead)" + (
                f", weight {WEIGHT:g} on USA" if name == NASH else ""
            )
            points.append(_row_point(rows[name], name, pair, detail))
    if "actual deal" in rows and deal is not None:
        points.append(_row_point(rows["actual deal"], "catalog deal (hindsight)", pair, deal.label))
    flagged = frontier_rows(grid, pair)
    ok = flagged[flagged["acceptable"]]
    predicted = next((p for p in points if p.name == NASH), None)
    distances: list[DealDistance] = []
    if predicted is not None:
        for link in agreed:
            for lever, at in ((x, predicted.x_pct), (y, predicted.y_pct)):
                reported = lever_deal_rate(
                    link, catalog, lever, data.sectors, _mean_base(data, lever)
                )
                if reported is not None:
                    distances.append(
                        DealDistance(
                            f"{link.mention.products} at {link.mention.to_rate_pct:g}% (agreed)",
                            "story",
                            lever.name,
                            reported,
                            at,
                        )
                    )
        hindsight = next((p for p in points if p.name == "catalog deal (hindsight)"), None)
        if hindsight is not None:
            # the catalog holds US law only: it says nothing of the partner's tariffs
            distances += [
                DealDistance(hindsight.detail, "catalog (hindsight)", lever.name, at_deal, at)
                for lever, at_deal, at in (
                    (x, hindsight.x_pct, predicted.x_pct),
                    (y, hindsight.y_pct, predicted.y_pct),
                )
                if lever.importer == US
            ]
    y_text = (
        f"US rate on {sector_lever[2]} from {partner} (ICIO {'+'.join(sector_lever[1])}), "
        "inclusive of MFN"
        if sector_lever
        else f"{partner}'s tariff on US goods, points added to its 2022 applied tariff"
    )
    section = DealSpaceSection(
        computed=True,
        note="",
        pair=pair,
        disagreement=dis_label,
        levers=(
            ("general", f"US rate on every other goods sector of {partner}, inclusive of MFN"),
            (y_name, y_text),
        ),
        grid_pct=(
            (float(xs[0]), float(xs[-1]), float(xs[1] - xs[0])),
            (float(ys[0]), float(ys[-1]), float(ys[1] - ys[0])),
        ),
        deals=len(grid),
        acceptable=len(ok),
        x_range_pct=None if ok.empty else (float(ok.x_pct.min()), float(ok.x_pct.max())),
        y_range_pct=None if ok.empty else (float(ok.y_pct.min()), float(ok.y_pct.max())),
        kept=kept,
        points=tuple(points),
        distances=tuple(distances),
        sources=(
            data.source,
            f"status quo, threat and deal: the brief's outcomes, their line duties averaged to "
            f"the ICIO sectors over {partner}'s 2024 US imports (icio_sector_concordance.csv)",
            f"payoffs: {payoff} change in Ossa's (2014) model, tariff revenue included, "
            "against the threat carried out; no input-output links, investment pledges, "
            "security or currency effects (docs/models.md, Deal space)",
            *pe_sources,
        ),
    )
    return replace(section, note=summary(section))


def summary(section: DealSpaceSection) -> str:
    """One line: the acceptable region and the predicted deal."""
    pair = section.pair or ("", "")
    x_name, y_name = (name for name, _ in section.levers)
    if not section.acceptable:
        return (
            f"no deal on the {section.deals}-deal grid beats the threat carried out for both "
            "sides: bargaining predicts no deal"
        )
    share = section.acceptable_share or 0.0
    head = (
        f"{section.acceptable} of {section.deals} deals on the grid ({100 * share:.0f}%) beat "
        f"the threat carried out for both sides"
    )
    nash = section.point(NASH)
    if nash is None:
        return head
    (x_low, x_high, _), (y_low, y_high, _) = section.grid_pct
    edge = (
        min(abs(nash.x_pct - x_low), abs(nash.x_pct - x_high)) < 1e-3
        or min(abs(nash.y_pct - y_low), abs(nash.y_pct - y_high)) < 1e-3
    )
    return (
        f"{head}; Nash bargaining at equal weights: {x_name} {nash.x_pct:.1f}%, {y_name} "
        f"{nash.y_pct:.1f}% ({pair[0]} {nash.payoff_usd_bn[0]:+.2f} bn, {pair[1]} "
        f"{nash.payoff_usd_bn[1]:+.2f} bn a year against the threat)"
        + ("; on the grid's edge, so the bargaining deal may lie beyond it" if edge else "")
    )
