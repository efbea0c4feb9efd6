"""Reading USITC's official Basic Edition CSV, and checking the embedded table against it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tariffscope.errors import DataFileError
from tariffscope.regime.schedule import Schedule, load_schedule, parse_basic_edition

HEADER = (
    '"HTS Number","Indent","Description","Unit of Quantity","General Rate of Duty",'
    '"Special Rate of Duty","Column 2 Rate of Duty","Quota Quantity","Additional Duties"'
)
ROWS = [
    '"0101","0","Live horses, asses, mules and hinnies:","","","","","",""',
    '"","1","Horses:","","","","","",""',
    '"0101.21.00","2","Purebred breeding animals","","Free","","Free","",""',
    '"0101.21.00.10","3","Males","[""No.""]","","","","",""',
    '"0101.29.00","2","Other","","1¢/kg","","20%","",""',
    '"0101.29.00.10","3","Imported for immediate slaughter","[""No."",""kg""]","","","","",""',
    '"0101.30.00.00","1","Asses","[""No.""]","6.8%","","15%","",""',
    '"9903.88.01","0","China, as provided for in U.S. note 20(a)","","The duty provided in the'
    ' applicable subheading + 25%","","","",""',
]


def write_csv(tmp_path: Path, rows: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "hts_2099_basic_edition.csv"
    path.write_text("\ufeff" + "\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_small_file(tmp_path: Path) -> None:
    schedule = parse_basic_edition(write_csv(tmp_path, ROWS))
    assert schedule.edition == "HTS 2099 Basic Edition"
    assert schedule.hts8.tolist() == ["01012100", "01012900", "01013000"]
    assert schedule.hts10.tolist() == ["0101210010", "0101290010", "0101300000"]
    assert schedule.mfn_ad_valorem_hts8.tolist() == [0.0, 0.0, 0.068]
    assert schedule.mfn_is_specific_hts8.tolist() == [False, True, False]
    child = schedule.line("0101.29.00.10")
    assert (child.mfn.text, child.rate_source, child.unit) == ("1¢/kg", "01012900", "No., kg")
    assert child.full_description == (
        "Live horses, asses, mules and hinnies: Horses: Other Imported for immediate slaughter"
    )
    assert schedule.line("0101.30.00").rate_source == "0101300000"
    assert schedule.line("9903.88.01").mfn.kind == "other"


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ('"0101.21.00","two","Purebred","","Free","","","",""', "Indent"),
        ('"0101.2100","2","Purebred","","Free","","","",""', "HTS Number"),
        ('"0101.21.00","2","Purebred","No.","Free","","","",""', "Unit of Quantity"),
        ('"0101.21.00","2","Purebred","","5 widgets","","","",""', "General Rate of Duty"),
        ('"0101.21.00","2"', "Description"),
    ],
)
def test_malformed_rows_name_file_column_and_row(tmp_path: Path, row: str, column: str) -> None:
    path = write_csv(tmp_path, [*ROWS[:2], row])
    with pytest.raises(DataFileError) as info:
        parse_basic_edition(path)
    message = info.value.message
    assert str(path) in message and f"'{column}'" in message and "row 3" in message
    assert info.value.exit_code == 2


def test_missing_column(tmp_path: Path) -> None:
    header = HEADER.replace('"General Rate of Duty"', '"Rate"')
    with pytest.raises(DataFileError, match="'General Rate of Duty' is missing"):
        parse_basic_edition(write_csv(tmp_path, ROWS, header))


def test_repeated_code(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="row 4, column 'HTS Number': 01012100 repeats row 3"):
        parse_basic_edition(write_csv(tmp_path, [*ROWS[:3], ROWS[2]]))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        parse_basic_edition(tmp_path / "absent.csv")


def test_bad_embedded_table_is_named() -> None:
    table = load_schedule().to_table()
    broken = table.copy()
    broken.loc[broken.index[5], "level"] = 6
    with pytest.raises(DataFileError, match="column 'level'"):
        Schedule(broken, edition="test", origin="broken.csv.gz")
    with pytest.raises(DataFileError, match="'parent' is missing"):
        Schedule(table.drop(columns="parent"), edition="test")


@pytest.fixture(scope="module")
def official(shared: Path) -> Schedule:
    return parse_basic_edition(shared / "data/b_tariff_schedule/hts_2025_basic_edition.csv")


@pytest.mark.shared
def test_embedded_table_is_the_build_of_the_official_file(official: Schedule) -> None:
    """The committed table is up to date with its source (else run `tariffscope data build`)."""
    pd.testing.assert_frame_equal(official.to_table(), load_schedule().to_table())
    assert official.edition == load_schedule().edition


@pytest.mark.shared
def test_agrees_with_budget_lab_parse(official: Schedule, shared: Path) -> None:
    """Compare with Budget Lab's own parse of the same file (mfn_rates_2025_hs8.csv).

    Every one of its 13,073 HTS8 lines is here with the same rate text, and the same ad
    valorem fraction except 63 chapter 98/99 lines, where Budget Lab reads a number out of a
    text that is not a duty on the article's value ("The duty provided in the applicable
    subheading + 25%" -> 0.25, "... minus 0.5%" -> 0.005) and we give 0 with kind ``other``,
    and "3 percent of the fair retail value", which it gives 0 and we 0.03 (kind ``other``).

    The kinds differ by definition for 243 lines: texts referring to another provision ("The
    rate applicable to ...", "See additional U.S. note 1", "No change") are ``specific`` or
    ``compound`` there and ``other`` here; ad valorem duties on parts of the value only
    ("3.9% on the movement and case + 5.3% on the battery", "... on the value of the rifle")
    are ``compound`` there and ``other`` here; "Free, under bond, ..." is ``specific`` there
    and ``free`` here; "6.5% on the entire set" is ``other`` there and ``ad_valorem`` here.

    We have 514 HTS8 lines more (outside chapters 98/99): tariff lines the official file
    prints only as their single 10-digit line (e.g. 0101.90.30.00 Free, 0104.20.00.00
    68¢/head), which Budget Lab leaves out, although it keeps others such as 0101.30.00.00.
    """
    budget_lab = pd.read_csv(
        shared / "data/b_tariff_schedule/mfn_rates_2025_hs8.csv",
        dtype={"hs8": str, "rate_raw": str},
        keep_default_na=False,
    ).set_index("hs8")
    ours = official.to_frame().query("level == 8").set_index("hts")
    assert budget_lab.index.isin(ours.index).all()
    mine = ours.loc[budget_lab.index]
    assert (mine["rate_text"] == budget_lab["rate_raw"]).all()

    differs = ~np.isclose(mine["ad_valorem"], budget_lab["mfn_rate"].astype(float))
    assert differs.sum() == 63
    assert mine.index[differs].str[:2].isin(["98", "99"]).all()
    assert set(mine.loc[differs, "rate_kind"]) == {"other"}

    kind_differs = mine["rate_kind"] != budget_lab["rate_type"]
    assert kind_differs.sum() == 243
    pairs = set(
        zip(
            mine.loc[kind_differs, "rate_kind"],
            budget_lab.loc[kind_differs, "rate_type"],
            strict=True,
        )
    )
    assert pairs == {
        ("other", "specific"),
        ("other", "compound"),
        ("free", "specific"),
        ("ad_valorem", "other"),
    }
    extra = set(official.hts8.tolist()) - set(budget_lab.index)
    assert len(extra) == 514
    assert all(len(official.line(code).rate_source) == 10 for code in extra)
