"""CEPII BACI bilateral trade at HS6 (the ``t,i,j,k,v,q`` CSV), a format users bring.

BACI (Gaulier & Zignago 2010, http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37)
ships one CSV per year with columns ``t`` (year), ``i`` (exporter), ``j`` (importer), ``k``
(HS6 product), ``v`` (value, **thousand** US dollars, FOB) and ``q`` (quantity, metric tons,
``NA`` when unknown), plus ``country_codes_V*.csv`` (``country_code, country_name,
country_iso2, country_iso3``) and ``product_codes_*.csv``. A year is about 11 million rows, so
the loader reads with fixed types first and only on failure re-reads as text to name the bad
line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from tariffscope.data.loaders._common import (
    Column,
    attach_provenance,
    check_columns,
    convert_columns,
    open_text,
    read_raw_csv,
)
from tariffscope.errors import DataFileError

__all__ = ["BACI_COLUMNS", "load_baci", "load_baci_country_codes"]

#: Columns of the frame :func:`load_baci` returns.
BACI_COLUMNS = ("year", "exporter", "importer", "hs6", "value", "quantity")

_SOURCE = "CEPII BACI (Gaulier & Zignago 2010), http://www.cepii.fr"
_TYPES = {"t": "int64", "i": "int64", "j": "int64", "k": "str", "v": "float64", "q": "str"}


def load_baci_country_codes(path: str | Path) -> pd.DataFrame:
    """Read BACI's ``country_codes_V*.csv``: ``country_code`` -> ``country_iso3``."""
    path = Path(path)
    raw = read_raw_csv(path)
    frame = convert_columns(
        raw,
        path,
        [
            Column("country_code", "code", "int"),
            Column("country_iso3", "iso3", optional=True),
            Column("country_name", "name", optional=True),
        ],
    )
    return attach_provenance(frame, path, fmt="baci_country_codes", source=_SOURCE, unit="-")


def load_baci(path: str | Path, *, country_codes: str | Path | None = None) -> pd.DataFrame:
    """Read a BACI year file.

    Parameters
    ----------
    path
        ``BACI_HS*_Y*_V*.csv`` (plain or ``.gz``).
    country_codes
        BACI's ``country_codes_V*.csv``; with it, ``exporter`` and ``importer`` are ISO3
        codes, without it BACI's numeric codes (as int).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`BACI_COLUMNS`; ``value`` in **US dollars** (BACI's thousands times
        1000), ``quantity`` in metric tons (NaN when BACI has ``NA``).

    Raises
    ------
    DataFileError
        A missing column, a non-numeric value, a negative value, a product code that is not
        six digits, or a country code absent from ``country_codes`` (file, column and line).
    """
    path = Path(path)
    frame = _read_fast(path)
    if frame is None:
        frame = _read_checked(path)  # raises with the line of the first bad cell
    negative = frame["v"].to_numpy() < 0
    if negative.any():
        row = int(np.flatnonzero(negative)[0])
        raise DataFileError(f"file {path}, column 'v', line {row + 2}: negative trade value")
    out = pd.DataFrame(
        {
            "year": frame["t"].to_numpy(),
            "exporter": frame["i"].to_numpy(),
            "importer": frame["j"].to_numpy(),
            "hs6": frame["k"],
            "value": frame["v"].to_numpy() * 1000.0,
            "quantity": frame["q"].to_numpy(dtype=float),
        }
    )
    if country_codes is not None:
        codes = load_baci_country_codes(country_codes)
        lookup = pd.Series(codes["iso3"].to_numpy(), index=codes["code"].to_numpy())
        for column, source in (("exporter", "i"), ("importer", "j")):
            mapped = out[column].map(lookup)
            missing = mapped.isna().to_numpy()
            if missing.any():
                row = int(np.flatnonzero(missing)[0])
                raise DataFileError(
                    f"file {path}, column {source!r}, line {row + 2}: country code "
                    f"{out[column].iloc[row]} is not in {country_codes}"
                )
            out[column] = mapped.astype(str)
    return attach_provenance(
        out, path, fmt="cepii_baci", source=_SOURCE, unit="US dollars; metric tons"
    )


def _read_fast(path: Path) -> pd.DataFrame | None:
    try:
        with open_text(path) as handle:
            header = handle.readline().strip().split(",")
        check_columns(pd.DataFrame(columns=[h.strip() for h in header]), path, list(_TYPES))
        with open_text(path) as handle:
            frame = pd.read_csv(
                handle,
                usecols=list(_TYPES),
                dtype={key: value for key, value in _TYPES.items() if key != "q"} | {"q": "str"},
                keep_default_na=False,
                na_filter=False,
            )
        k = frame["k"].str.strip()
        k = k.where(k.str.len() == 6, k.str.zfill(6))
        if not k.str.fullmatch(r"\d{6}").all():
            return None
        frame["k"] = k
        q = frame["q"].str.strip()
        q = q.where(~q.isin(["NA", "", "nan"]), None)
        frame["q"] = pd.to_numeric(q, errors="raise")
    except (ValueError, TypeError, pd.errors.ParserError):
        return None
    return frame


def _read_checked(path: Path) -> pd.DataFrame:
    raw = read_raw_csv(path)
    if "q" in raw.columns:
        raw["q"] = raw["q"].str.strip().replace({"NA": "", "nan": ""})
    frame = convert_columns(
        raw,
        path,
        [
            Column("t", "t", "year"),
            Column("i", "i", "int"),
            Column("j", "j", "int"),
            Column("k", "k", "code", width=6),
            Column("v", "v", "float"),
            Column("q", "q", "float", optional=True),
        ],
    )
    return frame
