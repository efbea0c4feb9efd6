"""Issue 11: story text, titles and outlets are printed as they are, never as Rich markup.

A story containing ``[/]`` used to crash ``extract``, ``brief`` and ``timeline`` (the last one
for good, once the story was stored); ``[link=URL]`` became a terminal hyperlink and titles lost
their ``[from URL slug]`` prefix.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.table import Table
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.cli._app import err_console, out_console, plain_console

pytestmark = [pytest.mark.issue(11), pytest.mark.slow]

runner = CliRunner()

TITLE = "[from URL slug] talks-stall [/] as [bold]Korea[/bold] meets [link=http://x]y[/link]"
OUTLET = "[/] Daily [link=http://x.example]Wire[/link]"
STORY = f"""title: {TITLE}
published: 2025-07-25
outlet: {OUTLET}

South Korea's president Lee Jae Myung met US Commerce Secretary Howard Lutnick in Seoul [/] on
Friday. The US will raise tariffs on Korean goods from 10% to 25% on August 1, 2025 [bold]unless
[/bold] a deal is reached. "We will not give up [link=http://x]y[/link] [/]," Lee said.
"""


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "markup [bold]story[x].txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_the_consoles_never_read_markup() -> None:
    for console in (out_console, err_console):
        assert console._markup is False and console._emoji is False
    table = Table(title="[/] title")
    table.add_column("[bold]column")
    table.add_row("[link=http://x]y[/link] :smile: [/]")
    terminal, plain = io.StringIO(), io.StringIO()
    plain_console(file=terminal, force_terminal=True, width=200).print(table)
    assert "\x1b]8;" not in terminal.getvalue()  # no terminal hyperlink escape
    console = plain_console(file=plain, width=200)
    console.print(table)
    console.print("[from URL slug] us-deal [/]")
    text = plain.getvalue()
    assert "[link=http://x]y[/link] :smile: [/]" in text
    assert "[from URL slug] us-deal [/]" in text and "[/] title" in text


def test_extract_prints_markup_literally(story: Path) -> None:
    result = runner.invoke(app, ["extract", str(story)])
    assert result.exit_code == 0, result.output
    assert TITLE in result.stdout
    assert "[link=http://x.example]Wire[/link]" in result.stdout


def test_a_stored_story_with_markup_is_shown_again_by_timeline(story: Path, tmp_path: Path) -> None:
    db = tmp_path / "talks.duckdb"
    ingested = runner.invoke(app, ["ingest", str(story), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    for _ in range(2):  # the stored story keeps working, not only the first time
        shown = runner.invoke(app, ["timeline", "--pair", "USA-KOR", "--db", str(db)])
        assert shown.exit_code == 0, shown.output
        assert "1: [/] Daily" in shown.stdout  # the outlet, in the sources column
    as_json = runner.invoke(app, ["timeline", "--pair", "USA-KOR", "--db", str(db), "-f", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert OUTLET in as_json.stdout


def test_brief_prints_markup_literally(story: Path) -> None:
    result = runner.invoke(app, ["brief", str(story), "--draws", "0", "--ge", "none"])
    assert result.exit_code == 0, result.output
    assert "[/]" in result.stdout


@pytest.mark.parametrize("title", ["[from URL slug] us-bangladesh-sign-deal", "[b]bold[/b] x"])
def test_titles_keep_their_brackets(tmp_path: Path, title: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY.replace(TITLE, title), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert title in result.stdout


def test_every_console_and_progress_column_of_the_cli_is_plain() -> None:
    """One place makes consoles and progress columns (``cli/_app.py``); a new ``Console(`` or
    ``TextColumn(`` elsewhere would read story text as markup again."""
    cli = Path(__file__).resolve().parents[2] / "src" / "tariffscope" / "cli"
    for module in cli.glob("*.py"):
        if module.name == "_app.py":
            continue
        text = module.read_text(encoding="utf-8")
        for maker in ("Console(", "TextColumn(", "markup=True", "Text.from_markup("):
            assert maker not in text, f"{module.name} uses {maker}"
