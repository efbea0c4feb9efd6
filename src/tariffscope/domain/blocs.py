"""Trade blocs without an ISO code (Mercosur, the GCC, ...), read from
``data/embedded/blocs.yaml`` (see its PROVENANCE entry).

A bloc is a party of a brief only: the news reader's records keep ISO3 codes, and the brief
names the bloc when a story negotiates with it as one (:mod:`tariffscope.tracker._blocs`).
The EU is not among them: it has its own code, EUN (:mod:`tariffscope.domain.countries`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tariffscope.config import embedded_dir
from tariffscope.package_yaml import package_yaml

__all__ = ["Bloc", "bloc", "blocs", "is_bloc", "members_of"]


@dataclass(frozen=True, slots=True)
class Bloc:
    """A bloc: the brief's identifier, its name, the names stories use, its members."""

    id: str
    name: str
    names: tuple[str, ...]
    members: frozenset[str]
    customs_union: bool
    source: str


@cache
def blocs() -> tuple[Bloc, ...]:
    """Every bloc of the table, in its order."""
    table: dict[str, dict[str, object]] = package_yaml(embedded_dir() / "blocs.yaml")
    return tuple(
        Bloc(
            id=key,
            name=str(row["name"]),
            names=tuple(str(n) for n in row["names"]),  # type: ignore[attr-defined]
            members=frozenset(str(m) for m in row["members"]),  # type: ignore[attr-defined]
            customs_union=bool(row["customs_union"]),
            source=str(row["source"]),
        )
        for key, row in table.items()
    )


def bloc(code: str) -> Bloc | None:
    """The bloc of an identifier ("MERCOSUR"), or None."""
    return next((b for b in blocs() if b.id == code), None)


def is_bloc(code: str) -> bool:
    """True for a bloc identifier of the table."""
    return bloc(code) is not None


def members_of(code: str) -> frozenset[str] | None:
    """The countries a group party stands for, priced as their trade summed: the EU's members
    for EUN, a bloc's (the table's) for its identifier; None for a country or WLD."""
    from tariffscope.domain.countries import EU_MEMBERS, EUN

    if code == EUN:
        return EU_MEMBERS
    found = bloc(code)
    return None if found is None else found.members
