"""Reading articles: a text file with an optional header block, HTML, or standard input.

A text article may start with a header block: ``key: value`` lines for ``url``, ``title``,
``published`` and ``outlet`` (``unknown`` or empty means not known), then a blank line. The
rest is the body. HTML goes through trafilatura, which finds the main text and the metadata.
Input that is empty, binary, oversized or not English is refused with an
:class:`~tariffscope.errors.ExtractionError` (exit code 2) that names the source.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tariffscope.domain.news import ArticleMeta
from tariffscope.errors import ExtractionError, MalformedInputError
from tariffscope.news.language import looks_english

__all__ = [
    "HEADER_KEYS",
    "MAX_BYTES",
    "MAX_CHARS",
    "Article",
    "article_from_bytes",
    "article_from_html",
    "article_from_text",
    "read_article",
    "read_stdin",
]

logger = logging.getLogger(__name__)

HEADER_KEYS: tuple[str, ...] = ("url", "title", "published", "outlet")
MAX_BYTES = 5_000_000
"""Largest input accepted, in bytes (HTML pages carry markup, so this is generous)."""
MAX_CHARS = 300_000
"""Largest article body accepted, in characters (a long feature is ~30,000)."""

_HEADER_LINE = re.compile(r"^(url|title|published|outlet)[ \t]*:[ \t]*(.*?)[ \t]*$", re.I)
_UNKNOWN = {"", "unknown", "none", "null", "n/a"}
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
#: Control characters other than line breaks, tabs and page breaks (a terminal's escape, a
#: NUL): never passed on to the reader or printed back to a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Article:
    """An article ready for the pipeline: the body text and its metadata."""

    text: str
    meta: ArticleMeta
    source: str


def _value(raw: str) -> str | None:
    value = raw.strip()
    return None if value.lower() in _UNKNOWN else value


def _published(raw: str | None, source: str) -> dt.date | None:
    if raw is None:
        return None
    match = _ISO_DATE.match(raw.strip())
    if match is None:
        raise MalformedInputError(
            f"{source}: header line 'published: {raw}' is not an ISO date",
            hint="write YYYY-MM-DD or 'unknown'",
        )
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise MalformedInputError(
            f"{source}: header line 'published: {raw}' is not a valid date",
            hint="write YYYY-MM-DD or 'unknown'",
        ) from None


def _check_body(text: str, source: str) -> None:
    if not text.strip():
        raise ExtractionError(f"{source}: the article is empty", hint="give a file with text")
    if len(text) > MAX_CHARS:
        raise ExtractionError(
            f"{source}: the article has {len(text):,} characters, more than {MAX_CHARS:,}",
            hint="split it or give a single article",
        )
    controls = sum(1 for ch in text[:20_000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 20_000):
        raise ExtractionError(f"{source}: the input looks binary, not text")
    if not looks_english(text):
        raise ExtractionError(
            f"{source}: the article does not look like English",
            hint="tariffscope reads English news only",
        )


def article_from_text(raw: str, source: str = "<text>") -> Article:
    """An article from text with an optional header block.

    Parameters
    ----------
    raw
        The whole file content.
    source
        A name for messages (the path, the URL or ``<stdin>``).

    Returns
    -------
    Article
        Body text (after the header and its blank line) and metadata; ``meta.body_start`` is
        where the body starts in ``raw``.

    Raises
    ------
    ExtractionError
        The body is empty, too large, binary or not English.
    MalformedInputError
        The header's ``published`` value is not an ISO date.
    """
    text = raw[1:] if raw.startswith("\ufeff") else raw
    offset = len(raw) - len(text)
    fields: dict[str, str | None] = {}
    body_start = 0
    for line in text.splitlines(keepends=True):
        if fields and not line.strip():  # the blank line that ends the header
            body_start += len(line)
            break
        match = _HEADER_LINE.match(line.rstrip("\r\n"))
        if match is None:
            break
        fields[match[1].lower()] = _value(match[2])
        body_start += len(line)
    body = text[body_start:]
    _check_body(body, source)
    meta = ArticleMeta(
        title=fields.get("title"),
        published=_published(fields.get("published"), source),
        outlet=fields.get("outlet"),
        url=fields.get("url"),
        body_start=body_start + offset,
    )
    return Article(text=body, meta=meta, source=source)


def article_from_html(html: str, source: str = "<html>", url: str | None = None) -> Article:
    """An article from an HTML page: main text and metadata found by trafilatura.

    Raises
    ------
    ExtractionError
        trafilatura finds no main text, or the text is empty, too large or not English.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    found = trafilatura.extract(
        html, output_format="json", with_metadata=True, include_comments=False, url=url
    )
    if not found:
        raise ExtractionError(f"{source}: no article text found in the HTML page")
    data: dict[str, Any] = json.loads(found)
    body = str(data.get("text") or "")
    _check_body(body, source)
    published = None
    date_text = data.get("date")
    if isinstance(date_text, str) and _ISO_DATE.match(date_text):
        published = _published(date_text[:10], source)
    meta = ArticleMeta(
        title=data.get("title") or None,
        published=published,
        outlet=data.get("source-hostname") or data.get("hostname") or None,
        url=url or data.get("source") or None,
        body_start=0,
    )
    return Article(text=body, meta=meta, source=source)


def article_from_bytes(
    data: bytes, source: str, *, url: str | None = None, html: bool | None = None
) -> Article:
    """An article from raw bytes: decode UTF-8, then read it as HTML or as text.

    ``html=None`` decides from the content (a document that starts with ``<html``,
    ``<!doctype html>``, ``<head>`` or ``<body>``).

    Raises
    ------
    ExtractionError
        The input is empty, larger than :data:`MAX_BYTES`, binary or not UTF-8.
    """
    if not data.strip():
        raise ExtractionError(f"{source}: the input is empty", hint="give a file with text")
    if len(data) > MAX_BYTES:
        raise ExtractionError(
            f"{source}: the input has {len(data):,} bytes, more than {MAX_BYTES:,}",
            hint="give a single article",
        )
    # a stray control character of a file is a space (offsets kept)
    text = _CONTROL.sub(" ", _decode(data, source))
    is_html = bool(_HTML_START.match(data[:4096])) if html is None else html
    if is_html:
        return article_from_html(text, source, url=url)
    return article_from_text(join_broken_words(text), source)


#: A word a PDF's line-end hyphenation broke: lower-case letters, a hyphen, the line break
#: (with any spaces of the layout), lower-case letters ("tar-\niffs").
_BROKEN = re.compile(r"\b([a-z]+)-([ \t]*\r?\n[ \t]*)([a-z]+)\b")
_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def join_broken_words(text: str) -> str:
    """Text with the words a PDF's line-end hyphenation broke joined again, as the text writes
    them elsewhere: "tar-\niffs" is "tariffs" when the story says "tariffs" (or "tariff")
    elsewhere, "trade-\nweighted" is "trade-weighted" when it says that; a break of a word it
    writes nowhere else is left as it is. Same length: the line break follows the word, so
    the offsets of everything after it are kept."""
    if "-" not in text:
        return text
    seen = {w.lower() for w in _WORDS.findall(_BROKEN.sub(" ", text))}

    def joined(m: re.Match[str]) -> str:
        head, gap, tail = m[1], m[2], m[3]
        whole = head + tail
        if f"{head}-{tail}" in seen:
            return f"{head}-{tail}{gap}"
        if {whole, whole + "s", whole.removesuffix("s")} & seen:
            return f"{whole} {gap}"
        return m[0]

    return _BROKEN.sub(joined, text)


#: Byte-order marks of the Unicode encodings read besides UTF-8 (a text editor's "Unicode"
#: is UTF-16 with its mark), longest first: UTF-32's little-endian mark starts as UTF-16's.
_MARKED = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes, source: str) -> str:
    """The text of ``data``: UTF-8, or UTF-16/32 with a byte-order mark (English text in
    it has zero bytes between its letters)."""
    marked = next(((mark, name) for mark, name in _MARKED if data.startswith(mark)), None)
    # English in UTF-16 or UTF-32 is a quarter zero bytes or more: else the mark was chance
    wide = marked is not None and data.count(0) >= 0.25 * (len(data) - len(marked[0]))
    encoding = marked[1] if marked is not None and wide else None
    head = data[:8192]
    controls = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f")
    if encoding is None and controls > max(2, 0.01 * len(head)):
        wide = head[1::2].count(0) > 0.9 * len(head[1::2]) or head[::2].count(0) > 0.9 * len(
            head[::2]
        )
        if wide:
            raise ExtractionError(
                f"{source}: the input looks like UTF-16 text without a byte-order mark",
                hint="convert it to UTF-8",
            )
        raise ExtractionError(f"{source}: the input is binary, not text")
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass  # the bytes only began like a mark: read as UTF-8, whose error names them
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ExtractionError(
            f"{source}: the input is not UTF-8 text (byte {error.start})",
            hint="convert it to UTF-8",
        ) from None


def read_article(path: str | Path) -> Article:
    """Read an article file (text with optional header block, or HTML by extension/content).

    Raises
    ------
    ExtractionError
        The file is missing, unreadable, empty, binary, oversized or not English.
    """
    file = Path(path)
    source = str(path)
    if not file.is_file():
        raise ExtractionError(f"{source}: no such file", hint="check the path")
    size = file.stat().st_size
    if size > MAX_BYTES:
        raise ExtractionError(
            f"{source}: the file has {size:,} bytes, more than {MAX_BYTES:,}",
            hint="give a single article",
        )
    try:
        data = file.read_bytes()
    except OSError as error:
        raise ExtractionError(f"{source}: cannot read the file ({error.strerror})") from None
    html = True if file.suffix.lower() in {".html", ".htm", ".xhtml"} else None
    return article_from_bytes(data, source, html=html)


def read_stdin() -> Article:
    """Read one article from standard input (text or HTML), at most :data:`MAX_BYTES`."""
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    return article_from_bytes(data, "<stdin>")
