"""Versioned schema migrations of the store.

Each :class:`Migration` has a version number, a description and the SQL statements that take
the schema from the previous version to this one. :func:`apply_migrations` runs the missing
ones in order, each in its own transaction, and records them in ``schema_migrations``. A store
written by a newer tariffscope (a version above :data:`SCHEMA_VERSION`) is refused.

Schema (version 1)
------------------
``articles``
    One row per stored article: ``content_hash`` (unique; SHA-256 of the normalized body and
    the header metadata), ``text_hash`` (SHA-256 of the normalized body alone: syndicated
    copies share it), source, metadata, body text, the extractor that read it, its warnings
    (JSON list) and ``n_records``, the number of extracted records written with it (the
    consistency check compares it with the record tables).
``actors``, ``events``, ``quotes``, ``measure_mentions``, ``deadlines``
    The records of :class:`~tariffscope.domain.news.Extraction`, one row each, with
    ``article_id``, ``ordinal`` (position in the extraction) and the character span
    ``span_start``/``span_end`` in the article body. JSON columns: ``actors.mentions`` and
    ``events.participants``.
``negotiations``
    Party pairs, stored with ``party_a < party_b`` (ISO3 codes, EUN for the EU).
``article_negotiations``
    Which negotiations an article concerns, with the ``basis`` of the assignment
    (``measure``, ``event`` or ``actors``).
``measure_links``
    The link of one measure mention to the tariff-law catalog, filled by the linker:
    ``mention_id`` (primary key), ``measure_id`` (catalog id or NULL), ``candidate`` (JSON of a
    scenario measure when no catalog measure fits, or NULL), ``confidence`` in [0, 1],
    ``reason`` (why it matched), ``linker`` (name and version) and ``linked_at``.
``scenario_results``
    JSON results keyed by scenario name and date (``scenario``, ``as_of``), with the
    negotiation they belong to when known.

Version 2
---------
``articles.dating``
    How the reader dated a story without a publication date (JSON of
    :class:`~tariffscope.domain.news.StoryDating`, or NULL): the day it was read as of and the
    clue that gave its year. Rows stored before version 2 have NULL.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from tariffscope.errors import StoreError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "Migration", "apply_migrations", "schema_version"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: SQL statements that lead from ``version - 1`` to ``version``."""

    version: int
    description: str
    statements: tuple[str, ...]


_RECORD_COLUMNS = """
    article_id BIGINT NOT NULL REFERENCES articles(id),
    ordinal INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
"""

_V1 = (
    """CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY,
        description VARCHAR NOT NULL,
        applied_at TIMESTAMP NOT NULL
    )""",
    "CREATE SEQUENCE article_ids START 1",
    """CREATE TABLE articles (
        id BIGINT PRIMARY KEY DEFAULT nextval('article_ids'),
        content_hash VARCHAR NOT NULL UNIQUE,
        text_hash VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        title VARCHAR,
        published DATE,
        outlet VARCHAR,
        url VARCHAR,
        body_start INTEGER NOT NULL,
        body VARCHAR NOT NULL,
        extractor VARCHAR NOT NULL,
        warnings VARCHAR NOT NULL,
        n_records INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    )""",
    "CREATE SEQUENCE actor_ids START 1",
    f"""CREATE TABLE actors (
        id BIGINT PRIMARY KEY DEFAULT nextval('actor_ids'),
        {_RECORD_COLUMNS}
        name VARCHAR NOT NULL,
        role VARCHAR,
        country VARCHAR,
        mentions VARCHAR NOT NULL,
        UNIQUE (article_id, ordinal)
    )""",
    "CREATE SEQUENCE event_ids START 1",
    f"""CREATE TABLE events (
        id BIGINT PRIMARY KEY DEFAULT nextval('event_ids'),
        {_RECORD_COLUMNS}
        kind VARCHAR NOT NULL,
        event_date DATE,
        date_precision VARCHAR,
        date_text VARCHAR,
        place VARCHAR,
        participants VARCHAR NOT NULL,
        status VARCHAR NOT NULL,
        times INTEGER,
        trigger_word VARCHAR,
        UNIQUE (article_id, ordinal)
    )""",
    "CREATE SEQUENCE quote_ids START 1",
    f"""CREATE TABLE quotes (
        id BIGINT PRIMARY KEY DEFAULT nextval('quote_ids'),
        {_RECORD_COLUMNS}
        quote_text VARCHAR NOT NULL,
        speaker VARCHAR,
        via VARCHAR,
        UNIQUE (article_id, ordinal)
    )""",
    "CREATE SEQUENCE mention_ids START 1",
    f"""CREATE TABLE measure_mentions (
        id BIGINT PRIMARY KEY DEFAULT nextval('mention_ids'),
        {_RECORD_COLUMNS}
        imposer VARCHAR NOT NULL,
        target VARCHAR NOT NULL,
        products VARCHAR NOT NULL,
        from_rate_pct DOUBLE,
        to_rate_pct DOUBLE NOT NULL,
        effective_date DATE,
        status VARCHAR NOT NULL,
        UNIQUE (article_id, ordinal)
    )""",
    "CREATE SEQUENCE deadline_ids START 1",
    f"""CREATE TABLE deadlines (
        id BIGINT PRIMARY KEY DEFAULT nextval('deadline_ids'),
        {_RECORD_COLUMNS}
        deadline_date DATE NOT NULL,
        what VARCHAR NOT NULL,
        UNIQUE (article_id, ordinal)
    )""",
    "CREATE SEQUENCE negotiation_ids START 1",
    """CREATE TABLE negotiations (
        id BIGINT PRIMARY KEY DEFAULT nextval('negotiation_ids'),
        party_a VARCHAR NOT NULL,
        party_b VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        UNIQUE (party_a, party_b),
        CHECK (party_a < party_b)
    )""",
    """CREATE TABLE article_negotiations (
        article_id BIGINT NOT NULL REFERENCES articles(id),
        negotiation_id BIGINT NOT NULL REFERENCES negotiations(id),
        basis VARCHAR NOT NULL,
        PRIMARY KEY (article_id, negotiation_id)
    )""",
    """CREATE TABLE measure_links (
        mention_id BIGINT PRIMARY KEY REFERENCES measure_mentions(id),
        measure_id VARCHAR,
        candidate VARCHAR,
        confidence DOUBLE NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        reason VARCHAR NOT NULL,
        linker VARCHAR NOT NULL,
        linked_at TIMESTAMP NOT NULL
    )""",
    """CREATE TABLE scenario_results (
        scenario VARCHAR NOT NULL,
        as_of DATE NOT NULL,
        negotiation_id BIGINT REFERENCES negotiations(id),
        result VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        PRIMARY KEY (scenario, as_of)
    )""",
    "CREATE INDEX articles_text_hash ON articles (text_hash)",
)

_V2 = ("ALTER TABLE articles ADD COLUMN dating VARCHAR",)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, extracted records, negotiations, measure links, scenario results", _V1),
    Migration(2, "how the reader dated a story without a publication date", _V2),
)
SCHEMA_VERSION: int = MIGRATIONS[-1].version
"""The schema version this tariffscope writes."""


def schema_version(conn: Any) -> int:
    """The version recorded in the database (0 for an empty database)."""
    found = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def apply_migrations(conn: Any, where: str) -> int:
    """Bring the schema up to :data:`SCHEMA_VERSION`; return the number of steps applied.

    Raises
    ------
    StoreError
        The database was written by a newer tariffscope, or a step failed (it is rolled back).
    """
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"store {where} has schema version {current}, newer than this tariffscope "
            f"knows ({SCHEMA_VERSION})",
            hint="upgrade tariffscope or use another --db",
        )
    applied = 0
    for migration in MIGRATIONS:
        if migration.version <= current:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                [migration.version, migration.description, dt.datetime.now()],
            )
            conn.execute("COMMIT")
        except Exception as error:
            conn.execute("ROLLBACK")
            raise StoreError(
                f"store {where}: migration to schema version {migration.version} failed ({error})"
            ) from error
        logger.info("store %s: migrated to schema version %d", where, migration.version)
        applied += 1
    return applied
