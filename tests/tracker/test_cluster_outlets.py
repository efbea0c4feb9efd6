"""Several outlets' reports of one meeting merge into one meeting with all of them as sources.

The reports are built by hand the way the news reader may give them: full or short names,
"meeting" or "talks", a date or only "on Friday", the date as seen from Washington (a day
early), no place or another description of it, a delegation instead of a person. Each story
also reports other events that must stay apart: a planned meeting in Mumbai between other
people, a phone call, a visit, an election.
"""

from __future__ import annotations

import datetime as dt

from _tracker_helpers import add_stories, event, story
from hypothesis import given, settings
from hypothesis import strategies as st

from tariffscope.store import Store
from tariffscope.tracker import negotiation_state

FRI = dt.date(2025, 7, 18)
SAT = dt.date(2025, 7, 19)

MUMBAI = event("meeting", ["Piyush Goyal", "Jamieson Greer"], status="planned", place="Mumbai")
STORIES = [
    story(
        "Bloomberg",
        FRI,
        [
            event(
                "meeting",
                ["Narendra Modi", "Jamieson Greer"],
                date=FRI,
                place="New Delhi",
                date_text="on Friday",
            ),
            MUMBAI,
            event("election", ["IND"], date=dt.date(2025, 7, 20), status="planned"),
        ],
    ),
    story(
        "Reuters",
        FRI,
        [
            event("talks", ["Modi", "Greer"], date=FRI, date_text="on Friday"),
            event("call", ["Piyush Goyal", "Howard Lutnick"]),
        ],
    ),
    story(
        "PTI",
        SAT,
        [
            event(
                "meeting",
                ["Narendra Modi", "Jamieson Greer", "Piyush Goyal"],
                date=FRI,
                place="New Delhi",
                date_text="on Friday",
            ),
            event("visit", ["Jamieson Greer"], date=SAT, status="planned", place="Mumbai"),
        ],
    ),
    story(
        "Mint",
        FRI,
        [
            event("meeting", ["Jamieson Greer", "IND"], place="the prime minister's office"),
        ],
    ),
    story(
        "The Hindu",
        SAT,
        [
            event(
                "meeting",
                ["Modi", "Jamieson Greer"],
                date=dt.date(2025, 7, 17),
                place="New Delhi",
                date_text="Thursday",
            ),
        ],
    ),
    story(
        "AP",
        None,
        [
            event("meeting", ["Greer", "Narendra Modi"], place="New Delhi", date_text="on Friday"),
            MUMBAI,
        ],
    ),
]
OUTLETS = {body_extraction[1].article.outlet for body_extraction in STORIES}


def _meetings(store: Store) -> list[set[str | None]]:
    state = negotiation_state(store, "USA-IND")
    return [
        {s.outlet for s in e.sources}
        for e in state.events
        if e.kind in {"meeting", "talks"} and e.status == "happened"
    ]


def test_six_outlets_report_one_meeting(store: Store) -> None:
    add_stories(store, STORIES)
    state = negotiation_state(store, "USA-IND")
    delhi = [e for e in state.events if "Narendra Modi" in e.participants]
    assert len(delhi) == 1
    assert {s.outlet for s in delhi[0].sources} == OUTLETS
    assert delhi[0].date == FRI
    assert delhi[0].place == "New Delhi"
    assert delhi[0].kind == "meeting"
    assert delhi[0].n_sources == 6


def test_other_events_of_the_stories_stay_apart(store: Store) -> None:
    add_stories(store, STORIES)
    state = negotiation_state(store, "USA-IND")
    mumbai = [e for e in state.events if e.kind == "meeting" and e.status == "planned"]
    assert len(mumbai) == 1
    assert {s.outlet for s in mumbai[0].sources} == {"Bloomberg", "AP"}
    assert [e.kind for e in state.events].count("call") == 1
    assert [e.kind for e in state.events].count("visit") == 1
    assert [e.kind for e in state.events].count("election") == 1


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(STORIES))), st.integers(min_value=2, max_value=len(STORIES)))
def test_any_order_and_any_subset_gives_one_meeting(order: list[int], size: int) -> None:
    chosen = [STORIES[k] for k in order[:size]]
    with Store.memory() as store:
        add_stories(store, chosen)
        meetings = _meetings(store)
    assert meetings == [{s[1].article.outlet for s in chosen}]


def test_a_meeting_a_week_later_is_another_meeting(store: Store) -> None:
    later = story(
        "NDTV",
        dt.date(2025, 7, 25),
        [
            event(
                "meeting",
                ["Narendra Modi", "Jamieson Greer"],
                date=dt.date(2025, 7, 25),
                place="New Delhi",
            ),
        ],
    )
    add_stories(store, [*STORIES[:3], later])
    assert sorted(len(m) for m in _meetings(store)) == [1, 3]


def test_a_meeting_with_another_counterpart_is_another_meeting(store: Store) -> None:
    # same day, same American, but India's trade minister instead of the prime minister
    other = story(
        "Hindustan Times",
        FRI,
        [
            event("meeting", ["Piyush Goyal", "Jamieson Greer"], date=FRI, place="New Delhi"),
        ],
    )
    add_stories(store, [STORIES[0], other])
    assert len(_meetings(store)) == 2


def test_a_visit_to_the_counterpart_is_the_meeting(store: Store) -> None:
    visit = story(
        "ANI",
        SAT,
        [
            event("visit", ["Jamieson Greer", "Narendra Modi"], date=FRI, place="New Delhi"),
        ],
    )
    trip = story(
        "Indian Express", SAT, [event("visit", ["Jamieson Greer"], date=FRI, place="India")]
    )
    add_stories(store, [STORIES[0], visit, trip])
    meetings = _meetings(store)
    assert meetings == [{"Bloomberg", "ANI"}]
