"""Reading articles: header block, HTML, and refusals of bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tariffscope.errors import ExtractionError, MalformedInputError
from tariffscope.news.ingest import MAX_BYTES, article_from_bytes, article_from_text, read_article

BODY = (
    "Swiss President Karin Keller-Sutter said that US Commerce Secretary Howard Lutnick "
    "told her that the two nations will be able to reach a good trade deal.\n"
)


def test_header_block_gives_metadata_and_body_offset() -> None:
    raw = (
        "url: https://example.com/a\ntitle: A title\npublished: 2025-08-06\n"
        "outlet: Bloomberg\n\n" + BODY
    )
    article = article_from_text(raw, "a.txt")
    assert article.text == BODY
    assert article.meta.published == dt.date(2025, 8, 6)
    assert article.meta.title == "A title"
    assert article.meta.outlet == "Bloomberg"
    assert article.meta.url == "https://example.com/a"
    assert raw[article.meta.body_start :] == BODY


def test_unknown_and_empty_values_are_null() -> None:
    raw = "url: \ntitle: unknown\npublished: unknown\noutlet: X\n\n" + BODY
    meta = article_from_text(raw).meta
    assert (meta.url, meta.title, meta.published, meta.outlet) == (None, None, None, "X")


def test_text_without_header_is_all_body() -> None:
    article = article_from_text(BODY)
    assert article.text == BODY and article.meta.body_start == 0
    assert article.meta.published is None


def test_bad_publication_date_names_the_file() -> None:
    with pytest.raises(MalformedInputError, match=r"a\.txt.*published: 6 August"):
        article_from_text("published: 6 August\n\n" + BODY, "a.txt")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"abc\x00def" * 10, "binary"),
        (b"\xff\xfe\xfa not utf-8 at all", "not UTF-8"),
        (
            "Der japanische Ministerpräsident sagte, dass die beiden Nationen ein gutes "
            "Handelsabkommen erreichen können und die Zölle am 1. August steigen.".encode(),
            "English",
        ),
    ],
)
def test_refused_input(data: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message) as info:
        article_from_bytes(data, "input.txt")
    assert info.value.exit_code == 2
    assert "input.txt" in info.value.one_line()


def test_oversized_input_is_refused() -> None:
    with pytest.raises(ExtractionError, match="more than"):
        article_from_bytes(b"a" * (MAX_BYTES + 1), "big.txt")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractionError, match="no such file"):
        read_article(tmp_path / "nope.txt")


def test_html_goes_through_trafilatura(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Keller-Sutter meets Lutnick</title>"
        '<meta property="article:published_time" content="2025-08-06T05:00:00Z">'
        '<meta property="og:site_name" content="Bloomberg"></head><body><nav>Home News Markets'
        "</nav><article><h1>Keller-Sutter meets Lutnick</h1><p>" + BODY + "</p><p>Keller-Sutter "
        "urged Lutnick to continue talks with Switzerland's chief negotiator Helene Budliger "
        "Artieda, and the two sides agreed to keep in touch, she told reporters in Bern.</p>"
        "</article>"
        "<footer>Copyright</footer></body></html>"
    )
    path = tmp_path / "story.html"
    path.write_text(html, encoding="utf-8")
    article = read_article(path)
    assert "Karin Keller-Sutter" in article.text
    assert "Copyright" not in article.text
    assert article.meta.title == "Keller-Sutter meets Lutnick"
    assert article.meta.published == dt.date(2025, 8, 6)
