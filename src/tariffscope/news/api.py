"""One-call entry points: an article (or a file) in, an :class:`Extraction` out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language

from tariffscope.domain.news import Extraction
from tariffscope.news.extraction import doc_to_extraction
from tariffscope.news.ingest import Article, read_article
from tariffscope.news.law_anchor import LawSource
from tariffscope.news.pipeline import load_pipeline, process, process_many

__all__ = ["extract", "extract_many", "extract_path"]


def extract(
    article: Article, nlp: Language | None = None, law: LawSource | None = None
) -> Extraction:
    """The records of one article (the pipeline is loaded once per process); ``law`` dates an
    undated story whose clues give no year by the law it reports
    (:mod:`tariffscope.news.law_anchor`)."""
    return doc_to_extraction(process(article, nlp or load_pipeline(), law))


def extract_path(path: str | Path, nlp: Language | None = None) -> Extraction:
    """Read a text or HTML file and extract its records."""
    return extract(read_article(path), nlp)


def extract_many(
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    n_process: int = 1,
    batch_size: int = 4,
    law: LawSource | None = None,
) -> Iterator[Extraction]:
    """The records of many articles, in order, with ``nlp.pipe`` over ``n_process`` workers
    (``law``: as for :func:`extract`)."""
    for doc in process_many(articles, nlp, n_process=n_process, batch_size=batch_size, law=law):
        yield doc_to_extraction(doc)
