"""The date type the API functions accept, and its ISO form for the engines."""

from __future__ import annotations

import datetime as dt
from typing import overload

__all__ = ["DateLike", "iso"]

DateLike = str | dt.date


@overload
def iso(day: DateLike) -> str: ...
@overload
def iso(day: None) -> None: ...
def iso(day: DateLike | None) -> str | None:
    """``day`` as ``YYYY-MM-DD`` text (text is passed on as given; the engines check it)."""
    # the overloads tell the type checker a given day stays given
    return day.isoformat() if isinstance(day, dt.date) else day
