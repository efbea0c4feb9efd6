"""Builder of ``us_imports_2024.npz``: 2024 US imports and duties by partner, chapter and line.

Sources (``census_trade.build.json`` has their URLs and checksums): the US Census Bureau's
imports for consumption in 2024 (customs value ``CON_VAL_YR`` and calculated duties
``CAL_DUT_YR``) by HS2 chapter for 225 partners plus the EU aggregate, and by HTS10 line for
50 countries plus the EU aggregate; Census country codes to ISO3 (Budget Lab's table plus
``census_country_iso3_extra.csv`` for the territories and small countries it lacks).

What is written (arrays of one ``.npz``, see :mod:`tariffscope.data.tables`):

``partners``, ``names``, ``census_codes``
    ``[P]`` every partner with 2024 imports, by ISO3 (EU members individually; Census codes
    that are one ISO3 country, Gaza and the West Bank, are summed); the Census name and
    code(s).
``chapters``, ``chapter_values``, ``chapter_duties``
    ``[C]`` HS2 chapters (01-99, with 98 and 99) and ``[C, P]`` value and duties in whole US
    dollars: every partner's own Census figures.
``eu_chapter_values``, ``eu_chapter_duties``
    ``[C]`` the EU aggregate (Census code 0003): the sum of the members, kept apart so that it
    is never added to them.
``lines``, ``line_partners``, ``line_indptr``, ``line_step``, ``line_values``, ``line_duties``
    The HTS10 detail where Census gives it: ``[L]`` HTS10 codes; ``[Q]`` the partners with
    lines (ISO3, and ``EUN`` for the EU aggregate); a compressed sparse layout by partner:
    rows ``line_indptr[q]:line_indptr[q + 1]`` are partner ``q``'s lines in ascending order,
    with their values and duties (whole dollars). ``line_step`` (uint16) is the distance of
    each row's line from the previous row's line of the same partner (from -1 for the first):
    the cumulative sum within a partner gives the line's position in ``lines``; steps compress
    to a third of the size of positions.

Nothing is spread here: :func:`tariffscope.data.line_trade.load_line_trade` gives partners
without lines their chapter values spread over lines at load time, so the method stays in
code and the table stays small. The build checks that every HTS10 partner's lines add up to
its chapters and that the EU members add up to the EU aggregate, to the dollar.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.config import embedded_dir
from tariffscope.data.builders import BuildContext, Builder
from tariffscope.data.loaders import load_census_country_codes
from tariffscope.data.loaders.census import CENSUS_EU_CODE, load_census_imports
from tariffscope.data.tables import read_table, write_arrays
from tariffscope.domain.countries import EU_MEMBERS, EUN, is_country
from tariffscope.errors import DataFileError

__all__ = ["BUILDER", "EXTRA_CODES_TABLE", "TRADE_ARRAYS", "TRADE_YEAR", "build_census_trade"]

TRADE_ARRAYS = "us_imports_2024.npz"
#: Hand-written Census code -> ISO3 rows for codes Budget Lab's table lacks (PROVENANCE.md).
EXTRA_CODES_TABLE = "census_country_iso3_extra.csv"
TRADE_YEAR = 2024


def census_iso3(codes: pd.DataFrame, extra: pd.DataFrame) -> dict[str, str]:
    """Census Schedule C code -> ISO3 from Budget Lab's table and the extra rows."""
    mapping = dict(zip(codes["census_code"], codes["iso3"], strict=True))
    for code, iso3 in zip(extra["census_code"], extra["iso3"], strict=True):
        if code in mapping and mapping[code] != iso3:
            raise DataFileError(f"{EXTRA_CODES_TABLE}: code {code} is already {mapping[code]}")
        mapping[code] = iso3
    bad = sorted(iso3 for iso3 in set(mapping.values()) if not is_country(iso3))
    if bad:
        raise DataFileError(f"Census code table: {bad[0]!r} is not an ISO 3166-1 alpha-3 code")
    return mapping


def _with_iso3(frame: pd.DataFrame, mapping: dict[str, str], what: str) -> pd.DataFrame:
    iso3 = frame["census_code"].map(mapping)
    iso3 = iso3.where(frame["census_code"] != CENSUS_EU_CODE, EUN)
    if iso3.isna().any():
        row = frame[iso3.isna()].iloc[0]
        raise DataFileError(
            f"{what}: Census country code {row['census_code']} ({row['name']}) has no ISO3",
            hint=f"add it to data/embedded/{EXTRA_CODES_TABLE}",
        )
    return frame.assign(iso3=iso3.astype(str))


def _dense(
    frame: pd.DataFrame, rows: list[str], columns: list[str], row_key: str, value: str
) -> npt.NDArray[np.int64]:
    table = frame.pivot_table(index=row_key, columns="iso3", values=value, aggfunc="sum")
    table = table.reindex(index=rows, columns=columns).fillna(0)
    return table.to_numpy(dtype=np.int64)


def _check_sums(
    hs2: pd.DataFrame, hts10: pd.DataFrame, partners: list[str], line_partners: list[str]
) -> None:
    """Lines add up to chapters for every line partner; EU members add up to the aggregate."""
    by_chapter = hts10.assign(chapter=hts10["code"].str[:2])
    lines = by_chapter.groupby(["iso3", "chapter"])[["value_usd", "duties_usd"]].sum()
    chapters = hs2.groupby(["iso3", "code"])[["value_usd", "duties_usd"]].sum()
    chapters.index = chapters.index.set_names(["iso3", "chapter"])
    for partner in line_partners:
        mine = lines.loc[partner]
        theirs = chapters.loc[partner].reindex(mine.index.union(chapters.loc[partner].index))
        diff = mine.reindex(theirs.index).fillna(0) - theirs.fillna(0)
        if diff.abs().to_numpy().max() > 0:
            raise DataFileError(f"HTS10 lines of {partner} do not add up to its HS2 chapters")
    members = chapters[chapters.index.get_level_values("iso3").isin(EU_MEMBERS)]
    summed = members.groupby(level="chapter").sum()
    eu = chapters.loc[EUN].reindex(summed.index).fillna(0)
    if (summed - eu).abs().to_numpy().max() > 0:
        raise DataFileError("the EU members' chapters do not add up to the EU aggregate (0003)")
    covered = set(by_chapter.loc[by_chapter["value_usd"] > 0, "chapter"])
    bare = sorted(set(hs2.loc[hs2["value_usd"] > 0, "code"]) - covered)
    if bare:
        raise DataFileError(f"chapter {bare[0]} has imports but no HTS10 line to spread them on")
    missing = sorted(EU_MEMBERS - set(partners))
    if missing:
        raise DataFileError(f"EU member {missing[0]} has no 2024 imports in the HS2 file")


def _steps(
    positions: npt.NDArray[np.int64], indptr: npt.NDArray[np.int64]
) -> npt.NDArray[np.uint16]:
    """Distances between successive line positions within each partner (see the docstring)."""
    steps = np.diff(positions, prepend=-1)
    starts = indptr[:-1][indptr[:-1] < indptr[1:]]
    steps[starts] = positions[starts] + 1
    if steps.min() < 1 or steps.max() > np.iinfo(np.uint16).max:
        raise DataFileError("HTS10 lines are not in ascending order within a partner")
    return steps.astype(np.uint16)


def build_census_trade(context: BuildContext) -> Mapping[str, object]:
    """Write ``us_imports_2024.npz`` (see the module docstring) and return build facts."""
    hs2 = load_census_imports(context.source("census_imports_hs2_2024"))
    year = int(hs2.attrs["provenance"]["year"])
    if year != TRADE_YEAR:
        raise DataFileError(f"the HS2 file holds {year}, not {TRADE_YEAR}")
    hts10 = load_census_imports(context.source("census_imports_hts10_2024"), year=TRADE_YEAR)
    codes = load_census_country_codes(context.source("census_country_iso3"))
    extra = read_table(embedded_dir() / EXTRA_CODES_TABLE, ["census_code", "iso3"])
    mapping = census_iso3(codes, extra)
    hs2 = _with_iso3(hs2, mapping, "HS2 file")
    hts10 = _with_iso3(hts10, mapping, "HTS10 file")

    countries = hs2[hs2["iso3"] != EUN]
    totals = countries.groupby("iso3")["value_usd"].sum()
    partners = sorted(totals[totals > 0].index)
    chapters = sorted(hs2["code"].unique())
    line_partners = [*sorted(set(hts10["iso3"]) - {EUN}), EUN]
    _check_sums(hs2, hts10, partners, line_partners)

    first = countries.drop_duplicates("census_code").sort_values("census_code")
    names = first.groupby("iso3")["name"].first().reindex(partners)
    census_codes = first.groupby("iso3")["census_code"].agg("+".join).reindex(partners)

    lines = sorted(hts10["code"].unique())
    position = {code: k for k, code in enumerate(lines)}
    hts10 = hts10.assign(
        q=hts10["iso3"].map({code: k for k, code in enumerate(line_partners)}),
        line=hts10["code"].map(position),
    )
    hts10 = (
        hts10.groupby(["q", "line"], as_index=False)[["value_usd", "duties_usd"]]
        .sum()
        .sort_values(["q", "line"])
    )
    counts = np.bincount(hts10["q"].to_numpy(), minlength=len(line_partners))
    indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    eu = hs2[hs2["iso3"] == EUN].set_index("code").reindex(chapters).fillna(0)
    arrays: dict[str, npt.NDArray[np.generic]] = {
        "year": np.array(TRADE_YEAR, dtype=np.int64),
        "partners": np.array(partners, dtype="U3"),
        "names": np.array(names.to_list(), dtype=str),
        "census_codes": np.array(census_codes.to_list(), dtype=str),
        "chapters": np.array(chapters, dtype="U2"),
        "chapter_values": _dense(countries, chapters, partners, "code", "value_usd"),
        "chapter_duties": _dense(countries, chapters, partners, "code", "duties_usd"),
        "eu_chapter_values": eu["value_usd"].to_numpy(dtype=np.int64),
        "eu_chapter_duties": eu["duties_usd"].to_numpy(dtype=np.int64),
        "lines": np.array(lines, dtype="U10"),
        "line_partners": np.array(line_partners, dtype="U3"),
        "line_indptr": indptr,
        "line_step": _steps(hts10["line"].to_numpy(dtype=np.int64), indptr),
        "line_values": hts10["value_usd"].to_numpy(dtype=np.int64),
        "line_duties": hts10["duties_usd"].to_numpy(dtype=np.int64),
    }
    write_arrays(arrays, context.output(TRADE_ARRAYS))
    value = arrays["chapter_values"]
    special = np.isin(arrays["chapters"], ["98", "99"])
    return {
        "year": TRADE_YEAR,
        "partners": len(partners),
        "hts10_partners": len(line_partners) - 1,
        "hts10_lines": len(lines),
        "hts10_rows": int(indptr[-1]),
        "chapters": len(chapters),
        "imports_usd_bn": round(float(value.sum()) / 1e9, 3),
        "duties_usd_bn": round(float(arrays["chapter_duties"].sum()) / 1e9, 3),
        "imports_chapters_98_99_usd_bn": round(float(value[special].sum()) / 1e9, 3),
        "eu_imports_usd_bn": round(float(arrays["eu_chapter_values"].sum()) / 1e9, 3),
    }


BUILDER = Builder(
    name="census_trade",
    description="2024 US imports for consumption and calculated duties by partner (ISO3) x HS2 "
    "chapter, and by HTS10 line for the 50 partners and the EU that Census gives lines for",
    sources=(
        "census_imports_hs2_2024",
        "census_imports_hts10_2024",
        "census_country_iso3",
    ),
    outputs=(TRADE_ARRAYS,),
    function=build_census_trade,
)
