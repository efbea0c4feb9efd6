"""Dating an undated story: a photo caption dates its picture, not the story (round 13).

Every text, URL and date here is made up for these tests; directions are given by hand as the
grammar would give them (-1 told as past).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tariffscope.news._syntax import caption_spans, is_caption_line
from tariffscope.news.dates import find_dates
from tariffscope.news.dates_story import story_date

D = dt.date
HORIZON = D(2031, 7, 3)


def past(text: str) -> list[tuple[object, int]]:
    return [(e, -1) for e in find_dates(text)]


@pytest.mark.parametrize(
    "line",
    [
        "A view taken on March 3, 2027 shows a port in Mombasa, Kenya. Photo by Jane ROE / AFP",
        "FILE PHOTO: Copper cathodes are stacked in Antofagasta, Chile May 4, 2026. "
        "REUTERS/John Doe/File Photo",
        "Ministers meet in Lima on 2 April 2029Reuters file photo",
        "Trade ministers shake hands in Nairobi.JANE ROE/AFP/Getty Images",
        "File photo: dock workers unload coffee in Santos",
    ],
)
def test_photo_captions(line: str) -> None:
    assert is_caption_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Peru and Kenya signed the pact on March 3, 2030, officials told AFP.",
        "The photo of the signing went around the world.",
        "Chile's ministry filed a complaint on May 4, 2030.",
    ],
)
def test_story_lines_are_no_captions(line: str) -> None:
    assert not is_caption_line(line)


def test_a_caption_date_does_not_date_the_story() -> None:
    text = (
        "A view taken on March 3, 2027 shows a port in Mombasa, Kenya. Photo by Jane ROE / AFP\n"
        "Nairobi: Kenyan tea exports to Chile fell in July after new duties took effect on "
        "June 9, 2030, data showed on Wednesday.\n"
    )
    assert len(caption_spans(text)) == 1
    clue = story_date(past(text), text=text, horizon=HORIZON)
    assert clue is not None and clue.day == D(2030, 6, 9)
    assert "2027" not in clue.detail


def test_a_story_dated_only_by_a_caption_is_not_dated_by_it() -> None:
    text = (
        "FILE PHOTO: Copper cathodes in Antofagasta, Chile May 4, 2026. REUTERS/John Doe/File Photo\n"
        "Chile and Kenya met again to discuss copper quotas.\n"
    )
    clue = story_date(past(text), text=text, url="https://example.org/2030/08/chile-kenya")
    assert clue is not None and (clue.day, clue.basis) == (D(2030, 8, 31), "url_month")


@pytest.mark.parametrize("credit", ["Reuters", "(AFP)", "Photo: EPA", "AFP via Getty Images"])
def test_synthetic_a_caption_credited_on_the_next_line_does_not_date_the_story(
    credit: str,
) -> None:
    # the caption closes with the picture's day; its agency stands alone on the line below
    text = (
        "An aerial view shows the container port in Callao, Lima, Peru, Jun 2, 2031.\n"
        f"{credit}\n"
        "Peru and Kenya agreed on Thursday to cut tariffs on coffee, after talks that began "
        "on April 14, 2031.\n"
    )
    assert len(caption_spans(text)) == 2
    clue = story_date(past(text), text=text, horizon=HORIZON)
    assert clue is not None and clue.day == D(2031, 4, 14)
    assert "Jun 2" not in clue.detail


def test_synthetic_a_story_line_above_a_lone_credit_stays_a_story_line_without_a_day() -> None:
    # the credit alone closes a story paragraph: no day ends the line, so it is no caption
    text = "Peru and Kenya met on May 3, 2030 in Lima to discuss coffee quotas.\nReuters\n"
    assert caption_spans(text) == []
