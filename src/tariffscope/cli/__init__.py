"""The ``tariffscope`` command line.

Each command group lives in its own module here and registers itself on :data:`app` through a
``register(app)`` function; :data:`COMMAND_MODULES` lists them in ``--help`` order.
"""

from __future__ import annotations

import importlib
import sys

from tariffscope.cli._app import app

__all__ = ["COMMAND_MODULES", "app", "main"]

COMMAND_MODULES: tuple[str, ...] = (
    "brief",
    "rate",
    "data",
    "ge",
    "simulate",
    "tradewar",
    "deals",
    "etr",
    "extract",
    "eval",
    "ingest",
    "timeline",
    "serve",
)

for _name in COMMAND_MODULES:
    importlib.import_module(f"tariffscope.cli.{_name}").register(app)


def main() -> None:
    """Entry point of the console script."""
    sys.exit(app(prog_name="tariffscope", standalone_mode=True) or 0)
