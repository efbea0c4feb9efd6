"""Strict JSON for everything tariffscope writes: never ``NaN`` or ``Infinity``, ``null`` instead.

Python's :func:`json.dumps` writes ``NaN``, ``Infinity`` and ``-Infinity`` by default, which no
JSON parser outside Python accepts (browsers, ``jq``, JSON Schema validators). Every command
and renderer goes through :func:`to_json`: :func:`jsonable` first turns the value into plain
JSON data (a non-finite float becomes None; NumPy and pandas scalars and arrays, dates, paths
and enums become their JSON equivalents), then ``json.dumps(..., allow_nan=False)`` makes sure
nothing non-finite slipped through.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import math
from collections.abc import Mapping
from decimal import Decimal
from pathlib import PurePath
from typing import Any

__all__ = ["jsonable", "loads_strict", "to_json"]


def jsonable(value: Any) -> Any:
    """``value`` as plain JSON data: dicts, lists, str, int, finite float, bool or None.

    Non-finite floats (``nan``, ``inf``, ``-inf``) and missing values (``pd.NA``, ``NaT``)
    become None. Mapping keys become strings. Objects with a ``to_dict()`` method are
    converted through it; dataclasses field by field; anything else unknown by ``str``.
    """
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    if isinstance(value, set | frozenset):
        return [jsonable(item) for item in sorted(value, key=str)]
    return _other(value)


def _other(value: Any) -> Any:
    numeric = _numpy_or_pandas(value)  # first: pandas' NaT is also a datetime
    if numeric is not _UNKNOWN:
        return numeric
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return jsonable(float(value))
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if isinstance(value, PurePath):
        return str(value)
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return jsonable(value.to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return jsonable({f.name: getattr(value, f.name) for f in dataclasses.fields(value)})
    return str(value)


_UNKNOWN = object()


def _numpy_or_pandas(value: Any) -> Any:
    """NumPy scalars and arrays, pandas missing values and timestamps (imported lazily)."""
    module = type(value).__module__.split(".", 1)[0]
    if module == "numpy":
        import numpy as np

        if isinstance(value, np.ndarray):
            return jsonable(value.tolist())
        if isinstance(value, np.generic):
            if isinstance(value, np.datetime64):
                return None if np.isnat(value) else str(value)
            return jsonable(value.item())
    if module == "pandas":
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
        if isinstance(value, pd.Timestamp):
            return value.isoformat()
        if isinstance(value, pd.DataFrame):
            return jsonable(value.to_dict(orient="records"))
        if isinstance(value, pd.Series | pd.Index):
            return jsonable(value.tolist())
    return _UNKNOWN


def to_json(
    value: Any, *, indent: int | None = None, ensure_ascii: bool = False, sort_keys: bool = False
) -> str:
    """Strict JSON text of ``value`` (see :func:`jsonable`); never ``NaN`` or ``Infinity``."""
    return json.dumps(
        jsonable(value),
        allow_nan=False,
        indent=indent,
        ensure_ascii=ensure_ascii,
        sort_keys=sort_keys,
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"not strict JSON: {name}")


def loads_strict(text: str) -> Any:
    """Parse JSON, refusing ``NaN``, ``Infinity`` and ``-Infinity`` (ValueError)."""
    return json.loads(text, parse_constant=_reject_constant)
