"""The ASGI application of ``tariffscope serve``: the JSON API, ``/health`` and the dashboard.

Build it with :func:`create_app`; ``tariffscope serve`` runs it on uvicorn. The app owns the
store file for as long as it runs (see :class:`~tariffscope.serve._hub.StoreHub`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request

from tariffscope import __version__
from tariffscope.serve import _api, _dashboard
from tariffscope.serve._context import Context
from tariffscope.serve._errors import install_error_handlers
from tariffscope.serve._hub import StoreHub
from tariffscope.serve._json import StrictJSONResponse
from tariffscope.serve._limits import BodyLimit, Runner
from tariffscope.serve._security import Guard, is_loopback

__all__ = ["DEFAULT_MAX_BODY", "DEFAULT_TIME_LIMIT", "ServiceConfig", "create_app"]

DEFAULT_MAX_BODY = 5_000_000
"""Largest request body, in bytes (the news reader's own cap on an input)."""
DEFAULT_TIME_LIMIT = 120.0
"""Seconds a request may take (a brief with the economy-wide model takes ~10 s)."""


@dataclass(frozen=True)
class ServiceConfig:
    """How to run the service.

    ``host`` decides whether reads need the token (not on loopback). ``extractor`` and
    ``fetch`` replace the news reader and the URL fetcher (tests).
    """

    db: Path
    token: str
    host: str = "127.0.0.1"
    max_body: int = DEFAULT_MAX_BODY
    time_limit: float = DEFAULT_TIME_LIMIT
    heavy_slots: int = 2
    max_queue: int = 100
    extractor: Callable[..., Any] | None = None
    fetch: Callable[[str], Any] | None = None
    today: Callable[[], dt.date] = dt.date.today


def create_app(config: ServiceConfig) -> FastAPI:
    """The service: opens the store at start-up and closes it at shutdown."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        hub = StoreHub(
            config.db, extractor=config.extractor, fetch=config.fetch, max_queue=config.max_queue
        )
        hub.start()
        app.state.context = Context(
            hub=hub,
            guard=Guard(config.token, reads_need_token=not is_loopback(config.host)),
            runner=Runner(config.time_limit, config.heavy_slots),
            today=config.today,
        )
        try:
            yield
        finally:
            hub.close()

    app = FastAPI(
        title="tariffscope",
        version=__version__,
        summary="Follow and price trade negotiations: the news, the tariff law, the costs.",
        description=(
            "Reads need no token when the service is bound to loopback; writes (ingest) need "
            "`Authorization: Bearer TOKEN`. Errors are "
            '`{"ok": false, "error": {"status", "message", "errors"}}`; JSON is strict '
            "(no NaN or Infinity)."
        ),
        default_response_class=StrictJSONResponse,
        lifespan=lifespan,
        docs_url="/docs",
        redoc_url=None,
    )
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit=config.max_body)

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable[[Request], Any]) -> Any:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @app.get("/health", summary="Is the service up, and what does its store hold")
    async def health(request: Request) -> dict[str, Any]:
        context: Context = request.app.state.context
        articles = await context.runner(context.hub.count_articles)
        return {
            "ok": True,
            "version": __version__,
            "articles": articles,
            "jobs_waiting": context.hub.pending(),
            "interrupted_jobs": [j.id for j in context.hub.interrupted],
        }

    app.include_router(_api.router)
    _dashboard.install(app)
    return app
