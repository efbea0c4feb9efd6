"""End to end with the real news pipeline: five outlets' stories of the Tokyo meeting of
18 July 2025 (the founding story and four written for this test) give one meeting with all
five as sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tariffscope.store import Store
from tariffscope.tracker import ingest_paths, negotiation_state

pytestmark = [pytest.mark.slow, pytest.mark.shared]

STORIES = Path(__file__).with_name("data") / "tokyo_meeting"


def test_five_outlets_one_meeting(store: Store, shared: Path) -> None:
    seed = shared / "seed" / "ishiba-bessent-2025-07-18.txt"
    report = ingest_paths(store, [STORIES, seed])
    assert len(report.added) == 5, [r.message for r in report.failed]
    state = negotiation_state(store, "USA-JPN")
    tokyo = [
        e
        for e in state.events
        if e.kind in {"meeting", "talks"}
        and {"Shigeru Ishiba", "Scott Bessent"} <= set(e.participants)
    ]
    assert len(tokyo) == 1
    (meeting,) = tokyo
    assert meeting.date == dt.date(2025, 7, 18)
    assert meeting.place == "Tokyo"
    assert sorted({s.outlet for s in meeting.sources}) == [
        "Bloomberg",
        "Capital Times",
        "Eastern Daily",
        "Harbor Wire",
        "Pacific Post",
    ]
    assert store.check() == []
