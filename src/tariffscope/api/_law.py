"""The tariff law: duty on a product, its history, the measure catalog."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from tariffscope.regime.answer import Resolution
    from tariffscope.regime.history import Change
    from tariffscope.regime.scenario import Scenario
from tariffscope.api._dates import DateLike, iso

__all__ = ["claims", "history", "measures", "rate"]


def _scenario(scenario: str | Path | Scenario | None) -> Scenario | None:
    """A scenario object as given, ``enact:ID[+ID]`` (catalog measures), or a YAML file."""
    from tariffscope.regime.scenario import Scenario, load_scenario, scenario_from_mapping

    if scenario is None or isinstance(scenario, Scenario):
        return scenario
    if isinstance(scenario, str) and scenario.startswith("enact:"):
        ids = [part for part in scenario[len("enact:") :].split("+") if part]
        return scenario_from_mapping({"name": scenario, "enact": ids})
    return load_scenario(Path(scenario))


def rate(
    hts: str,
    *,
    origin: str,
    date: DateLike,
    as_known: DateLike | None = None,
    scenario: str | Path | Scenario | None = None,
    claims: Sequence[str] = (),
    unit_value: float | None = None,
    metal_share: float | None = None,
    us_content: float | None = None,
) -> Resolution:
    """The US duty on product ``hts`` from ``origin`` entered on ``date``, layer by layer.

    Parameters
    ----------
    hts
        HTS code, 8 or 10 digits (dots optional).
    origin
        Country of origin, ISO3 (or a name).
    date
        Entry date (``YYYY-MM-DD`` or a :class:`datetime.date`).
    as_known
        Read the law as published on this date (what was known then).
    scenario
        A scenario file (YAML), ``"enact:ID[+ID]"`` (catalog measures, e.g. a threat) or a
        :class:`~tariffscope.regime.scenario.Scenario`.
    claims
        Claims the entry makes, e.g. ``("usmca",)`` (see :func:`claims`).
    unit_value, metal_share, us_content
        US$ per unit (specific rates), metal share of value, US content share of a USMCA car.

    Returns
    -------
    Resolution
        ``total_pct``, ``components`` (measure, authority, rule, rate_pct, citation),
        ``warnings``; ``to_dict()`` gives the JSON of ``tariffscope rate``.

    Raises
    ------
    UnknownCodeError, MalformedInputError, ScenarioError
        An unknown code or country, a bad date, a scenario that cannot be applied.
    """
    from tariffscope.regime.resolve import resolve

    return resolve(
        hts,
        origin,
        iso(date),
        iso(as_known),
        _scenario(scenario),
        claims=tuple(claims),
        unit_value=unit_value,
        metal_share=metal_share,
        us_content=us_content,
    )


def history(
    hts: str,
    *,
    origin: str,
    start: DateLike | None = None,
    end: DateLike | None = None,
    scenario: str | Path | Scenario | None = None,
    claims: Sequence[str] = (),
) -> list[Change]:
    """Every change of the total duty on ``hts`` from ``origin`` between ``start`` and ``end``
    (default: the catalog's start to its last scheduled change), with the measures causing it.
    ``scenario`` and ``claims`` as in :func:`rate`.

    Each :class:`~tariffscope.regime.history.Change` has ``date``, ``total_pct``,
    ``previous_pct``, ``resolution`` and ``cause()``.
    """
    from tariffscope.regime.history import history as duty_history

    return duty_history(
        hts,
        origin,
        start=iso(start),
        end=iso(end),
        scenario=_scenario(scenario),
        claims=tuple(claims),
    )


def measures(*, origin: str | None = None, on: DateLike | None = None) -> pd.DataFrame:
    """The measure catalog as a table: every measure, or those covering ``origin`` and in
    effect on entry date ``on``. Columns: id, title, authority, group, rule, rate_pct,
    effective_from, effective_to, published_date, status, targets, citation. The catalog
    version is in ``frame.attrs["catalog_version"]``."""
    from tariffscope.regime.listing import measure_rows
    from tariffscope.regime.resolve import default_catalog, parse_date

    day = None if on is None else parse_date(on, "date")
    rows = measure_rows(origin, day)
    columns = [
        "id",
        "title",
        "authority",
        "group",
        "rule",
        "rate_pct",
        "effective_from",
        "effective_to",
        "published_date",
        "status",
        "targets",
        "citation",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame.attrs["catalog_version"] = default_catalog().version
    return frame


def claims() -> dict[str, dict[str, Any]]:
    """The claims an entry can make (preference programmes and others), by name, with their
    legal source, dates, countries and the measures that use them."""
    from tariffscope.regime.listing import claim_rows
    from tariffscope.regime.resolve import default_catalog

    return claim_rows(default_catalog())
