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
