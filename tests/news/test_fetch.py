"""Fetching by URL, through httpx.MockTransport (never the network)."""

from __future__ import annotations

import httpx
import pytest

from tariffscope.errors import ExtractionError
from tariffscope.news.fetch import check_host, fetch_article

PAGE = (
    "<html><head><title>Tariff talks</title></head><body><article><p>Brazilian President "
    "Luiz Inacio Lula da Silva said that US Commerce Secretary Howard Lutnick told him that the "
    "two nations will be able to reach a good trade deal, after the two met in Brasilia on "
    "Friday to discuss the tariffs that are set to rise on Aug. 1.</p></article></body></html>"
)


def public(host: str, port: int) -> list[str]:
    return ["93.184.216.34"]


def client(handler: httpx.MockTransport) -> httpx.Client:
    return httpx.Client(transport=handler)


def test_fetches_and_reads_html() -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(200, text=PAGE, headers={"content-type": "text/html"})
    )
    article = fetch_article("https://news.example/a", client=client(transport), resolve=public)
    assert "Luiz Inacio Lula da Silva" in article.text
    assert article.meta.url == "https://news.example/a"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.5",
        "192.168.1.1",
        "169.254.169.254",
        "::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "0.0.0.0",
    ],
)
def test_private_and_loopback_addresses_are_refused(address: str) -> None:
    with pytest.raises(ExtractionError, match="non-public address"):
        check_host("http://internal.example/", lambda host, port: [address])


def test_scheme_must_be_http() -> None:
    with pytest.raises(ExtractionError, match="only http and https"):
        check_host("file:///etc/passwd", public)


def test_redirect_to_a_private_host_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers["host"] == "news.example":  # the URL carries the pinned address
            return httpx.Response(302, headers={"location": "http://localhost/admin"})
        return httpx.Response(200, text=PAGE)

    def resolve(host: str, port: int) -> list[str]:
        return ["127.0.0.1"] if host == "localhost" else ["93.184.216.34"]

    with pytest.raises(ExtractionError, match="localhost resolves to the non-public"):
        fetch_article(
            "https://news.example/a", client=client(httpx.MockTransport(handler)), resolve=resolve
        )


def test_redirects_are_limited() -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(302, headers={"location": "/again"})
    )
    with pytest.raises(ExtractionError, match="more than 2 redirects"):
        fetch_article(
            "https://news.example/a", client=client(transport), resolve=public, max_redirects=2
        )


def test_size_cap() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, text="x" * 5000))
    with pytest.raises(ExtractionError, match=r"5,000 bytes, over 1,000"):
        fetch_article(
            "https://news.example/a", client=client(transport), resolve=public, max_bytes=1000
        )


def test_http_error_and_timeout() -> None:
    not_found = httpx.MockTransport(lambda request: httpx.Response(404))
    with pytest.raises(ExtractionError, match="HTTP 404"):
        fetch_article("https://news.example/a", client=client(not_found), resolve=public)

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("too slow", request=request)

    with pytest.raises(ExtractionError, match="timed out"):
        fetch_article(
            "https://news.example/a", client=client(httpx.MockTransport(slow)), resolve=public
        )


def test_binary_content_type_is_refused() -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(
            200, content=b"%PDF-1.7", headers={"content-type": "application/pdf"}
        )
    )
    with pytest.raises(ExtractionError, match="application/pdf"):
        fetch_article("https://news.example/a", client=client(transport), resolve=public)
