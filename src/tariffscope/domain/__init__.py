"""Plain types shared by every stage (no I/O beyond reading embedded reference tables)."""

from tariffscope.domain.countries import (
    EU_MEMBERS,
    EUN,
    WLD,
    country_name,
    expand_targets,
    is_country,
    normalize_country,
)

__all__ = [
    "EUN",
    "EU_MEMBERS",
    "WLD",
    "country_name",
    "expand_targets",
    "is_country",
    "normalize_country",
]
