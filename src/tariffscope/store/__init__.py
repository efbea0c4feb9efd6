"""Persistence: the embedded DuckDB store of articles, extracted records, negotiations,
links to the tariff-law catalog and scenario results.

Open a store with :meth:`Store.open` (a file, by default :func:`default_db_path` under the
user data directory) or :meth:`Store.memory`. The schema is versioned
(:data:`SCHEMA_VERSION`; see :mod:`tariffscope.store._migrations` for the tables) and an
article is written with all its records in one transaction.
"""

from tariffscope.store._base import DEFAULT_DB_NAME, default_db_path
from tariffscope.store._migrations import MIGRATIONS, SCHEMA_VERSION, Migration
from tariffscope.store._store import Store
from tariffscope.store._types import (
    MeasureLink,
    Negotiation,
    ScenarioResult,
    StoredArticle,
    StoredExtraction,
    article_hashes,
    pair_key,
)

__all__ = [
    "DEFAULT_DB_NAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "MeasureLink",
    "Migration",
    "Negotiation",
    "ScenarioResult",
    "Store",
    "StoredArticle",
    "StoredExtraction",
    "article_hashes",
    "default_db_path",
    "pair_key",
]
