"""The deal space of a pair on a date (``tariffscope.deals``): payoffs and solutions as tables."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import pandas as pd

from tariffscope.api._dates import DateLike, iso
from tariffscope.distributed.map import ChunkMapper, map_in_process
from tariffscope.domain.countries import is_country
from tariffscope.errors import (
    InputError,
    MalformedInputError,
    ModelError,
    NotCoveredError,
    UnknownCodeError,
)

__all__ = [
    "DealSpaceResult",
    "deals",
    "deals_many",
    "parse_grid",
    "parse_pair",
    "parse_rates",
    "parse_transfer",
]

DEFAULT_GRID = "general=0:30:2,partner=-10:0:1"
DEFAULT_SECTOR_GRID = "general=0:30:2,{name}=0:30:2.5"
SIGMA_FACTORS = (0.75, 1.25)
_NUMBER = r"-?\d+(?:\.\d+)?"


def parse_pair(text: str) -> tuple[str, str]:
    """``A-B`` (ISO3 codes, the imposer first)."""
    match = re.fullmatch(r"\s*([A-Za-z]{3})\s*-\s*([A-Za-z]{3})\s*", text)
    if not match:
        raise MalformedInputError(f"malformed pair {text!r}; write two ISO3 codes, e.g. USA-CHN")
    first, second = match.group(1).upper(), match.group(2).upper()
    if first == second:
        raise InputError(f"a pair needs two different countries, got {first} twice")
    return first, second


def _countries(pair: str | tuple[str, str]) -> tuple[str, str]:
    """A well-formed pair of country codes (a code no country has is the user's mistake; a
    country the ICIO file lacks is not, see :func:`deals`)."""
    first, second = parse_pair(pair) if isinstance(pair, str) else parse_pair("-".join(pair))
    for code in (first, second):
        if not is_country(code):
            raise UnknownCodeError(
                f"pair {first}-{second}: {code} is not an ISO 3166-1 alpha-3 country code"
            )
    return first, second


def parse_grid(text: str) -> list[tuple[str, Sequence[float]]]:
    """``NAME=START:STOP:STEP,NAME=...`` in percent (two levers) to rates (fractions)."""
    axes: list[tuple[str, Sequence[float]]] = []
    for part in text.split(","):
        match = re.fullmatch(rf"\s*([\w-]+)\s*=\s*({_NUMBER}):({_NUMBER}):({_NUMBER})\s*", part)
        if not match:
            raise MalformedInputError(
                f"malformed grid part {part!r}; write NAME=START:STOP:STEP in percent, "
                "e.g. general=0:30:2"
            )
        name, start, stop, step = match.group(1), *map(float, match.group(2, 3, 4))
        if step <= 0 or stop <= start:
            raise InputError(f"grid lever {name!r}: needs START < STOP and STEP > 0")
        count = int(np.floor((stop - start) / step + 1e-9)) + 1
        if count > 200:
            raise InputError(f"grid lever {name!r}: {count} points; at most 200")
        axes.append((name, [float(v) for v in (start + step * np.arange(count)) / 100.0]))
    if len(axes) != 2:
        raise InputError(f"the grid needs exactly two levers, got {len(axes)} in {text!r}")
    return axes


def parse_rates(text: str) -> dict[str, float]:
    """``NAME=RATE,NAME=RATE`` in percent to fractions (e.g. the actual deal)."""
    out = {}
    for part in text.split(","):
        match = re.fullmatch(rf"\s*([\w-]+)\s*=\s*({_NUMBER})\s*", part)
        if not match:
            raise MalformedInputError(
                f"malformed rate {part!r}; write NAME=PERCENT, e.g. general=15"
            )
        out[match.group(1)] = float(match.group(2)) / 100.0
    return out


def parse_transfer(text: str) -> tuple[float, float]:
    """``USD_BN`` (``12.5`` or ``12.5bn``) or ``PCT%gdp`` (a share of the payer's GDP) to
    ``(transfer_usd_bn, transfer_pct_gdp)``, one of them zero."""
    match = re.fullmatch(rf"\s*({_NUMBER})\s*(bn|%gdp)?\s*", text.lower())
    if not match:
        raise MalformedInputError(
            f"malformed transfer {text!r}; write US$ bn (e.g. 12.5) or a share of the payer's "
            "GDP (e.g. 0.5%gdp)"
        )
    value = float(match.group(1))
    return (0.0, value) if match.group(2) == "%gdp" else (value, 0.0)


def parse_sector_lever(text: str) -> tuple[str, tuple[str, ...]]:
    """``NAME=SECTOR[+SECTOR]`` (or just the sectors, which then name the lever)."""
    name, _, sectors = text.partition("=") if "=" in text else (text, "", text)
    parts = tuple(s.strip() for s in sectors.split("+") if s.strip())
    if not name.strip() or not parts:
        raise MalformedInputError(f"malformed sector lever {text!r}; write e.g. autos=C29")
    return name.strip(), parts


@dataclass(frozen=True, eq=False)
class DealSpaceResult:
    """The deal space: ``grid`` (every deal), ``solutions``, ``sweep`` (Nash deal by weight),
    ``sensitivity`` (the solutions under other trade elasticities), with the sources."""

    pair: tuple[str, str]
    date: str
    x_lever: str
    y_lever: str
    disagreement: str
    grid: pd.DataFrame
    solutions: pd.DataFrame
    sweep: pd.DataFrame
    sensitivity: pd.DataFrame
    sources: tuple[str, ...]
    warnings: tuple[str, ...] = field(default=())
    computed: bool = True  # False: no deal space, the reason is among the warnings
    payoff: str = "real income"  # or government welfare, with the weights' source
    political_economy: str | None = None  # the weights' source, None: off
    pe_weights: dict[str, dict[str, float]] | None = None  # side -> ICIO sector -> weight
    transfer: dict[str, Any] | None = None  # the transfer in both units (None: no transfer)

    @classmethod
    def not_computed(
        cls, pair: tuple[str, str], date: str, reason: str, *, x_lever: str, y_lever: str
    ) -> DealSpaceResult:
        """A pair's entry without a deal space (empty tables), ``reason`` its one warning."""
        empty = pd.DataFrame()
        return cls(
            pair, date, x_lever, y_lever, "", empty, empty, empty, empty, (), (reason,), False
        )

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain records (strict JSON with :mod:`tariffscope.strict_json`)."""
        return {
            "pair": list(self.pair),
            "date": self.date,
            "computed": self.computed,
            "x_lever": self.x_lever,
            "y_lever": self.y_lever,
            "disagreement": self.disagreement,
            "payoff": self.payoff,
            "political_economy": self.political_economy,
            "political_economy_weights": self.pe_weights,
            "transfer": self.transfer,
            "units": f"rates in percent; payoff_pct: {self.payoff} change against the "
            "disagreement point, % of the model's income (its GDP: ICIO gross use); "
            "payoff_usd_bn: US$ bn a year (2022 dollars); transfer: not modelled, added as given "
            "(transfer_usd_bn_*, US$ bn; transfer_pct_*, % of each side's income)",
            "solutions": self.solutions.to_dict(orient="records"),
            "sweep": self.sweep.to_dict(orient="records"),
            "sensitivity": self.sensitivity.to_dict(orient="records"),
            "grid": self.grid.to_dict(orient="records"),
            "sources": list(self.sources),
            "warnings": list(self.warnings),
        }


def deals(
    pair: str | tuple[str, str],
    date: DateLike,
    *,
    grid: str | None = None,
    weight: float = 0.5,
    disagreement: str = "threat",
    threat: float | None = None,
    sector_lever: str | None = None,
    keep: str | Sequence[str] = (),
    transfer_usd_bn: float = 0.0,
    transfer_pct_gdp: float = 0.0,
    actual: str | None = None,
    elasticities: str | None = None,
    sensitivity: bool = True,
    political_economy: str | None = None,
    map_deals: ChunkMapper | None = None,
) -> DealSpaceResult:
    """The deal space of ``pair`` on ``date``: each side's payoff over a grid of deals against a
    disagreement point, and where bargaining lands.

    Parameters
    ----------
    pair
        ``"USA-JPN"`` or ``("USA", "JPN")``: two countries of the ICIO 2022 file, the imposer
        first.
    date
        The status quo is the US law on that date and the threat the catalog's threatened
        measure against the partner after it (when the imposer is the US).
    grid
        ``NAME=START:STOP:STEP,NAME=...`` (percent) over two of the levers ``general``,
        ``partner`` and the sector lever; default ``general=0:30:2,partner=-10:0:1``, or
        general x the sector lever (0-30 by 2.5) when one is given.
    weight
        Bargaining weight of the imposer (0 < weight < 1) for the Nash solution.
    disagreement
        ``threat`` (the threat carried out), ``status-quo`` or ``war`` (the threat plus the
        partner's best-response retaliation).
    threat
        Overrides the catalog's threat: home's rate (percent) on all the partner's goods
        outside the sector lever, added to MFN.
    sector_lever
        ``NAME=SECTOR[+SECTOR]`` ICIO sectors with their own home rate, e.g. ``autos=C29``.
    keep
        ICIO goods sectors every deal leaves at the status quo (``"C24A+C25"`` or a list), e.g.
        those under sectoral measures a deal does not touch; the general rate covers the rest.
    transfer_usd_bn
        A payment from the partner to the imposer at every deal, US$ bn a year, for
        commitments the model cannot price (investment pledges, purchases): added as given.
    transfer_pct_gdp
        The same payment as a share (%) of the partner's GDP in the ICIO baseline (its model
        income); give one of ``transfer_usd_bn`` and ``transfer_pct_gdp``.
    actual
        The deal struck, ``NAME=PERCENT,NAME=PERCENT`` on the grid's levers; default: the deal
        the catalog records after ``date`` (the US law on the date it is in full force).
    elasticities
        The ICIO file's elasticity source (default ``U4``, a uniform trade elasticity of 4).
    sensitivity
        Also solve with every ``sigma - 1`` scaled by 0.75 and 1.25.
    political_economy
        Political-economy weights on the two sides' organised sectors (Grossman-Helpman):
        ``ossa2014`` (Ossa's 2014 weights by region and sector, mapped to ICIO sectors) or
        ``uniform:W``; the payoffs are then government welfare. Default ``None``: off.
    map_deals
        Who solves the grid's rows, the weight sweep's deals and the sensitivity's
        elasticities: a :class:`~tariffscope.distributed.map.ChunkMapper` such as
        ``client_mapper(client)`` for a Dask cluster; default this process. The answer is the
        same, bit for bit.

    Raises
    ------
    InputError
        A malformed pair, grid, rate or lever; a code that is no country; a sector the ICIO
        file lacks.
    NotCoveredError
        A country the ICIO file lacks (a capability the tool lacks, not bad input).
    ModelError
        A solver that failed.
    """
    from tariffscope.api._deals_run import run

    checked = _checked(
        pair,
        date,
        grid=grid,
        weight=weight,
        disagreement=disagreement,
        threat=threat,
        sector_lever=sector_lever,
        keep=keep,
        transfer_usd_bn=transfer_usd_bn,
        transfer_pct_gdp=transfer_pct_gdp,
        actual=actual,
        elasticities=elasticities,
        sensitivity=sensitivity,
        political_economy=political_economy,
    )
    return run(**checked, mapper=map_deals or map_in_process)


@cache
def _option_defaults() -> dict[str, Any]:
    """The keyword options of :func:`deals` (but ``map_deals``) with their defaults: its
    signature is the one list of them."""
    return {
        name: parameter.default
        for name, parameter in inspect.signature(deals).parameters.items()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and name != "map_deals"
    }


def _checked(pair: str | tuple[str, str], date: DateLike, **options: Any) -> dict[str, Any]:
    """The arguments of the run from the options of :func:`deals` (its defaults for those not
    given), every option checked that can be without the ICIO file (its sectors and
    elasticity sources are checked when it is read)."""
    from tariffscope.impact.tradewar.bargaining import DISAGREEMENTS
    from tariffscope.impact.tradewar.political_economy import parse_political_economy

    given = {**_option_defaults(), **options}
    weight, disagreement, threat = given["weight"], given["disagreement"], given["threat"]
    sector_lever, grid, actual = given["sector_lever"], given["grid"], given["actual"]
    transfer_usd_bn, transfer_pct_gdp = given["transfer_usd_bn"], given["transfer_pct_gdp"]
    keep, political_economy = given["keep"], given["political_economy"]
    first, second = _countries(pair)
    day = iso(date)
    if not 0.0 < weight < 1.0:
        raise InputError(f"the bargaining weight must lie strictly between 0 and 1, got {weight}")
    if disagreement not in DISAGREEMENTS:
        raise InputError(
            f"unknown disagreement point {disagreement!r}; choose {', '.join(DISAGREEMENTS)}"
        )
    lever = parse_sector_lever(sector_lever) if sector_lever else None
    spec = grid or (DEFAULT_SECTOR_GRID.format(name=lever[0]) if lever else DEFAULT_GRID)
    axes = parse_grid(spec)
    rates = parse_rates(actual) if actual else None
    if transfer_usd_bn and transfer_pct_gdp:
        raise InputError("give the transfer in US$ bn or as a share of GDP, not both")
    if not (np.isfinite(transfer_usd_bn) and -100.0 < transfer_pct_gdp < 100.0):
        raise InputError(
            f"the transfer must be finite and within (-100, 100)% of GDP, got "
            f"{transfer_usd_bn:g} bn / {transfer_pct_gdp:g}%"
        )
    names = {name for name, _ in axes}
    if rates is not None and set(rates) != names:
        raise InputError(
            f"--actual must set the grid's levers {' and '.join(n for n, _ in axes)}, "
            f"got {sorted(rates)}"
        )
    return {
        "pair": (first, second),
        "date": str(day),
        "grid_axes": axes,
        "weight": weight,
        "disagreement": disagreement,
        "threat": None if threat is None else threat / 100.0,
        "sector_lever": lever,
        "keep": tuple(k.strip() for k in keep.split("+") if k.strip())
        if isinstance(keep, str)
        else tuple(keep),
        "transfer_usd_bn": transfer_usd_bn,
        "transfer_pct_gdp": transfer_pct_gdp,
        "actual": rates,
        "elasticities": given["elasticities"],
        "sigma_factors": SIGMA_FACTORS if given["sensitivity"] else (),
        "political_economy": None
        if political_economy is None
        else parse_political_economy(political_economy),
    }


def deals_many(
    pairs: Iterable[str | tuple[str, str]],
    date: DateLike,
    *,
    map_pairs: ChunkMapper | None = None,
    on_done: Callable[[int], None] | None = None,
    **options: Any,
) -> list[DealSpaceResult]:
    """The deal space of each pair on ``date``, one task per pair: many pairs' deal spaces
    swept over a cluster. A pair the tool cannot price does not stop the sweep: its entry
    carries the reason.

    Parameters
    ----------
    pairs
        ``"USA-JPN"`` or ``("USA", "JPN")`` each (see :func:`deals`).
    date
        As for :func:`deals`, the same for every pair.
    map_pairs
        Who solves the pairs: ``client_mapper(client)`` for a Dask cluster (each pair's whole
        deal space on one worker, which loads the pair's data itself); default this process,
        one pair after the other. The answers are the same.
    on_done
        Called with a pair's index when its deal space is done (in completion order).
    options
        Any keyword argument of :func:`deals` but ``map_deals``, for every pair.

    Returns
    -------
    list of DealSpaceResult
        In the order of ``pairs``. A pair whose deal space cannot be computed (a country the
        ICIO file lacks: :class:`~tariffscope.errors.NotCoveredError`; a solver that failed:
        :class:`~tariffscope.errors.ModelError`) has an entry with ``computed`` False, empty
        tables and the reason as its one warning.

    Raises
    ------
    InputError
        Before any work: a malformed pair, a code that is no country, a malformed option.
        While running: an option only the ICIO file can check (a sector, an elasticity
        source), from the first pair that reads it (the pairs still running are cancelled).
    TypeError
        An option :func:`deals` does not take.
    """
    unknown = sorted(set(options) - set(_option_defaults()))
    if unknown:
        raise TypeError(f"deals_many() got options deals() does not take: {', '.join(unknown)}")
    checked = [_checked(p, date, **options) for p in pairs]
    mapper = map_pairs or map_in_process
    parsed = [c["pair"] for c in checked]
    return mapper(_pair_deals, parsed, shared=(str(iso(date)), options), on_done=on_done)


def _pair_deals(day: str, options: dict[str, Any], pair: tuple[str, str]) -> DealSpaceResult:
    """One pair's deal space, solved where the task runs, or its entry with the reason."""
    try:
        return deals(pair, day, **options)
    except (NotCoveredError, ModelError) as error:
        (x_lever, _), (y_lever, _) = _checked(pair, day, **options)["grid_axes"]
        reason = error.one_line()
        if isinstance(error, ModelError):
            reason = f"not computed: {type(error).__name__}: {reason}"
        return DealSpaceResult.not_computed(pair, day, reason, x_lever=x_lever, y_lever=y_lever)
