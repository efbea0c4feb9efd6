"""YAML tables shipped with the package, parsed once per process with libyaml's loader.

Several modules read the same table (``tracker/data/product_groups.yaml`` by the linker and
the brief's law notes; ``regime/catalog/catalog.yaml``'s coverage by the date component twice).
PyYAML's pure-Python ``SafeLoader`` takes tens of milliseconds on each; ``CSafeLoader`` (when
PyYAML was built with libyaml) builds the same objects about ten times faster. The parsed value
is shared: callers must not change it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["package_yaml"]

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def package_yaml(path: Path) -> Any:
    """The parsed YAML file ``path`` (kept for the process; do not modify it)."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)
