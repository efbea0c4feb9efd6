"""Bad input gives a one-line InputError that names the problem."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tariffscope.errors import (
    DataFileError,
    InputError,
    MalformedInputError,
    ScenarioError,
    UnknownCodeError,
)
from tariffscope.impact.gravity import Baseline, Shock, TariffChange
from tariffscope.impact.gravity.io import baseline_from_frame, read_tariff_changes

GOOD = np.array([[10.0, 2.0, 1.0], [3.0, 20.0, 2.0], [1.0, 1.0, 5.0]])
CODES = ("AAA", "BBB", "CCC")


def _one_line(error: pytest.ExceptionInfo[InputError]) -> str:
    text = error.value.one_line()
    assert "\n" not in text
    return text


def long_frame(matrix: np.ndarray = GOOD) -> pd.DataFrame:
    n = matrix.shape[0]
    return pd.DataFrame(
        {
            "exporter": np.repeat(CODES[:n], n),
            "importer": np.tile(CODES[:n], n),
            "trade": matrix.reshape(-1),
        }
    )


@pytest.mark.parametrize(
    ("matrix", "message"),
    [
        (GOOD[:, :2], "not square"),
        (np.where(np.eye(3) == 1, 0.0, GOOD), "domestic flow of AAA is missing or zero"),
        (GOOD - np.array([[0, 5.0, 0], [0, 0, 0], [0, 0, 0]]), "AAA -> BBB is negative"),
        (np.where(GOOD == 3.0, np.nan, GOOD), "BBB -> AAA is missing"),
    ],
)
def test_bad_matrices(matrix: np.ndarray, message: str) -> None:
    with pytest.raises(DataFileError) as error:
        Baseline(CODES, matrix)
    assert message in _one_line(error)


def test_duplicate_country_and_size_mismatch() -> None:
    with pytest.raises(DataFileError, match="AAA appears twice"):
        Baseline(("AAA", "AAA", "CCC"), GOOD)
    with pytest.raises(DataFileError, match="2 countries are named"):
        Baseline(("AAA", "BBB"), GOOD)


def test_tariff_checks() -> None:
    with pytest.raises(DataFileError, match="own goods"):
        Baseline(CODES, GOOD, np.eye(3) * 0.1)
    with pytest.raises(DataFileError, match="above -100%"):
        Baseline(CODES, GOOD, np.full((3, 3), -1.0) * (1 - np.eye(3)))


def test_long_form_must_be_square() -> None:
    frame = long_frame().iloc[:-1]
    with pytest.raises(DataFileError, match="non-square data: 8 flows for 3 countries"):
        baseline_from_frame(frame)
    repeated = pd.concat([long_frame().iloc[:-1], long_frame().iloc[:1]])
    with pytest.raises(DataFileError, match="AAA -> AAA is repeated"):
        baseline_from_frame(repeated)


def test_output_must_match_flows() -> None:
    frame = long_frame()
    frame["Y"] = frame.groupby("exporter")["trade"].transform("sum")
    frame["E"] = frame.groupby("importer")["trade"].transform("sum")
    base = baseline_from_frame(frame, output="Y", expenditure="E")
    assert base.output.tolist() == [13.0, 25.0, 7.0]
    frame.loc[frame.importer == "BBB", "E"] = 99.0
    with pytest.raises(DataFileError) as error:
        baseline_from_frame(frame, output="Y", expenditure="E")
    assert "column 'E' of BBB is 99" in _one_line(error)


def test_unknown_country_code() -> None:
    base = Baseline(CODES, GOOD)
    with pytest.raises(UnknownCodeError, match="'ZZZ' is not in this baseline"):
        Shock.for_pairs(base, [("ZZZ", "AAA")], 0.3)


def test_tariff_changes_apply_before_and_after() -> None:
    base = Baseline(CODES, GOOD)
    taxed, shock = Shock.from_tariff_changes(base, [TariffChange("BBB", "AAA", 0.10, 0.25)])
    assert taxed.tariffs[0, 1] == pytest.approx(0.10)
    assert shock.tariffs is not None and shock.tariffs[0, 1] == pytest.approx(0.25)
    with pytest.raises(ScenarioError, match="listed twice"):
        Shock.from_tariff_changes(base, [TariffChange("BBB", "AAA", 0, 0.1)] * 2)
    with pytest.raises(ScenarioError, match="no sectors"):
        Shock.from_tariff_changes(base, [TariffChange("BBB", "AAA", 0, 0.1, "auto")])


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "changes.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_tariff_changes(tmp_path: Path) -> None:
    path = write(
        tmp_path, "importer,exporter,tariff_before_pct,tariff_after_pct\nUSA,Japan,15,25\n"
    )
    (change,) = read_tariff_changes(path)
    assert (change.importer, change.exporter) == ("USA", "JPN")
    assert (change.before, change.after) == (pytest.approx(0.15), pytest.approx(0.25))


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        (
            "importer,exporter,tariff_after_pct\nUSA,JPN,25\n",
            MalformedInputError,
            "missing column 'tariff_before_pct'",
        ),
        (
            "importer,exporter,tariff_before_pct,tariff_after_pct\nUSA,JPN,x,25\n",
            MalformedInputError,
            "line 2",
        ),
        (
            "importer,exporter,tariff_before_pct,tariff_after_pct\nUSA,QQQ,1,25\n",
            UnknownCodeError,
            "unknown country 'QQQ'",
        ),
        (
            "importer,exporter,tariff_before_pct,tariff_after_pct\nUSA,FRA,1,25\n",
            UnknownCodeError,
            "FRA is not in the model",
        ),
    ],
)
def test_bad_tariff_files(tmp_path: Path, text: str, error: type[InputError], message: str) -> None:
    with pytest.raises(error) as info:
        read_tariff_changes(write(tmp_path, text), countries=("USA", "JPN", "ROW"))
    assert message in _one_line(info)
