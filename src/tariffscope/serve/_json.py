"""Strict JSON answers: never ``NaN`` or ``Infinity`` (:mod:`tariffscope.strict_json`)."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from tariffscope.strict_json import to_json

__all__ = ["StrictJSONResponse"]


class StrictJSONResponse(JSONResponse):
    """A JSON response whose non-finite numbers are ``null``."""

    def render(self, content: Any) -> bytes:
        return to_json(content).encode("utf-8")
