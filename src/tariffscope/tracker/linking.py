"""Linking the measures a story mentions to the tariff-law catalog.

A story's "25% from Aug. 1 on all Japanese goods" is the 7 July 2025 letter (``THREAT-JPN-25``);
its "25 percent tariff on cars" is the Section 232 autos duty (``232-AUTOS-25``). A mention
that fits no catalog measure becomes a *candidate scenario measure*, a record in the catalog's
format, so a threat reported in the news can be priced before it is in the catalog.

Matching is by rules, each a necessary condition or a score:

- necessary: the imposer is the United States (the catalog is US law); the mention's target
  is covered by the measure's targets (a measure on every country with no effective date is
  an authority over countries designated later, and covers no country a story names; a zero
  rate on every country's goods entered under a claim, the de minimis suspension, is no rate
  of one country's goods: :func:`no_rate_of_one_country`); the
  rates agree (to 0.05 points; an inclusive floor's rate is its total); the goods agree
  (across-the-board goods need an all-products measure; named goods need a measure of a
  stacking group those goods belong to, per ``data/product_groups.yaml``); the measure was
  published by the story's date, except for an agreed deal, which may be implemented later;
- score: the measure's status fits the mention's (threatened, in force at publication,
  agreed, suspended), and its start date equals the mention's effective date.

The best-scoring measure wins; ties keep the most specific target. When no single measure
fits, or one fits the rate but not the status (a deal's "20%" and a duty in force at 20% for
months), a rate on all of a country's goods may be the sum of several measures in force together
(the 10% reciprocal rate plus the 20% fentanyl duty reported as "30% on Chinese goods"): the
mention is linked to that set (:mod:`tariffscope.tracker._combined`). Only a mention that fits
neither becomes a candidate measure: on all goods, the target's new reciprocal rate, or,
for a threat below what its goods already pay (and the rise of such a threat), a duty added
on top of the law (:func:`_adds_to_the_law`); on named goods, a measure of their catalog group
replacing that group's duty, or, for goods no catalog group holds (tomatoes, coffee,
footwear), an additional duty on top of the law of the date (group ``news_goods``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from tariffscope.domain.countries import EU_MEMBERS, EUN, WLD
from tariffscope.domain.news import MeasureMention
from tariffscope.news.products import product_class
from tariffscope.package_yaml import package_yaml
from tariffscope.regime.catalog import Catalog
from tariffscope.regime.measures import ENACTED_STATUSES, Measure, target_specificity
from tariffscope.regime.scenario import Scenario, scenario_from_mapping
from tariffscope.tracker._combined import across_the_board, combined_link

__all__ = [
    "LINKER_NAME",
    "NEWS_GOODS_GROUP",
    "MeasureLink",
    "candidate_scenario",
    "link_mention",
    "link_mentions",
    "no_rate_of_one_country",
]

#: Name and version of these rules, stored with every link they write.
LINKER_NAME = "tariffscope.tracker.linking/2"
RATE_TOLERANCE_PCT = 0.05
#: The catalog group of a reported duty on goods no catalog group holds (``groups: []`` in
#: ``data/product_groups.yaml``): it adds to whatever the law of the date charges.
NEWS_GOODS_GROUP = "news_goods"
_GROUPS_FILE = Path(__file__).resolve().parent / "data" / "product_groups.yaml"


@dataclass(frozen=True)
class MeasureLink:
    """A mention and the catalog measure it refers to, or the candidate measure it implies.

    ``candidate`` is a measure record in the catalog's format (for a scenario's ``add``), or
    None when the mention cannot be priced (not a US measure, or goods without an HTS scope).
    ``measure_ids`` lists every catalog measure linked: one, or the measures whose rates add
    up to the mention's (then ``measure_id`` is the first of them).
    """

    mention: MeasureMention
    measure_id: str | None
    confidence: float
    reason: str
    candidate: Mapping[str, Any] | None = None
    status: str = ""
    measure_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.measure_id is not None and not self.measure_ids:
            object.__setattr__(self, "measure_ids", (self.measure_id,))

    @property
    def threatened(self) -> bool:
        """A threat or proposal not yet law when the story was published."""
        return self.status in ("threatened", "proposed")

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention": self.mention.to_dict(),
            "measure": self.measure_id,
            "measures": list(self.measure_ids),
            "confidence": round(self.confidence, 3),
            "reason": self.reason,
            "candidate": None if self.candidate is None else dict(self.candidate),
            "status": self.status,
        }


@cache
def _product_groups() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = package_yaml(_GROUPS_FILE)
    return data


def _goods(products: str) -> tuple[str, frozenset[str], set[str]]:
    """Class of the goods, their product words, and the catalog groups they can belong to."""
    kind, words = product_class(products or "all goods")
    groups: set[str] = set()
    table = _product_groups()
    for word in words:
        groups.update(table.get(word, {}).get("groups", []))
    return kind, words, groups


def _designated_later(measure: Measure) -> bool:
    """A measure on every country with no day it applies from: an authority over countries
    designated later (secondary tariffs on buyers of a sanctioned country's oil), not a duty
    on each country's goods."""
    return "WLD" in measure.members and measure.effective_from is None


def no_rate_of_one_country(measure: Measure) -> bool:
    """A zero rate on every country's goods entered under a claim (the de minimis suspension:
    low-value parcels lose their exemption and pay the ordinary duties): it states no rate of
    any one country's goods, so a story's 0% on a partner's goods (a deal's zero tariff, an
    exemption) is not it."""
    return "WLD" in measure.members and bool(measure.requires_claims) and measure.rate_pct == 0


def _target_ok(mention: MeasureMention, measure: Measure) -> bool:
    target = mention.target
    if target == "WLD":
        return "WLD" in measure.members
    if no_rate_of_one_country(measure):
        return False
    if _designated_later(measure) and target not in measure.members:
        return False  # a threat on one named country is not the authority over the undesignated
    if target == "EUN":
        return "EUN" in measure.members or "WLD" in measure.members
    return measure.covers_origin(target)


def _goods_ok(kind: str, groups: set[str], measure: Measure) -> bool:
    if kind == "all":
        return measure.scope.all_products
    if kind == "specific":
        return measure.group in groups
    return False


def _effective_status(mention: MeasureMention, published: date) -> str:
    """A rate said to be in force but starting after publication is a scheduled threat."""
    if (
        mention.status == "in_force"
        and mention.effective_date is not None
        and mention.effective_date > published
    ):
        return "threatened"
    return mention.status


def _carried_out(mention: MeasureMention, measure: Measure, published: date) -> bool:
    """Whether a measure on the mention's own target (one partner named, not every origin)
    was enacted and in force before the story's day: a story that tells of its announcement
    as a threat ("In July, the administration announced plans to implement the 40% tariff")
    reports the law, not a new threat. A threat on every origin may be a new sector's ("25%
    on heavy trucks" beside the 25% on cars in force): it stays a threat."""
    return (
        mention.target not in (WLD, "")
        and mention.target in measure.targets
        and measure.status in ENACTED_STATUSES
        and measure.effective_from is not None
        and measure.effective_from < published
        and measure.in_effect(published, measure.effective_to)
    )


def _status_score(mention: MeasureMention, measure: Measure, published: date) -> float:
    status = _effective_status(mention, published)
    in_force = measure.status in ENACTED_STATUSES and measure.in_effect(
        published, measure.effective_to
    )
    if status == "threatened":
        if measure.status in ("threatened", "proposed"):
            return 2.0
        starts_later = measure.effective_from is not None and measure.effective_from > published
        return 1.0 if starts_later or _carried_out(mention, measure, published) else 0.0
    if status == "in_force":
        return 2.0 if in_force else 0.0
    if status == "agreed":
        # a deal is one partner's: its measure is the one enacted after the story, or the
        # deal as announced and not enacted (threatened or proposed in the catalog)
        deal_rule = measure.rule in ("inclusive_floor", "replace", "exemption")
        bilateral = mention.target == "WLD" or "WLD" not in measure.members
        announced = measure.status in ("threatened", "proposed")
        return (
            2.0
            if deal_rule and bilateral and (measure.published_date >= published or announced)
            else 0.5
        )
    if status == "suspended":
        return (
            1.0
            if measure.rule in ("suspension", "exemption") or measure.status == "superseded"
            else 0.0
        )
    if status == "proposed":
        return 1.5 if measure.status in ("threatened", "proposed") else 0.0
    return 0.0


def _score(
    mention: MeasureMention, measure: Measure, published: date, kind: str, groups: set[str]
) -> float | None:
    if measure.is_switch or measure.rate is None:
        return None
    if not _target_ok(mention, measure) or not _goods_ok(kind, groups, measure):
        return None
    if abs(measure.rate * 100 - mention.to_rate_pct) > RATE_TOLERANCE_PCT:
        return None
    if measure.published_date > published and mention.status != "agreed":
        return None
    score = _status_score(mention, measure, published)
    if score == 0.0:
        return None
    if mention.effective_date is not None and measure.effective_from is not None:
        if mention.effective_date == measure.effective_from:
            score += 2.0
        elif measure.in_effect(mention.effective_date, measure.effective_to):
            score += 0.5
    return score + 0.1 * target_specificity(measure.targets)


def _adds_to_the_law(
    mention: MeasureMention, start: date, published: date, catalog: Catalog, escalated: Set[float]
) -> bool:
    """Whether a threatened rate on all goods comes on top of the law, not in its place.

    A threat raises duties: a rate below what the target's goods already pay across the
    board ("a 10% tariff on France", which pays 15%) is a new duty added to them, and so is
    the rise of such a threat ("could increase to 25%" after "a 10% tariff", its ``from``
    rate one of ``escalated``). Otherwise the rate is the goods' new reciprocal rate. A rate
    only proposed (offered, sought or hoped for in talks: "hopes to secure a 10% rate") is
    asked in place of the rate paid, never on top of it.
    """
    if mention.status != "threatened" or mention.target in (WLD, ""):
        return False
    if mention.from_rate_pct is not None and any(
        abs(mention.from_rate_pct - rate) <= RATE_TOLERANCE_PCT for rate in escalated
    ):
        return True
    origins = sorted(EU_MEMBERS) if mention.target == EUN else [mention.target]
    current = max(across_the_board(catalog, o, start, as_known=published)[0] for o in origins)
    return mention.to_rate_pct < current - RATE_TOLERANCE_PCT


def _candidate(
    mention: MeasureMention,
    published: date,
    source: str,
    kind: str,
    words: frozenset[str],
    additional: bool = False,
) -> Mapping[str, Any] | None:
    if mention.imposer != "USA" or mention.target in (None, "", "USA"):
        return None
    table = _product_groups()
    products: dict[str, Any]
    rule = "replace"
    if kind == "all" and additional:
        group, authority, products, rule = "ieepa_threats", "IEEPA", {"all": True}, "additional"
    elif kind == "all":
        group, authority, products = "ieepa_reciprocal", "IEEPA", {"all": True}
    else:
        entries = [table[w] for w in sorted(words) if w in table and "scope" in table[w]]
        if kind != "specific" or not entries:
            return None
        grouped = [e for e in entries if e["groups"]]
        if grouped:  # goods of a catalog group: its new measure, over their scopes only
            entries = grouped
            group, authority = grouped[0]["groups"][0], str(grouped[0]["authority"])
        else:  # goods no catalog group holds: a duty on top of the law of the date
            group, authority, rule = NEWS_GOODS_GROUP, "news", "additional"
        include = [p for e in entries for p in e["scope"].get("include", [])]
        lists = [n for e in entries for n in e["scope"].get("lists", [])]
        products = {key: value for key, value in (("include", include), ("lists", lists)) if value}
    start = mention.effective_date or published
    digest = hashlib.sha1(
        f"{mention.target}|{mention.products}|{mention.to_rate_pct}|{start}".encode()
    ).hexdigest()[:8]
    return {
        "id": f"NEWS-{mention.target}-{digest.upper()}",
        "title": f"Reported: {mention.products} from {mention.target} at "
        f"{'an additional ' if rule == 'additional' else ''}{mention.to_rate_pct:g}% "
        f"from {start.isoformat()}",
        "authority": authority,
        "instrument": f"reported in the news ({published.isoformat()}); "
        "no instrument in the catalog",
        "sources": [source],
        "published_date": published.isoformat(),
        "effective_from": start.isoformat(),
        "targets": [mention.target],
        "group": group,
        "rule": rule,
        "rate_pct": float(mention.to_rate_pct),
        "products": {**products, "note": mention.products},
    }


def link_mention(
    mention: MeasureMention,
    published: date,
    catalog: Catalog,
    *,
    source: str = "article:unknown",
    escalated: Set[float] = frozenset(),
) -> MeasureLink:
    """The catalog measure a mention refers to, or a candidate measure for a scenario.

    ``escalated``: the rates of new duties the same story threatens on the mention's target
    before it (a threat that rises from one of them is added to the law as they are).
    """
    kind, words, groups = _goods(mention.products)
    status = _effective_status(mention, published)
    if mention.imposer != "USA":
        reason = f"imposed by {mention.imposer}: the catalog holds US measures only"
        return MeasureLink(mention, None, 0.0, reason, status=status)
    scored = [
        (score, measure)
        for measure in catalog.measures
        if (score := _score(mention, measure, published, kind, groups)) is not None
    ]
    best: Measure | None = None
    if scored:
        score, best = max(scored, key=lambda pair: pair[0])
        reason = f"{best.title} ({best.status}; from {best.effective_from})"
        if status == "threatened" and _carried_out(mention, best, published):
            # the threat the story reports is the law of its day: priced as in force
            status = "in_force"
            reason += "; the threat the story reports was carried out before it"
        single = MeasureLink(mention, best.id, min(1.0, score / 4.2), reason, status=status)
        if kind != "all" or _status_score(mention, best, published) >= 1.0:
            return single
    # a rate on all goods that no single measure fits by status may be several in force together
    combined = combined_link(mention, published, catalog) if kind == "all" else None
    if combined is not None:
        ids = tuple(m.id for m in combined.measures)
        return MeasureLink(mention, ids[0], 0.8, combined.reason(), status=status, measure_ids=ids)
    if best is not None:
        return single
    start = mention.effective_date or published
    additional = kind == "all" and _adds_to_the_law(mention, start, published, catalog, escalated)
    candidate = _candidate(mention, published, source, kind, words, additional)
    why = "no catalog measure fits target, goods, rate and status"
    if candidate is None:
        why += "; the goods have no HTS scope, so it cannot be priced"
    return MeasureLink(mention, None, 0.0, why, candidate, status=status)


def link_mentions(
    mentions: Sequence[MeasureMention],
    published: date,
    catalog: Catalog,
    *,
    source: str = "article:unknown",
) -> list[MeasureLink]:
    """The links of one story's mentions, in order; a threat that rises from a new duty the
    story threatened before on the same target is added to the law like it."""
    links: list[MeasureLink] = []
    added: dict[str, set[float]] = {}
    for mention in mentions:
        link = link_mention(
            mention,
            published,
            catalog,
            source=source,
            escalated=frozenset(added.get(mention.target, ())),
        )
        if link.candidate is not None and link.candidate.get("rule") == "additional":
            added.setdefault(mention.target, set()).add(mention.to_rate_pct)
        links.append(link)
    return links


def candidate_scenario(
    name: str, links: Sequence[MeasureLink], *, enact_threats: bool = True
) -> Scenario | None:
    """A scenario carrying out the linked threats and the candidate measures, or None if empty.

    Catalog measures that are threatened or proposed are enacted; candidates are added; a
    set of measures in force together (a combined link) is the law already.
    """
    enact: list[str] = []
    add: list[Mapping[str, Any]] = []
    for link in links:
        if len(link.measure_ids) > 1:
            continue  # measures in force together: already the law, nothing to enact
        if link.measure_id is not None and enact_threats and link.threatened:
            if link.measure_id not in enact:
                enact.append(link.measure_id)
        elif (
            link.candidate is not None
            and (link.threatened or link.status == "agreed")
            and all(item["id"] != link.candidate["id"] for item in add)
        ):
            add.append(link.candidate)
    if not enact and not add:
        return None
    return scenario_from_mapping(
        {"name": name, "enact": enact, "add": [dict(a) for a in add]}, where=name
    )
