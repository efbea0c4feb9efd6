"""Round 17 triggers no rule read (notice17), on sentences written for each class (partners
and people of no story in the corpus): a letter told as sent is announced by its sender
(``_event_people._letter_senders``), a press conference held is its holders' public event."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _events(nlp: Language, body: str, published: str = "2025-07-14") -> list[tuple[str, ...]]:
    article = article_from_text(f"published: {published}\n\nTrade news of the day\n\n{body}\n")
    return [
        (e.kind, e.date.isoformat() if e.date else "", *e.participants)
        for e in extract(article, nlp).events
    ]


@pytest.mark.slow
def test_a_letter_from_a_sender_is_the_senders_announcement(nlp: Language) -> None:
    body = (
        "Chilean exporters were set to face a 25% duty, per the July 9 letter from President "
        "Gabriel Boric to Prime Minister Mark Carney."
    )
    found = _events(nlp, body)
    assert any(k == "announcement" and "Gabriel Boric" in rest for k, *rest in found), found


@pytest.mark.slow
def test_a_press_conference_held_is_a_public_event(nlp: Language) -> None:
    body = (
        "Trade Minister Elena Vargas and Foreign Minister Tomas Ruiz held a joint press "
        "conference in Lima on Friday, calling for calm over the 30% tariffs."
    )
    found = _events(nlp, body)
    assert any(k == "other" and d == "2025-07-11" for k, d, *_ in found), found
