"""tariffscope: follow and price trade negotiations.

The notebook API is here: ``tariffscope.rate``, ``history``, ``measures``, ``etr``,
``simulate``, ``compare``, ``deals``, ``deals_many``, ``ge``, ``extract``, ``brief``, ``timeline``,
``negotiations`` (see :mod:`tariffscope.api` and docs/api.md). They are loaded on first use,
so ``import tariffscope`` stays fast. The stages (see docs/ARCHITECTURE.md) are subpackages:
``regime`` (tariff law), ``news`` (reading stories), ``tracker`` and ``store`` (following a
negotiation), ``impact`` (economic engines) and ``report`` (the brief).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("tariffscope")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+unknown"

if TYPE_CHECKING:
    from tariffscope.api import (
        BriefSet,
        Comparison,
        DealSpaceResult,
        Simulation,
        brief,
        briefs,
        claims,
        compare,
        deals,
        deals_many,
        etr,
        etr_chart,
        extract,
        ge,
        history,
        ingest,
        measures,
        negotiations,
        rate,
        simulate,
        timeline,
    )

__all__ = [
    "BriefSet",
    "Comparison",
    "DealSpaceResult",
    "Simulation",
    "__version__",
    "brief",
    "briefs",
    "claims",
    "compare",
    "deals",
    "deals_many",
    "etr",
    "etr_chart",
    "extract",
    "ge",
    "history",
    "ingest",
    "measures",
    "negotiations",
    "rate",
    "simulate",
    "timeline",
]

_API = frozenset(__all__) - {"__version__"}


def __getattr__(name: str) -> Any:
    """Load the API on first use (it imports pandas; the engines load when called)."""
    if name in _API:
        from tariffscope import api

        value = getattr(api, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'tariffscope' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
