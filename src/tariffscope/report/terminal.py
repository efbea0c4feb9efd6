"""The brief in the terminal (Rich)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tariffscope.domain.countries import country_name
from tariffscope.report.brief import Brief
from tariffscope.report.compare import difference_reasons, ge_notes
from tariffscope.report.deal_space import section_lines, section_rows
from tariffscope.report.figures import (
    HeadlineSection,
    comparison_note,
    diversion_against,
    headline_sections,
    money,
    scenario_diversion,
    scenario_sectors,
)
from tariffscope.report.ge_figures import Table as FigureTable
from tariffscope.report.ge_figures import comparison_table, economy_tables
from tariffscope.report.numbers import partner_name
from tariffscope.report.sentences import outcome_sentences

__all__ = ["render_terminal"]


def _header(brief: Brief) -> Panel:
    us, partner = brief.pair
    lines = [
        Text.assemble(
            ("Negotiation: ", "bold"),
            f"{country_name(us)} - {country_name(partner)} ({us}-{partner})",
        ),
        Text.assemble(("As of: ", "bold"), brief.as_of.isoformat()),
        Text.assemble(("Status: ", "bold"), brief.status),
    ]
    deadline = brief.next_deadline
    if deadline is not None:
        lines.append(
            Text.assemble(
                ("Deadline: ", "bold"),
                f"{deadline.date.isoformat()}, ",
                (f"{brief.days_to_deadline} days", "bold red"),
                f" after {brief.as_of.isoformat()}",
            )
        )
    sources = ", ".join(
        f"{x.article.outlet or 'unknown outlet'} ({x.article.published})" for x in brief.extractions
    )
    lines.append(Text.assemble(("Sources: ", "bold"), sources))
    for warning in brief.warnings:
        lines.append(Text.assemble(("Warning: ", "bold yellow"), str(warning)))
    for line in lines:
        # The CLI's consoles soft-wrap (long table rows stay whole when piped); inside the
        # panel that would crop a long warning at the border instead of folding it.
        line.no_wrap = False
        line.overflow = "fold"
    return Panel(Group(*lines), title="tariffscope brief", title_align="left")


def _actors(brief: Brief) -> Table:
    table = Table(title="Actors", title_justify="left")
    for column in ("name", "role", "country"):
        table.add_column(column)
    for actor in brief.actors:
        table.add_row(*_plain(actor.name, actor.role or "", actor.country or ""))
    return table


def _timeline(brief: Brief) -> Table:
    table = Table(title="Timeline", title_justify="left")
    for column in ("date", "event", "who", "where", "status", "sources"):
        table.add_column(column, overflow="fold")
    for index, event in enumerate(brief.events):
        when = event.date.isoformat() if event.date else (event.date_text or "undated")
        count = f" (x{event.count})" if event.count else ""
        sources = brief.event_sources[index] if index < len(brief.event_sources) else ()
        table.add_row(
            *_plain(
                when,
                f"{event.kind}{count}",
                ", ".join(event.participants),
                event.place or "",
                event.status,
                "; ".join(sources),
            )
        )
    for deadline in brief.deadlines:
        table.add_row(
            *_plain(deadline.date.isoformat(), "deadline", "", "", deadline.what[:80], "")
        )
    return table


def _quotes(brief: Brief) -> Table:
    table = Table(title="What was said", title_justify="left")
    table.add_column("speaker")
    table.add_column("quote", overflow="fold")
    for quote in brief.quotes:
        who = quote.speaker or "unnamed"
        if quote.via:
            who += f" (via {quote.via})"
        table.add_row(*_plain(who, f"\u201c{quote.text}\u201d"))
    return table


def _measures(brief: Brief) -> Table:
    table = Table(title="Measures in the story and the law behind them", title_justify="left")
    for column in ("status", "measure", "legal source / duty explained"):
        table.add_column(column, overflow="fold")
    for note in brief.law_notes:
        link = note.link
        mention = link.mention
        rate = f"{mention.from_rate_pct:g}% -> " if mention.from_rate_pct is not None else ""
        what = f"{mention.products}, {mention.target}: {rate}{mention.to_rate_pct:g}%"
        if mention.effective_date:
            what += f" from {mention.effective_date.isoformat()}"
        legal = (link.measure_id and f"{link.measure_id}: {link.reason}") or link.reason
        explained = f"{legal}\n{note.sentence()}" if note.resolution else legal
        table.add_row(*_plain(link.status, what, explained))
    return table


def _sentences(brief: Brief) -> Group:
    sentences = outcome_sentences(brief)
    lines = [Text("In brief", style="bold")]
    for scenario in brief.scenarios:
        lines.append(
            Text.assemble(
                (f"{scenario.spec.label}: ", "bold"), sentences.get(scenario.spec.key, "")
            )
        )
    return Group(*lines)


def _headline(section: HeadlineSection, note: str) -> Table:
    table = Table(
        title=Text(section.title), title_justify="left", caption=Text(note), caption_justify="left"
    )
    table.add_column("", overflow="fold")
    table.add_column("against")
    for label in section.outcomes:
        table.add_column(Text(label), justify="right", overflow="fold")
    for name, against, cells in section.rows:
        table.add_row(*_plain(name, against, *cells))
    return table


def _plain(*cells: str) -> list[Text]:
    """Cells as plain text: story words and brackets are never read as Rich markup."""
    return [Text(cell) for cell in cells]


def _sector_table(title: str, frame: object, labels: list[str]) -> Table:
    table = Table(title=Text(title), title_justify="left")
    table.add_column("sector", overflow="fold")
    for label in labels:
        table.add_column(Text(label), justify="right")
    for sector, row in frame.iterrows():  # type: ignore[attr-defined]
        table.add_row(*_plain(str(sector), *(money(row[label]) for label in labels)))
    return table


def _sectors(brief: Brief) -> Table:
    labels = [s.spec.label for s in brief.scenarios]
    return _sector_table(
        f"Change in US imports from {partner_name(brief.partner)} by sector, against the "
        "reference law (US$, at the central elasticities)",
        scenario_sectors(brief, top=8),
        labels,
    )


def _diversion(brief: Brief, frame: object) -> Table:
    return _sector_table(
        f"Trade diverted to other suppliers, against {diversion_against(brief)} "
        "(US$, at the central elasticities)",
        frame,
        [str(c) for c in frame.columns],  # type: ignore[attr-defined]
    )


def _table(spec: FigureTable) -> Table:
    table = Table(title=Text(spec.title), title_justify="left")
    for index, column in enumerate(spec.columns):
        table.add_column(Text(column), overflow="fold", justify="left" if index < 2 else "right")
    for row in spec.rows:
        table.add_row(*_plain(*row))
    return table


def render_terminal(brief: Brief, console: Console) -> None:
    """Print the brief, section by section."""
    console.print(_header(brief))
    console.print(_actors(brief))
    console.print(_timeline(brief))
    console.print(_quotes(brief))
    console.print(_measures(brief))
    if brief.scenarios:
        _print_priced(brief, console)
    console.print(Text(brief.economy_note, style="dim"))
    if brief.scenarios and brief.economy is not None and not brief.economy.empty:
        console.print(_table(comparison_table(brief)))
        for reason in difference_reasons(brief):
            console.print(Text(f"Why they differ: {reason}", style="dim"))
    _print_deal_space(brief, console)
    for spec in (s.spec for s in brief.scenarios):
        console.print(Text(f"{spec.label}: {spec.description}", style="dim"))
    console.print(
        Text("Data: " + "; ".join(f"{k}: {v}" for k, v in brief.vintage.items()), style="dim")
    )
    for assumption in brief.assumptions:
        console.print(Text(f"Assumption: {assumption}", style="dim"))


def _print_deal_space(brief: Brief, console: Console) -> None:
    """Where bargaining over the threat lands (or why that is not computed)."""
    section = brief.deal_space
    lines = section_lines(section)
    if not section.computed:
        console.print(Text(lines[0], style="dim"))
        return
    pair = section.pair or brief.pair
    table = Table(
        title="Deal space against the threat carried out (rates %, payoffs US$ bn a year)",
        title_justify="left",
    )
    for column in ("point", *(name for name, _ in section.levers), *pair):
        table.add_column(column, justify="left" if column == "point" else "right")
    for row in section_rows(section):
        table.add_row(*_plain(*row))
    console.print(Text(lines[0]))
    console.print(table)
    for line in lines[1:]:
        console.print(Text(line, style="dim"))


def _print_priced(brief: Brief, console: Console) -> None:
    """The outcomes priced: sentences, headline tables, sectors, economy-wide tables."""
    console.print(_sentences(brief))
    note = comparison_note(brief)
    for section in headline_sections(brief):
        console.print(_headline(section, note))
    console.print(_sectors(brief))
    diverted = scenario_diversion(brief, top=8)
    if not diverted.empty:
        console.print(_diversion(brief, diverted))
    for table in economy_tables(brief):
        console.print(_table(table))
    for (_, comparison), why in ge_notes(brief.economy).items():
        against = "its status quo" if comparison == "status_quo" else "the reference"
        console.print(Text(f"General equilibrium against {against}: {why}", style="dim"))
