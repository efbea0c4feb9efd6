"""Event rules on sentences written for these tests (none is taken from the development set).

History the story only mentions, tariffs that took effect, days counted from another event
("on the eve of"), bare role phrases ("EU trade chief"), "the country's" minister, a deal
dated to a month and to a day of it, and a quoted decision announced by the speaker.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tariffscope.domain.news import Event, Extraction
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text

pytestmark = [pytest.mark.slow]


def _read(nlp: Language, body: str, published: str | None = "2025-09-12") -> Extraction:
    header = f"published: {published}\n\n" if published else ""
    return extract(article_from_text(f"{header}{body}\n"), nlp)


def _kinds(extraction: Extraction, kind: str) -> list[Event]:
    return [e for e in extraction.events if e.kind == kind]


def test_an_event_dated_only_by_a_past_year_is_history(nlp: Language) -> None:
    text = (
        "Canada has set a 25% tariff on Chinese steel from Friday, escalating a trade row that "
        "began after Beijing imposed duties on Canadian canola last year.\n"
        "Conservative leader Pierre Poilievre became a critic of the tariffs after losing the "
        "2021 election to the Liberals."
    )
    extraction = _read(nlp, text)
    assert not _kinds(extraction, "election")
    assert all("CHN" not in e.participants for e in _kinds(extraction, "announcement"))


def test_a_previous_threat_without_a_date_is_history(nlp: Language) -> None:
    text = (
        "The deal is seen as a compromise after Trump previously threatened to impose tariffs "
        "as high as 25% on Thai goods."
    )
    assert not _kinds(_read(nlp, text), "announcement")


def test_an_announcement_long_before_the_news_is_history(nlp: Language) -> None:
    text = (
        "The deal comes more than three months after U.S. President Donald Trump imposed a "
        "39% tariff on imports from Switzerland."
    )
    assert not _kinds(_read(nlp, text), "announcement")


def test_a_plain_after_keeps_the_announcement(nlp: Language) -> None:
    text = (
        "Brazilian diplomat Maria Escorel met U.S. envoy Gabriel Escobar twice. The second "
        "meeting came after U.S. President Donald Trump published the letter announcing new "
        "tariffs on Brazil."
    )
    announcements = _kinds(_read(nlp, text), "announcement")
    assert [e.participants for e in announcements] == [("Donald Trump",)]


def test_tariffs_that_went_into_effect_were_imposed(nlp: Language) -> None:
    text = (
        "Ottawa and Washington will resume talks over Washington's 35% tariffs on Canadian "
        "goods that went into effect earlier this week."
    )
    events = [e for e in _kinds(_read(nlp, text), "announcement") if e.participants == ("USA",)]
    assert len(events) == 1
    assert events[0].status == "happened"
    assert events[0].date_text == "earlier this week"


def test_tariffs_that_will_take_effect_are_not_an_event(nlp: Language) -> None:
    text = "Washington's 35% tariffs on Canadian goods will take effect next month."
    assert not _kinds(_read(nlp, text), "announcement")


def test_the_eve_of_an_announcement_dates_it(nlp: Language) -> None:
    text = (
        "Canadian Prime Minister Mark Carney and US President Donald Trump had a telephone "
        "call on the eve of the US announcement of fresh tariffs of 35% on Canadian imports.\n"
        "A newspaper revealed details of the phone call between Carney and Trump on July 30."
    )
    extraction = _read(nlp, text, "2025-08-18")
    call = _kinds(extraction, "call")
    announcement = _kinds(extraction, "announcement")
    assert [e.date for e in call] == [dt.date(2025, 7, 30)]
    assert [e.date for e in announcement] == [dt.date(2025, 7, 31)]


def test_a_bare_role_phrase_names_the_one_person_with_that_role(nlp: Language) -> None:
    text = (
        "India's trade ministry said on Thursday that India and the US agreed to speed up "
        "talks on chips during a meeting with US trade chief last week.\n"
        "Indian negotiator Rajesh Agrawal and US trade chief Jamieson Greer also agreed to "
        "meet every month, a ministry spokesperson said."
    )
    meetings = _kinds(_read(nlp, text), "meeting")
    assert any("Jamieson Greer" in e.participants for e in meetings)


def test_the_countrys_minister_is_the_countrys_delegation(nlp: Language) -> None:
    text = (
        "Vietnam's foreign ministry said it had received no notice from Washington, and that "
        "the country's trade minister will visit the United States to discuss the matter."
    )
    visits = _kinds(_read(nlp, text), "visit")
    assert [(e.participants, e.status) for e in visits] == [(("VNM",), "planned")]


def test_a_deal_dated_to_a_month_and_to_a_day_of_it_is_one_agreement(nlp: Language) -> None:
    text = (
        "Under the agreement finalized by Trump and Australian Prime Minister Anthony Albanese "
        "in October 2025, the United States would cut tariffs on Australian beef.\n"
        '"Prime Minister Albanese and I reached a great deal on July 2, 2025, and we '
        'reaffirmed these terms while I was in Canberra on October 20, 2025," Trump said.'
    )
    agreements = _kinds(_read(nlp, text, "2026-01-20"), "agreement")
    assert sorted(str(e.date) for e in agreements) == ["2025-07-02", "2025-10-20"]
    assert all(e.status == "happened" for e in agreements)


def test_a_quoted_decision_of_the_speaker_is_an_announcement(nlp: Language) -> None:
    text = (
        '"Washington has sent us a letter, so we will extend the suspension of our '
        'countermeasures until September," Prime Minister Mark Carney said on Monday.'
    )
    announcements = _kinds(_read(nlp, text, "2025-07-16"), "announcement")
    assert [(e.participants, e.date) for e in announcements] == [
        (("Mark Carney",), dt.date(2025, 7, 14))
    ]


def test_a_rate_cut_reported_in_the_passive_is_not_an_announcement(nlp: Language) -> None:
    text = (
        "Trump and Xi Jinping met in Busan on Thursday. Trump said tariffs imposed on Chinese "
        "imports would be cut to 47% from 57%."
    )
    assert not _kinds(_read(nlp, text, "2025-10-30"), "announcement")
