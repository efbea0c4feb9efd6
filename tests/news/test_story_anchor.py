"""Round 9: one anchor for a story without a publication date.

The anchor order (:func:`tariffscope.news.dates_story.story_date`): a full date in the URL,
the dates the text writes with their year (or a year stated in a sentence that names a month),
a month and day pinned by their weekday within the years the catalog covers, the law the story
reports (:mod:`tariffscope.news.law_anchor`), and last a year stated in a sentence with no
month. Stories, URLs and catalog actions are made up for these tests (the actions are
synthetic, named so); no test reads the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
import spacy
from spacy.language import Language

from tariffscope.domain.news import MeasureMention
from tariffscope.news.dates import find_dates
from tariffscope.news.dates_catalog import CatalogAction, ReportedMeasure
from tariffscope.news.dates_story import (
    BARE_YEAR_SOURCE,
    LawClues,
    story_date,
    wants_law,
    weekday_year,
)
from tariffscope.news.law_anchor import law_day, wants_law_reading

D = dt.date
HORIZON = D(2026, 7, 3)  # a catalog's last day, given: never the clock
FIRST = 2024  # a catalog's first year


def told(text: str, ahead: tuple[str, ...] = ()) -> list[tuple[object, int]]:
    """Every date of ``text`` told as past, but those whose words are in ``ahead``."""
    return [(e, 1 if e.text in ahead else -1) for e in find_dates(text)]


def dated(text: str, **kw: object) -> object:
    return story_date(told(text), text=text, horizon=HORIZON, first_year=FIRST, **kw)  # type: ignore[arg-type]


LAW_2025 = (D(2025, 8, 7), "a synthetic action that took effect on 2025-08-07")


# -- the order of the clues --------------------------------------------------------------------
def test_a_url_date_beats_the_law() -> None:
    text = "Envoys of Peru and Kenya met on March 3 in Nairobi."
    clue = dated(text, url="https://example.org/2024/03/05/envoys-meet", law_day=LAW_2025)
    assert clue is not None and clue.day == D(2024, 3, 5) and clue.year_from == "its URL"


def test_a_year_written_with_a_date_beats_the_law() -> None:
    text = "Envoys met on March 3 in Nairobi, after talks in January 2024."
    clue = dated(text, law_day=LAW_2025)
    assert clue is not None and clue.day == D(2024, 3, 3) and clue.year_from == "its text"


def test_a_year_in_a_sentence_with_a_month_beats_a_weekday() -> None:
    text = "Ministers met on Friday, August 1, to sign the 2031 protocol."
    clue = dated(text)
    assert clue is not None and clue.day == D(2031, 8, 1)


def test_a_weekday_beats_a_year_stated_in_a_sentence_without_a_month() -> None:
    text = "The accord was signed on Friday, August 1. Exports fell after the 2022 crisis."
    clue = dated(text)
    assert clue is not None and clue.day == D(2025, 8, 1)  # 1 August 2025 was a Friday
    assert clue.year_from.startswith("the weekday of")


def test_the_law_beats_a_year_stated_in_a_sentence_without_a_month() -> None:
    text = "Envoys leave for Washington on July 18. Growth slowed after the 2022 crisis."
    without = story_date(told(text, ahead=("July 18",)), text=text, horizon=HORIZON)
    assert without is not None and without.day.year == 2022  # the weakest clue, alone
    assert without.year_from == BARE_YEAR_SOURCE and wants_law(without)
    clue = story_date(told(text, ahead=("July 18",)), text=text, horizon=HORIZON, law_day=LAW_2025)
    assert clue is not None and clue.day == D(2025, 7, 17)  # the day before "July 18", 2025
    assert clue.year_from == "the law it reports" and not wants_law(clue)


def test_a_story_with_only_the_law_is_dated_by_it() -> None:
    text = "Officials said the talks would go on."
    clue = story_date(told(text), text=text, horizon=HORIZON, law_day=LAW_2025)
    assert clue is not None and (clue.day, clue.basis) == (LAW_2025[0], "catalog")


def test_no_clue_at_all_leaves_the_story_undated() -> None:
    text = "Officials met on Tuesday and will meet again next week."
    assert story_date(told(text), text=text) is None
    assert wants_law(None)


# -- a weekday pins a year within the catalog's years, never by the clock ----------------------
def test_a_weekday_pins_a_year_only_within_the_given_years() -> None:
    # 20 February fell on a Friday in 2026 and in 2015
    assert weekday_year(2, 20, 4, HORIZON, first_year=FIRST) == 2026
    assert weekday_year(2, 20, 4, D(2026, 2, 1), first_year=FIRST) is None  # 2015 is before 2024
    text = "The accord was signed on Friday, February 20, in Lima."
    assert story_date(told(text), text=text) is None  # no horizon, no today: no clock either


# -- the reader's second reading: the law it reports -------------------------------------------
def _synthetic_law(actions: Sequence[CatalogAction]):  # type: ignore[no-untyped-def]
    def source(mentions: Sequence[MeasureMention]) -> LawClues:
        reported = tuple(
            ReportedMeasure(m.target, m.to_rate_pct, m.status, "all") for m in mentions
        )
        return LawClues(reported, tuple(actions))

    return source


SYNTHETIC_ACTION = CatalogAction(
    partner="KEN",
    rate_pct=18.0,
    announced=D(2026, 1, 10),
    effective=D(2026, 2, 1),
    until=None,
    all_products=True,
    group="",
    enacted=True,
    label="SYNTHETIC-KEN-18",
)
MEASURE = {
    "imposer": "USA",
    "target": "KEN",
    "products": "all goods",
    "from_rate": None,
    "to_rate": 18,
    "effective_date": None,
    "status": "in_force",
    "start": 0,
    "end": 3,
}


def _read(meta: dict[str, object], dating: dict[str, object] | None):  # type: ignore[no-untyped-def]
    doc = spacy.blank("en")("The 18% tariff on Kenya applies.")
    doc._.tariffscope_meta = meta
    doc._.tariffscope_dating = dating
    doc._.tariffscope_measures = [MEASURE]
    return doc


def test_the_law_dates_an_undated_story_whose_clues_give_no_year() -> None:
    law = _synthetic_law([SYNTHETIC_ACTION])
    doc = _read({"published": None}, {"as_of": None, "basis": None, "year_from": ""})
    assert wants_law_reading(doc)
    found = law_day(doc, law)
    assert found is not None and found[0] == D(2026, 2, 1) and "SYNTHETIC-KEN-18" in found[1]


def test_the_law_is_not_read_when_a_clue_gave_the_year_or_the_story_is_dated() -> None:
    law = _synthetic_law([SYNTHETIC_ACTION])
    from_url = _read({"published": None}, {"as_of": "2025-03-05", "year_from": "its URL"})
    assert law_day(from_url, law) is None
    published = _read({"published": "2025-03-05"}, {"as_of": "2025-03-05", "year_from": ""})
    assert law_day(published, law) is None
    again = _read({"published": None, "law_day": ["2026-02-01", "x"]}, {"year_from": ""})
    assert law_day(again, law) is None  # read once with the law, not twice


def test_a_measure_no_action_matches_gives_no_day() -> None:
    other = CatalogAction("PER", 18.0, D(2026, 1, 10), D(2026, 2, 1), None, True, "", True, "X")
    doc = _read({"published": None}, {"year_from": BARE_YEAR_SOURCE})
    assert law_day(doc, _synthetic_law([other])) is None


# -- whole stories with the trained model (written for these tests) ----------------------------
def _story(nlp: Language, body: str):  # type: ignore[no-untyped-def]
    from tariffscope.news.api import extract
    from tariffscope.news.ingest import article_from_text
    from tariffscope.tracker._law_dating import catalog_law

    text = f"url: https://example.org/news/item-41\ntitle: unknown\npublished: unknown\n\n{body}\n"
    return extract(article_from_text(text), nlp, law=catalog_law)


@pytest.mark.slow
def test_an_undated_2026_story_about_a_2026_deal_is_read_in_2026(nlp: Language) -> None:
    # the catalog records Taiwan's 15% deal as announced in January 2026
    extraction = _story(
        nlp,
        "Taiwan agreed a trade deal that sets a 15% US tariff on all Taiwanese goods. "
        "Officials of both sides will hold talks in Washington on March 12.",
    )
    assert extraction.dating is not None and extraction.dating.basis == "ahead"
    assert extraction.dating.year_from == "the law it reports"
    assert extraction.dating.as_of == D(2026, 3, 11)
    assert [e.date for e in extraction.events if e.kind == "talks"] == [D(2026, 3, 12)]
    # read again from the dates on: nothing the first reading found is kept twice
    assert [(m.target, m.to_rate_pct) for m in extraction.measures] == [("TWN", 15.0)]


@pytest.mark.slow
def test_an_undated_story_with_only_a_weekday_and_a_date(nlp: Language) -> None:
    extraction = _story(
        nlp,
        "Chile and Kenya signed a customs accord in Nairobi on Friday, August 1, trade "
        "minister Ana Lima said.",
    )
    assert extraction.dating is not None and extraction.dating.as_of == D(2025, 8, 1)
    assert [e.date for e in extraction.events if e.kind == "agreement"] == [D(2025, 8, 1)]


@pytest.mark.slow
def test_an_undated_story_with_no_clue_keeps_its_dates_null(nlp: Language) -> None:
    extraction = _story(
        nlp,
        "Peru's trade minister met Kenya's envoy on Tuesday and they will meet again next "
        "week, officials said.",
    )
    assert extraction.dating is not None and extraction.dating.as_of is None
    assert all(e.date is None for e in extraction.events)
    assert any("publication date unknown" in w for w in extraction.warnings)


@pytest.mark.slow
def test_an_undated_story_reporting_a_2025_rate_reads_its_months_in_2025(nlp: Language) -> None:
    # a stray year ("the 2022 crisis") no longer outranks the law the story reports
    extraction = _story(
        nlp,
        "Washington imposed a 44% tariff on Sri Lanka, which is still recovering from the "
        "2022 crisis. Colombo's negotiators will fly to Washington on July 21 for talks.",
    )
    assert extraction.dating is not None and extraction.dating.year_from == "the law it reports"
    assert extraction.dating.as_of is not None and extraction.dating.as_of.year == 2025
