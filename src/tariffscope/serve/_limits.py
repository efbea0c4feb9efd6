"""Limits that keep one request from hurting the others: body size, time, heavy work at once.

:class:`BodyLimit` refuses a body over the cap with 413 (by ``Content-Length``, or by
counting a chunked body while buffering it). :class:`Runner` runs a blocking library call in
a worker thread, heavy ones at most ``heavy_slots`` at a time, and gives up waiting after the
time limit (the thread finishes its work; its answer is dropped).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tariffscope.serve._json import StrictJSONResponse

__all__ = ["BodyLimit", "Runner"]

T = TypeVar("T")


def _too_large(limit: int) -> StrictJSONResponse:
    message = f"the request body is over {limit} bytes"
    return StrictJSONResponse(
        {"ok": False, "error": {"status": 413, "message": message, "errors": []}}, status_code=413
    )


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
        # read the body up to the cap before the app sees it: an app may swallow an error
        # raised while it reads, and the cap keeps the buffer small
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                await _too_large(self.limit)(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


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
