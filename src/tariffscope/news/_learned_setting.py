"""The setting of a learned chooser of the measure component, with its environment override.

A chooser (the measure target's, the measure status's) is configured by the component's
setting (``rules``/``model``/``fallback``) and an optional weights file; two environment
variables override both so that ``tariffscope eval extract`` can score another setting
without a new pipeline: ``$VARIABLE`` for the setting, ``$VARIABLE_WEIGHTS`` for the file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from tariffscope.errors import InputError

__all__ = ["configured_setting"]

M = TypeVar("M")


def configured_setting(
    mode: str,
    weights: str,
    env: Mapping[str, str] | None,
    variable: str,
    what: str,
    load: Callable[[dict[str, Any]], M],
) -> tuple[str, M | None]:
    """The setting and the model of its weights file (None: the shipped weights), the
    environment (default ``os.environ``) overriding the component's values; a weights file
    that does not load is bad input, named with ``what`` ("measure target", ...)."""
    env = os.environ if env is None else env
    mode = env.get(variable) or mode
    weights = env.get(f"{variable}_WEIGHTS") or weights
    if not weights:
        return mode, None
    try:
        model = load(json.loads(Path(weights).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{weights}: not a {what} weights file ({error})") from None
    return mode, model
