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
