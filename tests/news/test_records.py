"""Records: JSON round trip and the extraction schema."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from tariffscope.domain.news import (
    Actor,
    ArticleMeta,
    Deadline,
    Event,
    Extraction,
    MeasureMention,
    Quote,
)


def _sample() -> Extraction:
    return Extraction(
        article=ArticleMeta("t", dt.date(2025, 9, 12), "Bloomberg", None, 48),
        actors=(Actor("Lawrence Wong", "Prime Minister", "SGP", 0, 13, ((0, 13),)),),
        events=(
            Event(
                "meeting",
                dt.date(2025, 9, 12),
                "day",
                "on Friday",
                "Singapore",
                ("Lawrence Wong", "Jamieson Greer"),
                "happened",
                10,
                20,
            ),
            Event(
                "visit",
                None,
                None,
                None,
                "Washington",
                ("Gan Kim Yong",),
                "happened",
                30,
                40,
                count=7,
            ),
        ),
        quotes=(
            Quote("A good agreement would be reached.", "Jamieson Greer", "Lawrence Wong", 50, 80),
        ),
        measures=(
            MeasureMention(
                "USA", "SGP", "all goods", 10.0, 25.0, dt.date(2025, 10, 1), "threatened", 90, 100
            ),
        ),
        deadlines=(Deadline(dt.date(2025, 10, 1), "tariffs rise", 110, 116),),
    )


@pytest.mark.shared
def test_json_validates_against_the_schema(schema: dict[str, object]) -> None:
    data = json.loads(_sample().to_json())
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert data["measures"][0]["from_rate"] == 10.0  # schema names, percent numbers
    assert "date_precision" not in data["events"][1]  # only when there is a date
    assert data["events"][1]["count"] == 7


def test_round_trip() -> None:
    sample = _sample()
    assert Extraction.from_dict(json.loads(sample.to_json())) == sample


def test_bad_enum_values_are_refused() -> None:
    data = _sample().to_dict()
    data["measures"][0]["status"] = "maybe"
    with pytest.raises(ValueError, match="status must be one of"):
        Extraction.from_dict(data)


@pytest.mark.shared
def test_every_gold_file_reads(shared: Path, schema: dict[str, object]) -> None:
    files = sorted((shared / "articles" / "dev" / "gold").glob("*.json"))
    assert len(files) == 30
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
        extraction = Extraction.from_dict(data)
        assert len(extraction.quotes) == len(data["quotes"])
