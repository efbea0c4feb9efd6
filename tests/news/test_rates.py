"""Percent rates and their from/to pairs."""

from __future__ import annotations

import re

import pytest

from tariffscope.news.rates import find_rates, pair_rates


def _pairs(text: str) -> list[tuple[float, str]]:
    rates = find_rates(text)
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    pair_rates(text, rates, bounds)
    return [(r.value, r.role) for r in rates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a 25% tariff", [(25.0, "to")]),
        ("a 25 percent tariff", [(25.0, "to")]),
        ("at a 6.1 per cent tariff rate", [(6.1, "to")]),
        ("10 percentage points lower", [(10.0, "points")]),
        ("zero tariffs for pharmaceuticals", [(0.0, "to")]),
        ("the levy can be reduced to zero", [(0.0, "to")]),
        ("exports will be free of tariffs and other barriers", [(0.0, "to")]),
    ],
)
def test_find_rates(text: str, expected: list[tuple[float, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("raise tariffs from 15 percent to 25 percent", [(15.0, "from"), (25.0, "to")]),
        ("cut to 47% from 57%", [(47.0, "to"), (57.0, "from")]),
        ("set to jump up to 25 percent from 10 percent", [(25.0, "to"), (10.0, "from")]),
        ("reduced from an average of 15% to 3%", [(15.0, "from"), (3.0, "to")]),
        ("from a threatened 25 percent to 15 percent", [(25.0, "from"), (15.0, "to")]),
        ("will now be 15%, down from 20% before", [(15.0, "to"), (20.0, "from")]),
        ("reciprocal tariffs set at 0%-20%", [(0.0, "range"), (20.0, "range")]),
        (
            "a 20% tariff on many Vietnamese imports, down from the 46% rate",
            [(20.0, "to"), (46.0, "from")],
        ),
        ("a 20% tariff on steel; a 46% rate on cars", [(20.0, "to"), (46.0, "to")]),
    ],
)
def test_pairs(text: str, expected: list[tuple[float, str]]) -> None:
    assert _pairs(text) == expected


def test_numbers_inside_other_numbers_are_not_rates() -> None:
    assert _pairs("a 1,000% rise and model A25% are not rates") == []
