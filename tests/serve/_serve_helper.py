"""Run by ``test_kill.py`` in a subprocess: ``tariffscope serve`` on a store, with a news
reader that returns the article's metadata only, slowly (``slow``) or at once (``fast``), so
the test can kill the server in the middle of an ingest job.

Usage: python _serve_helper.py DB PORT slow|fast
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

import uvicorn

from tariffscope.domain.news import Extraction
from tariffscope.news.ingest import Article
from tariffscope.serve import ServiceConfig, create_app


def main() -> None:
    db, port, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]

    def reader(articles: Sequence[Article]) -> list[Extraction]:
        if mode == "slow":
            time.sleep(1.0 * len(articles))
        return [Extraction(article=a.meta) for a in articles]

    reader.name = "metadata-only test reader"  # type: ignore[attr-defined]
    config = ServiceConfig(db=db, token="kill-test", extractor=reader)
    uvicorn.run(create_app(config), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
