"""tariffscope: follow and price trade negotiations.

The notebook API is here: ``tariffscope.rate``, ``history``, ``measures``, ``etr``,
``simulate``, ``compare``, ``deals``, ``deals_many``, ``ge``, ``extract``, ``brief``, ``timeline``,
``negotiations`` (see :mod:`tariffscope.api` and docs/api.md). They are loaded on first use,
so ``import tariffscope`` stays fast. The stages (see docs/ARCHITECTURE.md) are subpackages:
``regime`` (tariff law), ``news`` (reading stories), ``tracker`` and ``store`` (following a
negotiation), ``impact`` (economic engines) and ``report`` (the brief).
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("tariffscope")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+unknown"

if TYPE_CHECKING:
    # the names type checkers see: tariffscope.api's __all__, the one list of them
    from tariffscope.api import *  # noqa: F403


def __getattr__(name: str) -> Any:
    """Load the API on first use of one of its names (it imports pandas; the engines load
    when called); ``__all__`` is the API's names with ``__version__``."""
    if (name.startswith("_") and name != "__all__") or find_spec(f"{__name__}.{name}"):
        # a probe of a private name, or a subpackage not imported yet ("from tariffscope
        # import news" imports it next): no reason to load the API
        raise AttributeError(f"module 'tariffscope' has no attribute {name!r}")
    api = import_module("tariffscope.api")  # "from tariffscope import api" calls this hook
    if name == "__all__":
        value: Any = sorted(["__version__", *api.__all__])
    elif name in api.__all__:
        value = getattr(api, name)
    else:
        raise AttributeError(f"module 'tariffscope' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    api = import_module("tariffscope.api")
    return sorted({*globals(), *api.__all__})
