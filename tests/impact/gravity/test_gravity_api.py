"""The public surface of the GE packages is pinned (as httpx's test_exported_members)."""

from __future__ import annotations

import importlib

import pytest

EXPECTED = {
    "tariffscope.impact.gravity": [
        "Baseline",
        "GEOptions",
        "GEResult",
        "GravityEstimate",
        "Shock",
        "TariffChange",
        "estimate_ppml",
        "solve",
    ],
    "tariffscope.impact.multisector": [
        "CPData",
        "CP_COUNTRIES",
        "CP_SECTORS",
        "MSBaseline",
        "MSOptions",
        "MSResult",
        "MSShock",
        "load_cp_data",
        "prepare_baseline",
        "solve",
        "zero_surplus_baseline",
    ],
}


@pytest.mark.parametrize("module_name", sorted(EXPECTED))
def test_exported_members(module_name: str) -> None:
    module = importlib.import_module(module_name)
    assert sorted(module.__all__) == sorted(EXPECTED[module_name])
    for name in module.__all__:
        assert hasattr(module, name), name
