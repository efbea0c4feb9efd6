"""UN Comtrade CSV downloads (https://comtradeplus.un.org), a format users bring.

Two header styles are read:

* **Comtrade+ / API v1** (``comtradeapicall``, the current site): ``refYear, period,
  reporterISO, partnerISO, flowCode, classificationCode, cmdCode, qty, netWgt,
  primaryValue`` (plus many other columns, ignored). ``flowCode`` is ``M``, ``X``, ``RM``, ``RX``.
* **Legacy** (comtrade.un.org before 2023): ``Year, Period, Trade Flow, Reporter ISO,
  Partner ISO, Classification, Commodity Code, Qty, Netweight (kg), Trade Value (US$)``.

Values are US dollars (CIF for imports, FOB for exports, as reported). The partner
``W00``/``WLD`` (World) is returned as ``WLD``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tariffscope.data.loaders._common import (
    Column,
    attach_provenance,
    convert_columns,
    read_raw_csv,
    require_values,
)
from tariffscope.errors import DataFileError

__all__ = ["COMTRADE_COLUMNS", "load_comtrade"]

#: Columns of the frame :func:`load_comtrade` returns.
COMTRADE_COLUMNS = (
    "year",
    "period",
    "reporter",
    "partner",
    "flow",
    "classification",
    "cmd_code",
    "value",
    "quantity",
    "net_weight_kg",
)

_FLOWS = {
    "M": "import",
    "X": "export",
    "RM": "re-import",
    "RX": "re-export",
    "Import": "import",
    "Export": "export",
    "Re-Import": "re-import",
    "Re-Export": "re-export",
    "Imports": "import",
    "Exports": "export",
}

_PLUS = {
    "refYear": "year",
    "period": "period",
    "reporterISO": "reporter",
    "partnerISO": "partner",
    "flowCode": "flow",
    "classificationCode": "classification",
    "cmdCode": "cmd_code",
    "primaryValue": "value",
    "qty": "quantity",
    "netWgt": "net_weight_kg",
}
_LEGACY = {
    "Year": "year",
    "Period": "period",
    "Reporter ISO": "reporter",
    "Partner ISO": "partner",
    "Trade Flow": "flow",
    "Classification": "classification",
    "Commodity Code": "cmd_code",
    "Trade Value (US$)": "value",
    "Qty": "quantity",
    "Netweight (kg)": "net_weight_kg",
}
_OPTIONAL = {"quantity", "net_weight_kg", "classification", "period"}


def load_comtrade(path: str | Path) -> pd.DataFrame:
    """Read a UN Comtrade CSV (Comtrade+ or legacy header).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COMTRADE_COLUMNS`: ``reporter``/``partner`` upper-case ISO3 (``WLD``
        for the world), ``flow`` one of ``import, export, re-import, re-export``, ``cmd_code``
        as text (``TOTAL`` or an HS code with its leading zeros), ``value`` in US dollars.

    Raises
    ------
    DataFileError
        Neither header style, an unknown flow, a value that is not a number (file, column,
        line).
    """
    path = Path(path)
    raw = read_raw_csv(path)
    if "primaryValue" in raw.columns or "refYear" in raw.columns:
        names = _PLUS
    elif "Trade Value (US$)" in raw.columns or "Commodity Code" in raw.columns:
        names = _LEGACY
    else:
        raise DataFileError(
            f"file {path}, line 1: not a UN Comtrade CSV (no refYear/primaryValue or "
            f"Year/Trade Value (US$) columns; found {', '.join(list(raw.columns)[:8])})"
        )
    spec = []
    for source, name in names.items():
        if name in _OPTIONAL and source not in raw.columns:
            continue
        kind = {"year": "year", "value": "float", "quantity": "float", "net_weight_kg": "float"}
        spec.append(Column(source, name, kind.get(name, "str"), optional=name in _OPTIONAL))  # type: ignore[arg-type]
    frame = convert_columns(raw, path, spec)
    flow_source = next(s for s, n in names.items() if n == "flow")
    require_values(frame, path, "flow", set(_FLOWS), source_column=flow_source)
    frame["flow"] = frame["flow"].map(_FLOWS)
    for column in ("reporter", "partner"):
        frame[column] = frame[column].str.upper().replace({"W00": "WLD"})
    for column in COMTRADE_COLUMNS:
        if column not in frame.columns:
            frame[column] = "" if column in ("classification", "period") else float("nan")
    return attach_provenance(
        frame[list(COMTRADE_COLUMNS)],
        path,
        fmt="un_comtrade",
        source="United Nations Comtrade (https://comtradeplus.un.org)",
        unit="US dollars",
    )
