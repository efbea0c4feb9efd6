r"""Monte Carlo over elasticities: median and 90% interval for every headline number.

Each sector's import-demand elasticity :math:`\eta_s` and substitution elasticity
:math:`\sigma_s` is drawn independently from a log-normal distribution whose median is the
central estimate and whose log standard deviation is the spread of that estimate (in the
embedded baseline: the bootstrap spread of the sector median over the product-level
estimates, see ``data/embedded/PROVENANCE.md``):

.. math::

    \ln\eta_s^{(d)} \sim N(\ln\bar\eta_s, s_{\eta,s}^2),\qquad
    \ln\sigma_s^{(d)} \sim N(\ln\bar\sigma_s, s_{\sigma,s}^2).

With ``sigma_source="mixed"`` each draw first picks one of the three sources of
:math:`\sigma` (Hauk 2012, Broda & Weinstein 2006, CEPII ProTEE) with equal probability and
then draws around that source's sector median, so the interval also spans the disagreement
between studies (short-run versus long-run estimates), not only the sampling spread.

Log-normal keeps every draw positive and matches a spread measured in logs. Draws come from
``numpy.random.default_rng(seed)`` in a fixed order (all :math:`\eta` draws, then all
:math:`\sigma` draws), so a seed gives the same numbers on every machine. All draws are solved
at once: the baseline is stacked ``D`` times as ``D x S`` SMART markets (no loop over draws
beyond batches for progress reporting).

The draws are made here, in one stream, before any is solved, and each batch is solved by a
pure function (:func:`solve_draws`) of the shared problem and that batch's draws. A batch is
therefore the same whoever solves it: ``map_chunks`` may send the batches to a Dask cluster
(:func:`tariffscope.distributed.map.client_mapper`) and the result equals the one computed
here, bit for bit, for the same seed and batch size.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import pandas as pd

from tariffscope.errors import InputError
from tariffscope.impact.pe._smart import simulate_smart
from tariffscope.impact.pe._types import SmartMethod
from tariffscope.impact.pe.baseline import SectorBaseline
from tariffscope.impact.pe.sectors import HEADLINE_METRICS, headline_arrays, sector_inputs

if TYPE_CHECKING:
    from tariffscope.distributed.map import ChunkMapper

__all__ = [
    "DEFAULT_DRAWS",
    "INTERVAL",
    "DrawProblem",
    "MonteCarloResult",
    "draw_lognormal",
    "monte_carlo_sectors",
    "solve_draws",
]

FloatArray = npt.NDArray[np.float64]

#: Draws when the caller does not say.
DEFAULT_DRAWS = 1000
#: Probability mass of the reported interval (5th to 95th percentile).
INTERVAL = 0.90


def draw_lognormal(
    central: FloatArray, log_sd: FloatArray, draws: int, rng: np.random.Generator
) -> FloatArray:
    """``[draws, n]`` log-normal draws with median ``central`` and log-sd ``log_sd``."""
    central = np.asarray(central, dtype=np.float64)
    log_sd = np.asarray(log_sd, dtype=np.float64)
    if (central <= 0).any() or (log_sd < 0).any():
        raise InputError("log-normal draws need central values > 0 and spreads >= 0")
    return np.exp(np.log(central) + log_sd * rng.standard_normal((draws, central.size)))


@dataclass(frozen=True)
class MonteCarloResult:
    """Headline numbers over elasticity draws.

    Attributes
    ----------
    samples
        Metric name -> ``[draws]`` values.
    point
        Metric name -> value at the central elasticities.
    focus_by_sector
        ``[draws, S]`` change in imports from the focus partner (or bloc) by sector (US
        dollars).
    """

    draws: int
    seed: int
    method: SmartMethod
    focus: str
    sectors: tuple[str, ...]
    samples: dict[str, FloatArray]
    point: dict[str, float]
    focus_by_sector: FloatArray
    import_demand: FloatArray
    substitution: FloatArray

    def interval(self, metric: str) -> tuple[float, float, float]:
        """``(median, low, high)`` of a metric; low/high bound the central 90%."""
        values = self.samples[metric]
        tail = 100.0 * (1.0 - INTERVAL) / 2.0
        low, median, high = np.nanpercentile(values, [tail, 50.0, 100.0 - tail])
        return float(median), float(low), float(high)

    def summary(self) -> pd.DataFrame:
        """One row per headline number: unit, point estimate, median, 5th and 95th percentile."""
        rows = []
        for name, (unit, description) in HEADLINE_METRICS.items():
            median, low, high = self.interval(name)
            rows.append(
                {
                    "metric": name,
                    "unit": unit,
                    "description": description,
                    "point": self.point[name],
                    "median": median,
                    "p05": low,
                    "p95": high,
                }
            )
        return pd.DataFrame(rows)

    def sector_summary(self) -> pd.DataFrame:
        """Change in imports from the focus partner by sector: median and 90% interval."""
        tail = 100.0 * (1.0 - INTERVAL) / 2.0
        low, median, high = np.percentile(self.focus_by_sector, [tail, 50.0, 100.0 - tail], axis=0)
        return pd.DataFrame(
            {
                "gtap_code": list(self.sectors),
                "median_usd": median,
                "p05_usd": low,
                "p95_usd": high,
            }
        )


def _mixed_sigma(baseline: SectorBaseline, draws: int, rng: np.random.Generator) -> FloatArray:
    """Draws of sigma from a source picked at random per draw (one source for all sectors)."""
    sources = sorted(baseline.substitution_alternatives)
    pick = rng.integers(0, len(sources), size=draws)
    noise = rng.standard_normal((draws, len(baseline.sectors)))
    central = np.stack([baseline.substitution_alternatives[name][0] for name in sources])
    spread = np.stack([baseline.substitution_alternatives[name][1] for name in sources])
    return np.asarray(np.exp(np.log(central[pick]) + spread[pick] * noise), dtype=np.float64)


@dataclass(frozen=True)
class DrawProblem:
    """What every batch of draws shares: the baseline, the two laws' tariffs, the SMART form.

    Sent once to each worker when the batches run on a cluster.
    """

    baseline: SectorBaseline
    tariff0: FloatArray
    tariff1: FloatArray
    focus_index: tuple[int, ...]
    method: SmartMethod
    export_supply: float | FloatArray


def solve_draws(
    problem: DrawProblem, draws: tuple[FloatArray, FloatArray]
) -> tuple[dict[str, FloatArray], FloatArray]:
    """Solve one batch of ``(import_demand, substitution)`` draws, each ``[d, S]``.

    Returns the headline arrays (``[d]`` each) and the ``[d, S]`` change in imports from the
    focus partner by sector (US dollars).
    """
    eta, sigma = draws
    baseline = problem.baseline
    n_sectors, n_partners = baseline.imports.shape
    inputs = sector_inputs(
        baseline,
        problem.tariff0,
        problem.tariff1,
        export_supply=problem.export_supply,
        import_demand=eta,
        substitution=sigma,
    )
    result = simulate_smart(inputs, method=problem.method)
    headline = headline_arrays(result, n_sectors, n_partners, problem.focus_index)
    change = (result.value1 - inputs.value).reshape(-1, n_sectors, n_partners)
    return headline, change[:, :, list(problem.focus_index)].sum(axis=2)


def monte_carlo_sectors(
    baseline: SectorBaseline,
    tariff0: FloatArray,
    tariff1: FloatArray,
    *,
    focus: str,
    draws: int = DEFAULT_DRAWS,
    seed: int = 0,
    method: SmartMethod = "exact_ces",
    export_supply: float | FloatArray = np.inf,
    batch: int = 1000,
    on_progress: Callable[[int, int], None] | None = None,
    map_chunks: ChunkMapper | None = None,
) -> MonteCarloResult:
    """Draw elasticities, price the outcome for each draw, and collect the headline numbers.

    Parameters
    ----------
    baseline
        Imports and central elasticities with their log spreads.
    tariff0, tariff1
        ``[S, P]`` tariffs before and after (fractions).
    focus
        Partner singled out in the headline numbers: a column label, or ``EUN`` for the EU
        members' columns (summed).
    draws
        Number of draws (> 0).
    seed
        Seed of ``numpy.random.default_rng``; the same seed gives the same result.
    method, export_supply
        Passed to SMART.
    batch
        Draws solved at once (a task on a cluster); ``on_progress(done, total)`` is called
        after each batch.
    map_chunks
        How the batches are solved (:class:`~tariffscope.distributed.map.ChunkMapper`);
        default here, one after the other. The draws do not depend on it.

    Returns
    -------
    MonteCarloResult
    """
    if draws < 1:
        raise InputError(f"draws must be at least 1 (got {draws})")
    focus_index = baseline.focus_columns(focus)
    n_sectors, n_partners = baseline.imports.shape
    rng = np.random.default_rng(seed)
    eta = draw_lognormal(baseline.import_demand, baseline.import_demand_log_sd, draws, rng)
    if baseline.sigma_source == "mixed":
        sigma = _mixed_sigma(baseline, draws, rng)
    else:
        sigma = draw_lognormal(baseline.substitution, baseline.substitution_log_sd, draws, rng)
    point_inputs = sector_inputs(baseline, tariff0, tariff1, export_supply=export_supply)
    point_result = simulate_smart(point_inputs, method=method)
    point = {
        name: float(values[0])
        for name, values in headline_arrays(
            point_result, n_sectors, n_partners, focus_index
        ).items()
    }
    if map_chunks is None:
        from tariffscope.distributed.map import map_in_process

        map_chunks = map_in_process
    size = max(batch, 1)
    starts = range(0, draws, size)
    chunks = [(eta[k : k + size], sigma[k : k + size]) for k in starts]
    # without its line-level tables (21 MB pickled, unused by the solve): shipped to each worker
    lean = dataclasses.replace(baseline, lines=None)
    problem = DrawProblem(lean, tariff0, tariff1, tuple(focus_index), method, export_supply)
    solved = 0

    def done(index: int) -> None:
        nonlocal solved
        solved += len(chunks[index][0])
        if on_progress is not None:
            on_progress(solved, draws)

    found = map_chunks(solve_draws, chunks, shared=(problem,), on_done=done)
    parts = [headline for headline, _ in found]
    by_sector = [change for _, change in found]
    samples = {name: np.concatenate([part[name] for part in parts]) for name in HEADLINE_METRICS}
    return MonteCarloResult(
        draws=draws,
        seed=seed,
        method=method,
        focus=focus,
        sectors=baseline.sectors,
        samples=samples,
        point=point,
        focus_by_sector=np.concatenate(by_sector),
        import_demand=eta,
        substitution=sigma,
    )
