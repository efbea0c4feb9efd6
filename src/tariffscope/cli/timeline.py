"""``tariffscope timeline``: a negotiation's merged events, measures and deadline."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.table import Table

from tariffscope.cli._app import Format, guarded, out_console
from tariffscope.cli._json import print_json
from tariffscope.cli.ingest import DbOption, WaitOption, open_store
from tariffscope.errors import MalformedInputError
from tariffscope.tracker import EventView

__all__ = ["register"]


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise MalformedInputError(
            f"--as-of {text!r} is not a date", hint="write YYYY-MM-DD"
        ) from None


def _when(view: EventView) -> str:
    if view.date is not None:
        return (
            view.date.strftime("%Y-%m") if view.date_precision == "month" else view.date.isoformat()
        )
    if view.earliest and view.latest:
        return f"{view.earliest.isoformat()}..{view.latest.isoformat()}"
    return "date unknown"


def timeline_command(
    pair: Annotated[str, typer.Option("--pair", "-p", help="The two parties, e.g. USA-JPN.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Use stories published up to this date (YYYY-MM-DD)."),
    ] = None,
    db: DbOption = None,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="Print tables or JSON.")
    ] = Format.table,
    wait: WaitOption = None,
) -> None:
    """Show a negotiation: status, lead actors, merged events with their sources, measures
    and the next deadline."""
    from tariffscope.tracker import negotiation_state, parse_pair

    parties = parse_pair(pair)
    day = _date(as_of)
    with open_store(db, read_only=True, wait=wait) as store:
        state = negotiation_state(store, parties, as_of=day)
    if output_format is Format.json:
        print_json(state.to_dict())
        return
    a, b = state.parties
    when = state.as_of.isoformat() if state.as_of else "date unknown"
    out_console.print(
        f"{a}-{b}: {state.status} ({state.status_reason}); as of {when}; "
        f"{len(state.articles)} stories",
        markup=False,
        highlight=False,
    )
    if state.lead_actors:
        leads = "; ".join(
            f"{x.party}: {x.name}" + (f" ({x.role})" if x.role else "") for x in state.lead_actors
        )
        out_console.print(f"lead actors: {leads}", markup=False, highlight=False)
    if state.next_deadline is not None:
        d = state.next_deadline
        out_console.print(
            f"next deadline: {d.date.isoformat()}, {d.days_left} days: {d.what}",
            markup=False,
            highlight=False,
        )
    events = Table(title="Events", title_justify="left")
    events.add_column("date", min_width=10, overflow="fold")
    for column in ("event", "participants", "place", "status", "sources"):
        events.add_column(column, overflow="fold")
    for e in state.events:
        label = (
            e.kind
            + (f" #{e.ordinal}" if e.ordinal else "")
            + (f" x{e.count}" if e.count and e.count > 1 else "")
        )
        outlets = sorted({s.outlet or s.source for s in e.sources})
        events.add_row(
            _when(e),
            label,
            ", ".join(e.participants),
            e.place or "",
            e.status,
            f"{e.n_sources}: " + "; ".join(outlets),
        )
    out_console.print(events)
    if state.measures:
        measures = Table(title="Measures", title_justify="left")
        for column in ("status", "imposer", "target", "goods", "rate %", "from", "sources"):
            measures.add_column(column)
        for m in state.measures:
            rate = (
                f"{m.to_rate_pct:g}"
                if m.from_rate_pct is None
                else f"{m.from_rate_pct:g} -> {m.to_rate_pct:g}"
            )
            start = m.effective_date.isoformat() if m.effective_date else ""
            measures.add_row(
                m.status, m.imposer, m.target, m.products, rate, start, str(len(m.sources))
            )
        out_console.print(measures)
    for series in state.series:
        who = " ".join(x for x in (series.person, series.place) if x)
        numbers = ", ".join(
            f"#{v.number}" + ("?" if v.number_inferred else "") for v in series.visits if v.number
        )
        known = f"{series.known_count} by {series.known_as_of}" if series.known_count else ""
        out_console.print(
            f"{series.kind} series {who}: {known} {numbers}".rstrip(), markup=False, highlight=False
        )


def register(app: typer.Typer) -> None:
    """Add ``timeline`` to the application."""
    app.command("timeline")(guarded(timeline_command))
