"""Options several commands take the same way (a light module: ``brief`` imports it)."""

from __future__ import annotations

from typing import Annotated

import typer

__all__ = ["PoliticalEconomyOption", "SeedOption"]

SeedOption = Annotated[int, typer.Option("--seed", help="Seed of the Monte Carlo draws.")]

PoliticalEconomyOption = Annotated[
    str | None,
    typer.Option(
        "--political-economy",
        help="Deal space payoffs with weights on organised sectors (Grossman-Helpman): "
        "ossa2014 or uniform:W; payoffs are then government welfare. Default: off (real "
        "income).",
    ),
]
