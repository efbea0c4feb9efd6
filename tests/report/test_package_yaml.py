"""The package's YAML tables are parsed once per process, to what PyYAML's SafeLoader gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tariffscope.package_yaml import package_yaml

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "tariffscope"
TABLES = sorted(PACKAGE.rglob("*.yaml"))


@pytest.mark.parametrize("path", TABLES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_each_table_reads_as_safe_loader_reads_it(path: Path) -> None:
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert package_yaml(path) == expected
    assert repr(package_yaml(path)) == repr(expected)  # same types, same key order


def test_a_table_is_parsed_once_and_shared() -> None:
    groups = PACKAGE / "tracker" / "data" / "product_groups.yaml"
    same = PACKAGE / "report" / ".." / "tracker" / "data" / "product_groups.yaml"
    assert package_yaml(groups) is package_yaml(groups)
    assert package_yaml(same.resolve()) is package_yaml(groups)
