"""Trade elasticity estimates: CEPII ProTEE, Hauk (2012), Broda and Weinstein (2006).

Sign conventions differ between sources; every loader returns the source's number under its
own name and, where the meaning is clear, the tariffscope convention (magnitudes > 0):

* **CEPII ProTEE 0.1** (Fontagné, Guimbard & Orefice 2022, JIE 137): ``HS6, zero, positive,
  sigma``; ``sigma`` is the tariff elasticity of bilateral imports (negative, median about
  -7.9). ``zero = 1`` marks products whose estimate was not significant and set to zero;
  ``positive = 1`` those with the wrong sign. HS 2007 codes.
* **Hauk (2012)**, "Trade elasticity estimates" (Empirical Economics 43), US imports:
  ``impliedelasticity`` is the import-demand elasticity (magnitude, ``1 - demandprice``,
  standard error ``sedemandprice``; ``positive = 1`` marks the correct sign);
  ``impliedsigma`` the elasticity of substitution among import varieties. HS6, HS10 or NAICS6
  codes, stored as floats in the source (``10111.0`` is HS6 ``010111``).
* **Broda & Weinstein (2006)**, "Globalization and the gains from variety" (QJE 121):
  elasticity of substitution among varieties (countries of origin) by importer and HS0
  (1988/92) 3-digit group, or for the USA by SITC rev.3 5-digit. Values above 1.
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
)
from tariffscope.errors import DataFileError

__all__ = ["load_broda_weinstein", "load_hauk", "load_protee"]

_HAUK = "Hauk (2012), Empirical Economics 43 (github.com/BillHauk/tradeelasticityestimates)"


def load_protee(path: str | Path) -> pd.DataFrame:
    """Read CEPII ProTEE HS6 trade elasticities.

    Returns
    -------
    pandas.DataFrame
        ``hs6`` (HS 2007), ``trade_elasticity`` (the source's ``sigma``: negative, NaN where
        missing), ``set_to_zero`` and ``wrong_sign`` (bool), ``substitution`` (``-sigma``,
        the CES elasticity of substitution when trade is measured at prices net of duties,
        NaN where set to zero or of the wrong sign).
    """
    path = Path(path)
    raw = read_raw_csv(path)
    frame = convert_columns(
        raw,
        path,
        [
            Column("HS6", "hs6", "code", width=6),
            Column("zero", "set_to_zero", "int"),
            Column("positive", "wrong_sign", "int"),
            Column("sigma", "trade_elasticity", "float", optional=True),
        ],
    )
    frame["set_to_zero"] = frame["set_to_zero"].astype(bool)
    frame["wrong_sign"] = frame["wrong_sign"].astype(bool)
    usable = ~frame["set_to_zero"] & ~frame["wrong_sign"] & (frame["trade_elasticity"] < 0)
    frame["substitution"] = (-frame["trade_elasticity"]).where(usable)
    return attach_provenance(
        frame,
        path,
        fmt="cepii_protee",
        source="CEPII ProTEE 0.1, Fontagné, Guimbard & Orefice (2022), J. Int. Econ. 137",
        unit="elasticity",
        hs_edition="2007",
    )


def load_hauk(path: str | Path, *, kind: Literal["demand", "substitution"]) -> pd.DataFrame:
    """Read a Hauk (2012) table of US import elasticities.

    Parameters
    ----------
    path
        ``hs6elasticities``, ``hs10elasticities``, ``naics6elasticities`` (``kind="demand"``)
        or ``hs6substitution2``, ``hs10substitution`` (``kind="substitution"``), CSV.
    kind
        Which estimate the file holds.

    Returns
    -------
    pandas.DataFrame
        ``code`` (zero-padded: 6 digits for HS6 and NAICS6, 10 for HS10), ``classification``
        (``hs6``, ``hts10``, ``naics6``), ``estimate`` (``impliedelasticity`` or
        ``impliedsigma``), ``std_error`` (``sedemandprice``), ``correct_sign`` (bool:
        ``positive`` for demand; ``impliedsigma > 1`` for substitution), ``obs``.
    """
    path = Path(path)
    raw = read_raw_csv(path)
    code_source = next((c for c in ("hs6", "hs10", "naics6") if c in raw.columns), None)
    if code_source is None:
        raise DataFileError(
            f"file {path}, line 1: no code column hs6, hs10 or naics6",
            hint="is this a Hauk (2012) estimates file?",
        )
    classification = {"hs6": "hs6", "hs10": "hts10", "naics6": "naics6"}[code_source]
    width = 10 if code_source == "hs10" else 6
    estimate = "impliedelasticity" if kind == "demand" else "impliedsigma"
    check_columns(raw, path, [estimate])
    spec = [
        Column(code_source, "code", "code", width=width),
        Column(estimate, "estimate", "float", optional=True),
        Column("sedemandprice", "std_error", "float", optional=True),
        Column("obs", "obs", "float", optional=True),
    ]
    if kind == "demand":
        spec.append(Column("positive", "positive", "float", optional=True))
    frame = convert_columns(raw, path, spec)
    if kind == "demand":
        frame["correct_sign"] = frame.pop("positive").fillna(0).to_numpy() == 1
    else:
        frame["correct_sign"] = (frame["estimate"] > 1).to_numpy()
    frame["classification"] = classification
    frame = frame[["code", "classification", "estimate", "std_error", "correct_sign", "obs"]]
    return attach_provenance(
        frame, path, fmt=f"hauk2012_{kind}", source=_HAUK, unit="elasticity", hs_edition="1996"
    )


def load_broda_weinstein(path: str | Path) -> pd.DataFrame:
    """Read Broda–Weinstein elasticities of substitution.

    Returns
    -------
    pandas.DataFrame
        ``iso3`` (importer), ``code`` (HS0 3-digit or SITC3 5-digit), ``classification``
        (``hs0_3d`` or ``sitc3_5d``), ``sigma`` (> 1).

    Raises
    ------
    DataFileError
        A sigma of 1 or less, or not a number (the message names file, column and line).
    """
    path = Path(path)
    raw = read_raw_csv(path)
    if "HS0_3d" in raw.columns:
        code, classification, width = "HS0_3d", "hs0_3d", 3
    elif "SITC3_5d" in raw.columns:
        code, classification, width = "SITC3_5d", "sitc3_5d", 5
    else:
        raise DataFileError(
            f"file {path}, line 1: no code column HS0_3d or SITC3_5d",
            hint="is this a Broda-Weinstein table from the R package concordance?",
        )
    frame = convert_columns(
        raw,
        path,
        [
            Column("iso3c", "iso3"),
            Column(code, "code", "code", width=width),
            Column("sigma", "sigma", "float"),
        ],
    )
    low = frame["sigma"].to_numpy() <= 1.0
    if low.any():
        row = int(np.flatnonzero(low)[0])
        raise DataFileError(
            f"file {path}, column 'sigma', line {row + 2}: {frame['sigma'].iloc[row]} is not "
            "above 1 (an elasticity of substitution among varieties)"
        )
    frame["classification"] = classification
    return attach_provenance(
        frame[["iso3", "code", "classification", "sigma"]],
        path,
        fmt="broda_weinstein",
        source="Broda & Weinstein (2006), QJE 121 (via R package concordance)",
        unit="elasticity of substitution",
    )
