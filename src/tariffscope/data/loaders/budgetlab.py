"""The Yale Budget Lab's GTAP-sector baselines of US imports by partner group.

Three wide tables share one layout, ``gtap_code`` then one column per partner group
(``china, canada, mexico, uk, japan, eu, row, ftrow``; some add ``usa``, always zero):

* ``import_baseline_dollars.csv`` (Tariff-Model): 45 GTAP goods sectors, **US dollars**;
* ``viws_baseline.csv`` (Tariff-Model) and ``gtap_import_weights.csv`` (Tariff-ETRs):
  65 GTAP commodities, imports at world prices, **US$ million**.

``ftrow`` is the rest of the world with a US free-trade agreement, ``row`` the rest.
The long ``trade_weights_by_month.csv`` (tariff-etr-eval) holds GTAP baseline and
post-simulation imports by commodity and source region. The GTAP commodity dictionary
lists the 65 GTAP 11 commodity codes.

Sources: https://github.com/Budget-Lab-Yale (Tariff-Model, Tariff-ETRs, tariff-etr-eval).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from tariffscope.data.loaders._common import (
    Column,
    attach_provenance,
    check_columns,
    convert_columns,
    read_raw_csv,
    require_values,
)
from tariffscope.errors import DataFileError

__all__ = [
    "BUDGETLAB_PARTNERS",
    "GTAP_CODES",
    "GTAP_GOODS",
    "load_budgetlab_gtap_imports",
    "load_budgetlab_trade_weights",
    "load_gtap_dictionary",
]

#: The 65 GTAP 11 commodity codes, in GTAP order.
GTAP_CODES: tuple[str, ...] = (
    "pdr",
    "wht",
    "gro",
    "v_f",
    "osd",
    "c_b",
    "pfb",
    "ocr",
    "ctl",
    "oap",
    "rmk",
    "wol",
    "frs",
    "fsh",
    "coa",
    "oil",
    "gas",
    "oxt",
    "cmt",
    "omt",
    "vol",
    "mil",
    "pcr",
    "sgr",
    "ofd",
    "b_t",
    "tex",
    "wap",
    "lea",
    "lum",
    "ppp",
    "p_c",
    "chm",
    "bph",
    "rpp",
    "nmm",
    "i_s",
    "nfm",
    "fmp",
    "ele",
    "eeq",
    "ome",
    "mvh",
    "otn",
    "omf",
    "ely",
    "gdt",
    "wtr",
    "cns",
    "trd",
    "afs",
    "otp",
    "wtp",
    "atp",
    "whs",
    "cmn",
    "ofi",
    "ins",
    "rsa",
    "obs",
    "ros",
    "osg",
    "edu",
    "hht",
    "dwe",
)
#: The 45 goods sectors of the Budget Lab dollar baseline (agriculture, mining, manufacturing).
GTAP_GOODS: tuple[str, ...] = tuple(c for c in GTAP_CODES[:46] if c != "rmk")

#: Budget Lab partner-group column -> tariffscope partner code.
BUDGETLAB_PARTNERS: dict[str, str] = {
    "china": "CHN",
    "canada": "CAN",
    "mexico": "MEX",
    "uk": "GBR",
    "japan": "JPN",
    "eu": "EUN",
    "row": "ROW",
    "ftrow": "FTROW",
    "usa": "USA",
}

_SOURCE = "Yale Budget Lab, GTAP-based US import baselines (github.com/Budget-Lab-Yale)"


def load_budgetlab_gtap_imports(
    path: str | Path, *, unit: Literal["usd", "usd_million"]
) -> pd.DataFrame:
    """Read a wide GTAP x partner-group table of US imports into a long table in US dollars.

    Parameters
    ----------
    path
        ``import_baseline_dollars.csv`` (``unit="usd"``), ``viws_baseline.csv`` or
        ``gtap_import_weights.csv`` (``unit="usd_million"``).
    unit
        The unit of the file's numbers; the result is always in US dollars.

    Returns
    -------
    pandas.DataFrame
        Columns ``gtap_code`` (lower case), ``partner`` (``CHN, CAN, MEX, GBR, JPN, EUN, ROW,
        FTROW``; the all-zero ``usa`` column is dropped), ``value`` (US dollars).

    Raises
    ------
    DataFileError
        An unknown GTAP code, a partner column not in :data:`BUDGETLAB_PARTNERS`, a negative
        or non-numeric value (the message names file, column and line).
    """
    path = Path(path)
    raw = read_raw_csv(path)
    key = "gtap_code" if "gtap_code" in raw.columns else "commodity"
    check_columns(raw, path, [key])
    partners = [c for c in raw.columns if c != key]
    unknown = [c for c in partners if c not in BUDGETLAB_PARTNERS]
    if unknown:
        raise DataFileError(
            f"file {path}, column {unknown[0]!r}, line 1: unknown partner group",
            hint=f"expected columns among {sorted(BUDGETLAB_PARTNERS)}",
        )
    spec = [Column(key, "gtap_code")] + [Column(p, p, "float") for p in partners]
    frame = convert_columns(raw, path, spec)
    frame["gtap_code"] = frame["gtap_code"].str.lower()
    require_values(frame, path, "gtap_code", set(GTAP_CODES), source_column=key)
    values = frame[partners].to_numpy(dtype=float)
    if (values < 0).any():
        row, col = (int(i[0]) for i in np.nonzero(values < 0))
        raise DataFileError(
            f"file {path}, column {partners[col]!r}, line {row + 2}: negative import value"
        )
    long = frame.melt(id_vars="gtap_code", var_name="partner", value_name="value")
    long["partner"] = long["partner"].map(BUDGETLAB_PARTNERS)
    long = long[long["partner"] != "USA"].reset_index(drop=True)
    if unit == "usd_million":
        long["value"] = long["value"] * 1e6
    return attach_provenance(
        long, path, fmt="budgetlab_gtap_imports", source=_SOURCE, unit="US dollars"
    )


def load_budgetlab_trade_weights(path: str | Path) -> pd.DataFrame:
    """Read ``trade_weights_by_month.csv``: GTAP baseline and simulated US imports by source.

    Returns
    -------
    pandas.DataFrame
        Columns ``month`` (``YYYY-MM``), ``policy_date``, ``gtap_code``, ``partner``,
        ``baseline_imports`` and ``postsim_imports`` (US$ million, GTAP output),
        ``baseline_share``, ``postsim_share``.
    """
    path = Path(path)
    raw = read_raw_csv(path)
    frame = convert_columns(
        raw,
        path,
        [
            Column("month", "month"),
            Column("policy_date", "policy_date"),
            Column("commodity", "gtap_code"),
            Column("source_region", "source_region"),
            Column("baseline_imports", "baseline_imports", "float"),
            Column("postsim_imports", "postsim_imports", "float"),
            Column("baseline_share", "baseline_share", "float", optional=True),
            Column("postsim_share", "postsim_share", "float", optional=True),
        ],
    )
    require_values(frame, path, "gtap_code", set(GTAP_CODES), source_column="commodity")
    require_values(
        frame, path, "source_region", set(BUDGETLAB_PARTNERS), source_column="source_region"
    )
    frame["partner"] = frame.pop("source_region").map(BUDGETLAB_PARTNERS)
    return attach_provenance(
        frame, path, fmt="budgetlab_trade_weights_by_month", source=_SOURCE, unit="US$ million"
    )


def load_gtap_dictionary(path: str | Path) -> pd.DataFrame:
    """Read the GTAP commodity dictionary (code, description, aggregate sector, flags)."""
    path = Path(path)
    raw = read_raw_csv(path)
    flags = ["is_manufacturing", "is_durable", "is_nondurable", "is_advanced"]
    frame = convert_columns(
        raw,
        path,
        [
            Column("gtap_code", "gtap_code"),
            Column("description", "description"),
            Column("aggregate_sector", "aggregate_sector"),
            *[Column(f, f, "int") for f in flags],
        ],
    )
    frame["gtap_code"] = frame["gtap_code"].str.lower()
    require_values(frame, path, "gtap_code", set(GTAP_CODES), source_column="gtap_code")
    for flag in flags:
        frame[flag] = frame[flag].astype(bool)
    return attach_provenance(frame, path, fmt="gtap_commodity_dictionary", source=_SOURCE, unit="-")
