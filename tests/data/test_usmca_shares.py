"""USMCA claim shares (builder ``usmca_shares``) against Budget Lab's DataWeb files.

Budget Lab publishes the trade-weighted shares of imports from Canada and Mexico entered under
USMCA (SPI S/S+): 2024 38% and 50%, 2025 67% and 68% (tariff-rate-tracker docs/assumptions.md
section 3; shared/data/MANIFEST.md), and the jump from about 0.50 in June 2025 to 0.86 in July.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tariffscope.config import embedded_dir
from tariffscope.data.builders import BuildContext
from tariffscope.data.builders.usmca_shares import BUILDER, build_usmca_shares
from tariffscope.data.line_trade import load_line_trade
from tariffscope.data.tables import sha256_file
from tariffscope.data.usmca_shares import load_usmca_shares
from tariffscope.errors import InputError

pytestmark = pytest.mark.issue(9)

MONTHLY = "data/a_trade/budgetlab_usmca_shares_hts10_monthly_2025_01_to_2026_02.csv.gz"


@pytest.mark.shared
def test_build_is_reproducible_and_small(tmp_path: Path, shared: Path) -> None:
    facts = build_usmca_shares(BuildContext(out_dir=tmp_path, shared=shared))
    for name in BUILDER.outputs:
        assert sha256_file(tmp_path / name) == sha256_file(embedded_dir() / name), name
    assert facts["share_CAN_2024"] == pytest.approx(0.38, abs=0.01)
    assert facts["share_MEX_2025"] == pytest.approx(0.68, abs=0.01)
    assert facts["share_CAN_2025-06"] < 0.6 < 0.85 < facts["share_CAN_2025-07"]
    assert (embedded_dir() / BUILDER.outputs[0]).stat().st_size < (shared / MONTHLY).stat().st_size


@pytest.mark.shared
def test_a_line_is_the_value_weighted_mean_of_its_statistical_lines(shared: Path) -> None:
    """Passenger cars of 8703.23.01 from Mexico in July 2025, from the monthly file itself."""
    raw = pd.read_csv(shared / MONTHLY, dtype=str)
    rows = raw[
        (raw["month"] == "2025-07")
        & (raw["cty_code"] == "2010")
        & raw["hts10"].str.startswith("87032301")
    ]
    value = rows["total_value"].astype(float)
    expected = (rows["usmca_share"].astype(float) * value).sum() / value.sum()
    shares = load_usmca_shares()
    got = shares.on_lines(np.array(["87032301"]), "2025-07")[0, shares.partners.index("MEX")]
    assert got == pytest.approx(expected, abs=1e-4)
    assert 0.5 < got <= 1.0


def test_which_period_describes_a_date() -> None:
    shares = load_usmca_shares()
    assert shares.period_for(date(2024, 7, 1)) == "2024"
    assert shares.period_for(date(2025, 1, 1)) == "2025-01"
    assert shares.period_for(date(2025, 8, 8)) == "2025-08"
    assert shares.period_for(date(2026, 2, 28)) == "2026-02"
    assert shares.period_for(date(2026, 6, 1)) == "2026-02"  # the latest month after


def test_shares_of_2024_weight_to_the_published_aggregates() -> None:
    """Weighted by the Census 2024 imports by HTS8 line, the shares give Budget Lab's totals."""
    trade = load_line_trade("hts8")
    shares = load_usmca_shares()
    on_lines = shares.on_lines(trade.codes, "2024")
    for partner, published in (("CAN", 0.38), ("MEX", 0.50)):
        value = trade.values[:, trade.index(partner)]
        share = on_lines[:, shares.partners.index(partner)]
        assert (share * value).sum() / value.sum() == pytest.approx(published, abs=0.01)


def test_missing_lines_and_bad_periods() -> None:
    shares = load_usmca_shares()
    out = shares.on_lines(np.array(["00000000", "87032301"]), "2026-02")
    assert (out[0] == 0).all() and out[1].max() > 0
    assert ((out >= 0) & (out <= 1)).all()
    with pytest.raises(InputError, match="period"):
        shares.on_lines(np.array(["87032301"]), "2023")
