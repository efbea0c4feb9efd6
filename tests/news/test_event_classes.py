"""Classes of event mentions the reader missed or invented on unseen stories, each on sentences
written for these tests: elections called by another name, a named day at an exhibition, a
delegation's visit, a trip planned for discussions, possibilities and wishes, undated
announcements of nothing concrete, and a meeting reported as planned and as held.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.domain.news import Event, Extraction
from tariffscope.news._event_merge import merge_mentions
from tariffscope.news._event_record import EventRecord
from tariffscope.news._event_story import EventStory
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon


def _read(nlp: Language, body: str) -> Extraction:
    # a headline first: the reader leaves headlines out
    text = f"published: 2025-03-05\n\nTrade news of the day\n\n{body}\n"
    return extract(article_from_text(text), nlp)


def _kinds(extraction: Extraction, kind: str) -> list[Event]:
    return [e for e in extraction.events if e.kind == kind]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("Australian Prime Minister Anthony Albanese faces an upper house vote on Sunday.", "AUS"),
        ("Canadians go to the polls on Monday, Prime Minister Mark Carney said.", "CAN"),
        ("Swiss voters will decide the pact in a referendum on June 14.", "CHE"),
        ("German Chancellor Olaf Scholz called a snap election for February 23.", "DEU"),
    ],
)
def test_an_election_by_another_name_is_an_election(nlp: Language, body: str, country: str) -> None:
    elections = _kinds(_read(nlp, body), "election")
    assert len(elections) == 1
    assert country in elections[0].participants


@pytest.mark.slow
def test_a_named_day_at_an_exhibition_is_another_public_event(nlp: Language) -> None:
    body = (
        "Malaysian Trade Minister Tengku Zafrul Aziz attended Malaysia Day at the Dubai expo "
        "on Tuesday."
    )
    others = _kinds(_read(nlp, body), "other")
    assert len(others) == 1 and others[0].rule == "other.named_day"


@pytest.mark.slow
def test_a_named_day_with_no_exhibition_is_not_an_event(nlp: Language) -> None:
    body = "Exporters still count the cost of the Liberation Day tariffs, the chamber said."
    assert not _kinds(_read(nlp, body), "other")


@pytest.mark.slow
def test_a_delegations_visit_is_one_visit_of_all_its_named_members(nlp: Language) -> None:
    body = (
        "An Indian delegation led by chief negotiator Rajesh Agrawal and including Commerce "
        "Minister Piyush Goyal visited Washington on Thursday."
    )
    visits = _read(nlp, body).events
    assert [e.kind for e in visits] == ["visit"]
    assert set(visits[0].participants) == {"Rajesh Agrawal", "Piyush Goyal"}


@pytest.mark.slow
def test_a_trip_planned_for_discussions_is_a_planned_visit_with_the_partners(
    nlp: Language,
) -> None:
    body = (
        "Indian negotiator Rajesh Agrawal plans to return to Washington next week for further "
        "discussions with U.S. Trade Representative Jamieson Greer and Commerce Secretary Howard "
        "Lutnick."
    )
    visits = _kinds(_read(nlp, body), "visit")
    assert len(visits) == 1
    assert visits[0].status == "planned" and visits[0].place == "Washington"
    assert {"Rajesh Agrawal", "Jamieson Greer", "Howard Lutnick"} <= set(visits[0].participants)


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "Australian Prime Minister Anthony Albanese said Canberra could strike a good agreement "
        "with Washington.",
        "If the two sides reach a deal, tariffs will fall, Canadian Prime Minister Mark Carney "
        "said.",
        "Mexican President Claudia Sheinbaum hopes to reach a deal with the United States.",
    ],
)
def test_a_possibility_a_condition_or_a_wish_is_not_an_agreement(nlp: Language, body: str) -> None:
    assert not _kinds(_read(nlp, body), "agreement")


@pytest.mark.slow
def test_an_undated_announcement_of_nothing_concrete_is_not_an_event(nlp: Language) -> None:
    undated = "Canadian Prime Minister Mark Carney announced his decision."
    dated = "Canadian Prime Minister Mark Carney announced his decision on Monday."
    assert not _kinds(_read(nlp, undated), "announcement")
    assert len(_kinds(_read(nlp, dated), "announcement")) == 1


@pytest.mark.slow
def test_a_meeting_reported_as_planned_and_as_held_gives_both(nlp: Language) -> None:
    body = (
        "German Chancellor Olaf Scholz will meet French President Emmanuel Macron in Paris on "
        "Friday.\n\nScholz met Macron in Paris last month to discuss tariffs."
    )
    meetings = _kinds(_read(nlp, body), "meeting")
    assert sorted(e.status for e in meetings) == ["happened", "planned"]


def _raw(
    status: str, *, definite: bool = False, people: tuple[str, ...] = ("A", "B")
) -> EventRecord:
    return EventRecord(
        kind="meeting",
        participants=people,
        date="2025-03-07",
        date_precision="day",
        date_text="on Friday",
        place=None,
        status=status,
        count=None,
        tokens=(0,),
        definite=definite,
        rule="meeting.verb",
    )


_NO_STORY = EventStory.of([], [], [])  # no people, quotes or measures


def test_the_merge_keeps_a_planned_and_a_held_meeting_apart() -> None:
    merged = merge_mentions([_raw("planned"), _raw("happened")], _NO_STORY, default_lexicon())
    assert [e.status for e in merged] == ["planned", "happened"]


def test_the_merge_joins_two_mentions_of_one_status() -> None:
    assert (
        len(merge_mentions([_raw("happened"), _raw("happened")], _NO_STORY, default_lexicon())) == 1
    )


def test_the_merge_returns_new_records_and_leaves_the_mentions_alone() -> None:
    # "A met B on Friday. ... A, B and C met on Friday": one meeting, its people joined
    first, second = _raw("happened"), _raw("happened", people=("A", "B", "C"))
    merged = merge_mentions([first, second], _NO_STORY, default_lexicon())
    assert [(e.participants, e.tokens) for e in merged] == [(("A", "B", "C"), (0, 0))]
    assert first.participants == ("A", "B") and first.tokens == (0,)


def test_a_definite_back_reference_joins_the_event_whatever_its_status() -> None:
    # "... met B on Friday. Ahead of the meeting, ...": the meeting named again, not a new one
    merged = merge_mentions(
        [_raw("happened"), _raw("planned", definite=True, people=())], _NO_STORY, default_lexicon()
    )
    assert [e.status for e in merged] == ["happened"]
    assert merged[0].rule == "meeting.verb"
