"""Classes left by round 17's fresh-story lanes, each on sentences and stories written for the
test (docs/assumptions.md "Fresh stories, round 18: classes left by round 17")."""

from __future__ import annotations

from pathlib import Path

import pytest
from _brief_cli import brief_json

DATA = Path(__file__).with_name("data")
pytestmark = pytest.mark.issue(9)


def test_a_bloc_named_before_non_members_is_the_pair(tmp_path: Path) -> None:
    story = DATA / "synthetic-bloc-named-before-non-members.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: USA-VEN, the bloc's 10% read onto the first non-member the story names
    assert data["pair"] == ["USA", "MERCOSUR"]
    assert any("Mercosur (MERCOSUR: ARG, BOL, BRA, PRY, URY" in w for w in data["warnings"])


def test_a_roundup_of_deals_is_the_pair_with_all_partners(tmp_path: Path) -> None:
    story = DATA / "synthetic-roundup-of-deals.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    # main: USA-IDN, the first deal of the roundup
    assert data["pair"] == ["USA", "WLD"]
    assert any("USA-IDN" in w and "USA-PHL" in w for w in data["warnings"])


def test_a_headline_partner_keeps_a_story_with_many_partners() -> None:
    from tariffscope.domain.news import ArticleMeta, Extraction, MeasureMention
    from tariffscope.tracker._pairs import rank_pairs

    def rate(target: str, status: str, start: int) -> MeasureMention:
        return MeasureMention(
            imposer="USA",
            target=target,
            products="all goods",
            from_rate_pct=None,
            to_rate_pct=20.0,
            effective_date=None,
            status=status,
            start=start,
            end=start + 3,
        )

    measures = [
        rate("WLD", "in_force", 0),
        rate("IDN", "agreed", 50),
        rate("PHL", "agreed", 100),
        rate("IND", "threatened", 150),
    ]
    # the headline names a partner: its story, however many others it compares
    named = Extraction(ArticleMeta(title="India weighs US offer"), measures=tuple(measures))
    assert rank_pairs([named])[0] == ("USA", "IND")
    unnamed = Extraction(ArticleMeta(title="Where the talks stand"), measures=tuple(measures))
    assert rank_pairs([unnamed])[0] == ("USA", "WLD")


def test_a_law_passed_to_start_later_is_not_in_force() -> None:
    from tariffscope.news.api import extract_path

    found = extract_path(DATA / "synthetic-law-to-start-next-year.txt")
    read = {(m.target, m.to_rate_pct): m for m in found.measures}
    # main: both in force ("has approved imposing" past, the start ignored)
    assert read[("VNM", 30.0)].status == "threatened"  # "starting next year"
    assert read[("LAO", 20.0)].status == "threatened"  # "starting on January 1, 2026"
    assert str(read[("LAO", 20.0)].effective_date) == "2026-01-01"


@pytest.mark.parametrize(
    ("text", "preposition"),
    [
        ("tariffs of 20%, starting on January 1, 2026", "starting"),
        ("a duty beginning in March 2026", "beginning"),
        ("duties from next year", "from"),
        ("the levy on January 1, 2026", "on"),
    ],
)
def test_a_start_word_before_a_date_is_its_preposition(text: str, preposition: str) -> None:
    from tariffscope.news.dates import find_dates

    assert find_dates(text)[-1].preposition == preposition


def test_one_rate_on_a_list_of_countries_is_a_measure_on_each() -> None:
    from tariffscope.news.api import extract_path

    found = extract_path(DATA / "synthetic-one-rate-listed-countries.txt")
    # main: COL alone (the country of the next sentence's capital), the list read as no owner
    assert {(m.imposer, m.target, m.to_rate_pct, m.status) for m in found.measures} == {
        ("USA", code, 15.0, "threatened") for code in ("CHL", "PER", "COL", "ECU")
    }


@pytest.mark.parametrize(
    ("sentence", "receivers"),
    [
        ("The 20% duties will apply to Chile and Peru.", ["CHL", "PER"]),
        ("New tariffs took effect on March 4 against Canada and Mexico.", ["CAN", "MEX"]),
        # the object of the preposition is no place: the places in it are no receivers
        ("The tariffs would add to costs in Canada.", []),
    ],
)
def test_a_tariff_subject_receives_its_places_after_a_preposition(
    sentence: str, receivers: list[str]
) -> None:
    from tariffscope.news._measure_target import frame_receivers
    from tariffscope.news.lexicon import default_lexicon
    from tariffscope.news.pipeline import load_pipeline

    doc = load_pipeline()(sentence)
    noun = next(t for t in doc if t.lemma_.lower() in {"duty", "tariff"})
    assert frame_receivers(noun, default_lexicon()) == receivers


@pytest.mark.parametrize(
    ("sentence", "imposer", "target"),
    [
        # main: a US tariff on the subject (the parser joins "the US" to the tariff noun)
        ("Officials said Tonga charges the US 40 percent tariffs.", "TON", "USA"),
        ("Vietnam offered the US zero tariffs on cars.", "VNM", "USA"),
        # a receiver the parser reads as one keeps its reading
        ("The US charges Fiji a 32% tariff.", "USA", "FJI"),
    ],
)
def test_a_partner_charging_the_us_is_the_imposer(
    tmp_path: Path, sentence: str, imposer: str, target: str
) -> None:
    from tariffscope.news.api import extract_path

    story = tmp_path / "story.txt"
    story.write_text(f"title: Trade news\n\nMarch 3, 2025 - {sentence}\n", encoding="utf-8")
    found = extract_path(story)
    assert [(m.imposer, m.target) for m in found.measures] == [(imposer, target)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States has ceased collecting the 20% tariffs on Chinese goods.",
        "Washington halted the 50% tariff on Indian textiles last week.",
    ],
)
def test_a_rate_stopped_is_not_in_force(tmp_path: Path, sentence: str) -> None:
    from tariffscope.news.api import extract_path

    story = tmp_path / "story.txt"
    story.write_text(f"title: Trade news\n\nMarch 3, 2025 - {sentence}\n", encoding="utf-8")
    # main: in force
    assert [m.status for m in extract_path(story).measures] == ["suspended"]
