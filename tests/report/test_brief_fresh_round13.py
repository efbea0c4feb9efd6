"""Classes of failure found by briefing fresh stories (round 13), on a story written for the
test: an undated page is not dated by its photo caption ("A view taken on March 3, 2024 shows
..."), and the year and month closing a URL folder's name ("/meldungen-2025-08/") date it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from tariffscope.cli import app

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "brief.schema.json").read_text(encoding="utf-8"))
CAPTIONED = Path(__file__).with_name("data") / "synthetic-caption-dated-story.txt"
pytestmark = pytest.mark.issue(9)


def test_an_undated_story_is_dated_by_its_url_folder_not_its_photo_caption(
    tmp_path: Path,
) -> None:
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(
        app, ["brief", str(CAPTIONED), "--draws", "0", "--ge", "none", "--json", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"), parse_constant=pytest.fail)
    # the caption's March 2024 is the picture's day; the URL gives August 2025, read at its end
    assert data["as_of"] == "2025-08-31"
    assert any("URL" in w and "2025-08" in w for w in data["warnings"])
    assert data["pair"] == ["USA", "KEN"]
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
