"""The store: schema, round trips, transactions, links, scenario results, refusals."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest

import tariffscope.store as store_api
from tariffscope.domain.news import (
    Actor,
    ArticleMeta,
    Deadline,
    Event,
    Extraction,
    MeasureMention,
    Quote,
    StoryDating,
)
from tariffscope.errors import StoreError
from tariffscope.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    MeasureLink,
    ScenarioResult,
    Store,
    article_hashes,
    default_db_path,
    pair_key,
)

BODY = "Brazil's vice president met the US Commerce secretary in Brasilia on Friday. " * 4
META = ArticleMeta(
    title="Alckmin meets Lutnick",
    published=dt.date(2025, 7, 18),
    outlet="Bloomberg",
    url="https://example.com/a",
    body_start=57,
)


def extraction(meta: ArticleMeta = META) -> Extraction:
    return Extraction(
        article=meta,
        actors=(
            Actor("Geraldo Alckmin", "Vice President", "BRA", 0, 15, ((0, 15), (40, 47))),
            Actor("Howard Lutnick", None, "USA", 20, 34),
        ),
        events=(
            Event(
                "meeting",
                dt.date(2025, 7, 18),
                "day",
                "on Friday",
                "Brasilia",
                ("Geraldo Alckmin", "Howard Lutnick"),
                "happened",
                0,
                70,
                None,
                "met",
            ),
            Event(
                "visit",
                None,
                None,
                None,
                "Washington",
                ("Mauro Vieira",),
                "happened",
                80,
                120,
                7,
                "visited",
            ),
        ),
        quotes=(
            Quote(
                "A good agreement would definitely be reached.",
                "Howard Lutnick",
                "Geraldo Alckmin",
                150,
                196,
            ),
        ),
        measures=(
            MeasureMention(
                "USA", "BRA", "all goods", 10.0, 25.0, dt.date(2025, 8, 1), "threatened", 200, 260
            ),
            MeasureMention("USA", "BRA", "cars", None, 25.0, None, "in_force", 0, 10),
        ),
        deadlines=(Deadline(dt.date(2025, 8, 1), "higher levies", 200, 260),),
        warnings=("a warning",),
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.memory() as opened:
        yield opened


def test_public_names_are_pinned() -> None:
    assert sorted(store_api.__all__) == [
        "DEFAULT_DB_NAME",
        "MIGRATIONS",
        "MeasureLink",
        "Migration",
        "Negotiation",
        "SCHEMA_VERSION",
        "ScenarioResult",
        "Store",
        "StoredArticle",
        "StoredExtraction",
        "article_hashes",
        "default_db_path",
        "pair_key",
    ]


def test_article_round_trip_keeps_every_record_and_span(store: Store) -> None:
    article_id = store.add_article(
        "a.txt", BODY, extraction(), extractor="test", negotiations=[(("USA", "BRA"), "measure")]
    )
    (stored,) = store.extractions()
    assert stored.article.id == article_id
    assert stored.extraction == extraction()
    assert stored.body == BODY
    assert stored.article.meta == META
    assert stored.article.n_records == 8
    assert len(stored.mention_ids) == 2 and len(set(stored.mention_ids)) == 2
    assert [n.parties for n in store.negotiations()] == [("BRA", "USA")]
    assert store.article_negotiations(article_id) == [(("BRA", "USA"), "measure")]
    store.set_article_negotiations(article_id, [(("USA", "KOR"), "event")])
    assert store.article_negotiations(article_id) == [(("KOR", "USA"), "event")]
    store.set_article_negotiations(article_id, [(("USA", "BRA"), "measure")])
    assert [a.id for a in store.articles(("USA", "BRA"))] == [article_id]
    assert store.articles(("USA", "KOR")) == []
    assert store.check() == []


def test_a_second_copy_is_refused_and_a_failed_write_leaves_nothing(store: Store) -> None:
    store.add_article("a.txt", BODY, extraction(), extractor="test")
    with pytest.raises(StoreError, match="already in the store"):
        store.add_article("b.txt", BODY, extraction(), extractor="test")

    class Failing(Store):
        def _write_records(self, article_id: int, rows: Mapping[str, list[Any]]) -> None:
            super()._write_records(article_id, rows)
            raise StoreError("disk full")

    other = extraction(ArticleMeta(title="other", published=None, outlet="Reuters"))
    failing = Failing(store._conn, None)
    with pytest.raises(StoreError, match="disk full"):
        failing.add_article(
            "c.txt", BODY, other, extractor="test", negotiations=[(("USA", "KOR"), "measure")]
        )
    assert store.count_articles() == 1
    assert store.check() == []
    assert [n.parties for n in store.negotiations()] == []  # the new pair was rolled back too


def test_hashes_ignore_layout_but_not_metadata() -> None:
    content, text = article_hashes(BODY, META)
    wrapped = BODY.replace(". ", ".\n\n")
    assert article_hashes(wrapped, META) == (content, text)
    syndicated = ArticleMeta(title=META.title, published=META.published, outlet="Reuters")
    other_content, other_text = article_hashes(BODY, syndicated)
    assert other_text == text and other_content != content
    assert article_hashes(BODY + " More.", META)[1] != text


def test_pair_key_orders_and_refuses_one_party() -> None:
    assert pair_key("USA", "BRA") == ("BRA", "USA") == pair_key("BRA", "USA")
    with pytest.raises(ValueError, match="two different parties"):
        pair_key("USA", "USA")


def test_a_party_with_all_partners_is_a_negotiation(store: Store) -> None:
    # a measure on every country files a story under its imposer and WLD (issue 9); a code
    # after WLD in the alphabet is stored first, as every pair is stored
    assert pair_key("USA", "WLD") == ("USA", "WLD") and pair_key("ZAF", "WLD") == ("WLD", "ZAF")
    article_id = store.add_article(
        "a.txt", BODY, extraction(), extractor="test", negotiations=[(("WLD", "USA"), "measure")]
    )
    assert [n.parties for n in store.negotiations()] == [("USA", "WLD")]
    assert [a.id for a in store.articles(("WLD", "USA"))] == [article_id]
    assert store.article_negotiations(article_id) == [(("USA", "WLD"), "measure")]


def test_measure_links_are_written_replaced_and_checked(store: Store) -> None:
    store.add_article("a.txt", BODY, extraction(), extractor="test")
    (stored,) = store.extractions()
    first, second = stored.mention_ids
    store.set_measure_link(
        MeasureLink(first, "THREAT-BRA-25", None, 0.9, "rate and date", "linker 1")
    )
    store.set_measure_link(
        MeasureLink(
            second, None, {"id": "NEWS-1", "rate": 0.25}, 0.4, "no catalog measure", "linker 1"
        )
    )
    store.set_measure_link(MeasureLink(first, "THREAT-BRA-25", None, 0.95, "again", "linker 2"))
    links = {link.mention_id: link for link in store.measure_links()}
    assert links[first].confidence == 0.95 and links[first].linker == "linker 2"
    assert links[second].measure_id is None and links[second].candidate == {
        "id": "NEWS-1",
        "rate": 0.25,
    }
    assert links[second].linked_at is not None
    assert [link.mention_id for link in store.measure_links([second])] == [second]
    with pytest.raises(StoreError, match="no measure mention 999"):
        store.set_measure_link(MeasureLink(999, "X", None, 0.5, "r", "l"))
    with pytest.raises(ValueError, match="confidence"):
        MeasureLink(first, "X", None, 1.5, "r", "l")


def test_scenario_results_are_keyed_by_name_and_date(store: Store) -> None:
    day = dt.date(2025, 7, 18)
    store.put_scenario_result(ScenarioResult("threat", day, {"duties_usd": 1.0}, ("USA", "BRA")))
    store.put_scenario_result(ScenarioResult("threat", day, {"duties_usd": 2.0}, ("USA", "BRA")))
    store.put_scenario_result(ScenarioResult("law", day, {"duties_usd": 0.5}))
    (threat,) = store.scenario_results("threat", day)
    assert threat.result == {"duties_usd": 2.0} and threat.negotiation == ("BRA", "USA")
    assert [r.scenario for r in store.scenario_results()] == ["law", "threat"]
    assert store.scenario_results("threat", dt.date(2025, 7, 19)) == []


def test_file_store_is_created_migrated_and_reopened(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "s.duckdb"
    with Store.open(path) as opened:
        assert opened.schema_version == SCHEMA_VERSION
        opened.add_article("a.txt", BODY, extraction(), extractor="test")
    with Store.open(path, read_only=True) as reopened:
        assert reopened.count_articles() == 1
        assert reopened.check() == []


def test_how_an_undated_story_was_dated_is_stored_and_read_back(tmp_path: Path) -> None:
    dating = StoryDating(dt.date(2025, 8, 6), "catalog", "the law it reports", "the law")
    undated = ArticleMeta(title="Talks resume", url="https://example.com/undated")
    with Store.open(tmp_path / "s.duckdb") as store:
        dated_id = store.add_article(
            "u.txt", BODY, replace(extraction(undated), dating=dating), extractor="test"
        )
        plain_id = store.add_article("a.txt", BODY, extraction(), extractor="test")
        assert store.article(dated_id).dating == dating
        assert store.article(plain_id).dating is None
        (stored,) = store.extractions([dated_id])
        assert stored.extraction.dating == dating


def test_a_version_1_store_is_migrated_and_keeps_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    conn = duckdb.connect(str(path))
    for statement in MIGRATIONS[0].statements:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_migrations VALUES (1, 'version 1', now())")
    conn.execute(
        "INSERT INTO articles (content_hash, text_hash, source, body_start, body, extractor, "
        "warnings, n_records, ingested_at) VALUES ('h', 't', 'old.txt', 0, 'Body.', 'test', "
        "'[]', 0, now())"
    )
    conn.close()
    with pytest.raises(StoreError, match="schema version 1"):
        Store.open(path, read_only=True)
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 2
        (old,) = store.articles()
        assert old.source == "old.txt" and old.dating is None
        assert store.check() == []


def test_default_path_is_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TARIFFSCOPE_DATA_DIR", str(tmp_path))
    assert default_db_path() == tmp_path / "tariffscope.duckdb"


def test_refusals_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database " * 100)
    with pytest.raises(StoreError, match=r"junk\.duckdb"):
        Store.open(junk)
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    Store.open(path).close()
    conn = duckdb.connect(str(path))
    conn.execute(
        "INSERT INTO schema_migrations VALUES (?, 'from the future', now())", [SCHEMA_VERSION + 1]
    )
    conn.close()
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}"):
        Store.open(path)


def test_a_store_in_use_by_another_process_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True);"
            " time.sleep(30)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="in use by another process"):
            Store.open(path, wait=0)
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    time.sleep(0.1)
    Store.open(path).close()  # free again once the other process is gone
