"""Concordances: HS6/HTS10 to GTAP sectors, HS revisions, Census country codes.

* HS6 -> GTAP (``hs6_code, description, hs4_code, gtap_code``; Budget Lab Tariff-ETRs) and
  HTS10 -> GTAP (``hs10, hs6_code, gtap_code, description``; Budget Lab tariff-rate-tracker).
  GTAP codes are lower-cased (the source mixes ``CHM`` and ``ofd``).
* HS revision tables from the R package ``concordance`` (``HS6_6d, HS6_4d, HS6_2d, HS5_6d,
  ...``), where ``HSn`` is the WCO revision: HS0 = 1988/92, HS1 = 1996, HS2 = 2002,
  HS3 = 2007, HS4 = 2012, HS5 = 2017, HS6 = 2022. One row per pair of linked codes
  (many-to-many).
* Census Schedule C country codes (``Code, Name``) and the Census code -> ISO3 table
  (``cty_code, iso3``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from tariffscope.data.loaders._common import (
    Column,
    attach_provenance,
    convert_columns,
    read_raw_csv,
    require_values,
)
from tariffscope.data.loaders.budgetlab import GTAP_CODES
from tariffscope.errors import DataFileError, MalformedInputError

__all__ = [
    "HS_REVISION_YEARS",
    "chain_hs_revisions",
    "load_census_country_codes",
    "load_hs_gtap_crosswalk",
    "load_hs_revision",
]

#: Revision index in the concordance package -> first year of that HS edition.
HS_REVISION_YEARS: dict[int, int] = {0: 1988, 1: 1996, 2: 2002, 3: 2007, 4: 2012, 5: 2017, 6: 2022}

_BUDGETLAB = "Yale Budget Lab (github.com/Budget-Lab-Yale: Tariff-ETRs, tariff-rate-tracker)"


def load_hs_gtap_crosswalk(path: str | Path) -> pd.DataFrame:
    """Read an HS6 -> GTAP or HTS10 -> GTAP crosswalk.

    Returns
    -------
    pandas.DataFrame
        ``hs6, gtap_code, description`` (HS6 file) or ``hts10, hs6, gtap_code, description``
        (HTS10 file). Codes are zero-padded digit strings; each code appears once;
        ``gtap_code`` is ``""`` for special provisions without a sector (chapter 98).

    Raises
    ------
    DataFileError
        An unknown GTAP code, a malformed code, an HTS10 whose HS6 column is not its prefix,
        or a code listed twice (the message names file, column and line).
    """
    path = Path(path)
    raw = read_raw_csv(path)
    if "hs10" in raw.columns:
        spec = [
            Column("hs10", "hts10", "code", width=10),
            Column("hs6_code", "hs6", "code", width=6),
            Column("gtap_code", "gtap_code"),
            Column("description", "description", optional=True),
        ]
        key = "hts10"
    else:
        spec = [
            Column("hs6_code", "hs6", "code", width=6),
            Column("gtap_code", "gtap_code"),
            Column("description", "description", optional=True),
        ]
        key = "hs6"
    frame = convert_columns(raw, path, spec)
    # Chapter 98/99 special provisions have no GTAP sector: ``NA`` in the source, "" here.
    frame["gtap_code"] = frame["gtap_code"].str.lower().replace({"na": ""})
    require_values(frame, path, "gtap_code", {*GTAP_CODES, ""}, source_column="gtap_code")
    if key == "hts10":
        bad = frame["hts10"].str[:6] != frame["hs6"]
        if bad.any():
            row = int(bad.to_numpy().nonzero()[0][0])
            raise DataFileError(
                f"file {path}, column 'hs6_code', line {row + 2}: "
                f"{frame['hs6'].iloc[row]!r} is not the prefix of {frame['hts10'].iloc[row]!r}"
            )
    duplicated = frame[key].duplicated()
    if duplicated.any():
        row = int(duplicated.to_numpy().nonzero()[0][0])
        raise DataFileError(
            f"file {path}, column {spec[0].source!r}, line {row + 2}: "
            f"code {frame[key].iloc[row]!r} is listed twice"
        )
    return attach_provenance(frame, path, fmt=f"{key}_gtap_crosswalk", source=_BUDGETLAB, unit="-")


def load_hs_revision(path: str | Path) -> pd.DataFrame:
    """Read an HS revision concordance (newer -> older edition, HS6 level).

    Returns
    -------
    pandas.DataFrame
        Columns ``from_hs6`` (the newer edition), ``to_hs6`` (the older one); the editions are
        in ``frame.attrs["from_year"]`` and ``frame.attrs["to_year"]``.
    """
    path = Path(path)
    raw = read_raw_csv(path)
    revisions = sorted(
        {int(m.group(1)) for c in raw.columns if (m := re.fullmatch(r"HS(\d)_6d", c))}
    )
    if len(revisions) != 2:
        raise DataFileError(
            f"file {path}, line 1: expected two HSn_6d columns, found {list(raw.columns)}",
            hint="use a table of the R package 'concordance' such as hs6_hs5",
        )
    old, new = revisions
    frame = convert_columns(
        raw,
        path,
        [
            Column(f"HS{new}_6d", "from_hs6", "code", width=6),
            Column(f"HS{old}_6d", "to_hs6", "code", width=6),
        ],
    ).drop_duplicates(ignore_index=True)
    frame.attrs["from_year"] = HS_REVISION_YEARS[new]
    frame.attrs["to_year"] = HS_REVISION_YEARS[old]
    return attach_provenance(
        frame,
        path,
        fmt="hs_revision_concordance",
        source="R package concordance (Liao et al., github.com/insongkim/concordance), WCO tables",
        unit="-",
        from_year=str(HS_REVISION_YEARS[new]),
        to_year=str(HS_REVISION_YEARS[old]),
    )


def chain_hs_revisions(
    tables: Sequence[pd.DataFrame], from_year: int, to_year: int
) -> pd.DataFrame:
    """Link HS6 codes of edition ``from_year`` to edition ``to_year`` through revision tables.

    Each table links a newer to an older edition (as :func:`load_hs_revision` returns them);
    they are used in either direction and chained. A code that splits gets one row per
    target with ``weight`` = 1/number of targets, so weights of each source code sum to 1
    (an equal split: there are no trade values to split by).

    Returns
    -------
    pandas.DataFrame
        Columns ``from_hs6``, ``to_hs6``, ``weight``.

    Raises
    ------
    MalformedInputError
        When no chain of the given tables links the two editions.
    """
    if from_year == to_year:
        raise MalformedInputError("from_year and to_year are the same edition")
    edges: dict[tuple[int, int], pd.DataFrame] = {}
    for table in tables:
        new, old = int(table.attrs["from_year"]), int(table.attrs["to_year"])
        pairs = table[["from_hs6", "to_hs6"]]
        edges[(new, old)] = pairs
        edges[(old, new)] = pairs.rename(columns={"from_hs6": "to_hs6", "to_hs6": "from_hs6"})
    years = sorted({y for pair in edges for y in pair})
    if from_year not in years or to_year not in years:
        raise MalformedInputError(
            f"no revision table links HS {from_year} and HS {to_year} (have {years})"
        )
    step = 1 if to_year > from_year else -1
    path = [y for y in years if min(from_year, to_year) <= y <= max(from_year, to_year)]
    path = path if step == 1 else path[::-1]
    current = pd.DataFrame({"from_hs6": [], "to_hs6": [], "weight": []})
    for index, (a, b) in enumerate(itertools.pairwise(path)):
        if (a, b) not in edges:
            raise MalformedInputError(f"no revision table links HS {a} and HS {b}")
        link = edges[(a, b)].copy()
        link["weight"] = 1.0 / link.groupby("from_hs6")["to_hs6"].transform("size")
        if index == 0:
            current = link
        else:
            merged = current.merge(
                link.rename(columns={"from_hs6": "mid", "to_hs6": "to2", "weight": "w2"}),
                left_on="to_hs6",
                right_on="mid",
                how="inner",
            )
            merged["weight"] = merged["weight"] * merged["w2"]
            summed = merged.groupby(["from_hs6", "to2"], as_index=False).agg(
                weight=("weight", "sum")
            )
            current = summed.rename(columns={"to2": "to_hs6"})
    return current.reset_index(drop=True)


def load_census_country_codes(path: str | Path) -> pd.DataFrame:
    """Read Census Schedule C country codes: ``Code, Name`` or ``cty_code, iso3``.

    Returns
    -------
    pandas.DataFrame
        ``census_code`` (4 digits) and ``name`` or ``iso3``.
    """
    path = Path(path)
    raw = read_raw_csv(path)
    if "iso3" in raw.columns:
        spec = [Column("cty_code", "census_code", "code", width=4), Column("iso3", "iso3")]
    else:
        spec = [Column("Code", "census_code", "code", width=4), Column("Name", "name")]
    frame = convert_columns(raw, path, spec)
    return attach_provenance(
        frame,
        path,
        fmt="census_country_codes",
        source="US Census Bureau, Schedule C country codes (via Budget Lab)",
        unit="-",
    )
