"""One JSON error envelope for every failure, and the HTTP status of each kind of error.

Every error answer is ``{"ok": false, "error": {"status": N, "message": "...", "errors": [...]}}``.
A user's mistake is a 4xx with a message naming what is wrong; a 5xx means the service
itself failed (a bug, missing data, a time limit), never a bad request.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from tariffscope.errors import (
    DataUnavailableError,
    ExtractionError,
    InputError,
    NotCoveredError,
    StoreError,
    TariffscopeError,
)
from tariffscope.serve._json import StrictJSONResponse

__all__ = ["error_response", "install_error_handlers", "status_of"]

logger = logging.getLogger(__name__)


def error_response(
    status: int,
    message: str,
    errors: list[Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The error envelope with ``status``."""
    body = {"ok": False, "error": {"status": status, "message": message, "errors": errors or []}}
    return StrictJSONResponse(body, status_code=status, headers=headers)


def status_of(error: TariffscopeError) -> int:
    """The HTTP status of a tariffscope error: 4xx for the user's input, 5xx for the service."""
    if isinstance(error, InputError):
        return 400
    if isinstance(error, ExtractionError | NotCoveredError):
        return 422  # well-formed, but not a story the reader can use / not covered
    if isinstance(error, StoreError | DataUnavailableError):
        return 503
    return 500


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for item in errors[:3]:
        where = ".".join(str(x) for x in item.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception through :func:`error_response`."""

    @app.exception_handler(TariffscopeError)
    async def _tariffscope(request: Request, error: TariffscopeError) -> Response:
        status = status_of(error)
        if status >= 500:
            logger.error("%s %s: %s", request.method, request.url.path, error.one_line())
        return error_response(status, error.one_line())

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> Response:
        errors = [
            {"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", ""))}
            for e in error.errors()
        ]
        return error_response(422, _validation_message(errors), errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> Response:
        headers = dict(error.headers) if error.headers else None
        return error_response(error.status_code, str(error.detail), headers=headers)

    @app.exception_handler(TimeoutError)
    async def _timeout(request: Request, error: TimeoutError) -> Response:
        message = str(error) or "the request took too long"
        return error_response(503, message, headers={"Retry-After": "30"})

    @app.exception_handler(Exception)
    async def _bug(request: Request, error: Exception) -> Response:
        logger.exception("%s %s failed", request.method, request.url.path)
        return error_response(500, f"internal error: {type(error).__name__}")
