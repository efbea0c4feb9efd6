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
from tariffscope.domain.news import (
    Actor,
    ArticleMeta,
    Deadline,
    Event,
    Extraction,
    MeasureMention,
    Quote,
)

__all__ = [
    "EUN",
    "EU_MEMBERS",
    "WLD",
    "Actor",
    "ArticleMeta",
    "Deadline",
    "Event",
    "Extraction",
    "MeasureMention",
    "Quote",
    "country_name",
    "expand_targets",
    "is_country",
    "normalize_country",
]
