"""GSIM against the published four-region example (Francois & Hall 2003, as replicated in the
WTO/UNCTAD Practical Guide), plus the equilibrium conditions the solution must satisfy.

The inputs and the reported world-price changes are read from
``../shared/validation/README.md`` (section "GSIM four-region example"), not retyped here.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from tariffscope.errors import InputError
from tariffscope.impact.gsim import GsimInputs, solve_gsim

TOLERANCE_PP = 0.01  # percentage points, as the validation README states


def _example(shared: Path) -> dict[str, object]:
    text = (shared / "validation" / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## GSIM four-region example") :]
    rows = re.findall(r"^\s+(US|JP|EU|RW): \[([^\]]+)\]", section, flags=re.M)
    assert len(rows) == 8, rows
    matrix = [[float(x) for x in values.split(",")] for _, values in rows]
    elasticities = dict(
        re.findall(r"E_(m|x|s) = (-?[\d.]+)", section)  # import demand, export supply, subst.
    )
    reported = re.search(
        r"US ([+-][\d.]+) %, JP ([+-][\d.]+) %, EU ([+-][\d.]+) %, RW ([+-][\d.]+) %", section
    )
    assert reported is not None
    return {
        "regions": tuple(name for name, _ in rows[:4]),
        "flows": np.array(matrix[:4]),
        "factors": np.array(matrix[4:]),
        "e_m": float(elasticities["m"]),
        "e_x": float(elasticities["x"]),
        "e_s": float(elasticities["s"]),
        "reported_pct": np.array([float(g) for g in reported.groups()]),
    }


def _fta_inputs(example: dict[str, object]) -> GsimInputs:
    factors = np.asarray(example["factors"])
    new = factors.copy()
    us, eu = 0, 2
    new[us, eu] = new[eu, us] = 1.0  # the US-EU free-trade agreement
    return GsimInputs(
        flows=np.asarray(example["flows"]),
        tariff0=factors - 1.0,
        tariff1=new - 1.0,
        import_demand=-float(example["e_m"]),  # GSIM's E_m = -1.25 is a magnitude of 1.25
        substitution=float(example["e_s"]),
        export_supply=float(example["e_x"]),
        regions=tuple(example["regions"]),  # type: ignore[arg-type]
    )


@pytest.mark.shared
@pytest.mark.reference
def test_four_region_fta_world_prices_match_published(shared: Path) -> None:
    example = _example(shared)
    result = solve_gsim(_fta_inputs(example))
    got_pct = 100.0 * result.world_price[0]
    np.testing.assert_allclose(got_pct, example["reported_pct"], atol=TOLERANCE_PP)


@pytest.mark.shared
@pytest.mark.parametrize("method", ["linear", "exact_ces"])
def test_markets_clear(shared: Path, method: str) -> None:
    inputs = _fta_inputs(_example(shared))
    result = solve_gsim(inputs, method=method)  # type: ignore[arg-type]
    demand = result.quantity.sum(axis=2)[0]
    supply = inputs.flows.sum(axis=2)[0]
    if method == "linear":
        supply = supply * (1.0 + 1.5 * result.world_price[0])
    else:
        supply = supply * (1.0 + result.world_price[0]) ** 1.5
    np.testing.assert_allclose(demand, supply, rtol=1e-10)


@pytest.mark.shared
def test_exact_and_linear_agree_for_small_changes(shared: Path) -> None:
    example = _example(shared)
    factors = np.asarray(example["factors"])
    new = factors.copy()
    new[0, 2] *= 0.999  # a 0.1% cut of the EU tariff on US goods
    inputs = GsimInputs(
        flows=np.asarray(example["flows"]),
        tariff0=factors - 1.0,
        tariff1=new - 1.0,
        import_demand=1.25,
        substitution=5.0,
        export_supply=1.5,
        regions=("US", "JP", "EU", "RW"),
    )
    linear = solve_gsim(inputs)
    exact = solve_gsim(inputs, method="exact_ces")
    assert np.abs(linear.world_price).max() > 1e-5
    np.testing.assert_allclose(exact.world_price, linear.world_price, rtol=1e-2, atol=1e-9)


def test_no_tariff_change_keeps_baseline() -> None:
    rng = np.random.default_rng(0)
    flows = rng.uniform(0, 100, (3, 5, 5))
    tariffs = rng.uniform(0, 0.3, (3, 5, 5))
    inputs = GsimInputs(flows, tariffs, tariffs, 1.0, 4.0, 2.0, tuple("ABCDE"))
    for method in ("linear", "exact_ces"):
        result = solve_gsim(inputs, method=method)  # type: ignore[arg-type]
        np.testing.assert_allclose(result.world_price, 0.0, atol=1e-12)
        np.testing.assert_allclose(result.quantity, flows, rtol=1e-12)
        np.testing.assert_allclose(result.welfare, 0.0, atol=1e-9)


def test_products_are_independent_when_batched() -> None:
    rng = np.random.default_rng(1)
    flows = rng.uniform(1, 100, (4, 3, 3))
    t0 = rng.uniform(0, 0.3, (4, 3, 3))
    t1 = t0 * rng.uniform(0, 1.5, (4, 3, 3))
    eta, sigma, supply = rng.uniform(0.5, 2, 4), rng.uniform(2, 6, 4), rng.uniform(1, 5, 4)
    batch = solve_gsim(GsimInputs(flows, t0, t1, eta, sigma, supply, ("A", "B", "C")))
    for k in range(4):
        one = solve_gsim(
            GsimInputs(flows[k], t0[k], t1[k], eta[k], sigma[k], supply[k], ("A", "B", "C"))
        )
        np.testing.assert_allclose(batch.world_price[k], one.world_price[0], rtol=1e-10)


def test_region_without_exports_keeps_its_price() -> None:
    flows = np.array([[0.0, 10.0, 5.0], [0.0, 0.0, 0.0], [8.0, 4.0, 0.0]])
    t0 = np.full((3, 3), 0.1)
    t1 = t0.copy()
    t1[0, 1] = 0.3
    result = solve_gsim(GsimInputs(flows, t0, t1, 1.0, 3.0, 2.0, ("A", "B", "C")))
    assert result.world_price[0, 1] == 0.0
    assert result.world_price[0, 0] < 0  # A's exports to B are taxed more


def test_bad_shapes_are_named() -> None:
    with pytest.raises(InputError, match="region names"):
        GsimInputs(np.ones((3, 3)), np.zeros((3, 3)), np.zeros((3, 3)), 1, 2, 3, ("A", "B"))
    with pytest.raises(InputError, match="unknown GSIM method"):
        solve_gsim(
            GsimInputs(np.ones((2, 2)), np.zeros((2, 2)), np.zeros((2, 2)), 1, 2, 3, ("A", "B")),
            method="nonlinear",  # type: ignore[arg-type]
        )
