"""Round 18 of measure effective dates: the day a delay of a rate's start runs out, and a
start given as a month still ahead.

GUIDELINES: ``effective_date`` is the day the rate takes or took effect. A rate whose start is
put off "until" a day ("postponed the 25% tariffs until June 3", "extended the deadline for X to
face 50% tariffs until July 9", "extended the pause on the tariffs until November 10") is then
due that day: the temporal layer (``temporal.delays_start``) reads that day as its effective
date. A rate kept "until" a day, or a day that ends something else, is not. A start given
only as a month still ahead ("will charge a 25% tax in September", "from October") is the
first day of that month, as GUIDELINES dates a month-only event; a month gone by ("imposed
in April") or a limit ("by September") gives no effective date.

Every sentence was written for these tests (none from a development, train, test or fresh
story); partners vary on purpose. The tests need the trained model and are marked ``slow``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text

_CONTEXT = "US President Donald Trump has pressed trading partners for months."


def _dates(nlp: Language, body: str) -> list[tuple[float, dt.date | None]]:
    text = f"published: 2025-07-08\n\nTrade news of the day\n\n{_CONTEXT}\n\n{body}\n"
    return [
        (m.to_rate_pct, m.effective_date) for m in extract(article_from_text(text), nlp).measures
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a verb that puts off a start: the day it runs out
        (
            "The United States has postponed the 25% tariffs on Peruvian goods until June 3.",
            [(25.0, dt.date(2025, 6, 3))],
        ),
        (
            "Trump signed an order suspending the higher 50% tariffs on Chilean goods until "
            "November 10.",
            [(50.0, dt.date(2025, 11, 10))],
        ),
        # a verb that moves a start, a deadline or a reprieve further
        (
            "Washington has extended the imposition of additional duties (30 per cent on Chile) "
            "until September 2.",
            [(30.0, dt.date(2025, 9, 2))],
        ),
        (
            "Trump agreed to extend the deadline for Kenya to face 40 per cent tariffs until "
            "August 20, following a phone call.",
            [(40.0, dt.date(2025, 8, 20))],
        ),
        (
            "The 90-day suspension of the 50% tariff on Chilean goods was extended until "
            "November 10.",
            [(50.0, dt.date(2025, 11, 10))],
        ),
        # the pause holds the rate: its end is the rate's day, not a topic's
        (
            "Trump extended the pause on the 50% tariffs on Chilean goods until November 10.",
            [(50.0, dt.date(2025, 11, 10))],
        ),
        # a rate kept until a day takes no effect that day
        (
            "Trump extended the truce, keeping the 30% tariff on Chilean goods until November 10.",
            [(30.0, None)],
        ),
        # a day that ends talks, not the rate's start
        (
            "Peru's 25% tariff on US wheat stays while talks continue until June 3.",
            [(25.0, None)],
        ),
    ],
)
def test_delay_end_is_effective(
    nlp: Language, body: str, expected: list[tuple[float, dt.date | None]]
) -> None:
    assert _dates(nlp, body) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Peru will charge a 25% tax on imported US cars in September.",
            [(25.0, dt.date(2025, 9, 1))],
        ),
        (
            "The 25% tariff on Chilean copper will apply from October.",
            [(25.0, dt.date(2025, 10, 1))],
        ),
        # a month gone by, and a limit within a month
        ("Washington imposed a 25% tariff on Kenyan tea in April.", [(25.0, None)]),
        (
            "Lima expects Washington to cut the tariff on Peruvian copper to 15 per cent by "
            "September.",
            [(15.0, None)],
        ),
    ],
)
def test_month_ahead_is_first_day(
    nlp: Language, body: str, expected: list[tuple[float, dt.date | None]]
) -> None:
    assert _dates(nlp, body) == expected


@pytest.mark.slow
def test_month_start_sets_no_deadline(nlp: Language) -> None:
    text = (
        "published: 2025-07-08\n\nTrade news of the day\n\n"
        "Peru will charge a 25% tax on imported US cars in September.\n"
    )
    extraction = extract(article_from_text(text), nlp)
    assert [m.effective_date for m in extraction.measures] == [dt.date(2025, 9, 1)]
    assert list(extraction.deadlines) == []
