"""Law notes: each measure a story mentions, and for a US measure the duty on a representative
product explained layer by layer (:func:`tariffscope.regime.resolve`).

The representative products come from ``tracker/data/product_groups.yaml``. A bloc (the EU)
is resolved for each member; the note shows the duty most members pay and how many pay it.
All partners (WLD) are resolved for the line's ten largest suppliers (2024 US imports); the
note shows the duty most of their imports pay.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from tariffscope.domain.blocs import members_of
from tariffscope.domain.countries import EUN, WLD
from tariffscope.errors import NotCoveredError, TariffscopeError
from tariffscope.package_yaml import package_yaml
from tariffscope.regime import Catalog, Resolution, resolve
from tariffscope.tracker.linking import MeasureLink

__all__ = ["LawNote", "law_note"]

_GROUPS_FILE = Path(__file__).resolve().parents[1] / "tracker" / "data" / "product_groups.yaml"
US = "USA"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LawNote:
    """A measure the story mentions; for a US measure, the duty on a representative product
    explained (``origin_label`` names the origin when the party is a bloc)."""

    link: MeasureLink
    product: str
    resolution: Resolution | None
    origin_label: str = ""

    def sentence(self) -> str:
        mention = self.link.mention
        if self.resolution is None:
            return f"{mention.products}: {mention.to_rate_pct:g}% ({self.link.status})"
        layers = (
            " + ".join(
                f"{c.measure} {c.rate_pct:g}%" for c in self.resolution.components if c.rate_pct
            )
            or "MFN 0%"
        )
        origin = self.origin_label or self.resolution.origin
        return (
            f"{self.product} (HTS {self.resolution.hts}) from {origin} on "
            f"{self.resolution.entry_date.isoformat()}: {self.resolution.total_pct:g}% = {layers}"
        )


@cache
def _example_products() -> dict[str, tuple[str, str]]:
    """Product word -> (label, representative HTS line), from product_groups.yaml."""
    table: dict[str, dict[str, Any]] = package_yaml(_GROUPS_FILE)
    return {
        word: (entry["example"]["label"], entry["example"]["hts"])
        for word, entry in table.items()
        if "example" in entry
    }


#: How many of a line's largest suppliers a note on all partners resolves the duty for.
LARGEST_SUPPLIERS = 10


def _largest_suppliers(hts: str) -> list[tuple[str, float]]:
    """The largest suppliers of an HTS8 line by 2024 US imports, with their imports."""
    from tariffscope.impact.pe.partners import schedule_trade

    trade = schedule_trade()
    code = hts.replace(".", "")[:8]
    rows = np.flatnonzero(trade.codes == code)
    if rows.size == 0:
        return []
    values = trade.values[rows[0]]
    order = np.argsort(-values, kind="stable")[:LARGEST_SUPPLIERS]
    return [(trade.origins[k], float(values[k])) for k in order if values[k] > 0]


def _resolve_world(
    hts: str, day: date, published: date, catalog: Catalog
) -> tuple[Resolution, str]:
    """The duty on a line from all partners: resolved for its largest suppliers, the duty
    that most of their 2024 imports pay shown with how much of them pay it."""
    suppliers = _largest_suppliers(hts)
    if not suppliers:
        raise NotCoveredError(f"no 2024 US imports of HTS {hts} to show its duty for", what=hts)
    results = [
        (resolve(hts, origin, day, as_known=published, catalog=catalog), value)
        for origin, value in suppliers
    ]
    # a plain dict, not a Counter: the weights are US$ (floats), a Counter counts ints
    by_total: dict[float, float] = {}
    for result, value in results:
        by_total[result.total_pct] = by_total.get(result.total_pct, 0.0) + value
    # the first of equal weights wins, as with Counter.most_common(1)
    total, value = max(by_total.items(), key=lambda item: item[1])
    chosen = next(r for r, _ in results if r.total_pct == total)
    share = 100.0 * value / sum(by_total.values())
    same = sum(1 for r, _ in results if r.total_pct == total)
    n = len(results)
    if n == 1:
        return chosen, f"{chosen.origin} (the line's only supplier in 2024)"
    if same == n:
        return chosen, f"{chosen.origin} (as from each of the line's {n} largest suppliers)"
    others = ", ".join(f"{t:g}%" for t in sorted(by_total) if t != total)
    if same == 1:
        label = f"{share:.0f}% of the 2024 US imports of the line's {n} largest suppliers"
    else:
        label = (
            f"as from {same - 1} more of the line's {n} largest suppliers: {share:.0f}% of "
            "their 2024 US imports"
        )
    return chosen, f"{chosen.origin} ({label}; the others pay {others})"


def _resolve_party(
    hts: str, party: str, day: date, published: date, catalog: Catalog
) -> tuple[Resolution, str]:
    """The duty on a line from a party; a bloc (the EU) is resolved for each member, and the
    duty most members pay is shown with how many pay it; all partners (WLD) are resolved for
    the line's largest suppliers."""
    if party == WLD:
        return _resolve_world(hts, day, published, catalog)
    group = members_of(party)
    if group is None:
        return resolve(hts, party, day, as_known=published, catalog=catalog), ""
    results = [
        resolve(hts, member, day, as_known=published, catalog=catalog) for member in sorted(group)
    ]
    totals = Counter(r.total_pct for r in results)
    total, count = totals.most_common(1)[0]
    chosen = next(r for r in results if r.total_pct == total)
    who = "EU" if party == EUN else party
    label = (
        f"any {who} member (all {count})"
        if count == len(results)
        else f"{count} of {len(results)} {who} members (others pay "
        + ", ".join(f"{t:g}%" for t in sorted(totals) if t != total)
        + ")"
    )
    return chosen, label


def law_note(link: MeasureLink, partner: str, published: date, catalog: Catalog) -> LawNote:
    """The note of one linked mention; a duty the law cannot resolve leaves the note without
    its layers (logged), never fails the brief."""
    try:
        return _law_note(link, partner, published, catalog)
    except TariffscopeError as error:
        logger.warning("law note of %s not resolved: %s", link.mention.products, error.one_line())
        return LawNote(link, link.mention.products, None)


def _law_note(link: MeasureLink, partner: str, published: date, catalog: Catalog) -> LawNote:
    from tariffscope.news.products import product_class

    if link.mention.imposer != US:  # the catalog holds US law only
        return LawNote(link, link.mention.products, None)
    _, words = product_class(link.mention.products)
    examples = _example_products()
    target = link.mention.target if link.mention.target not in (WLD, None, "") else partner
    for word in sorted(words):
        if word in examples:
            label, hts = examples[word]
            day = published if not link.threatened else (link.mention.effective_date or published)
            result, origin = _resolve_party(hts, target, day, published, catalog)
            return LawNote(link, label, result, origin)
    return LawNote(link, link.mention.products, None)
