"""The negotiation state: actors, quotes across outlets, measures, deadlines, status, visits."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types

import pytest
from _tracker_helpers import add_stories, event, story

import tariffscope.tracker as tracker_api
from tariffscope.domain.news import Deadline, Extraction, MeasureMention, Quote
from tariffscope.store import MeasureLink, Store
from tariffscope.tracker import negotiation_state, story_pairs

FRI = dt.date(2025, 7, 18)
AUG_1 = dt.date(2025, 8, 1)
QUOTE = (
    "We see many areas in which South Africa and the United States can work together on "
    "minerals and security,"
)


def threat(
    status: str = "threatened",
    to: float = 25.0,
    frm: float | None = 10.0,
    start: dt.date | None = AUG_1,
    goods: str = "all goods",
) -> MeasureMention:
    return MeasureMention("USA", "ZAF", goods, frm, to, start, status, 0, 10)  # type: ignore[arg-type]


def sample_story() -> tuple[str, Extraction]:
    body, ex = story(
        "Bloomberg",
        FRI,
        [
            event("meeting", ["Cyril Ramaphosa", "Jamieson Greer"], date=FRI, place="Pretoria"),
            event(
                "visit",
                ["Jamieson Greer"],
                date=FRI + dt.timedelta(days=1),
                status="planned",
                place="Cape Town",
            ),
            event("election", ["ZAF"], date=FRI + dt.timedelta(days=2), status="planned"),
        ],
        quotes=[
            Quote(QUOTE, "Cyril Ramaphosa", None, 0, 10),
            Quote(
                "Ambassador Greer told us that a fair agreement is within reach.",
                "Cyril Ramaphosa",
                None,
                0,
                10,
            ),
            Quote(
                "In our view, the trade in minerals and the security of supply chains are "
                "bound together",
                "Cyril Ramaphosa",
                None,
                0,
                10,
            ),
            Quote(
                "We will also take the lead on investment and jobs across the region",
                "Cyril Ramaphosa",
                None,
                0,
                10,
            ),
        ],
        measures=[threat(), threat("in_force", 25.0, None, None, "cars")],
    )
    return body, dataclasses.replace(
        ex, deadlines=(Deadline(AUG_1, "Aug. 1 deadline for higher levies", 0, 10),)
    )


@pytest.fixture
def seeded(store: Store) -> Store:
    reuters = story(
        "Reuters",
        FRI,
        [
            event("talks", ["Ramaphosa", "Greer"], date=FRI),
        ],
        quotes=[
            Quote(
                QUOTE.replace(",", ".").replace("security", "security "), "Ramaphosa", None, 0, 10
            )
        ],
    )
    add_stories(store, [sample_story(), reuters])
    return store


def test_public_names_are_exported() -> None:
    """``__all__`` is exactly the public names the package imports (httpx's
    test_exported_members), so a name added to or dropped from the package shows here without
    the test copying the list; the documented entry points are among them."""
    public = {
        name
        for name, value in vars(tracker_api).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert sorted(tracker_api.__all__) == sorted(public)
    assert len(set(tracker_api.__all__)) == len(tracker_api.__all__)
    assert {"ingest_paths", "negotiation_state", "NegotiationState"} <= public


def test_state_of_a_story_two_outlets_told(seeded: Store) -> None:
    state = negotiation_state(seeded, ("USA", "ZAF"), as_of=FRI)
    assert state.parties == ("USA", "ZAF") and state.as_of == FRI
    assert state.status == "talks ongoing"
    assert [(a.party, a.name, a.role) for a in state.lead_actors] == [
        ("USA", "Jamieson Greer", "Trade Representative"),
        ("ZAF", "Cyril Ramaphosa", "President"),
    ]
    assert [(e.kind, e.date, e.n_sources) for e in state.events] == [
        ("meeting", FRI, 2),
        ("visit", dt.date(2025, 7, 19), 1),
        ("election", dt.date(2025, 7, 20), 1),
    ]
    assert len(state.quotes) == 4
    assert [len(q.sources) for q in state.quotes] == [2, 1, 1, 1]
    assert all(q.speaker == "Cyril Ramaphosa" for q in state.quotes)
    assert state.next_deadline is not None and state.next_deadline.date == AUG_1
    assert state.days_to_deadline == 14
    assert state.next_deadline.kind == "measure"
    assert "10% -> 25%" in state.next_deadline.what
    assert [m.products for m in state.measures_with_status("in_force")] == ["cars"]
    assert [m.to_rate_pct for m in state.measures_with_status("threatened")] == [25.0]
    json.dumps(state.to_dict())  # JSON-ready


def test_the_pair_of_a_story(seeded: Store) -> None:
    ids = [a.id for a in seeded.articles()]
    assert story_pairs(seeded, ids[:1]) == [("USA", "ZAF")]
    assert story_pairs(seeded, []) == []


def test_state_orders_parties_as_asked(seeded: Store) -> None:
    assert negotiation_state(seeded, "ZAF-USA").parties == ("ZAF", "USA")
    assert negotiation_state(seeded, "USA-KOR").status == "no talks reported"


def test_links_written_by_the_linker_show_on_the_measures(seeded: Store) -> None:
    state = negotiation_state(seeded, "USA-ZAF")
    threatened = state.measures_with_status("threatened")[0]
    seeded.set_measure_link(
        MeasureLink(
            threatened.mention_ids[0], "THREAT-ZAF-25", None, 0.9, "rate and date agree", "test"
        )
    )
    again = negotiation_state(seeded, "USA-ZAF").measures_with_status("threatened")[0]
    assert [link.measure_id for link in again.links] == ["THREAT-ZAF-25"]
    assert again.to_dict()["links"][0]["measure_id"] == "THREAT-ZAF-25"


def test_status_follows_the_stories(seeded: Store) -> None:
    deal = story(
        "News24",
        dt.date(2025, 7, 23),
        [
            event("agreement", ["Donald Trump", "ZAF"], date=dt.date(2025, 7, 22)),
        ],
        measures=[threat("agreed", 15.0, 25.0, None)],
    )
    applied = story(
        "Business Day", dt.date(2025, 9, 10), measures=[threat("in_force", 15.0, 25.0, None)]
    )
    undated = story("Blog", None, [event("agreement", ["USA", "ZAF"])])
    add_stories(seeded, [deal, applied, undated])
    assert negotiation_state(seeded, "USA-ZAF", as_of=FRI).status == "talks ongoing"
    as_of_deal = negotiation_state(seeded, "USA-ZAF", as_of=dt.date(2025, 7, 23))
    assert as_of_deal.status == "framework announced"
    assert as_of_deal.undated_articles == 1
    assert as_of_deal.next_deadline is not None and as_of_deal.days_to_deadline == 9
    latest = negotiation_state(seeded, "USA-ZAF")
    assert latest.status == "implemented"
    assert latest.as_of == dt.date(2025, 9, 10)
    assert latest.undated_articles == 0 and len(latest.articles) == 5


def test_talks_ended(store: Store) -> None:
    ended = story(
        "AP",
        dt.date(2025, 10, 24),
        [event("talks", ["Donald Trump", "CAN"], status="cancelled")],
        measures=[MeasureMention("USA", "CAN", "all goods", None, 35.0, None, "in_force", 0, 5)],
    )
    add_stories(store, [ended])
    assert negotiation_state(store, "USA-CAN").status == "talks ended"


def _visit_story(
    outlet: str,
    published: dt.date | None,
    sentence: str,
    date: dt.date | None = None,
    count: int | None = None,
) -> tuple[str, Extraction]:
    body = f"Trade talks continue. {sentence} More later."
    start = body.index(sentence)
    visit = event(
        "visit",
        ["Parks Tau"],
        date=date,
        place="Washington",
        count=count,
        start=start,
        end=start + len(sentence),
    )
    return story(outlet, published, [visit], body=body)


def test_the_eighth_visit_comes_after_the_seventh(store: Store) -> None:
    # neither story is dated: the ordinals decide, whatever the ingest order
    add_stories(
        store,
        [
            _visit_story("A", None, "Tau landed in Washington on his eighth visit."),
            _visit_story("B", None, "Tau landed in Washington on his seventh visit."),
        ],
    )
    state = negotiation_state(store, "USA-ZAF")
    assert [e.ordinal for e in state.events] == [7, 8]
    (series,) = state.series
    assert [(v.number, v.number_inferred) for v in series.visits] == [(7, False), (8, False)]


def test_visits_after_a_count_are_numbered_from_it(store: Store) -> None:
    add_stories(
        store,
        [
            _visit_story(
                "C", dt.date(2025, 8, 6), "Tau flew to Washington.", date=dt.date(2025, 8, 5)
            ),
            _visit_story("A", FRI, "Tau has visited Washington seven times since April.", count=7),
            _visit_story(
                "B",
                dt.date(2025, 7, 24),
                "Tau arrived in Washington.",
                date=dt.date(2025, 7, 23),
            ),
        ],
    )
    state = negotiation_state(store, "USA-ZAF")
    (series,) = state.series
    assert (series.known_count, series.known_as_of) == (7, FRI)
    assert [(v.date, v.number, v.number_inferred) for v in series.visits] == [
        (dt.date(2025, 7, 23), 8, True),
        (dt.date(2025, 8, 5), 9, True),
    ]
    assert [e.count for e in state.events] == [7, None, None]


def test_the_negotiation_of_a_party_with_all_partners(store: Store) -> None:
    # a US duty on every country, a US threat on South Africa, a South Africa-Korea meeting
    # and a quote by Xi (hand-built; rates and goods invented): with all partners, the duty on
    # every country and the US and other people are the negotiation, the threat on one country
    # and a meeting of two others are not
    world = MeasureMention("USA", "WLD", "heavy trucks", None, 25.0, AUG_1, "threatened", 0, 10)
    body, ex = story(
        "Wire",
        FRI,
        [
            event("announcement", ["Donald Trump"], date=FRI),
            event("meeting", ["Cyril Ramaphosa", "Lee Jae Myung"], date=FRI),
        ],
        quotes=[Quote("We will answer.", "Xi Jinping", None, 0, 10)],
        measures=[world, threat()],
    )
    add_stories(store, [(body, ex)])
    assert story_pairs(store, [1]) == [("USA", "ZAF"), ("KOR", "ZAF"), ("USA", "WLD")]
    state = negotiation_state(store, "USA-WLD")
    assert state.parties == ("USA", "WLD")
    assert [(m.target, m.products) for m in state.measures] == [("WLD", "heavy trucks")]
    assert [e.kind for e in state.events] == ["announcement"]
    assert {a.name: a.party for a in state.actors}["Xi Jinping"] == "WLD"
    assert [q.speaker for q in state.quotes] == ["Xi Jinping"]
    assert state.next_deadline is not None and state.next_deadline.date == AUG_1
