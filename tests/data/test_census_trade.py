"""The 2024 line-level trade baseline (builder ``census_trade``) against its Census sources.

The sources are the Census files in ``../shared/data/a_trade`` (MANIFEST.md): imports for
consumption and calculated duties by HS2 x 225 partners + the EU aggregate, and by HTS10 for
50 countries + the EU aggregate. Published totals (general imports, a slightly different
basis; MANIFEST.md): Mexico $505.9 bn, China $438.9 bn, Japan $148.2 bn, Vietnam $136.6 bn,
Korea $131.5 bn, India $87.4 bn; all countries about $3,270 bn; customs duties about $77 bn.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tariffscope.config import embedded_dir
from tariffscope.data.builders import BuildContext
from tariffscope.data.builders.census_trade import (
    BUILDER,
    EXTRA_CODES_TABLE,
    build_census_trade,
)
from tariffscope.data.line_trade import load_line_trade, trade_partners
from tariffscope.data.loaders import load_census_imports
from tariffscope.data.tables import sha256_file
from tariffscope.domain.countries import EU_MEMBERS
from tariffscope.errors import DataFileError, InputError, NotCoveredError

pytestmark = pytest.mark.issue(9)

HS2 = "data/a_trade/census_us_imports_for_consumption_hs2_by_country_2024.csv.gz"
HTS10 = "data/a_trade/census_us_imports_for_consumption_hts10_51partners_2024.csv.gz"
PUBLISHED_GENERAL_IMPORTS_USD = {
    "MEX": 505.9e9,
    "CHN": 438.9e9,
    "JPN": 148.2e9,
    "VNM": 136.6e9,
    "KOR": 131.5e9,
    "IND": 87.4e9,
}


@pytest.fixture(scope="module")
def hs2(shared: Path) -> pd.DataFrame:
    return load_census_imports(shared / HS2)


@pytest.fixture(scope="module")
def iso3(shared: Path) -> dict[str, str]:
    from tariffscope.data.builders.census_trade import census_iso3
    from tariffscope.data.loaders import load_census_country_codes
    from tariffscope.data.tables import read_table

    codes = load_census_country_codes(shared / "data/a_trade/census_cty_code_to_iso3.csv")
    extra = read_table(embedded_dir() / EXTRA_CODES_TABLE, ["census_code", "iso3"])
    return census_iso3(codes, extra)


@pytest.mark.shared
def test_every_partners_total_equals_the_hs2_file(hs2: pd.DataFrame, iso3: dict[str, str]) -> None:
    countries = hs2[hs2["census_code"] != "0003"]
    expected = countries.groupby(countries["census_code"].map(iso3))[
        ["value_usd", "duties_usd"]
    ].sum()
    trade = load_line_trade("hts10")
    assert sorted(trade.partners) == sorted(expected.index)  # every Census country is a partner
    totals = trade.totals().set_index("partner")
    np.testing.assert_array_equal(totals["value_usd"], expected["value_usd"].reindex(totals.index))
    np.testing.assert_array_equal(
        totals["duties_usd"], expected["duties_usd"].reindex(totals.index)
    )
    # and line by line: every partner's lines add up to its total (spread or observed)
    np.testing.assert_allclose(trade.values.sum(axis=0), totals["value_usd"], rtol=1e-12)
    np.testing.assert_allclose(trade.duties.sum(axis=0), totals["duties_usd"], rtol=1e-12)


@pytest.mark.shared
def test_hts10_partners_lines_are_census_lines(shared: Path, iso3: dict[str, str]) -> None:
    lines = load_census_imports(shared / HTS10, year=2024)
    lines = lines[lines["census_code"] != "0003"]
    trade = load_line_trade("hts10")
    observed = [p for p, d in zip(trade.partners, trade.detail, strict=True) if d == "hts10"]
    assert len(observed) == 50 and "SVK" in observed
    position = {code: k for k, code in enumerate(trade.codes)}
    for partner in ("JPN", "KOR", "MEX", "SVK", "AGO"):
        mine = lines[lines["census_code"].map(iso3) == partner]
        column = trade.values[:, trade.index(partner)]
        rows = mine["code"].map(position).to_numpy()
        np.testing.assert_array_equal(column[rows], mine["value_usd"].to_numpy())
        assert column.sum() == mine["value_usd"].sum()
    # the manifest's checks: cars from Japan and Korea, Mexico's chapter 87
    cars = np.char.startswith(trade.codes, "8703")
    assert trade.values[cars, trade.index("JPN")].sum() == pytest.approx(41.90e9, abs=0.01e9)
    assert trade.values[cars, trade.index("KOR")].sum() == pytest.approx(36.86e9, abs=0.01e9)
    ch87 = np.char.startswith(trade.codes, "87")
    assert trade.values[ch87, trade.index("MEX")].sum() == pytest.approx(135.4e9, abs=0.05e9)


@pytest.mark.shared
def test_hts10_partners_line_sums_equal_their_hs2_chapters(
    hs2: pd.DataFrame, iso3: dict[str, str]
) -> None:
    trade = load_line_trade("hts10")
    table = hs2[hs2["census_code"] != "0003"].assign(iso3=lambda f: f["census_code"].map(iso3))
    for k, partner in enumerate(trade.partners):
        if trade.detail[k] != "hts10":
            continue
        by_chapter = np.bincount(trade.chapter_of, weights=trade.values[:, k])
        expected = (
            table[table["iso3"] == partner].set_index("code")["value_usd"].reindex(trade.chapters)
        )
        np.testing.assert_array_equal(by_chapter, expected.fillna(0).to_numpy())


@pytest.mark.shared
def test_eu_members_sum_to_the_eu_aggregate(hs2: pd.DataFrame) -> None:
    trade = load_line_trade("hts10")
    members = trade.columns("EUN")
    assert {trade.partners[k] for k in members} == EU_MEMBERS
    eu = hs2[hs2["census_code"] == "0003"].set_index("code").reindex(trade.chapters).fillna(0)
    np.testing.assert_array_equal(
        trade.chapter_values[:, members].sum(axis=1), eu["value_usd"].to_numpy()
    )
    # line by line too: Slovakia's own lines plus the others' EU mix give the aggregate's lines
    aggregate = trade.observed[:, trade.observed_partners.index("EUN")]
    np.testing.assert_allclose(trade.bloc_values("EUN"), aggregate, rtol=1e-9, atol=1e-3)
    assert {d for p, d in zip(trade.partners, trade.detail, strict=True) if p in EU_MEMBERS} == {
        "hts10",
        "eu_mix",
    }


def test_spread_partners_keep_their_chapter_totals() -> None:
    trade = load_line_trade("hts10")
    spread = [k for k, d in enumerate(trade.detail) if d != "hts10"]
    assert len(spread) == 174  # 148 spread by the HS2 mix, 26 EU members by the EU mix
    for k in spread:
        by_chapter = np.bincount(
            trade.chapter_of, weights=trade.values[:, k], minlength=len(trade.chapters)
        )
        np.testing.assert_allclose(by_chapter, trade.chapter_values[:, k], rtol=1e-9, atol=1e-3)
        duties = np.bincount(
            trade.chapter_of, weights=trade.duties[:, k], minlength=len(trade.chapters)
        )
        np.testing.assert_allclose(duties, trade.chapter_duties[:, k], rtol=1e-9, atol=1e-3)


def test_a_spread_partner_takes_the_mix_of_the_partners_with_lines() -> None:
    trade = load_line_trade("hts10")
    mauritius = trade.values[:, trade.index("MUS")]
    chapter = trade.chapters.index("61")  # knitted apparel, Mauritius's main export
    lines = trade.chapter_of == chapter
    others = [q for q, p in enumerate(trade.observed_partners) if p not in EU_MEMBERS]
    mix = trade.observed[lines][:, others].sum(axis=1)
    np.testing.assert_allclose(
        mauritius[lines], trade.chapter_values[chapter, trade.index("MUS")] * mix / mix.sum()
    )


def test_hts8_level_sums_hts10_lines() -> None:
    hts10, hts8 = load_line_trade("hts10"), load_line_trade("hts8")
    assert hts8.level == "hts8" and len(hts8.codes) < len(hts10.codes)
    np.testing.assert_allclose(hts8.values.sum(axis=0), hts10.values.sum(axis=0), rtol=1e-12)
    jpn = hts8.index("JPN")
    line = int(np.flatnonzero(hts8.codes == "87032301")[0])
    inside = np.char.startswith(hts10.codes, "87032301")
    assert hts8.values[line, jpn] == pytest.approx(hts10.values[inside, jpn].sum())


def test_chapters_98_99_are_kept_and_flagged() -> None:
    trade = load_line_trade("hts10")
    special = ~trade.covered
    assert set(np.asarray(trade.chapters)[trade.chapter_of[special]]) == {"98", "99"}
    assert trade.values[special].sum() == pytest.approx(127.4e9, rel=0.001)


@pytest.mark.parametrize(("partner", "published"), sorted(PUBLISHED_GENERAL_IMPORTS_USD.items()))
def test_totals_against_published_general_imports(partner: str, published: float) -> None:
    totals = load_line_trade("hts10").totals().set_index("partner")["value_usd"]
    assert totals[partner] == pytest.approx(published, rel=0.04)


def test_all_partners_and_duties_against_published_totals() -> None:
    totals = load_line_trade("hts10").totals()
    assert totals["value_usd"].sum() == pytest.approx(3270e9, rel=0.01)
    assert totals["duties_usd"].sum() == pytest.approx(77e9, rel=0.02)


def test_trade_partners_and_codes() -> None:
    partners = trade_partners()
    assert len(partners) == 225 and "EUN" in partners
    assert {"KOR", "VNM", "MUS", "FJI", "PSE", "GRL"} <= partners
    assert not {"PRK", "CUB", "PRI", "USA"} & partners
    trade = load_line_trade("hts10")
    with pytest.raises(NotCoveredError) as caught:
        trade.members("PRK")
    assert caught.value.what == "PRK"
    assert trade.members("EUN") == tuple(sorted(EU_MEMBERS))
    with pytest.raises(InputError):
        load_line_trade("hs6")  # type: ignore[arg-type]


@pytest.mark.shared
def test_census_codes_named_alike_in_the_census_list(shared: Path) -> None:
    names = pd.read_csv(shared / "data/x_concordances/census_country_codes.csv", dtype=str)
    names = names.set_index("Code")["Name"]
    extra = pd.read_csv(embedded_dir() / EXTRA_CODES_TABLE, dtype=str)
    for code, name in zip(extra["census_code"], extra["census_name"], strict=True):
        assert name.split(",")[0][:12] == names[code].split(",")[0][:12], code


@pytest.mark.shared
def test_builder_is_deterministic_and_matches_the_committed_table(
    tmp_path: Path, shared: Path
) -> None:
    facts = build_census_trade(BuildContext(out_dir=tmp_path, shared=shared))
    for name in BUILDER.outputs:
        assert sha256_file(tmp_path / name) == sha256_file(embedded_dir() / name), name
    assert facts["partners"] == 224 and facts["hts10_partners"] == 50
    # derived, not a copy: far smaller than the HTS10 source
    assert (embedded_dir() / BUILDER.outputs[0]).stat().st_size < (shared / HTS10).stat().st_size


def test_census_code_table_checks() -> None:
    from tariffscope.data.builders.census_trade import census_iso3

    codes = pd.DataFrame({"census_code": ["5880"], "iso3": ["JPN"]})
    with pytest.raises(DataFileError, match="already"):
        census_iso3(codes, pd.DataFrame({"census_code": ["5880"], "iso3": ["KOR"]}))
    with pytest.raises(DataFileError, match="ISO 3166"):
        census_iso3(codes, pd.DataFrame({"census_code": ["9999"], "iso3": ["XXX"]}))


def test_census_loader_errors(tmp_path: Path) -> None:
    hs2 = tmp_path / "hs2.csv"
    hs2.write_text(
        "CTY_CODE,CTY_NAME,HS2,CON_VAL_YR_2024,CAL_DUT_YR_2024\n5880,JAPAN,87,10,1\n"
        "5880,JAPAN,8x,5,0\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"'HS2', line 3"):
        load_census_imports(hs2)
    hs2.write_text(
        "CTY_CODE,CTY_NAME,HS2,CON_VAL_YR_2024,CAL_DUT_YR_2024\n5880,JAPAN,87,-10,1\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="negative"):
        load_census_imports(hs2)
    lines = tmp_path / "hts10.csv"
    lines.write_text(
        "CTY_CODE,CTY_NAME,HTS10,CON_VAL_YR,CAL_DUT_YR\n5880,JAPAN,8703230190,10,0\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="data year"):
        load_census_imports(lines)
    frame = load_census_imports(lines, year=2024)
    assert frame.attrs["provenance"]["level"] == "hts10"
    assert frame["code"].tolist() == ["8703230190"] and frame["value_usd"].tolist() == [10]
