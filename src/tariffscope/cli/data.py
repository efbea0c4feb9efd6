"""``tariffscope data``: build the embedded tables, fetch official sources, show their status,
and look up lines of the embedded HTS schedule."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from tariffscope.cli._app import Format as OutputFormat
from tariffscope.cli._app import err_console, guarded, out_console
from tariffscope.cli._json import print_json
from tariffscope.config import embedded_dir
from tariffscope.regime.schedule import format_hts

__all__ = ["register"]

data_app = typer.Typer(
    name="data",
    help="Embedded data: build tables from official sources, fetch sources, look up HTS lines.",
    no_args_is_help=True,
)


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Print a table or JSON.")
]
SharedOption = Annotated[
    Path | None,
    typer.Option(
        "--shared",
        help="The shared folder of public files (holds data/); default ../shared or"
        " TARIFFSCOPE_SHARED_DIR, then the download cache.",
        file_okay=False,
    ),
]


@data_app.command("build")
@guarded
def build_command(
    names: Annotated[
        list[str] | None, typer.Argument(help="Builders to run (default: all).", show_default=False)
    ] = None,
    shared: SharedOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Output folder (default: the package's data/embedded).", file_okay=False
        ),
    ] = None,
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Derive the embedded tables from the official source files."""
    from tariffscope.data.build import run_builds

    with err_console.status("building ...") as status:
        results = run_builds(
            names or (),
            shared=shared,
            out=out,
            on_start=lambda builder: status.update(
                f"building {builder.name}: {builder.description}"
            ),
        )
    if output_format is OutputFormat.json:
        payload = [
            {
                "builder": result.builder,
                "manifest": str(result.manifest),
                "outputs": [
                    {"path": str(o.path), "sha256": o.sha256, "bytes": o.size}
                    for o in result.outputs
                ],
                "sources": [
                    {"name": s.name, "path": str(s.path), "sha256": s.sha256, "matches": s.matches}
                    for s in result.sources
                ],
                "facts": result.facts,
            }
            for result in results
        ]
        print_json(payload)
        return
    for result in results:
        folder = result.manifest.parent
        table = Table(title=f"{result.builder} -> {folder}", title_justify="left")
        for column in ("file", "bytes", "sha256"):
            table.add_column(column, justify="right" if column == "bytes" else "left")
        for output in result.outputs:
            table.add_row(output.path.name, f"{output.size:,}", output.sha256)
        table.add_row(result.manifest.name, f"{result.manifest.stat().st_size:,}", "(manifest)")
        out_console.print(table)
    for result in results:
        for use in result.sources:
            if use.matches is False:
                err_console.print(
                    f"warning: {use.path} differs from the known {use.name} (SHA-256 {use.sha256})",
                    markup=False,
                )


@data_app.command("fetch")
@guarded
def fetch_command(
    names: Annotated[
        list[str] | None,
        typer.Argument(help="Sources to fetch (default: all).", show_default=False),
    ] = None,
) -> None:
    """Download official source files into the cache, checking their SHA-256."""
    from tariffscope.data.fetch import fetch
    from tariffscope.data.sources import SOURCES, get_source

    sources = [get_source(name) for name in names] if names else list(SOURCES.values())
    for source in sources:
        with err_console.status(f"fetching {source.url} ..."):
            path = fetch(source)
        out_console.print(f"{source.name}: {path}", markup=False, highlight=False)


@data_app.command("status")
@guarded
def status_command(
    shared: SharedOption = None, output_format: FormatOption = OutputFormat.table
) -> None:
    """List the embedded tables and whether their sources are available locally."""
    from tariffscope.data.build import BUILDERS, source_status

    out_dir = embedded_dir()
    tables = [
        {
            "builder": builder.name,
            "file": filename,
            "present": (out_dir / filename).is_file(),
            "sources": ", ".join(builder.sources),
        }
        for builder in BUILDERS.values()
        for filename in builder.outputs
    ]
    sources = [
        {"source": name, "available": location, "path": str(path) if path else ""}
        for name, location, path in source_status(shared)
    ]
    if output_format is OutputFormat.json:
        print_json({"tables": tables, "sources": sources})
        return
    for title, rows in ((f"Embedded tables ({out_dir})", tables), ("Sources", sources)):
        table = Table(title=title, title_justify="left")
        for column in rows[0] if rows else ():
            # names are never cut; the long list of sources wraps instead
            table.add_column(column, no_wrap=column in ("builder", "file", "source"))
        for row in rows:
            table.add_row(*(_cell(value) for value in row.values()))
        out_console.print(table)


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "NO"
    return str(value)


@data_app.command("hts")
@guarded
def hts_command(
    codes: Annotated[
        list[str], typer.Argument(help="8- or 10-digit HTS codes, e.g. 8703.23.01 or 8703230190.")
    ],
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Show HTS lines of the embedded schedule with their General (MFN) rate."""
    from tariffscope.regime.schedule import load_schedule

    schedule = load_schedule()
    lines = [schedule.line(code) for code in codes]
    statistical = [
        [format_hts(code) for code in schedule.children(line.hts)] if line.level == 8 else []
        for line in lines
    ]
    if output_format is OutputFormat.json:
        records = [
            {
                "hts": line.dotted,
                "level": line.level,
                "description": line.description,
                "full_description": line.full_description,
                "unit": line.unit,
                "mfn": {
                    "text": line.mfn.text,
                    "kind": line.mfn.kind,
                    "ad_valorem_pct": round(line.mfn.ad_valorem * 100, 10),
                    "specific": [
                        {"amount_usd": term.amount_usd, "unit": term.unit}
                        for term in line.mfn.specific
                    ],
                    "note": line.mfn.note,
                },
                "rate_source": format_hts(line.rate_source) if line.rate_source else "",
                "statistical_lines": children,
                "edition": schedule.edition,
            }
            for line, children in zip(lines, statistical, strict=True)
        ]
        print_json(records if len(records) > 1 else records[0])
        return
    for line, children in zip(lines, statistical, strict=True):
        rate = line.mfn
        rows = [
            ("description", line.full_description),
            ("unit", line.unit or "-"),
            ("General rate", rate.text or "(none published)"),
            ("kind", rate.kind),
            ("ad valorem", f"{rate.ad_valorem * 100:g}%"),
            ("specific", " + ".join(f"${t.amount_usd:g}/{t.unit}" for t in rate.specific) or "-"),
            ("note", rate.note or "-"),
            ("rate from", format_hts(line.rate_source) if line.rate_source else "-"),
            ("statistical lines", ", ".join(children) or "-"),
        ]
        table = Table(
            title=f"{line.dotted} ({schedule.edition})", title_justify="left", show_header=False
        )
        table.add_column("field", style="bold", no_wrap=True)
        table.add_column("value")
        for field, value in rows:
            table.add_row(field, Text(value))
        out_console.print(table)


def register(app: typer.Typer) -> None:
    """Add the ``data`` command group to ``app``."""
    app.add_typer(data_app, name="data")
