"""Monte Carlo over elasticities: seeded, reproducible, and summarised for every headline."""

from __future__ import annotations

import numpy as np
import pytest

from tariffscope.errors import InputError
from tariffscope.impact.pe import (
    HEADLINE_METRICS,
    SectorBaseline,
    load_sector_baseline,
    simulate_sectors,
)
from tariffscope.impact.uncertainty import draw_lognormal, monte_carlo_sectors

FOCUS = "VNM"


def _baseline(sigma_source: str = "hauk") -> SectorBaseline:
    return load_sector_baseline(FOCUS, sigma_source=sigma_source)  # type: ignore[arg-type]


def _shock() -> tuple[np.ndarray, np.ndarray]:
    baseline = _baseline()
    tariff0 = np.full(baseline.imports.shape, 0.10)
    tariff1 = tariff0.copy()
    tariff1[:, baseline.partner_index(FOCUS)] = 0.25
    return tariff0, tariff1


def test_same_seed_same_numbers_and_different_seed_different_numbers() -> None:
    baseline = _baseline()
    t0, t1 = _shock()
    first = monte_carlo_sectors(baseline, t0, t1, focus=FOCUS, draws=200, seed=7)
    again = monte_carlo_sectors(baseline, t0, t1, focus=FOCUS, draws=200, seed=7, batch=64)
    other = monte_carlo_sectors(baseline, t0, t1, focus=FOCUS, draws=200, seed=8)
    for name in HEADLINE_METRICS:
        np.testing.assert_array_equal(first.samples[name], again.samples[name])
    assert not np.array_equal(
        first.samples["imports_focus_change_usd"], other.samples["imports_focus_change_usd"]
    )


def test_summary_has_every_headline_with_ordered_interval() -> None:
    baseline = _baseline()
    t0, t1 = _shock()
    result = monte_carlo_sectors(baseline, t0, t1, focus=FOCUS, draws=500, seed=1)
    summary = result.summary()
    assert list(summary["metric"]) == list(HEADLINE_METRICS)
    assert (summary["p05"] <= summary["median"] + 1e-9).all()
    assert (summary["median"] <= summary["p95"] + 1e-9).all()
    row = summary.set_index("metric").loc["imports_focus_change_usd"]
    assert row["p05"] < row["p95"] < 0  # a real spread, and the right sign in every draw
    # the point estimate (central elasticities) sits inside the 90% interval
    assert row["p05"] <= row["point"] <= row["p95"]
    point = simulate_sectors(baseline, t0, t1, focus=FOCUS).headline["imports_focus_change_usd"]
    assert row["point"] == pytest.approx(point)
    sectors = result.sector_summary()
    assert len(sectors) == 45 and (sectors["p05_usd"] <= sectors["p95_usd"]).all()


def test_draws_have_the_stated_median_and_spread() -> None:
    rng = np.random.default_rng(3)
    draws = draw_lognormal(np.array([1.5, 4.0]), np.array([0.2, 0.0]), 20_000, rng)
    assert np.median(draws[:, 0]) == pytest.approx(1.5, rel=0.02)
    assert np.std(np.log(draws[:, 0])) == pytest.approx(0.2, rel=0.03)
    np.testing.assert_allclose(draws[:, 1], 4.0)  # no spread, no variation


def test_mixed_sources_widen_the_interval() -> None:
    t0, t1 = _shock()
    single = monte_carlo_sectors(_baseline("hauk"), t0, t1, focus=FOCUS, draws=400, seed=2)
    mixed = monte_carlo_sectors(_baseline("mixed"), t0, t1, focus=FOCUS, draws=400, seed=2)
    _, low_s, high_s = single.interval("imports_focus_change_usd")
    _, low_m, high_m = mixed.interval("imports_focus_change_usd")
    assert high_m - low_m > 3 * (high_s - low_s)


def test_no_tariff_change_gives_degenerate_interval_at_zero() -> None:
    baseline = _baseline()
    t0, _ = _shock()
    result = monte_carlo_sectors(baseline, t0, t0, focus=FOCUS, draws=50, seed=0)
    for name in ("imports_focus_change_usd", "consumer_surplus_change_usd", "welfare_change_usd"):
        median, low, high = result.interval(name)
        assert abs(median) < 1.0 and abs(low) < 1.0 and abs(high) < 1.0


def test_progress_and_bad_arguments() -> None:
    baseline = _baseline()
    t0, t1 = _shock()
    seen: list[tuple[int, int]] = []
    monte_carlo_sectors(
        baseline,
        t0,
        t1,
        focus=FOCUS,
        draws=10,
        batch=4,
        on_progress=lambda d, n: seen.append((d, n)),
    )
    assert seen == [(4, 10), (8, 10), (10, 10)]
    with pytest.raises(InputError, match="draws"):
        monte_carlo_sectors(baseline, t0, t1, focus=FOCUS, draws=0)
    with pytest.raises(InputError, match="sectors x partners"):
        monte_carlo_sectors(baseline, t0[:3], t1[:3], focus=FOCUS, draws=5)


def test_a_bloc_focus_sums_its_member_columns() -> None:
    """EU members as separate columns (DEU's axis) or as one column (EUN's) give the same
    headline for the bloc when every member faces the same tariff change."""
    results = []
    for axis in ("DEU", "EUN"):
        baseline = load_sector_baseline(axis)
        eu = list(baseline.focus_columns("EUN"))
        t0 = np.full(baseline.imports.shape, 0.05)
        t1 = t0.copy()
        t1[:, eu] = 0.20
        result = monte_carlo_sectors(baseline, t0, t1, focus="EUN", draws=100, seed=4)
        results.append(result)
        assert result.focus_by_sector.shape == (100, 45)
    split, bloc = results
    # DEU's axis keeps the largest EU members apart and puts the others in ROW with the
    # non-EU rest, so the bloc there is most but not all of the EU
    ratio = split.point["imports_focus_change_usd"] / bloc.point["imports_focus_change_usd"]
    assert 0.7 < ratio < 1.0
    assert split.point["etr_focus_after_pct"] == pytest.approx(20.0, abs=1e-6)
    assert bloc.point["etr_focus_after_pct"] == pytest.approx(20.0, abs=1e-6)
