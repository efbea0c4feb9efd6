"""The brief's deal space: which deals both sides prefer to the threat, and where bargaining lands.

When the story has a threat against a partner of the OECD ICIO 2022 file and the US is a party,
the brief solves a coarse deal space of the pair (the US first) on the ICIO pair economy
(:mod:`tariffscope.impact.tradewar`, Ossa's 2014 model; payoffs are real-income changes, tariff
revenue included, against the threat carried out):

- **levers**: the US general rate on the partner's goods (inclusive of MFN), and the US rate on
  the sector the story names (a measure with a product scope, mapped to its ICIO sectors by the
  partner's 2024 US imports) or else the partner's tariff on US goods (added to its 2022 rate);
- **the law**: the status quo, the threat and the catalog's later deal are the brief's own
  priced outcomes; their line duties, resolved once for the brief, are averaged to the ICIO
  sectors (:func:`tariffscope.impact.tradewar.law_link.law_point`), nothing is resolved again;
- **held at the status quo**: every goods sector outside the sector lever that the threat
  leaves mostly alone (raises by less than half its median increase over those sectors:
  sectoral measures stacked apart from it, exempt goods); the deals are over what the threat
  puts on the table;
- **solutions**: the acceptable region on an 11 x 9 grid, the Nash bargaining deal at weight
  0.5 and the Kalai-Smorodinsky deal (refined off the grid), the status quo and the catalog's
  deal placed on the same levers, and the distance from any deal the story reports.

``tariffscope deals`` gives the full deal space (finer grids, weights, other disagreement points,
optimal tariffs, the trade war, elasticity sensitivity). Anything that stops the section is a
one-line note ("not computed: ..."), never a failure of the brief.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from tariffscope.domain.blocs import members_of
from tariffscope.domain.countries import WLD
from tariffscope.errors import TariffscopeError

if TYPE_CHECKING:
    from tariffscope.impact.tradewar.data import TradeWarData
    from tariffscope.impact.tradewar.deals import Lever
    from tariffscope.impact.tradewar.law_link import LawPoint
    from tariffscope.impact.tradewar.political_economy import PoliticalEconomy
    from tariffscope.regime import Catalog
    from tariffscope.report.brief import PricedScenario
    from tariffscope.tracker.linking import MeasureLink

__all__ = ["DealDistance", "DealPoint", "DealSpaceSection", "deal_space_section", "not_computed"]

logger = logging.getLogger(__name__)

US = "USA"


@dataclass(frozen=True)
class DealPoint:
    """A deal (or the disagreement point) on the two levers, with each side's payoff against
    the disagreement point (US$ bn a year, 2022 dollars, and % of the model's spending)."""

    name: str
    x_pct: float
    y_pct: float
    payoff_usd_bn: tuple[float, float]
    payoff_pct: tuple[float, float]
    detail: str = ""


@dataclass(frozen=True)
class DealDistance:
    """How far a deal (reported in the story, or the catalog's in hindsight) lies from the
    predicted deal on one lever, in percentage points (deal minus prediction)."""

    deal: str
    source: str
    lever: str
    deal_pct: float
    predicted_pct: float

    @property
    def points(self) -> float:
        return self.deal_pct - self.predicted_pct


@dataclass(frozen=True)
class DealSpaceSection:
    """The section: computed, or a one-line note saying why not."""

    computed: bool
    note: str
    pair: tuple[str, str] | None = None
    disagreement: str = ""
    levers: tuple[tuple[str, str], ...] = ()  # (name, what it sets): x, then y
    grid_pct: tuple[tuple[float, float, float], ...] = ()  # (start, stop, step) of x and y
    deals: int = 0
    acceptable: int = 0
    x_range_pct: tuple[float, float] | None = None
    y_range_pct: tuple[float, float] | None = None
    kept: tuple[str, ...] = ()
    points: tuple[DealPoint, ...] = ()
    distances: tuple[DealDistance, ...] = ()
    sources: tuple[str, ...] = ()
    #: the law the status quo point places on the levers: the comparator of the threat
    #: bargained over (its own entry date's law without it, or the story's date's law)
    status_quo_law: str = ""
    #: the other threats, each with its own comparator (label, law): not on the levers
    other_threats: tuple[tuple[str, str], ...] = ()

    @property
    def acceptable_share(self) -> float | None:
        return self.acceptable / self.deals if self.deals else None

    def point(self, name: str) -> DealPoint | None:
        return next((p for p in self.points if p.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (numbers unrounded; strict JSON with :mod:`tariffscope.strict_json`)."""
        pair = list(self.pair or ())
        return {
            "computed": self.computed,
            "note": self.note,
            "pair": pair or None,
            "disagreement": self.disagreement,
            "levers": [
                {"axis": axis, "name": name, "description": text}
                for axis, (name, text) in zip(("x", "y"), self.levers, strict=False)
            ],
            "grid": None
            if not self.grid_pct
            else {
                "x_pct": list(self.grid_pct[0]),
                "y_pct": list(self.grid_pct[1]),
                "deals": self.deals,
            },
            "acceptable": None
            if not self.computed
            else {
                "count": self.acceptable,
                "share": self.acceptable_share,
                "x_range_pct": None if self.x_range_pct is None else list(self.x_range_pct),
                "y_range_pct": None if self.y_range_pct is None else list(self.y_range_pct),
            },
            "kept_sectors": list(self.kept),
            "points": [
                {
                    "name": p.name,
                    "x_pct": p.x_pct,
                    "y_pct": p.y_pct,
                    "payoff_usd_bn": dict(zip(pair, p.payoff_usd_bn, strict=True)),
                    "payoff_pct": dict(zip(pair, p.payoff_pct, strict=True)),
                    "detail": p.detail,
                }
                for p in self.points
            ],
            "distances": [
                {
                    "deal": d.deal,
                    "source": d.source,
                    "lever": d.lever,
                    "deal_pct": d.deal_pct,
                    "predicted_pct": d.predicted_pct,
                    "points": d.points,
                }
                for d in self.distances
            ],
            "sources": list(self.sources),
            "status_quo_law": self.status_quo_law,
            "other_threats": [
                {"outcome": label, "compared_with": law} for label, law in self.other_threats
            ],
        }


def not_computed(reason: str) -> DealSpaceSection:
    return DealSpaceSection(False, f"not computed: {reason}")


def _spec(priced: Sequence[PricedScenario], *prefixes: str) -> PricedScenario | None:
    for prefix in prefixes:
        for scenario in priced:
            key = scenario.spec.key
            if key == prefix or (prefix.endswith(":") and key.startswith(prefix)):
                return scenario
    return None


def deal_space_section(
    pair: tuple[str, str],
    priced: Sequence[PricedScenario],
    links: Sequence[MeasureLink],
    catalog: Catalog,
    political_economy: PoliticalEconomy | None = None,
    comparators: Sequence[PricedScenario] = (),
) -> DealSpaceSection:
    """The deal space of the brief's negotiation, or why it is not computed (never raises).

    ``political_economy``: weights on organised sectors; the payoffs are then government
    welfare (default: real income). ``comparators``: the brief's laws on later entry dates
    (:attr:`tariffscope.report.brief.Brief.comparators`): the status quo placed on the levers
    is the threat's own (the law on its entry date without it)."""
    if US not in pair:
        return not_computed(f"{pair[0]}-{pair[1]} is not a US pair (the catalog holds US law)")
    partner = pair[0] if pair[1] == US else pair[1]
    if partner == WLD:
        return not_computed("the brief is of all partners (WLD); a deal space needs one partner")
    status_quo = _spec(priced, "law")
    threats = [
        p for p in priced if p.spec.key.startswith("threat:") or p.spec.key.startswith("law:")
    ]
    if status_quo is None or not threats:
        return not_computed(f"the stories report no US threat against {partner} that was priced")
    try:
        return _compute(
            partner,
            [status_quo, *(p for p in priced if p is not status_quo), *comparators],
            threats,
            _spec(priced, "deal"),
            links,
            catalog,
            political_economy,
        )
    except TariffscopeError as error:
        return not_computed(error.one_line())
    except Exception as error:  # the deal space must not lose the brief
        logger.exception("the deal space failed")
        return not_computed(f"{type(error).__name__}: {error}")


def _pair_data(partner: str) -> TradeWarData:
    from tariffscope.config import shared_file
    from tariffscope.errors import NotCoveredError
    from tariffscope.impact.tradewar.icio import (
        ICIO_DIR,
        ICIO_FILE,
        aggregate_pair,
        load_icio2022,
        purge_imbalances,
    )

    full = load_icio2022()
    if partner not in full.regions:
        path = shared_file(f"{ICIO_DIR}/{ICIO_FILE}")
        bloc = " (its members are, the bloc is not built)" if members_of(partner) else ""
        raise NotCoveredError(
            f"{partner} is not among the {len(full.regions)} countries of the ICIO 2022 file "
            f"{path}{bloc}",
            what=partner,
        )
    return purge_imbalances(aggregate_pair(full, US, partner))


def _point(kind: str, scenario: PricedScenario, partner: str, sectors: tuple[str, ...]) -> LawPoint:
    from tariffscope.errors import InputError
    from tariffscope.impact.tradewar.law_link import law_point

    law = scenario.outcome.after.law
    if law is None:
        raise InputError(f"{scenario.spec.label}: the brief kept no line duties to reuse")
    return law_point(kind, scenario.spec.label, law, partner, sectors)


def _threat_status_quo(threat: PricedScenario, laws: Sequence[PricedScenario]) -> PricedScenario:
    """The threat's status quo among ``laws`` (the law on the story's date first): the law
    on its entry date without it (:func:`tariffscope.report.scenarios.status_quo_spec`), or
    the law on the story's date when that one is not there."""
    from tariffscope.report.scenarios import status_quo_spec

    wanted = status_quo_spec(threat.spec, [law.spec for law in laws])
    found = [law for law in laws if wanted is not None and law.spec.key == wanted.key]
    return found[0] if found else laws[0]


def _largest_threat(data: TradeWarData, partner: str, points: Sequence[LawPoint]) -> LawPoint:
    """The threat that raises the US duties on the partner's goods most (weighted by its
    exports to the US in the ICIO baseline): the one whose carrying out is at stake."""
    weights = data.trade[data.index(partner), data.index(US)]

    def mean(point: LawPoint) -> float:
        known = np.isfinite(point.rates)
        return float((weights[known] * point.rates[known]).sum() / weights[known].sum())

    return max(points, key=mean)


def _scope_mask(link: MeasureLink, catalog: Catalog) -> tuple[bool, np.ndarray | None, str]:
    """Whether ``link``'s measure covers all goods, the mask of the schedule's lines it covers
    otherwise (None: unknown), and its rule."""
    from tariffscope.impact.pe.partners import schedule_trade

    codes = schedule_trade().codes
    measure = catalog.by_id.get(link.measure_id) if link.measure_id else None
    if measure is not None:
        if measure.scope.all_products:
            return True, None, measure.rule
        return False, np.asarray(measure.scope.mask(codes), dtype=bool), measure.rule
    candidate = link.candidate
    if candidate is None:
        return False, None, ""
    from tariffscope.regime.scenario import scenario_from_mapping

    # the candidate as the law engine reads it: its product lists resolved like the catalog's
    built = scenario_from_mapping({"name": "reported", "add": [dict(candidate)]}).add[0]
    if built.scope.all_products:
        return True, None, built.rule
    return False, np.asarray(built.scope.mask(codes), dtype=bool), built.rule


def _sector_lever(
    links: Sequence[MeasureLink], catalog: Catalog, partner: str, sectors: tuple[str, ...]
) -> tuple[str, tuple[str, ...], str] | None:
    """The sector the story names (the first measure with a product scope that maps to ICIO
    sectors, threats first, then agreed rates, then the rest): the lever's name, its sectors
    and the products as the story says them."""
    from tariffscope.impact.tradewar.law_link import scope_sectors

    order = {"threatened": 0, "proposed": 0, "agreed": 1}
    for link in sorted(links, key=lambda k: order.get(k.status, 2)):
        everything, mask, _ = _scope_mask(link, catalog)
        if everything or mask is None:
            continue
        found = scope_sectors(mask, partner, sectors)
        if found:
            name = re.sub(r"[^\w-]+", "-", link.mention.products.strip().lower()).strip("-")
            if not name or name in ("general", "partner"):
                name = "sector"
            return name, found, link.mention.products
    return None


def _compute(
    partner: str,
    laws: Sequence[PricedScenario],
    threats: Sequence[PricedScenario],
    deal: PricedScenario | None,
    links: Sequence[MeasureLink],
    catalog: Catalog,
    political_economy: PoliticalEconomy | None = None,
) -> DealSpaceSection:
    from tariffscope.impact.tradewar.icio import goods_sectors
    from tariffscope.report.deal_space_solve import solve_section

    data = _pair_data(partner)
    sectors = data.sectors
    points = [_point("threat", t, partner, sectors) for t in threats]
    carried = _largest_threat(data, partner, points)
    bargained = threats[points.index(carried)]
    comparator = _threat_status_quo(bargained, laws)
    sq = _point("status-quo", comparator, partner, sectors)
    later = _point("deal", deal, partner, sectors) if deal is not None else None
    lever = _sector_lever(links, catalog, partner, sectors)
    inside = lever[1] if lever else ()
    outside = [sectors.index(s) for s in goods_sectors(data) if s not in inside]
    raised = (carried.rates - sq.rates)[outside]
    typical = float(np.nanmedian(raised)) if outside else 0.0
    # sectors the threat leaves (mostly) alone: sectoral measures stacked apart from it, exempt
    # goods; a deal over the threat leaves them at the status quo
    untouched = tuple(
        sectors[k]
        for k, up in zip(outside, raised, strict=True)
        if typical > 1e-4 and np.isfinite(up) and up < 0.5 * typical
    )
    section = solve_section(
        data,
        partner,
        sq,
        carried,
        later,
        lever,
        untouched,
        [link for link in links if link.status == "agreed"],
        catalog,
        political_economy,
    )
    return dataclasses.replace(
        section,
        status_quo_law=f"{_law_text(comparator, laws[0])}, the comparator of "
        f"'{bargained.spec.label}'",
        other_threats=tuple(
            (t.spec.label, _law_text(_threat_status_quo(t, laws), laws[0]))
            for t in threats
            if t is not bargained
        ),
    )


def _law_text(law: PricedScenario, story: PricedScenario) -> str:
    """A comparator law in words: the story's date's, or a later day's without the threat."""
    day = law.spec.entry_date.isoformat()
    return f"the law on {day}" + ("" if law is story else " without the outcome")


def lever_deal_rate(
    link: MeasureLink, catalog: Catalog, lever: Lever, sectors: tuple[str, ...], mfn: float
) -> float | None:
    """The rate an agreed measure gives ``lever`` (percent, inclusive of MFN), or None when it
    does not map to it: all goods map to the general lever, a product scope to the sector lever
    whose sectors hold its trade; an ``additional`` rate is added to the lever's MFN."""
    from tariffscope.impact.tradewar.law_link import scope_sectors

    everything, mask, rule = _scope_mask(link, catalog)
    if lever.name == "general" and not everything:
        return None
    if lever.name not in ("general", "partner"):
        if everything or mask is None:
            return None
        if not set(scope_sectors(mask, lever.exporter, sectors)) & set(lever.sectors):
            return None
    if lever.name == "partner":
        return None
    rate = float(link.mention.to_rate_pct)
    return rate + mfn if rule == "additional" else rate


def section_rows(section: DealSpaceSection) -> list[list[str]]:
    """The points as text rows: name, the two levers (%), each side's payoff (US$ bn)."""
    return [
        [
            p.name,
            f"{p.x_pct:.1f}",
            f"{p.y_pct:.1f}",
            *(f"{v:+.2f}" for v in p.payoff_usd_bn),
        ]
        for p in section.points
    ]


def section_lines(section: DealSpaceSection) -> list[str]:
    """The section's sentences: the region, what is held, the distances and the sources."""
    if not section.computed:
        return [f"Deal space {section.note}"]
    (x_name, x_text), (y_name, y_text) = section.levers
    lines = [f"Deal space: {section.note}.", f"Levers: {x_name}: {x_text}; {y_name}: {y_text}."]
    if section.x_range_pct is not None and section.y_range_pct is not None:
        lines.append(
            f"Acceptable to both against {section.disagreement}: {x_name} "
            f"{section.x_range_pct[0]:g}-{section.x_range_pct[1]:g}%, {y_name} "
            f"{section.y_range_pct[0]:g}-{section.y_range_pct[1]:g}% "
            f"({section.acceptable} of {section.deals} grid deals)."
        )
    if section.kept:
        lines.append(
            "Held at the status quo in every deal (the threat leaves them mostly alone): ICIO "
            + ", ".join(section.kept)
            + "."
        )
    for d in section.distances:
        lines.append(
            f"Distance, {d.source} deal ({d.deal}) minus the predicted (Nash) deal on {d.lever}: "
            f"{d.points:+.1f} points ({d.deal_pct:.1f}% against {d.predicted_pct:.1f}%)."
        )
    if section.status_quo_law:
        lines.append(
            f"Status quo on the levers: {section.status_quo_law}"
            + "".join(
                f"; '{label}' is compared with {law} (not on the levers)"
                for label, law in section.other_threats
            )
            + "."
        )
    if not any(d.source == "story" for d in section.distances):
        lines.append("The stories report no agreed rate that maps to a lever.")
    lines += [f"Source: {s}" for s in section.sources]
    return lines
