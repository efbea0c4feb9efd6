"""The US sector baseline: 2024 imports by GTAP goods sector and partner, with elasticities.

Imports are the 2024 Census line trade of every partner (:mod:`tariffscope.data.line_trade`,
builder ``census_trade``) summed to the 45 GTAP goods sectors; the partner axis keeps the
partner of interest and the largest suppliers as columns and the rest as one group
(:mod:`tariffscope.impact.pe.partners`). Elasticities are sector medians of product-level
estimates with their spread (builder ``trade``, ``data/embedded/PROVENANCE.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Literal, get_args

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.config import embedded_dir
from tariffscope.data.tables import read_table
from tariffscope.domain.blocs import members_of
from tariffscope.domain.countries import WLD
from tariffscope.errors import DataFileError, InputError
from tariffscope.impact.pe.partners import (
    EXPLICIT_SUPPLIERS,
    SectorLines,
    focus_code,
    partner_axis,
    sector_lines,
)
from tariffscope.impact.pe.tariffs import sum_by_group

__all__ = [
    "SIGMA_SOURCES",
    "SectorBaseline",
    "SigmaSource",
    "load_sector_baseline",
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
        Column labels, ``[P]``: ISO3 codes, ``EUN`` (the EU members as a bloc), ``ROW``
        (every other partner).
    imports
        Imports (customs value, the base of ad valorem duties), US dollars, ``[S, P]``.
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
    members
        The ISO3 partners each column stands for (``()`` for a column that is its own label).
    focus
        The partner of interest the axis was built for (a label), or None.
    lines
        The line trade behind the columns (needed to price tariffs from the law), or None for
        a baseline built by hand.
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
    members: tuple[tuple[str, ...], ...] = field(default=(), repr=False)
    focus: str | None = None
    lines: SectorLines | None = field(default=None, repr=False)

    def partner_index(self, partner: str) -> int:
        """Position of the column labelled ``partner``; InputError names the columns."""
        try:
            return self.partners.index(partner)
        except ValueError:
            raise InputError(
                f"partner {partner!r} is not a column of the baseline",
                hint=f"columns: {', '.join(self.partners)}",
            ) from None

    def members_of(self, column: int) -> tuple[str, ...]:
        """The ISO3 partners column ``column`` stands for."""
        if self.members and self.members[column]:
            return self.members[column]
        return (self.partners[column],)

    def focus_columns(self, code: str) -> tuple[int, ...]:
        """Columns that make up partner or bloc ``code`` (``EUN``: the EU members' columns;
        ``WLD``: every column).

        A column counts when it is labelled ``code`` or when all its members belong to the
        bloc; InputError when no column does (the partner is inside a group column).
        """
        if code in self.partners:
            return (self.partners.index(code),)
        if code == WLD:  # all partners: every column
            return tuple(range(len(self.partners)))
        bloc = members_of(code) or frozenset()
        found = tuple(
            k
            for k in range(len(self.partners))
            if bloc and set(self.members_of(k)) <= bloc and self.partners[k] != "ROW"
        )
        if not found:
            raise InputError(
                f"partner {code!r} is not a column of the baseline",
                hint=f"columns: {', '.join(self.partners)}; build the baseline with focus={code!r}",
            )
        return found

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


def load_sector_baseline(
    focus: str | None = None,
    *,
    sigma_source: SigmaSource = "hauk",
    explicit: int = EXPLICIT_SUPPLIERS,
) -> SectorBaseline:
    """The US import baseline (45 GTAP goods sectors, 2024) with a partner axis for ``focus``.

    Parameters
    ----------
    focus
        The partner of interest: an ISO3 code of any partner with 2024 US imports, ``EUN``
        (the EU members as one column), ``WLD`` (all partners together: every column), or
        None (no partner singled out). A country or the EU is always a column; so are the
        ``explicit`` largest other suppliers; everyone else is ``ROW``.
    sigma_source
        Which estimates give the elasticity of substitution between partners: ``"hauk"``
        (default; short-run, US HS6), ``"broda_weinstein"``, ``"protee"`` (long-run,
        tariff-based) or ``"mixed"`` (geometric mean of the three; Monte Carlo draws pick one
        source at random for each draw, so intervals include the disagreement between studies).
    explicit
        Largest suppliers kept as their own columns besides the focus.

    Raises
    ------
    InputError, UnknownCodeError
        For an unknown ``sigma_source`` or a code that names no partner.
    NotCoveredError
        For a valid country with no 2024 US imports ("not priced: no trade data for X").
    DataUnavailableError, DataFileError
        If the embedded tables are missing or malformed.
    """
    if sigma_source not in SIGMA_SOURCES:
        raise InputError(
            f"unknown elasticity source {sigma_source!r}", hint=f"use one of {SIGMA_SOURCES}"
        )
    code = None if focus is None else focus_code(focus)
    return _baseline(code, sigma_source, explicit)


@lru_cache(maxsize=32)
def _baseline(focus: str | None, sigma_source: SigmaSource, explicit: int) -> SectorBaseline:
    """The baseline of :func:`load_sector_baseline` (cached; its arrays are read-only)."""
    lines = sector_lines()
    axis = partner_axis(focus, lines=lines, explicit=explicit)
    column = np.empty(len(lines.origins), dtype=np.int64)
    for k, members in enumerate(axis.members):
        column[[lines.origins.index(m) for m in members]] = k
    imports = sum_by_group(lines.imports.T, column, len(axis.labels)).T
    elasticities = _elasticities()
    sectors = lines.sectors
    el = elasticities.set_index("gtap_code").reindex(list(sectors))
    needed = ["import_demand", *_SIGMA_COLUMNS.values()]
    if el[needed].isna().any().any() or (el["description"].fillna("") == "").any():
        raise DataFileError("gtap_sector_elasticities.csv.gz: a sector has no elasticity")
    alternatives = {
        name: (
            el[column_name].to_numpy(dtype=np.float64),
            el[f"{column_name}_log_sd"].to_numpy(dtype=np.float64),
        )
        for name, column_name in _SIGMA_COLUMNS.items()
    }
    if sigma_source == "mixed":
        logs = np.log(np.stack([central for central, _ in alternatives.values()]))
        sigma = np.exp(logs.mean(axis=0))
        sigma_log_sd = logs.std(axis=0)
    else:
        sigma, sigma_log_sd = alternatives[sigma_source]
    for array in (imports, sigma, sigma_log_sd):
        array.setflags(write=False)
    return SectorBaseline(
        importer="USA",
        sectors=sectors,
        descriptions=tuple(el["description"].astype(str)),
        partners=axis.labels,
        imports=imports,
        import_demand=el["import_demand"].to_numpy(dtype=np.float64),
        import_demand_log_sd=el["import_demand_log_sd"].to_numpy(dtype=np.float64),
        substitution=sigma,
        substitution_log_sd=sigma_log_sd,
        year=lines.year,
        sources={
            "imports": f"US Census Bureau, imports for consumption {lines.year} (customs "
            "value) by HTS10 line or HS2 chapter and partner, summed to GTAP sectors",
            "import_demand": "Hauk (2012) HS6 US import-demand elasticities, sector medians",
            "substitution": _SIGMA_LABELS[sigma_source] + ", sector medians",
        },
        substitution_alternatives=alternatives,
        sigma_source=sigma_source,
        members=axis.members,
        focus=axis.focus,
        lines=lines,
    )


@cache
def _elasticities() -> pd.DataFrame:
    numeric = [
        f"{prefix}{suffix}"
        for prefix in ("import_demand", "substitution", "substitution_bw", "substitution_protee")
        for suffix in ("", "_log_sd")
    ]
    return read_table(
        embedded_dir() / "gtap_sector_elasticities.csv.gz",
        ["gtap_code", "description", *numeric],
        dict.fromkeys(numeric, "float64"),
    )


@cache
def sector_hs6_map() -> pd.DataFrame:
    """``hs6, gtap_code`` for the 45 goods sectors (HS 2022), from the embedded table."""
    return read_table(embedded_dir() / "hs6_gtap_sectors.csv.gz", ["hs6", "gtap_code"])
