"""Round 16 classes of acts (rulings, announcements, agreements), each on sentences written for
it (partners and people of no story in the corpus):

- a vote told as the means or tally of a verb's act ("*By* a 5-4 vote, the high court
  ruled ...") is that verb's event, not an election of its own (lexicon event_means_preps,
  ``EventComponent._covered``);
- a court's ruling with no country named, in a story that reports no measure, is the court of
  the story's first country (``_INSTITUTION_RULES`` in :mod:`tariffscope.news.events`);
- a weekday told as past after the story wrote that weekday with its date ("ruled on Monday,
  March 2 ... On Monday night, the ministry issued ...") is that dated day, not the latest
  such weekday before publication (:func:`tariffscope.news.dates.echoed_weekday`);
- announcing that one intends or plans to act, with no time or place, is an intention, not an
  announcement (guard announces_an_intention);
- a court agreeing with a party is its opinion, not a deal (guard subject_is_court on the
  agreement rules);
- a deal verb's participle clause set before the deal ("Signed in X on Monday, the accord
  ...") is the deal's making (rule agreement.deal_made_before_it).
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.dates import DateExpr, echoed_weekday
from tariffscope.news.ingest import article_from_text


def _events(
    nlp: Language, body: str, published: str = "2025-03-10"
) -> list[tuple[str, str | None, tuple[str, ...]]]:
    article = article_from_text(f"published: {published}\n\nTrade news of the day\n\n{body}\n")
    return [
        (e.kind, e.date.isoformat() if e.date else None, tuple(e.participants))
        for e in extract(article, nlp).events
    ]


@pytest.mark.slow
def test_a_vote_told_as_the_tally_of_a_ruling_is_the_ruling(nlp: Language) -> None:
    body = (
        "By a 5-4 vote, Mexico's high court ruled on Tuesday, March 4, that the Treasury may not "
        "collect the duties."
    )
    found = _events(nlp, body, "2025-03-07")
    assert [k for k, _, _ in found] == ["other"]
    assert found[0][1] == "2025-03-04"


@pytest.mark.slow
def test_a_ruling_of_an_unnamed_court_is_the_story_country(nlp: Language) -> None:
    body = (
        "The Peruvian government welcomed the decision. The Supreme Court ruled on Tuesday, "
        "March 4, that the customs agency had no power to collect the fees."
    )
    assert ("other", "2025-03-04", ("PER",)) in _events(nlp, body, "2025-03-07")


@pytest.mark.slow
def test_a_weekday_after_the_same_weekday_with_its_date_is_that_day(nlp: Language) -> None:
    body = (
        "The appeals court ruled on Monday, March 2, that the Canadian levies were unlawful.\n\n"
        "On Monday night, the Canadian government issued an order ending the levies."
    )
    found = _events(nlp, body, "2025-03-11")  # a Tuesday: the last Monday is March 10
    assert ("announcement", "2025-03-02", ("CAN",)) in found


def test_echoed_weekday_only_within_two_weeks_and_without_a_word_of_its_own() -> None:
    monday = DateExpr(0, 6, "Monday", "weekday", weekday=0)
    written = DateExpr(0, 15, "Monday, March 2", "absolute", None, 3, 2, weekday=0)
    default = dt.date(2025, 3, 10)
    assert echoed_weekday(monday, default, [(written, dt.date(2025, 3, 2))]) == dt.date(2025, 3, 2)
    assert echoed_weekday(monday, default, [(written, dt.date(2025, 2, 17))]) is None
    last = DateExpr(0, 11, "last Monday", "weekday", weekday=0, modifier="last")
    assert echoed_weekday(last, default, [(written, dt.date(2025, 3, 2))]) is None


@pytest.mark.slow
def test_announcing_an_intention_is_no_announcement(nlp: Language) -> None:
    body = (
        "The Chilean president has announced that he intends to seek new duties under other laws."
    )
    assert [k for k, _, _ in _events(nlp, body)] == []


@pytest.mark.slow
def test_announcing_a_dated_act_is_still_an_announcement(nlp: Language) -> None:
    body = "Chile announced on Friday that it will impose a 20% tariff on steel from Peru."
    assert [k for k, _, _ in _events(nlp, body)] == ["announcement"]


@pytest.mark.slow
def test_a_court_agreeing_with_a_party_is_no_deal(nlp: Language) -> None:
    body = (
        'Kenyan importers sued the Kenyan government over the duties. "The court agrees '
        'with the importers that the levies are unlawful," Judge Amina Otieno wrote.'
    )
    assert "agreement" not in [k for k, _, _ in _events(nlp, body)]


@pytest.mark.slow
def test_a_deal_participle_before_the_deal_is_the_agreement(nlp: Language) -> None:
    body = (
        "Signed in Lima on Monday by the two trade ministers, the accord cuts Peru's tariffs "
        "on Chilean fruit."
    )
    found = _events(nlp, body, "2025-03-12")
    assert any(k == "agreement" and d == "2025-03-10" for k, d, _ in found)


@pytest.mark.slow
def test_a_measure_verb_done_to_no_measure_is_no_announcement(nlp: Language) -> None:
    body = (
        "On Monday the Chilean government set a July 20 deadline for Peru to cut its tariffs. "
        "On Tuesday Chilean officials raised issues with Peru's non-tariff barriers."
    )
    assert "announcement" not in [k for k, _, _ in _events(nlp, body)]


@pytest.mark.slow
def test_a_measure_verb_on_rates_or_aimed_at_parties_is_still_an_announcement(
    nlp: Language,
) -> None:
    assert [
        k for k, _, _ in _events(nlp, "On Monday Chile hiked rates on Peruvian steel to 20%.")
    ] == ["announcement"]
    body = (
        "The Chilean president on Monday warned countries against backing away from trade "
        "deals, saying that he would hit them with much higher duties."
    )
    assert [k for k, _, _ in _events(nlp, body)] == ["announcement"]


@pytest.mark.slow
def test_a_legislature_passing_a_bill_on_a_day_is_a_vote(nlp: Language) -> None:
    body = "Kenyan lawmakers on Thursday passed a bill raising duties on imported sugar."
    assert ("election", "2025-03-06", ("KEN",)) in _events(nlp, body)


@pytest.mark.slow
def test_a_law_approved_by_a_bare_congress_is_the_story_country(nlp: Language) -> None:
    body = (
        "On Monday, Peruvian President Rosa Quispe signed a decree regulating the Trade "
        "Defence Law, which was approved by Congress in January."
    )
    assert ("election", "2025-01-01", ("PER",)) in _events(nlp, body)


@pytest.mark.slow
def test_a_legislature_passing_with_no_time_or_no_bill_is_no_vote(nlp: Language) -> None:
    undated = "Kenyan lawmakers passed a bill raising duties on imported sugar."
    position = "Kenyan lawmakers on Thursday approved their position on the sugar talks."
    for body in (undated, position):
        assert "election" not in [k for k, _, _ in _events(nlp, body)]
