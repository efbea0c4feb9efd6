"""Country codes: ISO 3166-1 alpha-3, plus ``EUN`` (the European Union) and ``WLD`` (everyone).

The ISO table is ``data/embedded/iso3166_countries.csv`` (see its PROVENANCE entry).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import cache

from tariffscope.config import embedded_dir
from tariffscope.errors import UnknownCodeError

__all__ = [
    "EUN",
    "EU_MEMBERS",
    "WLD",
    "country_name",
    "expand_targets",
    "is_country",
    "normalize_country",
]

EUN = "EUN"
WLD = "WLD"

# Members since 1 February 2020 (after the UK left); Council of the EU, "EU member countries".
EU_MEMBERS: frozenset[str] = frozenset(
    {
        "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
        "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
        "SWE",
    }
)  # fmt: skip


@cache
def _table() -> dict[str, tuple[str, str]]:
    with (embedded_dir() / "iso3166_countries.csv").open(encoding="utf-8") as handle:
        return {row["iso3"]: (row["iso2"], row["name"]) for row in csv.DictReader(handle)}


@cache
def _aliases() -> dict[str, str]:
    aliases: dict[str, str] = {}
    for iso3, (iso2, name) in _table().items():
        aliases[iso3] = iso3
        aliases[iso2] = iso3
        aliases[name.upper()] = iso3
    aliases.update({"EU": EUN, EUN: EUN, "EUROPEAN UNION": EUN, "UK": "GBR", "USA": "USA"})
    aliases.update({WLD: WLD, "WORLD": WLD})
    return aliases


def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 code (not for the groups EUN and WLD)."""
    return code in _table()


def normalize_country(code: str, *, allow_groups: bool = True) -> str:
    """The ISO3 code for an ISO3 or ISO2 code or English short name, case-insensitive.

    Raises
    ------
    UnknownCodeError
        When the text names no country (or a group where ``allow_groups`` is False).
    """
    key = " ".join(str(code).split()).upper()
    iso3 = _aliases().get(key)
    if iso3 is None or (not allow_groups and iso3 in (EUN, WLD)):
        raise UnknownCodeError(
            f"unknown country {code!r}",
            hint="use an ISO 3166-1 alpha-3 code such as JPN, DEU or USA (EUN for the EU)",
        )
    return iso3


def country_name(code: str) -> str:
    """English short name of an ISO3 code or a bloc (domain/blocs.py), else the code itself."""
    if code == EUN:
        return "European Union"
    if code == WLD:  # as a party: every partner of the other party ("United States - all
        return "all partners"  # partners"), as a target: every origin
    if code not in _table():
        from tariffscope.domain.blocs import bloc

        found = bloc(code)
        if found is not None:  # a bloc as a party of a brief (domain/blocs.py)
            return found.name
    return _table().get(code, ("", code))[1]


def expand_targets(targets: Iterable[str]) -> frozenset[str]:
    """Targets as a set of ISO3 codes: EUN expands to its members; WLD stays WLD."""
    out: set[str] = set()
    for code in targets:
        if code == EUN:
            out.update(EU_MEMBERS)
            out.add(EUN)
        else:
            out.add(code)
    return frozenset(out)
