"""From story files or URLs to a :class:`~tariffscope.report.brief.Brief`.

Reads each source (text with header block, HTML, or URL), runs the news pipeline, and builds
the brief. With a store (``db``), the stories are ingested first so that the brief follows the
negotiation across every story the store holds.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from tariffscope.domain.news import Extraction
from tariffscope.errors import InputError
from tariffscope.report.brief import Brief, build_brief

__all__ = ["brief_from_sources", "read_sources"]


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def read_sources(
    sources: Sequence[str], *, model: str | None = None
) -> tuple[list[Extraction], list[str]]:
    """Extraction records and body texts of the stories, in the order given."""
    from tariffscope.news.extraction import doc_to_extraction
    from tariffscope.news.ingest import read_article
    from tariffscope.news.pipeline import load_pipeline, process_many

    if not sources:
        raise InputError("give at least one story file or URL")
    articles = []
    for source in sources:
        if _is_url(source):
            from tariffscope.news.fetch import fetch_article

            articles.append(fetch_article(source))
        else:
            articles.append(read_article(Path(source)))
    nlp = load_pipeline(model)
    extractions = [doc_to_extraction(doc) for doc in process_many(articles, nlp)]
    return extractions, [article.text for article in articles]


def brief_from_sources(
    sources: Sequence[str],
    *,
    db: Path | None = None,
    draws: int = 500,
    seed: int = 0,
    model: str | None = None,
    ge_model: str | None = "gravity",
) -> tuple[Brief, tuple[str, ...]]:
    """The brief of the stories (and the story texts, for the HTML brief).

    The stories go through a store (``db``, or one in memory) so that the brief follows the
    negotiation across every story the store holds. ``ge_model`` is "gravity", "cp" or None
    (no economy-wide section).
    """
    from tariffscope.regime import default_catalog
    from tariffscope.report.economy import economy_function
    from tariffscope.report.stored import open_store, read_into_store

    if not sources:
        raise InputError("give at least one story file or URL")
    if model is not None:
        os.environ["TARIFFSCOPE_SPACY_MODEL"] = model
    catalog = default_catalog()
    with open_store(db) as store:
        stories = read_into_store(store, sources, catalog)
    economy = None if ge_model is None else economy_function(ge_model)
    brief = build_brief(
        stories.extractions,
        catalog=catalog,
        draws=draws,
        seed=seed,
        economy=economy,
        state=stories.state,
    )
    return brief, stories.texts
