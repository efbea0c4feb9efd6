"""Analytic identities of the SMART engine, for both forms (exact CES and linearized SMART).

Each identity follows from the model in ``tariffscope.impact.pe._smart``:

* no tariff change -> no effect on any row (any elasticities, any supply);
* trade diversion sums to zero across the partners of every market;
* creation + diversion + price effect = new minus old imports, row by row;
* trade creation is proportional to the import-demand elasticity (exactly in the linear
  form; in the exact form to first order when the partners of a market start from one
  tariff; with different baseline tariffs the exact form's total volume at world prices
  also moves through composition, see docs/models.md);
* with a uniform tariff change on all partners there is no diversion;
* with sigma = 1 and fixed world prices the exact price index is the share-weighted
  geometric mean of the tariff factors (Cobb-Douglas limit).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tariffscope.errors import InputError
from tariffscope.impact.pe import SMART_METHODS, SmartInputs, simulate_smart

ATOL = 1e-9
RTOL = 1e-9


def _inputs(
    seed: int,
    *,
    n_markets: int = 40,
    partners: int = 6,
    change: float = 0.15,
    finite_supply: bool = False,
    eta_scale: float = 1.0,
    one_baseline_tariff: bool = False,
) -> SmartInputs:
    rng = np.random.default_rng(seed)
    market = np.repeat(np.arange(n_markets), partners)
    n = market.size
    value = rng.lognormal(3.0, 2.0, n)
    tariff0 = rng.uniform(0.0, 0.3, n)
    if one_baseline_tariff:
        tariff0 = rng.uniform(0.0, 0.3, n_markets)[market]
    tariff1 = tariff0 + change * rng.integers(0, 2, n)
    eps = rng.uniform(0.5, 10.0, n) if finite_supply else np.full(n, np.inf)
    return SmartInputs(
        market=market,
        value=value,
        tariff0=tariff0,
        tariff1=tariff1,
        import_demand=eta_scale * rng.uniform(0.3, 2.5, n_markets),
        substitution=rng.uniform(1.2, 8.0, n_markets),
        export_supply=eps,
    )


def _with(inputs: SmartInputs, **changes: object) -> SmartInputs:
    fields = {
        name: getattr(inputs, name)
        for name in (
            "market",
            "value",
            "tariff0",
            "tariff1",
            "import_demand",
            "substitution",
            "export_supply",
        )
    }
    fields.update(changes)
    return SmartInputs(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("method", SMART_METHODS)
@pytest.mark.parametrize("finite_supply", [False, True])
def test_no_tariff_change_gives_no_effect(method: str, finite_supply: bool) -> None:
    base = _inputs(1, finite_supply=finite_supply)
    inputs = _with(base, tariff1=base.tariff0.copy())
    result = simulate_smart(inputs, method=method)  # type: ignore[arg-type]
    np.testing.assert_allclose(result.value1, inputs.value, rtol=RTOL, atol=ATOL)
    for effect in (result.creation, result.diversion, result.price_effect, result.world_price):
        np.testing.assert_allclose(effect, 0.0, atol=ATOL)
    np.testing.assert_allclose(result.consumer_surplus, 0.0, atol=ATOL)
    np.testing.assert_allclose(result.price_index, 0.0, atol=ATOL)
    np.testing.assert_allclose(result.revenue1, result.revenue0, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("method", SMART_METHODS)
@pytest.mark.parametrize("finite_supply", [False, True])
def test_diversion_sums_to_zero_and_effects_add_up(method: str, finite_supply: bool) -> None:
    inputs = _inputs(2, finite_supply=finite_supply)
    result = simulate_smart(inputs, method=method)  # type: ignore[arg-type]
    volume = result.market_sum(inputs.value)
    assert np.abs(result.diversion).max() > 1.0  # there is diversion to sum
    np.testing.assert_allclose(result.market_sum(result.diversion) / volume, 0.0, atol=1e-12)
    np.testing.assert_allclose(
        result.creation + result.diversion + result.price_effect,
        result.value1 - inputs.value,
        rtol=1e-10,
        atol=1e-8,
    )


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    change=st.floats(-0.2, 0.6),
    finite=st.booleans(),
    method=st.sampled_from(SMART_METHODS),
)
def test_diversion_zero_sum_property(seed: int, change: float, finite: bool, method: str) -> None:
    inputs = _inputs(seed, n_markets=5, change=change, finite_supply=finite)
    result = simulate_smart(inputs, method=method)  # type: ignore[arg-type]
    volume = result.market_sum(inputs.value)
    np.testing.assert_allclose(result.market_sum(result.diversion) / volume, 0.0, atol=1e-11)


def test_linear_creation_is_proportional_to_import_demand_elasticity() -> None:
    inputs = _inputs(3)
    single = simulate_smart(inputs, method="smart_linear")
    double = simulate_smart(
        _with(inputs, import_demand=2.0 * inputs.import_demand), method="smart_linear"
    )
    assert np.abs(single.creation).max() > 1.0
    np.testing.assert_allclose(double.creation, 2.0 * single.creation, rtol=1e-12)
    np.testing.assert_allclose(double.diversion, single.diversion, rtol=1e-12)


def test_exact_creation_scales_with_import_demand_elasticity_for_small_changes() -> None:
    inputs = _inputs(4, change=0.001, one_baseline_tariff=True)
    single = simulate_smart(inputs, method="exact_ces")
    double = simulate_smart(_with(inputs, import_demand=2.0 * inputs.import_demand))
    total_single = single.market_sum(single.creation)
    total_double = double.market_sum(double.creation)
    moved = np.abs(total_single) > 1e-6 * single.market_sum(inputs.value)
    assert moved.sum() > 10
    ratio = total_double[moved] / total_single[moved]
    np.testing.assert_allclose(ratio, 2.0, rtol=5e-3)


def test_zero_import_demand_elasticity_gives_no_creation() -> None:
    inputs = _with(_inputs(5), import_demand=np.zeros(40))
    linear = simulate_smart(inputs, method="smart_linear")
    np.testing.assert_allclose(linear.creation, 0.0, atol=1e-8)
    # exact form: only a second-order composition effect when baseline tariffs are equal
    small = _inputs(5, change=0.01, one_baseline_tariff=True)
    exact = simulate_smart(_with(small, import_demand=np.zeros(40)))
    assert np.abs(exact.diversion).sum() > 0
    assert np.abs(exact.creation).sum() < 1e-2 * np.abs(exact.diversion).sum()


def test_uniform_tariff_change_gives_no_diversion_with_fixed_world_prices() -> None:
    base = _inputs(6)
    # the same proportional change of the tariff factor for every partner of a market
    inputs = _with(base, tariff1=(1.0 + base.tariff0) * 1.2 - 1.0)
    for method in SMART_METHODS:
        result = simulate_smart(inputs, method=method)  # type: ignore[arg-type]
        np.testing.assert_allclose(result.diversion, 0.0, atol=1e-8)
        assert (result.creation < 0).all()


def test_cobb_douglas_limit_of_price_index() -> None:
    base = _inputs(7)
    inputs = _with(base, substitution=np.ones(40))
    result = simulate_smart(inputs)
    spend = inputs.value * (1 + inputs.tariff0)
    log_t = np.log((1 + inputs.tariff1) / (1 + inputs.tariff0))
    expected = result.market_sum(spend * log_t) / result.market_sum(spend)
    np.testing.assert_allclose(np.log1p(result.price_index), expected, rtol=1e-10)


def test_exact_matches_linear_for_small_changes() -> None:
    inputs = _inputs(8, change=1e-4, finite_supply=True, one_baseline_tariff=True)
    exact = simulate_smart(inputs, method="exact_ces")
    linear = simulate_smart(inputs, method="smart_linear")
    # totals by market agree to first order (attribution between partners differs)
    total_exact = exact.market_sum(exact.value1 - inputs.value)
    total_linear = linear.market_sum(linear.value1 - inputs.value)
    scale = np.abs(total_linear).max()
    np.testing.assert_allclose(total_exact, total_linear, atol=1e-3 * scale)
    np.testing.assert_allclose(exact.price_index, linear.price_index, atol=1e-6)


def test_finite_supply_lowers_world_price_of_taxed_partner() -> None:
    inputs = _inputs(9, finite_supply=True)
    result = simulate_smart(inputs)
    taxed = inputs.tariff1 > inputs.tariff0
    # a partner whose tariff rises alone in its market loses on the world price
    assert (result.world_price[taxed] < 0).mean() > 0.9
    # the exporter's surplus falls with its world price
    assert (np.sign(result.producer_surplus[taxed]) == np.sign(result.world_price[taxed])).all()
    # the importer's price rises by less than the tariff factor (incomplete pass-through)
    rise = (1 + inputs.tariff1[taxed]) / (1 + inputs.tariff0[taxed]) - 1
    assert (result.domestic_price[taxed] < rise).all()


def test_supply_consistency_of_exact_solution() -> None:
    inputs = _inputs(10, finite_supply=True, change=0.3)
    result = simulate_smart(inputs)
    volume_ratio = (result.value1 / (1 + result.world_price)) / inputs.value
    supply_ratio = (1 + result.world_price) ** inputs.export_supply
    np.testing.assert_allclose(volume_ratio, supply_ratio, rtol=1e-9)


def test_exact_ces_never_gives_negative_imports_for_big_shocks() -> None:
    inputs = _inputs(11, change=2.0)
    result = simulate_smart(inputs)
    assert (result.value1 > 0).all()


def test_effective_tariff_rates_before_and_after_substitution() -> None:
    # one market, two partners: only partner 0's tariff rises
    inputs = SmartInputs(
        market=np.array([0, 0]),
        value=np.array([100.0, 100.0]),
        tariff0=np.array([0.10, 0.10]),
        tariff1=np.array([0.25, 0.10]),
        import_demand=np.array([1.0]),
        substitution=np.array([4.0]),
        export_supply=np.array([np.inf, np.inf]),
    )
    result = simulate_smart(inputs)
    assert result.etr0[0] == pytest.approx(0.10)
    assert result.etr_static[0] == pytest.approx(0.175)
    # buyers shift to the untaxed partner, so the rate on the new basket is lower
    assert 0.10 < result.etr1[0] < result.etr_static[0]


def test_bad_inputs_are_named() -> None:
    base = _inputs(12)
    with pytest.raises(InputError, match="substitution"):
        _with(base, substitution=np.zeros(40))
    with pytest.raises(InputError, match="value"):
        _with(base, value=-base.value)
    with pytest.raises(InputError, match="one per market"):
        _with(base, import_demand=np.ones(3))
    with pytest.raises(InputError, match="unknown SMART method"):
        simulate_smart(base, method="wits")  # type: ignore[arg-type]
