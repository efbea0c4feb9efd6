"""Which countries a general-equilibrium table shows, and the EU as one party.

The parties are always shown; a party the model's data do not have is a capability the tool
lacks (:class:`~tariffscope.errors.NotCoveredError`), not bad input, unless the code is not a
country at all. The EU (``EUN``) is the aggregate of its members in the model: a percent change
of a total is the mean of the members' percent changes weighted by their levels at the start
(output for real GDP and welfare, exports, imports, exports to the US for trade and tariffs).
All partners (``WLD``) are the aggregate, the same way, of every country of the model but the
other party (the rest-of-world region included); the third countries shown are then those among
them that move most.
Third countries are those whose real income moves most in value, or the largest economies.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from tariffscope.domain.blocs import members_of
from tariffscope.domain.countries import EUN, WLD, country_name, is_country
from tariffscope.errors import NotCoveredError, UnknownCodeError

__all__ = ["LEVEL_COLUMNS", "check_parties", "country_rows", "select_countries"]

#: Levels at the start of a solve (model units) kept beside the percent changes, as weights.
LEVEL_COLUMNS: tuple[str, ...] = (
    "output_baseline",
    "exports_baseline",
    "imports_baseline",
    "exports_to_usa_baseline",
)
#: Each percent column and the level it is a change of.
_WEIGHTS: dict[str, str] = {
    "welfare_pct": "output_baseline",
    "real_gdp_pct": "output_baseline",
    "exports_pct": "exports_baseline",
    "imports_pct": "imports_baseline",
    "exports_to_usa_pct": "exports_to_usa_baseline",
    "us_tariff_before_pct": "exports_to_usa_baseline",
    "us_tariff_after_pct": "exports_to_usa_baseline",
}


def _members(code: str, known: Sequence[str], parties: Sequence[str] = ()) -> list[str]:
    """The model's countries a party stands for: the EU's members for EUN, every country but
    the other parties for WLD (all partners), else the code."""
    group = members_of(code)
    if group is not None:  # the EU or a bloc
        return sorted(group & set(known))
    if code == WLD:
        return [c for c in known if c not in parties]
    return [code]


def check_parties(parties: Sequence[str], known: Sequence[str], data: str) -> None:
    """Raise NotCoveredError for a party outside the model's data (``data`` describes them)."""
    for code in parties:
        group = code in (EUN, WLD) or members_of(code) is not None
        if _members(code, known, parties) and (group or code in known):
            continue
        if group or is_country(code):
            raise NotCoveredError(
                f"not computed: {country_name(code)} ({code}) is not in the GE data ({data})",
                what=code,
            )
        raise UnknownCodeError(
            f"party {code!r} is not a country", hint=f"the model has: {' '.join(known)}"
        )


def select_countries(
    frames: Sequence[pd.DataFrame],
    parties: Sequence[str],
    *,
    top_third: int,
    rank_by: Literal["effect", "gdp"],
) -> list[str]:
    """The third countries to show (frames indexed by country, one per solve).

    ``"effect"``: largest ``|welfare_pct|`` times output at the start over the frames (the
    same countries in every frame); ``"gdp"``: the largest economies. Neither the parties,
    their members nor the rest-of-world region are third countries.
    """
    first = frames[0]
    known = list(first.index)
    # all partners (WLD) take none: the third countries are the ones among them that move most
    taken = {m for code in parties if code != WLD for m in _members(code, known)} | {"ROW"}
    candidates = [c for c in known if c not in taken]
    size = first["output_baseline"]
    if rank_by == "effect":  # change in real income in value: percent x base-year GDP
        pct = pd.concat([f["welfare_pct"].abs() for f in frames], axis=1).max(axis=1)
        value = pct * size
        order = sorted(candidates, key=lambda c: (-float(value[c]), -float(size[c])))
    else:
        order = sorted(candidates, key=lambda c: -float(size[c]))
    return order[:top_third]


def _aggregate(
    frame: pd.DataFrame, code: str, members: list[str], columns: Sequence[str]
) -> pd.Series:
    rows = frame.loc[members]
    out = {}
    for column in columns:
        if column in LEVEL_COLUMNS:
            out[column] = float(rows[column].sum())
            continue
        values = rows[column].to_numpy(dtype=float)
        weights = rows[_WEIGHTS.get(column, "output_baseline")].to_numpy(dtype=float)
        keep = np.isfinite(values) & np.isfinite(weights)
        total = weights[keep].sum()
        out[column] = float((values[keep] * weights[keep]).sum() / total) if total > 0 else np.nan
    return pd.Series(out, name=code)


def country_rows(
    frame: pd.DataFrame,
    codes: Sequence[str],
    columns: Sequence[str],
    parties: Sequence[str] = (),
) -> pd.DataFrame:
    """Rows of ``frame`` (indexed by country) for ``codes``; ``EUN`` aggregated from members,
    ``WLD`` from every country but the other ``parties``."""
    known = list(frame.index)
    rows = []
    for code in codes:
        if code == WLD or members_of(code) is not None:
            rows.append(_aggregate(frame, code, _members(code, known, parties), columns))
        else:
            row = pd.Series(frame.loc[code, list(columns)], name=code)
            rows.append(row)
    out = pd.DataFrame(rows)
    out.index.name = "country"
    return out
