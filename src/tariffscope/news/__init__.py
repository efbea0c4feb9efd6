"""The news reader: from a trade story to sourced records of actors, events, quotes, measures
and deadlines.

Typical use::

    from tariffscope.news import extract_path
    extraction = extract_path("examples/ishiba-bessent-2025-07-18.txt")
    print(extraction.to_json())

The pieces: :mod:`~tariffscope.news.ingest` and :mod:`~tariffscope.news.fetch` read
articles; :mod:`~tariffscope.news.pipeline` loads the spaCy model with the tariffscope
components (registered as spaCy factories ``tariffscope_*``); :func:`doc_to_extraction`
turns a processed ``Doc`` into typed records; :mod:`~tariffscope.news.scoring` scores them
against gold annotations. Names are imported lazily, so reading an article does not load
spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__all__ = [
    "DEFAULT_MODEL",
    "MODEL_ENV",
    "Article",
    "EvalReport",
    "doc_to_extraction",
    "extract",
    "extract_many",
    "extract_path",
    "fetch_article",
    "load_pipeline",
    "read_article",
    "read_stdin",
    "score_corpus",
]

_LAZY = {
    "Article": "tariffscope.news.ingest",
    "read_article": "tariffscope.news.ingest",
    "read_stdin": "tariffscope.news.ingest",
    "fetch_article": "tariffscope.news.fetch",
    "DEFAULT_MODEL": "tariffscope.news.pipeline",
    "MODEL_ENV": "tariffscope.news.pipeline",
    "load_pipeline": "tariffscope.news.pipeline",
    "doc_to_extraction": "tariffscope.news.extraction",
    "extract": "tariffscope.news.api",
    "extract_many": "tariffscope.news.api",
    "extract_path": "tariffscope.news.api",
    "EvalReport": "tariffscope.news.scoring",
    "score_corpus": "tariffscope.news.scoring",
}

if TYPE_CHECKING:  # pragma: no cover
    from tariffscope.news.api import extract, extract_many, extract_path
    from tariffscope.news.extraction import doc_to_extraction
    from tariffscope.news.fetch import fetch_article
    from tariffscope.news.ingest import Article, read_article, read_stdin
    from tariffscope.news.pipeline import DEFAULT_MODEL, MODEL_ENV, load_pipeline
    from tariffscope.news.scoring import EvalReport, score_corpus


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tariffscope.news' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
