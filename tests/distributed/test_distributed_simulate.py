"""Monte Carlo draws on the cluster: the same numbers as one process, bit for bit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from distributed import Client

from tariffscope.api import simulate
from tariffscope.distributed.map import client_mapper
from tariffscope.impact.pe.law import DRAW_BATCH


@pytest.mark.slow
@pytest.mark.parametrize(("partner", "sigma_source"), [("VNM", "hauk"), ("EUN", "mixed")])
def test_draws_on_the_cluster_equal_one_process(
    client: Client, partner: str, sigma_source: str
) -> None:
    draws = 2 * DRAW_BATCH + 37  # three batches, the last one short
    progress: list[tuple[int, int]] = []
    args = {"partner": partner, "date": "2025-08-15", "draws": draws, "seed": 11}
    alone = simulate(**args, sigma_source=sigma_source)
    spread = simulate(
        **args,
        sigma_source=sigma_source,
        map_draws=client_mapper(client),
        on_progress=lambda done, total: progress.append((done, total)),
    )
    pd.testing.assert_frame_equal(spread.headline, alone.headline, check_exact=True)
    pd.testing.assert_frame_equal(spread.sectors, alone.sectors, check_exact=True)
    one, two = alone.outcome.monte_carlo, spread.outcome.monte_carlo
    for metric, values in one.samples.items():
        assert np.array_equal(two.samples[metric], values, equal_nan=True), metric
    assert np.array_equal(two.focus_by_sector, one.focus_by_sector)
    assert one.samples["imports_focus_change_pct"].shape == (draws,)
    # three batches reported, whatever order they finished in
    assert len(progress) == 3 and progress[-1] == (draws, draws)


@pytest.mark.slow
def test_another_seed_gives_other_draws(client: Client) -> None:
    args = {
        "partner": "VNM",
        "date": "2025-08-15",
        "draws": 300,
        "map_draws": client_mapper(client),
    }
    first = simulate(**args, seed=1).outcome.monte_carlo.samples["imports_focus_change_pct"]
    second = simulate(**args, seed=2).outcome.monte_carlo.samples["imports_focus_change_pct"]
    assert not np.array_equal(first, second)
