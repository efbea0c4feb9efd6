"""Deadline rules as data (``news/data/deadline_rules.toml``) and one written sentence per
class: a reprieve moved to a date, a deal to be reached before a day. Every sentence was
written for these tests; partners vary on purpose.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tariffscope.domain.news import Extraction
from tariffscope.news.api import extract
from tariffscope.news.deadlines import DEADLINE_TESTS, deadline_rules
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon


def test_every_deadline_rule_has_a_predicate_and_every_predicate_a_rule() -> None:
    rules = deadline_rules(default_lexicon())
    assert sorted(rule.id for rule in rules) == sorted(DEADLINE_TESTS)
    assert all(rule.reason for rule in rules)
    assert [rule.priority for rule in rules] == sorted((r.priority for r in rules), reverse=True)


def _read(nlp: Language, body: str, published: str | None = "2025-06-20") -> Extraction:
    text = f"published: {published or 'unknown'}\n\nTrade news of the day\n\n{body}\n"
    return extract(article_from_text(text), nlp)


def _dates(nlp: Language, body: str, published: str | None = "2025-06-20") -> list[dt.date]:
    return [d.date for d in _read(nlp, body, published).deadlines]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        # a reprieve moved to a date: the new end of the reprieve
        "The EU extended the suspension of its countermeasures to December 7, 2025.",
        "The pause on duties for Mexican goods will be extended to December 7.",
        "Washington will move the exemption for Kenyan tea to December 7.",
    ],
)
def test_a_reprieve_moved_to_a_date_is_a_deadline(nlp: Language, sentence: str) -> None:
    assert _dates(nlp, sentence) == [dt.date(2025, 12, 7)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        # a rate, not a reprieve, moved to a level
        "Washington extended tariffs on Kenyan tea to 25% on Monday.",
        # talks moved to a day are an event, not a deadline
        "The two sides moved their talks to July 3.",
    ],
)
def test_a_date_no_deadline_rule_reads(nlp: Language, sentence: str) -> None:
    assert _dates(nlp, sentence) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # a deal to be reached before a day ahead
        ("Negotiators hope to conclude an agreement before September 1.", dt.date(2025, 9, 1)),
        ("Kenya and the US must seal a trade pact before Aug. 1.", dt.date(2025, 8, 1)),
        # an act that is no deal, or a deal signed before publication, sets no deadline
        ("Talks will resume before September 1.", None),
        ("Kenya signed the deal before June 1.", None),
    ],
)
def test_a_deal_to_be_reached_before_a_day(
    nlp: Language, sentence: str, day: dt.date | None
) -> None:
    assert _dates(nlp, sentence) == ([] if day is None else [day])


@pytest.mark.slow
def test_a_deal_before_a_day_in_an_undated_story_needs_a_clause_that_looks_ahead(
    nlp: Language,
) -> None:
    ahead = "Peru expects to conclude an agreement before September 1, 2025."
    done = "Peru concluded an agreement before September 1, 2025."
    assert _dates(nlp, ahead, None) == [dt.date(2025, 9, 1)]
    assert _dates(nlp, done, None) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        # a tariff, rate or duty told as taking effect on a day ahead, with or without a rate
        ("Higher duty rates on Chilean wine will be implemented on August 4.", dt.date(2025, 8, 4)),
        ("On July 14, the levies on Peruvian copper go into effect.", dt.date(2025, 7, 14)),
        ("Tariffs on Kenyan tea are set to snap back on July 2.", dt.date(2025, 7, 2)),
        ("New duties on Thai rice will kick in on Sept. 3.", dt.date(2025, 9, 3)),
        (
            "The surcharge on Danish pork would take effect as scheduled on July 9.",
            dt.date(2025, 7, 9),
        ),
        # told as past, or a change that is no tariff: no deadline
        ("The duties on Chilean wine took effect on June 2.", None),
        ("New visa rules for Kenyan students will take effect on August 4.", None),
    ],
)
def test_a_change_taking_effect_on_a_day_ahead(
    nlp: Language, sentence: str, day: dt.date | None
) -> None:
    assert _dates(nlp, sentence) == ([] if day is None else [day])


@pytest.mark.slow
def test_a_change_taking_effect_in_an_undated_story_only_when_not_past(nlp: Language) -> None:
    assert _dates(nlp, "On July 14, the levies on Peruvian copper go into effect.", None) == [
        dt.date(2025, 7, 14)
    ]
    assert _dates(nlp, "On July 14, the levies on Peruvian copper went into effect.", None) == []


@pytest.mark.slow
def test_a_change_taking_effect_on_the_story_s_own_day_is_no_deadline(nlp: Language) -> None:
    """'comes into force on Friday' in a story of that Friday: in force from today, not a day
    still to meet (the day after is one)."""
    sentence = "A 15% duty on Ghanaian cocoa comes into force on Friday."
    assert _dates(nlp, sentence, "2025-06-20") == []  # 20 June 2025 was a Friday
    assert _dates(nlp, sentence, "2025-06-19") == [dt.date(2025, 6, 20)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "deadlines", "event_days"),
    [
        # the act a deadline is for, dated: the deadline's day, not the day of the letter
        (
            "Kenya's minister said the letter issued prior to the deadline for suspending the "
            "tariff measures on July 9 shows that Washington wants a deal.",
            [dt.date(2025, 7, 9)],
            [],
        ),
        ("Nairobi missed the deadline for reaching a deal by July 9.", [dt.date(2025, 7, 9)], []),
        # a meeting dated on its own verb keeps its day
        (
            "Kenya's minister met Jamieson Greer in Nairobi on July 9 to discuss the deadline "
            "for reaching a deal.",
            [],
            [dt.date(2025, 7, 9)],
        ),
    ],
)
def test_the_date_of_the_act_a_deadline_is_for(
    nlp: Language, sentence: str, deadlines: list[dt.date], event_days: list[dt.date]
) -> None:
    found = _read(nlp, sentence, "2025-07-08")
    assert [d.date for d in found.deadlines] == deadlines
    assert [e.date for e in found.events if e.kind == "meeting"] == event_days
