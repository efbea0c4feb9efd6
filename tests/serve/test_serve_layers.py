"""The service is a layer over the Python API: no module of it reaches into the CLI."""

from __future__ import annotations

import ast
from pathlib import Path

import tariffscope.serve

SERVE = Path(tariffscope.serve.__file__).resolve().parent


def imported_modules(source: str) -> set[str]:
    """Every module a source file imports (at any depth, lazy imports included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_scan_sees_lazy_imports() -> None:
    source = "def f():\n    from tariffscope.cli.rate import x\n    import tariffscope.cli\n"
    assert {"tariffscope.cli.rate", "tariffscope.cli"} <= imported_modules(source)
    assert "tariffscope.cli" in imported_modules("from tariffscope import cli\n")


def test_no_serve_module_imports_the_cli() -> None:
    files = sorted(SERVE.glob("*.py"))
    assert len(files) >= 10  # the scan sees the package
    offenders = {
        path.name: sorted(
            n
            for n in imported_modules(path.read_text(encoding="utf-8"))
            if n == "tariffscope.cli" or n.startswith("tariffscope.cli.")
        )
        for path in files
    }
    assert {name: found for name, found in offenders.items() if found} == {}
