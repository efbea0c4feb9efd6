"""``tariffscope ingest``: read stories from files, folders and URLs into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, TimeElapsedColumn

from tariffscope.cli._app import (
    Format,
    guarded,
    out_console,
    plain_text_column,
    progress_bar,
)
from tariffscope.cli._cluster import ClusterOption, cluster_spec, maybe_cluster
from tariffscope.cli._json import print_json
from tariffscope.errors import EXIT_BAD_INPUT, ExtractionError, MalformedInputError
from tariffscope.store import Store, default_db_path

__all__ = ["DbOption", "WaitOption", "open_store", "register"]


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="The store file (DuckDB); default tariffscope.duckdb in the user data folder"
        " (TARIFFSCOPE_DATA_DIR).",
        dir_okay=False,
    ),
]


WaitOption = Annotated[
    float | None,
    typer.Option(
        "--wait",
        min=0,
        max=3600,
        help="Seconds to wait while another process holds the store (default"
        " $TARIFFSCOPE_STORE_WAIT, else 10).",
        show_default=False,
    ),
]


def open_store(db: Path | None, *, read_only: bool = False, wait: float | None = None) -> Store:
    """Open the store of ``--db`` (or the default); reading needs an existing store.

    Raises
    ------
    MalformedInputError
        ``read_only`` and there is no store at that path.
    """
    path = db if db is not None else default_db_path()
    if read_only and not path.exists():
        raise MalformedInputError(
            f"no store at {path}", hint="run `tariffscope ingest FILE...` first, or give --db"
        )
    return Store.open(path, read_only=read_only, wait=wait)


def ingest_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Article files (text with header block, or HTML), folders of them,"
            " or http(s) URLs.",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Print a summary line or JSON results.")
    ] = Format.table,
    wait: WaitOption = None,
    cluster: ClusterOption = None,
    max_in_flight: Annotated[
        int | None,
        typer.Option(
            "--max-in-flight",
            min=1,
            help="With --cluster: partitions held at once (planned, extracting or waiting to"
            " merge), which bounds this process's memory; default twice the workers' threads.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read stories into the store: duplicates are skipped, unreadable inputs reported.

    Each story is stored with everything extracted from it in one transaction, so an
    interrupted run leaves only complete stories; run it again to add the rest. Each input
    that cannot be read is reported on one line and the others are stored; the exit code is 2
    when any input could not be read (as for ``extract`` of a folder).

    With --cluster the stories are read and extracted on Dask workers, staged as Parquet
    partitions beside the store (<store>.staging) and merged by this process; a run that
    was interrupted, run again, extracts only the partitions not yet staged; --max-in-flight
    bounds the partitions held at once (it needs --cluster: exit 2 without).
    """
    from tariffscope.tracker import InputResult, ingest_paths

    spec = cluster_spec(cluster)
    if max_in_flight is not None and spec is None:
        # an option that would do nothing: say so rather than let a user believe it bounds
        # the run (without a cluster only a small batch of stories is held at once anyway)
        raise MalformedInputError(
            "--max-in-flight bounds the partitions of a --cluster run; give --cluster too"
        )

    with maybe_cluster(spec) as client, open_store(db, wait=wait) as store:
        columns = (
            plain_text_column("{task.description}", style="progress.description"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with progress_bar(*columns) as bar:
            task = bar.add_task("ingesting", total=None)

            def progress(done: int, total: int, result: InputResult) -> None:
                bar.update(
                    task,
                    completed=done,
                    total=total,
                    description=f"ingesting {Path(result.source).name[:40]}",
                )
                if result.status == "failed" and total > 1:
                    bar.console.print(f"skipped: {result.message}", markup=False, highlight=False)

            if client is None:
                report = ingest_paths(store, inputs, progress)
            else:
                from tariffscope.distributed import ingest_on_cluster

                report = ingest_on_cluster(
                    store, inputs, client, progress, max_in_flight=max_in_flight
                )
        where = store.path
        total = store.count_articles()
    if output_format is Format.json:
        payload = {
            "store": str(where),
            "added": len(report.added),
            "duplicates": len(report.duplicates),
            "failed": len(report.failed),
            "articles_in_store": total,
            "results": [
                {
                    "source": r.source,
                    "status": r.status,
                    "article_id": r.article_id,
                    "message": r.message,
                    "title": r.title,
                }
                for r in report.results
            ],
        }
        print_json(payload)
    else:
        out_console.print(
            f"added {len(report.added)}, already stored {len(report.duplicates)}, "
            f"could not read {len(report.failed)}; {total} articles in {where}",
            markup=False,
            highlight=False,
        )
    if len(report.results) == 1 and report.failed:
        # one input: its own message is the one line
        raise ExtractionError(report.results[0].message or "the input could not be read")
    if report.results and report.n_read == 0:
        raise ExtractionError(f"none of the {len(report.results)} inputs could be read")
    if report.failed:
        # as `extract DIR`: the readable stories are stored, each bad one was reported on its
        # own line above, and the exit code says that something was wrong
        raise typer.Exit(EXIT_BAD_INPUT)


def register(app: typer.Typer) -> None:
    """Add ``ingest`` to the application."""
    app.command("ingest")(guarded(ingest_command))
