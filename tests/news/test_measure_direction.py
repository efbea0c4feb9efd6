"""Who imposes a rate on whom: a partner's tariff on US goods versus a US tariff.

Every sentence was written for these tests (none from a development, train or test story),
in the styles of several outlets; they need the trained model (the parse is the point).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text

pytestmark = [pytest.mark.slow]


def _pairs(nlp: Language, body: str) -> set[tuple[str, str, float, str]]:
    lead = "U.S. President Donald Trump's trade team met in Washington on Friday."
    article = article_from_text(f"published: 2025-09-12\n\n{lead}\n\n{body}\n")
    return {(m.imposer, m.target, m.to_rate_pct, m.status) for m in extract(article, nlp).measures}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the partner's retaliation: a verb of response with the partner as its subject
        (
            "Lula said Brazil would respond with a 50% tariff on American goods.",
            {("BRA", "USA", 50.0, "threatened")},
        ),
        (
            "Beijing retaliated with 125% duties on American products.",
            {("CHN", "USA", 125.0, "in_force")},
        ),
        # the partner's own tariff named by a demonym or an institution before the noun
        # (from June, before the September publication: collected now)
        ("American whiskey faces a 50% EU tariff from June.", {("EUN", "USA", 50.0, "in_force")}),
        (
            "Canadian counter-tariffs of 25% on US steel remain in place.",
            {("CAN", "USA", 25.0, "in_force")},
        ),
        # the goods a partner grants a rate are the US goods, whose origin imposes nothing
        (
            "In return, Kenya will grant US goods zero tariffs, while Kenyan goods will face a "
            "10% tariff.",
            {("KEN", "USA", 0.0, "agreed"), ("USA", "KEN", 10.0, "agreed")},
        ),
    ],
)
def test_the_partners_tariff_on_us_goods_and_the_us_tariff(
    nlp: Language, body: str, expected: set[tuple[str, str, float, str]]
) -> None:
    assert _pairs(nlp, body) == expected
