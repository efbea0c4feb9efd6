"""Date expressions: parsing and resolution against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from tariffscope.news.dates import (
    find_dates,
    publication_floor,
    reference_year,
    resolve,
    same_weekday,
)

FRIDAY = dt.date(2025, 7, 18)  # the founding story's publication day


def _one(text: str):
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Aug. 1", dt.date(2025, 8, 1)),
        ("on July 13th", dt.date(2025, 7, 13)),
        ("as of August 1st", dt.date(2025, 8, 1)),
        ("6th Aug, 2025", dt.date(2025, 8, 6)),
        ("January 16th, 2026", dt.date(2026, 1, 16)),
        ("Jan. 16, 2026", dt.date(2026, 1, 16)),
        ("Oct 12, 2025 9:00 AM", dt.date(2025, 10, 12)),
        ("on 2025-07-18", dt.date(2025, 7, 18)),
        ("on Sunday, July 13th", dt.date(2025, 7, 13)),
        ("on Thursday (October 30)", dt.date(2025, 10, 30)),
    ],
)
def test_absolute_dates(text: str, expected: dt.date) -> None:
    expr = _one(text)
    assert expr.kind == "absolute"
    assert resolve(expr, FRIDAY) == (expected, "day")


def test_month_day_without_year_takes_the_nearest_year() -> None:
    expr = _one("until April 2")
    assert resolve(expr, dt.date(2025, 12, 20)) == (dt.date(2026, 4, 2), "day")
    assert resolve(expr, dt.date(2025, 3, 6)) == (dt.date(2025, 4, 2), "day")


def test_a_month_day_told_as_past_is_the_latest_not_after_the_anchor() -> None:
    # "the tariffs announced on April 2" in a story of December 20: that April, not the next
    expr = _one("announced on April 2")
    december = dt.date(2025, 12, 20)
    assert resolve(expr, december, direction=-1) == (dt.date(2025, 4, 2), "day")
    assert resolve(expr, december, direction=0) == (dt.date(2026, 4, 2), "day")  # nearest
    # ahead (often a preposition's direction, not a tense) keeps the nearest year
    assert resolve(expr, december, direction=1) == (dt.date(2026, 4, 2), "day")
    # a past day a few days after the page's date keeps its year; one months after does not
    assert resolve(expr, dt.date(2025, 3, 28), direction=-1) == (dt.date(2025, 4, 2), "day")
    assert resolve(expr, dt.date(2025, 2, 1), direction=-1) == (dt.date(2024, 4, 2), "day")


def test_weekday_direction_follows_the_tense() -> None:
    friday = _one("met on Friday")
    assert resolve(friday, FRIDAY, direction=-1) == (FRIDAY, "day")  # same day counts
    saturday = _one("will attend on Saturday")
    assert resolve(saturday, FRIDAY, direction=1) == (dt.date(2025, 7, 19), "day")
    assert resolve(saturday, FRIDAY, direction=-1) == (dt.date(2025, 7, 12), "day")
    sunday = _one("an election on Sunday")
    assert resolve(sunday, FRIDAY, direction=1) == (dt.date(2025, 7, 20), "day")


def test_possessive_weekday_looks_ahead_and_last_skips_the_same_day() -> None:
    deadline = _one("Friday's deadline")
    assert resolve(deadline, dt.date(2025, 7, 27)) == (dt.date(2025, 8, 1), "day")
    last = _one("last Friday")
    assert resolve(last, FRIDAY) == (dt.date(2025, 7, 11), "day")


def test_months_and_relative_words() -> None:
    assert resolve(_one("in June"), FRIDAY) == (dt.date(2025, 6, 1), "month")
    assert resolve(_one("by March"), dt.date(2026, 1, 16)) == (dt.date(2026, 3, 1), "month")
    assert resolve(_one("in September 2025"), FRIDAY) == (dt.date(2025, 9, 1), "month")
    assert resolve(_one("yesterday"), FRIDAY) == (dt.date(2025, 7, 17), "day")
    assert resolve(_one("this evening"), FRIDAY) == (FRIDAY, "day")
    assert resolve(_one("earlier this month"), dt.date(2025, 10, 7)) == (
        dt.date(2025, 10, 1),
        "month",
    )
    assert resolve(_one("last week"), FRIDAY) == (None, None)


def test_unknown_publication_date_leaves_weekdays_unresolved() -> None:
    assert resolve(_one("on Tuesday"), None) == (None, None)
    assert resolve(_one("on July 22"), None) == (None, None)
    assert resolve(_one("on July 22"), None, ref_year=2025) == (dt.date(2025, 7, 22), "day")


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("Tariffs may rise, officials said.") == []
    assert [e.month for e in find_dates("the deal agreed in May")] == [5]


def test_a_month_told_as_the_earliest_time_of_a_plan_is_a_month() -> None:
    # round 15b: "plans to visit as early as May", "could sign as soon as June"
    assert [(e.month, e.text) for e in find_dates("will visit as early as May")] == [(5, "May")]
    assert [e.month for e in find_dates("could sign as soon as June")] == [6]
    assert find_dates("said it may act as early as may be needed") == []


def test_reference_year_from_text_or_url() -> None:
    assert reference_year("a photo taken on July 9, 2025 in Strasbourg") == 2025
    assert reference_year("no year here", "https://example.com/2024/05/story") == 2024
    assert reference_year("no year here") is None


def test_dates_ahead_of_an_undated_story_fall_after_its_latest_past_date() -> None:
    floor = dt.date(2025, 10, 29)  # "we reaffirmed these terms ... on October 29, 2025"
    ahead = _one("effective from February 1")
    assert resolve(ahead, None, ref_year=2025, ref_date=floor, direction=1) == (
        dt.date(2026, 2, 1),
        "day",
    )
    assert resolve(_one("on November 3"), None, ref_year=2025, ref_date=floor, direction=1) == (
        dt.date(2025, 11, 3),
        "day",
    )
    assert resolve(_one("by March"), None, ref_year=2025, ref_date=floor, direction=1) == (
        dt.date(2026, 3, 1),
        "month",
    )
    # past or undirected dates keep the reference year
    assert resolve(ahead, None, ref_year=2025, ref_date=floor, direction=-1) == (
        dt.date(2025, 2, 1),
        "day",
    )


def test_publication_floor_is_the_latest_past_full_date() -> None:
    text = "They met on October 29, 2025 and set a deadline of January 1, 2026."
    found = find_dates(text)
    directions = [0, 1]  # the second one looks ahead ("deadline")
    assert publication_floor(list(zip(found, directions, strict=True))) == dt.date(2025, 10, 29)
    assert publication_floor([], "https://example.com/2025/07/story") == dt.date(2025, 7, 1)
    assert publication_floor([]) is None


def test_a_past_weekday_of_an_undated_story_is_its_full_date_on_that_day() -> None:
    text = "Trump on Thursday ended the talks, he wrote on October 23, 2025, a week after July 1, 2025."
    found = find_dates(text)
    pairs = [(e, -1) for e in found]
    thursday = found[0]
    assert same_weekday(thursday, -1, pairs) == dt.date(2025, 10, 23)  # a Thursday
    assert same_weekday(thursday, 1, pairs) is None  # "will ... on Thursday" looks ahead
    friday = find_dates("on Friday")[0]
    assert same_weekday(friday, -1, pairs) is None  # no full date on a Friday


def test_spans_point_at_the_text() -> None:
    text = "The deadline is Aug. 1, and talks resume on Monday."
    for expr in find_dates(text):
        assert text[expr.start : expr.end] == expr.text


def test_a_year_glued_to_a_caption_credit_still_ends_the_date() -> None:
    # page text often runs a photo caption into its credit: "... on 3 May 2024AFP file photo"
    (glued,) = find_dates("Ministers at the signing on 3 May 2024AFP file photo")
    assert (glued.text, glued.year) == ("3 May 2024", 2024)
    (other,) = find_dates("Ministers at the signing on May 3, 2024Reuters")
    assert other.year == 2024
    (longer,) = find_dates("a record of May 3, 20245 units")
    assert longer.year is None  # five digits are no year


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers speak by phone tonight.",
        "Delegates meet this morning in Geneva.",
        "A vote is due later today.",
        "The envoy lands this afternoon.",
    ],
)
def test_a_part_of_the_day_is_the_publication_day(sentence: str) -> None:
    (part,) = find_dates(sentence)
    assert resolve(part, FRIDAY, direction=1) == (FRIDAY, "day")
