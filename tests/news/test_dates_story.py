"""Dating a story without a publication date from its clues: URL, dates told as past, title.

Texts, titles and URLs are made up for these tests. Directions are given by hand (-1 told as
past, 0 none, +1 looks ahead), as the grammar would give them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tariffscope.news.dates import find_dates
from tariffscope.news.dates_story import story_date, text_year, url_date, url_year

D = dt.date


def past(text: str, ahead: tuple[str, ...] = ()) -> list[tuple[object, int]]:
    """Every date of ``text`` told as past, but those whose words are in ``ahead``."""
    return [(e, 1 if e.text in ahead else -1) for e in find_dates(text)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/2024/03/05/ministers-meet", (D(2024, 3, 5), "day")),
        ("https://example.org/news/2024-11-30/talks-end/p.html", (D(2024, 11, 30), "day")),
        ("https://example.org/politics/20240708-112233/", (D(2024, 7, 8), "day")),
        ("https://example.org/news/2024/sep/16/talks-begin/a1b2", (D(2024, 9, 16), "day")),
        ("https://example.org/story?id=7&date=2024-02-29", (D(2024, 2, 29), "day")),
        ("http://www.example.org/2024/02/deal-is-near.html", (D(2024, 2, 1), "month")),
        ("https://example.org/2023/dec/quota-talks", (D(2023, 12, 1), "month")),
        ("https://example.org/meldungen-2024-05/88121-kenya-chile.htm", (D(2024, 5, 1), "month")),
        ("https://example.org/top-10-2024-12-picks", None),  # digits inside a longer slug
        ("https://example.org/1109820620/Talks-Resume", None),
        ("https://example.org/article/5201577-chile-kenya-agree", None),
        ("https://example.org/2024/13/40/not-a-date", None),
        (None, None),
    ],
)
def test_the_date_a_url_gives(url: str | None, expected: tuple[dt.date, str] | None) -> None:
    assert url_date(url) == expected


def test_the_year_a_url_gives() -> None:
    assert url_year("https://example.org/world/2023/trade-talks") == 2023
    assert url_year("https://example.org/2024/06/x") == 2024
    assert url_year("https://example.org/article/2023-budget-review") is None  # a slug word


def test_a_full_date_in_the_url_is_the_day() -> None:
    clue = story_date(
        past("Kenya and Chile met on Tuesday."),
        text="Kenya and Chile met on Tuesday.",
        url="https://example.org/2024/03/05/kenya-chile",
    )
    assert clue is not None and (clue.day, clue.basis) == (D(2024, 3, 5), "url")
    assert "URL" in clue.detail and clue.full


def test_a_month_and_day_take_the_year_of_the_url() -> None:
    text = "Chilean and Kenyan ministers signed the protocol on March 12 in Nairobi."
    clue = story_date(past(text), text=text, url="https://example.org/2024/03/chile-kenya-pact")
    assert clue is not None and (clue.day, clue.basis) == (D(2024, 3, 12), "stated")
    assert '"March 12"' in clue.detail and "2024 from its URL" in clue.detail
    assert not clue.full


def test_a_month_and_day_after_the_url_month_are_the_year_before() -> None:
    text = "The two sides signed the accord on December 12 in Santiago."
    url = "https://example.org/2025/01/accord"
    # December 12 is 2024 (December 2025 is after the URL's month), before that month: the
    # story was filed in January 2025, read as of its last day
    clue = story_date(past(text), text=text, url=url)
    assert clue is not None and (clue.day, clue.basis) == (D(2025, 1, 31), "url_month")
    text += " Talks resumed on January 9."
    clue = story_date(past(text), text=text, url=url)
    assert clue is not None and (clue.day, clue.basis) == (D(2025, 1, 9), "stated")


def test_a_month_and_day_take_the_year_of_the_title() -> None:
    text = "Ministers from Peru and Kenya met on April 8 in Lima."
    clue = story_date(past(text), text=text, title="Peru-Kenya 2023 trade pact takes shape")
    assert clue is not None and clue.day == D(2023, 4, 8) and "from its title" in clue.detail


def test_a_month_and_day_take_a_year_the_text_states() -> None:
    text = "Ministers met on April 8 in Lima. The 2023 agreement cut duties on coffee."
    clue = story_date(past(text), text=text)
    assert clue is not None and clue.day == D(2023, 4, 8) and "from its text" in clue.detail


@pytest.mark.parametrize(
    ("noun", "year"),
    [("trade deficit", 2026), ("exports", 2026), ("surplus", 2026), ("agreement", 2025)],
)
def test_the_year_of_a_figure_is_not_the_story_year(noun: str, year: int) -> None:
    # a figure is told once its year is over; a thing done in a year dates the story
    text = f"Ministers met on 24 February in Lima, citing the 2025 {noun} with Kenya."
    clue = story_date(past(text), text=text, horizon=D(2026, 7, 3))
    assert clue is not None and clue.day == D(year, 2, 24)


def test_a_year_the_text_looks_ahead_to_dates_nothing() -> None:
    text = "Ministers met on April 8 in Lima and set a goal of free trade by 2030."
    assert story_date(past(text), text=text) is None
    assert text_year(past(text), text) is None


def test_a_date_that_looks_ahead_is_not_a_clue() -> None:
    text = "The new duties take effect from February 1, the ministry said."
    assert story_date(past(text, ahead=("February 1",)), text=text) is None
    clue = story_date(
        past(text, ahead=("February 1",)), text=text, url="https://example.org/2026/01/duties"
    )
    assert clue is not None and clue.day == D(2026, 1, 31) and clue.basis == "url_month"


def test_a_month_in_the_url_alone_is_its_last_day() -> None:
    text = "Officials met again on Tuesday."
    clue = story_date(past(text), text=text, url="https://example.org/2024/02/officials-meet")
    assert clue is not None and (clue.day, clue.basis) == (D(2024, 2, 29), "url_month")
    assert "2024-02" in clue.detail and "month older" in clue.detail


def test_the_latest_full_date_told_as_past() -> None:
    text = "The pact signed on June 2, 2024 was extended on September 9, 2024."
    clue = story_date(past(text), text=text)
    assert clue is not None and (clue.day, clue.basis) == (D(2024, 9, 9), "stated") and clue.full


def test_a_full_date_of_the_title() -> None:
    text = "Officials met again on Tuesday."
    clue = story_date(past(text), text=text, title="Chile, Kenya resume talks (May 6, 2024)")
    assert clue is not None and clue.day == D(2024, 5, 6) and "its title" in clue.detail


def test_a_later_date_told_as_past_beats_the_url_date() -> None:
    text = "Update: the ministers signed the text on March 7, 2024."
    clue = story_date(past(text), text=text, url="https://example.org/2024/03/05/talks")
    assert clue is not None and clue.day == D(2024, 3, 7) and clue.basis == "stated"


def test_no_clue_no_day() -> None:
    text = "Officials met again on Tuesday and will meet next week."
    assert story_date(past(text), text=text) is None
    assert story_date(past(text), text=text, url="https://example.org/world/2024/talks") is None


TODAY = D(2026, 3, 1)


def test_a_weekday_pins_the_year_of_a_month_and_day() -> None:
    text = "The minister said on Wednesday, July 30, that a deal had been reached with Peru."
    clue = story_date(past(text), text=text, today=TODAY)
    assert clue is not None and clue.day == D(2025, 7, 30)  # a Wednesday in 2025
    assert "when it is a Wednesday" in clue.detail and not clue.full
    text = "The accord was signed on Friday morning (20 February) in Lima."
    clue = story_date(past(text), text=text, today=TODAY)
    assert clue is not None and clue.day == D(2026, 2, 20)
    # never after today: on 1 February 2026 the latest Friday 20 February was in 2015
    clue = story_date(past(text), text=text, today=D(2026, 2, 1))
    assert clue is not None and clue.day == D(2015, 2, 20)


def test_a_year_the_story_gives_beats_the_weekday() -> None:
    text = "Ministers met on Wednesday, July 30, to sign the 2024 protocol."
    clue = story_date(past(text), text=text, today=TODAY)
    assert clue is not None and clue.day == D(2024, 7, 30)  # the text's year, as written


def test_numeric_dates_that_cannot_be_confused() -> None:
    from tariffscope.news.dates_story import numeric_dates

    found = numeric_dates("by Ana Lima 19/5/2025; filed 2025/06/03; also 5/6/2025 and 7/7/2025")
    assert [day for day, _ in found] == [D(2025, 6, 3), D(2025, 5, 19), D(2025, 7, 7)]
    text = "by Ana Lima\n19/5/2025\nThe United Kingdom and Chile reached an agreement."
    clue = story_date(past(text), text=text)
    assert clue is not None and clue.day == D(2025, 5, 19) and '"19/5/2025"' in clue.detail


def test_a_date_the_title_looks_ahead_to_is_not_a_clue() -> None:
    text = "Officials began talks on Wednesday, the minister said."
    url = "https://example.org/news/2025-07-16-peru-talks/"
    clue = story_date(
        past(text), text=text, url=url, title="Peru talks to cut tariffs before August 1"
    )
    assert clue is not None and (clue.day, clue.basis) == (D(2025, 7, 16), "url")


def test_a_month_and_day_without_any_year_take_the_latest_year_up_to_the_horizon() -> None:
    text = "Ministers met on March 10 in Lima; the ministry said talks went well."
    assert story_date(past(text), text=text) is None  # no horizon: no year to put on it
    clue = story_date(past(text), text=text, horizon=D(2026, 7, 3))
    assert clue is not None and clue.day == D(2026, 3, 10) and not clue.full
    assert "states no year" in clue.detail and "2026-07-03" in clue.detail
    later = story_date(
        past("They met on September 9."), text="They met on September 9.", horizon=D(2026, 7, 3)
    )
    assert later is not None and later.day == D(2025, 9, 9)  # September 2026 is past the horizon


def test_a_story_that_only_looks_ahead_is_read_the_day_before_its_earliest_date() -> None:
    text = "Duties of 10% apply from February 1, 2026 and rise to 25% on June 1, 2026."
    ahead = ("February 1, 2026", "June 1, 2026")
    clue = story_date(past(text, ahead=ahead), text=text)
    assert clue is not None and (clue.day, clue.basis) == (D(2026, 1, 31), "ahead")
    assert '"February 1, 2026"' in clue.detail and "tells none as past" in clue.detail
    bare = "Duties of 10% apply from February 1 and rise to 25% on June 1."
    undated = past(bare, ahead=("February 1", "June 1"))
    assert story_date(undated, text=bare) is None
    clue = story_date(undated, text=bare, horizon=D(2026, 7, 3))
    assert clue is not None and clue.day == D(2026, 1, 31)


def test_a_story_with_months_but_no_day_is_read_at_the_end_of_its_latest_past_month() -> None:
    text = "Negotiators met in Lima in March 2025 and again in May 2025; talks resume in June 2025."
    clue = story_date(past(text, ahead=("June 2025",)), text=text)
    assert clue is not None and (clue.day, clue.basis) == (D(2025, 5, 31), "month")
    assert '"May 2025"' in clue.detail and "month older" in clue.detail and not clue.full


def test_a_month_without_a_year_takes_the_story_year_else_the_horizon() -> None:
    text = "The 2024 accord was reviewed in October by both ministries."
    clue = story_date(past(text), text=text, horizon=D(2026, 7, 3))
    assert clue is not None and clue.day == D(2024, 10, 31) and "from its text" in clue.detail
    bare = "Ministers reviewed the accord in July."
    assert story_date(past(bare), text=bare) is None  # no year and no horizon: no day
    clue = story_date(past(bare), text=bare, horizon=D(2026, 7, 3))
    assert clue is not None and clue.day == D(2025, 7, 31)  # July 2026 ends past the horizon
    assert "states no year" in clue.detail


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # alone, a month takes the latest year that ends it on or before the horizon
        ("Kenya and Chile agreed in May to seek a deal on coffee.", D(2026, 5, 31)),
        # with a month that cannot be in the horizon's year, both are read in the year before
        (
            "Kenya and Chile agreed in May to seek a deal on coffee. In October, the ministers "
            "met again in Nairobi.",
            D(2025, 10, 31),
        ),
        ("Kenya and Chile met on May 4. On October 9, the ministers met again.", D(2025, 10, 9)),
    ],
)
def test_the_yearless_dates_of_a_story_share_one_year(text: str, day: dt.date) -> None:
    clue = story_date(past(text), text=text, horizon=D(2026, 7, 3))
    assert clue is not None and clue.day == day


def test_a_story_that_only_looks_ahead_to_months_is_read_the_day_before_the_earliest() -> None:
    text = "Duties rise in March 2026 and again in September 2026, the ministry said."
    clue = story_date(past(text, ahead=("March 2026", "September 2026")), text=text)
    assert clue is not None and (clue.day, clue.basis) == (D(2026, 2, 28), "month")
    assert "ahead" in clue.detail


def test_a_day_still_beats_a_month() -> None:
    text = "Ministers met on April 8, 2025 after talks in May 2024."
    clue = story_date(past(text), text=text)
    assert clue is not None and (clue.day, clue.basis) == (D(2025, 4, 8), "stated")


def test_a_story_that_tells_only_dates_ahead_takes_the_earliest_of_their_years() -> None:
    text = (
        "Lawmakers met on Wednesday, May 12 to back the accord. The plenary votes on June 9, 2027, "
        "and the accord runs until March 2029."
    )
    ahead = ("June 9, 2027", "March 2029")
    assert text_year(past(text, ahead=ahead), text) == 2027
    clue = story_date(past(text, ahead=ahead), text=text, today=D(2030, 1, 1))
    assert clue is not None and clue.day == D(2027, 5, 12)


def test_a_month_and_day_take_the_year_nearest_the_latest_dated_past() -> None:
    text = "The framework was agreed in October 2030. Ministers signed the accord on Jan. 12."
    clue = story_date(past(text), text=text)
    assert clue is not None and clue.day == D(2031, 1, 12)  # not the January before October
    text = "The framework was agreed in March 2030. Ministers signed the accord on Jan. 12."
    clue = story_date(past(text), text=text)
    # the January nearest March 2030; the month told as past bounds the story from below
    assert clue is not None and clue.day == D(2030, 3, 1) and "2030-01-12" in clue.detail
