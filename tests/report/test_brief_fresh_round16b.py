"""Classes of failure found by briefing fresh stories of hard shapes (round 16b: transcripts,
live blogs, analyses, pairs without the United States, bad inputs), each on a story or
sentence written for the test."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest
from _brief_cli import brief_json
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.errors import ExtractionError
from tariffscope.news.api import extract
from tariffscope.news.dates import find_dates
from tariffscope.news.dates_story import numeric_dates, story_date
from tariffscope.news.ingest import article_from_bytes, article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.tracker._blocs import headline_blocs_pair

DATA = Path(__file__).with_name("data")
pytestmark = pytest.mark.issue(9)


def _story_day(text: str, ways: dict[str, int], horizon: dt.date | None = None) -> dt.date | None:
    """The story's day from ``text`` with the direction ``ways`` gives each date by its text
    and position ("April 13@1" for the second "April 13"), no law."""
    seen: dict[str, int] = {}
    exprs = []
    for expr in find_dates(text):
        n = seen[expr.text] = seen.get(expr.text, -1) + 1
        exprs.append((expr, ways.get(f"{expr.text}@{n}", ways.get(expr.text, 0))))
    found = story_date(exprs, text=text, horizon=horizon)
    return None if found is None else found.day


def test_a_clock_time_after_a_date_is_no_day_of_a_range() -> None:
    found = find_dates("Aired May 08, 2026 - 11:00 ET\n\nTalks run Dec. 9-11 in Delhi.")
    # main read "May 08, 2026 - 11" as a range from May 8 to May 11, so the air date looked ahead
    assert (found[0].text, found[0].preposition) == ("May 08, 2026", None)
    assert [e.day for e in found if e.month == 5] == [8]
    assert [e.day for e in found if e.month == 12] == [9, 11]  # a range of days still is one


def test_a_transcript_is_dated_by_the_day_it_aired(tmp_path: Path) -> None:
    story = DATA / "synthetic-talks-venue-interview.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    assert data["as_of"] == "2026-06-07"  # main: 2026-06-06, the day before an "ahead" date
    assert data["dating"][0]["basis"] == "stated"


def test_a_month_of_last_or_next_year_dates_nothing() -> None:
    end = dt.date(2026, 7, 3)  # the latest day a story can have
    text = "Exports have grown since the tariffs of April last year, the minister said."
    # main: 2026-04-30, the last day of "April" told as past, in the horizon's year
    assert _story_day(text, {"April": -1, "last year": -1}, end) is None
    # main: 2026-03-31, the day before "April" told as ahead
    assert _story_day("Output rises starting April next year.", {"April": 1}, end) is None
    # a month of the story's own year still dates it
    assert _story_day("Exports fell in April, the minister said.", {"April": -1}, end) == (
        dt.date(2026, 4, 30)
    )


def test_a_day_told_ahead_elsewhere_is_ahead_in_a_verbless_subheading() -> None:
    text = (
        "By: A. Writer - March 12, 2026\n\nThe bloc released its list on Wednesday.\n\n"
        "Duties fully in place April 13\n\nThe duties will be fully in place by April 13."
    )
    ways = {"April 13@0": 0, "April 13@1": 1, "Wednesday": -1}
    assert _story_day(text, ways) == dt.date(2026, 3, 12)  # main: 2026-04-13
    # a day the story tells as past somewhere keeps its stated reading
    told = {"April 13@0": 0, "April 13@1": -1}
    assert _story_day(text.replace("will be", "were"), told) == dt.date(2026, 4, 13)


def test_a_reading_time_glued_to_a_date_leaves_the_date() -> None:
    found = numeric_dates("A. Writer\n19/5/20262 min read\n")
    assert [day for day, _ in found] == [dt.date(2026, 5, 19)]
    assert numeric_dates("ref 19/5/20263 items") == []


def test_the_venue_of_talks_is_their_side_only_when_no_other_country_is() -> None:
    text = (
        "US officials said they held talks in Sweden on Monday. Sweden hosted the "
        "delegations in Stockholm. China welcomed the outcome, and China is ready to continue."
    )
    talks = [e for e in extract(article_from_text(text)).events if e.kind == "talks"]
    assert [set(e.participants) for e in talks] == [{"USA", "CHN"}]  # main: Sweden and China


def test_a_body_of_several_countries_named_with_a_demonym_is_no_place() -> None:
    lex = default_lexicon()
    words = ["the", "European", "Free", "Trade", "Association", "and", "European", "officials"]
    assert [(m.iso3, words[m.start]) for m in lex.place_matches(words)] == [("EUN", "European")]
    assert lex.place_code("European Free Trade Association") is None
    assert lex.place_code("European Union") == "EUN"


def test_a_headline_of_two_blocs_names_the_pair() -> None:
    head = "The Gulf Cooperation Council-ASEAN accord: what it means"
    found = headline_blocs_pair(("SAU", "IND"), [], [f"{head}\n\nBody text."])
    assert found is not None and set(found[0]) == {"GCC", "ASEAN"}
    assert headline_blocs_pair(("EFTA", "IND"), ["EFTA and India sign a deal"], []) is None
    # a headline with the United States is not this rule's (headline_bloc_pair's)
    assert headline_blocs_pair(("USA", "MYS"), ["US and ASEAN leaders meet"], []) is None


def test_an_analysis_headed_by_two_blocs_is_briefed_as_them(tmp_path: Path) -> None:
    story = DATA / "synthetic-two-blocs-analysis.txt"
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    assert set(data["pair"]) == {"EFTA", "MERCOSUR"}  # main: EFTA-IND, from the body's records
    assert data["as_of"] == "2026-03-03"


def test_the_headline_of_two_blocs_names_the_main_pair_only(tmp_path: Path) -> None:
    story = DATA / "synthetic-two-blocs-analysis.txt"
    out = tmp_path / "all.json"
    result = CliRunner().invoke(
        app,
        ["brief", str(story), "--draws", "0", "--ge", "none", "--all-pairs", "--json", str(out)],
    )
    assert result.exit_code == 0, result.stderr
    pairs = [set(b["pair"]) for b in json.loads(out.read_text(encoding="utf-8"))]
    assert pairs == [{"EFTA", "MERCOSUR"}, {"EFTA", "IND"}]  # not the headline's pair twice


def test_utf16_with_a_byte_order_mark_is_read() -> None:
    text = "Officials said on Monday that the tariff talks would resume in June, 2026.\n"
    for encoding in ("utf-16", "utf-32"):
        article = article_from_bytes(text.encode(encoding), "story.txt")
        assert article.text == text
    assert article_from_bytes(codecs.BOM_UTF8 + text.encode(), "s.txt").text == text


def test_utf16_without_a_mark_is_refused_in_one_line(tmp_path: Path) -> None:
    text = "Officials said on Monday that the tariff talks would resume in June, 2026.\n"
    with pytest.raises(ExtractionError, match="UTF-16 text without a byte-order mark"):
        article_from_bytes(text.encode("utf-16-le"), "story.txt")
    story = tmp_path / "story.txt"
    story.write_bytes(text.encode("utf-16-be"))
    result = CliRunner().invoke(app, ["brief", str(story), "--draws", "0", "--ge", "none"])
    assert result.exit_code == 2
    assert "UTF-16" in result.stderr and "Traceback" not in result.stderr


def test_stray_control_characters_are_read_as_spaces() -> None:
    clean = "Officials said on Monday that the tariff talks would resume in the spring.\n"
    text = "Officials said on\x00 Monday that the \x1b[31mtariff\x07 talks would resume.\n"
    text += clean * 6  # three stray characters in a story, not a binary file
    article = article_from_bytes(text.encode(), "story.txt")  # main: "binary, not text"
    assert article.text == text.replace("\x00", " ").replace("\x1b", " ").replace("\x07", " ")
    assert len(article.text) == len(text)  # offsets kept
    with pytest.raises(ExtractionError, match="binary"):
        article_from_bytes(b"\x00\x01\x02" * 100, "data.bin")
