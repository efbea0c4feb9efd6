"""HS6 subheadings to the 20 tradable sectors of Caliendo and Parro (2015).

Caliendo and Parro's sectors are the ISIC Rev.3 divisions of the OECD input-output tables they
use (agriculture 01-05, mining 10-14, food 15-16, textile 17-19, wood 20, paper 21-22,
petroleum 23, chemicals 24, plastic 25, minerals 26, basic metals 27, metal products 28,
machinery n.e.c. 29, office 30, electrical 31, communication 32, medical 33, auto 34, other
transport 35, other 36-37). The concordance goes through the GTAP goods sectors of the embedded
HS6 -> GTAP crosswalk (``hs6_gtap_sectors.csv.gz``, HS 2022): each GTAP sector maps to the CP
sector of the ISIC Rev.3 divisions it covers, and where GTAP's ISIC Rev.4-based sectors cut
across ISIC Rev.3 divisions, HS prefixes move the subheadings to the right one (the table
``cp_sector_concordance.csv`` lists every rule and the ISIC Rev.3 code it follows):

- GTAP ``ele`` (computer, electronic and optical products, ISIC Rev.4 26) splits into office
  machinery (HS 84: computers, printers, cash registers; ISIC Rev.3 30), medical, precision and
  optical instruments and watches (HS 90, 91; ISIC Rev.3 33), and radio, television and
  communication equipment and electronic components (the rest; ISIC Rev.3 32);
- household appliances in GTAP ``eeq`` (refrigerators, washing machines, fans, cookers, ...)
  are ISIC Rev.3 2930, in machinery n.e.c.;
- office machines in GTAP ``ome`` (HS 8469-8473) are ISIC Rev.3 30; arms (HS 93) in GTAP
  ``fmp`` are ISIC Rev.3 2927, in machinery n.e.c.;
- medical and dental instruments and spectacles in GTAP ``omf`` (HS 90; ISIC Rev.4 325) are
  ISIC Rev.3 33;
- electricity (GTAP ``ely``) is not a tradable sector of the model and maps nowhere.

Within a GTAP sector, the longest matching HS prefix wins; a rule without a prefix is the
sector's default.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from tariffscope.config import embedded_dir
from tariffscope.data.tables import read_table
from tariffscope.errors import DataFileError
from tariffscope.impact.law_tariffs import SectorConcordance
from tariffscope.impact.multisector.data import CP_SECTORS, N_TRADABLE

__all__ = [
    "CONCORDANCE_FILE",
    "concordance_from_rules",
    "cp_concordance",
    "cp_concordance_rules",
]

CONCORDANCE_FILE = "cp_sector_concordance.csv"
_TRADABLE = CP_SECTORS[:N_TRADABLE]


@cache
def cp_concordance_rules() -> pd.DataFrame:
    """The rules: ``gtap_code, hs_prefix, cp_sector, isic3, note`` (empty prefix = default)."""
    rules = read_table(
        embedded_dir() / CONCORDANCE_FILE, ["gtap_code", "hs_prefix", "cp_sector", "isic3"]
    )
    bad = rules[(rules["cp_sector"] != "") & ~rules["cp_sector"].isin(_TRADABLE)]
    if len(bad):
        raise DataFileError(
            f"{CONCORDANCE_FILE}: unknown Caliendo-Parro sector {bad['cp_sector'].iloc[0]!r}"
        )
    if not rules["hs_prefix"].str.fullmatch(r"\d{0,6}").all():
        raise DataFileError(f"{CONCORDANCE_FILE}: an hs_prefix is not 0-6 digits")
    if rules.duplicated(["gtap_code", "hs_prefix"]).any():
        raise DataFileError(f"{CONCORDANCE_FILE}: a (gtap_code, hs_prefix) rule is repeated")
    return rules


@cache
def cp_concordance() -> SectorConcordance:
    """HS6 -> GTAP -> Caliendo-Parro tradable sector (see the module docstring)."""
    return concordance_from_rules(
        cp_concordance_rules(),
        "cp_sector",
        _TRADABLE,
        name="caliendo_parro",
        file=CONCORDANCE_FILE,
        source="HS6 -> GTAP (Budget Lab crosswalk, HS 2022) -> ISIC Rev.3 sectors of Caliendo "
        f"and Parro (2015) by the rules in {CONCORDANCE_FILE}",
    )


def concordance_from_rules(
    rules: pd.DataFrame,
    column: str,
    sectors: tuple[str, ...],
    *,
    name: str,
    file: str,
    source: str,
) -> SectorConcordance:
    """HS6 -> GTAP -> model sector by ``rules`` (``gtap_code, hs_prefix, <column>``): each GTAP
    sector's default rule (empty prefix), overridden by the longest matching HS prefix; an
    empty sector maps nowhere."""
    from tariffscope.impact.pe.baseline import sector_hs6_map

    hs6 = sector_hs6_map()
    defaults = rules[rules["hs_prefix"] == ""].set_index("gtap_code")[column]
    missing = sorted(set(hs6["gtap_code"]) - set(defaults.index))
    if missing:
        raise DataFileError(f"{file}: GTAP sector {missing[0]!r} has no default rule")
    sector = hs6["gtap_code"].map(defaults)
    overrides = rules[rules["hs_prefix"] != ""]
    widths = overrides["hs_prefix"].str.len()
    for width in sorted(set(widths)):  # longer prefixes win
        chosen = overrides[widths == width]
        keys = chosen["gtap_code"] + "|" + chosen["hs_prefix"]
        lookup = dict(zip(keys, chosen[column], strict=True))
        hit = (hs6["gtap_code"] + "|" + hs6["hs6"].str[:width]).map(lookup)
        sector = hit.where(hit.notna(), sector)
    table = pd.DataFrame({"hs6": hs6["hs6"], "gtap_code": hs6["gtap_code"], "sector": sector})
    table = table[table["sector"] != ""].reset_index(drop=True)
    return SectorConcordance(name=name, table=table, sectors=sectors, source=source)
