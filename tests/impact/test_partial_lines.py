"""HTS8 lines a measure covers only in part take the trade-weighted mean of their HTS10 lines.

The Section 232 kitchen cabinets and vanities measure of 14 October 2025 (catalog
232-TIMBER-CABINETS, product list s232_kitchen_cabinets: three HTS10 lines of HTS 2026 Rev.6
chapter 99 note 37(f)) names statistical lines only, so the law engine flags their HTS8 lines
partial. Weights are the embedded 2024 Census HTS10 imports.
"""

from __future__ import annotations

import numpy as np
import pytest
import yaml

from tariffscope.data.line_trade import load_line_trade
from tariffscope.impact.applied import _mixed, applied_line_rates
from tariffscope.impact.pe.law import law_on_lines, price_outcome
from tariffscope.impact.pe.partners import schedule_trade
from tariffscope.regime.catalog import catalog_dir
from tariffscope.regime.scenario import scenario_from_mapping
from tariffscope.regime.schedule import load_schedule
from tariffscope.regime.vectorized import resolve_lines

DAY = "2025-10-20"  # cabinets measure in force (from 2025-10-14)


def _cabinet_codes() -> list[str]:
    text = (catalog_dir() / "products" / "s232_kitchen_cabinets.csv").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line[:1].isdigit()]


def _children(line: str) -> list[str]:
    return [str(c) for c in load_schedule().hts10 if str(c).startswith(line)]


def _own_exporter(children: list[str], rates: np.ndarray, origins: tuple[str, ...]) -> str:
    """The partner with its own HTS10 lines that imported most under ``children`` and whose
    children's rates differ (so the mean is not its HTS8 answer by accident)."""
    trade = load_line_trade("hts10")
    rows = np.searchsorted(trade.codes, children)
    found = trade.codes[np.minimum(rows, len(trade.codes) - 1)] == children
    best, best_value = "", 0.0
    for q, partner in enumerate(trade.observed_partners):
        if partner not in origins:
            continue
        k = origins.index(partner)
        value = float(trade.observed[rows[found], q].sum())
        if value > best_value and np.ptp(rates[:, k]) > 0:
            best, best_value = partner, value
    assert best, "no partner with own HTS10 imports of these lines"
    return best


def test_partial_line_takes_the_weighted_mean_of_its_hts10_children() -> None:
    trade = schedule_trade()
    law = law_on_lines(trade, DAY)
    line = _cabinet_codes()[0][:8]
    row = list(trade.codes).index(line)
    assert law.table.partial[row].any()
    children = _children(line)
    child = resolve_lines(trade.origins, DAY, codes=children).total
    origin = _own_exporter(children, child, trade.origins)
    k = trade.origins.index(origin)
    hts10 = load_line_trade("hts10")
    at = np.searchsorted(hts10.codes, children)
    here = hts10.codes[np.minimum(at, len(hts10.codes) - 1)] == children
    weights = np.zeros(len(children))
    weights[here] = hts10.observed[at[here], hts10.observed_partners.index(origin)]
    expected = float(weights @ child[:, k] / weights.sum())
    assert law.rates[row, k] == pytest.approx(expected, rel=1e-12)
    assert law.rates[row, k] != law.table.total[row, k]  # the HTS8 answer left the measure out


def test_lines_without_partial_flags_are_unchanged() -> None:
    trade = schedule_trade()
    law = law_on_lines(trade, DAY)
    flagged = law.table.partial.any(axis=1)
    assert flagged.any() and not law.unrefined
    assert np.array_equal(law.rates[~flagged], law.table.total[~flagged], equal_nan=True)
    applied = applied_line_rates(trade, DAY)
    assert applied.refinement is not None
    plain = _mixed(applied.table, applied.claimed, applied.shares, trade, "total")
    rows = applied.refinement[1].rows
    untouched = np.ones(len(trade.codes), dtype=bool)
    untouched[rows] = False
    assert np.array_equal(applied.rates[untouched], plain[untouched], equal_nan=True)
    assert not np.array_equal(applied.rates[rows], plain[rows], equal_nan=True)


def test_a_measure_on_hts10_lines_only_is_priced() -> None:
    """Raising the cabinets measure to 50% now (its record, on an earlier date) moves the
    tariffs of a partner that exports cabinets; before HTS10 lines were refined it priced $0."""
    records = yaml.safe_load(
        (catalog_dir() / "measures" / "section_232.yaml").read_text(encoding="utf-8")
    )
    records = records["measures"] if isinstance(records, dict) else records
    record = next(r for r in records if r["id"] == "232-TIMBER-CABINETS-50")
    record = {k: v for k, v in record.items() if k not in ("status", "source_row", "end_set_by")}
    record |= {"id": "TEST-CABINETS-50", "announced_date": "2025-10-15"}
    record |= {"published_date": "2025-10-15", "effective_from": "2025-10-15"}
    raise_now = {"name": "cabinets-50-now", "add": [record]}
    scenario = scenario_from_mapping(raise_now)
    codes = _cabinet_codes()
    trade = schedule_trade()
    before = resolve_lines(trade.origins, DAY, codes=codes).total
    after = resolve_lines(trade.origins, DAY, codes=codes, scenario=scenario).total
    rises = (after - before).min(axis=0) > 0.2  # the scenario adds 25 points on each line
    hts10 = load_line_trade("hts10")
    rows = np.searchsorted(hts10.codes, codes)
    own = {p: q for q, p in enumerate(hts10.observed_partners)}
    value = {
        origin: float(hts10.observed[rows, own[origin]].sum())
        for k, origin in enumerate(trade.origins)
        if rises[k] and origin in own
    }
    partner = max(value, key=value.__getitem__)
    assert value[partner] > 0
    priced = price_outcome(partner=partner, entry_date=DAY, scenario=scenario, reference_date=DAY)
    column = priced.after.partners.index(partner)
    change = priced.after.rates[:, column] - priced.before.rates[:, column]
    assert change.max() > 0
    assert priced.point.headline["imports_focus_change_usd"] < 0
