"""YAML written by users (scenario files): numbers as people write them, and only finite ones.

PyYAML follows YAML 1.1, where ``1e9`` (no dot) is a string and ``.nan`` / ``.inf`` are
numbers; a user who writes ``rate_pct: 1e9`` then meets a schema message about a string, and
``rate_pct: .nan`` prints ``total nan``. Here ``1e9`` is a number (as in YAML 1.2 and JSON), and
any NaN or infinite number is refused with the path of the field that holds it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

import yaml

__all__ = ["first_non_finite", "load_user_yaml"]


class _UserLoader(yaml.SafeLoader):
    """SafeLoader that also reads ``1e9``, ``-2E-3`` and ``5.`` as floats (YAML 1.2 core)."""


_UserLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


def load_user_yaml(text: str) -> Any:
    """Parse ``text`` with the numbers a user means (``1e9`` is a float).

    Raises
    ------
    yaml.YAMLError
        The text is not YAML.
    """
    return yaml.load(text, Loader=_UserLoader)


def first_non_finite(data: Any, path: str = "") -> str | None:
    """The path (``add[0].rate_pct``) of the first NaN or infinite number in ``data``, or None."""
    if isinstance(data, float) and not math.isfinite(data):
        return path or "(top level)"
    if isinstance(data, Mapping):
        for key, value in data.items():
            found = first_non_finite(value, f"{path}.{key}" if path else str(key))
            if found is not None:
                return found
    elif isinstance(data, list | tuple):
        for index, value in enumerate(data):
            found = first_non_finite(value, f"{path}[{index}]")
            if found is not None:
                return found
    return None
