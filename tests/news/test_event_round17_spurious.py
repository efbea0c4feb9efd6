"""Round 17 classes of spurious acts (events the rules read far from any gold trigger), each
on sentences written for it (partners and people of no story in the corpus):

- a deal or a measure aimed at ("work toward reaching a deal") or weighed ("opposes
  scrapping tariffs", "looking into imposing duties") has not happened
  (``events._unrealized_gerund``; lexicon event_unrealized_preps, event_weighing_verbs,
  event_weighing_preps);
- "can" is a modal of possibility like "could" ("it is hoped that a deal can be concluded
  next year"; lexicon event_possibility_modals);
- what a class of parties did, in a relative clause on "the countries" ("join the countries
  that have signed a pact"), or a bare plural of deals whose subject is counted ("five
  nations have finalized trade agreements"), is no one act (guards class_relative,
  generic_plural);
- a present passive in a clause of time under a future ("once the agreement is signed, the
  government will publish it") tells the future: a plan, an event only with a day
  (``_syntax._present_of_future``);
- a deal or an announcement in the past perfect ("had already imposed tariffs"), undated and
  placeless, is an act before the story's past, retold (``event_mood._told_as_background``);
- a measure or announcing verb as a past participle on a noun with no time of its own ("the
  tariff, announced by the administration, takes effect on April 9") tells the measure's
  history, and the sentence's day is the effective date, not the act's
  (``event_mood._describes_its_noun``).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _events(
    nlp: Language, body: str, published: str = "2025-03-12"
) -> list[tuple[str, str | None, str]]:
    article = article_from_text(f"published: {published}\n\nTrade news of the day\n\n{body}\n")
    return [
        (e.kind, e.date.isoformat() if e.date else None, e.status)
        for e in extract(article, nlp).events
    ]


def _kinds(nlp: Language, body: str) -> list[str]:
    return [k for k, _, _ in _events(nlp, body)]


#: (sentence, the kind of act it must not yield), one or more per class of the module
NOT_DONE = [
    (  # aimed at, by a preposition of direction
        "Trade officials from Kenya and the United States agreed to work toward reaching a "
        "broader trade deal by April 20.",
        "agreement",
    ),
    (  # weighed: the complement of a verb of weighing
        "Chile's trade minister Ana Rojas opposes scrapping the 25 percent tariffs on US steel.",
        "announcement",
    ),
    (  # weighed: after the verb's preposition
        "The United States began looking into imposing duties on Chilean copper in mid-February.",
        "announcement",
    ),
    (  # "can": a possibility, with a time or not
        "The ministry said it is hoped that a full trade deal between Uruguay and the United "
        "States can be concluded next year.",
        "agreement",
    ),
    (  # a class of parties, "the" before it
        "Uruguay hopes to join the countries that have secured a trade pact with the US.",
        "agreement",
    ),
    (  # a bare plural of deals, its subject counted
        "So far, five nations have finalized trade agreements with the United States.",
        "agreement",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "kind"), NOT_DONE)
def test_an_act_aimed_at_weighed_possible_or_of_a_class_is_none(
    nlp: Language, body: str, kind: str
) -> None:
    assert kind not in _kinds(nlp, body)


@pytest.mark.slow
def test_the_act_itself_stays_one(nlp: Language) -> None:
    assert "announcement" in _kinds(
        nlp, "Chile scrapped the 25 percent tariffs on US steel on Tuesday."
    )


@pytest.mark.slow
def test_a_deal_signed_once_ahead_is_a_plan(nlp: Language) -> None:
    undated = (
        "Once the agreement between Morocco and the United States is finally signed, the "
        "government will publish its full text."
    )
    assert "agreement" not in _kinds(nlp, undated)
    dated = (
        "Once the agreement between Morocco and the United States is signed on Friday, the "
        "government will publish its full text."
    )
    assert ("agreement", "2025-03-14", "planned") in _events(nlp, dated)


@pytest.mark.slow
def test_a_measure_told_in_the_past_perfect_is_retold(nlp: Language) -> None:
    retold = (
        "Washington had already imposed 20 percent tariffs on Moroccan goods, although it "
        "later postponed them."
    )
    assert "announcement" not in _kinds(nlp, retold)
    dated = "Washington had imposed 20 percent tariffs on Moroccan goods on Monday."
    assert "announcement" in _kinds(nlp, dated)


@pytest.mark.slow
def test_a_participle_describing_a_measure_takes_no_effective_date(nlp: Language) -> None:
    body = (
        "The 30 percent tariff on Kenya, announced by the US administration, is scheduled to "
        "take effect on April 9."
    )
    assert ("announcement", "2025-04-09") not in [(k, d) for k, d, _ in _events(nlp, body)]
    policy = "The US tariff policy for Kenya, set at 30 percent, will take effect on April 9."
    assert "announcement" not in _kinds(nlp, policy)
    own_day = (
        "The 30 percent tariff on Kenya announced by the US administration on March 4 will "
        "take effect on April 9."
    )
    assert ("announcement", "2025-03-04") in [(k, d) for k, d, _ in _events(nlp, own_day)]
