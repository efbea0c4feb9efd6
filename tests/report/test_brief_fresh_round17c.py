"""Classes of failure found on round 17c's fresh stories, each on sentences and stories
written for the test (docs/assumptions.md "Fresh stories, round 17c")."""

from __future__ import annotations

from pathlib import Path

import pytest
from _brief_cli import brief_json

from tariffscope.news.api import extract_path
from tariffscope.news.pipeline import load_pipeline

DATA = Path(__file__).with_name("data")
pytestmark = pytest.mark.issue(9)


def test_a_cut_by_a_percentage_is_no_rate() -> None:
    found = extract_path(DATA / "synthetic-cut-by-amount.txt")
    # main: "agreed ... to cut their tariffs by 40%" was a 40% agreed on all Peruvian goods
    # (priced as the deal) and "Copper duties were also reduced by 5%" a 5% duty on copper
    assert sorted(m.to_rate_pct for m in found.measures) == [5.0, 20.0]
    assert all(m.products == "all goods" for m in found.measures)


def test_an_old_year_the_story_recalls_does_not_date_it(tmp_path: Path) -> None:
    story = DATA / "synthetic-old-year-ahead-month.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: 2000-05-31, "in May 2000" (when Agoa was passed) with "in July" told as ahead
    # barred the floor of the 47% in force it reports
    assert data["pair"] == ["USA", "MDG"]
    assert data["as_of"] == "2025-04-09"
    assert data["dating"][0]["basis"] == "catalog"


def test_a_rate_before_and_takes_the_tariff_noun_of_its_own_conjunct() -> None:
    found = extract_path(DATA / "synthetic-cut-by-amount.txt")
    # main: the 20% took "Peruvian tariffs on U.S. goods" of the next conjunct (as near in
    # the tree), so the US cut read as Peru's tariff on US goods
    assert sorted((m.imposer, m.target, m.to_rate_pct) for m in found.measures) == [
        ("PER", "USA", 5.0),
        ("USA", "PER", 20.0),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts expect the effective US tariff rate to settle near 17% by December.",
        "The average US tariff rate on imports from Peru will rise to 12% next year.",
    ],
)
def test_a_statistic_of_many_rates_is_no_measure(sentence: str) -> None:
    doc = load_pipeline()(sentence)
    # main: a measure at the statistic's value (the effective 15% dated a market story by a
    # Section 232 action on "effective" goods)
    assert doc._.tariffscope_measures == []


def test_a_rate_beside_a_statistic_is_read() -> None:
    doc = load_pipeline()("The US will impose a 25% tariff on Peruvian copper, the average rate.")
    assert [(m["target"], m["to_rate"]) for m in doc._.tariffscope_measures] == [("PER", 25.0)]


def test_a_rate_dated_by_effective_after_its_noun_is_read() -> None:
    doc = load_pipeline()("Peru announced a 10% tariff on US wheat, effective from March 1.")
    assert [(m["target"], m["to_rate"]) for m in doc._.tariffscope_measures] == [("USA", 10.0)]
