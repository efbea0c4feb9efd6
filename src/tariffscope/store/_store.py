"""The embedded store: one DuckDB file, versioned schema, one transaction per article.

All DuckDB access in tariffscope goes through :class:`Store`. An article and every record
extracted from it are written in one transaction (:meth:`Store.add_article`), so a process
killed midway leaves either the whole article or nothing: DuckDB replays its write-ahead log
up to the last commit when the file is opened again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tariffscope.domain.news import Extraction
from tariffscope.errors import StoreError
from tariffscope.store._base import StoreBase
from tariffscope.store._rows import (
    ARTICLE_COLUMNS,
    RECORD_TABLES,
    article_from_row,
    record_rows,
    records_from_rows,
)
from tariffscope.store._types import (
    MeasureLink,
    Negotiation,
    ScenarioResult,
    StoredArticle,
    StoredExtraction,
    article_hashes,
    pair_key,
)

__all__ = ["Store"]

logger = logging.getLogger(__name__)


class Store(StoreBase):
    """A tariffscope store (DuckDB). Open it with :meth:`open` or :meth:`memory`.

    Use it as a context manager, or call :meth:`close`. One process at a time may open a
    store file for writing; a second one gets a :class:`~tariffscope.errors.StoreError`.
    """

    # -- articles ---------------------------------------------------------------------------
    def find_article(self, content_hash: str) -> int | None:
        """The id of the article with this content hash, or None."""
        row = self._execute(
            "SELECT id FROM articles WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return None if row is None else int(row[0])

    def add_article(
        self,
        source: str,
        body: str,
        extraction: Extraction,
        *,
        extractor: str,
        negotiations: Iterable[tuple[tuple[str, str], str]] = (),
    ) -> int:
        """Write an article, its records and its negotiations in one transaction.

        Parameters
        ----------
        source
            Where the article came from (path or URL as given).
        body
            The article body (the text the record spans point into).
        extraction
            The records the news reader found; ``extraction.article`` gives the metadata.
        extractor
            Name and version of the reader (kept for re-extraction later).
        negotiations
            ``((party, party), basis)`` pairs: the negotiations the article concerns.

        Returns
        -------
        int
            The new article id.

        Raises
        ------
        StoreError
            An article with the same content hash is already stored, or the write failed
            (nothing is written then).
        """
        meta = extraction.article
        content_hash, text_hash = article_hashes(body, meta)
        rows = record_rows(extraction)
        n_records = sum(len(r) for r in rows.values())
        with self.transaction():
            if self.find_article(content_hash) is not None:
                raise StoreError(f"{source}: the article is already in the store")
            found = self._execute(
                "INSERT INTO articles (content_hash, text_hash, source, title, published, "
                "outlet, url, body_start, body, extractor, warnings, n_records, ingested_at, "
                "dating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [
                    content_hash,
                    text_hash,
                    source,
                    meta.title,
                    meta.published,
                    meta.outlet,
                    meta.url,
                    meta.body_start,
                    body,
                    extractor,
                    json.dumps(list(extraction.warnings), ensure_ascii=False),
                    n_records,
                    dt.datetime.now(),
                    None
                    if extraction.dating is None
                    else json.dumps(extraction.dating.to_dict(), ensure_ascii=False),
                ],
            ).fetchone()
            article_id = int(found[0])
            self._write_records(article_id, rows)
            for parties, basis in negotiations:
                negotiation_id = self._negotiation_id(parties)
                self._execute(
                    "INSERT OR IGNORE INTO article_negotiations VALUES (?, ?, ?)",
                    [article_id, negotiation_id, basis],
                )
        logger.info("stored %s as article %d (%d records)", source, article_id, n_records)
        return article_id

    def _write_records(self, article_id: int, rows: Mapping[str, list[tuple[Any, ...]]]) -> None:
        """Insert the record rows of one article (inside the article's transaction)."""
        for table, table_rows in rows.items():
            if not table_rows:
                continue
            columns = ("article_id", "ordinal", "span_start", "span_end", *RECORD_TABLES[table])
            marks = "(" + ", ".join("?" * len(columns)) + ")"
            values = ", ".join([marks] * len(table_rows))
            params = [v for row in table_rows for v in (article_id, *row)]
            self._execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}", params)

    def article(self, article_id: int) -> StoredArticle:
        """One article row.

        Raises
        ------
        StoreError
            No article has this id.
        """
        row = self._execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id} in the store")
        return article_from_row(row)

    def articles(self, negotiation: tuple[str, str] | None = None) -> list[StoredArticle]:
        """All articles, or those concerning one negotiation, in id order."""
        if negotiation is None:
            rows = self._execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY id")
        else:
            a, b = pair_key(*negotiation)
            rows = self._execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ("
                "SELECT article_id FROM article_negotiations JOIN negotiations n "
                "ON n.id = negotiation_id WHERE n.party_a = ? AND n.party_b = ?) ORDER BY id",
                [a, b],
            )
        return [article_from_row(row) for row in rows.fetchall()]

    def count_articles(self) -> int:
        """How many articles are stored."""
        return int(self._execute("SELECT count(*) FROM articles").fetchone()[0])

    def extractions(self, article_ids: Sequence[int] | None = None) -> list[StoredExtraction]:
        """Articles with their body and records (all, or the given ids), in id order."""
        if article_ids is None:
            articles = self.articles()
        else:
            wanted = sorted({int(i) for i in article_ids})
            articles = [
                article_from_row(r)
                for r in self._execute(
                    f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE list_contains(?, id) "
                    "ORDER BY id",
                    [wanted],
                ).fetchall()
            ]
        ids = [a.id for a in articles]
        if not ids:
            return []
        bodies = dict(
            self._execute(
                "SELECT id, body FROM articles WHERE list_contains(?, id)", [ids]
            ).fetchall()
        )
        per_table: dict[str, dict[int, list[Any]]] = {}
        for table, columns in RECORD_TABLES.items():
            rows = self._execute(
                f"SELECT article_id, id, span_start, span_end, {', '.join(columns)} "
                f"FROM {table} WHERE list_contains(?, article_id) ORDER BY article_id, ordinal",
                [ids],
            ).fetchall()
            grouped: dict[int, list[Any]] = {}
            for row in rows:
                grouped.setdefault(int(row[0]), []).append(row[1:])
            per_table[table] = grouped
        out: list[StoredExtraction] = []
        for article in articles:
            built = {
                t: records_from_rows(t, per_table[t].get(article.id, [])) for t in RECORD_TABLES
            }
            extraction = Extraction(
                article=article.meta,
                actors=tuple(built["actors"][1]),
                events=tuple(built["events"][1]),
                quotes=tuple(built["quotes"][1]),
                measures=tuple(built["measure_mentions"][1]),
                deadlines=tuple(built["deadlines"][1]),
                warnings=article.warnings,
                dating=article.dating,
            )
            out.append(
                StoredExtraction(
                    article=article,
                    body=bodies[article.id],
                    extraction=extraction,
                    actor_ids=tuple(built["actors"][0]),
                    event_ids=tuple(built["events"][0]),
                    quote_ids=tuple(built["quotes"][0]),
                    mention_ids=tuple(built["measure_mentions"][0]),
                    deadline_ids=tuple(built["deadlines"][0]),
                )
            )
        return out

    # -- negotiations -----------------------------------------------------------------------
    def negotiations(self) -> list[Negotiation]:
        """Every party pair with its number of articles, most covered first."""
        rows = self._execute(
            "SELECT n.id, n.party_a, n.party_b, count(an.article_id) AS k FROM negotiations n "
            "LEFT JOIN article_negotiations an ON an.negotiation_id = n.id "
            "GROUP BY n.id, n.party_a, n.party_b ORDER BY k DESC, n.party_a, n.party_b"
        ).fetchall()
        return [Negotiation(int(i), (a, b), int(k)) for i, a, b, k in rows]

    def article_negotiations(self, article_id: int) -> list[tuple[tuple[str, str], str]]:
        """The negotiations (alphabetical party pairs) an article concerns, with the basis."""
        rows = self._execute(
            "SELECT n.party_a, n.party_b, an.basis FROM article_negotiations an "
            "JOIN negotiations n ON n.id = an.negotiation_id WHERE an.article_id = ? "
            "ORDER BY n.party_a, n.party_b",
            [article_id],
        ).fetchall()
        return [((a, b), basis) for a, b, basis in rows]

    def set_article_negotiations(
        self, article_id: int, negotiations: Iterable[tuple[tuple[str, str], str]]
    ) -> None:
        """Replace the negotiations an article concerns (one transaction)."""
        with self.transaction():
            self._execute("DELETE FROM article_negotiations WHERE article_id = ?", [article_id])
            for parties, basis in negotiations:
                self._execute(
                    "INSERT OR IGNORE INTO article_negotiations VALUES (?, ?, ?)",
                    [article_id, self._negotiation_id(parties), basis],
                )

    # -- links to the catalog ---------------------------------------------------------------
    def set_measure_link(self, link: MeasureLink) -> None:
        """Write (or replace) the catalog link of one measure mention.

        Raises
        ------
        StoreError
            The mention id does not exist.
        """
        exists = self._execute(
            "SELECT 1 FROM measure_mentions WHERE id = ?", [link.mention_id]
        ).fetchone()
        if exists is None:
            raise StoreError(f"no measure mention {link.mention_id} in the store")
        candidate = (
            None
            if link.candidate is None
            else json.dumps(dict(link.candidate), ensure_ascii=False, default=str)
        )
        with self.transaction():
            self._execute("DELETE FROM measure_links WHERE mention_id = ?", [link.mention_id])
            self._execute(
                "INSERT INTO measure_links VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    link.mention_id,
                    link.measure_id,
                    candidate,
                    float(link.confidence),
                    link.reason,
                    link.linker,
                    dt.datetime.now(),
                ],
            )

    def measure_links(self, mention_ids: Sequence[int] | None = None) -> list[MeasureLink]:
        """Stored links (all, or those of the given mentions), by mention id."""
        sql = (
            "SELECT mention_id, measure_id, candidate, confidence, reason, linker, linked_at "
            "FROM measure_links"
        )
        params: list[Any] = []
        if mention_ids is not None:
            sql += " WHERE list_contains(?, mention_id)"
            params = [sorted({int(i) for i in mention_ids})]
        rows = self._execute(sql + " ORDER BY mention_id", params).fetchall()
        return [
            MeasureLink(
                int(m),
                measure,
                None if cand is None else json.loads(cand),
                float(conf),
                reason,
                linker,
                at,
            )
            for m, measure, cand, conf, reason, linker, at in rows
        ]

    # -- scenario results -------------------------------------------------------------------
    def put_scenario_result(self, result: ScenarioResult) -> None:
        """Write (or replace) the result of a scenario on a date."""
        negotiation_id = None
        payload = json.dumps(dict(result.result), ensure_ascii=False, default=str)
        with self.transaction():
            if result.negotiation is not None:
                negotiation_id = self._negotiation_id(result.negotiation)
            self._execute(
                "DELETE FROM scenario_results WHERE scenario = ? AND as_of = ?",
                [result.scenario, result.as_of],
            )
            self._execute(
                "INSERT INTO scenario_results VALUES (?, ?, ?, ?, ?)",
                [result.scenario, result.as_of, negotiation_id, payload, dt.datetime.now()],
            )

    def scenario_results(
        self, scenario: str | None = None, as_of: dt.date | None = None
    ) -> list[ScenarioResult]:
        """Stored scenario results, filtered by name and date when given."""
        sql = (
            "SELECT s.scenario, s.as_of, s.result, n.party_a, n.party_b, s.created_at "
            "FROM scenario_results s LEFT JOIN negotiations n ON n.id = s.negotiation_id "
            "WHERE (? IS NULL OR s.scenario = ?) AND (?::DATE IS NULL OR s.as_of = ?) "
            "ORDER BY s.scenario, s.as_of"
        )
        rows = self._execute(sql, [scenario, scenario, as_of, as_of]).fetchall()
        return [
            ScenarioResult(name, day, json.loads(blob), None if a is None else (a, b), at)
            for name, day, blob, a, b, at in rows
        ]

    # -- consistency ------------------------------------------------------------------------
    def check(self) -> list[str]:
        """Consistency problems, one line each (empty when the store is sound).

        Checks that every article has exactly ``n_records`` records, that no record, link or
        negotiation row points to a missing row, and that record spans lie inside the body.
        """
        problems: list[str] = []
        counts = " + ".join(
            f"(SELECT count(*) FROM {t} WHERE article_id = a.id)" for t in RECORD_TABLES
        )
        for article_id, expected, found in self._execute(
            f"SELECT a.id, a.n_records, {counts} FROM articles a WHERE a.n_records <> {counts}"
        ).fetchall():
            problems.append(f"article {article_id}: {found} records, expected {expected}")
        for table in (*RECORD_TABLES, "article_negotiations"):
            (orphans,) = self._execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()
            if orphans:
                problems.append(f"{table}: {orphans} rows without their article")
        (links,) = self._execute(
            "SELECT count(*) FROM measure_links WHERE mention_id NOT IN "
            "(SELECT id FROM measure_mentions)"
        ).fetchone()
        if links:
            problems.append(f"measure_links: {links} rows without their mention")
        for table in RECORD_TABLES:
            (bad,) = self._execute(
                f"SELECT count(*) FROM {table} t JOIN articles a ON a.id = t.article_id "
                "WHERE t.span_start < 0 OR t.span_end < t.span_start "
                "OR t.span_end > length(a.body)"
            ).fetchone()
            if bad:
                problems.append(f"{table}: {bad} records with spans outside their article")
        return problems
