"""Ingest: folders, duplicates, unreadable inputs, extraction failures, progress."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import httpx
import pytest
from _tracker_helpers import GoldExtractor

from tariffscope.domain.news import Extraction
from tariffscope.errors import ExtractionError
from tariffscope.news.fetch import fetch_article
from tariffscope.news.ingest import Article
from tariffscope.store import Store
from tariffscope.tracker import InputResult, expand_inputs, ingest_paths

pytestmark = pytest.mark.shared


@pytest.fixture
def three(tmp_path: Path, dev_dir: Path) -> list[Path]:
    names = [
        "15-brazil-lula-trump-phone-call-40pct-ap-inddist.txt",
        "22-brazil-40pct-removed-agri-goods-mercopress.txt",
        "09-brazil-returns-trump-50pct-tariff-letter-intercity.txt",
    ]
    return [Path(shutil.copy(dev_dir / n, tmp_path / n)) for n in names]


def test_a_folder_gives_its_articles_only(dev_dir: Path) -> None:
    items = expand_inputs([dev_dir])
    assert len(items) == 30
    assert all(problem is None and source.endswith(".txt") for source, problem in items)
    assert not any("INDEX" in source or "/gold/" in source for source, _ in items)


def test_reingesting_adds_nothing(store: Store, dev_dir: Path, gold: GoldExtractor) -> None:
    first = ingest_paths(store, [dev_dir], extractor=gold)
    assert len(first.added) == 30
    calls: list[int] = []

    def counting(articles: Sequence[Article]) -> list[Extraction]:
        calls.append(len(articles))
        return gold(articles)

    again = ingest_paths(store, [dev_dir, dev_dir / first.added[0].source], extractor=counting)
    assert len(again.duplicates) == 31 and not again.added and not again.failed
    assert calls == []  # nothing was extracted again
    assert {r.article_id for r in again.duplicates} == {r.article_id for r in first.added}
    assert store.count_articles() == 30
    assert store.check() == []


def test_the_same_story_twice_in_one_run_is_stored_once(
    store: Store, three: list[Path], gold: GoldExtractor, tmp_path: Path
) -> None:
    copy = tmp_path / "copy" / three[0].name
    copy.parent.mkdir()
    shutil.copy(three[0], copy)
    report = ingest_paths(store, [three[0], copy], extractor=gold)
    assert [r.status for r in report.results] == ["added", "duplicate"]
    assert report.results[1].message == f"same content as {three[0]}"


def test_bad_inputs_are_reported_in_one_line_and_the_rest_carries_on(
    store: Store, three: list[Path], gold: GoldExtractor, tmp_path: Path
) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()

    def fetch(url: str) -> Article:
        transport = httpx.MockTransport(lambda request: httpx.Response(404))
        with httpx.Client(transport=transport) as client:
            return fetch_article(url, client=client, resolve=lambda h, p: ["93.184.216.34"])

    inputs = [
        three[0],
        tmp_path / "missing.txt",
        binary,
        "https://example.com/gone",
        empty_dir,
        three[1],
    ]
    report = ingest_paths(store, inputs, extractor=gold, fetch=fetch)
    assert [r.status for r in report.results] == [
        "added",
        "failed",
        "failed",
        "failed",
        "failed",
        "added",
    ]
    messages = [r.message or "" for r in report.failed]
    assert all("\n" not in m for m in messages)
    assert "missing.txt: no such file or folder" in messages[0]
    assert "binary" in messages[1]
    assert "HTTP 404" in messages[2]
    assert "no .txt or .html files" in messages[3]
    assert report.n_read == 2
    assert store.count_articles() == 2


def test_an_extraction_failure_spoils_only_its_story(
    store: Store, three: list[Path], gold: GoldExtractor
) -> None:
    def fragile(articles: Sequence[Article]) -> list[Extraction]:
        if any(a.source.endswith(three[1].name) for a in articles):
            raise ExtractionError("the parser fell over")
        return gold(articles)

    report = ingest_paths(store, three, extractor=fragile, batch_size=3)
    assert [r.status for r in report.results] == ["added", "failed", "added"]
    assert "the parser fell over" in (report.results[1].message or "")
    assert store.check() == []


def test_progress_is_reported_once_per_input(
    store: Store, three: list[Path], gold: GoldExtractor, tmp_path: Path
) -> None:
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, result: InputResult) -> None:
        seen.append((done, total, result.status))

    ingest_paths(store, [*three, tmp_path / "nope.txt"], progress, extractor=gold, batch_size=2)
    assert [d for d, _, _ in seen] == [1, 2, 3, 4]
    assert {t for _, t, _ in seen} == {4}
    assert sorted(s for _, _, s in seen) == ["added", "added", "added", "failed"]


def test_stories_are_assigned_to_their_negotiations(
    store: Store, three: list[Path], gold: GoldExtractor
) -> None:
    ingest_paths(store, three, extractor=gold)
    assert [(n.parties, n.n_articles) for n in store.negotiations()] == [(("BRA", "USA"), 3)]
