"""The outcomes a brief prices: the law on the story's date, each threat carried out, a deal.

Each outcome is the tariff law at an entry date, read as known on the story's date, plus a
scenario (:class:`tariffscope.regime.Scenario`):

- **law on the story's date**: what applies to goods entered that day, no scenario;
- **each threatened measure carried out on its date**: the catalog's threat (linked from the
  story) enacted, or the candidate measure the story implies; a reported rate that the law
  already holds from a later day (measures enacted by the story's date, or a deal enacted soon
  after it: a combined link) is the law on that day;
- **the deal**: a measure the story reports as agreed (but not a second rate on all of a
  partner's goods beside an agreed one the catalog holds); otherwise the partner-specific deal
  measures the catalog holds (inclusive rates and exemptions issued after the story, and the
  measures the reported deal links to that were enacted after it), applied from the threat
  date. That one is hindsight, and is labelled so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tariffscope.domain.blocs import members_of
from tariffscope.errors import TariffscopeError
from tariffscope.news.products import product_class
from tariffscope.regime import Catalog, Scenario
from tariffscope.regime.measures import ENACTED_STATUSES, Measure
from tariffscope.regime.scenario import apply_scenario, scenario_from_mapping
from tariffscope.tracker._combined import across_the_board
from tariffscope.tracker.linking import NEWS_GOODS_GROUP, MeasureLink

__all__ = ["OutcomeSpec", "comparator_specs", "outcome_specs", "status_quo_spec"]


@dataclass(frozen=True)
class OutcomeSpec:
    """One outcome to price: law at ``entry_date`` as known on ``as_known`` plus ``scenario``."""

    key: str
    label: str
    description: str
    entry_date: date
    as_known: date
    scenario: Scenario | None = None
    hindsight: bool = False
    warning: str = ""


def _story_law(specs: Sequence[OutcomeSpec]) -> OutcomeSpec | None:
    """The law on the story's date among ``specs`` (key "law"), if there."""
    return next((s for s in specs if s.key == "law"), None)


def status_quo_spec(spec: OutcomeSpec, specs: Sequence[OutcomeSpec]) -> OutcomeSpec | None:
    """What ``spec``'s increment is measured against: the law on its entry date, as known on
    the story's date, without the outcome.

    An outcome entered on the story's date, and a law outcome (no scenario, e.g. a rate the
    law holds from a later day), is compared with the law on the story's date; any other
    outcome with the law on its own entry date: the law outcome of that date among ``specs``
    if there is one, else a comparator (key ``law@DATE``, see :func:`comparator_specs`), so
    that the increment is what the outcome itself brings, not what the law does between the
    story's date and the outcome's. None for the law on the story's date itself (and when
    ``specs`` has none).
    """
    base = _story_law(specs)
    if base is None or spec is base:
        return None
    if spec.scenario is None or spec.entry_date == base.entry_date:
        return base
    for other in specs:
        if (
            other.scenario is None
            and other.entry_date == spec.entry_date
            and other.as_known == spec.as_known
        ):
            return other
    day = spec.entry_date.isoformat()
    return OutcomeSpec(
        key=f"law@{day}",
        label=f"Law on {day}",
        description=f"the tariff law for goods entered on {day}, as known on "
        f"{spec.as_known.isoformat()}, without the outcome (an outcome's status quo)",
        entry_date=spec.entry_date,
        as_known=spec.as_known,
    )


def comparator_specs(specs: Sequence[OutcomeSpec]) -> list[OutcomeSpec]:
    """The laws the outcomes are compared with that are not outcomes themselves: one per
    distinct entry date (see :func:`status_quo_spec`), in the outcomes' order."""
    out: dict[str, OutcomeSpec] = {}
    keys = {s.key for s in specs}
    for spec in specs:
        base = status_quo_spec(spec, specs)
        if base is not None and base.key not in keys:
            out.setdefault(base.key, base)
    return list(out.values())


def _deal_measures(catalog: Catalog, partner: str, after: date) -> list[Measure]:
    """Partner-specific deal measures issued after ``after`` (inclusive rates, exemptions)."""
    return [
        m
        for m in catalog.measures
        if partner in m.members
        and "WLD" not in m.targets
        and m.published_date > after
        and m.status in ENACTED_STATUSES
        and m.rule in ("inclusive_floor", "exemption")
        and not m.requires_claims
        and m.effective_from is not None
    ]


def _linked_later(
    agreed: Sequence[MeasureLink], catalog: Catalog, published: date
) -> list[Measure]:
    """The catalog measures a reported deal links to that were enacted after the story (the
    deal as the law later wrote it, e.g. the partner's rate in a later annex)."""
    out: list[Measure] = []
    for link in agreed:
        if len(link.measure_ids) != 1 or link.measure_id not in catalog.by_id:
            continue
        measure = catalog.by_id[link.measure_id]
        if (
            measure.published_date > published
            and measure.status in ENACTED_STATUSES
            and "WLD" not in measure.members
            and measure.effective_from is not None
            and not measure.requires_claims
            and all(m.id != measure.id for m in out)
        ):
            out.append(measure)
    return out


def _deal_scenario(measures: Sequence[Measure], start: date, partner: str) -> Scenario:
    moved = tuple(
        dataclasses.replace(
            m, id=f"{m.id}@{start.isoformat()}", effective_from=start, supersedes=()
        )
        for m in measures
    )
    superseded = tuple(sorted({s for m in measures for s in m.supersedes}))
    return Scenario(
        name=f"{partner} deal from {start.isoformat()}",
        description="the deal measures later enacted ("
        + ", ".join(m.id for m in measures)
        + f"), applied from {start.isoformat()}",
        remove=superseded,
        add=moved,
    )


def _settled_targets(links: Sequence[MeasureLink], catalog: Catalog) -> dict[str, str]:
    """The partners whose agreed rate on all goods links to a catalog measure, each with it."""
    out: dict[str, str] = {}
    for link in links:
        measure = catalog.by_id.get(link.measure_id) if link.measure_id else None
        if measure is not None and len(link.measure_ids) == 1 and measure.scope.all_products:
            out.setdefault(link.mention.target, measure.id)
    return out


def _on_all_goods(products: str) -> bool:
    return product_class(products or "all goods")[0] == "all"


def _stage_of_cut(link: MeasureLink, links: Sequence[MeasureLink]) -> bool:
    """A rate the story tells on the way of a cut it reports in force ("the initially proposed
    49% levy, later reduced to 36%" beside the 19% in force, from 49%): a rate of the catalog's
    law not linked itself, on all of the partner's goods, from the same rate as the cut in
    force and between its two ends, is a step the cut passed, not a threat still to come."""
    mention = link.mention
    if link.measure_id or mention.from_rate_pct is None or not _on_all_goods(mention.products):
        return False
    return any(
        other.measure_id
        and other.status == "in_force"
        and other.mention.target == mention.target
        and _on_all_goods(other.mention.products)
        and other.mention.from_rate_pct == mention.from_rate_pct
        and other.mention.to_rate_pct < mention.to_rate_pct < mention.from_rate_pct
        for other in links
    )


def _carried_out(
    name: str,
    links: Sequence[MeasureLink],
    catalog: Catalog,
    start: date,
    *,
    deal: bool = False,
    start_is: str = "",
) -> tuple[Scenario | None, list[str]]:
    """The scenario carrying out the links from ``start``, and warnings where the day is ours.

    Threats (``deal`` False): the linked catalog threats enacted and the candidates added.
    A deal: the candidates agreed, and the catalog measures that announce the deal without
    enacting it (threatened or proposed); enacted measures are the law already. A catalog
    measure with no effective date (a rate announced and never given a day) is carried out as
    a dated copy from ``start`` (``start_is`` says what that day is): as it stands it has no
    day to start on. A set of measures in force together (a combined link) is the law already.
    """
    enact: list[str] = []
    added: list[dict[str, Any]] = []
    dated: list[Measure] = []
    warnings: list[str] = []
    settled = _settled_targets(links, catalog) if deal else {}
    for link in links:
        if len(link.measure_ids) > 1:
            continue
        measure = catalog.by_id.get(link.measure_id) if link.measure_id else None
        if measure is None:
            candidate = link.candidate
            target = link.mention.target
            if candidate is not None and candidate["products"].get("all") and target in settled:
                # the deal's rate on all the partner's goods is the one the catalog holds; a
                # second agreed rate on all of them is not the deal (a concession read the
                # wrong way round: "zero tariffs for American products")
                warnings.append(
                    f"the {link.mention.to_rate_pct:g}% on all goods from {target} the story "
                    f"reports as agreed is left out of the deal: its rate on all {target}'s "
                    f"goods is {settled[target]} in the catalog"
                )
                continue
            if (
                candidate is not None
                and (link.threatened or link.status == "agreed")
                and all(item["id"] != candidate["id"] for item in added)
            ):
                added.append(dict(candidate))
            continue
        announced = measure.status in ("threatened", "proposed")
        if (deal and not announced) or (not deal and not link.threatened):
            continue
        if measure.effective_from is not None:
            if measure.id not in enact:
                enact.append(measure.id)
            continue
        copy_id = f"{measure.id}@{start.isoformat()}"
        if any(m.id == copy_id for m in dated):
            continue
        dated.append(dataclasses.replace(measure, id=copy_id, effective_from=start))
        warnings.append(
            f"{measure.id} ({measure.title}) has no effective date in the catalog; it is "
            f"priced as carried out from {start.isoformat()}, " + (start_is or "the outcome's date")
        )
    if not (enact or added or dated):
        return None, warnings
    scenario = scenario_from_mapping({"name": name, "enact": enact, "add": added}, where=name)
    if dated:
        scenario = dataclasses.replace(
            scenario,
            add=(*scenario.add, *dated),
            description=", ".join(m.id for m in dated) + " carried out from their dates",
        )
    return scenario, warnings


def _news_goods_warning(link: MeasureLink, start: date) -> str:
    """What a priced duty on goods no catalog group holds assumes (docs/assumptions.md)."""
    lines = ", ".join(link.candidate["products"].get("include", [])) if link.candidate else ""
    return (
        f"the {link.mention.to_rate_pct:g}% on {link.mention.products} from "
        f"{link.mention.target} is reported in the news only, on goods no catalog measure "
        f"group holds: it is priced as an additional duty on top of the law of "
        f"{start.isoformat()} (MFN and every duty in force stay), on HTS {lines}"
    )


def _scheduled(link: MeasureLink, start: date, published: date) -> OutcomeSpec:
    """A reported rate the law holds from a later day: the law on that day."""
    return OutcomeSpec(
        key=f"law:{start.isoformat()}",
        label=f"Law on {start.isoformat()}",
        description=f"the tariff law for goods entered on {start.isoformat()}, as known on "
        f"{published.isoformat()}: {link.mention.to_rate_pct:g}% on all goods from "
        f"{link.mention.target} is " + " + ".join(link.measure_ids) + " in the catalog",
        entry_date=start,
        as_known=published,
    )


def _without_effect(spec: OutcomeSpec, catalog: Catalog, partner: str) -> str:
    """A warning when an outcome's across-the-board measures change no duty on the partner's
    goods under the law of its day (the stacking leaves them without effect: an authority no
    longer collected, a rule that a higher duty overrides), else ""."""
    scenario = spec.scenario
    if scenario is None or (not scenario.add and not scenario.enact):
        return ""
    added = [*scenario.add, *(catalog.by_id[i] for i in scenario.enact if i in catalog.by_id)]
    if not all(m.scope.all_products for m in added):
        return ""  # product-specific duties: the all-goods rate says nothing about them
    group = members_of(partner)  # the EU or a bloc: a member the outcome names, else the first
    named = sorted(group & {t for m in added for t in m.targets}) if group else []
    origin = partner if group is None else (named or sorted(group))[0]
    try:
        with_it = apply_scenario(catalog, scenario)
        before, _ = across_the_board(catalog, origin, spec.entry_date, as_known=spec.as_known)
        after, _ = across_the_board(with_it, origin, spec.entry_date, as_known=spec.as_known)
    except TariffscopeError:
        return ""
    if abs(after - before) > 1e-9:
        return ""
    return (
        f"{spec.label}: carrying it out changes no duty on goods from {partner} under the law "
        f"of {spec.entry_date.isoformat()} ({before:g}% on all goods either way: the catalog's "
        "stacking leaves the reported rate without effect that day)"
    )


def outcome_specs(
    links: Sequence[MeasureLink], catalog: Catalog, *, partner: str, published: date
) -> list[OutcomeSpec]:
    """The outcomes to price for a story published on ``published`` about ``partner``."""
    specs = [
        OutcomeSpec(
            key="law",
            label=f"Law on {published.isoformat()}",
            description=f"the tariff law for goods entered on {published.isoformat()}, "
            "as known that day",
            entry_date=published,
            as_known=published,
        )
    ]
    first_threat: date | None = None
    seen: set[str] = set()
    for link in links:  # rates the law already holds from a later day (combined links)
        start = link.mention.effective_date
        if len(link.measure_ids) > 1 and start is not None and start > published:
            scheduled = _scheduled(link, start, published)
            if scheduled.key not in seen:
                seen.add(scheduled.key)
                specs.append(scheduled)
                first_threat = start if first_threat is None else min(first_threat, start)
    threats = [
        link
        for link in links
        if link.threatened
        and (link.measure_id or link.candidate)
        and not _stage_of_cut(link, links)
    ]
    for link in threats:
        start = link.mention.effective_date
        if start is None and link.measure_id in catalog.by_id:
            start = catalog.by_id[link.measure_id].effective_from
        start_is = "the date the story gives" if start else "the story's date"
        start = start or published
        scenario, warnings = _carried_out(
            f"threat of {start.isoformat()}", [link], catalog, start, start_is=start_is
        )
        if scenario is None:
            continue
        key = f"threat:{link.measure_id or (link.candidate and link.candidate['id'])}"
        if key in seen:
            continue
        seen.add(key)
        first_threat = start if first_threat is None else min(first_threat, start)
        extra = link.candidate is not None and link.candidate.get("rule") == "additional"
        what = (
            f"{link.mention.products} from {link.mention.target} at "
            f"{'an additional ' if extra else ''}{link.mention.to_rate_pct:g}%"
        )
        if link.candidate is not None and link.candidate.get("group") == NEWS_GOODS_GROUP:
            warnings.append(_news_goods_warning(link, start))
        # a rate only offered, sought or hoped for is a proposal the law may adopt, not a threat
        proposal = link.status == "proposed"
        done = "Proposal adopted" if proposal else "Threat carried out"
        specs.append(
            OutcomeSpec(
                key=key,
                label=f"{done}: {link.mention.to_rate_pct:g}% from {start.isoformat()}",
                description=f"{what} from {start.isoformat()}, "
                + (
                    f"as {link.measure_id} announced"
                    if link.measure_id
                    else "as proposed in the story"
                    if proposal
                    else "as the story reports"
                ),
                entry_date=start,
                as_known=published,
                scenario=scenario,
                warning="; ".join(warnings),
            )
        )
    start = first_threat or published
    agreed = [link for link in links if link.status == "agreed"]
    deal, deal_warnings = _carried_out(
        "agreed in the story",
        agreed,
        catalog,
        start,
        deal=True,
        start_is="the first threat's date" if first_threat else "the story's date",
    )
    if deal is not None:
        specs.append(
            OutcomeSpec(
                "deal",
                "Deal as reported",
                "the rates the story reports as agreed",
                start,
                published,
                deal,
                warning="; ".join(deal_warnings),
            )
        )
    else:
        measures = _deal_measures(catalog, partner, published)
        known = {m.id for m in measures}
        measures += [m for m in _linked_later(agreed, catalog, published) if m.id not in known]
        if measures:
            specs.append(
                OutcomeSpec(
                    key="deal",
                    label=f"Deal as later enacted, from {start.isoformat()}",
                    description="hindsight: "
                    + "; ".join(m.title for m in measures)
                    + f" (issued after {published.isoformat()}), applied from {start.isoformat()}",
                    entry_date=start,
                    as_known=published,
                    scenario=_deal_scenario(measures, start, partner),
                    hindsight=True,
                )
            )
    return [
        dataclasses.replace(spec, warning="; ".join(w for w in (spec.warning, idle) if w))
        if (idle := _without_effect(spec, catalog, partner))
        else spec
        for spec in specs
    ]
