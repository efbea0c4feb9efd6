"""The catalog loads, validates, agrees with the shared sources, and rejects inconsistent data."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml

from tariffscope.domain.countries import normalize_country
from tariffscope.errors import CatalogError
from tariffscope.regime import default_catalog, load_catalog
from tariffscope.regime.catalog import catalog_dir
from tariffscope.regime.measures import ENACTED_STATUSES

ANNEX_NAMES = {
    "Côte d'Ivoire": "CIV",
    "Cote d'Ivoire": "CIV",
    "Democratic Republic of the Congo": "COD",
    "European Union": "EUN",
    "Falkland Islands": "FLK",
    "Laos": "LAO",
    "Moldova": "MDA",
    "Myanmar (Burma)": "MMR",
    "Myanmar": "MMR",
    "North Macedonia": "MKD",
    "South Korea": "KOR",
    "Syria": "SYR",
    "Taiwan": "TWN",
    "Vietnam": "VNM",
    "Brunei": "BRN",
    "Bolivia": "BOL",
    "Republic of the Congo": "COG",
    "China, including Hong Kong and Macau": "CHN",
    "Turkey": "TUR",
    "United Kingdom": "GBR",
}


def _iso3(name: str) -> str:
    return ANNEX_NAMES.get(name) or normalize_country(name)


def test_builtin_catalog_loads_with_every_shared_row() -> None:
    catalog = default_catalog()
    assert len(catalog.measures) >= 226
    assert catalog.coverage_end.isoformat() >= "2026-07-03"


@pytest.mark.shared
def test_every_shared_action_is_encoded(shared: Path) -> None:
    """Each row of the shared catalog is the source of at least one measure record."""
    with (shared / "data/e_policy/us_tariff_actions_2025_2026.csv").open(
        encoding="utf-8"
    ) as handle:
        ids = {row["id"] for row in csv.DictReader(handle)}
    encoded = {m.source_row.split("#")[-1] for m in default_catalog().measures}
    # EO14289-NONSTACK is a stacking relation, encoded as rules in stacking.yaml
    assert ids - encoded == {"EO14289-NONSTACK"}
    rules = (catalog_dir() / "stacking.yaml").read_text()
    assert "EO 14289" in rules


@pytest.mark.shared
@pytest.mark.parametrize(
    ("filename", "prefix"),
    [
        ("reciprocal_annexI_eo14257_2025-04-02.csv", "RECIP1-"),
        ("reciprocal_annexI_eo14326_2025-07-31_effective_2025-08-07.csv", "RECIP2-"),
    ],
)
def test_annex_rates_match_the_shared_tables(shared: Path, filename: str, prefix: str) -> None:
    catalog = default_catalog().by_id
    with (shared / "data/e_policy" / filename).open(encoding="utf-8") as handle:
        rows = [
            r
            for r in csv.DictReader(handle)
            if r["additional_ad_valorem_pct"].replace(".", "").isdigit()
        ]
    checked = 0
    for row in rows:
        if row.get("hts_heading") in ("9903.02.72", "9903.02.73"):
            continue  # the EO 14345 Japan rule, encoded as JPN-RECIP-INCL15
        code = _iso3(row["country"].strip())
        measure = catalog.get(f"{prefix}{code}")
        assert measure is not None, f"{row['country']} has no {prefix} record"
        expected = float(row["additional_ad_valorem_pct"])
        if measure.rule == "inclusive_floor":
            expected = 15.0
        assert measure.rate_pct == pytest.approx(expected), row["country"]
        checked += 1
    assert checked >= 55


def test_every_enacted_measure_has_a_source_and_dates() -> None:
    for m in default_catalog().measures:
        assert m.sources and all(s.startswith("http") for s in m.sources), m.id
        if m.status in ENACTED_STATUSES:
            assert m.effective_from is not None, m.id
            if m.effective_to is not None:
                assert m.effective_to >= m.effective_from, m.id


@pytest.fixture
def catalog_copy(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), target)
    return target


def _edit(folder: Path, filename: str, measure_id: str, **changes: object) -> None:
    path = folder / "measures" / filename
    records = yaml.safe_load(path.read_text())
    for record in records:
        if record["id"] == measure_id:
            record.update(changes)
    path.write_text(yaml.safe_dump(records, sort_keys=False))


def test_a_bad_rule_value_names_the_record(catalog_copy: Path) -> None:
    _edit(catalog_copy, "section_232.yaml", "232-AUTOS-25", rule="stacked")
    with pytest.raises(CatalogError, match=r"section_232.yaml record \d+.*rule"):
        load_catalog(catalog_copy)


def test_an_unknown_group_names_the_measure(catalog_copy: Path) -> None:
    _edit(catalog_copy, "section_232.yaml", "232-AUTOS-25", group="s232_cars")
    with pytest.raises(CatalogError, match=r"232-AUTOS-25.*s232_cars"):
        load_catalog(catalog_copy)


def test_reversed_dates_name_the_measure(catalog_copy: Path) -> None:
    _edit(catalog_copy, "ieepa_fentanyl.yaml", "FENT-CHN-02", effective_to="2025-01-01")
    with pytest.raises(CatalogError, match=r"FENT-CHN-02.*before"):
        load_catalog(catalog_copy)


def test_unordered_overlap_in_a_group_is_an_error(catalog_copy: Path) -> None:
    _edit(catalog_copy, "ieepa_reciprocal.yaml", "JPN-RECIP-INCL15", supersedes=[])
    with pytest.raises(CatalogError, match=r"RECIP2-JPN|JPN-RECIP-INCL15"):
        load_catalog(catalog_copy)


def test_a_dangling_reference_is_an_error(catalog_copy: Path) -> None:
    _edit(catalog_copy, "ieepa_reciprocal.yaml", "JPN-RECIP-INCL15", supersedes=["RECIP9-JPN"])
    with pytest.raises(CatalogError, match=r"unknown measure 'RECIP9-JPN'"):
        load_catalog(catalog_copy)


def test_an_unknown_country_target_is_an_error(catalog_copy: Path) -> None:
    _edit(catalog_copy, "ieepa_fentanyl.yaml", "FENT-CAN-01", targets=["CAX"])
    with pytest.raises(CatalogError, match=r"FENT-CAN-01.*CAX"):
        load_catalog(catalog_copy)
