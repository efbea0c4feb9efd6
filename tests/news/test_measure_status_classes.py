"""Status classes of round 6, on sentences written for these tests (none taken from a story):
a rate the clause pauses by a pronoun, an agreement only to keep talking, a negated agreement,
a rate the story looks ahead to ("ahead of", "looms"). The trained parse is the point.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text

pytestmark = [pytest.mark.slow]


def _status(nlp: Language, body: str, rate: float) -> set[str]:
    extraction = extract(article_from_text(f"published: 2025-06-02\n\n{body}\n"), nlp)
    return {m.status for m in extraction.measures if m.to_rate_pct == rate}


def test_a_rate_paused_by_a_later_verb_on_a_pronoun_is_suspended(nlp: Language) -> None:
    text = (
        "In April, President Donald Trump announced a 33% tariff on Ecuadorian imports, "
        "before suspending it for three months to allow talks."
    )
    assert _status(nlp, text, 33.0) == {"suspended"}


def test_an_agreement_to_keep_talking_does_not_settle_a_rate(nlp: Language) -> None:
    text = (
        "Although Washington will not lower its 10% baseline tariff on Ecuador, the two sides "
        "agreed to explore closer energy links, Ecuador's trade minister said on Sunday."
    )
    assert _status(nlp, text, 10.0) and "agreed" not in _status(nlp, text, 10.0)


def test_a_negated_agreement_does_not_settle_a_rate(nlp: Language) -> None:
    text = (
        "Although the United States has announced a 15% tariff on goods from Ecuador, no "
        "agreement has been signed between Quito and Washington."
    )
    assert _status(nlp, text, 15.0) and "agreed" not in _status(nlp, text, 15.0)


def test_a_rate_that_looms_is_a_threat(nlp: Language) -> None:
    text = (
        "President Donald Trump will unveil new rates on Friday, and Ecuadorian exporters fear "
        "that a 25% tariff on Ecuador looms."
    )
    assert _status(nlp, text, 25.0) == {"threatened"}


def test_a_rate_the_talks_come_ahead_of_is_a_threat(nlp: Language) -> None:
    text = (
        "Ecuador's President Daniel Noboa spoke with President Donald Trump on Monday, ahead "
        "of a 25% tariff on Ecuadorian goods."
    )
    assert _status(nlp, text, 25.0) == {"threatened"}


# -- round 11: a recent announcement, a rate equal to one set before, a rate only talked about --


def test_a_rate_announced_in_the_perfect_is_a_threat(nlp: Language) -> None:
    text = "The United States has announced a 46% tariff on goods from Vietnam, officials said."
    assert _status(nlp, text, 46.0) == {"threatened"}


def test_a_rate_of_an_announcement_noun_is_a_threat(nlp: Language) -> None:
    text = (
        "Despite the announcement of a 26% US tariff on Indian goods, no agreement has been "
        "signed between Washington and New Delhi."
    )
    assert _status(nlp, text, 26.0) == {"threatened"}


def test_a_rate_announced_days_before_publication_is_a_threat(nlp: Language) -> None:
    # published Monday 2 June: "on Friday" is 30 May
    text = (
        "Canada announced on Friday countermeasures against the American duties, imposing "
        "25% levies on US cars."
    )
    assert _status(nlp, text, 25.0) == {"threatened"}


def test_a_rate_announced_months_before_publication_is_not_a_threat(nlp: Language) -> None:
    text = "Mexico announced in February a 10% tariff on footwear from Brazil, officials said."
    assert _status(nlp, text, 10.0) == {"in_force"}


def test_a_rate_matching_one_set_before_is_in_force_in_a_deal(nlp: Language) -> None:
    text = (
        "The two governments signed the trade agreement on Sunday. Goods from Peru will face "
        "a 10% duty, matching the rate the United States set for Peruvian imports last year."
    )
    assert _status(nlp, text, 10.0) == {"in_force"}


def test_a_rate_only_talked_about_after_a_deal_sentence_is_not_agreed(nlp: Language) -> None:
    text = (
        "Officials in Santiago hope that Chile will reach a deal with Washington by autumn. "
        "Asked about the 50% tariffs on copper, the minister said no solution had been found."
    )
    assert _status(nlp, text, 50.0) and "agreed" not in _status(nlp, text, 50.0)


def test_a_rate_of_an_announcement_told_in_the_past_is_not_a_threat(nlp: Language) -> None:
    text = (
        "The two leaders had a call on the eve of the US announcement of new tariffs of 39% on "
        "Norwegian imports."
    )
    assert _status(nlp, text, 39.0) and "threatened" not in _status(nlp, text, 39.0)
