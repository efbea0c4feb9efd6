"""examples/etr_monthly_table.py runs, and docs/etr.md holds what it prints (first months)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.shared, pytest.mark.issue(9)]


def _example(repo_root: Path) -> object:
    spec = importlib.util.spec_from_file_location(
        "etr_monthly_table", repo_root / "examples" / "etr_monthly_table.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _doc_rows(repo_root: Path) -> dict[str, list[float]]:
    """The first five number columns of each month of the table in docs/etr.md."""
    text = (repo_root / "docs" / "etr.md").read_text(encoding="utf-8")
    rows = {}
    for month, cells in re.findall(r"^\| (Jan|Feb|Mar) \|(.*)\|$", text, flags=re.M):
        parts = [c.strip() for c in cells.split("|")]
        rows[month] = [float(parts[k]) for k in (0, 1, 2, 3)] + [float(parts[5])]
    return rows


def test_the_first_months_of_the_docs_table(repo_root: Path, shared: Path) -> None:
    table = _example(repo_root).main(["--to", "2025-02"])  # type: ignore[attr-defined]
    assert list(table.index) == ["2025-01", "2025-02"]
    columns = [
        "applied",
        "applied after substitution",
        "statutory",
        "applied, no metal",
        "realized",
    ]
    documented = _doc_rows(repo_root)
    for month, label in (("2025-01", "Jan"), ("2025-02", "Feb")):
        computed = [round(float(table.loc[month, c]), 1) for c in columns]
        assert computed == documented[label], month
    # claims and metal content only lower the rate
    assert (table["applied"] <= table["statutory"]).all()
    assert (table["applied, no metal"] <= table["applied"] + 1e-9).all()
