"""``tariffscope brief``: a story in, a sourced and priced analysis of the negotiation out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tariffscope.cli._app import err_console, guarded, out_console
from tariffscope.cli._json import write_json
from tariffscope.errors import MalformedInputError

__all__ = ["register"]


@guarded
def brief_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Story files (text with header block, HTML) or URLs.", show_default=False
        ),
    ],
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write a self-contained HTML brief.")
    ] = None,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Also write the brief as JSON.")
    ] = None,
    png: Annotated[
        Path | None, typer.Option("--png", help="Also write each chart as PNG into this folder.")
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", help="Store to ingest the stories into and read the negotiation from."
        ),
    ] = None,
    draws: Annotated[
        int, typer.Option("--draws", min=0, max=20000, help="Monte Carlo draws per outcome.")
    ] = 500,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the Monte Carlo draws.")] = 0,
    ge: Annotated[
        str, typer.Option("--ge", help="Economy-wide model: gravity, cp (Caliendo-Parro) or none.")
    ] = "gravity",
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy model package (default en_core_web_sm).")
    ] = None,
) -> None:
    """Brief a negotiation from stories: players, events, quotes, law, deadline and prices."""
    from tariffscope.report.build import brief_from_sources
    from tariffscope.report.terminal import render_terminal

    with err_console.status("reading the stories and pricing the outcomes"):
        if ge not in ("gravity", "cp", "none"):
            raise MalformedInputError(f"unknown --ge model {ge!r}", hint="use gravity, cp or none")
        brief, texts = brief_from_sources(
            sources,
            db=db,
            draws=draws,
            seed=seed,
            model=model,
            ge_model=None if ge == "none" else ge,
        )
    render_terminal(brief, out_console)
    if json_path is not None:
        from tariffscope.report.json_out import brief_to_dict

        write_json(json_path, brief_to_dict(brief))
        err_console.print(f"wrote {json_path}", markup=False)
    if html is not None:
        from tariffscope.report.html import render_html

        html.write_text(render_html(brief, texts), encoding="utf-8")
        err_console.print(f"wrote {html}", markup=False)
    if png is not None:
        from tariffscope.report.html import write_pngs

        for path in write_pngs(brief, png):
            err_console.print(f"wrote {path}", markup=False)


def register(app: typer.Typer) -> None:
    app.command("brief")(brief_command)
