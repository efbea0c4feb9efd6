"""Classes left by round 17's fresh stories, each on sentences and stories written for the
test (docs/assumptions.md "Fresh stories, round 17b: classes left by round 17")."""

from __future__ import annotations

from pathlib import Path

import pytest
from _brief_cli import brief_json

from tariffscope.news._measure_parts import goods_of
from tariffscope.news.api import extract_path
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.pipeline import load_pipeline

DATA = Path(__file__).with_name("data")
pytestmark = pytest.mark.issue(9)


def test_a_cap_on_named_partners_takes_the_goods_of_the_duty_before_it() -> None:
    found = extract_path(DATA / "synthetic-sector-cap-named-partners.txt")
    capped = sorted(
        (m.target, m.products, m.to_rate_pct) for m in found.measures if m.target != "WLD"
    )
    # main: ("KOR", "all goods", 15.0) and ("EUN", "all goods", 15.0), a threat on every good
    # of the two partners, and the 10% "that shall not exceed" on all goods too
    assert capped
    assert {products for _, products, _ in capped} == {"glazed tiles"}
    assert {("KOR", 15.0), ("EUN", 15.0)} <= {(t, r) for t, _, r in capped}


def test_a_cap_on_named_partners_does_not_outrank_the_duty_on_every_origin(
    tmp_path: Path,
) -> None:
    story = DATA / "synthetic-sector-cap-named-partners.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: USA-EUN, the cap a change on a pair of two parties, ranked before all partners
    assert data["pair"] == ["USA", "WLD"]


@pytest.mark.parametrize(
    ("words", "i"),
    [
        (["other", "European", "countries"], 1),
        (["a", "European", "nation"], 1),
        (["European", "states"], 0),
    ],
)
def test_a_class_of_european_countries_is_not_the_eu(words: list[str], i: int) -> None:
    # main: EUN (the demonym "European" alone)
    assert default_lexicon().place_at(words, i) is None


def test_the_eu_is_still_named_by_its_adjective() -> None:
    lex = default_lexicon()
    assert lex.place_at(["European", "goods"], 0) is not None
    assert lex.place_code("European Union") == "EUN"


def test_other_european_countries_get_no_eu_rate() -> None:
    found = extract_path(DATA / "synthetic-other-european-countries.txt")
    # main: ISL and EUN, the EU read from "other European countries"
    assert [m.target for m in found.measures] == ["ISL"]


@pytest.mark.parametrize(
    ("sentence", "head", "origin"),
    [
        ("Consider the duties imposed on a broad set of goods from Vietnam.", "set", "VNM"),
        ("The duties were laid on a large number of goods from Peru.", "number", "PER"),
        ("Officials put levies on a broad array of goods from Kenya.", "array", "KEN"),
    ],
)
def test_goods_of_a_quantity_take_the_origin_on_the_quantity(
    sentence: str, head: str, origin: str
) -> None:
    doc = load_pipeline()(sentence)
    noun = next(t for t in doc if t.text == head)
    # main: no target, the origin hangs on the quantity noun, not on "goods"
    assert goods_of(noun, default_lexicon()).targets == (origin,)


def test_these_duties_of_another_origin_are_not_the_story_partners() -> None:
    found = extract_path(DATA / "synthetic-these-duties-other-origin.txt")
    # main: THA 30% and 60% in force, the duties on Vietnam's goods told the sentence before
    # read onto the story's partner
    assert "THA" not in {m.target for m in found.measures}
    assert {m.target for m in found.measures} == {"VNM"}


def test_goods_in_a_market_that_face_a_rate_are_the_goods_not_the_market() -> None:
    found = extract_path(DATA / "synthetic-goods-in-a-market-face.txt")
    rates = {(m.imposer, m.target, m.products, m.to_rate_pct) for m in found.measures}
    # main: ("PER", "USA", "market", 30.0), the market read as the goods, the story's
    # partner as the imposer and the market's owner as the target
    assert ("USA", "CHL", "wire", 30.0) in rates
    assert not any(target == "USA" for _, target, _, _ in rates)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Analysts worry about the prospects of Chilean wine in the Chinese market, which "
            "still faces a 20% tariff.",
            [("CHN", "CHL", "wine")],
        ),
        (
            "Growers fear for Peruvian grapes in the EU market, which face a 12% tariff.",
            [("EUN", "PER", "grapes")],
        ),
    ],
)
def test_the_goods_of_a_market_clause_come_before_the_market(
    sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    doc = load_pipeline()(sentence)
    rates = [(m["imposer"], m["target"], m["products"]) for m in doc._.tariffscope_measures]
    # main: the market or the prospects as the goods
    assert rates == expected


def test_goods_let_in_at_a_rate_by_a_passive_are_its_subject() -> None:
    found = extract_path(DATA / "synthetic-quota-passive-at-rate.txt")
    rates = {(m.imposer, m.target, m.products, m.to_rate_pct) for m in found.measures}
    # main: ("CHL", "PER", "all goods", 4.0), the passive's subject missed, so the rate was
    # read the wrong way round, on all the importer's goods
    assert ("PER", "CHL", "trucks", 4.0) in rates
    assert all(imposer == "PER" for imposer, _, _, _ in rates)
