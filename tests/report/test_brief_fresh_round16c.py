"""Classes of failure that rounds 16a and 16b found and left, each on sentences and stories
written for the test (docs/assumptions.md "Fresh stories, round 16c: classes left by 16a and
16b")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from _brief_cli import brief_json

from tariffscope.domain.news import MeasureMention
from tariffscope.news.api import extract_path
from tariffscope.news.dates import find_dates
from tariffscope.news.dates_story import story_date
from tariffscope.news.ingest import read_article
from tariffscope.regime import default_catalog
from tariffscope.tracker.linking import link_mention

DATA = Path(__file__).with_name("data")
pytestmark = pytest.mark.issue(9)


def test_a_country_named_only_in_an_agreements_name_is_no_party(tmp_path: Path) -> None:
    story = DATA / "synthetic-boats-agreement-name.txt"
    found = [(m.imposer, m.target, m.to_rate_pct) for m in extract_path(story).measures]
    # main: ("USA", "CAN", 30.0), Canada the story's main partner from the agreement's name
    assert found == [("USA", "WLD", 30.0)]
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    assert data["pair"] == ["USA", "WLD"]


def test_a_country_named_as_the_venue_of_talks_is_no_party() -> None:
    found = extract_path(DATA / "synthetic-talks-venue-two-sides.txt")
    # main: the agreement and the talks of "the two sides" were Sweden's and the US's
    parties = {p for e in found.events for p in e.participants}
    assert "SWE" not in parties and {"USA", "CHN"} <= parties
    assert [(m.imposer, m.target) for m in found.measures] == [("USA", "CHN")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The agency said yesterday (3 March 2026) that the duty on rice ends.", "2026-03-04"),
        ("The agency said yesterday, March 3, 2026, that the duty on rice ends.", "2026-03-04"),
        # no gloss: the date is the latest the story states
        ("The agency said on 3 March 2026 that the duty on rice ends.", "2026-03-03"),
        ("The agency said yesterday that the 3 March 2026 notice holds.", "2026-03-03"),
    ],
)
def test_a_date_that_glosses_yesterday_is_the_day_before_the_story(text: str, day: str) -> None:
    clue = story_date([(e, 0) for e in find_dates(text)], text=text, horizon=dt.date(2031, 1, 1))
    # main: every one on 2026-03-03
    assert clue is not None and clue.day.isoformat() == day


@pytest.mark.parametrize(
    ("target", "rate", "published", "measure"),
    [
        ("BRA", 40.0, dt.date(2025, 11, 20), "BRA-IEEPA-40"),
        ("IND", 25.0, dt.date(2025, 10, 1), "IND-RUSOIL-25"),
    ],
)
def test_a_threat_the_law_carried_out_before_the_story_is_the_law(
    target: str, rate: float, published: dt.date, measure: str
) -> None:
    # "In July, the administration announced plans to impose the 40% tariff", told after it
    # took effect: main priced it as a new threat on top of the law
    told = MeasureMention("USA", target, "all goods", None, rate, None, "threatened", 0, 10)
    link = link_mention(told, published, default_catalog())
    assert link.measure_id == measure and link.status == "in_force" and link.candidate is None


@pytest.mark.parametrize(
    ("target", "goods", "rate", "published"),
    [
        # the 40% on transshipped goods of every origin is no threat on one country carried out
        ("VNM", "all goods", 40.0, dt.date(2025, 8, 20)),
        # a threat on every origin may be a new sector's, beside the 25% on cars in force
        ("WLD", "imported vehicles", 25.0, dt.date(2025, 9, 20)),
    ],
)
def test_a_threat_beside_a_measure_in_force_on_every_origin_stays_a_threat(
    target: str, goods: str, rate: float, published: dt.date
) -> None:
    told = MeasureMention("USA", target, goods, None, rate, None, "threatened", 0, 10)
    link = link_mention(told, published, default_catalog())
    assert link.measure_id is None and link.status == "threatened"


def test_the_capitals_of_a_transcripts_speaker_label_are_no_person(tmp_path: Path) -> None:
    story = tmp_path / "transcript.txt"
    story.write_text(
        "title: Transcript: the ministers after the call\n\nPublished: 2025-06-12\n\n"
        "MARIA SOLANO, MINISTER OF THE ECONOMY OF PERU: We accept a 10 percent tariff on our "
        "coffee.\nHOST: The minister spoke after the call with Washington.\n",
        encoding="utf-8",
    )
    names = [a.name for a in extract_path(story).actors]
    # main: a person "OF THE", minister of the economy
    assert "OF THE" not in names


def test_a_word_a_pdfs_hyphenation_broke_is_joined_as_the_story_writes_it(
    tmp_path: Path,
) -> None:
    story = tmp_path / "pdf.txt"
    text = (
        "title: Copper duty notice\npublished: 2025-08-04\n\n"
        "The new tar-\niffs on copper start in May. The tariffs add to the trade-\n"
        "weighted rate, a trade-weighted average. A tight dead-\nline applies.\n"
    )
    story.write_bytes(text.encode("utf-8"))
    body = read_article(story).text
    # main kept "tar-\niffs" and "trade-\nweighted" broken
    assert "The new tariffs" in body and "the trade-weighted\n rate" in body
    assert "dead-\nline" in body  # a word the story writes nowhere else is left as it is
    assert len(body) == len(text.split("\n\n", 1)[1])  # offsets kept
