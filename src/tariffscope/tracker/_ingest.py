"""Ingesting stories: read, skip duplicates, extract, store; one transaction per story.

Inputs are files, folders (their ``.txt``, ``.text``, ``.html``, ``.htm`` and ``.xhtml``
files, not sub-folders; hidden files are skipped) and http(s) URLs. An input that cannot be
read (missing, binary, not English, an unreachable URL) becomes a failed
:class:`InputResult` with a one-line message, and the rest carries on. A story whose content
hash (:func:`tariffscope.store.article_hashes`) is already stored, or was seen earlier in
the same run, is a duplicate and is not extracted again.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tariffscope import __version__
from tariffscope.domain.news import Extraction
from tariffscope.errors import TariffscopeError
from tariffscope.news.ingest import Article, read_article
from tariffscope.store import Store, article_hashes
from tariffscope.tracker._pairs import article_pairs

__all__ = [
    "ARTICLE_SUFFIXES",
    "Extractor",
    "IngestReport",
    "IngestResults",
    "InputResult",
    "Preparer",
    "ProgressCallback",
    "default_extractor",
    "expand_inputs",
    "extract_batch",
    "extractor_name",
    "failure_message",
    "ingest_paths",
    "read_input",
    "store_story",
]

logger = logging.getLogger(__name__)

ARTICLE_SUFFIXES: frozenset[str] = frozenset({".txt", ".text", ".html", ".htm", ".xhtml"})
"""File endings read from a folder."""

Extractor = Callable[[Sequence[Article]], Iterable[Extraction]]
"""Turns articles into extractions, one per article, in order."""

InputStatus = Literal["added", "duplicate", "failed"]


@dataclass(frozen=True, slots=True)
class InputResult:
    """What happened to one input: ``added`` (with the new article id), ``duplicate`` (with
    the stored article's id) or ``failed`` (with a one-line message)."""

    source: str
    status: InputStatus
    article_id: int | None = None
    message: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class IngestReport:
    """The results of one ingest run, in input order."""

    results: tuple[InputResult, ...]

    def _with(self, status: InputStatus) -> tuple[InputResult, ...]:
        return tuple(r for r in self.results if r.status == status)

    @property
    def added(self) -> tuple[InputResult, ...]:
        """Inputs stored as new articles."""
        return self._with("added")

    @property
    def duplicates(self) -> tuple[InputResult, ...]:
        """Inputs already in the store (or repeated in this run)."""
        return self._with("duplicate")

    @property
    def failed(self) -> tuple[InputResult, ...]:
        """Inputs that could not be read or stored."""
        return self._with("failed")

    @property
    def n_read(self) -> int:
        """How many inputs could be read (added or duplicate)."""
        return len(self.results) - len(self.failed)


ProgressCallback = Callable[[int, int, InputResult], None]
"""``progress(done, total, result)``, called once per input as it is finished."""


def default_extractor(articles: Sequence[Article]) -> Iterable[Extraction]:
    """The news reader's pipeline (:func:`tariffscope.news.api.extract_many`), an undated
    story dated by the law it reports as the brief does (:func:`catalog_law`)."""
    from tariffscope.news.api import extract_many  # loads spaCy only when needed
    from tariffscope.tracker._law_dating import catalog_law

    return extract_many(articles, law=catalog_law)


def extractor_name(extractor: Extractor) -> str:
    """The name stored with each article: the news pipeline's version and model, or the
    custom extractor's ``name`` (or function name)."""
    if extractor is default_extractor:
        from tariffscope.news.pipeline import model_name

        return f"tariffscope {__version__} news pipeline ({model_name()})"
    return str(getattr(extractor, "name", getattr(extractor, "__name__", "custom extractor")))


def _is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def expand_inputs(inputs: Iterable[str | Path]) -> list[tuple[str, str | None]]:
    """``(source, problem)`` per input: folders are replaced by their article files; problem
    is a one-line message for a missing path or a folder without articles, else None."""
    out: list[tuple[str, str | None]] = []
    for item in inputs:
        text = str(item)
        if _is_url(text):
            out.append((text, None))
            continue
        path = Path(text).expanduser()
        if path.is_dir():
            files = sorted(
                p
                for p in path.iterdir()
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not p.name.startswith(".")
            )
            if not files:
                out.append((text, f"{text}: the folder has no .txt or .html files"))
            out.extend((str(p), None) for p in files)
        elif path.exists() and not path.is_file():
            out.append((text, f"{text}: not a regular file"))
        elif not path.exists():
            out.append((text, f"{text}: no such file or folder"))
        else:
            out.append((text, None))
    return out


def read_input(source: str, fetch: Callable[[str], Article] | None = None) -> Article:
    """Read one file or URL (``fetch``, default
    :func:`tariffscope.news.fetch.fetch_article`) into an article."""
    if _is_url(source):
        if fetch is None:
            from tariffscope.news.fetch import fetch_article

            return fetch_article(source)
        return fetch(source)
    return read_article(source)


def extract_batch(
    extractor: Extractor, articles: Sequence[Article]
) -> list[Extraction | Exception]:
    """The extraction of each article, or the exception its extraction raised.

    A batch that raises is retried one article at a time, so one bad article fails alone.
    """
    try:
        found: list[Extraction | Exception] = list(extractor(articles))
    except Exception as error:  # one bad article spoils the batch: retry one by one
        if len(articles) == 1:
            return [error]
        return [r for a in articles for r in extract_batch(extractor, [a])]
    if len(found) != len(articles):
        return [
            RuntimeError(
                f"the extractor returned {len(found)} records for {len(articles)} articles"
            )
        ] * len(articles)
    return found


def failure_message(source: str, error: Exception) -> str:
    """The one-line message of an input whose extraction raised ``error``."""
    message = (
        error.one_line()
        if isinstance(error, TariffscopeError)
        else f"{type(error).__name__}: {error}"
    )
    return f"{source}: extraction failed ({message})"


Preparer = Callable[[Article], Article]
"""Changes an article after it is read and before it is hashed and extracted (the brief
dates stories without a publication date with :class:`tariffscope.tracker.StoryDating`)."""


class IngestResults:
    """The result of each input of a run, by its position, reported as they come."""

    def __init__(self, total: int, progress: ProgressCallback | None) -> None:
        self.total = total
        self.progress = progress
        self.results: dict[int, InputResult] = {}

    def finish(self, position: int, result: InputResult) -> None:
        self.results[position] = result
        if result.status == "failed":
            logger.info("skipped: %s", result.message)
        if self.progress is not None:
            self.progress(len(self.results), self.total, result)

    def report(self) -> IngestReport:
        """One result per input, in input order."""
        return IngestReport(tuple(self.results[k] for k in sorted(self.results)))


class _Run(IngestResults):
    def __init__(
        self, store: Store, extractor: Extractor, total: int, progress: ProgressCallback | None
    ) -> None:
        super().__init__(total, progress)
        self.store = store
        self.extractor = extractor
        self.name = extractor_name(extractor)
        self.pending: list[tuple[int, Article]] = []

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        outcomes = extract_batch(self.extractor, [a for _, a in batch])
        for (position, article), outcome in zip(batch, outcomes, strict=True):
            title = article.meta.title
            if isinstance(outcome, Exception):
                message = failure_message(article.source, outcome)
                self.finish(position, InputResult(article.source, "failed", None, message, title))
                continue
            self.finish(position, store_story(self.store, article, outcome, self.name))


def store_story(
    store: Store, article: Article, extraction: Extraction, extractor: str
) -> InputResult:
    """Store one extracted story with the negotiations it concerns, in one transaction; a
    story the store refuses fails alone."""
    extraction = dataclasses.replace(extraction, article=article.meta)
    try:
        article_id = store.add_article(
            article.source,
            article.text,
            extraction,
            extractor=extractor,
            negotiations=article_pairs(extraction, article.text),
        )
    except TariffscopeError as error:
        return InputResult(article.source, "failed", None, error.one_line(), article.meta.title)
    return InputResult(article.source, "added", article_id, None, article.meta.title)


def ingest_paths(
    store: Store,
    inputs: Iterable[str | Path],
    progress: ProgressCallback | None = None,
    *,
    extractor: Extractor | None = None,
    fetch: Callable[[str], Article] | None = None,
    batch_size: int = 4,
    prepare: Preparer | None = None,
) -> IngestReport:
    """Read stories from files, folders and URLs into the store.

    Parameters
    ----------
    store
        An open, writable store.
    inputs
        Paths of files or folders, or http(s) URLs.
    progress
        ``progress(done, total, result)`` after each input (the CLI draws a bar with it).
    extractor
        Turns a batch of articles into extractions; default :func:`default_extractor`.
    fetch
        Reads a URL into an article; default :func:`tariffscope.news.fetch.fetch_article`.
    batch_size
        Articles extracted together (the pipeline is faster on batches).
    prepare
        Called on each article read, before duplicates are looked for; a
        :class:`~tariffscope.errors.TariffscopeError` it raises fails that input.

    Returns
    -------
    IngestReport
        One result per input (per file of a folder), in input order.

    Notes
    -----
    Each new story is stored with all its records in one transaction: interrupting the run
    (even with SIGKILL) leaves complete stories only, and running it again adds the rest.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    items = expand_inputs(inputs)
    run = _Run(store, extractor or default_extractor, len(items), progress)
    seen: dict[str, str] = {}
    for position, (source, problem) in enumerate(items):
        if problem is not None:
            run.finish(position, InputResult(source, "failed", None, problem))
            continue
        try:
            article = read_input(source, fetch)
            if prepare is not None:
                article = prepare(article)
        except TariffscopeError as error:
            run.finish(position, InputResult(source, "failed", None, error.one_line()))
            continue
        except OSError as error:
            run.finish(
                position, InputResult(source, "failed", None, f"{source}: cannot read ({error})")
            )
            continue
        content_hash, _ = article_hashes(article.text, article.meta)
        stored = store.find_article(content_hash)
        if stored is not None or content_hash in seen:
            note = f"same content as {seen[content_hash]}" if content_hash in seen else None
            run.finish(position, InputResult(source, "duplicate", stored, note, article.meta.title))
            continue
        seen[content_hash] = source
        run.pending.append((position, article))
        if len(run.pending) >= batch_size:
            run.flush()
    run.flush()
    return run.report()
