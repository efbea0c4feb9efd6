"""Strict JSON everywhere: no NaN or Infinity in any JSON the CLI writes (null instead).

Python's ``json.dumps`` writes ``NaN`` and ``Infinity`` by default, which browsers, ``jq`` and
JSON Schema validators reject. Every command goes through one helper
(:mod:`tariffscope.strict_json`, printed by :mod:`tariffscope.cli._json`); these tests feed
non-finite numbers through the helper and through each command that can produce them.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.strict_json import jsonable, loads_strict, to_json

SRC = Path(__file__).resolve().parents[2] / "src" / "tariffscope"
ROOT = Path(__file__).resolve().parents[2]
NONFINITE = {"nan": math.nan, "inf": math.inf, "minus_inf": -math.inf}


class Colour(enum.Enum):
    RED = "red"


def test_non_finite_numbers_become_null_at_any_depth() -> None:
    value = {
        "a": math.nan,
        "b": [1.0, math.inf, (-math.inf, 2)],
        "c": {"d": np.float64("nan"), "e": np.array([1.0, np.inf]), "f": np.int64(3)},
        "g": pd.NA,
        "h": pd.NaT,
        "i": np.float32("inf"),
    }
    assert jsonable(value) == {
        "a": None,
        "b": [1.0, None, [None, 2]],
        "c": {"d": None, "e": [1.0, None], "f": 3},
        "g": None,
        "h": None,
        "i": None,
    }
    text = to_json(value)
    assert "NaN" not in text and "Infinity" not in text
    assert loads_strict(text)["b"] == [1.0, None, [None, 2]]


def test_dates_paths_enums_sets_frames_and_records() -> None:
    frame = pd.DataFrame({"x": [1.0, np.nan], "when": pd.to_datetime(["2025-08-01", None])})
    value = {
        "day": dt.date(2025, 8, 1),
        "path": Path("/tmp/brief.json"),
        "colour": Colour.RED,
        "codes": {"BRA", "USA"},
        "frame": frame,
        1: "int key",
    }
    assert loads_strict(to_json(value)) == {
        "day": "2025-08-01",
        "path": "/tmp/brief.json",
        "colour": "red",
        "codes": ["BRA", "USA"],
        "frame": [{"x": 1.0, "when": "2025-08-01T00:00:00"}, {"x": None, "when": None}],
        "1": "int key",
    }


def test_the_strict_parser_refuses_what_python_would_accept() -> None:
    for text in ('{"x": NaN}', "[Infinity]", "[-Infinity]"):
        with pytest.raises(ValueError, match="not strict JSON"):
            loads_strict(text)


def test_every_json_output_of_the_cli_goes_through_the_helper() -> None:
    """No command or renderer serialises JSON by itself (json.dumps writes NaN)."""
    allowed = {SRC / "strict_json.py"}
    offenders = []
    for path in [*(SRC / "cli").glob("*.py"), *(SRC / "report").glob("*.py")]:
        if path in allowed:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (r"json\.dumps\(", r"json\.dump\(", r"print_json\(data=", r"\.to_json\("):
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(SRC)}: {pattern}")
    assert offenders == []
    cli_json = [p for p in (SRC / "cli").glob("*.py") if "print_json(" in p.read_text()]
    for path in cli_json:
        if path.name == "_json.py":
            continue
        assert "from tariffscope.cli._json import" in path.read_text(), path.name


def _with_nonfinite(original: Any) -> Any:
    def to_dict(self: Any) -> Any:
        data = original(self)
        if isinstance(data, dict):
            return {**data, **NONFINITE}
        return data

    return to_dict


def _strict_stdout(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    assert "NaN" not in result.stdout and "Infinity" not in result.stdout
    return loads_strict(result.stdout)


def test_rate_and_history_json_with_non_finite_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    from tariffscope.regime.history import Change
    from tariffscope.regime.resolve import Resolution

    monkeypatch.setattr(Resolution, "to_dict", _with_nonfinite(Resolution.to_dict))
    monkeypatch.setattr(Change, "to_dict", _with_nonfinite(Change.to_dict))
    runner = CliRunner()
    data = _strict_stdout(
        runner.invoke(
            app, ["rate", "87032301", "--origin", "KOR", "--date", "2025-08-01", "--format", "json"]
        )
    )
    assert data["nan"] is None and data["inf"] is None and data["minus_inf"] is None
    assert data["origin"] == "KOR" and data["total_pct"] > 0
    changes = _strict_stdout(
        runner.invoke(
            app,
            ["history", "87032301", "--origin", "DEU", "--from", "2025-01-01", "--format", "json"],
        )
    )
    assert changes and all(c["nan"] is None for c in changes)


@pytest.mark.parametrize("command", ["simulate", "compare"])
def test_simulate_and_compare_json_with_non_finite_numbers(
    monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    import tariffscope.impact.pe.pricing as pricing

    headline_rows = pricing.headline_rows

    def rows(outcome: Any) -> list[dict[str, Any]]:
        return [{**row, "point": math.nan, "p95": math.inf} for row in headline_rows(outcome)]

    # the CLI, the API and the service build the headline records in one place
    monkeypatch.setattr(pricing, "headline_rows", rows)
    args = [command, "--partner", "CHN", "--draws", "10", "--format", "json"]
    if command == "simulate":
        args += ["--date", "2025-07-18"]
    else:
        args += ["--case", "law,2025-07-18"]
    data = _strict_stdout(CliRunner().invoke(app, args))
    headline = data["headline"] if command == "simulate" else data["cases"][0]["headline"]
    assert headline and all(r["point"] is None and r["p95"] is None for r in headline)


def test_extract_json_with_non_finite_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    from tariffscope.domain.news import Extraction

    monkeypatch.setattr(Extraction, "to_dict", _with_nonfinite(Extraction.to_dict))
    story = ROOT / "examples" / "ishiba-bessent-2025-07-18.txt"
    data = _strict_stdout(CliRunner().invoke(app, ["extract", str(story), "--format", "json"]))
    assert data["inf"] is None and data["article"]["published"] == "2025-07-18"


@pytest.mark.shared
def test_ge_json_turns_the_models_missing_values_into_null(shared: Path) -> None:
    # a country's exports to itself are undefined (NaN in the model's table)
    scenario = ROOT / "examples" / "scenarios" / "japan-letter-25pct-from-2025-08-01.yaml"
    data = _strict_stdout(
        CliRunner().invoke(
            app, ["ge", "--scenario", str(scenario), "--model", "gravity", "--format", "json"]
        )
    )
    usa = next(row for row in data["countries"] if row["country"] == "USA")
    assert usa["exports_to_usa_pct"] is None
