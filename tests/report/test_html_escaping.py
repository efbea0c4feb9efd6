"""Article text and extracted strings are escaped in the HTML brief; JSON in scripts is safe."""

from __future__ import annotations

import datetime as dt

from tariffscope.domain.news import ArticleMeta, Extraction, MeasureMention, Quote
from tariffscope.report.brief import build_brief
from tariffscope.report.html import _script_json, render_html

HOSTILE = '<script>alert("x")</script>'


def test_article_text_and_quotes_are_escaped() -> None:
    extraction = Extraction(
        article=ArticleMeta(
            title=HOSTILE, published=dt.date(2025, 7, 21), outlet="Test <b>outlet</b>"
        ),
        quotes=(
            Quote(text=f"We said {HOSTILE} loudly", speaker="Some One", via=None, start=0, end=10),
        ),
        measures=(
            MeasureMention(
                "USA", "VNM", "all goods", 10.0, 25.0, dt.date(2025, 8, 1), "threatened", 0, 5
            ),
        ),
    )
    brief = build_brief([extraction], draws=0)
    page = render_html(brief, texts=(f"Body {HOSTILE} text",))
    body = page.split("<body>", 1)[1]
    assert HOSTILE not in body.split("<script>\nconst specs")[0]
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in body
    assert "Test &lt;b&gt;outlet&lt;/b&gt;" in body


def test_script_json_cannot_close_the_script_element() -> None:
    text = _script_json({"label": "</script><script>alert(1)</script>", "sep": "\u2028"})
    assert "</" not in text and "\u2028" not in text


def test_story_text_is_not_rich_markup_in_the_terminal() -> None:
    from rich.console import Console

    from tariffscope.report.terminal import render_terminal

    markup = "[bold red]steel[/bold red]"
    extraction = Extraction(
        article=ArticleMeta(title="t", published=dt.date(2025, 7, 21), outlet="[link]wire"),
        quotes=(
            Quote(text=f"We said {markup} twice", speaker="[b]Some One", via=None, start=0, end=10),
        ),
        measures=(
            MeasureMention(
                "USA", "CHE", markup, 10.0, 25.0, dt.date(2025, 8, 1), "threatened", 0, 5
            ),
        ),
    )
    brief = build_brief([extraction], draws=0)
    console = Console(width=300, record=True)
    render_terminal(brief, console)
    text = console.export_text()
    assert f"We said {markup} twice" in text and "[b]Some One" in text
    assert f"{markup}, CHE: 10% -> 25%" in text
