"""Builders of the embedded tables: one module per table family.

A builder module defines ``BUILDER``, a :class:`Builder` naming its source files (see
:mod:`tariffscope.data.sources`), the files it writes and the function that writes them. To
add one, write a module here and list it in :data:`BUILTIN_MODULES`;
:mod:`tariffscope.data.build` collects them into ``BUILDERS``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tariffscope.data.sources import get_source, locate

__all__ = ["BUILTIN_MODULES", "BuildContext", "Builder", "builtin_builders"]

#: Modules of the built-in builders, in build order.
BUILTIN_MODULES: tuple[str, ...] = (
    "tariffscope.data.builders.hts_schedule",
    "tariffscope.data.builders.product_lists",
    "tariffscope.data.builders.census_trade",
    "tariffscope.data.builders.usmca_shares",
    "tariffscope.data.builders.trade",
)


@dataclass(frozen=True)
class BuildContext:
    """What a build function gets: where to write, and where the sources are.

    Attributes
    ----------
    out_dir
        The folder to write outputs into (``data/embedded`` by default).
    shared
        The shared folder of public files to read sources from, or None to use the
        configured one or the download cache.
    """

    out_dir: Path
    shared: Path | None = None

    def source(self, name: str) -> Path:
        """The local path of source ``name`` (raises DataUnavailableError if absent)."""
        return locate(get_source(name), self.shared)

    def output(self, filename: str) -> Path:
        """The path to write output ``filename`` to."""
        return self.out_dir / filename


#: A build function writes its outputs and returns facts for the build manifest
#: (JSON-serialisable: row counts, edition names).
BuildFunction = Callable[[BuildContext], Mapping[str, object]]


@dataclass(frozen=True)
class Builder:
    """A named build step.

    Attributes
    ----------
    name
        Identifier on the command line (``hts_schedule``).
    description
        One line saying what it derives.
    sources
        Names of the sources it reads (keys of ``tariffscope.data.sources.SOURCES``).
    outputs
        File names it writes under the output folder.
    function
        The build function.
    """

    name: str
    description: str
    sources: tuple[str, ...]
    outputs: tuple[str, ...]
    function: BuildFunction

    @property
    def function_name(self) -> str:
        """``module:qualname`` of the build function, for provenance."""
        return f"{self.function.__module__}:{self.function.__qualname__}"


def builtin_builders() -> list[Builder]:
    """The builders of :data:`BUILTIN_MODULES`, in order."""
    return [importlib.import_module(module).BUILDER for module in BUILTIN_MODULES]
