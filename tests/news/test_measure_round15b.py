"""Round 15b of the measure reader: whose tariff a passive change of a possessed rate is, and
"respectively" lists beside the imposer.

"X's tariff rate was slashed to 15% in last week's executive order by President Y": the
passive names no agent, but the instrument it is made in names who issued it. That
government lays the rate; the possessor pays it (as with an agent: "X's tariff was raised
to 21% by Washington"). A possessor's own decree keeps the tariff the possessor's. A
"respectively" list whose sentence names another place too (the imposer: "US tariffs")
shares its rates out among the one coordinated list of as many places as rates.

Every sentence was written for these tests (synthetic; none from a development, train, test
or fresh story). They need the trained model and are marked ``slow``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _pairs(
    nlp: Language, body: str, headline: str = "Ghana exporters weigh new duties"
) -> set[tuple[str, str, float]]:
    text = f"published: 2030-05-02\n\n{headline}\n\n{body}"
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


# --- a "respectively" list beside another place (the imposer) ------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Peru, Chile and Ghana will face the highest US tariffs at 30 per cent, 29 per "
            "cent and 22 per cent respectively.",
            {("USA", "PER", 30.0), ("USA", "CHL", 29.0), ("USA", "GHA", 22.0)},
        ),
        (
            "Under the US order, Peru and Chile face rates of 18% and 24% respectively.",
            {("USA", "PER", 18.0), ("USA", "CHL", 24.0)},
        ),
    ],
)
def test_synthetic_a_respectively_list_shares_its_rates_out_beside_the_imposer(
    nlp: Language, body: str, expected: set[tuple[str, str, float]]
) -> None:
    assert _pairs(nlp, body, "Pacific exporters weigh new US duties") == expected


# --- a cut made in a legal act is in force, not a deal's rate ---------------------------------


def _statuses(nlp: Language, body: str) -> set[tuple[float, str]]:
    text = f"published: 2030-05-02\n\nGhana exporters weigh new duties\n\n{body}"
    return {(m.to_rate_pct, m.status) for m in extract(article_from_text(text), nlp).measures}


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "Ghana's tariff rate was slashed to 11% in last week's executive order by the US "
        "president.",
        "Ghana's tariff was lowered to 11% in Washington's new proclamation.",
    ],
)
def test_synthetic_a_cut_made_in_a_legal_act_is_in_force(nlp: Language, body: str) -> None:
    assert _statuses(nlp, body) == {(11.0, "in_force")}


@pytest.mark.slow
def test_synthetic_a_cut_told_by_its_verb_alone_stays_a_deals_rate(nlp: Language) -> None:
    assert _statuses(nlp, "The US has lowered Ghana's tariff from 36% to 19%.") == {
        (19.0, "agreed")
    }
