"""JSON output of every command: strict (no NaN or Infinity), through one helper."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tariffscope.cli._app import out_console
from tariffscope.strict_json import to_json

__all__ = ["print_json", "write_json"]


def print_json(value: Any) -> None:
    """Print ``value`` as strict JSON on stdout (highlighted when stdout is a terminal)."""
    out_console.print_json(to_json(value))


def write_json(path: Path, value: Any, *, indent: int | None = 2) -> None:
    """Write ``value`` as strict JSON to ``path`` (UTF-8, newline at the end)."""
    path.write_text(to_json(value, indent=indent) + "\n", encoding="utf-8")
