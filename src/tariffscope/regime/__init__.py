"""Tariff law: the HTS schedule, the measure catalog and the resolution of duties.

The public surface:

- :func:`resolve`: the duty on one line from one origin on one entry date, with its reasons.
- :func:`resolve_lines`: every HTS8 line for many origins at once (arrays for the engines).
- :func:`history`: every change of the duty on a line over time.
- :func:`load_scenario`, :class:`Scenario`: measures added, enacted or removed.
- :func:`load_catalog`, :func:`default_catalog`: the validated measure catalog.
- :func:`load_schedule`: the embedded HTS schedule (``Schedule.special_rates(codes)``: the
  preferential rates of the Special column as arrays).
- :class:`Programme`: a preference programme of the Special column (``Catalog.programmes``,
  ``Catalog.eligible_programmes(origin, date)``); its id is the claim that applies it.
"""

from tariffscope.regime.catalog import Catalog, load_catalog
from tariffscope.regime.history import Change, history
from tariffscope.regime.measures import Measure
from tariffscope.regime.programmes import Programme
from tariffscope.regime.resolve import Component, Resolution, default_catalog, resolve
from tariffscope.regime.scenario import (
    Scenario,
    apply_scenario,
    load_scenario,
    scenario_from_mapping,
)
from tariffscope.regime.schedule import Schedule, load_schedule
from tariffscope.regime.special import SpecialColumn
from tariffscope.regime.vectorized import RateTable, clear_caches, resolve_lines

__all__ = [
    "Catalog",
    "Change",
    "Component",
    "Measure",
    "Programme",
    "RateTable",
    "Resolution",
    "Scenario",
    "Schedule",
    "SpecialColumn",
    "apply_scenario",
    "clear_caches",
    "default_catalog",
    "history",
    "load_catalog",
    "load_scenario",
    "load_schedule",
    "resolve",
    "resolve_lines",
    "scenario_from_mapping",
]
