"""The rules the tracker merges by: date windows, names, places, quotes, goods, pairs."""

from __future__ import annotations

import datetime as dt

import pytest
from _tracker_helpers import event

from tariffscope.domain.news import ArticleMeta, Extraction, MeasureMention
from tariffscope.errors import MalformedInputError, UnknownCodeError
from tariffscope.tracker import (
    DateWindow,
    PersonIndex,
    article_pairs,
    event_window,
    parse_pair,
    same_person,
    same_place,
    same_quote,
)
from tariffscope.tracker._measures import products_key
from tariffscope.tracker._ordinals import event_ordinal

FRI = dt.date(2025, 7, 18)


def test_exact_dates_allow_one_day_either_way() -> None:
    window = event_window(event("meeting", ["X"], date=FRI), FRI)
    assert (window.lo, window.hi) == (FRI - dt.timedelta(days=1), FRI + dt.timedelta(days=1))


def test_a_story_reports_only_what_happened_before_it() -> None:
    # "earlier this month" in a story of 7 October cannot be 26 October
    month = event("meeting", ["X"], date=dt.date(2025, 10, 1), month=True)
    window = event_window(month, dt.date(2025, 10, 7))
    assert (window.lo, window.hi) == (dt.date(2025, 10, 1), dt.date(2025, 10, 8))
    undated = event_window(event("call", ["X"]), FRI)
    assert undated.hi == FRI + dt.timedelta(days=1) and undated.lo is not None
    planned = event_window(event("meeting", ["X"], status="planned"), FRI)
    assert planned.lo == FRI - dt.timedelta(days=1) and planned.hi is not None and planned.hi > FRI


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("last week", dt.date(2025, 7, 4), dt.date(2025, 7, 18)),
        ("last month", dt.date(2025, 6, 1), dt.date(2025, 6, 30)),
        ("earlier this month", dt.date(2025, 7, 1), dt.date(2025, 7, 19)),
    ],
)
def test_relative_words_bound_undated_events(text: str, lo: dt.date, hi: dt.date) -> None:
    window = event_window(event("talks", ["X"], date_text=text), FRI)
    assert (window.lo, window.hi) == (lo, hi)


def test_weekday_and_month_names_restrict_stories_of_unknown_date() -> None:
    tuesday = event_window(event("agreement", ["X"], date_text="on Tuesday"), None)
    assert tuesday.lo is None and tuesday.weekdays == frozenset({0, 1, 2})
    july_22 = DateWindow(dt.date(2025, 7, 22), dt.date(2025, 7, 22))  # a Tuesday
    assert not tuesday.intersect(july_22).is_empty()
    friday = event_window(event("agreement", ["X"], date_text="on Friday"), None)
    assert tuesday.intersect(friday).is_empty()
    may = event_window(event("agreement", ["X"], date_text="in May"), None)
    assert may.intersect(july_22).is_empty()


def test_names_match_by_their_words() -> None:
    assert same_person("Trump", "Donald Trump")
    assert same_person("President Trump", "Donald J. Trump")
    assert same_person("Lula", "Luiz Inácio Lula da Silva")
    assert same_person("Maros Sefcovic", "Maroš Šefčovič")
    assert not same_person("Lee Jae Myung", "Lee Hsien Loong")
    assert not same_person("Donald Trump", "Donald Tusk")


def test_a_short_name_joins_the_one_full_name_it_fits() -> None:
    def actors(*names: str) -> Extraction:
        return Extraction.from_dict(
            {"actors": [{"name": n, "role": None, "country": c} for n, c in names]}
        )

    index = PersonIndex(
        [
            actors(("Donald Trump", "USA"), ("Lee Jae Myung", "KOR")),
            actors(("Trump", None), ("Lee Hsien Loong", "SGP"), ("Lee", None)),
        ]
    )
    assert index.canonical("Trump") == "Donald Trump"
    assert index.country("Trump") == "USA"
    assert index.canonical("Lee") == "Lee"  # fits two people: stays apart
    assert index.canonical("Myung") == "Lee Jae Myung"


def test_places() -> None:
    assert same_place("UN General Assembly", "United Nations General Assembly")
    assert same_place("South Korea", "Korea")
    assert not same_place("Hanoi", "Da Nang")
    assert not same_place("Hanoi", None)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "There is much that Vietnam and the United States can build together",
            "there is much that Vietnam and the United States can build together.",
            True,
        ),
        (
            "We made our deal, pretty much finalized it,",
            "We made our deal – pretty much finalized it",
            True,
        ),
        ("I didn’t know whisky was so important", "I didn't know whisky was so important", True),
        (
            "Minister Dien stated that a good agreement would definitely be reached.",
            "a good agreement would definitely be reached",
            True,
        ),
        (
            "We will reach a good agreement",
            "We will not reach a good agreement soon, I fear",
            False,
        ),
        ("a good deal", "a good deal for both", False),
    ],
)
def test_quotes_are_the_same_words_despite_punctuation_and_excerpts(
    a: str, b: str, same: bool
) -> None:
    assert same_quote(a, b) is same


def test_goods_keys() -> None:
    assert products_key("Cars") == products_key("automobiles") == products_key("auto imports")
    assert products_key("all goods") == "all good"
    assert products_key("steel and aluminum") != products_key("steel")


def test_ordinals_come_from_the_sentence_of_the_event() -> None:
    body = "Talks went on. Dien arrived in Washington on his eighth visit since April. Fine."
    start = body.index("arrived")
    visit = event("visit", ["Nguyen Hong Dien"], start=start, end=start + 7)
    assert event_ordinal(visit, body) == 8
    round_body = "The fifth round of talks ended on Friday."
    talks = event("talks", ["USA", "VNM"], start=4, end=24)
    assert event_ordinal(talks, round_body) == 5
    assert event_ordinal(visit, "Dien arrived in Washington.") is None


def test_pairs_parse_and_refuse() -> None:
    assert parse_pair("USA-VNM") == ("USA", "VNM")
    assert parse_pair("vnm/usa") == ("VNM", "USA")
    assert parse_pair(["EU", "CHN"]) == ("EUN", "CHN")
    with pytest.raises(MalformedInputError):
        parse_pair("USA")
    with pytest.raises(MalformedInputError):
        parse_pair("USA-USA")
    with pytest.raises(UnknownCodeError):
        parse_pair("USA-XXX")
    # all partners are a party since a story about a measure on every country is briefed
    # (issue 9: it was refused before)
    assert parse_pair("USA-WLD") == ("USA", "WLD")
    assert parse_pair("usa/world") == ("USA", "WLD")
    with pytest.raises(MalformedInputError):
        parse_pair("WLD-WLD")


def test_a_story_is_assigned_to_the_pairs_of_its_measures_and_events() -> None:
    meta = ArticleMeta()
    measure = MeasureMention("USA", "IND", "all goods", None, 25.0, None, "threatened", 0, 5)
    story = Extraction(meta, events=(event("meeting", ["USA", "RUS"]),), measures=(measure,))
    assert article_pairs(story) == [(("IND", "USA"), "measure"), (("RUS", "USA"), "event")]
    # a measure on every country files the story under the imposer and all partners (it was
    # under no negotiation before issue 9)
    world = MeasureMention("USA", "WLD", "all goods", None, 10.0, None, "in_force", 0, 5)
    assert article_pairs(Extraction(meta, measures=(world,))) == [(("USA", "WLD"), "measure")]
