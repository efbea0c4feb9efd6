"""Dating an undated story: the classes of clue real pages showed (fresh stories, round 12).

Every text, title, URL and date here is made up for these tests (synthetic); directions are
given by hand as the grammar would give them (-1 told as past, +1 looks ahead).
"""

from __future__ import annotations

import datetime as dt

from tariffscope.news.dates import find_dates
from tariffscope.news.dates_catalog import CatalogAction, ReportedMeasure
from tariffscope.news.dates_story import (
    LawClues,
    day_first_domain,
    numeric_dates,
    story_date,
)

D = dt.date
HORIZON = D(2031, 7, 3)
CONVENTIONS = {"day_first": frozenset({"uk"}), "month_first": frozenset({"us"})}


def past(text: str, ahead: tuple[str, ...] = ()) -> list[tuple[object, int]]:
    return [(e, 1 if e.text in ahead else -1) for e in find_dates(text)]


# --- a numeric date: day-month or month-day decided by the story's other clues -------------


def test_a_numeric_date_glued_to_a_byline_with_both_readings_alike_is_read() -> None:
    text = "Peru trade pact gains pace\n\nCoastal Courier07-07-2030\n\nMinisters met to talk."
    assert numeric_dates(text) == [(D(2030, 7, 7), "07-07-2030")]
    clue = story_date(past(text), text=text, horizon=HORIZON)
    assert clue is not None and (clue.day, clue.basis) == (D(2030, 7, 7), "stated")


def test_an_ambiguous_numeric_date_is_left_out_without_a_clue() -> None:
    assert numeric_dates("Synthetic Wire•10-02-2030, 09:47") == []


def test_the_reading_after_the_latest_day_a_story_can_have_is_dropped() -> None:
    found = numeric_dates("Synthetic Wire•10-02-2031, 09:47", latest=HORIZON)
    assert found == [(D(2031, 2, 10), "10-02-2031")]  # 2 October 2031 is after the horizon


def test_a_weekday_written_beside_a_numeric_date_chooses_its_reading() -> None:
    # 10 February 2031 is a Monday, 2 October 2031 a Thursday
    assert numeric_dates("Monday 10-02-2031") == [(D(2031, 2, 10), "10-02-2031")]
    assert numeric_dates("Thursday, 10-02-2031") == [(D(2031, 10, 2), "10-02-2031")]


def test_the_months_a_story_tells_choose_the_reading() -> None:
    assert numeric_dates("03/04/2030", months=frozenset({4})) == [(D(2030, 4, 3), "03/04/2030")]
    assert numeric_dates("03/04/2030", months=frozenset({3})) == [(D(2030, 3, 4), "03/04/2030")]


def test_the_domains_country_convention_decides_last() -> None:
    assert day_first_domain("https://news.example.uk/a", CONVENTIONS) is True
    assert day_first_domain("https://news.example.us/a", CONVENTIONS) is False
    assert day_first_domain("https://news.example.com/a", CONVENTIONS) is None
    assert numeric_dates("03/04/2030", day_first=True) == [(D(2030, 4, 3), "03/04/2030")]
    assert numeric_dates("03/04/2030", day_first=False) == [(D(2030, 3, 4), "03/04/2030")]


# --- a site's masthead date above the headline ----------------------------------------------

TITLE = "Synthetic partners settle on lower duties after border talks"
MASTHEAD_PAGE = (
    "Tuesday, December 9, 2030\nmenu\nHomeWorld" + TITLE + "...\n\n" + TITLE + ", finally\n\n"
    "The two ministers announced the new rates on Thursday, July 31, 2030, in the capital."
)


def test_a_masthead_date_months_after_the_story_is_not_its_date() -> None:
    clue = story_date(past(MASTHEAD_PAGE), text=MASTHEAD_PAGE, title=TITLE, horizon=HORIZON)
    assert clue is not None and clue.day == D(2030, 7, 31)


def test_a_date_above_the_headline_close_to_the_story_is_its_date() -> None:
    page = MASTHEAD_PAGE.replace("December 9", "August 4").replace("Tuesday", "Monday")
    clue = story_date(past(page), text=page, title=TITLE, horizon=HORIZON)
    assert clue is not None and clue.day == D(2030, 8, 4)


def test_a_masthead_date_bounds_a_story_with_no_day_from_above() -> None:
    page = (
        "Monday, March 3, 2031\n\n" + TITLE + "\n\nDuties rise next year; the talks opened "
        "in August 2030 and resumed after a long pause."
    )
    clue = story_date(past(page), text=page, title=TITLE, horizon=HORIZON)
    # the only told day is the masthead; the story's August is months before, but a month
    # alone does not set a masthead aside
    assert clue is not None and clue.day == D(2031, 3, 3)


# --- "last August": the latest such month before the story --------------------------------


def test_last_month_is_the_latest_such_month_before_the_story() -> None:
    text = "Goods from the partner will face 12%, down from the 15% set last August."
    # even read as ahead by the grammar, "last August" is before the story
    clue = story_date(past(text, ahead=("last August",)), text=text, horizon=HORIZON)
    assert clue is not None and clue.basis == "month"
    assert clue.day == D(2030, 8, 31)  # not August 2031, after the horizon


def test_this_past_and_earlier_in_a_month_are_not_after_the_story() -> None:
    for said in ("this past June", "earlier in June"):
        text = f"Negotiators met {said} in the capital."
        clue = story_date(past(text), text=text, horizon=HORIZON)
        assert clue is not None and clue.day == D(2031, 6, 30), said
    text = "Negotiators met last July in the capital."
    clue = story_date(past(text), text=text, horizon=HORIZON)
    assert clue is not None and clue.day == D(2030, 7, 31)  # July 2031 is the horizon's month


# --- months told as past never date a story before the law it reports --------------------

ACTIONS = (
    CatalogAction(
        "AAA", 10.0, D(2030, 4, 2), D(2030, 4, 5), None, True, "g_all", True, "SYN-BASE-10"
    ),
    CatalogAction(
        "AAA", 18.0, D(2030, 7, 20), D(2030, 8, 7), None, True, "g_all", True, "SYN-DEAL-18"
    ),
)


def test_a_month_told_as_past_gives_way_to_a_later_deal_the_story_reports() -> None:
    text = "The 10% pause was imposed in early April. The partner agreed to an 18% rate."
    law = LawClues((ReportedMeasure("AAA", 18.0, "agreed", "all", frozenset()),), ACTIONS)
    clue = story_date(past(text), text=text, horizon=HORIZON, law=law)
    assert clue is not None and (clue.day, clue.basis) == (D(2030, 7, 20), "catalog")
    assert "early April" in clue.detail
    without = story_date(past(text), text=text, horizon=HORIZON)
    assert without is not None and without.day == D(2031, 4, 30)  # no law: the month's end


def test_a_later_month_keeps_its_day_over_an_earlier_law() -> None:
    text = "The 10% tariff has applied since April 2030; exports fell in September 2030."
    law = LawClues((ReportedMeasure("AAA", 10.0, "in_force", "all", frozenset()),), ACTIONS)
    clue = story_date(past(text), text=text, horizon=HORIZON, law=law)
    assert clue is not None and (clue.day, clue.basis) == (D(2030, 9, 30), "month")


# --- an end told in the present ("expires in September") looks ahead ---------------------


def _expiry_rows(verb: str, tag: str, lemma: str) -> list[tuple[str, int, str, str, str, str]]:
    # "Talks go on before the act {verb} in September" (a written sentence, hand-parsed)
    return [
        ("Talks", 1, "nsubj", "NOUN", "NNS", "talk"),
        ("go", 1, "ROOT", "VERB", "VBP", "go"),
        ("on", 1, "prt", "ADP", "RP", "on"),
        ("before", 6, "mark", "SCONJ", "IN", "before"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("act", 6, "nsubj", "NOUN", "NN", "act"),
        (verb, 1, "advcl", "VERB", tag, lemma),
        ("in", 6, "prep", "ADP", "IN", "in"),
        ("September", 7, "pobj", "PROPN", "NNP", "September"),
    ]


def _direction(rows: list[tuple[str, int, str, str, str, str]]) -> int:
    import spacy
    from tests.news._parses import dated_rows_doc

    import tariffscope.news.dates_component  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    nlp.add_pipe("tariffscope_dates")
    doc = dated_rows_doc(nlp, rows, None)
    (item,) = doc._.tariffscope_dates
    return item["direction"]


def test_an_end_told_in_the_present_looks_ahead() -> None:
    assert _direction(_expiry_rows("expires", "VBZ", "expire")) == 1
    assert _direction(_expiry_rows("lapses", "VBZ", "lapse")) == 1
    assert _direction(_expiry_rows("expired", "VBD", "expire")) == -1  # told as past
    assert _direction(_expiry_rows("meets", "VBZ", "meet")) == 0  # not an end: no direction


def test_a_title_repeated_far_down_the_page_is_not_its_headline() -> None:
    story = "\n".join(["Officials met on Thursday, July 31, 2030."] + ["More news."] * 14)
    page = story + "\nTuesday, December 9, 2030\n" + TITLE + "\n"
    clue = story_date(past(page), text=page, title=TITLE, horizon=HORIZON)
    # nothing stands above a headline: the page's dates are the story's as before
    assert clue is not None and clue.day == D(2030, 12, 9)


def test_a_dateline_with_the_weekday_between_day_and_month_is_a_full_date() -> None:
    text = "Pact ready to sign\n\n21st Friday, March 2031 - 10:55 UTC\n\nThe ceremony is set."
    (expr,) = [e for e in find_dates(text) if e.kind == "absolute"]
    assert (expr.year, expr.month, expr.day) == (2031, 3, 21)
    assert [e.kind for e in find_dates("on the 3rd Monday of June")] != ["absolute"]


def test_the_law_does_not_move_a_story_past_a_month_it_tells_as_ahead() -> None:
    text = "The sides met in early April; the 18% rate would be discussed again in June."
    law = LawClues((ReportedMeasure("AAA", 18.0, "agreed", "all", frozenset()),), ACTIONS)
    exprs = past(text, ahead=("June",))
    clue = story_date(exprs, text=text, horizon=HORIZON, law=law)
    # written before June: the 18% of late July is not what it reports; April's end stands
    assert clue is not None and (clue.day, clue.basis) == (D(2030, 4, 30), "month")


# --- a URL's month later than a date the story tells as ahead (round 15b) -------------------


def test_synthetic_a_dated_day_ahead_before_the_urls_month_dates_the_story_before_it() -> None:
    # a page filed again under a later month: the letter's "October 1, 2030" is still ahead
    text = (
        "In a May 12 order, the president set a 20 percent tariff on Peruvian copper. "
        "Starting on October 1, 2030, the letter said, Peru will pay 18 percent."
    )
    exprs = past(text, ahead=("October 1, 2030",))
    url = "https://example.org/2030-10/peru-copper-tariff"
    clue = story_date(exprs, text=text, url=url, horizon=HORIZON)
    assert clue is not None and (clue.day, clue.basis) == (D(2030, 5, 12), "stated")


def test_synthetic_a_dated_day_ahead_inside_the_urls_month_ends_the_month_before_it() -> None:
    text = "Kenya will raise its duty on steel from August 20, 2030, the ministry said."
    exprs = past(text, ahead=("August 20, 2030",))
    clue = story_date(
        exprs, text=text, url="https://example.org/2030/08/kenya-steel", horizon=HORIZON
    )
    assert clue is not None and (clue.day, clue.basis) == (D(2030, 8, 19), "url_month")


# --- a year a past perfect tells as over gives no year (round 15b) --------------------------


def test_synthetic_a_stretch_of_years_told_as_over_gives_no_year_to_a_yearless_day() -> None:
    text = (
        "On March 4, the appeals court ruled on the copper duties. The ruling settled a "
        "dispute that had divided Peru and Chile throughout 2029 and 2030."
    )
    clue = story_date(past(text), text=text, horizon=HORIZON)
    assert clue is not None and clue.day == D(2031, 3, 4)


def test_synthetic_a_year_the_story_lives_in_still_gives_its_year() -> None:
    # no past perfect: the year is the story's own stretch
    text = "On March 4, the court ruled. Tariffs have shaped trade throughout 2030."
    clue = story_date(past(text), text=text, horizon=HORIZON)
    assert clue is not None and clue.day == D(2030, 3, 4)
