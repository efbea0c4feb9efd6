"""Limits that keep one request from hurting the others: body size, time, heavy work at once.

:class:`BodyLimit` refuses a body over the cap with 413 before it is read into memory
(by ``Content-Length``, or by counting a chunked body). :func:`run_limited` runs a blocking
library call in a worker thread, at most ``slots`` at a time, and gives up waiting after the
time limit (the thread finishes its work; its answer is dropped).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tariffscope.service._json import StrictJSONResponse

__all__ = ["BodyLimit", "Runner"]

T = TypeVar("T")


def _too_large(limit: int) -> StrictJSONResponse:
    message = f"the request body is over {limit} bytes"
    return StrictJSONResponse(
        {"ok": False, "error": {"status": 413, "message": message, "errors": []}}, status_code=413
    )


class _BodyTooLargeError(Exception):
    pass


class BodyLimit:
    """ASGI middleware: 413 for a request body over ``limit`` bytes."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.limit + 1
                if declared > self.limit:
                    await _too_large(self.limit)(scope, receive, send)
                    return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _BodyTooLargeError
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _BodyTooLargeError:
            if not started:
                await _too_large(self.limit)(scope, receive, send)


class Runner:
    """Runs blocking calls off the event loop with a time limit; heavy ones a few at a time."""

    def __init__(self, time_limit: float, heavy_slots: int = 2) -> None:
        self.time_limit = time_limit
        self._heavy = anyio.CapacityLimiter(heavy_slots)

    async def __call__(self, func: Callable[..., T], *args: Any, heavy: bool = False) -> T:
        limiter = self._heavy if heavy else None
        try:
            with anyio.fail_after(self.time_limit):
                return await anyio.to_thread.run_sync(
                    func, *args, abandon_on_cancel=True, limiter=limiter
                )
        except TimeoutError:
            raise TimeoutError(
                f"the request took longer than the service's limit of {self.time_limit:g} s; "
                "ask for less (fewer draws, a shorter period) or retry later"
            ) from None
