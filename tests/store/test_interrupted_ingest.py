"""Killing an ingest midway (SIGKILL, for real, in a subprocess) leaves the store consistent:
only whole stories, every record with its story, and a second run adds exactly the rest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pytest

from tariffscope.domain.news import Extraction
from tariffscope.news.ingest import Article
from tariffscope.store import Store
from tariffscope.tracker import ingest_paths

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL"),
]

HELPER = Path(__file__).with_name("_kill_helper.py")
TABLES = (
    "articles",
    "actors",
    "events",
    "quotes",
    "measure_mentions",
    "deadlines",
    "negotiations",
    "article_negotiations",
)


def gold_extractor(dev_dir: Path):  # type: ignore[no-untyped-def]
    def gold(articles: Sequence[Article]) -> list[Extraction]:
        return [
            Extraction.from_dict(
                json.loads(
                    (dev_dir / "gold" / f"{Path(a.source).stem}.json").read_text(encoding="utf-8")
                )
            )
            for a in articles
        ]

    return gold


def table_counts(path: Path) -> dict[str, int]:
    conn = duckdb.connect(str(path), read_only=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def assert_consistent(path: Path) -> int:
    """Open the store again (replaying its log), check it and return its article count."""
    with Store.open(path) as store:
        assert store.check() == []
        n = store.count_articles()
        for stored in store.extractions():
            assert stored.article.n_records == sum(
                len(x)
                for x in (
                    stored.actor_ids,
                    stored.event_ids,
                    stored.quote_ids,
                    stored.mention_ids,
                    stored.deadline_ids,
                )
            )
        linked = {a.id for n_ in store.negotiations() for a in store.articles(n_.parties)}
        assert linked <= {a.id for a in store.articles()}
    return n


def complete_and_compare(
    path: Path, dev_dir: Path, tmp_path: Path, already: int, *, compare: bool = True
) -> None:
    """Run the ingest again (gold records); with ``compare`` the tables must then hold as many
    rows as after an uninterrupted run."""
    with Store.open(path) as store:
        report = ingest_paths(store, [dev_dir], extractor=gold_extractor(dev_dir))
        assert (len(report.added), len(report.duplicates)) == (30 - already, already)
        sources = sorted(Path(a.source).name for a in store.articles())
    assert sources == sorted(p.name for p in dev_dir.glob("*.txt"))
    assert assert_consistent(path) == 30
    if not compare:
        return
    clean = tmp_path / "clean.duckdb"
    with Store.open(clean) as store:
        ingest_paths(store, [dev_dir], extractor=gold_extractor(dev_dir))
    assert table_counts(path) == table_counts(clean)


def test_kill_inside_a_transaction_leaves_only_whole_stories(tmp_path: Path, dev_dir: Path) -> None:
    db = tmp_path / "store.duckdb"
    proc = subprocess.Popen(
        [sys.executable, str(HELPER), str(db), str(dev_dir), "5"], stdout=subprocess.PIPE, text=True
    )
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.strip())
            if line.startswith("inside transaction"):
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert lines[-1].startswith("inside transaction"), lines
    assert sum(line.startswith("added") for line in lines) == 4
    assert assert_consistent(db) == 4
    complete_and_compare(db, dev_dir, tmp_path, already=4)


@pytest.mark.slow
def test_kill_the_ingest_command_midway(tmp_path: Path, dev_dir: Path) -> None:
    """The real command with the real pipeline, killed after its third story is stored."""
    db = tmp_path / "store.duckdb"
    command = [
        sys.executable,
        "-c",
        "from tariffscope.cli import main; main()",
        "--verbose",
        "ingest",
        str(dev_dir),
        "--db",
        str(db),
    ]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    stored = 0
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            stored += "stored" in line and "as article" in line
            if stored == 3:
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        if proc.stderr is not None:
            proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    n = assert_consistent(db)
    assert 3 <= n < 30
    # the first stories were read by the pipeline, the rest by gold records: compare sources
    complete_and_compare(db, dev_dir, tmp_path, already=n, compare=False)
