"""Stories of one event merge into one event with every story as a source: the event chains
of the development set (../shared/articles/dev/INDEX.md), read through their gold records.

Each test names the stories that report one event, and the stories of the same chain that
report a different event of the same kind, which must stay apart.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from _tracker_helpers import GoldExtractor

from tariffscope.store import Store
from tariffscope.tracker import EventView, NegotiationState, ingest_paths, negotiation_state

pytestmark = pytest.mark.shared


def numbers(view: EventView) -> set[str]:
    """The dev-set numbers ("15", "22") of the stories that report an event."""
    return {Path(s.source).name[:2] for s in view.sources}


def events_of(state: NegotiationState, kind: str) -> list[EventView]:
    return [e for e in state.events if e.kind == kind]


def test_brazil_lula_trump_call_of_october_6_is_one_event(dev_store: Store) -> None:
    # 15 (AP, published 2025-10-07: "Monday") and 22 (MercoPress: "October 6")
    state = negotiation_state(dev_store, "USA-BRA")
    calls = events_of(state, "call")
    assert len(calls) == 1
    assert numbers(calls[0]) == {"15", "22"}
    assert calls[0].date == dt.date(2025, 10, 6)
    assert set(calls[0].participants) == {"Donald Trump", "Luiz Inácio Lula da Silva"}


def test_brazil_meetings_in_different_places_and_months_stay_apart(dev_store: Store) -> None:
    state = negotiation_state(dev_store, "USA-BRA")
    meetings = {
        e.date: numbers(e) for e in events_of(state, "meeting") if "Donald Trump" in e.participants
    }
    # Kuala Lumpur on 2025-10-26 is reported by 22 only; 15's "earlier this month" meeting
    # (published 2025-10-07) cannot be a meeting of 26 October
    assert meetings[dt.date(2025, 10, 26)] == {"22"}
    assert all(m != {"15", "22"} for m in meetings.values())


def test_japan_deal_of_july_22_is_one_agreement(dev_store: Store) -> None:
    # 04 (date unknown, "on Tuesday") and 14 ("July 22", a Tuesday)
    state = negotiation_state(dev_store, "USA-JPN")
    deals = events_of(state, "agreement")
    assert len(deals) == 1
    assert numbers(deals[0]) == {"04", "14"}
    assert deals[0].date == dt.date(2025, 7, 22)
    assert state.status == "framework announced"


def test_akazawa_trip_and_cancelled_trip_to_washington(dev_store: Store) -> None:
    state = negotiation_state(dev_store, "USA-JPN")
    visits = [e for e in events_of(state, "visit") if "Ryosei Akazawa" in e.participants]
    assert len(visits) == 2
    by_status = {e.status: numbers(e) for e in visits}
    assert by_status == {"happened": {"11", "14"}, "cancelled": {"14"}}


def test_korea_deal_finalized_on_october_29_is_one_agreement(dev_store: Store) -> None:
    # 19 (Gyeongju, date unknown, "South Korea") joins 28's "October 29, 2025" ("Korea"),
    # not 28's July 30 deal
    state = negotiation_state(dev_store, "USA-KOR")
    deals = {e.date: numbers(e) for e in events_of(state, "agreement")}
    assert deals == {dt.date(2025, 7, 30): {"28"}, dt.date(2025, 10, 29): {"19", "28"}}


def test_planned_trump_xi_meeting_and_busan_meeting_are_one(dev_store: Store) -> None:
    # 16 (2025-10-12: a meeting with Xi that might be cancelled) and 20 (Busan, 2025-10-30)
    state = negotiation_state(dev_store, "USA-CHN")
    meetings = events_of(state, "meeting")
    assert len(meetings) == 1
    assert numbers(meetings[0]) == {"16", "20"}
    assert meetings[0].status == "happened"
    assert meetings[0].date == dt.date(2025, 10, 30)
    assert meetings[0].place == "Busan"


def test_planned_meeting_as_of_before_it_happened(dev_store: Store) -> None:
    state = negotiation_state(dev_store, "USA-CHN", as_of=dt.date(2025, 10, 12))
    meetings = events_of(state, "meeting")
    assert [(numbers(m), m.status) for m in meetings] == [({"16"}, "planned")]
    assert state.status == "talks ongoing"
    assert state.next_deadline is not None
    assert (state.next_deadline.date, state.days_to_deadline) == (dt.date(2025, 11, 1), 20)


def test_mexico_march_call_and_july_call_stay_apart(dev_store: Store) -> None:
    # 01 (2025-03-06) and 08 (2025-07-31, undated call): two calls, one source each
    state = negotiation_state(dev_store, "USA-MEX")
    calls = sorted((numbers(e) for e in events_of(state, "call")), key=sorted)
    assert calls == [{"01"}, {"08"}]


def _grouping(store: Store, pairs: list[str]) -> dict[str, set[frozenset[str]]]:
    return {
        pair: {frozenset(numbers(e)) for e in negotiation_state(store, pair).events}
        for pair in pairs
    }


@pytest.mark.parametrize("seed", [1, 2])
def test_merging_does_not_depend_on_ingest_order(
    dev_store: Store, dev_dir: Path, gold: GoldExtractor, seed: int
) -> None:
    pairs = ["USA-BRA", "USA-JPN", "USA-KOR", "USA-CHN", "USA-MEX", "EUN-USA"]
    expected = _grouping(dev_store, pairs)
    assert sum(len(g) > 1 for groups in expected.values() for g in groups) == 5
    files = sorted(dev_dir.glob("*.txt"))
    random.Random(seed).shuffle(files)
    with Store.memory() as store:
        ingest_paths(store, files, extractor=gold)
        assert _grouping(store, pairs) == expected
