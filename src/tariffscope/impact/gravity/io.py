"""Reading gravity data sets and tariff-change files (all file access of the gravity engine).

The public data sets are the ones in ``../shared/data/d_gravity`` (see data/MANIFEST.md):

``agtpa_trade_without_borders``
    Yotov et al. (2016) chapter 2, application 1: 69 countries, 2006 (Germany is stored as
    ``ZZZ`` by the original Stata code; it is renamed ``DEU`` here).
``wiod44``
    The WIOD 44-country aggregate trade of Zylkin's ge_gravity example, 2000-2014.
``gegravity_sample``
    USITC gegravity's 30-country 2006 example.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from tariffscope.config import shared_file
from tariffscope.domain.countries import normalize_country
from tariffscope.errors import DataFileError, MalformedInputError, UnknownCodeError
from tariffscope.impact.gravity.baseline import Baseline, FloatArray, pivot_pairs
from tariffscope.impact.gravity.shock import TariffChange

__all__ = [
    "AGTPA_FILE",
    "GEGRAVITY_FILE",
    "WIOD_FILE",
    "baseline_from_frame",
    "eu_enlargement_effects",
    "load_agtpa_trade_without_borders",
    "load_gegravity_sample",
    "load_wiod44",
    "read_tariff_changes",
]

AGTPA_FILE = "data/d_gravity/yotov2016_ch2_1_TradeWithoutBorder_2006.csv.gz"
WIOD_FILE = "data/d_gravity/gegravity_R_TradeData0014_wiod44.csv"
GEGRAVITY_FILE = "data/d_gravity/gegravity_sample_data_set_2006.csv"


def load_agtpa_trade_without_borders(path: Path | None = None) -> pd.DataFrame:
    """The Advanced Guide's 69-country 2006 data, Germany as ``DEU``."""
    frame = pd.read_csv(path or shared_file(AGTPA_FILE))
    for column in ("exporter", "importer"):
        frame[column] = frame[column].replace({"ZZZ": "DEU"})
    return frame


def load_wiod44(path: Path | None = None) -> pd.DataFrame:
    """ge_gravity's WIOD example data (44 countries; 2000, 2005, 2010, 2014)."""
    return pd.read_csv(path or shared_file(WIOD_FILE))


def load_gegravity_sample(path: Path | None = None) -> pd.DataFrame:
    """gegravity's 30-country 2006 example data."""
    return pd.read_csv(path or shared_file(GEGRAVITY_FILE))


def eu_enlargement_effects(
    frame: pd.DataFrame, beta: float, first: int = 2000, last: int = 2014
) -> pd.DataFrame:
    """Partial effects of the 2004/2007 EU enlargements, as in ge_gravity's example.

    A pair gets ``beta`` when its ``eu_enlargement`` dummy goes from 0 in ``first`` to 1 in
    ``last`` (the new members with the incumbents and with each other); rows of year ``first``
    are returned with a ``beta`` column.
    """
    keys = ["exporter", "importer"]
    start = frame[frame["year"] == first].set_index(keys)
    end = frame[frame["year"] == last].set_index(keys)["eu_enlargement"]
    out = start.copy()
    out["beta"] = beta * (end.reindex(start.index).to_numpy() - start["eu_enlargement"].to_numpy())
    return out.reset_index()


def baseline_from_frame(
    frame: pd.DataFrame,
    *,
    trade: str = "trade",
    exporter: str = "exporter",
    importer: str = "importer",
    output: str | None = None,
    expenditure: str | None = None,
    rtol: float = 1e-6,
    unit: str = "",
) -> Baseline:
    """A baseline from long-form flows; optional output/expenditure columns are checked.

    Raises
    ------
    DataFileError
        Non-square data, negative or missing flows, a missing domestic flow, or output /
        expenditure columns that disagree with the flows (names the first country that does).
    """
    for column in (trade, exporter, importer):
        if column not in frame.columns:
            raise DataFileError(f"gravity data has no column {column!r}")
    base = Baseline.from_flows(
        frame[exporter], frame[importer], frame[trade].to_numpy(dtype=np.float64), unit=unit
    )
    checks = ((output, exporter, base.output), (expenditure, importer, base.spending))
    for name, side, derived in checks:
        if name is None:
            continue
        total: str = name
        given = (
            frame.groupby(side)[total]
            .first()
            .reindex(list(base.countries))
            .to_numpy(dtype=np.float64)
        )
        bad = ~np.isclose(given, derived, rtol=rtol, atol=0)
        if bad.any():
            k = int(np.argmax(bad))
            raise DataFileError(
                f"column {total!r} of {base.countries[k]} is {given[k]:g} but its flows add up to "
                f"{derived[k]:g}: output must equal the sum of sales and expenditure the sum "
                "of purchases",
                hint="drop the column to use the flow totals",
            )
    return base


def partial_effect_matrix(frame: pd.DataFrame, column: str, baseline: Baseline) -> FloatArray:
    """An N x N matrix of a pair column, in the baseline's country order."""
    countries, matrix = pivot_pairs(
        frame["exporter"], frame["importer"], frame[column].to_numpy(dtype=np.float64)
    )
    if countries != baseline.countries:
        raise DataFileError(f"column {column!r} does not cover the baseline's countries")
    return matrix


_REQUIRED = ("importer", "exporter", "tariff_before_pct", "tariff_after_pct")


def read_tariff_changes(path: Path, countries: tuple[str, ...] | None = None) -> list[TariffChange]:
    """Read a tariff-change CSV.

    Columns: ``importer, exporter, [sector], tariff_before_pct, tariff_after_pct``.

    Rates are percent in the file and fractions in the returned records. Country codes may be
    ISO3, ISO2 or names; with ``countries`` given, codes must be among them (region codes such as
    ``ROW`` are accepted when listed there).

    Raises
    ------
    MalformedInputError
        Missing columns or a rate that is not a number.
    UnknownCodeError
        A country code that is neither known nor in ``countries``.
    """
    try:
        return _tariff_changes(path, countries)
    except (UnicodeDecodeError, csv.Error) as error:
        # a binary file or another encoding: not a CSV the user meant to give
        raise MalformedInputError(
            f"{path} is not a UTF-8 CSV file ({type(error).__name__})",
            hint=f"give a CSV with columns {', '.join(_REQUIRED)}",
        ) from None


def _tariff_changes(path: Path, countries: tuple[str, ...] | None) -> list[TariffChange]:
    try:
        handle = path.open(newline="", encoding="utf-8-sig")  # Excel writes a BOM
    except OSError as error:
        raise MalformedInputError(f"cannot read tariff file {path}: {error.strerror}") from None
    with handle:
        reader = csv.DictReader(handle)
        header = [name.strip() for name in reader.fieldnames or []]
        missing = [name for name in _REQUIRED if name not in header]
        if missing:
            raise MalformedInputError(
                f"{path}: missing column {missing[0]!r}", hint=f"needs {', '.join(_REQUIRED)}"
            )
        changes = []
        for number, raw in enumerate(reader, start=2):
            row = {key.strip(): (value or "").strip() for key, value in raw.items() if key}
            codes = [_code(row[side], countries, path, number) for side in ("importer", "exporter")]
            rates = []
            for column in ("tariff_before_pct", "tariff_after_pct"):
                try:
                    rates.append(float(row[column]) / 100.0)
                except ValueError:
                    raise MalformedInputError(
                        f"{path} line {number}: {column} {row[column]!r} is not a number"
                    ) from None
                if not np.isfinite(rates[-1]):
                    raise MalformedInputError(
                        f"{path} line {number}: {column} {row[column]!r} is not a finite number"
                    )
                if rates[-1] <= -1:
                    raise MalformedInputError(f"{path} line {number}: {column} must be above -100")
            sector = row.get("sector") or None
            changes.append(TariffChange(codes[0], codes[1], rates[0], rates[1], sector))
    if not changes:
        raise MalformedInputError(f"{path} lists no tariff changes")
    return changes


def _code(text: str, countries: tuple[str, ...] | None, path: Path, line: int) -> str:
    if countries is not None and text.upper() in countries:
        return text.upper()
    try:
        code = normalize_country(text)
    except UnknownCodeError:
        raise UnknownCodeError(f"{path} line {line}: unknown country {text!r}") from None
    if countries is not None and code not in countries:
        raise UnknownCodeError(
            f"{path} line {line}: country {code} is not in the model's data",
            hint=f"known: {' '.join(countries)}",
        )
    return code
