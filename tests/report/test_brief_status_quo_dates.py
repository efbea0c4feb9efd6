"""Each outcome's increment is measured against the law on ITS entry date (issue 9 item 6).

An outcome entered weeks after the story is compared with the law on that day as known on
the story's date, without the outcome; otherwise its increment carries what the law itself
does in between (a monthly update of claim shares, a scheduled rate). Written story:
``data/synthetic-mexico-avocados-june.txt`` (not a real wire story), dated 20 June 2025, a
17% duty on avocados from Mexico from 21 July; Mexico's effective rate falls at the start of
July with the monthly claim shares under the agreement.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from _brief_cli import brief_json

from tariffscope.regime import Scenario
from tariffscope.report.scenarios import OutcomeSpec, comparator_specs, status_quo_spec

STORY = Path(__file__).with_name("data") / "synthetic-mexico-avocados-june.txt"
pytestmark = pytest.mark.issue(9)

STORY_DAY = date(2030, 3, 4)
LATER = date(2030, 4, 15)


def _spec(key: str, entry: date, *, scenario: bool = True) -> OutcomeSpec:
    return OutcomeSpec(
        key=key,
        label=key,
        description=key,
        entry_date=entry,
        as_known=STORY_DAY,
        scenario=Scenario(name=key, description=key) if scenario else None,
    )


def test_an_outcome_entered_on_the_story_date_is_compared_with_the_story_date_law() -> None:
    law = _spec("law", STORY_DAY, scenario=False)
    now = _spec("threat:now", STORY_DAY)
    assert status_quo_spec(now, [law, now]) is law
    assert status_quo_spec(law, [law, now]) is None
    assert comparator_specs([law, now]) == []


def test_a_later_outcome_is_compared_with_the_law_on_its_own_entry_date() -> None:
    law = _spec("law", STORY_DAY, scenario=False)
    first = _spec("threat:a", LATER)
    second = _spec("deal", LATER)
    base = status_quo_spec(first, [law, first, second])
    assert base is not None and base is not law
    assert (base.key, base.entry_date, base.as_known, base.scenario) == (
        "law@2030-04-15",
        LATER,
        STORY_DAY,
        None,
    )
    # one comparator per distinct entry date
    assert [s.key for s in comparator_specs([law, first, second])] == ["law@2030-04-15"]


def test_a_law_outcome_of_that_date_is_the_comparator_and_compares_with_the_story_law() -> None:
    law = _spec("law", STORY_DAY, scenario=False)
    scheduled = _spec("law:2030-04-15", LATER, scenario=False)
    threat = _spec("threat:b", LATER)
    specs = [law, scheduled, threat]
    assert status_quo_spec(threat, specs) is scheduled
    assert status_quo_spec(scheduled, specs) is law
    assert comparator_specs(specs) == []


@pytest.mark.slow
def test_a_later_threat_adds_only_its_own_duty(tmp_path: Path) -> None:
    data = brief_json(STORY, tmp_path / "brief.json", "--draws", "20")
    assert data["as_of"] == "2025-06-20"
    (key,) = [o["key"] for o in data["outcomes"] if o["key"].startswith("threat:")]
    (threat,) = [o for o in data["outcomes"] if o["key"] == key]
    assert threat["entry_date"] == "2025-07-21"
    rows = {r["metric"]: r for r in data["headline"] if r["outcome"] == key}
    increment = rows["duty_focus_after_usd_vs_status_quo"]
    assert increment["compared_with"] == "the law on 2025-07-21 without the outcome"
    # a duty on avocados: more duties on Mexico's goods, a small part of them
    added, total = increment["point"], rows["duty_focus_after_usd"]["point"]
    assert 0 < added < 0.05 * total
    # and fewer imports from Mexico, by a small share
    assert -5.0 < rows["imports_focus_change_pct_vs_status_quo"]["point"] < 0
    assert rows["imports_focus_change_usd_vs_status_quo"]["point"] < 0
    assert "compared with the law on 21 Jul 2025 without the threat" in threat["sentence"]
    # the law on the story's date is still the status quo of the brief, compared with the reference
    (law,) = [o for o in data["outcomes"] if o["key"] == "law"]
    assert law["status_quo"] and law["entry_date"] == "2025-06-20"
    # avocados are in no sector of the gravity model (manufactures only): its increment is
    # not computed and says so (round 14), rather than a 0 against the same law
    assert data["economy"] is not None
    assert not [
        r
        for r in data["economy"]["rows"]
        if r["outcome_key"] == key and r["comparison"] == "status_quo"
    ]
    (missing,) = data["economy"]["not_computed"]
    assert missing["outcome_key"] == key and "has no sector for" in missing["reason"]
    # the deal space places the status quo of the threat: the law on its own date
    space = data["deal_space"]
    assert space["computed"]
    (status_quo,) = [p for p in space["points"] if p["name"] == "status quo"]
    assert status_quo["detail"] == "Law on 2025-07-21"
