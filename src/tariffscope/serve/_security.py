"""Who may do what: a bearer token for writes, and for reads unless bound to loopback.

The token is ``TARIFFSCOPE_TOKEN`` or, when that is unset, a random one made at start and
printed by ``tariffscope serve``. Reads also accept the token in the ``tariffscope_token``
cookie (the dashboard's pages set it); writes accept only the header, so another site
cannot make a browser write with its cookie.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import secrets

from fastapi import Request
from starlette.exceptions import HTTPException

__all__ = ["COOKIE", "TOKEN_ENV", "Guard", "is_loopback", "make_token"]

TOKEN_ENV = "TARIFFSCOPE_TOKEN"
COOKIE = "tariffscope_token"


def make_token() -> tuple[str, bool]:
    """The token from the environment, or a new one; the flag says whether it is new."""
    given = os.environ.get(TOKEN_ENV, "").strip()
    if given:
        return given, False
    return secrets.token_urlsafe(24), True


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses (reads need no token there)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Guard:
    """Checks the token of a request (constant-time comparison)."""

    def __init__(self, token: str, *, reads_need_token: bool) -> None:
        self._token = token.encode("utf-8")
        self.reads_need_token = reads_need_token

    def _matches(self, given: str | None) -> bool:
        return given is not None and hmac.compare_digest(given.encode("utf-8"), self._token)

    @staticmethod
    def _bearer(request: Request) -> str | None:
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        return value.strip() if scheme.lower() == "bearer" and value.strip() else None

    def write(self, request: Request) -> None:
        """Refuse a write without the token in the ``Authorization`` header (401)."""
        if not self._matches(self._bearer(request)):
            raise HTTPException(
                401,
                "this request writes to the store: send Authorization: Bearer TOKEN "
                "(the token tariffscope serve printed, or TARIFFSCOPE_TOKEN)",
                headers={"WWW-Authenticate": "Bearer"},
            )

    def read(self, request: Request) -> None:
        """Refuse a read without the token when the service is not on loopback (401)."""
        if not self.reads_need_token:
            return
        if self._matches(self._bearer(request)) or self._matches(request.cookies.get(COOKIE)):
            return
        raise HTTPException(
            401,
            "this service is shared beyond this machine: send Authorization: Bearer TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )
