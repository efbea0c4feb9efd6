"""Round 15 classes of acts (agreements, announcements) told more than once, each on sentences
written for it (partners and people of no story in the corpus):

- a deal or an announcement told twice with no day, once with a vague time ("have signed a
  trade pact" ... "the pact was signed earlier this week"), is one act
  (:func:`tariffscope.news._event_merge.same_event`); meetings and talks told so stay two;
- a dated definite announcement with no people and no announcement to join ("The announcement
  made on Tuesday comes ...") dates the story's one undated deal
  (:func:`tariffscope.news._event_merge._date_the_deal`); not when the story tells an
  announcement of its own;
- unleashing, reimposing or enacting a measure is announcing it (lexicon event_announce_verbs);
- a speaker saying a definite body ("the bloc", "the government") will impose, lift or suspend
  a measure announces it, on the day of the saying (guard speaker_acts_on_measure);
- an event told "(just) hours after/before" a dated one is on its day
  (:func:`tariffscope.news.event_context.day_offsets`);
- a deal noun told as just made ("a newly signed trade agreement") is the deal, dated by its
  sentence (rule agreement.freshly_signed_noun, lexicon event_fresh_adverbs); "the signed
  agreement" alone is not.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _events(
    nlp: Language, body: str, published: str = "2025-09-12"
) -> list[tuple[str, str | None]]:
    article = article_from_text(f"published: {published}\n\nTrade news of the day\n\n{body}\n")
    return [(e.kind, e.date.isoformat() if e.date else None) for e in extract(article, nlp).events]


@pytest.mark.slow
def test_a_deal_told_again_with_a_vague_time_is_one_deal(nlp: Language) -> None:
    body = (
        "Kenya and Uganda have signed a trade pact, the Kenyan government said.\n\n"
        "Officials told reporters that the pact was signed earlier this week in a closed session."
    )
    assert _events(nlp, body).count(("agreement", None)) == 1


@pytest.mark.slow
def test_the_dated_announcement_of_a_deal_dates_the_deal(nlp: Language) -> None:
    body = (
        "The announcement made on Tuesday comes two years after the talks began.\n\n"
        "Norway and Chile have said they have agreed on a free trade agreement that will cut "
        "tariffs on salmon and copper."
    )
    assert ("agreement", "2025-09-09") in _events(nlp, body)


@pytest.mark.slow
def test_a_dated_announcement_in_a_story_with_an_announcement_dates_no_deal(
    nlp: Language,
) -> None:
    body = (
        "Chile announced tariffs of 20% on Peruvian steel on Monday.\n\n"
        "The announcement made on Tuesday comes two years after the talks began.\n\n"
        "Norway and Chile have said they have agreed on a free trade agreement."
    )
    events = _events(nlp, body)
    assert ("agreement", None) in events
    assert ("agreement", "2025-09-09") not in events


@pytest.mark.slow
def test_unleashing_tariffs_is_an_announcement(nlp: Language) -> None:
    body = "Earlier this month, Ghana unleashed tariffs of 30% on imported rice."
    assert ("announcement", "2025-09-01") in _events(nlp, body)


@pytest.mark.slow
@pytest.mark.parametrize(
    "body", ["the bloc will suspend its 10% levy", "the government would lift tariffs"]
)
def test_a_spokesman_telling_what_his_body_will_do_announces_it_on_the_day_he_said_it(
    nlp: Language, body: str
) -> None:
    text = f"Kenyan trade spokesman John Mwangi said on Monday that {body} on Ugandan sugar."
    assert ("announcement", "2025-09-08") in _events(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "Kenya and Uganda signed a trade accord in Nairobi on Tuesday, hours after President "
        "William Ruto met President Yoweri Museveni.",
        "Kenya and Uganda signed a trade accord on Tuesday.\n\nThe accord was signed only hours "
        "after William Ruto met Yoweri Museveni in Nairobi.",
    ],
)
def test_a_meeting_hours_before_a_dated_deal_is_on_its_day(nlp: Language, body: str) -> None:
    assert ("meeting", "2025-09-09") in _events(nlp, body)


@pytest.mark.slow
def test_a_newly_signed_deal_shown_is_the_deal_on_the_day_told(nlp: Language) -> None:
    body = "On Monday, President William Ruto showed reporters a newly signed trade agreement with Uganda."
    assert ("agreement", "2025-09-08") in _events(nlp, body)


@pytest.mark.slow
def test_a_signed_deal_named_again_is_no_new_deal(nlp: Language) -> None:
    body = "President William Ruto said the signed agreement with Uganda will take effect in July."
    assert [k for k, _ in _events(nlp, body)].count("agreement") == 0
