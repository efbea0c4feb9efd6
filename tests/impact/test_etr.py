"""Effective tariff rates (tariffscope.impact.etr): values checked against independent sums."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from tariffscope.data.line_trade import load_line_trade
from tariffscope.domain.countries import EU_MEMBERS, _table
from tariffscope.errors import InputError, UnknownCodeError
from tariffscope.impact.applied import applied_line_rates
from tariffscope.impact.etr import (
    ALL,
    ETR_COLUMNS,
    STATUTORY,
    LineRates,
    effective_rates,
    sector_axis,
)
from tariffscope.impact.pe.partners import schedule_trade
from tariffscope.regime import vectorized
from tariffscope.regime.history import change_dates
from tariffscope.regime.resolve import default_catalog
from tariffscope.regime.schedule import load_schedule
from tariffscope.regime.vectorized import resolve_lines

pytestmark = pytest.mark.issue(9)

RTOL = 1e-9


def _largest_by_detail() -> list[str]:
    """The largest partner of each kind of line detail (own HTS10 lines, EU mix, HS2 spread)."""
    trade = load_line_trade("hts8")
    totals = trade.chapter_values.sum(axis=0)
    chosen = []
    for kind in ("hts10", "eu_mix", "hs2_spread"):
        columns = [k for k, d in enumerate(trade.detail) if d == kind]
        chosen.append(trade.partners[max(columns, key=lambda k: totals[k])])
    return chosen


PARTNERS = _largest_by_detail()


def _independent_etr(partner: str, day: str) -> float:
    """sum(rate x imports) / sum(imports) from resolve_lines and the raw HTS8 trade table."""
    trade = load_line_trade("hts8")
    column = trade.index(partner)
    table = resolve_lines([partner], day)
    row = {str(code): k for k, code in enumerate(table.codes)}
    rows = np.array([row.get(str(code), -1) for code in trade.codes])
    keep = (rows >= 0) & trade.covered
    values = trade.values[keep, column]
    rates = _refined(table, partner, day)[rows[keep]]
    return float(100.0 * (rates * values).sum() / values.sum())


def _refined(table: vectorized.RateTable, partner: str, day: str) -> np.ndarray:
    """The table's rates, each partial line at the mean of its HTS10 lines' rates weighted by
    the partner's own 2024 HTS10 imports, else by those of every partner with lines (the
    non-EU countries and the EU aggregate), else equally (docs/assumptions.md P9)."""
    rates = np.array(table.total[:, 0])
    hts10 = load_line_trade("hts10")
    observed = dict(zip(hts10.observed_partners, hts10.observed.T, strict=True))
    world = sum(v for p, v in observed.items() if p not in EU_MEMBERS)
    for row in np.flatnonzero(table.partial[:, 0]):
        line = str(table.codes[row])
        children = [c for c in load_schedule().hts10.tolist() if c.startswith(line)]
        child = resolve_lines([partner], day, codes=children).total[:, 0]
        at = [int(np.searchsorted(hts10.codes, c)) for c in children]
        traded = [
            k < len(hts10.codes) and hts10.codes[k] == c for k, c in zip(at, children, strict=True)
        ]
        for mix in (observed.get(partner), world):
            weights = (
                np.array([mix[k] if t else 0.0 for k, t in zip(at, traded, strict=True)])
                if mix is not None
                else np.zeros(len(children))
            )
            if weights.sum() > 0:
                break
        else:
            weights = np.ones(len(children))
        rates[row] = weights @ child / weights.sum()
    return rates


@pytest.mark.parametrize("day", ["2025-01-01", "2025-04-09", "2025-08-20"])
def test_single_date_equals_an_independent_sum_over_the_lines(day: str) -> None:
    frame = effective_rates(day, partners=PARTNERS, line_rates=STATUTORY)
    assert list(frame["partner"]) == PARTNERS
    for row in frame.itertuples():
        assert row.etr_pct == pytest.approx(_independent_etr(row.partner, day), rel=RTOL)


@pytest.mark.parametrize("partner", ["CAN", "MEX"])
def test_the_default_rates_are_the_applied_rates_with_usmca_claims(partner: str) -> None:
    day = "2025-08-08"
    frame = effective_rates(day, partners=[partner])
    trade = schedule_trade()
    column = trade.origin_index(partner)
    law = applied_line_rates(trade, day)
    values = trade.values[:, column]
    known = ~np.isnan(law.rates[:, column])
    applied = 100.0 * (law.rates[known, column] * values[known]).sum() / values[known].sum()
    statutory = 100.0 * (law.statutory[known, column] * values[known]).sum() / values[known].sum()
    assert frame["etr_pct"].iloc[0] == pytest.approx(applied, rel=1e-6)
    # most of Canada's and Mexico's goods enter under USMCA, free of the fentanyl duties
    assert frame["etr_pct"].iloc[0] < 0.6 * statutory


def test_columns_and_the_default_partners() -> None:
    frame = effective_rates("2025-06-01")
    assert tuple(frame.columns) == tuple(c for c in ETR_COLUMNS if not c.startswith("sector"))
    partners = list(frame["partner"])
    assert partners[0] == ALL
    assert sorted(partners[1:]) == sorted(load_line_trade("hts8").partners)
    assert (frame["date"] == date(2025, 6, 1)).all()


def test_all_is_the_import_weighted_mean_of_the_partners() -> None:
    frame = effective_rates("2025-04-09", "2025-04-10")
    for _, day in frame.groupby("date"):
        every, partners = day[day["partner"] == ALL].iloc[0], day[day["partner"] != ALL]
        mean = (partners["etr_pct"] * partners["imports_usd"]).sum() / partners["imports_usd"].sum()
        assert every["etr_pct"] == pytest.approx(mean, rel=RTOL)
        weights = partners["imports_after_substitution_usd"]
        after = (partners["etr_after_substitution_pct"] * weights).sum() / weights.sum()
        assert every["etr_after_substitution_pct"] == pytest.approx(after, rel=RTOL)
        assert every["imports_usd"] == pytest.approx(partners["imports_usd"].sum(), rel=RTOL)


def test_the_eu_is_the_sum_of_its_members() -> None:
    trade = load_line_trade("hts8")
    members = [p for p in trade.partners if p in EU_MEMBERS]
    frame = effective_rates("2025-08-20", partners=["EUN", *members])
    eu = frame[frame["partner"] == "EUN"].iloc[0]
    rest = frame[frame["partner"] != "EUN"]
    assert eu["imports_usd"] == pytest.approx(rest["imports_usd"].sum(), rel=RTOL)
    assert eu["duties_usd"] == pytest.approx(rest["duties_usd"].sum(), rel=RTOL)


def test_sectors_add_up_to_the_partner_rows() -> None:
    by_partner = effective_rates("2025-05-20", partners=[ALL, *PARTNERS])
    by_sector = effective_rates("2025-05-20", partners=[ALL, *PARTNERS], by="sector")
    assert set(by_sector["sector"]) == set(sector_axis().sectors)
    sums = by_sector.groupby("partner", sort=False)[
        ["imports_usd", "duties_usd", "imports_after_substitution_usd"]
    ].sum()
    for row in by_partner.itertuples():
        assert sums.loc[row.partner, "duties_usd"] == pytest.approx(row.duties_usd, rel=RTOL)
        assert sums.loc[row.partner, "imports_after_substitution_usd"] == pytest.approx(
            row.imports_after_substitution_usd, rel=RTOL
        )


def test_the_daily_series_equals_a_loop_over_the_dates() -> None:
    first, last = date(2025, 4, 1), date(2025, 4, 12)
    series = effective_rates(first, last, partners=[ALL, *PARTNERS])
    days = [first + timedelta(days=d) for d in range((last - first).days + 1)]
    loop = pd.concat([effective_rates(d, partners=[ALL, *PARTNERS]) for d in days])
    assert len(series) == len(loop) == len(days) * (1 + len(PARTNERS))
    for column in ("etr_pct", "etr_after_substitution_pct", "duties_usd", "law_from"):
        left, right = series[column].to_numpy(), loop[column].to_numpy()
        if column == "law_from":
            assert list(left) == list(right)
        else:
            np.testing.assert_allclose(left, right, rtol=RTOL)


def test_the_series_changes_on_measure_dates_and_nowhere_else() -> None:
    first, last = date(2025, 3, 20), date(2025, 8, 20)
    frame = effective_rates(first, last, partners=[ALL], line_rates=STATUTORY)
    rates = frame["etr_pct"].to_numpy()
    changed = {frame["date"].iloc[k] for k in range(1, len(frame)) if rates[k] != rates[k - 1]}
    # the 10% reciprocal tariff, the country rates of 9 April, the rates of 7 August
    assert {date(2025, 4, 5), date(2025, 4, 9), date(2025, 8, 7)} <= changed
    assert changed <= set(change_dates(default_catalog(), first, last))
    day = frame.set_index("date")["etr_pct"]
    assert day[date(2025, 4, 5)] > day[date(2025, 4, 4)]
    assert day[date(2025, 4, 9)] > day[date(2025, 4, 8)]
    assert day[date(2025, 8, 7)] > day[date(2025, 8, 6)]


def test_applied_rates_also_change_when_the_usmca_share_month_does() -> None:
    first, last = date(2025, 5, 25), date(2025, 6, 10)
    frame = effective_rates(first, last, partners=["CAN"])
    rates = frame["etr_pct"].to_numpy()
    changed = {frame["date"].iloc[k] for k in range(1, len(frame)) if rates[k] != rates[k - 1]}
    assert date(2025, 6, 1) in changed
    assert changed <= {*change_dates(default_catalog(), first, last), date(2025, 6, 1)}


def test_law_from_is_the_start_of_the_law_of_the_row() -> None:
    frame = effective_rates("2025-04-07", "2025-04-12", partners=[ALL, *PARTNERS])
    everyone = frame[frame["partner"] == ALL].set_index("date")["law_from"]
    assert everyone[date(2025, 4, 7)] == date(2025, 4, 5)
    assert everyone[date(2025, 4, 12)] == date(2025, 4, 10)
    assert (frame["law_from"] <= frame["date"]).all()
    # a row's rate is the same on every day from its law_from on (within the range)
    for _, rows in frame.groupby("partner"):
        for row in rows.itertuples():
            same_law = rows[(rows["date"] >= row.law_from) & (rows["date"] <= row.date)]
            assert (same_law["etr_pct"] == row.etr_pct).all()


def test_no_substitution_on_the_reference_law() -> None:
    frame = effective_rates("2025-01-01", partners=[ALL, *PARTNERS])
    np.testing.assert_allclose(frame["etr_after_substitution_pct"], frame["etr_pct"], rtol=RTOL)
    np.testing.assert_allclose(
        frame["imports_after_substitution_usd"], frame["imports_usd"], rtol=RTOL
    )


def _constant(rate: float) -> LineRates:
    return LineRates("synthetic constant", lambda lines, day: np.full(lines.values.shape, rate))


def test_a_uniform_rate_is_the_effective_rate_before_and_after() -> None:
    frame = effective_rates("2025-03-01", partners=[ALL, *PARTNERS], line_rates=_constant(0.1))
    np.testing.assert_allclose(frame["etr_pct"], 10.0, rtol=RTOL)
    np.testing.assert_allclose(frame["etr_after_substitution_pct"], 10.0, rtol=RTOL)


def test_a_tariff_on_one_partner_moves_imports_to_the_others() -> None:
    """Synthetic: 20% on the largest partner from 2025-03-01, nothing before or elsewhere."""
    trade = sector_axis().trade
    target = trade.origins.index(PARTNERS[0])

    def rates(lines: object, day: date) -> np.ndarray:
        out = np.zeros(trade.values.shape)
        if day >= date(2025, 3, 1):
            out[:, target] = 0.2
        return out

    synthetic = LineRates(
        "synthetic", rates, breaks=lambda start, end: [date(2025, 3, 1)], release=None
    )
    frame = effective_rates("2025-03-01", partners=[ALL, *PARTNERS], line_rates=synthetic)
    rows = frame.set_index("partner")
    taxed, other = rows.loc[PARTNERS[0]], rows.loc[PARTNERS[1]]
    assert taxed["etr_pct"] == pytest.approx(20.0, rel=RTOL)
    assert taxed["imports_after_substitution_usd"] < taxed["imports_usd"]
    assert other["imports_after_substitution_usd"] > other["imports_usd"]
    assert other["etr_pct"] == 0.0
    assert rows.loc[ALL, "etr_after_substitution_pct"] < rows.loc[ALL, "etr_pct"]


def test_breaks_of_the_rate_function_start_new_laws() -> None:
    """Synthetic monthly rates (as monthly claim shares would be): the series follows them."""
    synthetic = LineRates(
        "synthetic monthly",
        lambda lines, day: np.full(lines.values.shape, day.month / 100.0),
        breaks=lambda start, end: [date(2025, m, 1) for m in range(1, 13)],
    )
    frame = effective_rates("2025-05-30", "2025-06-02", partners=[ALL], line_rates=synthetic)
    assert list(frame["etr_pct"].round(9)) == [5.0, 5.0, 6.0, 6.0]
    # the law of the catalog changed last on 14 May; the rates' own break on 1 June
    assert list(frame["law_from"]) == [date(2025, 5, 14)] * 2 + [date(2025, 6, 1)] * 2


def test_each_law_is_released_after_use() -> None:
    effective_rates("2025-04-01", "2025-04-12", partners=[ALL])
    assert not vectorized._TABLES  # no line table of every partner is kept


def test_a_partner_without_trade_gets_a_warning_and_no_rows() -> None:
    traded = set(load_line_trade("hts8").partners)
    untraded = next(code for code in sorted(_table()) if code not in traded and code != "USA")
    frame = effective_rates("2025-06-01", partners=[untraded, PARTNERS[0]])
    assert list(frame["partner"]) == [PARTNERS[0]]
    assert any(f"no trade data for {untraded}" in w for w in frame.attrs["warnings"])
    alone = effective_rates("2025-06-01", partners=[untraded], by="sector")
    assert alone.empty and "sector" in alone.columns


@pytest.mark.parametrize(
    ("args", "error", "words"),
    [
        (("2025-05-02", "2025-05-01"), InputError, "lies after"),
        (("2023-12-31", "2024-01-02"), InputError, "outside the catalog's coverage"),
        (("2025-01-01", "2031-01-01"), InputError, "outside the catalog's coverage"),
        (("2025-13-01",), InputError, "malformed"),
    ],
)
def test_bad_dates(args: tuple[str, ...], error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        effective_rates(*args)


def test_bad_partners_and_breakdowns() -> None:
    with pytest.raises(UnknownCodeError):
        effective_rates("2025-06-01", partners=["XQZ"])
    with pytest.raises(InputError, match="not a single partner"):
        effective_rates("2025-06-01", partners=["WLD"])
    with pytest.raises(InputError, match="unknown breakdown"):
        effective_rates("2025-06-01", by="hs2")  # type: ignore[arg-type]
