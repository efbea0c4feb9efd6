"""Round 18 classes of announcements (issue 10), each on sentences written for it (partners and
people of no story in the corpus):

- a measure verb told in the -ing form under another word ("has proposed *imposing* tariffs",
  "after weeks of *threatening* duties") is a proposal or a habit, not a government's act
  (guard act_in_ing_form on announcement.measure_verb);
- in a story with a publication date, an announcement or agreement told in the simple past
  in the main clause with no day, month or place of its own ("Norway imposed a 15 percent tariff on ...")
  retells a measure, it is no act at a date (:func:`tariffscope.news.event_context.is_background`,
  ``story_dated``); with a day of its own, or in a story with no publication date (where a day
  told could not be resolved), it stands;
- an announcement noun with no time in its phrase, no maker's "by" phrase and no phrase of
  what it announced ("The announcement comes after ...") points back to an act told elsewhere
  (guard noun_tells_nothing_new on announcement.noun, lexicon event_announced_preps);
- the rollout of a measure at a time names its announcement (lexicon event_announcement_nouns);
- in a story with a publication date, an announcement told in the present perfect with no
  time or place ("Peru has announced new tariffs on ...") stands only if another mention gives
  it a day or place (``events._occasion_untold``, ``story_dated``).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _events(
    nlp: Language, body: str, published: str | None = "2025-03-14"
) -> list[tuple[str, str | None, tuple[str, ...]]]:
    header = f"published: {published}\n" if published else ""
    article = article_from_text(f"{header}title: Trade news of the day\n\n{body}\n")
    return [
        (e.kind, e.date.isoformat() if e.date else None, tuple(e.participants))
        for e in extract(article, nlp).events
    ]


def _kinds(found: list[tuple[str, str | None, tuple[str, ...]]]) -> list[str]:
    return [k for k, _, _ in found]


@pytest.mark.slow
def test_a_measure_proposed_in_the_ing_form_is_no_announcement(nlp: Language) -> None:
    body = "Chile's president has proposed imposing tariffs of as much as 20% on Peruvian wine."
    assert "announcement" not in _kinds(_events(nlp, body))


@pytest.mark.slow
def test_a_gerund_after_a_preposition_is_no_announcement(nlp: Language) -> None:
    body = (
        "After weeks of threatening steep tariffs on Peruvian wine in March, Chile's "
        "president sent his trade minister to Lima."
    )
    assert "announcement" not in _kinds(_events(nlp, body))


@pytest.mark.slow
def test_the_same_measure_imposed_on_a_day_is_an_announcement(nlp: Language) -> None:
    body = "Chile's government imposed a 20% tariff on Peruvian wine on Tuesday."
    assert ("announcement", "2025-03-11", ("CHL",)) in _events(nlp, body)


@pytest.mark.slow
def test_a_measure_retold_in_the_past_with_no_day_is_no_announcement(nlp: Language) -> None:
    body = (
        "Norway imposed a 15 percent tariff on Chilean salmon. The Chilean trade minister will "
        "travel to Oslo next week."
    )
    assert "announcement" not in _kinds(_events(nlp, body))


@pytest.mark.slow
def test_a_measure_retold_with_a_vague_time_is_no_announcement(nlp: Language) -> None:
    body = "Earlier this year, Norway slapped a 15 percent tariff on Chilean salmon."
    assert "announcement" not in _kinds(_events(nlp, body))


@pytest.mark.slow
def test_a_past_measure_with_no_day_stands_in_an_undated_story(nlp: Language) -> None:
    body = "Norway imposed a 15 percent tariff on Chilean salmon on Tuesday."
    assert "announcement" in _kinds(_events(nlp, body, None))


@pytest.mark.slow
def test_a_past_measure_with_no_time_stands_in_an_undated_story(nlp: Language) -> None:
    body = "Norway imposed a 15 percent tariff on Chilean salmon."
    assert "announcement" in _kinds(_events(nlp, body, None))


@pytest.mark.slow
def test_an_announcement_noun_pointing_back_is_no_event(nlp: Language) -> None:
    body = (
        "Ecuador's trade minister said on Wednesday that talks with Peru would resume. "
        "Ecuador's announcement came despite a warning from Lima."
    )
    assert "announcement" not in _kinds(_events(nlp, body))


@pytest.mark.slow
def test_an_announcement_noun_with_its_own_time_is_an_event(nlp: Language) -> None:
    body = "Ecuador's announcement on Wednesday of new tariffs on Peruvian shrimp angered Lima."
    assert ("announcement", "2025-03-12", ("ECU",)) in _events(nlp, body)


@pytest.mark.slow
def test_the_rollout_of_tariffs_in_a_month_is_an_announcement(nlp: Language) -> None:
    body = (
        "Shortly after Peru's rollout of new tariffs on Chilean fruit in January, Chile "
        "asked for talks."
    )
    assert ("announcement", "2025-01-01", ("PER",)) in _events(nlp, body)


@pytest.mark.slow
def test_a_deal_retold_in_the_past_with_no_day_is_no_agreement(nlp: Language) -> None:
    body = (
        "Ecuador also reached a trade deal with Peru. Chile's trade minister will travel to "
        "Lima next week."
    )
    assert "agreement" not in _kinds(_events(nlp, body))


@pytest.mark.slow
def test_a_deal_reached_on_a_day_is_an_agreement(nlp: Language) -> None:
    body = "Ecuador reached a trade deal with Peru on Monday."
    assert "agreement" in _kinds(_events(nlp, body))


@pytest.mark.slow
def test_an_act_in_the_present_perfect_with_no_time_is_no_event(nlp: Language) -> None:
    body = "Peru has announced new tariffs on Chilean fruit. Chile's minister will visit Lima."
    assert "announcement" not in _kinds(_events(nlp, body))


@pytest.mark.slow
def test_an_act_in_the_present_perfect_stands_in_an_undated_story(nlp: Language) -> None:
    body = "Peru has announced new tariffs on Chilean fruit. Chile's minister will visit Lima."
    assert "announcement" in _kinds(_events(nlp, body, None))
