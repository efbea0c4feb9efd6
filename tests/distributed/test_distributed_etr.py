"""Effective rates on the cluster: the same numbers as one process, each distinct law once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import pytest
from distributed import Client

from tariffscope.distributed import law_mapper
from tariffscope.impact.etr import APPLIED, effective_rates
from tariffscope.impact.etr.rates import LineRates
from tariffscope.impact.etr.sums import LawSums


@pytest.mark.slow
def test_a_month_for_every_partner_equals_one_process(client: Client) -> None:
    asked: list[list[date]] = []
    mapper = law_mapper(client)

    def counted(rates: LineRates, days: Sequence[date]) -> Sequence[LawSums]:
        asked.append(list(days))
        return mapper(rates, days)

    alone = effective_rates("2025-03-01", "2025-03-31", line_rates=APPLIED)
    spread = effective_rates("2025-03-01", "2025-03-31", line_rates=APPLIED, map_laws=counted)
    pd.testing.assert_frame_equal(spread, alone)
    assert spread.attrs == alone.attrs
    assert spread["partner"].nunique() > 50 and spread["date"].nunique() == 31
    # one call, one day per distinct law: fewer laws than days, none asked twice
    assert len(asked) == 1 and len(set(asked[0])) == len(asked[0]) < 31
