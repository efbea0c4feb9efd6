"""Economy-wide effects of a brief's outcomes (general equilibrium, tariffscope.impact).

Each outcome with a scenario is compared with the law on its own entry date without the
scenario, so a row is the effect of the scenario's measures alone: real income and trade of the
two parties and of the third countries most affected. The one-sector structural gravity model
(Advanced Guide data, 69 countries, base year 2006) is the default because it solves in
milliseconds; the multi-sector Caliendo-Parro model (31 regions, 1993) is the alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

import pandas as pd

from tariffscope.errors import TariffscopeError
from tariffscope.report.scenarios import OutcomeSpec

__all__ = ["economy_effects", "economy_function"]

COLUMNS = [
    "outcome",
    "country",
    "role",
    "real_gdp_pct",
    "welfare_pct",
    "exports_pct",
    "exports_to_usa_pct",
]


def economy_effects(
    specs: Sequence[OutcomeSpec], partner: str, *, model: str = "gravity"
) -> tuple[pd.DataFrame | None, str]:
    """Real GDP, welfare and trade changes by outcome; a table and a note on the model."""
    from tariffscope.impact.economy_wide import economy_wide_effects

    frames = []
    metadata: dict[str, Any] = {}
    for spec in specs:
        if spec.scenario is None:
            continue
        try:
            frame = economy_wide_effects(
                {spec.label: spec.scenario},
                entry_date=spec.entry_date,
                as_known=spec.as_known,
                model=model,  # type: ignore[arg-type]
                parties=("USA", partner),
                top_third=3,
            )
        except TariffscopeError as error:
            return None, f"economy-wide effects not computed: {error.one_line()}"
        metadata = dict(frame.attrs.get("metadata", {}))
        frames.append(frame.rename(columns={"scenario": "outcome"}))
    if not frames:
        return None, "no outcome changes the law, so there are no economy-wide effects to compute"
    table = pd.concat(frames, ignore_index=True)
    table = table[[c for c in COLUMNS if c in table.columns]]
    base = metadata.get("base_year", "")
    note = (
        f"General equilibrium ({metadata.get('model', model)}"
        + (f", base year {base}" if base else "")
        + "): each outcome against the law on its entry date without it; "
        "real GDP and welfare in % (positive = gain); third countries are those most affected."
    )
    return table, note


def economy_function(model: str) -> partial[tuple[pd.DataFrame | None, str]]:
    """:func:`economy_effects` with the model chosen."""
    return partial(economy_effects, model=model)
