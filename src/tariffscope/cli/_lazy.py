"""Commands built when they are used: ``tariffscope brief`` imports no other command's module.

Each command module adds its commands to a Typer application through ``register(app)``. The
command group holds a :class:`LazyCommands` mapping from each command name to the module that
registers it, and imports a module (and builds its commands) the first time one of its names
is looked up: to run it, to list the commands for ``--help``, or to check a name. Importing and
building every command module costs a tenth of a second of every run, more where Python
cannot keep compiled bytecode.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

import typer
import typer.main

__all__ = ["LazyCommands"]


class LazyCommands(MutableMapping[str, Any]):
    """Command name -> built command, building a module's commands on first look-up.

    Parameters
    ----------
    built
        Commands built already (registered on the application itself).
    modules
        Command name -> the module whose ``register(app)`` adds it, in ``--help`` order.
    settings
        The application whose help and error settings the built commands take.
    """

    def __init__(
        self, built: Mapping[str, Any], modules: Mapping[str, str], settings: typer.Typer
    ) -> None:
        self._built = dict(built)
        self._modules = dict(modules)
        self._settings = settings

    def __getitem__(self, name: str) -> Any:
        if name not in self._built and name in self._modules:
            self._load(self._modules[name])
        return self._built[name]

    def _load(self, module: str) -> None:
        holder = typer.Typer(
            rich_markup_mode=self._settings.rich_markup_mode,
            pretty_exceptions_short=self._settings.pretty_exceptions_short,
            suggest_commands=self._settings.suggest_commands,
        )
        importlib.import_module(module).register(holder)
        for name, command in typer.main.get_group(holder).commands.items():
            self._built.setdefault(name, command)
        missing = [n for n, m in self._modules.items() if m == module and n not in self._built]
        if missing:  # a wrong table of commands is a bug of the program, not bad input
            raise LookupError(f"{module}.register adds no command {missing[0]!r}")

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        if name not in self._modules and name not in self._built:
            raise KeyError(name)
        self._modules.pop(name, None)
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._modules, *self._built]))

    def __len__(self) -> int:
        return len(dict.fromkeys([*self._modules, *self._built]))
