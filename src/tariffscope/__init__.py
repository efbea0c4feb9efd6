"""tariffscope: follow and price trade negotiations.

The stages (see docs/ARCHITECTURE.md) are subpackages: ``regime`` (tariff law), ``news``
(reading stories), ``tracker`` and ``store`` (following a negotiation), ``impact`` (economic
engines) and ``report`` (the brief).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tariffscope")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
