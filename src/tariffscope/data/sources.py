"""The official source files tariffscope builds its tables from: where to get them and how
to recognize them.

Each :class:`Source` names a public file by its official URL and, where known, its SHA-256.
:func:`locate` finds a local copy: in the shared folder of public files (``../shared``, or
``TARIFFSCOPE_SHARED_DIR``) or in the download cache that ``tariffscope data fetch`` fills
(``<user data dir>/sources``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tariffscope.config import shared_dir, user_dir
from tariffscope.errors import DataUnavailableError, InputError

__all__ = [
    "SOURCES",
    "Source",
    "SourceLocation",
    "get_source",
    "locate",
    "sources_dir",
    "where",
]

SourceLocation = Literal["shared", "fetched", "missing"]


@dataclass(frozen=True)
class Source:
    """A public source file.

    Attributes
    ----------
    name
        Short identifier used on the command line (``hts_2025_basic_edition``).
    title
        What the file is, for people.
    url
        The official download address.
    sha256
        SHA-256 of the file's bytes, or None when no trusted copy was hashed.
    filename
        The file's name in the download cache.
    shared_path
        Its path under the shared folder, or None if the shared folder has no copy.
    license
        Terms of use, as stated by the publisher.
    """

    name: str
    title: str
    url: str
    sha256: str | None
    filename: str
    shared_path: str | None = None
    license: str = ""


HTS_2025_BASIC_EDITION = Source(
    name="hts_2025_basic_edition",
    title="USITC Harmonized Tariff Schedule of the United States, 2025 Basic Edition (CSV)",
    url="https://www.usitc.gov/sites/default/files/tata/hts/hts_2025_basic_edition_csv.csv",
    # SHA-256 of the shared copy, a byte copy of the USITC file (shared/data/MANIFEST.md).
    sha256="4c2561c9ca7c94d2ee368f0bb7b32c714ba0f1bfeecc7a05f1fcdf2fae509a73",
    filename="hts_2025_basic_edition_csv.csv",
    shared_path="data/b_tariff_schedule/hts_2025_basic_edition.csv",
    license="US government work (public domain)",
)

# --- Trade baseline, concordances and elasticities (builder data/builders/trade.py) ---------
# Byte copies carry the SHA-256 of the shared copy. Files the shared folder holds only as a
# CSV conversion of an R/Stata file (.rda, .RData, .dta) have sha256=None: their URL is the
# original binary, which `data fetch` can download but the CSV loaders cannot read.
_BL_MODEL = "https://raw.githubusercontent.com/Budget-Lab-Yale/Tariff-Model/82cfad3dc1f5d15620469daf230aa6e41a7b9584"
_BL_ETRS = "https://raw.githubusercontent.com/Budget-Lab-Yale/Tariff-ETRs/ffc01053986e7d7c61e9922ed7deb16d5057ab0b"
_BL_EVAL = "https://raw.githubusercontent.com/Budget-Lab-Yale/tariff-etr-eval/5c53e393348aa73e8f1b11da9608c3603945a13a"
_HAUK = "https://raw.githubusercontent.com/BillHauk/tradeelasticityestimates/0ab196e3b3fd1fe541488da8b90e8eb80a0835aa"
_CONCORDANCE = "https://raw.githubusercontent.com/insongkim/concordance/201c812e51f213d967d8701b6ed6398c79df4a04"

TRADE_SOURCES: tuple[Source, ...] = (
    Source(
        name="budgetlab_us_imports_gtap45",
        title="Budget Lab: US imports by 45 GTAP goods sectors x 8 partner groups (US$; year "
        "undocumented, inferred 2024)",
        url=f"{_BL_MODEL}/resources/gtap_baseline/import_baseline_dollars.csv",
        sha256="bd63e18573198af16bf7ae4892d52e115ce30dc1d55c60496e7e2183bf754f07",
        filename="import_baseline_dollars.csv",
        shared_path="data/a_trade/budgetlab_us_imports_gtap45_by_partner_usd.csv",
        license="no LICENSE file in the repository",
    ),
    Source(
        name="gtap_commodity_dictionary",
        title="Budget Lab: GTAP 11 commodity codes and descriptions",
        url=f"{_BL_EVAL}/data/gtap_output/gtap_commodity_dictionary.csv",
        sha256="9703d547e66863b37d0baf1221eb8d73973185d6283231e9cead4dbba5b5ebe2",
        filename="gtap_commodity_dictionary.csv",
        shared_path="data/a_trade/gtap_commodity_dictionary.csv",
        license="MIT",
    ),
    Source(
        name="hs6_gtap_crosswalk",
        title="Budget Lab: HS6 (HS 2022) -> GTAP sector crosswalk",
        url=f"{_BL_ETRS}/resources/hs6_gtap_crosswalk.csv",
        sha256="6ff6d5e7f07cb626efcf233344f22b06531f867d61032e8048753f1858f33344",
        filename="hs6_gtap_crosswalk.csv",
        shared_path="data/a_trade/hs6_gtap_crosswalk.csv",
        license="no license stated",
    ),
    Source(
        name="cepii_protee_hs6",
        title="CEPII ProTEE 0.1 HS6 trade elasticities (Fontagne, Guimbard & Orefice 2022)",
        url="https://raw.githubusercontent.com/nikhilm2009/us-china-tariff-disruption/"
        "8a0f0ad9639e0d45c565ca92aa070ef58761f934/data_raw/ProTEE_0_1.csv",
        sha256="2c59dab916c7879ee825a32e168d0a14cfaad634676415c59c99a3f4e17d9b64",
        filename="ProTEE_0_1.csv",
        shared_path="data/c_elasticities/cepii_ProTEE_0_1_hs6.csv",
        license="CEPII terms of use",
    ),
    Source(
        name="hauk2012_hs6_import_demand",
        title="Hauk (2012) US import-demand elasticities by HS6 (shared copy: CSV of the .dta)",
        url=f"{_HAUK}/imports/hs6imports/hs6elasticities.dta",
        sha256=None,
        filename="hs6elasticities.dta",
        shared_path="data/c_elasticities/hauk2012_us_imports_hs6elasticities.csv.gz",
        license="no license stated",
    ),
    Source(
        name="hauk2012_hs6_substitution",
        title="Hauk (2012) US elasticities of substitution among import varieties by HS6 "
        "(shared copy: CSV of the .dta)",
        url=f"{_HAUK}/imports/hs6imports/hs6substitution2.dta",
        sha256=None,
        filename="hs6substitution2.dta",
        shared_path="data/c_elasticities/hauk2012_us_imports_hs6substitution2.csv.gz",
        license="no license stated",
    ),
    Source(
        name="broda_weinstein_hs0",
        title="Broda & Weinstein (2006) elasticities of substitution by importer x HS0 3-digit "
        "(shared copy: CSV of sigma_hs0.RData)",
        url=f"{_CONCORDANCE}/data/sigma_hs0.RData",
        sha256=None,
        filename="sigma_hs0.RData",
        shared_path="data/c_elasticities/broda_weinstein_sigma_hs0_3digit_73countries.csv",
        license="MIT (R package concordance)",
    ),
    *(
        Source(
            name=f"hs{new}_to_hs{old}",
            title=f"HS {new} -> HS {old} concordance at HS6 (shared copy: CSV of {rda})",
            url=f"{_CONCORDANCE}/data/{rda}",
            sha256=None,
            filename=rda,
            shared_path=f"data/x_concordances/hs{new}_to_hs{old}_hs6.csv",
            license="MIT (R package concordance)",
        )
        for new, old, rda in (
            (2022, 2017, "hs6_hs5.RData"),
            (2017, 2012, "hs5_hs4.RData"),
            (2012, 2007, "hs4_hs3.RData"),
        )
    ),
    Source(
        name="japan_mof_trade_by_area_goods",
        title="Japan MOF trade by area x principal commodity, annual, billion yen (shared copy: "
        "CSV of mitsuoxv/jp-trade data/trade_year.rda)",
        url="https://raw.githubusercontent.com/mitsuoxv/jp-trade/"
        "a66ddb14f8406405522c1feedb119e8b1b0f8435/data/trade_year.rda",
        sha256=None,
        filename="trade_year.rda",
        shared_path="data/a_trade/japan_mof_trade_by_area_goods_annual_2009_2026_bn_yen.csv.gz",
        license="MIT (repository); data from Japan Customs",
    ),
)

_BL_TRACKER = (
    "https://raw.githubusercontent.com/Budget-Lab-Yale/tariff-rate-tracker/"
    "8315fffd697c42559141ed5f8bf7c8fa3da47ae8"
)

# --- 2024 US imports by partner and tariff line (builder data/builders/census_trade.py) -----
# The shared copies of the Census answers are concatenations / conversions made from the files
# of github.com/tradewartracker/trade-war-redux-2025 @ 726c595 (shared/data/MANIFEST.md), not
# byte copies of one download, so they carry no checksum; the URL is the official API query.
_CENSUS_API = "https://api.census.gov/data/timeseries/intltrade/imports/hs"

#: Sources of the line-level trade baseline (tariffscope.data.line_trade).
CENSUS_SOURCES: tuple[Source, ...] = (
    Source(
        name="census_imports_hs2_2024",
        title="US Census Bureau: US imports for consumption and calculated duties, 2024, by "
        "HS2 chapter x 225 partners + the EU (shared copy: tradewartracker data-hs2 files)",
        url=f"{_CENSUS_API}?get=CTY_CODE,CTY_NAME,I_COMMODITY,CON_VAL_YR,CAL_DUT_YR"
        "&COMM_LVL=HS10&time=2024-12",
        sha256=None,
        filename="census_us_imports_for_consumption_hs2_by_country_2024.csv.gz",
        shared_path="data/a_trade/census_us_imports_for_consumption_hs2_by_country_2024.csv.gz",
        license="US Census Bureau (public domain); copies from an MIT repository",
    ),
    Source(
        name="census_imports_hts10_2024",
        title="US Census Bureau: US imports for consumption and calculated duties, 2024, by "
        "HTS10 x 50 partners + the EU (shared copy: CSV of tradewartracker parquet files)",
        url=f"{_CENSUS_API}?get=CTY_CODE,CTY_NAME,I_COMMODITY,CON_VAL_YR,CAL_DUT_YR"
        "&COMM_LVL=HS10&time=2024-12",
        sha256=None,
        filename="census_us_imports_for_consumption_hts10_51partners_2024.csv.gz",
        shared_path="data/a_trade/census_us_imports_for_consumption_hts10_51partners_2024.csv.gz",
        license="US Census Bureau (public domain); copies from an MIT repository",
    ),
    Source(
        name="census_country_iso3",
        title="Census Schedule C country code -> ISO3 (Budget Lab Tariff-ETRs)",
        url=f"{_BL_ETRS}/resources/census_to_iso3.csv",
        sha256="c8555474162f3990fe789054be5d18f935ff67e5f046ed7efc581c727690e39f",
        filename="census_to_iso3.csv",
        shared_path="data/a_trade/census_cty_code_to_iso3.csv",
        license="no license stated",
    ),
)

# --- USMCA claim shares (builder data/builders/usmca_shares.py) -------------------------------
# Budget Lab's shares of Canadian and Mexican imports for consumption by HTS10 that entered under
# USMCA (Special Program Indicator S or S+), from USITC DataWeb queries with and without the SPI
# filter (their docs/assumptions.md section 3, src/download_usmca_dataweb.R). The shared copies are
# gzips of the repository's files (the monthly one concatenates its 14 monthly files with a
# ``month`` column), so the checksums are those of the shared copies.
_BL_USMCA = f"{_BL_TRACKER}/resources/usmca_product_shares"

#: Sources of the USMCA claim shares (tariffscope.data.usmca_shares).
USMCA_SOURCES: tuple[Source, ...] = (
    Source(
        name="usmca_shares_2024",
        title="Budget Lab: share of 2024 imports for consumption from Canada and Mexico by HTS10 "
        "entered under USMCA (SPI S/S+), from USITC DataWeb (gzip of the repository file)",
        url=f"{_BL_USMCA}_2024.csv",
        sha256="3aa29852dd8e2f7d05d0d815fe111e0057742d44cc18504ec45196cc53163f64",
        filename="budgetlab_usmca_shares_hts10_annual_2024.csv.gz",
        shared_path="data/a_trade/budgetlab_usmca_shares_hts10_annual_2024.csv.gz",
        license="MIT (repository); data USITC DataWeb",
    ),
    Source(
        name="usmca_shares_2025",
        title="Budget Lab: the same shares for 2025 (gzip of the repository file)",
        url=f"{_BL_USMCA}_2025.csv",
        sha256="472e64f28652370450e61fe05cf23f05e6174f1075610378a2266189cb58ea6f",
        filename="budgetlab_usmca_shares_hts10_annual_2025.csv.gz",
        shared_path="data/a_trade/budgetlab_usmca_shares_hts10_annual_2025.csv.gz",
        license="MIT (repository); data USITC DataWeb",
    ),
    Source(
        name="usmca_shares_monthly",
        title="Budget Lab: the same shares by month, January 2025 to February 2026, with the "
        "month's total and USMCA values (the 14 files usmca_product_shares_YYYY_MM.csv "
        "concatenated with a month column)",
        url=f"{_BL_USMCA}_2025_01.csv",
        sha256="a9fade5d675dadbf1b234affa99dec8d8a6d47cb22b25c2286cf3d643aecb818",
        filename="budgetlab_usmca_shares_hts10_monthly_2025_01_to_2026_02.csv.gz",
        shared_path="data/a_trade/budgetlab_usmca_shares_hts10_monthly_2025_01_to_2026_02.csv.gz",
        license="MIT (repository); data USITC DataWeb",
    ),
)

#: Sources of the measure catalog's product lists (tariffscope.regime.product_lists).
REGIME_SOURCES: tuple[Source, ...] = (
    Source(
        name="htsus_2026rev6_chapter99_text",
        title="USITC HTSUS 2026 Revision 6, chapter 99 text (U.S. notes and headings), gzip",
        url=f"{_BL_TRACKER}/data/us_notes/chapter99_2026_rev_6.txt",
        sha256="35b788e27d3f47c3b28290346e42a7b8884759469a9271f1779556d69d54d1e8",
        filename="htsus_2026rev6_chapter99_text.txt.gz",
        shared_path="data/e_policy/htsus_2026rev6_chapter99_text.txt.gz",
        license="USITC (US government work)",
    ),
    Source(
        name="budgetlab_s232_auto_parts",
        title="CBP Automobile Parts HTS List (Attachment 2, 1 May 2025), as kept by Budget Lab",
        url=f"{_BL_TRACKER}/resources/s232_auto_parts.txt",
        sha256="8d2214ecb718bdd3db9e21a313665e4815972c0f7a099115c843e5254569411b",
        filename="s232_auto_parts.txt",
        shared_path="data/b_tariff_schedule/budgetlab_s232_auto_parts_hts.txt",
        license="MIT (repository); list from CBP",
    ),
    Source(
        name="budgetlab_s232_derivatives",
        title="Section 232 steel and aluminum derivative HTS8 prefixes with effective dates",
        url=f"{_BL_TRACKER}/resources/s232_derivative_products.csv",
        sha256="32863a937fcd82752bb27ba457c19a60c56e12f7cf463068e3326635d40781c8",
        filename="s232_derivative_products.csv",
        shared_path="data/b_tariff_schedule/budgetlab_s232_steel_alu_derivative_hts8.csv",
        license="MIT (repository)",
    ),
    Source(
        name="budgetlab_floor_exempt",
        title="Products relieved under the EU, Japan, Korea and Swiss deals, by HTS8 (HTS ch.99)",
        url=f"{_BL_TRACKER}/resources/floor_exempt_products.csv",
        sha256="61b9f14d1fce60dfda48f5bd16e081075d3a8f01b3c5d83abf1cb0290ce3c022",
        filename="floor_exempt_products.csv",
        shared_path="data/b_tariff_schedule/budgetlab_floor_exempt_products_hts8.csv",
        license="MIT (repository)",
    ),
)

#: Every known source by name. Add new sources here.
SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        HTS_2025_BASIC_EDITION,
        *TRADE_SOURCES,
        *REGIME_SOURCES,
        *CENSUS_SOURCES,
        *USMCA_SOURCES,
    )
}


def get_source(name: str) -> Source:
    """The source called ``name``; raises InputError listing the known names."""
    try:
        return SOURCES[name]
    except KeyError:
        raise InputError(
            f"unknown source {name!r}", hint=f"known sources: {', '.join(sorted(SOURCES))}"
        ) from None


def sources_dir() -> Path:
    """The download cache of source files (created on demand)."""
    path = user_dir() / "sources"
    path.mkdir(parents=True, exist_ok=True)
    return path


def where(source: Source, shared: Path | None = None) -> tuple[SourceLocation, Path | None]:
    """Where a local copy of ``source`` is: ``("shared", path)``, ``("fetched", path)`` or
    ``("missing", None)``.

    Parameters
    ----------
    shared
        The shared folder to look in; default the configured one, if present.
    """
    base = shared if shared is not None else shared_dir(required=False)
    if base is not None and source.shared_path is not None:
        candidate = base / source.shared_path
        if candidate.is_file():
            return "shared", candidate
    cached = sources_dir() / source.filename
    if cached.is_file():
        return "fetched", cached
    return "missing", None


def locate(source: Source, shared: Path | None = None) -> Path:
    """A local copy of ``source``, from the shared folder or the download cache.

    Raises
    ------
    DataUnavailableError
        If neither has it; the hint says how to get it.
    """
    _, path = where(source, shared)
    if path is None:
        raise DataUnavailableError(
            f"source {source.name} ({source.url}) is not available locally",
            hint=f"run `tariffscope data fetch {source.name}` or pass --shared DIR",
        )
    return path
