"""Round 15b of the measure status (statuses that did not transfer to unseen stories).

- a rate in a phrase of what came before ("following Lima's move to slap 30% tariffs",
  "following the decision to impose a 15% duty") is done: neither still to come nor under
  a pause the main clause tells;
- a condition ("if", "unless") frames only the clause its own clause hangs on, not another
  clause of the sentence ("has hit steel with 40% tariffs and has threatened ... if ...");
- a tariff whose removal or cut is the condition ("unless Lima rolls back its 40% duties",
  "unless Lima reciprocates by lowering its own 40% duties") stands now.

Every sentence was written for these tests (none from a development, train, test or fresh
story). They need the trained model and are marked ``slow``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.domain.news import MeasureMention
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _read(nlp: Language, headline: str, body: str) -> list[MeasureMention]:
    text = f"published: 2024-06-04\n\n{headline}\n\n{body}"
    return list(extract(article_from_text(text), nlp).measures)


def _statuses(measures: list[MeasureMention]) -> dict[float, str]:
    return {m.to_rate_pct: m.status for m in measures}


@pytest.mark.slow
@pytest.mark.parametrize(
    "phrase",
    [
        "following Lima's move to slap 30% tariffs on Chilean copper",
        "following the Peruvian decision to impose a 30% duty on Chilean copper",
    ],
)
def test_a_rate_in_a_phrase_of_what_came_before_is_done(nlp: Language, phrase: str) -> None:
    body = (
        "Chile postponed a vote on its trade pact with Peru on Tuesday, "
        f"{phrase}, a minister in Santiago said."
    )
    found = _statuses(_read(nlp, "Chile delays pact vote", body))
    assert found.get(30.0) == "in_force", found


@pytest.mark.slow
def test_a_condition_frames_only_the_clause_it_hangs_on(nlp: Language) -> None:
    body = (
        "Chile's miners fear the Peruvian government, which has hit Chilean copper with 40% "
        "tariffs and has threatened Chile with 60% tariffs if no deal is reached, officials "
        "in Santiago said on Tuesday."
    )
    found = _statuses(_read(nlp, "Chile fears Peru", body))
    assert found.get(40.0) == "in_force", found
    assert found.get(60.0) == "threatened", found


@pytest.mark.slow
@pytest.mark.parametrize(
    "condition",
    [
        "unless Peru rolls back its own 40% duties on Chilean copper",
        "unless Peru reciprocates by lowering its own 40% duties on Chilean copper",
    ],
)
def test_a_tariff_whose_removal_is_the_condition_stands(nlp: Language, condition: str) -> None:
    body = (
        "The Chilean minister opposes scrapping duties on Peruvian wheat "
        f"{condition}, officials in Santiago said on Tuesday."
    )
    found = _statuses(_read(nlp, "Chile holds its duties", body))
    assert found.get(40.0) == "in_force", found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("pause", "status"),
    [
        ("Peru declared a 60-day pause on the tariffs to give time for talks.", "suspended"),
        ("The tariffs were later suspended for 60 days so that talks could go on.", "suspended"),
        ("However, Peru delayed the implementation by a month on Monday.", "suspended"),
        ("Peru may pause the tariffs for 60 days to give time for talks.", "in_force"),
        ("Peru has not suspended the tariffs, officials said.", "in_force"),
    ],
)
def test_a_pause_of_the_tariffs_told_next_suspends_the_rates_before(
    nlp: Language, pause: str, status: str
) -> None:
    body = (
        "Chile's copper miners met in Santiago on Tuesday. "
        f"For Chilean goods, Peru imposed a 24% tariff in March. {pause}"
    )
    found = _statuses(_read(nlp, "Chile waits on Peru", body))
    assert found.get(24.0) == status, found


@pytest.mark.slow
def test_a_rate_in_the_complement_of_a_recent_announcement_is_threatened(nlp: Language) -> None:
    body = (
        "On Monday, the Peruvian president announced he was raising tariffs on Chilean goods "
        "by an additional 12% over a dispute about fishing rights."
    )
    found = _statuses(_read(nlp, "Peru raises duties", body))
    assert found.get(12.0) == "threatened", found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("removal", "status"),
    [
        ("Chile could be given an exemption from Peru's 18% tariff", "in_force"),
        ("Peru might lift its 18% tariff on Chilean copper", "in_force"),
        ("Peru has lifted its 18% tariff on Chilean copper", "suspended"),
    ],
)
def test_a_removal_only_possible_leaves_the_rate_standing(
    nlp: Language, removal: str, status: str
) -> None:
    body = f"Officials in Santiago said on Tuesday that {removal}."
    found = _statuses(_read(nlp, "Chile and Peru", body))
    assert found.get(18.0) == status, found


@pytest.mark.slow
def test_a_deal_a_verb_carries_out_is_made(nlp: Language) -> None:
    body = (
        "Last month the ministry in Lima put forward a plan to implement the trade agreement "
        "with Chile, under which Peru would charge a 9% tariff on all Chilean goods."
    )
    found = _statuses(_read(nlp, "Peru and Chile", body))
    assert found.get(9.0) == "agreed", found
