"""Effective dates of measures through the temporal layer's one test of a change taking effect
(``temporal.takes_effect``), on sentences written for these tests (partners vary on purpose).
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _dates(nlp: Language, body: str, published: str = "2025-04-08") -> list[dt.date | None]:
    text = f"published: {published}\n\nTrade news of the day\n\n{body}\n"
    return [m.effective_date for m in extract(article_from_text(text), nlp).measures]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "day"),
    [
        # the rate's own sentence: a noun or particle of effect, a verb of schedule passing it on
        (
            "The United States said a 20% tariff on Peruvian copper would take effect as scheduled "
            "on April 14.",
            dt.date(2025, 4, 14),
        ),
        (
            "Washington decided to impose a 20% tariff on Peruvian copper, effective April 14.",
            dt.date(2025, 4, 14),
        ),
        # a change set "for" a day (a deadline by time_patterns.json) takes effect that day
        (
            "Lima urged Washington to drop the 20% tariff rate on Peruvian copper scheduled for "
            "April 14.",
            dt.date(2025, 4, 14),
        ),
        (
            "The United States said the 20% tariff increase on Peruvian copper is set for April 14.",
            dt.date(2025, 4, 14),
        ),
        # an ultimatum: the day a condition runs out is the day the change it governs starts
        (
            "Unless a deal is reached by April 14, US tariffs on Peruvian copper will rise to 20%.",
            dt.date(2025, 4, 14),
        ),
        (
            "If Peru does not sign a deal by April 14, the United States will raise tariffs "
            "on Peruvian copper to 20%.",
            dt.date(2025, 4, 14),
        ),
        # a condition on a rate that stays: no change takes effect
        ("If Peru buys more wheat by April 14, the 20% tariff on Peruvian copper stays.", None),
        # set "on" a day is the day it was set; a date of talks is not the rate's
        ("The United States said the 20% tariff on Peruvian copper was set on Monday.", None),
        (
            "Peru hopes the United States will drop a 20% tariff on Peruvian copper before talks "
            "scheduled for April 14.",
            None,
        ),
        # a verb of imposition in the next sentence names a change of its own: no date
        (
            "The United States imposed a 20% tariff on Peruvian copper. Washington also imposed "
            "tariffs on Chile on Monday.",
            None,
        ),
    ],
)
def test_the_day_a_rate_takes_effect(nlp: Language, body: str, day: dt.date | None) -> None:
    assert _dates(nlp, body)[:1] == [day]
