"""The HTS scopes of the product words in tracker/data/product_groups.yaml (issue 9, round 13).

Every prefix of every entry's scope and every example line must name lines of the embedded HTS
2025 schedule (data/embedded/hts_2025_schedule.csv.gz), so a reported duty on those goods is
priced on real lines; goods no catalog group holds stack as the news-only group.
"""

from __future__ import annotations

import csv
import gzip
from functools import cache
from pathlib import Path

import pytest
import yaml

from tariffscope.config import embedded_dir
from tariffscope.regime.catalog import load_catalog

GROUPS = Path(__file__).resolve().parents[2] / "src/tariffscope/tracker/data/product_groups.yaml"
pytestmark = pytest.mark.issue(9)


@cache
def table() -> dict[str, dict[str, object]]:
    with GROUPS.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, object]] = yaml.safe_load(handle)
    return data


@cache
def schedule_codes() -> tuple[str, ...]:
    with gzip.open(embedded_dir() / "hts_2025_schedule.csv.gz", "rt", encoding="utf-8") as handle:
        return tuple(row["hts"] for row in csv.DictReader(handle) if row["hts"])


def entries_with_prefixes() -> list[tuple[str, str]]:
    return [
        (word, prefix)
        for word, entry in table().items()
        for prefix in entry.get("scope", {}).get("include", [])  # type: ignore[union-attr]
    ]


@pytest.mark.parametrize(("word", "prefix"), entries_with_prefixes())
def test_every_scope_prefix_names_lines_of_the_2025_schedule(word: str, prefix: str) -> None:
    assert prefix.isdigit() and 2 <= len(prefix) <= 10, (word, prefix)
    assert any(code.startswith(prefix) for code in schedule_codes()), (word, prefix)


def test_every_example_line_is_in_the_2025_schedule() -> None:
    codes = set(schedule_codes())
    missing = [
        (word, entry["example"]["hts"])  # type: ignore[index]
        for word, entry in table().items()
        if "example" in entry and str(entry["example"]["hts"]).replace(".", "") not in codes  # type: ignore[index]
    ]
    assert missing == []


def test_groups_are_catalog_groups_and_goods_without_one_are_news_only() -> None:
    catalog = load_catalog()
    for word, entry in table().items():
        groups = entry.get("groups")
        assert isinstance(groups, list), word
        assert set(groups) <= set(catalog.groups), word
        if "scope" in entry and not groups:
            assert entry["authority"] == "news" and entry.get("source"), word
    assert catalog.groups["news_goods"].authority == "news"
