"""Effective-rate series on a Dask cluster: one task per distinct law.

:func:`tariffscope.impact.etr.effective_rates` resolves on the driver which days share a law
(:func:`tariffscope.impact.etr.law_segments`: a law per distinct set of active measures, rules
and claims, not per day) and asks its law mapper for the duty sums of one day of each distinct
law. :func:`law_mapper` sends the rate function to every worker once (scattered, broadcast) and
maps the distinct laws over the workers; the days and partners are then filled in on the
driver from those ``[S + 1, O]`` sums, a vectorised gather that costs less than shipping it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from tariffscope.distributed.map import client_mapper
from tariffscope.impact.etr.rates import LineRates
from tariffscope.impact.etr.series import LawMapper, law_sums_on
from tariffscope.impact.etr.sums import LawSums

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["law_mapper"]


def law_mapper(client: Client) -> LawMapper:
    """A :data:`~tariffscope.impact.etr.series.LawMapper` that computes each distinct law's
    sums as one task on ``client``'s cluster (``effective_rates(..., map_laws=...)``)."""

    on_cluster = client_mapper(client, name="tariffscope-law")

    def mapper(rates: LineRates, days: Sequence[date]) -> list[LawSums]:
        return on_cluster(law_sums_on, list(days), shared=(rates,))

    return mapper
