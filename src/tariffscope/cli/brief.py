"""``tariffscope brief``: a story in, a sourced and priced analysis of the negotiation out."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from tariffscope.cli._app import err_console, guarded, out_console
from tariffscope.cli._files import writable_file, writable_folder
from tariffscope.cli._json import write_json
from tariffscope.cli._options import PoliticalEconomyOption, SeedOption
from tariffscope.errors import MalformedInputError

__all__ = ["register"]


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise MalformedInputError(
            f"--as-of {text!r} is not a date", hint="write it as YYYY-MM-DD"
        ) from None


def _suffixed(path: Path, index: int, pair: tuple[str, str]) -> Path:
    """``brief.html`` -> ``brief-USA-CHN.html`` for the second and later briefs of a run."""
    if index == 0:
        return path
    return path.with_name(f"{path.stem}-{pair[0]}-{pair[1]}{path.suffix}")


@guarded
def brief_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Story files (text with header block, HTML) or URLs.", show_default=False
        ),
    ],
    pair: Annotated[
        str | None,
        typer.Option(
            "--pair",
            help="The negotiation to brief, imposer first, e.g. USA-CHN or EUN-CHN "
            "(default: the one the stories centre on).",
        ),
    ] = None,
    all_pairs: Annotated[
        bool,
        typer.Option(
            "--all-pairs",
            help="One brief for each negotiation the stories concern (--json then writes a "
            "list of briefs).",
        ),
    ] = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="The day to brief as of, YYYY-MM-DD (default: the latest publication date; a "
            "story without one is read as of the latest full date its text states, else as the "
            "law it reports or the catalog's last day allow; the warning says which).",
        ),
    ] = None,
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
    seed: SeedOption = 0,
    ge: Annotated[
        str, typer.Option("--ge", help="Economy-wide model: gravity, cp (Caliendo-Parro) or none.")
    ] = "gravity",
    model: Annotated[
        str | None, typer.Option("--model", help="spaCy model package (default en_core_web_sm).")
    ] = None,
    political_economy: PoliticalEconomyOption = None,
) -> None:
    """Brief a negotiation from stories: players, events, quotes, law, deadline and prices.

    With --all-pairs, the terminal shows the briefs one after the other; --json writes a JSON
    list with one brief object per pair (the main pair first); --html and --png write the
    first brief under the given name and each further one with its pair added to the name.
    """
    from tariffscope.api import briefs as brief_stories
    from tariffscope.report.terminal import render_terminal

    day = _day(as_of)
    # refuse an unusable output path before the minutes of reading and pricing
    for path in (html, json_path):
        if path is not None:
            writable_file(path)
    if png is not None:
        writable_folder(png)
    with err_console.status("reading the stories and pricing the outcomes"):
        found = brief_stories(
            sources,
            db=db,
            draws=draws,
            seed=seed,
            model=model,
            ge=ge,
            pair=pair,
            as_of=day,
            all_pairs=all_pairs,
            political_economy=political_economy,
        )
    briefs, texts = found.briefs, found.texts
    for brief in briefs:
        render_terminal(brief, out_console)
    if json_path is not None:
        from tariffscope.report.json_out import brief_to_dict

        data: Any = [brief_to_dict(b) for b in briefs] if all_pairs else brief_to_dict(briefs[0])
        write_json(json_path, data)
        err_console.print(f"wrote {json_path}", markup=False)
    if html is not None:
        from tariffscope.report.html import render_html

        for index, brief in enumerate(briefs):
            path = _suffixed(html, index, brief.pair)
            path.write_text(render_html(brief, texts), encoding="utf-8")
            err_console.print(f"wrote {path}", markup=False)
    if png is not None:
        from tariffscope.report.html import write_pngs

        for index, brief in enumerate(briefs):
            folder = png if index == 0 else png / f"{brief.pair[0]}-{brief.pair[1]}"
            for path in write_pngs(brief, folder):
                err_console.print(f"wrote {path}", markup=False)


def register(app: typer.Typer) -> None:
    app.command("brief")(brief_command)
