"""The catalog's product lists are what the builder derives from the public sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from tariffscope.data.sources import get_source, locate
from tariffscope.errors import DataFileError
from tariffscope.regime.catalog import catalog_dir, read_product_list
from tariffscope.regime.product_lists import SOURCE_NAMES, build_product_lists, note_list


@pytest.mark.shared
def test_committed_lists_are_reproduced_by_the_builder(shared: Path, tmp_path: Path) -> None:
    paths = {name: locate(get_source(name), shared) for name in SOURCE_NAMES}
    written = build_product_lists(paths, tmp_path)
    assert len(written) >= 20
    for path in written:
        committed = catalog_dir() / "products" / path.name
        assert committed.exists(), path.name
        assert read_product_list(path.stem, tmp_path) == read_product_list(path.stem), path.name


def test_known_members_of_the_lists() -> None:
    vehicles = read_product_list("s232_auto_vehicles")
    assert "87032301" in vehicles and "87042101" in vehicles and len(vehicles) == 17
    assert not any(code.startswith("99") for code in vehicles)
    annex2 = read_product_list("annex2_base")
    assert "30049092" in annex2  # pharmaceuticals
    assert "84145130" not in annex2  # ceiling fans are not Annex II goods
    agriculture = read_product_list("annex2_agriculture")
    assert "09011100" in agriculture and "08059001" in agriculture  # coffee, etrogs
    assert len(read_product_list("s232_mhd_parts")) == 182  # U.S. note 38(i)
    exclusions = read_product_list("s301_china_exclusions")  # notes 20(vvv)-(www)
    assert "84733011" in exclusions and "84861000" in exclusions  # circuit boards, furnaces
    assert not any(code.startswith("99") or len(code) != 8 for code in exclusions)


def test_note_list_reads_codes_up_to_the_next_subdivision() -> None:
    text = """(a) Intro text
(b) The rates of duty set forth in heading 9903.00.01 apply to:
                   8703.22.01       8703.23.01
   Harmonized Tariff Schedule of the United States Revision 6 (2026)
                   8704.21.01  9903.94.40
(c) Next subdivision 8705.10.00
"""
    assert note_list(text, "(b) The rates of duty set forth in heading 9903.00.01") == (
        "87032201",
        "87032301",
        "87042101",
    )
    with pytest.raises(DataFileError, match="not found"):
        note_list(text, "(z) Missing")


def test_derivative_lines_keep_the_statistical_precision_the_note_prints() -> None:
    from tariffscope.regime.product_lists import at_printed_precision

    printed = ("30049092" + "44", "32081000", "83024160" + "15", "83024160" + "45")
    refined = at_printed_precision(["30049092", "32081000", "73181500"], printed)
    # the medicaments line is covered only through its statistical line; the others as listed
    assert refined == ("3004909244", "32081000", "73181500")
    assert at_printed_precision(["83024160"], printed) == ("8302416015", "8302416045")


def test_committed_derivative_lists_do_not_charge_whole_medicament_lines() -> None:
    from tariffscope.regime.catalog import catalog_dir

    for name in ("s232_steel_derivatives_2025_08_18", "s232_aluminum_derivatives_2025_08_18"):
        text = (catalog_dir() / "products" / f"{name}.csv").read_text(encoding="utf-8")
        codes = set(text.split())
        assert "3004909244" in codes and "30049092" not in codes, name
