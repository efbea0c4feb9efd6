"""Scenarios: the law at a date plus or minus measures, written as a data file.

A scenario file (YAML) has a ``name``, an optional ``description`` and any of:

``enact``
    Ids of catalog measures that were threatened or proposed, carried out as announced
    (e.g. ``THREAT-JPN-25``: the 7 July 2025 letter's 25% on all Japanese goods from 1 August).
``remove``
    Ids of catalog measures to take out (e.g. a deal's inclusive rate).
``add``
    New measure records in the catalog's format (see docs/tariff-law.md); product lists of the
    built-in catalog may be named.

Scenario measures rank above catalog measures of the same stacking group, so a carried-out
threat replaces whatever the catalog has in its group for its targets and dates.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from tariffscope.errors import CatalogError, ScenarioError
from tariffscope.regime._catalog_io import read_product_list
from tariffscope.regime.catalog import Catalog, catalog_dir, parse_measure
from tariffscope.regime.measures import Measure
from tariffscope.user_yaml import first_non_finite, load_user_yaml

__all__ = ["SCENARIO_PRIORITY", "Scenario", "apply_scenario", "load_scenario"]

SCENARIO_PRIORITY = 100


@dataclass(frozen=True)
class Scenario:
    """Changes to the law: measures to enact, remove or add."""

    name: str
    description: str = ""
    enact: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    add: tuple[Measure, ...] = ()
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "enact": list(self.enact),
            "remove": list(self.remove),
            "add": [m.id for m in self.add],
        }


@cache
def _builtin_lists() -> dict[str, tuple[str, ...]]:
    return {
        p.stem: read_product_list(p.stem)
        for p in sorted((catalog_dir() / "products").glob("*.csv"))
    }


def _ids(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ScenarioError(f"{where}: {key} must be a list of measure ids")
    return tuple(value)


def scenario_from_mapping(data: Mapping[str, Any], where: str = "scenario") -> Scenario:
    """Build a scenario from parsed YAML; errors name ``where`` and the key."""
    if not isinstance(data, Mapping):
        raise ScenarioError(f"{where}: expected a mapping with name, enact, remove or add")
    bad = first_non_finite(data)
    if bad is not None:
        raise ScenarioError(
            f"{where}: {bad} is not a finite number", hint="write a number such as 25 or 2.5e1"
        )
    unknown = set(data) - {"name", "description", "enact", "remove", "add"}
    if unknown:
        raise ScenarioError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ScenarioError(f"{where}: a scenario needs a name")
    from tariffscope.regime.schedule import load_schedule

    # the catalog's own scopes know which HTS8 lines a 10-digit list covers wholly or in part
    # (regime.resolve.default_catalog); an added measure's must too, or an HTS8 line a list
    # covers only in part is left out silently instead of refined from its 10-digit lines
    children = load_schedule().children
    added: list[Measure] = []
    for index, record in enumerate(data.get("add") or []):
        if not isinstance(record, Mapping):
            raise ScenarioError(f"{where}: add[{index}] must be a measure record")
        try:
            measure = parse_measure(
                {"status": "scenario", **record},
                where=f"{where} add[{index}]",
                lists=_builtin_lists(),
                children=children,
            )
        except CatalogError as error:
            raise ScenarioError(error.message) from None
        added.append(measure)
    return Scenario(
        name=name.strip(),
        description=str(data.get("description", "")),
        enact=_ids(data.get("enact"), "enact", where),
        remove=_ids(data.get("remove"), "remove", where),
        add=tuple(added),
        source=where,
    )


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario file; a missing or malformed file raises ScenarioError naming it."""
    file = Path(path)
    if not file.is_file():
        raise ScenarioError(f"scenario file {str(path)!r} not found")
    try:
        data = load_user_yaml(file.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ScenarioError(f"scenario file {file.name}: not valid YAML ({error})") from None
    return scenario_from_mapping(data, where=file.name)


def _promote(measure: Measure) -> Measure:
    return dataclasses.replace(
        measure, status="scenario", priority=measure.priority + SCENARIO_PRIORITY
    )


def apply_scenario(catalog: Catalog, scenario: Scenario) -> Catalog:
    """The catalog with the scenario's changes; unknown ids raise ScenarioError."""
    known = catalog.by_id
    for measure_id in (*scenario.enact, *scenario.remove):
        if measure_id not in known:
            raise ScenarioError(f"scenario {scenario.name!r}: unknown measure {measure_id!r}")
    for measure in scenario.add:
        if measure.id in known:
            raise ScenarioError(
                f"scenario {scenario.name!r}: added measure {measure.id!r} already exists "
                "in the catalog"
            )
        if measure.group not in catalog.groups:
            raise ScenarioError(
                f"scenario {scenario.name!r}: measure {measure.id} names unknown group "
                f"{measure.group!r}"
            )
        if measure.effective_from is None:
            raise ScenarioError(
                f"scenario {scenario.name!r}: measure {measure.id} needs effective_from"
            )
    measures: list[Measure] = []
    for measure in catalog.measures:
        if measure.id in scenario.remove:
            continue
        if measure.id in scenario.enact:
            if measure.effective_from is None:
                raise ScenarioError(
                    f"scenario {scenario.name!r}: {measure.id} has no effective date to enact it on"
                )
            measure = _promote(measure)
        measures.append(measure)
    measures.extend(_promote(m) for m in scenario.add)
    return catalog.with_measures(measures)


def merge_scenarios(name: str, parts: Sequence[Scenario]) -> Scenario:
    """One scenario doing all of ``parts`` in order."""
    return Scenario(
        name=name,
        description="; ".join(p.description for p in parts if p.description),
        enact=tuple(i for p in parts for i in p.enact),
        remove=tuple(i for p in parts for i in p.remove),
        add=tuple(m for p in parts for m in p.add),
    )
