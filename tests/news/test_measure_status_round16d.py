"""Round 16d of the measure statuses: a rate someone only hopes for, wishes or believes will
come ("hopes to secure a 15% rate", "believed the tariff would be 10%", "the hoped-for 10%
tariff") is sought in talks, "proposed", not a threat nor a rate collected; a passive ("is
expected to take effect", "is believed to be") and a threat word under the hope ("hope to
avert") keep their own reading.

Every sentence was written for these tests (none from a development, train, test or fresh
story). They need the trained model and are marked ``slow``.
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


@pytest.mark.parametrize(
    ("body", "rate"),
    [
        ("The South Korean government hopes to secure a 15% US tariff on its car exports.", 15.0),
        (
            "The Chilean government believed that the US tariff on Chilean exports would be 10%.",
            10.0,
        ),
        (
            "Signing the pact would have brought Chile to the hoped-for 10% US tariff on its goods.",
            10.0,
        ),
        ("Vietnamese negotiators are hoping for a 10% US tariff on Vietnamese goods.", 10.0),
        ("Peru wished for a 10% US tariff on its exports.", 10.0),
    ],
)
def test_a_rate_only_hoped_for_or_believed_is_proposed(
    nlp: Language, body: str, rate: float
) -> None:
    assert _status(nlp, body, rate) == {"proposed"}


@pytest.mark.parametrize(
    ("body", "rate"),
    [
        ("The 25% US tariff on Korean cars is expected to take effect on August 1.", 25.0),
        ("Officials in Seoul hope to avert a 25% US tariff on Korean cars.", 25.0),
        (
            "Korean exporters hope to persuade Washington to drop the planned 30% tariff on "
            "Korean cars.",
            30.0,
        ),
    ],
)
def test_a_scheduled_or_averted_rate_under_a_hope_stays_a_threat(
    nlp: Language, body: str, rate: float
) -> None:
    assert _status(nlp, body, rate) == {"threatened"}


def test_a_rate_kept_in_place_under_an_expectation_stays_in_force(nlp: Language) -> None:
    body = "The White House said it expects the 25% tariff on Korean cars to remain in place."
    assert _status(nlp, body, 25.0) == {"in_force"}


def test_a_rate_believed_in_the_passive_is_not_a_hope(nlp: Language) -> None:
    body = "The US tariff now collected on Korean cars is believed to be 25%."
    assert _status(nlp, body, 25.0) == {"in_force"}
