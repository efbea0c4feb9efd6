"""Run in a subprocess by ``test_interrupted_ingest.py``: ingest the development stories
(read by their gold records) and stall inside the transaction of the Nth story, after its
records are written but before the commit, so the test can kill the process right there.

Usage: python _kill_helper.py DB DEV_DIR N
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tariffscope.domain.news import Extraction
from tariffscope.news.ingest import Article
from tariffscope.store import Store
from tariffscope.tracker import InputResult, ingest_paths


class StallingStore(Store):
    """Stops for a minute inside the transaction of the Nth article."""

    stall_at = 0
    written = 0

    def _write_records(self, article_id: int, rows: Mapping[str, list[Any]]) -> None:
        super()._write_records(article_id, rows)
        StallingStore.written += 1
        if StallingStore.written == StallingStore.stall_at:
            print(f"inside transaction of article {article_id}", flush=True)
            time.sleep(60)


def main() -> None:
    db, dev_dir, stall_at = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    gold_dir = dev_dir / "gold"

    def gold(articles: Sequence[Article]) -> list[Extraction]:
        return [
            Extraction.from_dict(
                json.loads((gold_dir / f"{Path(a.source).stem}.json").read_text(encoding="utf-8"))
            )
            for a in articles
        ]

    def progress(done: int, total: int, result: InputResult) -> None:
        print(f"{result.status} {result.source}", flush=True)

    StallingStore.stall_at = stall_at
    with StallingStore.open(db) as store:
        ingest_paths(store, [dev_dir], progress, extractor=gold, batch_size=1)
    print("finished", flush=True)


if __name__ == "__main__":
    main()
