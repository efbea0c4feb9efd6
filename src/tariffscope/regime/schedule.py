"""The Harmonized Tariff Schedule: HTS8 and HTS10 lines with their General (MFN) and Special rates.

:func:`load_schedule` reads the compact table embedded in the package (built by
``tariffscope data build hts_schedule`` from USITC's HTS 2025 Basic Edition; see
``data/embedded/PROVENANCE.md``), so it works offline. :func:`parse_basic_edition` reads
any file in USITC's official CSV format.

Every line carries the General rate that applies to it: a statistical (HTS10) line inherits
its tariff line's rate, and a line without a rate of its own inherits the nearest parent's;
``rate_source`` names the line the rate was read from; the Special column (preferential
rates by programme code) is read from the same line. Chapters 98 and 99 (special
provisions and temporary legislation) can be looked up with :meth:`Schedule.line` but are
left out of the arrays the economic engines use.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.config import embedded_dir
from tariffscope.data.hts_basic import SCHEDULE_COLUMNS, read_basic_edition, schedule_table
from tariffscope.data.tables import read_table
from tariffscope.errors import DataFileError, MalformedInputError, UnknownCodeError
from tariffscope.regime._rate_text import (
    AdValoremPart,
    MfnRate,
    RateKind,
    SpecificDuty,
    parse_rate,
)
from tariffscope.regime._special_text import SpecialRates, parse_special
from tariffscope.regime.special import SpecialColumn, special_column_of_unique

__all__ = [
    "EMBEDDED_EDITION",
    "EMBEDDED_TABLE",
    "AdValoremPart",
    "LineBlock",
    "MfnRate",
    "RateKind",
    "Schedule",
    "ScheduleLine",
    "SpecialColumn",
    "SpecialRates",
    "SpecificDuty",
    "format_hts",
    "load_schedule",
    "normalize_hts",
    "parse_basic_edition",
    "parse_rate",
]

#: File name of the embedded schedule table under ``data/embedded``.
EMBEDDED_TABLE = "hts_2025_schedule.csv.gz"
#: The edition the embedded table was built from.
EMBEDDED_EDITION = "HTS 2025 Basic Edition"
#: Chapters of special provisions, kept out of the engine arrays.
SPECIAL_CHAPTERS = ("98", "99")

#: The rate of a line for which no line above publishes a General rate.
NO_RATE = MfnRate("", "other", 0.0, note="no General rate is published for this line")

_INT_COLUMNS = {"level": "int64", "indent": "int64", "parent": "int64"}
_CODE_HINT = "give an 8- or 10-digit HTS code, e.g. 8703.23.01 or 8703.23.01.50"


def normalize_hts(code: str) -> str:
    """``"8703.23.01"`` -> ``"87032301"``; raises MalformedInputError unless 8 or 10 digits."""
    digits = "".join(str(code).replace(".", "").split())
    if not digits.isdigit() or len(digits) not in (8, 10):
        raise MalformedInputError(f"{code!r} is not an HTS code: {_CODE_HINT}")
    return digits


def format_hts(code: str) -> str:
    """Digits to the dotted form: ``"8703230150"`` -> ``"8703.23.01.50"``."""
    parts = [code[:4]] + [code[i : i + 2] for i in range(4, len(code), 2)]
    return ".".join(parts)


@dataclass(frozen=True)
class ScheduleLine:
    """One HTS8 or HTS10 line.

    Attributes
    ----------
    hts
        Digits only, 8 or 10 of them.
    level
        8 for a tariff line, 10 for a statistical line.
    description
        The line's own text, as published (whitespace collapsed).
    unit
        Units of quantity, comma-separated (``"No., kg"``); ``""`` if none.
    mfn
        The General rate that applies (own or inherited).
    rate_source
        Digits of the line the rate was read from (``hts`` itself when the line has its own);
        ``""`` when no rate is published.
    context
        The descriptions of the enclosing rows, outermost first, joined by spaces.
    indent
        The indent of the line in the published schedule.
    special_text
        The Special column text that applies (read from ``rate_source``); "" if none.
    """

    hts: str
    level: int
    description: str
    unit: str
    mfn: MfnRate
    rate_source: str
    column2_text: str = ""
    context: str = ""
    indent: int = 0
    special_text: str = ""

    @property
    def special(self) -> SpecialRates:
        """The Special column read into programme code -> preferential rate."""
        return parse_special(self.special_text)

    @property
    def dotted(self) -> str:
        """The code as printed: ``8703.23.01.50``."""
        return format_hts(self.hts)

    @property
    def full_description(self) -> str:
        """The description with its parents: ``"Motor cars ...: Other: ..."``."""
        return f"{self.context} {self.description}".strip()

    @property
    def column2(self) -> MfnRate | None:
        """The Column 2 rate (general note 3(b) countries), or None where none is printed.

        Some Column 2 cells carry leftovers of footnote marks ("37% /"); they are dropped, and
        a cell that still cannot be read counts as no rate.
        """
        text = self.column2_text.rstrip(" /*")
        if not text:
            return None
        try:
            return parse_rate(text)
        except MalformedInputError:
            return None

    @property
    def is_special(self) -> bool:
        """True for chapter 98 and 99 provisions."""
        return self.hts[:2] in SPECIAL_CHAPTERS


@dataclass(frozen=True)
class LineBlock:
    """Arrays for a block of lines (:meth:`Schedule.block`), aligned with ``codes``."""

    codes: npt.NDArray[np.str_]
    level: npt.NDArray[np.int64]
    mfn_ad_valorem: npt.NDArray[np.float64]
    mfn_is_specific: npt.NDArray[np.bool_]
    column2_ad_valorem: npt.NDArray[np.float64]
    special_text: npt.NDArray[np.str_]


class Schedule:
    """The lines of one HTS edition, with arrays for vectorized engines.

    Attributes
    ----------
    edition
        The edition's name, e.g. ``"HTS 2025 Basic Edition"``.
    hts8, hts10
        Sorted digit codes of the tariff and statistical lines, chapters 98 and 99 excluded.
    mfn_ad_valorem_hts8
        The ad valorem part of each HTS8 line's General rate, a fraction aligned with
        ``hts8``. For specific, compound and other rates it is not the whole duty:
        ``mfn_is_specific_hts8`` flags those lines.
    mfn_is_specific_hts8
        True where the rate is specific, compound or other (an ad valorem equivalent needs
        a unit value, or cannot be stated).
    mfn_kind_hts8
        The rate kind of each HTS8 line.
    """

    def __init__(self, table: pd.DataFrame, *, edition: str, origin: str = "") -> None:
        """Build from a table with columns :data:`SCHEDULE_COLUMNS` in schedule order.

        ``origin`` names the file the table came from, for error messages.
        """
        origin = origin or edition
        missing = [column for column in SCHEDULE_COLUMNS if column not in table.columns]
        if missing:
            raise DataFileError(f"{origin}: column {missing[0]!r} is missing")
        table = table.reset_index(drop=True)
        hts = table["hts"].to_numpy(dtype=str)
        level = table["level"].to_numpy(dtype=np.int64)
        parent = table["parent"].to_numpy(dtype=np.int64)
        self._check(table, hts, level, parent, origin)
        self.edition = edition
        self._table = table
        self._parent = parent
        rows = np.flatnonzero((level == 8) | (level == 10))
        self._index: dict[str, int] = dict(zip(hts[rows].tolist(), rows.tolist(), strict=True))
        self._mfn: dict[int, MfnRate] = self._parse_rates(
            rows.tolist(), table["rate_text"].to_numpy(dtype=object)[rows].tolist(), origin
        )
        self._lines: dict[int, ScheduleLine] = {}

        special = np.isin(np.char.ljust(hts, 2).astype("<U2"), SPECIAL_CHAPTERS)
        rows8 = np.flatnonzero((level == 8) & ~special)
        rows8 = rows8[np.argsort(hts[rows8], kind="stable")]
        rows10 = np.flatnonzero((level == 10) & ~special)
        self._rows8 = rows8
        self.hts8: npt.NDArray[np.str_] = hts[rows8]
        self.hts10: npt.NDArray[np.str_] = np.sort(hts[rows10])
        rates8 = [self._mfn[row] for row in rows8.tolist()]
        self.mfn_ad_valorem_hts8 = np.array([r.ad_valorem for r in rates8], dtype=np.float64)
        self.mfn_is_specific_hts8 = np.array([r.is_specific for r in rates8], dtype=np.bool_)
        self.mfn_kind_hts8: npt.NDArray[np.str_] = np.array([r.kind for r in rates8], dtype=str)
        for array in (
            self.hts8,
            self.hts10,
            self.mfn_ad_valorem_hts8,
            self.mfn_is_specific_hts8,
            self.mfn_kind_hts8,
        ):
            array.setflags(write=False)

    @staticmethod
    def _check(
        table: pd.DataFrame,
        hts: npt.NDArray[np.str_],
        level: npt.NDArray[np.int64],
        parent: npt.NDArray[np.int64],
        origin: str,
    ) -> None:
        lengths = np.char.str_len(hts)
        problems = {
            "hts": ~(np.char.isdigit(hts) | (lengths == 0)) | ~np.isin(lengths, (0, 4, 6, 8, 10)),
            "level": lengths != level,
            "parent": (parent < -1) | (parent >= np.arange(len(parent))),
        }
        for column, bad in problems.items():
            if bad.any():
                row = int(np.flatnonzero(bad)[0])
                raise DataFileError(
                    f"{origin}: row {row + 1}, column {column!r}: bad value"
                    f" (hts {hts[row]!r}, level {level[row]}, parent {parent[row]})",
                    hint="hts has 0, 4, 6, 8 or 10 digits, level is that number, and parent"
                    " points to an earlier row or is -1",
                )
        numbered = hts[lengths > 0]
        unique, counts = np.unique(numbered, return_counts=True)
        if (counts > 1).any():
            raise DataFileError(f"{origin}: column 'hts' repeats {unique[counts > 1][0]}")

    @staticmethod
    def _parse_rates(rows: list[int], texts: list[str], origin: str) -> dict[int, MfnRate]:
        parsed: dict[str, MfnRate] = {"": NO_RATE}
        for row, text in zip(rows, texts, strict=True):
            if text not in parsed:
                try:
                    parsed[text] = parse_rate(text)
                except MalformedInputError as error:
                    raise DataFileError(
                        f"{origin}: row {row + 1}, column 'rate_text': {error.message}"
                    ) from error
        return {row: parsed[text] for row, text in zip(rows, texts, strict=True)}

    def _context(self, row: int) -> str:
        texts: list[str] = []
        descriptions = self._table["description"]
        parent = int(self._parent[row])
        while parent >= 0:
            texts.append(str(descriptions.iat[parent]))
            parent = int(self._parent[parent])
        return " ".join(reversed(texts))

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        try:
            return normalize_hts(code) in self._index
        except MalformedInputError:
            return False

    def __repr__(self) -> str:
        return f"Schedule({self.edition!r}, {len(self.hts8)} HTS8, {len(self.hts10)} HTS10 lines)"

    def line(self, code: str) -> ScheduleLine:
        """The line for an 8- or 10-digit code, with or without dots.

        Raises
        ------
        MalformedInputError
            If ``code`` is not 8 or 10 digits after removing dots and spaces.
        UnknownCodeError
            If the schedule has no such line.
        """
        digits = normalize_hts(code)
        row = self._index.get(digits)
        if row is None:
            hint = "check the code against the HTS; `tariffscope` accepts 8- or 10-digit lines"
            if len(digits) == 10 and digits[:8] in self._index:
                suffixes = ", ".join(format_hts(c) for c in self.children(digits[:8])) or "none"
                hint = (
                    f"its tariff line {format_hts(digits[:8])} exists;"
                    f" statistical lines: {suffixes}"
                )
            raise UnknownCodeError(
                f"HTS code {format_hts(digits)} is not in the {self.edition}", hint=hint
            )
        cached = self._lines.get(row)
        if cached is None:
            record = self._table.iloc[row]
            cached = ScheduleLine(
                hts=digits,
                level=int(record["level"]),
                description=str(record["description"]),
                unit=str(record["unit"]),
                mfn=self._mfn[row],
                rate_source=str(record["rate_source"]),
                column2_text=str(record["column2_text"]),
                context=self._context(row),
                indent=int(record["indent"]),
                special_text=str(record["special_text"]),
            )
            self._lines[row] = cached
        return cached

    def block(self, codes: Sequence[str]) -> LineBlock:
        """Arrays for a block of 8- or 10-digit lines, without building :class:`ScheduleLine`
        objects (fast for tens of thousands of codes).

        Raises
        ------
        MalformedInputError, UnknownCodeError
            As :meth:`line`, for the first bad code.
        """
        rows: list[int] = []
        for code in codes:
            row = self._index.get(normalize_hts(code))
            if row is None:
                self.line(code)  # raises the error naming the code
            else:
                rows.append(row)
        index = np.array(rows, dtype=np.int64)
        rates = [self._mfn[row] for row in rows]
        columns = self._block_columns
        column2 = columns["column2_text"][index].astype(str)
        column2_rates = []
        for text, rate in zip(column2.tolist(), rates, strict=True):
            parsed = ScheduleLine("", 8, "", "", NO_RATE, "", column2_text=text).column2
            column2_rates.append((parsed or rate).ad_valorem)
        return LineBlock(
            codes=columns["hts"][index],
            level=columns["level"][index],
            mfn_ad_valorem=np.array([r.ad_valorem for r in rates], dtype=np.float64),
            mfn_is_specific=np.array([r.is_specific for r in rates], dtype=np.bool_),
            column2_ad_valorem=np.array(column2_rates, dtype=np.float64),
            special_text=columns["special_text"][index].astype(str),
        )

    @functools.cached_property
    def _block_columns(self) -> dict[str, npt.NDArray[Any]]:
        # whole-table columns as arrays once: converting them on every block cost more than
        # the block itself on the few hundred HTS10 lines under partial lines
        arrays = {
            "hts": self._table["hts"].to_numpy(dtype=str),
            "level": self._table["level"].to_numpy(dtype=np.int64),
            "column2_text": self._table["column2_text"].to_numpy(dtype=object),
            "special_text": self._table["special_text"].to_numpy(dtype=object),
        }
        for array in arrays.values():
            array.setflags(write=False)
        return arrays

    @functools.cached_property
    def _children(self) -> dict[str, tuple[str, ...]]:
        groups: dict[str, list[str]] = {}
        for code in self._index:  # sorted
            if len(code) == 10:
                groups.setdefault(code[:8], []).append(code)
        return {code8: tuple(codes) for code8, codes in groups.items()}

    def children(self, hts8: str) -> tuple[str, ...]:
        """The HTS10 statistical lines under a tariff line, sorted (digits).

        Raises
        ------
        MalformedInputError, UnknownCodeError
            As :meth:`line`; also MalformedInputError for a 10-digit code.
        """
        digits = normalize_hts(hts8)
        if len(digits) != 8:
            raise MalformedInputError(
                f"{hts8!r} is a statistical line; children() needs an 8-digit tariff line",
                hint="give the first 8 digits, e.g. 8703.23.01",
            )
        self.line(digits)
        return self._children.get(digits, ())

    @functools.cached_property
    def column2_ad_valorem_hts8(self) -> npt.NDArray[np.float64]:
        """Ad valorem part of each HTS8 line's Column 2 rate (fraction), aligned with hts8.

        Lines without a Column 2 rate take their General rate's ad valorem part. Each distinct
        text is read once, as :attr:`ScheduleLine.column2` reads it.
        """
        texts = self._table["column2_text"].to_numpy(dtype=object)[self._rows8].astype(str)
        unique, inverse = np.unique(texts, return_inverse=True)
        parsed = np.full(unique.shape[0], np.nan)
        for i, text in enumerate(unique.tolist()):
            rate = ScheduleLine("", 8, "", "", NO_RATE, "", column2_text=text).column2
            if rate is not None:
                parsed[i] = rate.ad_valorem
        values = parsed[inverse] if unique.size else np.array([], dtype=np.float64)
        array = np.where(np.isnan(values), self.mfn_ad_valorem_hts8, values)
        array.setflags(write=False)
        return array

    @functools.cached_property
    def special_text_hts8(self) -> npt.NDArray[np.str_]:
        """The Special column text of each HTS8 line (aligned with ``hts8``; "" if none)."""
        texts = self._table["special_text"].to_numpy(dtype=object)[self._rows8]
        array = texts.astype(str) if texts.size else np.array([], dtype=str)
        array.setflags(write=False)
        return array

    def special_rates(self, codes: str | tuple[str, ...] | frozenset[str]) -> SpecialColumn:
        """Preferential rates of programme ``codes`` on every HTS8 line (cached per code set).

        ``codes`` is one code (``"KR"``) or several (``("S", "S+")``): the lowest listed rate
        of them is taken. Returns arrays aligned with ``hts8``: the rate's ad valorem part,
        whether a rate is listed, whether it is specific, and whether the code is listed only
        by reference to a chapter 98/99 provision.
        """
        key = frozenset((codes,) if isinstance(codes, str) else codes)
        cached = self._special_cache.get(key)
        if cached is None:
            unique, inverse = self._special_unique
            cached = special_column_of_unique(unique, inverse, key)
            self._special_cache[key] = cached
        return cached

    @functools.cached_property
    def _special_cache(self) -> dict[frozenset[str], SpecialColumn]:
        return {}

    @functools.cached_property
    def _special_unique(self) -> tuple[npt.NDArray[np.str_], npt.NDArray[np.intp]]:
        unique, inverse = np.unique(self.special_text_hts8, return_inverse=True)
        return unique, inverse

    def clear_derived_arrays(self) -> None:
        """Forget the arrays derived on first use (Special rates, Column 2 rates); benchmarks
        time them cold. The answers do not change."""
        for name in ("_special_cache", "_special_unique", "special_text_hts8"):
            self.__dict__.pop(name, None)
        self.__dict__.pop("column2_ad_valorem_hts8", None)

    def to_frame(self) -> pd.DataFrame:
        """One row per HTS8/HTS10 line, sorted by code, with the rate in structured columns.

        Columns: ``hts``, ``level``, ``indent``, ``description``, ``context`` (the enclosing
        descriptions), ``unit``, ``rate_text``, ``rate_source``, ``rate_kind``,
        ``ad_valorem`` (fraction), ``specific_usd`` and ``specific_unit`` (the first specific
        term; NaN and ``""`` if none), ``specific_terms`` (how many), ``rate_note`` and
        ``special_text`` (the Special column that applies).
        """
        rows = sorted(self._index.values(), key=lambda row: str(self._table["hts"].iat[row]))
        rates = [self._mfn[row] for row in rows]
        frame = self._table.iloc[rows].loc[
            :, ["hts", "level", "indent", "description", "unit", "rate_text", "rate_source"]
        ]
        frame.insert(4, "context", [self._context(row) for row in rows])
        frame = frame.reset_index(drop=True)
        frame["rate_kind"] = [rate.kind for rate in rates]
        frame["ad_valorem"] = np.array([rate.ad_valorem for rate in rates], dtype=np.float64)
        frame["specific_usd"] = np.array(
            [rate.specific[0].amount_usd if rate.specific else np.nan for rate in rates],
            dtype=np.float64,
        )
        frame["specific_unit"] = [rate.specific[0].unit if rate.specific else "" for rate in rates]
        frame["specific_terms"] = np.array([len(rate.specific) for rate in rates], dtype=np.int64)
        frame["rate_note"] = [rate.note for rate in rates]
        frame["special_text"] = self._table["special_text"].to_numpy(dtype=str)[rows]
        return frame

    def to_table(self) -> pd.DataFrame:
        """The schedule table (:data:`SCHEDULE_COLUMNS`, schedule order), as embedded."""
        return self._table.loc[:, list(SCHEDULE_COLUMNS)].copy()


def parse_basic_edition(path: str | Path, *, edition: str | None = None) -> Schedule:
    """Read a schedule from USITC's HTS Basic Edition CSV.

    Parameters
    ----------
    path
        The official CSV (``hts_2025_basic_edition_csv.csv`` or a later edition).
    edition
        Its name; default from the file name (``hts_2025_basic_edition`` ->
        ``"HTS 2025 Basic Edition"``).

    Raises
    ------
    DataFileError
        If the file is malformed; the message names file, column and row.
    """
    path = Path(path)
    rows = read_basic_edition(path)
    for row in rows:
        if row.general:
            try:
                parse_rate(row.general)
            except MalformedInputError as error:
                raise DataFileError(
                    f"{path}: row {row.row}, column 'General Rate of Duty': {error.message}"
                ) from error
    if edition is None:
        stem = path.name.split(".")[0].removesuffix("_csv").replace("_", " ")
        edition = stem.title().replace("Hts", "HTS")
    return Schedule(schedule_table(rows), edition=edition, origin=str(path))


@functools.cache
def load_schedule() -> Schedule:
    """The embedded HTS 2025 Basic Edition schedule (offline; cached after the first call, and
    kept parsed in the user cache: :mod:`tariffscope.regime._schedule_cache`).

    Raises
    ------
    DataUnavailableError
        If the embedded table is missing (a broken install).
    """
    from tariffscope.regime._schedule_cache import cached_schedule

    path = embedded_dir() / EMBEDDED_TABLE
    if not path.exists():  # read_table names the missing table
        read_table(path, SCHEDULE_COLUMNS, dtypes=_INT_COLUMNS)

    def build() -> Schedule:
        table = read_table(path, SCHEDULE_COLUMNS, dtypes=_INT_COLUMNS)
        return Schedule(table, edition=EMBEDDED_EDITION, origin=str(path))

    # parsed once per table and code version, then read from the user cache
    return cached_schedule(path, build)
