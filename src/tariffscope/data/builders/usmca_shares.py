"""Builder of ``usmca_shares.npz``: the share of Canadian and Mexican imports claimed under USMCA.

Source (``usmca_shares.build.json`` has the URLs and checksums): Budget Lab's USMCA utilisation
shares, from USITC DataWeb, by HTS10 and partner: ``usmca_value / total_value``, where
``usmca_value`` is the customs value of imports for consumption entered under Special Program
Indicator S or S+ (their ``docs/assumptions.md`` section 3). There are three files: calendar
2024, calendar 2025, and each month from January 2025 to February 2026 (this one also carries
``total_value``).

What is written (arrays of one ``.npz``, see :mod:`tariffscope.data.tables`):

``periods``
    ``[T]`` ``"2024"``, ``"2025"`` (the annual files) and ``"2025-01"`` ... ``"2026-02"``.
``partners``
    ``["CAN", "MEX"]``.
``lines``
    ``[L]`` the HTS8 tariff lines that carry trade in some period (the lines the tariff law
    resolves; the engines price HTS8 lines).
``shares``
    ``[T, L, 2]`` uint16: the share of the line's value claimed under USMCA, in units of
    1/10,000; :data:`MISSING` where the period has no trade on the line.

An HTS8 share is the value-weighted mean of its HTS10 shares. The weights are each period's
own values where the source gives them (the months' ``total_value``; calendar 2025: the sum of
its months) and the 2024 Census imports for consumption by HTS10 of the same partner for 2024
(``us_imports_2024.npz``: the annual file has shares only). The build checks the trade-weighted
shares against the figures Budget Lab publishes (2024: Canada 38%, Mexico 50%; 2025: 67%, 68%).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.data.builders import BuildContext, Builder
from tariffscope.data.tables import write_arrays
from tariffscope.errors import DataFileError

__all__ = ["BUILDER", "CENSUS_PARTNERS", "MISSING", "SHARES_TABLE", "build_usmca_shares"]

SHARES_TABLE = "usmca_shares.npz"
#: Census Schedule C codes of the two USMCA partners.
CENSUS_PARTNERS: dict[str, str] = {"1220": "CAN", "2010": "MEX"}
#: ``shares`` value of a line without trade in the period.
MISSING = np.iinfo(np.uint16).max
_SCALE = 10_000
# Published trade-weighted shares (Budget Lab tariff-rate-tracker docs/assumptions.md section 3;
# shared/data/MANIFEST.md): the build fails if the aggregation strays from them.
_PUBLISHED = {("2024", "CAN"): 0.38, ("2024", "MEX"): 0.50, ("2025", "CAN"): 0.67}
_PUBLISHED[("2025", "MEX")] = 0.68


def _read(path: Path, *, monthly: bool) -> pd.DataFrame:
    frame: pd.DataFrame = pd.read_csv(path, dtype=str)
    needed = ["hts10", "cty_code", "usmca_share"] + (["month", "total_value"] if monthly else [])
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise DataFileError(f"USMCA shares file lacks column {missing[0]!r}")
    frame = pd.DataFrame(frame[frame["cty_code"].isin(CENSUS_PARTNERS)])
    frame["partner"] = frame["cty_code"].map(CENSUS_PARTNERS)
    frame["share"] = pd.to_numeric(frame["usmca_share"], errors="raise")
    if monthly:
        frame["weight"] = pd.to_numeric(frame["total_value"], errors="raise")
    bad = ~frame["hts10"].str.fullmatch(r"\d{10}")
    if bad.any():
        raise DataFileError(f"USMCA shares: HTS10 code {frame['hts10'][bad].iloc[0]!r}")
    if ((frame["share"] < 0) | (frame["share"] > 1)).any():
        raise DataFileError("USMCA shares: a share outside [0, 1]")
    return frame


def _census_weights() -> pd.DataFrame:
    """2024 imports for consumption from Canada and Mexico by HTS10 (the embedded table)."""
    from tariffscope.data.line_trade import load_line_trade

    trade = load_line_trade("hts10")
    frames = []
    for partner in CENSUS_PARTNERS.values():
        column = trade.observed[:, trade.observed_partners.index(partner)]
        frames.append(pd.DataFrame({"hts10": trade.codes, "partner": partner, "weight": column}))
    return pd.concat(frames, ignore_index=True)


def _by_hts8(frame: pd.DataFrame) -> pd.Series:
    """Value-weighted HTS8 shares, indexed by (partner, hts8); lines without weight dropped."""
    frame = frame[frame["weight"] > 0]
    frame = frame.assign(hts8=frame["hts10"].str[:8], claimed=frame["share"] * frame["weight"])
    sums = frame.groupby(["partner", "hts8"])[["claimed", "weight"]].sum()
    return sums["claimed"] / sums["weight"]


def _aggregate(frame: pd.DataFrame) -> dict[str, float]:
    """Trade-weighted share of each partner over its lines (for the checks and the facts)."""
    frame = frame.assign(claimed=frame["share"] * frame["weight"])
    sums = frame.groupby("partner")[["claimed", "weight"]].sum()
    return {p: float(sums.loc[p, "claimed"] / sums.loc[p, "weight"]) for p in sums.index}


def build_usmca_shares(context: BuildContext) -> Mapping[str, object]:
    """Write ``usmca_shares.npz`` (see the module docstring) and return build facts."""
    weights_2024 = _census_weights()
    annual_2024 = _read(context.source("usmca_shares_2024"), monthly=False)
    annual_2024 = annual_2024.merge(weights_2024, on=["hts10", "partner"], how="left")
    annual_2024["weight"] = annual_2024["weight"].fillna(0.0)
    monthly = _read(context.source("usmca_shares_monthly"), monthly=True)
    weights_2025 = (
        monthly[monthly["month"].str.startswith("2025-")]
        .groupby(["hts10", "partner"], as_index=False)["weight"]
        .sum()
    )
    annual_2025 = _read(context.source("usmca_shares_2025"), monthly=False)
    annual_2025 = annual_2025.merge(weights_2025, on=["hts10", "partner"], how="left")
    annual_2025["weight"] = annual_2025["weight"].fillna(0.0)

    periods: dict[str, pd.DataFrame] = {"2024": annual_2024, "2025": annual_2025}
    for month in sorted(monthly["month"].unique()):
        periods[str(month)] = monthly[monthly["month"] == month]
    facts: dict[str, object] = {}
    for (period, partner), published in _PUBLISHED.items():
        got = _aggregate(periods[period])[partner]
        if abs(got - published) > 0.02:
            raise DataFileError(
                f"USMCA share of {partner} in {period} is {got:.3f}; Budget Lab publishes "
                f"{published:.2f}"
            )
    by_period = {period: _by_hts8(frame) for period, frame in periods.items()}
    lines = sorted(set().union(*(s.index.get_level_values("hts8") for s in by_period.values())))
    position = {code: k for k, code in enumerate(lines)}
    partners = list(CENSUS_PARTNERS.values())
    shares: npt.NDArray[np.uint16] = np.full(
        (len(periods), len(lines), len(partners)), MISSING, dtype=np.uint16
    )
    for t, series in enumerate(by_period.values()):
        for p, partner in enumerate(partners):
            part = series.xs(partner, level="partner")
            rows = np.array([position[c] for c in part.index], dtype=np.int64)
            shares[t, rows, p] = np.rint(part.to_numpy() * _SCALE).astype(np.uint16)
    write_arrays(
        {
            "periods": np.array(list(periods), dtype="U7"),
            "partners": np.array(partners, dtype="U3"),
            "lines": np.array(lines, dtype="U8"),
            "shares": shares,
        },
        context.output(SHARES_TABLE),
    )
    for period, frame in periods.items():
        for partner, share in sorted(_aggregate(frame).items()):
            facts[f"share_{partner}_{period}"] = round(share, 4)
    facts["periods"] = len(periods)
    facts["hts8_lines"] = len(lines)
    return facts


BUILDER = Builder(
    name="usmca_shares",
    description="share of Canadian and Mexican imports for consumption entered under USMCA "
    "(SPI S/S+) by HTS8 line, 2024, 2025 and each month of 2025-01 to 2026-02",
    sources=("usmca_shares_2024", "usmca_shares_2025", "usmca_shares_monthly"),
    outputs=(SHARES_TABLE,),
    function=build_usmca_shares,
)
