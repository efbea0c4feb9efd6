"""The embedded US import baseline against published 2024 totals, and its elasticities.

Published figures (shared/data/MANIFEST.md, "Key facts"; secondary sources):
US goods imports from Japan in 2024 were $148.2 bn, of which vehicles and auto parts $52.3 bn
(https://usafricaonline.com/2025/07/23/u-s-and-japan-agree-on-a-new-tariff-deal). The embedded
table must match both within 5%.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tariffscope.data.loaders import GTAP_GOODS, load_budgetlab_gtap_imports
from tariffscope.errors import InputError
from tariffscope.impact.pe import SIGMA_SOURCES, load_sector_baseline, sector_hs6_map

PUBLISHED_JAPAN_2024_USD = 148.2e9
PUBLISHED_JAPAN_VEHICLES_2024_USD = 52.3e9
TOLERANCE = 0.05


def test_us_imports_from_japan_2024_match_published_total() -> None:
    baseline = load_sector_baseline()
    japan = baseline.imports[:, baseline.partner_index("JPN")].sum()
    assert japan == pytest.approx(PUBLISHED_JAPAN_2024_USD, rel=TOLERANCE)


def test_us_imports_of_japanese_vehicles_and_parts_match_published() -> None:
    baseline = load_sector_baseline()
    mvh = baseline.imports[baseline.sectors.index("mvh"), baseline.partner_index("JPN")]
    assert mvh == pytest.approx(PUBLISHED_JAPAN_VEHICLES_2024_USD, rel=TOLERANCE)


def test_baseline_shape_partners_and_sectors() -> None:
    baseline = load_sector_baseline()
    assert baseline.partners == ("JPN", "CHN", "CAN", "MEX", "EUN", "GBR", "ROW")
    assert baseline.sectors == GTAP_GOODS
    assert baseline.imports.shape == (45, 7)
    assert (baseline.imports >= 0).all()
    assert baseline.descriptions[baseline.sectors.index("mvh")] == "Motor vehicles and parts"
    # 2024 US goods imports were about $3.3 trillion; the 45 goods sectors cover most of it
    assert 2.5e12 < baseline.imports.sum() < 3.6e12


@pytest.mark.shared
def test_embedded_table_equals_its_source(shared: Path) -> None:
    source = load_budgetlab_gtap_imports(
        shared / "data/a_trade/budgetlab_us_imports_gtap45_by_partner_usd.csv", unit="usd"
    )
    source["partner"] = source["partner"].replace({"FTROW": "ROW"})
    expected = source.groupby("partner")["value"].sum()
    baseline = load_sector_baseline()
    for index, partner in enumerate(baseline.partners):
        assert baseline.imports[:, index].sum() == pytest.approx(expected[partner], abs=50.0)


@pytest.mark.parametrize("source", SIGMA_SOURCES)
def test_elasticities_are_positive_and_sourced(source: str) -> None:
    baseline = load_sector_baseline(source)  # type: ignore[arg-type]
    for values in (baseline.import_demand, baseline.substitution):
        assert values.shape == (45,)
        assert (values > 0).all() and np.isfinite(values).all()
    assert (baseline.import_demand_log_sd >= 0).all()
    assert (baseline.substitution_log_sd >= 0).all()
    assert source.split("_")[0].lower()[:4] in baseline.sources["substitution"].lower() or (
        source == "mixed" and "geometric mean" in baseline.sources["substitution"]
    )


def test_default_elasticities_are_in_the_published_range() -> None:
    baseline = load_sector_baseline()
    # Hauk (2012): median import-demand elasticity 0.93 over all HS6 (1.08 of correct sign)
    assert 0.9 < float(np.median(baseline.import_demand)) < 1.3
    # short-run substitution elasticities near the WITS SMART default of 1.5
    assert 1.3 < float(np.median(baseline.substitution)) < 2.5
    protee = load_sector_baseline("protee")
    assert float(np.median(protee.substitution)) > float(np.median(baseline.substitution))


def test_mixed_source_is_the_geometric_mean() -> None:
    mixed = load_sector_baseline("mixed")
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


def test_unknown_partner_and_source() -> None:
    baseline = load_sector_baseline()
    with pytest.raises(InputError, match="ATL") as caught:
        baseline.partner_index("ATL")
    assert "partners: JPN" in caught.value.one_line()
    with pytest.raises(InputError, match="unknown elasticity source"):
        load_sector_baseline("gtap")  # type: ignore[arg-type]


def test_embedded_sector_tariffs_match_the_tariff_law_now() -> None:
    """The committed snapshots equal what the tariff-law engine gives today.

    If this fails after a change to the measure catalog, rebuild the table with
    ``tariffscope data build sector_tariffs`` and commit it.
    """
    import pandas as pd

    from tariffscope.config import embedded_dir
    from tariffscope.data.builders.sector_tariffs import SNAPSHOTS, snapshot_frame

    table = pd.read_csv(embedded_dir() / "us_sector_tariffs.csv.gz", keep_default_na=False)
    assert set(table["snapshot"]) == set(SNAPSHOTS)
    for name in ("law_2025_07_18", "threat_jpn_25_2025_08_01"):
        stored = table[table["snapshot"] == name].reset_index(drop=True)
        live = snapshot_frame(name)
        assert list(stored["gtap_code"]) == list(live["gtap_code"])
        np.testing.assert_allclose(stored["tariff_pct"], live["tariff_pct"], atol=1e-5)
    japan_mvh = table[(table["partner"] == "JPN") & (table["gtap_code"] == "mvh")]
    by_snapshot = japan_mvh.set_index("snapshot")["tariff_pct"]
    assert by_snapshot["reference_2025_01_01"] < 5.0  # MFN only before 2025
    assert 24.0 < by_snapshot["law_2025_07_18"] < 30.0  # Section 232: 25% on top of MFN


@pytest.mark.shared
def test_trade_builder_is_deterministic(tmp_path: Path, shared: Path) -> None:
    from tariffscope.config import embedded_dir
    from tariffscope.data.builders import BuildContext
    from tariffscope.data.builders.trade import BUILDER, build_trade
    from tariffscope.data.tables import sha256_file

    build_trade(BuildContext(out_dir=tmp_path, shared=shared))
    for name in BUILDER.outputs:
        assert sha256_file(tmp_path / name) == sha256_file(embedded_dir() / name), name
