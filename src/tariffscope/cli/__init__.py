"""The ``tariffscope`` command line.

Each command group lives in its own module here and adds itself to :data:`app` through a
``register(app)`` function; :data:`COMMANDS` names the module of each command, in ``--help``
order. A module is imported when one of its commands is first used (or listed by ``--help``),
so a command imports no other command's modules.
"""

from __future__ import annotations

import sys
from types import MappingProxyType

from tariffscope.cli._app import app, register_lazily

__all__ = ["COMMANDS", "COMMAND_MODULES", "app", "main"]

#: Command name -> its module under ``tariffscope.cli``, in ``--help`` order (commands, then
#: the command groups ``data`` and ``eval``).
COMMANDS: MappingProxyType[str, str] = MappingProxyType(
    {
        "brief": "brief",
        "rate": "rate",
        "history": "rate",
        "measures": "rate",
        "ge": "ge",
        "simulate": "simulate",
        "compare": "simulate",
        "tradewar": "tradewar",
        "deals": "deals",
        "etr": "etr",
        "extract": "extract",
        "ingest": "ingest",
        "timeline": "timeline",
        "serve": "serve",
        "data": "data",
        "eval": "eval",
    }
)

COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(COMMANDS.values()))

register_lazily({name: f"tariffscope.cli.{module}" for name, module in COMMANDS.items()})


def main() -> None:
    """Entry point of the console script."""
    sys.exit(app(prog_name="tariffscope", standalone_mode=True) or 0)
