"""Issue 11: a URL's host is resolved once, every address is checked, and the connection goes to
the checked address (Host header and TLS SNI keep the name), on every redirect too: no second
DNS lookup, so no DNS-rebinding window. No network: a fake resolver, MockTransport, and one
local server."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx
import pytest

import tariffscope.news.fetch as fetch
from tariffscope.errors import ExtractionError
from tariffscope.news.fetch import fetch_article

pytestmark = pytest.mark.issue(11)

PAGE = (
    "<html><head><title>Tariff talks</title></head><body><article><p>South African "
    "President Cyril Ramaphosa said that US Trade Representative Jamieson Greer told him that "
    "the two nations will be able to reach a good trade deal, after the two met in Pretoria on "
    "Friday to discuss the tariffs that are set to rise on Aug. 1.</p></article></body></html>"
)
ADDRESSES = {"news.example": ["93.184.216.34"], "cdn.example": ["2606:2800:220:1::1"]}


class CountingResolver:
    """A fake DNS that answers from a table and counts the lookups of each host."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        return self.table[host]


def _html(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text=PAGE, headers={"content-type": "text/html"})


def test_the_request_goes_to_the_checked_address_with_the_name_kept() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _html(request)

    resolver = CountingResolver(ADDRESSES)
    client = httpx.Client(transport=httpx.MockTransport(handler))
    article = fetch_article("https://news.example/a?x=1", client=client, resolve=resolver)
    assert resolver.calls == ["news.example"]
    (request,) = seen
    assert request.url.host == "93.184.216.34" and request.url.path == "/a"
    assert request.url.query == b"x=1"
    assert request.headers["host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"
    assert article.meta.url == "https://news.example/a?x=1"  # the name, not the address


def test_each_redirect_is_resolved_once_and_pinned() -> None:
    seen: list[tuple[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.headers["host"], request.url.host))
        if request.headers["host"] == "news.example":
            return httpx.Response(302, headers={"location": "https://cdn.example:8443/story"})
        return _html(request)

    resolver = CountingResolver(ADDRESSES)
    client = httpx.Client(transport=httpx.MockTransport(handler))
    fetch_article("https://news.example/a", client=client, resolve=resolver)
    assert resolver.calls == ["news.example", "cdn.example"]
    assert seen == [("news.example", "93.184.216.34"), ("cdn.example:8443", "2606:2800:220:1::1")]


@pytest.mark.parametrize(
    "answer",
    [
        ["93.184.216.34", "10.0.0.1"],  # one bad address among good ones
        ["93.184.216.34", "169.254.169.254"],
        ["224.0.0.1"],  # multicast
        ["240.0.0.1"],  # reserved
        ["fe80::1"],  # link-local
    ],
)
def test_every_resolved_address_is_checked(answer: list[str]) -> None:
    calls: list[httpx.Request] = []
    client = httpx.Client(transport=httpx.MockTransport(lambda r: calls.append(r) or _html(r)))
    with pytest.raises(ExtractionError, match="non-public address"):
        fetch_article("https://news.example/a", client=client, resolve=lambda h, p: answer)
    assert calls == []  # refused before any connection


def test_a_redirect_to_a_name_that_resolves_privately_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "http://rebind.example/admin"})

    table = {**ADDRESSES, "rebind.example": ["127.0.0.1"]}
    client = httpx.Client(transport=httpx.MockTransport(handler))
    with pytest.raises(ExtractionError, match=r"rebind\.example resolves to the non-public"):
        fetch_article("https://news.example/a", client=client, resolve=CountingResolver(table))


class _Page(BaseHTTPRequestHandler):
    hosts: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Page.hosts.append(self.headers["Host"])
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("content-type", "text/html")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_the_real_transport_connects_without_a_second_lookup(
    local_server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through httpx's own transport: the name is never looked up by the HTTP client."""
    real = socket.getaddrinfo

    def no_lookup_of_the_name(host: object, *args: object, **kwargs: object) -> object:
        if host == "news.example":
            raise AssertionError("the HTTP client looked the name up again")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup_of_the_name)
    # the local server is on loopback, which the check refuses; let it pass for this test only
    monkeypatch.setattr(fetch, "_is_public", lambda address: True)
    _Page.hosts = []
    resolver = CountingResolver({"news.example": ["127.0.0.1"]})
    with httpx.Client(trust_env=False) as client:
        article = fetch_article(
            f"http://news.example:{local_server}/a", client=client, resolve=resolver
        )
    assert "Cyril Ramaphosa" in article.text
    assert resolver.calls == ["news.example"]
    assert _Page.hosts == [f"news.example:{local_server}"]
