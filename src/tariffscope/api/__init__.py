"""The notebook API: every question tariffscope answers, as a function.

The CLI (``tariffscope ...``) and the service (``tariffscope serve``) are thin layers over these
functions; each takes keyword arguments (no partner is assumed), returns typed records or
pandas DataFrames and raises :mod:`tariffscope.errors` exceptions (``InputError`` and its
subclasses for the caller's mistakes, ``NotCoveredError`` for inputs the data do not cover).
All are importable from ``tariffscope`` directly; docs/api.md walks through each.

=================  =====================================================================
``rate``           the duty on a product from a country on a date, layer by layer
``history``        every change of that duty, with the measure causing it
``measures``       the measure catalog (DataFrame); ``claims``: the claims an entry makes
``etr``            the effective US tariff rate by day, partner or sector (DataFrame)
``etr_chart``      the Vega-Lite chart of an ``etr`` frame (dict)
``simulate``       price an outcome of the law for a partner (``Simulation``)
``compare``        several outcomes side by side (``Comparison``)
``ge``             economy-wide effects: applications, tariff files, scenarios, own panel
``extract``        a story's actors, events, quotes, measures and deadlines
``brief``          a sourced, priced brief of a negotiation from stories (``briefs``: all)
``ingest``         read stories into a store (``IngestReport``)
``timeline``       a stored negotiation's state on a date
``negotiations``   every stored negotiation: status, next deadline, latest event (DataFrame)
=================  =====================================================================
"""

from __future__ import annotations

from tariffscope.api._deals import DealSpaceResult, deals, deals_many
from tariffscope.api._ge import etr, etr_chart, ge
from tariffscope.api._law import claims, history, measures, rate
from tariffscope.api._news import (
    BriefSet,
    brief,
    briefs,
    extract,
    ingest,
    negotiations,
    timeline,
)
from tariffscope.api._pricing import Comparison, Simulation, compare, simulate

__all__ = [
    "BriefSet",
    "Comparison",
    "DealSpaceResult",
    "Simulation",
    "brief",
    "briefs",
    "claims",
    "compare",
    "deals",
    "deals_many",
    "etr",
    "etr_chart",
    "extract",
    "ge",
    "history",
    "ingest",
    "measures",
    "negotiations",
    "rate",
    "simulate",
    "timeline",
]
