"""Running ``tariffscope brief`` on a story file in the report tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from tariffscope.cli import app

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "brief.schema.json").read_text("utf-8")
)


def brief_json(story: Path, out: Path, *options: str) -> dict[str, Any]:
    """The brief of ``story`` as written with ``--json out``: the run exits 0, and the JSON is
    strict (no NaN) and valid against docs/brief.schema.json."""
    result = CliRunner().invoke(app, ["brief", str(story), "--json", str(out), *options])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"), parse_constant=pytest.fail)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    return data
