"""Dating an undated story: a yearless date takes the year its own time line allows (C2,
round 14b). Dates and month-years told as past bound the story from below, those told as
ahead from above; a yearless date's year never contradicts them.

Every text here is made up for these tests; directions are given by hand as the grammar would
give them (-1 told as past, +1 looks ahead, 0 none).
"""

from __future__ import annotations

import datetime as dt

import spacy
from tests.news._parses import dated_rows_doc

from tariffscope.news.dates import find_dates
from tariffscope.news.dates_story import story_date

D = dt.date
HORIZON = D(2031, 7, 3)


def told(text: str, ahead: tuple[str, ...] = (), plain: tuple[str, ...] = ()) -> list:
    """Every date of ``text`` told as past, but those in ``ahead`` (+1) and ``plain`` (0)."""
    return [(e, 1 if e.text in ahead else 0 if e.text in plain else -1) for e in find_dates(text)]


def test_a_yearless_day_told_as_ahead_falls_after_the_month_years_told_as_past() -> None:
    text = (
        "In May 2029, Chile and Kenya reached a framework accord, outlined in a June 2029 joint "
        "statement. Duties on copper that were set to begin March 3 have now been dropped."
    )
    clue = story_date(told(text, ahead=("March 3",)), text=text, horizon=HORIZON)
    assert clue is not None and (clue.day, clue.basis) == (D(2030, 3, 2), "ahead")
    assert "not 2029" in clue.detail
    # without the past month-years, the year of the text stays
    bare = "Duties on copper set to begin March 3, the 2029 levy's successor, were dropped."
    clue = story_date(told(bare, ahead=("March 3",)), text=bare, horizon=HORIZON)
    assert clue is not None and clue.day == D(2029, 3, 2)


def test_a_month_year_told_as_past_bounds_the_story_from_below() -> None:
    text = (
        "Between March 4 and the start of June, the rate on Peruvian goods stood at 10%. "
        "Since early June 2029, Lima has paid 17% on most of its exports."
    )
    clue = story_date(told(text), text=text, horizon=HORIZON)
    assert clue is not None and clue.day == D(2029, 6, 1)
    assert "2029-06" in clue.detail and '"March 4"' in clue.detail
    # a month-year told without a direction is no bound (it may be a date looked ahead to)
    clue = story_date(told(text, plain=("June 2029",)), text=text, horizon=HORIZON)
    assert clue is not None and clue.day == D(2029, 3, 4)


def test_yearless_months_told_as_past_fall_before_one_told_as_ahead() -> None:
    text = (
        "Oslo and Seoul resumed talks in Bergen, after the levies raised in February and a "
        "truce reached in May that is set to expire in September."
    )
    exprs = told(text, ahead=("September",), plain=("May",))
    clue = story_date(exprs, text=text, horizon=HORIZON)
    # no year anywhere: February 2031 would be after the September (2030) the story awaits
    assert clue is not None and (clue.day, clue.basis) == (D(2030, 5, 31), "month")


def test_a_yearless_day_told_as_past_falls_before_a_dated_day_told_as_ahead() -> None:
    text = "Talks opened on November 20; the accord takes effect on January 15, 2030."
    clue = story_date(told(text, ahead=("January 15, 2030",)), text=text, horizon=HORIZON)
    # the year of the text (2030, from the date ahead) would put November 20 after it
    assert clue is not None and clue.day == D(2029, 11, 20)


# -- a day joined to a date ("July 8 and 9") is told as that date is -----------------------------
def test_a_day_joined_to_a_date_told_as_ahead_is_ahead_however_it_is_parsed() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tariffscope_dates")
    # "Talks go on before the truce expires on Sept. 5 and 6", the "6" hung off "go" (a
    # misparse that would leave it told as past or without a direction)
    rows = [
        ("Talks", 1, "nsubj", "NOUN", "NNS", "talk"),
        ("go", 1, "ROOT", "VERB", "VBD", "go"),
        ("on", 1, "prt", "ADP", "RP", "on"),
        ("before", 6, "mark", "SCONJ", "IN", "before"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("truce", 6, "nsubj", "NOUN", "NN", "truce"),
        ("expires", 1, "advcl", "VERB", "VBZ", "expire"),
        ("on", 6, "prep", "ADP", "IN", "on"),
        ("Sept.", 7, "pobj", "PROPN", "NNP", "Sept."),
        ("5", 8, "nummod", "NUM", "CD", "5"),
        ("and", 1, "cc", "CCONJ", "CC", "and"),
        ("6", 1, "npadvmod", "NUM", "CD", "6"),
    ]
    doc = dated_rows_doc(nlp, rows, None)
    ways = {item["text"]: item["direction"] for item in doc._.tariffscope_dates}
    assert ways == {"Sept. 5": 1, "6": 1}
