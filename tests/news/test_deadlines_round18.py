"""Round 18 deadlines: a reprieve told as ending on a day ahead however its verb of expiry
hangs ("is set to expire on"), a change on a day ahead told in a clause on its noun ("rates
set to start on", "levies, which will take effect on") or as the object of a verb of effect
("will impose tariffs starting"), and not a day told retroactively or in a timetable of the
past. Every sentence was written for these tests; partners vary on purpose.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _dates(nlp: Language, body: str, published: str | None) -> list[dt.date]:
    text = f"published: {published or 'unknown'}\n\nTrade news of the day\n\n{body}\n"
    return [d.date for d in extract(article_from_text(text), nlp).deadlines]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # a reprieve ends on a day ahead, its verb of expiry completing a frame
        ("The freeze on retaliatory duties is set to expire on September 3.", "2025-09-03"),
        ("The exemption for Chilean copper is scheduled to end on July 31.", "2025-07-31"),
        (
            "The moratorium, which is expected to lapse on August 15, covers farm goods.",
            "2025-08-15",
        ),
        # a change on a day ahead: the noun a clause tells of
        ("Kenya received letters listing higher duty rates set to start on Aug. 1.", "2025-08-01"),
        ("Officials unveiled new levies, which will take effect on July 15.", "2025-07-15"),
        # the change is the object of a verb of effect
        ("Ottawa will impose retaliatory tariffs on U.S. aluminum starting July 21.", "2025-07-21"),
        ("The government will raise duties on imported cars from Aug. 7.", "2025-08-07"),
    ],
)
def test_a_reprieve_ending_or_a_change_on_a_day_ahead_is_a_deadline(
    nlp: Language, sentence: str, day: str
) -> None:
    assert _dates(nlp, sentence, "2025-06-20") == [dt.date.fromisoformat(day)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        # a timetable told in the past: the plan as it stood
        "The surcharges were set to begin on April 9 before the White House paused them.",
        # a day behind the act
        "Under the accord, the reduced duty on wine will be applied retroactively from 1 August.",
    ],
)
def test_no_deadline_in_an_undated_story_for_a_past_timetable_or_a_retroactive_day(
    nlp: Language, sentence: str
) -> None:
    assert _dates(nlp, sentence, None) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The freeze on retaliatory duties expired on June 9.",
        "Norway imposed duties on US whiskey starting March 13.",
    ],
)
def test_an_end_or_a_change_told_as_past_is_no_deadline(nlp: Language, sentence: str) -> None:
    assert _dates(nlp, sentence, None) == []  # undated: the tense alone tells the direction
