"""The realized tariff rate by month (DataWeb calculated duties / customs value)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tariffscope.data.line_trade import load_line_trade
from tariffscope.data.loaders import REALIZED_FILE, load_realized_rates

pytestmark = [pytest.mark.shared, pytest.mark.issue(9)]


def test_monthly_rates_and_the_2024_totals_of_the_census_table(shared: Path) -> None:
    frame = load_realized_rates(shared / REALIZED_FILE)
    months = list(zip(frame["year"], frame["month"], strict=True))
    assert months[0] == (2024, 1) and months[-1] == (2025, 10)
    assert len(frame) == 22
    # the sheet's Total line of customs value (checked by load_dataweb as well)
    assert frame["customs_value_usd"].sum() == pytest.approx(6_108_749_923_589, rel=1e-12)
    # 2024 summed over months = the Census annual table behind the weights (same data, other
    # query): $3,251.2bn of imports and $76.16bn of duties
    year = frame[frame["year"] == 2024]
    trade = load_line_trade("hts8")
    assert year["customs_value_usd"].sum() == pytest.approx(trade.chapter_values.sum(), rel=1e-4)
    assert year["calculated_duties_usd"].sum() == pytest.approx(
        trade.chapter_duties.sum(), rel=1e-4
    )
    rates = frame.set_index(["year", "month"])["realized_pct"]
    assert rates[(2025, 1)] == pytest.approx(2.207, abs=0.001)
    assert rates[(2025, 10)] == pytest.approx(10.909, abs=0.001)
    assert frame.attrs["provenance"]["format"] == "usitc_dataweb"
