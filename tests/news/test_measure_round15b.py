"""Round 15b of the measure reader: whose tariff a passive change of a possessed rate is.

"X's tariff rate was slashed to 15% in last week's executive order by President Y": the
passive names no agent, but the instrument it is made in names who issued it. That
government lays the rate; the possessor pays it (as with an agent: "X's tariff was raised
to 21% by Washington"). A possessor's own decree keeps the tariff the possessor's.

Every sentence was written for these tests (synthetic; none from a development, train, test
or fresh story). They need the trained model and are marked ``slow``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _pairs(nlp: Language, body: str) -> set[tuple[str, str, float]]:
    text = f"published: 2030-05-02\n\nGhana exporters weigh new duties\n\n{body}"
    found = extract(article_from_text(text), nlp).measures
    return {(m.imposer, m.target, m.to_rate_pct) for m in found}


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "Ghana's tariff rate was slashed to 11% in last week's executive order by the US "
        "president.",
        "Ghana's tariff rate was cut to 11% under an order signed by the US president.",
        "Ghana's tariff was lowered to 11% in Washington's new proclamation.",
    ],
)
def test_synthetic_the_issuer_of_the_instrument_lays_a_possessed_rate_it_changes(
    nlp: Language, body: str
) -> None:
    assert ("USA", "GHA", 11.0) in _pairs(nlp, body)


@pytest.mark.slow
def test_synthetic_the_possessors_own_decree_keeps_its_tariff(nlp: Language) -> None:
    pairs = _pairs(nlp, "Ghana's tariff was lowered to 11% in Ghana's new decree.")
    assert all(imposer == "GHA" for imposer, _, _ in pairs) and pairs
