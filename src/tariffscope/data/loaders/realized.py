"""The realized US tariff rate by month: calculated duties / customs value (USITC DataWeb).

DataWeb's "Imports for consumption" export with the data types *Customs Value* and *Calculated
Duties* (one sheet each, by NAICS 3-digit and month, all partners together) gives, month by
month, what importers declared and the duties calculated on it; their ratio is the tariff rate
actually levied on the goods entered that month. The shared copy is
``data/a_trade/usitc_dataweb_customs_value_and_calc_duties_naics3_monthly_2024_2025.xlsx``
(DataWeb download of 16 January 2026, from github Budget-Lab-Yale/tariff-impact-tracker
``input/USITC - Customs and Duties - January 2026.xlsx``).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tariffscope.data.loaders._common import attach_provenance
from tariffscope.data.loaders.dataweb import load_dataweb
from tariffscope.errors import DataFileError

__all__ = ["REALIZED_FILE", "load_realized_rates"]

#: The DataWeb export under the shared folder.
REALIZED_FILE = (
    "data/a_trade/usitc_dataweb_customs_value_and_calc_duties_naics3_monthly_2024_2025.xlsx"
)
_TYPES = {"Customs Value": "customs_value_usd", "Calculated Duties": "calculated_duties_usd"}


def load_realized_rates(path: str | Path) -> pd.DataFrame:
    """Customs value, calculated duties and their ratio by month, all goods and partners.

    Returns
    -------
    pandas.DataFrame
        ``year, month, customs_value_usd, calculated_duties_usd, realized_pct`` (percent), one
        row per month the export holds both data types for, in date order.

    Raises
    ------
    DataFileError
        When the export lacks one of the two data types (or fails the checks of
        :func:`~tariffscope.data.loaders.load_dataweb`).
    """
    frame = load_dataweb(path)
    missing = sorted(set(_TYPES) - set(frame["data_type"]))
    if missing:
        raise DataFileError(f"file {path}: no {missing[0]!r} sheet", hint="export both data types")
    totals = (
        frame[frame["data_type"].isin(list(_TYPES))]
        .groupby(["year", "month", "data_type"])["value"]
        .sum()
        .unstack("data_type")
        .rename(columns=_TYPES)
        .dropna()
        .reset_index()
    )
    totals.columns.name = None
    totals["realized_pct"] = 100.0 * totals["calculated_duties_usd"] / totals["customs_value_usd"]
    out = totals[["year", "month", "customs_value_usd", "calculated_duties_usd", "realized_pct"]]
    return attach_provenance(
        out.sort_values(["year", "month"]).reset_index(drop=True),
        Path(path),
        fmt="usitc_dataweb",
        source="U.S. International Trade Commission, DataWeb: imports for consumption, customs "
        "value and calculated duties, by month (https://dataweb.usitc.gov)",
        unit="US dollars; realized_pct in percent",
    )
