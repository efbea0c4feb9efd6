"""End to end: the brief of the founding story gets every fact right and prices the outcomes.

Facts from ../shared/seed/README.md and issue 5: the meeting in Tokyo on Friday 2025-07-18
between Shigeru Ishiba and Scott Bessent; the Osaka Expo visit on 2025-07-19; the upper-house
election on 2025-07-20; 14 days to 2025-08-01; all Japanese goods 10% -> 25% threatened; cars at
25% in force (27.5% with MFN); Ishiba's four quotes; the threatened outcome priced above the
status quo for US duties collected on Japanese goods.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.report.brief import Brief
from tariffscope.report.build import brief_from_sources
from tariffscope.report.json_out import brief_to_dict

pytestmark = pytest.mark.slow

SEED = Path(__file__).resolve().parents[2] / "examples" / "ishiba-bessent-2025-07-18.txt"


@pytest.fixture(scope="module")
def brief() -> Brief:
    result, _ = brief_from_sources([str(SEED)], draws=200)
    return result


def test_negotiation_pair_date_and_deadline(brief: Brief) -> None:
    assert brief.pair == ("USA", "JPN")
    assert brief.as_of == date(2025, 7, 18)
    assert brief.next_deadline is not None and brief.next_deadline.date == date(2025, 8, 1)
    assert brief.days_to_deadline == 14


def test_actors_and_roles(brief: Brief) -> None:
    actors = {a.name: a for a in brief.actors}
    assert (
        actors["Shigeru Ishiba"].country == "JPN"
        and actors["Shigeru Ishiba"].role == "Prime Minister"
    )
    assert actors["Scott Bessent"].country == "USA" and "Treasury Secretary" in (
        actors["Scott Bessent"].role or ""
    )
    assert actors["Ryosei Akazawa"].country == "JPN"


def test_the_tokyo_meeting_the_expo_and_the_election(brief: Brief) -> None:
    meetings = [e for e in brief.events if e.kind == "meeting" and e.date == date(2025, 7, 18)]
    assert any(
        {"Shigeru Ishiba", "Scott Bessent"} <= set(e.participants) and e.place == "Tokyo"
        for e in meetings
    )
    assert any(
        e.date == date(2025, 7, 19) and (e.place or "").startswith("Osaka") for e in brief.events
    )
    assert any(e.kind == "election" and e.date == date(2025, 7, 20) for e in brief.events)


def test_ishibas_four_quotes(brief: Brief) -> None:
    said = [q for q in brief.quotes if "Shigeru Ishiba" in (q.speaker, q.via)]
    assert len(said) == 4
    assert any("good agreement would definitely be reached" in q.text for q in said)


def test_measures_link_to_the_law(brief: Brief) -> None:
    by_measure = {n.link.measure_id: n for n in brief.law_notes}
    threat = by_measure["THREAT-JPN-25"]
    assert threat.link.status == "threatened"
    assert threat.link.mention.from_rate_pct == 10 and threat.link.mention.to_rate_pct == 25
    assert threat.link.mention.effective_date == date(2025, 8, 1)
    cars = by_measure["232-AUTOS-25"]
    assert cars.link.status == "in_force"
    assert cars.resolution is not None and cars.resolution.total_pct == pytest.approx(27.5)
    assert "MFN 2.5%" in cars.sentence() and "232-AUTOS-25 25%" in cars.sentence()


def test_threat_is_priced_above_the_status_quo(brief: Brief) -> None:
    outcomes = {s.spec.key: s for s in brief.scenarios}
    law = outcomes["law"].outcome.point.headline
    threat = outcomes["threat:THREAT-JPN-25"].outcome.point.headline
    assert threat["duty_focus_after_usd"] > law["duty_focus_after_usd"]
    assert threat["etr_focus_after_pct"] > law["etr_focus_after_pct"]
    assert threat["imports_focus_change_usd"] < law["imports_focus_change_usd"]
    assert outcomes["threat:THREAT-JPN-25"].spec.entry_date == date(2025, 8, 1)
    assert "deal" in outcomes and outcomes["deal"].spec.hindsight


def test_json_brief_is_serialisable_and_complete(brief: Brief) -> None:
    data = json.loads(json.dumps(brief_to_dict(brief), default=str))
    assert data["deadline"]["days_left"] == 14
    assert {o["key"] for o in data["outcomes"]} >= {"law", "threat:THREAT-JPN-25"}
    assert any(m["measure"] == "232-AUTOS-25" for m in data["measures"])


def test_cli_brief_writes_html_and_json(tmp_path: Path) -> None:
    html, out = tmp_path / "brief.html", tmp_path / "brief.json"
    result = CliRunner().invoke(
        app, ["brief", str(SEED), "--html", str(html), "--json", str(out), "--draws", "50"]
    )
    assert result.exit_code == 0, result.output
    assert "14 days" in result.stdout and "27.5" in result.stdout
    text = html.read_text(encoding="utf-8")
    assert "Shigeru Ishiba" in text and "vegaEmbed" in text
    assert json.loads(out.read_text())["pair"] == ["USA", "JPN"]


def test_cli_brief_bad_input_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["brief", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
