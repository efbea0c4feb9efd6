"""Fetching an article by URL, carefully.

The fetch uses httpx with a connect and read timeout, follows at most :data:`MAX_REDIRECTS`
redirects by hand (each hop is checked again), refuses hosts that resolve to private,
loopback, link-local or otherwise non-global addresses, and stops reading after
:data:`~tariffscope.news.ingest.MAX_BYTES`. Each hop's host is resolved once; every address
it resolves to is checked, and the connection goes to a checked address (the URL carries the
address, the ``Host`` header and TLS SNI the name, so certificates are still verified against
the name). There is no second lookup, so a DNS answer that changes after the check (DNS
rebinding) cannot redirect the connection.

Tests drive it with ``httpx.MockTransport`` and a fake resolver, never the network.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import httpx

from tariffscope import __version__
from tariffscope.errors import ExtractionError
from tariffscope.news.ingest import MAX_BYTES, Article, article_from_bytes

__all__ = ["MAX_REDIRECTS", "TIMEOUT", "Resolver", "check_host", "fetch_article"]

logger = logging.getLogger(__name__)

MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(15.0, connect=5.0)
Resolver = Callable[[str, int], list[str]]
_REDIRECTS = {301, 302, 303, 307, 308}


def _system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_global) and not ip.is_multicast


def check_host(url: str, resolve: Resolver | None = None) -> list[str]:
    """Refuse a URL that is not http(s) or whose host has a non-public address.

    Returns
    -------
    list of str
        The host's addresses, all checked; connect to one of these (see :func:`fetch_article`).

    Raises
    ------
    ExtractionError
        Wrong scheme, no host, a host that does not resolve, or a private, loopback,
        link-local, reserved or multicast address.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise ExtractionError(f"{url}: only http and https URLs can be fetched")
    host = parts.hostname
    if not host:
        raise ExtractionError(f"{url}: the URL has no host")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = (resolve or _system_resolver)(host, port)
    except (OSError, UnicodeError) as error:
        raise ExtractionError(f"{url}: cannot resolve host {host} ({error})") from None
    if not addresses:
        raise ExtractionError(f"{url}: host {host} has no address")
    for address in addresses:
        try:
            public = _is_public(address)
        except ValueError:
            raise ExtractionError(f"{url}: host {host} resolves to {address!r}") from None
        if not public:
            raise ExtractionError(
                f"{url}: host {host} resolves to the non-public address {address}",
                hint="tariffscope fetches public web pages only",
            )
    return list(addresses)


def _pinned(url: str, address: str) -> tuple[httpx.URL, dict[str, str], dict[str, str]]:
    """The request URL with the checked ``address`` as host, and the Host header and TLS SNI
    that keep the name (so virtual hosting and certificate checks see the name)."""
    try:
        original = httpx.URL(url)
    except httpx.InvalidURL as error:
        raise ExtractionError(f"{url}: not a valid URL ({error})") from None
    host = original.host
    default_port = 443 if original.scheme == "https" else 80
    name = f"[{host}]" if ":" in host else host
    host_header = name if original.port in (None, default_port) else f"{name}:{original.port}"
    pinned = original.copy_with(host=address.split("%", 1)[0], username=None, password=None)
    return pinned, {"Host": host_header}, {"sni_hostname": host}


def _read_capped(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise ExtractionError(f"{url}: the page has {int(declared):,} bytes, over {max_bytes:,}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise ExtractionError(f"{url}: the page is larger than {max_bytes:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_article(
    url: str,
    *,
    client: httpx.Client | None = None,
    resolve: Resolver | None = None,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Article:
    """Download a page and read it as an article (HTML through trafilatura, or plain text).

    Parameters
    ----------
    url
        An http or https URL.
    client
        An httpx client to use (tests pass one with ``httpx.MockTransport``); by default a
        new client with :data:`TIMEOUT`.
    resolve
        ``resolve(host, port) -> [address, ...]``; by default the system resolver.
    max_bytes, max_redirects
        Size cap of the body and the number of redirects followed.

    Raises
    ------
    ExtractionError
        A refused address, too many redirects, an HTTP error status, a timeout, a body over
        the cap, or content that is not an English article.
    """
    own = client is None
    http = client or httpx.Client(timeout=TIMEOUT)
    headers = {"User-Agent": f"tariffscope/{__version__} (news reader)"}
    current = url
    try:
        for _hop in range(max_redirects + 1):
            address = check_host(current, resolve)[0]
            target, host_header, extensions = _pinned(current, address)
            with http.stream(
                "GET",
                target,
                headers={**headers, **host_header},
                extensions=extensions,
                follow_redirects=False,
            ) as resp:
                if resp.status_code in _REDIRECTS:
                    location = resp.headers.get("location")
                    if not location:
                        raise ExtractionError(f"{current}: redirect without a location")
                    current = urljoin(current, location)
                    logger.info("redirected to %s", current)
                    continue
                if resp.status_code >= 400:
                    raise ExtractionError(f"{current}: the server answered HTTP {resp.status_code}")
                body = _read_capped(resp, current, max_bytes)
                kind = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind and not (kind.startswith("text/") or "html" in kind or "xml" in kind):
                raise ExtractionError(f"{current}: the page is {kind}, not text or HTML")
            html = None if kind in {"", "text/plain"} else True
            return article_from_bytes(body, current, url=current, html=html)
        raise ExtractionError(f"{url}: more than {max_redirects} redirects")
    except httpx.TimeoutException:
        raise ExtractionError(f"{current}: the request timed out") from None
    except httpx.HTTPError as error:
        raise ExtractionError(f"{current}: the request failed ({error})") from None
    finally:
        if own:
            http.close()
