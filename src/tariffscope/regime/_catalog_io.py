"""Reading and validating the catalog's data files (YAML against ``schema.json``, product CSVs).

Shared by the loaders of measures (:mod:`tariffscope.regime.catalog`), programmes
(:mod:`tariffscope.regime.programmes`) and scenarios.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from tariffscope.errors import CatalogError
from tariffscope.regime.scope import normalize_prefix

if TYPE_CHECKING:
    import jsonschema

__all__ = [
    "CATALOG_DIR",
    "as_date",
    "plain",
    "read_product_list",
    "read_yaml",
    "validate",
]

CATALOG_DIR = Path(__file__).resolve().parent / "catalog"
# libyaml's loader when PyYAML was built with it (ten times faster on the catalog)
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def as_date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise CatalogError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


@cache
def _validator(definition: str) -> jsonschema.protocols.Validator:
    """A validator for one definition of ``schema.json`` (its references resolved in the file)."""
    import jsonschema  # here: a catalog read from the user cache is not validated again

    with (CATALOG_DIR / "schema.json").open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return jsonschema.Draft7Validator({**schema, "$ref": f"#/definitions/{definition}"})


def validate(instance: Any, definition: str, where: str) -> None:
    import jsonschema

    error = jsonschema.exceptions.best_match(_validator(definition).iter_errors(instance))
    if error is not None:
        path = ".".join(str(part) for part in error.absolute_path) or "(record)"
        raise CatalogError(f"{where}: {path}: {error.message}")


def plain(value: Any) -> Any:
    """YAML reads bare dates as date objects; the schema validates their ISO text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return plain(yaml.load(handle, Loader=_YAML_LOADER))
    except yaml.YAMLError as error:
        raise CatalogError(f"{path.name}: not valid YAML ({error})") from None


def read_product_list(name: str, directory: Path | None = None) -> tuple[str, ...]:
    """The HTS prefixes of the product list ``name`` (``products/<name>.csv``, column ``hts``)."""
    path = (directory or CATALOG_DIR / "products") / f"{name}.csv"
    if not path.exists():
        raise CatalogError(f"product list {name!r} not found ({path.name} is missing)")
    with path.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(line for line in handle if not line.startswith("#"))]
    try:
        return tuple(normalize_prefix(row["hts"]) for row in rows)
    except (KeyError, ValueError) as error:
        raise CatalogError(f"product list {path.name}: {error}") from None
