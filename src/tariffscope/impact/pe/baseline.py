"""The embedded default baseline: US imports by GTAP goods sector and partner, with elasticities.

Built by ``tariffscope data build trade`` (see ``data/embedded/PROVENANCE.md``): 45 GTAP goods
sectors x 7 partners (JPN, CHN, CAN, MEX, EUN, GBR, ROW), US dollars, year inferred 2024, with
sector import-demand and substitution elasticities and the spread of each estimate.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.config import embedded_dir
from tariffscope.data.tables import read_table
from tariffscope.errors import DataFileError, InputError

__all__ = [
    "SIGMA_SOURCES",
    "SectorBaseline",
    "SigmaSource",
    "load_sector_baseline",
    "sector_composition",
    "sector_hs6_map",
]

FloatArray = npt.NDArray[np.float64]

#: Sources of the elasticity of substitution between partners (``docs/models.md``).
SigmaSource = Literal["hauk", "broda_weinstein", "protee", "mixed"]
SIGMA_SOURCES: tuple[str, ...] = get_args(SigmaSource)
_SIGMA_COLUMNS = {
    "hauk": "substitution",
    "broda_weinstein": "substitution_bw",
    "protee": "substitution_protee",
}
_SIGMA_LABELS = {
    "hauk": "Hauk (2012) HS6 substitution among US import varieties",
    "broda_weinstein": "Broda & Weinstein (2006) US, HS0 3-digit",
    "protee": "CEPII ProTEE 0.1 (Fontagné, Guimbard & Orefice 2022)",
    "mixed": "geometric mean of Hauk (2012), Broda & Weinstein (2006) and CEPII ProTEE; "
    "Monte Carlo draws pick one of the three at random",
}


@dataclass(frozen=True)
class SectorBaseline:
    """Imports of one importer by sector and partner, with sector elasticities.

    Attributes
    ----------
    importer
        ISO3 code of the importer (``USA``).
    sectors, descriptions
        GTAP sector codes and names, ``[S]``.
    partners
        Partner codes, ``[P]`` (``EUN`` the EU, ``ROW`` everyone else).
    imports
        Imports at world prices, US dollars, ``[S, P]``.
    import_demand, import_demand_log_sd
        Import-demand elasticity (magnitude) by sector and the standard deviation of its log.
    substitution, substitution_log_sd
        Elasticity of substitution between partners by sector, and the sd of its log.
    year, sources
        Data year and a short citation of each input.
    substitution_alternatives
        Source name -> ``(central [S], log_sd [S])`` for every source of the substitution
        elasticity; Monte Carlo draws from all of them when ``sigma_source`` is ``"mixed"``.
    sigma_source
        Which source gives ``substitution``.
    """

    importer: str
    sectors: tuple[str, ...]
    descriptions: tuple[str, ...]
    partners: tuple[str, ...]
    imports: FloatArray
    import_demand: FloatArray
    import_demand_log_sd: FloatArray
    substitution: FloatArray
    substitution_log_sd: FloatArray
    year: int
    sources: dict[str, str]
    substitution_alternatives: dict[str, tuple[FloatArray, FloatArray]]
    sigma_source: SigmaSource = "hauk"

    def partner_index(self, partner: str) -> int:
        """Position of ``partner``; InputError names the known partners."""
        try:
            return self.partners.index(partner)
        except ValueError:
            raise InputError(
                f"partner {partner!r} is not in the baseline",
                hint=f"partners: {', '.join(self.partners)}",
            ) from None

    def to_frame(self) -> pd.DataFrame:
        """One row per sector x partner with imports and the sector elasticities."""
        s, p = self.imports.shape
        return pd.DataFrame(
            {
                "gtap_code": np.repeat(self.sectors, p),
                "description": np.repeat(self.descriptions, p),
                "partner": np.tile(self.partners, s),
                "imports_usd": self.imports.ravel(),
                "import_demand": np.repeat(self.import_demand, p),
                "substitution": np.repeat(self.substitution, p),
            }
        )


def load_sector_baseline(sigma_source: SigmaSource = "hauk") -> SectorBaseline:
    """The embedded US import baseline (45 GTAP goods sectors x 7 partners, 2024).

    Parameters
    ----------
    sigma_source
        Which estimates give the elasticity of substitution between partners: ``"hauk"``
        (default; short-run, US HS6), ``"broda_weinstein"``, ``"protee"`` (long-run,
        tariff-based) or ``"mixed"`` (geometric mean of the three; Monte Carlo draws pick one
        source at random for each draw, so intervals include the disagreement between studies).

    Raises
    ------
    InputError
        For an unknown ``sigma_source``.
    DataUnavailableError, DataFileError
        If the embedded tables are missing or malformed.
    """
    if sigma_source not in SIGMA_SOURCES:
        raise InputError(
            f"unknown elasticity source {sigma_source!r}", hint=f"use one of {SIGMA_SOURCES}"
        )
    imports, elasticities = _tables()
    sectors = tuple(dict.fromkeys(imports["gtap_code"]))
    partners = tuple(dict.fromkeys(imports["partner"]))
    wide = imports.pivot(index="gtap_code", columns="partner", values="value_usd")
    wide = wide.reindex(index=list(sectors), columns=list(partners))
    if wide.isna().any().any():
        raise DataFileError("us_imports_gtap_partner.csv.gz: a sector x partner cell is missing")
    el = elasticities.set_index("gtap_code").reindex(list(sectors))
    needed = ["import_demand", *_SIGMA_COLUMNS.values()]
    if el[needed].isna().any().any():
        raise DataFileError("gtap_sector_elasticities.csv.gz: a sector has no elasticity")
    alternatives = {
        name: (
            el[column].to_numpy(dtype=np.float64),
            el[f"{column}_log_sd"].to_numpy(dtype=np.float64),
        )
        for name, column in _SIGMA_COLUMNS.items()
    }
    if sigma_source == "mixed":
        logs = np.log(np.stack([central for central, _ in alternatives.values()]))
        sigma = np.exp(logs.mean(axis=0))
        sigma_log_sd = logs.std(axis=0)
    else:
        sigma, sigma_log_sd = alternatives[sigma_source]
    descriptions = imports.drop_duplicates("gtap_code").set_index("gtap_code")["description"]
    return SectorBaseline(
        importer="USA",
        sectors=sectors,
        descriptions=tuple(descriptions.reindex(list(sectors)).astype(str)),
        partners=partners,
        imports=wide.to_numpy(dtype=np.float64),
        import_demand=el["import_demand"].to_numpy(dtype=np.float64),
        import_demand_log_sd=el["import_demand_log_sd"].to_numpy(dtype=np.float64),
        substitution=sigma,
        substitution_log_sd=sigma_log_sd,
        year=2024,
        sources={
            "imports": "Yale Budget Lab GTAP-sector US import baseline (year inferred 2024)",
            "import_demand": "Hauk (2012) HS6 US import-demand elasticities, sector medians",
            "substitution": _SIGMA_LABELS[sigma_source] + ", sector medians",
        },
        substitution_alternatives=alternatives,
        sigma_source=sigma_source,
    )


@cache
def _tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    folder = embedded_dir()
    imports = read_table(
        folder / "us_imports_gtap_partner.csv.gz",
        ["gtap_code", "description", "partner", "value_usd"],
        {"value_usd": "float64"},
    )
    numeric = [
        f"{prefix}{suffix}"
        for prefix in ("import_demand", "substitution", "substitution_bw", "substitution_protee")
        for suffix in ("", "_log_sd")
    ]
    elasticities = read_table(
        folder / "gtap_sector_elasticities.csv.gz",
        ["gtap_code", *numeric],
        dict.fromkeys(numeric, "float64"),
    )
    return imports, elasticities


@cache
def sector_hs6_map() -> pd.DataFrame:
    """``hs6, gtap_code`` for the 45 goods sectors (HS 2022), from the embedded table."""
    return read_table(embedded_dir() / "hs6_gtap_sectors.csv.gz", ["hs6", "gtap_code"])


@cache
def sector_composition() -> pd.DataFrame:
    """``partner, gtap_code, hs_prefixes, share, source``: partner-specific product mixes."""
    return read_table(
        embedded_dir() / "sector_composition.csv.gz",
        ["partner", "gtap_code", "hs_prefixes", "share", "source"],
        {"share": "float64"},
    )
