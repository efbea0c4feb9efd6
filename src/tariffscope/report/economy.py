"""Economy-wide effects of a brief's outcomes (general equilibrium), when the link is available."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from tariffscope.report.scenarios import OutcomeSpec

__all__ = ["economy_effects"]


def economy_effects(specs: Sequence[OutcomeSpec], partner: str) -> tuple[pd.DataFrame | None, str]:
    """Real income and trade changes by outcome for the parties and large third countries."""
    return None, "economy-wide (general-equilibrium) effects are not linked to the brief yet"
