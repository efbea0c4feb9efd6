"""The US sector baseline: 2024 Census trade by GTAP sector, its partner axis, its elasticities.

Published figures (shared/data/MANIFEST.md, "Key facts" and the Census file's checks; general
imports, a basis that differs from imports for consumption by warehouse and FTZ timing):
US goods imports in 2024 from Japan $148.2 bn, of which vehicles and parts $52.3 bn
(https://usafricaonline.com/2025/07/23/u-s-and-japan-agree-on-a-new-tariff-deal); Korea
$131.5 bn, Vietnam $136.6 bn, India $87.4 bn. The baseline must match within 5%.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tariffscope.data.line_trade import load_line_trade
from tariffscope.data.loaders import GTAP_GOODS, load_budgetlab_gtap_imports
from tariffscope.domain.countries import EU_MEMBERS
from tariffscope.errors import InputError, NotCoveredError, UnknownCodeError
from tariffscope.impact.pe import (
    EXPLICIT_SUPPLIERS,
    SIGMA_SOURCES,
    load_sector_baseline,
    sector_hs6_map,
    sector_lines,
)

pytestmark = pytest.mark.issue(9)

PUBLISHED_2024_USD = {"JPN": 148.2e9, "KOR": 131.5e9, "VNM": 136.6e9, "IND": 87.4e9}
PUBLISHED_JAPAN_VEHICLES_2024_USD = 52.3e9
TOLERANCE = 0.05


@pytest.mark.parametrize(("partner", "published"), sorted(PUBLISHED_2024_USD.items()))
def test_us_imports_2024_match_published_totals(partner: str, published: float) -> None:
    baseline = load_sector_baseline(partner)
    assert baseline.partners[0] == partner
    assert baseline.imports[:, 0].sum() == pytest.approx(published, rel=TOLERANCE)


def test_us_imports_of_japanese_vehicles_and_parts_match_published() -> None:
    baseline = load_sector_baseline("JPN")
    mvh = baseline.imports[baseline.sectors.index("mvh"), baseline.partner_index("JPN")]
    assert mvh == pytest.approx(PUBLISHED_JAPAN_VEHICLES_2024_USD, rel=TOLERANCE)


def test_partner_axis_focus_largest_suppliers_and_the_rest() -> None:
    lines = sector_lines()
    everyone = lines.imports.sum(axis=1)
    for focus in ("MUS", "KOR", "DEU", None):
        baseline = load_sector_baseline(focus)
        explicit = len(baseline.partners) - 1 - (focus is not None)
        assert explicit == EXPLICIT_SUPPLIERS
        assert baseline.partners[-1] == "ROW"
        if focus is not None:
            assert baseline.partners[0] == focus and baseline.focus == focus
        # every partner is in exactly one column and nothing is lost
        members = [m for k in range(len(baseline.partners)) for m in baseline.members_of(k)]
        assert sorted(members) == sorted(lines.origins)
        np.testing.assert_allclose(baseline.imports.sum(axis=1), everyone, rtol=1e-9)
    # the largest suppliers of 2024, in order
    assert load_sector_baseline(None).partners[:4] == ("MEX", "CHN", "CAN", "DEU")


def test_the_eu_is_one_column_of_its_members() -> None:
    baseline = load_sector_baseline("EUN")
    assert baseline.partners[0] == "EUN"
    assert set(baseline.members_of(0)) == EU_MEMBERS
    assert not set(baseline.partners[1:]) & EU_MEMBERS
    assert baseline.focus_columns("EUN") == (0,)
    trade = load_line_trade("hts8")
    eu = trade.values[:, trade.columns("EUN")][trade.covered].sum()
    assert baseline.imports[:, 0].sum() == pytest.approx(eu, rel=0.001)  # goods sectors only


def test_a_bloc_of_member_columns_is_the_focus_of_eun() -> None:
    baseline = load_sector_baseline("DEU")
    columns = baseline.focus_columns("EUN")
    labels = {baseline.partners[k] for k in columns}
    assert "DEU" in labels and labels <= EU_MEMBERS


def test_all_partners_are_every_column_of_the_axis_without_a_focus() -> None:
    # WLD (all partners, issue 9: it was refused before) keeps the partners apart so that they
    # still substitute for each other, and makes every column the focus
    world = load_sector_baseline("WLD")
    plain = load_sector_baseline(None)
    assert world.focus == "WLD" and world.partners == plain.partners
    assert world.focus_columns("WLD") == tuple(range(len(world.partners)))
    assert world.imports.sum() == pytest.approx(plain.imports.sum())


def test_partners_without_trade_and_bad_codes() -> None:
    for code in ("PRK", "PRI"):  # a country under embargo, a US territory
        with pytest.raises(NotCoveredError, match=f"not priced: no trade data for {code}") as info:
            load_sector_baseline(code)
        assert info.value.what == code and info.value.exit_code == 0
    with pytest.raises(UnknownCodeError):
        load_sector_baseline("ATL")
    with pytest.raises(InputError, match="not a single partner"):
        load_sector_baseline("ROW")
    baseline = load_sector_baseline("KOR")
    with pytest.raises(InputError, match="not a column") as caught:
        baseline.partner_index("ATL")
    assert "columns: KOR" in caught.value.one_line()
    with pytest.raises(InputError, match="unknown elasticity source"):
        load_sector_baseline("KOR", sigma_source="gtap")  # type: ignore[arg-type]


def test_baseline_shape_and_scale() -> None:
    baseline = load_sector_baseline("BRA")
    assert baseline.sectors == GTAP_GOODS
    assert baseline.imports.shape == (45, EXPLICIT_SUPPLIERS + 2)
    assert (baseline.imports >= 0).all()
    assert baseline.descriptions[baseline.sectors.index("mvh")] == "Motor vehicles and parts"
    # 2024 imports for consumption: $3.25 trillion, $3.12 trillion outside chapters 98-99
    assert baseline.imports.sum() == pytest.approx(3.251e12 - 0.127e12, rel=0.002)
    assert "Census" in baseline.sources["imports"] and baseline.year == 2024


@pytest.mark.shared
def test_cross_check_with_the_budget_lab_gtap_baseline(shared: Path) -> None:
    """The Budget Lab's GTAP baseline (year undocumented) is the same 2024 Census trade.

    Its six partner groups agree by sector within 0.3% or $100 m (Canada's HS 291800, which
    the HS 2022 crosswalk lacks, is the largest gap); its rest of the world within 6% in
    sectors of $5 bn or more, because 174 of its countries are spread here from their HS2
    chapters by the mix of the partners with lines (docs/models.md, "The GTAP cross-check").
    """
    source = load_budgetlab_gtap_imports(
        shared / "data/a_trade/budgetlab_us_imports_gtap45_by_partner_usd.csv", unit="usd"
    )
    source["partner"] = source["partner"].replace({"FTROW": "ROW"})
    theirs = source.groupby(["gtap_code", "partner"])["value"].sum().unstack()
    baseline = load_sector_baseline("EUN", explicit=300)
    ours = pd.DataFrame(baseline.imports, index=baseline.sectors, columns=baseline.partners)
    groups = ["JPN", "CHN", "CAN", "MEX", "EUN", "GBR"]
    ours["ROW"] = ours.drop(columns=groups).sum(axis=1)
    for partner in groups:
        expected = theirs[partner].reindex(ours.index)
        gap = (ours[partner] - expected).abs()
        assert (gap <= np.maximum(0.003 * expected, 1e8)).all(), partner
        assert ours[partner].sum() == pytest.approx(expected.sum(), rel=5e-4)
    row = theirs["ROW"].reindex(ours.index)
    big = row >= 5e9
    assert (ours["ROW"][big] / row[big] - 1).abs().max() < 0.06
    assert ours["ROW"].sum() == pytest.approx(row.sum(), rel=0.001)


@pytest.mark.parametrize("source", SIGMA_SOURCES)
def test_elasticities_are_positive_and_sourced(source: str) -> None:
    baseline = load_sector_baseline("KOR", sigma_source=source)  # type: ignore[arg-type]
    for values in (baseline.import_demand, baseline.substitution):
        assert values.shape == (45,)
        assert (values > 0).all() and np.isfinite(values).all()
    assert (baseline.import_demand_log_sd >= 0).all()
    assert (baseline.substitution_log_sd >= 0).all()
    assert source.split("_")[0].lower()[:4] in baseline.sources["substitution"].lower() or (
        source == "mixed" and "geometric mean" in baseline.sources["substitution"]
    )


def test_default_elasticities_are_in_the_published_range() -> None:
    baseline = load_sector_baseline(None)
    # Hauk (2012): median import-demand elasticity 0.93 over all HS6 (1.08 of correct sign)
    assert 0.9 < float(np.median(baseline.import_demand)) < 1.3
    # short-run substitution elasticities near the WITS SMART default of 1.5
    assert 1.3 < float(np.median(baseline.substitution)) < 2.5
    protee = load_sector_baseline(None, sigma_source="protee")
    assert float(np.median(protee.substitution)) > float(np.median(baseline.substitution))


def test_mixed_source_is_the_geometric_mean() -> None:
    mixed = load_sector_baseline(None, sigma_source="mixed")
    logs = np.log(
        [
            mixed.substitution_alternatives[name][0]
            for name in sorted(mixed.substitution_alternatives)
        ]
    )
    np.testing.assert_allclose(mixed.substitution, np.exp(logs.mean(axis=0)), rtol=1e-12)


def test_hs6_map_covers_vehicle_codes() -> None:
    table = sector_hs6_map().set_index("hs6")["gtap_code"]
    assert table["870323"] == "mvh" and table["870829"] == "mvh"
    assert set(table) <= set(GTAP_GOODS)


@pytest.mark.shared
def test_trade_builder_is_deterministic(tmp_path: Path, shared: Path) -> None:
    from tariffscope.config import embedded_dir
    from tariffscope.data.builders import BuildContext
    from tariffscope.data.builders.trade import BUILDER, build_trade
    from tariffscope.data.tables import sha256_file

    build_trade(BuildContext(out_dir=tmp_path, shared=shared))
    for name in BUILDER.outputs:
        assert sha256_file(tmp_path / name) == sha256_file(embedded_dir() / name), name
