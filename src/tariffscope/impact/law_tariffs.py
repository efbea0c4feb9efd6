r"""The tariff law as model tariffs: HTS8 line duties to tariffs by model sector and exporter.

The economy-wide models have a few sectors (Caliendo-Parro: 20 tradable ISIC Rev.3 sectors; the
one-sector gravity model: one) and their own regions. :func:`model_tariffs` turns the duty the
tariff-law engine gives every HTS8 line (:func:`tariffscope.regime.resolve_lines`) into one
rate per model sector ``s`` and exporter ``e`` in two weighted steps:

.. math::

    t_{ce} = \frac{\sum_{l \in c} w_{l,g(e)}\, t_{le}}{\sum_{l \in c} w_{l,g(e)}}, \qquad
    t_{se} = \frac{\sum_{c \in s} v_{c,g(e)}\, t_{ce}}{\sum_{c \in s} v_{c,g(e)}} .

**Cells** ``c`` are the intersections of a GTAP goods sector with a model sector (most GTAP
sectors fall whole into one model sector; a concordance may split some). Inside a cell the
lines are weighted as the partial-equilibrium helper weights them
(:mod:`tariffscope.impact.pe.tariffs`: every HS6 subheading equal, split equally among its HTS8
lines, with Japan's own product mix inside motor vehicles), because no HS-level US imports by
partner are available offline. Across cells the weights ``v`` are **real trade**: US imports
in 2024 by GTAP sector from the exporter's partner group ``g(e)`` (the embedded
``us_imports_gtap_partner`` table: JPN, CHN, CAN, MEX, EUN, GBR, ROW), shared among the cells
of a split GTAP sector in proportion to their number of HS6 subheadings. An EU member takes the
EU's mix and every country outside the table the rest of the world's. Weighting by the US
import mix is what an effective (trade-weighted) tariff rate means, and the 2024 mix is the
latest the project has; the models' own flows (1993, 2006) are older and have no detail inside
their sectors.

Exporters that are regions rather than countries (``ROW``) are represented by origins the law
can resolve: ``representatives`` maps a region to a tuple of origins whose line duties are
averaged with equal weights.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.domain.countries import EU_MEMBERS
from tariffscope.errors import InputError
from tariffscope.impact.pe.tariffs import LineWeights, aggregate_line_tariffs, line_weights

__all__ = [
    "WEIGHT_PARTNERS",
    "ModelTariffs",
    "SectorConcordance",
    "model_tariffs",
    "weight_partner",
]

FloatArray = npt.NDArray[np.float64]

#: Partner groups of the embedded US import table that weights the sectors.
WEIGHT_PARTNERS: tuple[str, ...] = ("JPN", "CHN", "CAN", "MEX", "EUN", "GBR", "ROW")


def weight_partner(code: str) -> str:
    """The partner group whose 2024 US import mix weights ``code``'s tariffs."""
    if code in WEIGHT_PARTNERS:
        return code
    if code in EU_MEMBERS:
        return "EUN"
    return "ROW"


@dataclass(frozen=True, eq=False)
class SectorConcordance:
    """HS6 subheadings to model sectors, through GTAP goods sectors.

    Attributes
    ----------
    name
        Short name (cache key), e.g. ``"caliendo_parro"``.
    table
        ``hs6, gtap_code, sector`` (HS 2022); subheadings outside every model sector are absent.
    sectors
        The model sectors in the order of the result.
    source
        Where the concordance comes from (for metadata).
    """

    name: str
    table: pd.DataFrame
    sectors: tuple[str, ...]
    source: str


@dataclass(frozen=True, eq=False)
class ModelTariffs:
    """Tariffs of the importer by model sector and exporter on one entry date.

    Attributes
    ----------
    rates, coverage
        ``[S, E]`` fractions; ``coverage`` is the share of the weight whose line duties are
        known (specific duties without an ad valorem part are left out).
    weights
        ``[S, E]`` US imports (US dollars, 2024) of the exporter's partner group in the sector:
        the weights across cells, summed, which also weight sectors into one rate.
    mfn
        ``[S, E]`` the MFN (column 1 general) part of ``rates`` alone, with the same weights.
    """

    importer: str
    entry_date: date
    as_known: date | None
    scenario: str | None
    sectors: tuple[str, ...]
    exporters: tuple[str, ...]
    rates: FloatArray
    coverage: FloatArray
    weights: FloatArray
    mfn: FloatArray

    def aggregate(self, *, mfn: bool = False) -> FloatArray:
        """One trade-weighted rate per exporter, ``[E]`` (the MFN part alone with ``mfn``)."""
        rates = self.mfn if mfn else self.rates
        total = self.weights.sum(axis=0)
        out = np.full(len(self.exporters), np.nan)
        np.divide((self.weights * rates).sum(axis=0), total, out=out, where=total > 0)
        return out

    def to_frame(self) -> pd.DataFrame:
        """Long table ``sector, exporter, tariff_pct, coverage, weight_usd``."""
        s, e = self.rates.shape
        return pd.DataFrame(
            {
                "sector": np.repeat(self.sectors, e),
                "exporter": np.tile(self.exporters, s),
                "tariff_pct": 100.0 * self.rates.ravel(),
                "coverage": self.coverage.ravel(),
                "weight_usd": self.weights.ravel(),
            }
        )


@dataclass(frozen=True, eq=False)
class _Cells:
    labels: tuple[str, ...]
    sector_of: npt.NDArray[np.int64]  # [C] index into concordance.sectors
    values: FloatArray  # [C, P] 2024 US imports by weight partner
    lines: LineWeights  # partners = WEIGHT_PARTNERS


_CELLS: dict[tuple[int, bytes], tuple[SectorConcordance, _Cells]] = {}


def _cells_for(concordance: SectorConcordance, codes: npt.NDArray[np.str_]) -> _Cells:
    """:func:`_cells`, memoised by the concordance object and the bytes of the codes."""
    key = (id(concordance), hashlib.sha256(np.ascontiguousarray(codes).tobytes()).digest())
    stored = _CELLS.get(key)
    if stored is None or stored[0] is not concordance:  # the id of a freed object is reused
        if len(_CELLS) > 8:
            _CELLS.clear()
        stored = (concordance, _cells(concordance, tuple(str(code) for code in codes)))
        _CELLS[key] = stored
    return stored[1]


def _cells(concordance: SectorConcordance, codes: tuple[str, ...]) -> _Cells:
    from tariffscope.impact.pe.baseline import load_sector_baseline, sector_composition

    table = concordance.table
    pairs = table[["gtap_code", "sector"]].drop_duplicates()
    order = {name: k for k, name in enumerate(concordance.sectors)}
    pairs = pairs.assign(pos=pairs["sector"].map(order)).sort_values(["pos", "gtap_code"])
    labels = tuple(f"{g}>{s}" for g, s in zip(pairs["gtap_code"], pairs["sector"], strict=True))
    cell_of_hs6 = pd.DataFrame(
        {"hs6": table["hs6"], "gtap_code": table["gtap_code"] + ">" + table["sector"]}
    )
    composition = sector_composition()
    if len(composition):
        rows = []
        for label in labels:
            gtap = label.split(">")[0]
            rows.append(composition[composition["gtap_code"] == gtap].assign(gtap_code=label))
        composition = pd.concat(rows, ignore_index=True)
    weights = line_weights(
        codes,
        sectors=labels,
        partners=WEIGHT_PARTNERS,
        hs6_sectors=cell_of_hs6,
        composition=composition,
    )
    baseline = load_sector_baseline()
    imports = pd.DataFrame(baseline.imports, index=baseline.sectors, columns=baseline.partners)
    imports = imports.reindex(columns=list(WEIGHT_PARTNERS)).fillna(0.0)
    count = table.groupby(["gtap_code", "sector"])["hs6"].size()
    per_gtap = table.groupby("gtap_code")["hs6"].size()
    values = np.zeros((len(labels), len(WEIGHT_PARTNERS)))
    for k, (gtap, sector) in enumerate(zip(pairs["gtap_code"], pairs["sector"], strict=True)):
        if gtap in imports.index:
            share = count[(gtap, sector)] / per_gtap[gtap]
            values[k] = share * imports.loc[gtap].to_numpy(dtype=np.float64)
    return _Cells(
        labels=labels,
        sector_of=pairs["pos"].to_numpy(dtype=np.int64),
        values=values,
        lines=weights,
    )


def model_tariffs(
    concordance: SectorConcordance,
    exporters: Sequence[str],
    entry_date: date | str,
    *,
    scenario: object | None = None,
    as_known: date | str | None = None,
    claims: Sequence[str] = (),
    representatives: Mapping[str, Sequence[str]] | None = None,
    importer: str = "USA",
) -> ModelTariffs:
    """US import tariffs from the law by model sector and exporter (see module docstring).

    Parameters
    ----------
    concordance
        HS6 -> model sector map.
    exporters
        Model exporters (ISO3, or region codes listed in ``representatives``).
    entry_date, scenario, as_known, claims
        As for :func:`tariffscope.regime.resolve_lines`; ``scenario`` is a
        :class:`tariffscope.regime.Scenario` or None for the law as it is.
    representatives
        Region code -> origins averaged (equal weights) for it, e.g. ``{"ROW": ("VNM", ...)}``.
    importer
        Only ``"USA"``: the law is the US tariff schedule.

    Returns
    -------
    ModelTariffs

    Raises
    ------
    InputError
        Another importer, a scenario that is not a Scenario, a region without representatives;
        the law engine's errors for dates, origins and scenarios.
    """
    from tariffscope.regime import Scenario, resolve_lines

    if importer != "USA":
        raise InputError(f"the tariff law covers US imports only; got importer {importer!r}")
    if scenario is not None and not isinstance(scenario, Scenario):
        raise InputError("scenario must be a tariffscope.regime.Scenario")
    reps = dict(representatives or {})
    groups = [tuple(reps.get(code, (code,))) for code in exporters]
    if any(not group for group in groups):
        raise InputError("every region needs at least one representative origin")
    origins = list(dict.fromkeys(origin for group in groups for origin in group))
    table = resolve_lines(
        origins, entry_date, scenario=scenario, as_known=as_known, claims=tuple(claims)
    )
    position = {origin: k for k, origin in enumerate(table.origins)}
    total = table.total
    line_rates = np.stack(
        [total[:, [position[o] for o in group]].mean(axis=1) for group in groups], axis=1
    )
    cells = _cells_for(concordance, table.codes)
    partner_col = np.array([WEIGHT_PARTNERS.index(weight_partner(e)) for e in exporters])
    by_exporter = LineWeights(
        hts8=cells.lines.hts8,
        sector=cells.lines.sector,
        weights=cells.lines.weights[:, partner_col],
        sectors=cells.lines.sectors,
        partners=tuple(exporters),
    )
    values = cells.values[:, partner_col]
    n_sectors = len(concordance.sectors)
    cell_rates, cell_coverage = aggregate_line_tariffs(line_rates, by_exporter)
    rates, coverage, weights = _to_sectors(
        cell_rates, cell_coverage, values, cells.sector_of, n_sectors
    )
    line_mfn = np.repeat(table.mfn[:, None], len(exporters), axis=1)
    cell_mfn, mfn_coverage = aggregate_line_tariffs(line_mfn, by_exporter)
    mfn, _, _ = _to_sectors(cell_mfn, mfn_coverage, values, cells.sector_of, n_sectors)
    if np.isnan(rates).any():
        s, e = np.argwhere(np.isnan(rates))[0]
        raise InputError(
            f"no HTS8 line of sector {concordance.sectors[s]} has a known duty for "
            f"{exporters[e]} on {table.entry_date}"
        )
    return ModelTariffs(
        importer=importer,
        entry_date=table.entry_date,
        as_known=table.as_known,
        scenario=table.scenario,
        sectors=concordance.sectors,
        exporters=tuple(exporters),
        rates=rates,
        coverage=coverage,
        weights=weights,
        mfn=mfn,
    )


def _to_sectors(
    cell_rates: FloatArray,
    cell_coverage: FloatArray,
    values: FloatArray,
    sector_of: npt.NDArray[np.int64],
    n_sectors: int,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Trade-weighted means of cells within sectors; equal cell weights where no trade."""
    n_exporters = cell_rates.shape[1]
    known = np.isfinite(cell_rates)
    member = np.zeros((n_sectors, len(sector_of)))
    member[sector_of, np.arange(len(sector_of))] = 1.0
    weights = member @ values  # [S, E]
    use = np.where(
        (weights[sector_of] > 0), values, np.ones_like(values)
    )  # cells of a sector without trade count equally
    w_known = np.where(known, use, 0.0)
    numerator = member @ (w_known * np.nan_to_num(cell_rates))
    denominator = member @ w_known
    rates = np.full((n_sectors, n_exporters), np.nan)
    np.divide(numerator, denominator, out=rates, where=denominator > 0)
    coverage = np.zeros((n_sectors, n_exporters))
    total_use = member @ use
    np.divide(member @ (use * cell_coverage), total_use, out=coverage, where=total_use > 0)
    return rates, coverage, weights
