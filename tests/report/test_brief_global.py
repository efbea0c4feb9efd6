"""Stories about a measure one party imposes on every country, and stories that name no
negotiation at all (issue 9, "the brief takes any story").

A measure on every country (target WLD: a Section 232 duty, a global baseline rate) makes the
imposer's negotiation with all partners, ``("USA", "WLD")``: briefed with its actors, measures
(linked to the catalog's measures on every country) and deadlines, and priced on US imports
from all partners together, so that the partner's numbers are the national ones. A story that
names a negotiation of two parties keeps it; the pair with all partners is then one of its
other pairs. A story that names no negotiation is briefed, not priced, with a warning.

The stories here are hand-built records (rates, goods and dates chosen for one rule each) and
one synthetic story file, ``data/synthetic-us-global-copper-lumber.txt``, written for these
tests (not a real wire story).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.domain.news import Actor, ArticleMeta, Extraction, MeasureMention
from tariffscope.report.brief import Brief, build_brief
from tariffscope.report.economy import economy_function
from tariffscope.report.json_out import brief_to_dict
from tariffscope.strict_json import loads_strict, to_json

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "brief.schema.json").read_text(encoding="utf-8"))
SYNTHETIC = Path(__file__).with_name("data") / "synthetic-us-global-copper-lumber.txt"
pytestmark = pytest.mark.issue(9)

DAY = dt.date(2025, 6, 10)  # a week after the Section 232 steel duty rose to 50% (4 June)


def on_every_country(products: str, rate: float, status: str = "in_force") -> MeasureMention:
    return MeasureMention("USA", "WLD", products, None, rate, None, status, 0, 5)  # type: ignore[arg-type]


def story(*measures: MeasureMention, actors: tuple[Actor, ...] = ()) -> Extraction:
    meta = ArticleMeta(title="written for the test", published=DAY, outlet="Test wire")
    return Extraction(meta, actors=actors, measures=measures)


def valid_json(brief: Brief) -> dict[str, object]:
    data = loads_strict(to_json(brief_to_dict(brief)))
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)] == []
    return data


@pytest.fixture(scope="module")
def steel_brief() -> Brief:
    return build_brief(
        [story(on_every_country("steel", 50.0))],
        draws=20,
        seed=1,
        economy=economy_function("gravity"),
    )


def test_a_measure_on_every_country_is_briefed_with_all_partners(steel_brief: Brief) -> None:
    assert steel_brief.pair == ("USA", "WLD") and steel_brief.partner == "WLD"
    (link,) = steel_brief.links
    assert link.measure_id == "232-STEEL-50"  # the catalog's duty on every country
    (note,) = steel_brief.law_notes
    assert note.resolution is not None and note.resolution.total_pct == pytest.approx(50.0)
    assert "largest suppliers" in note.origin_label
    data = valid_json(steel_brief)
    assert data["pair"] == ["USA", "WLD"] and data["partners"] == ["WLD"]
    assert data["priced"] is True


def test_all_partners_are_priced_together_so_their_numbers_are_the_national_ones(
    steel_brief: Brief,
) -> None:
    (law,) = steel_brief.scenarios
    headline = law.outcome.point.headline
    assert headline["imports_focus_before_usd"] == pytest.approx(
        headline["imports_total_before_usd"]
    )
    assert headline["imports_focus_change_usd"] == pytest.approx(
        headline["imports_total_change_usd"]
    )
    assert headline["imports_focus_change_usd"] < 0  # 2025 tariffs against 1 January 2025
    # partners still substitute for each other: the axis keeps the largest suppliers apart
    assert len(law.outcome.point.baseline.partners) > 10
    metrics = {row["metric"] for row in brief_to_dict(steel_brief)["headline"]}
    assert "imports_focus_change_usd" in metrics and "tariff_revenue_change_usd" in metrics
    assert not metrics & {"imports_others_change_usd", "trade_diversion_focus_usd"}
    assert any("all partners are priced together" in a for a in steel_brief.assumptions)


def test_the_economy_wide_table_has_all_partners_as_one_party(steel_brief: Brief) -> None:
    assert steel_brief.economy is not None, steel_brief.economy_note
    rows = steel_brief.economy
    parties = rows[rows["role"] == "party"]["country"].unique().tolist()
    assert parties == ["USA", "WLD"]
    assert (rows["role"] == "third").any()  # the partners that move most, named
    world = rows[(rows["country"] == "WLD") & (rows["comparison"] == "reference")].iloc[0]
    assert world["exports_to_usa_pct"] < 0  # the 2025 tariffs cut the world's sales to the US


def test_a_negotiation_of_two_parties_keeps_the_brief() -> None:
    threat = MeasureMention(
        "USA", "NOR", "all goods", 10.0, 15.0, dt.date(2025, 7, 1), "threatened", 40, 45
    )
    both = story(on_every_country("steel", 50.0), on_every_country("aluminum", 50.0), threat)
    brief = build_brief([both], draws=0)
    assert brief.pair == ("USA", "NOR")
    assert ("USA", "WLD") in brief.other_pairs
    assert brief.partners == ("NOR",)  # all partners are no partner the story names
    asked = build_brief([both], draws=0, pair=("USA", "WLD"))
    assert {link.mention.target for link in asked.links} == {"WLD"}  # not the threat on Norway
    assert asked.priced


def test_a_story_that_names_one_party_and_no_negotiation_is_briefed_unpriced() -> None:
    alone = story(actors=(Actor("Finance Minister", None, "IDN", 0, 5),))
    brief = build_brief([alone], draws=0)
    assert brief.pair == ("IDN", "WLD") and not brief.priced
    (said,) = [w for w in brief.warnings if "name no negotiation" in w]
    assert "--pair" in said and "Indonesia - all partners (IDN-WLD)" in said
    assert brief.actors  # what the story reports is there
    valid_json(brief)


def test_a_story_that_names_no_party_is_briefed_with_the_us_and_all_partners() -> None:
    brief = build_brief([story()], draws=0)
    assert brief.pair == ("USA", "WLD") and not brief.priced
    assert any("they name no country" in w for w in brief.warnings)
    valid_json(brief)


# -- the command line, on a synthetic story file -------------------------------------------


@pytest.mark.slow
def test_cli_briefs_a_synthetic_story_of_measures_on_every_country(tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(
        app, ["brief", str(SYNTHETIC), "--json", str(out), "--draws", "20", "--ge", "gravity"]
    )
    assert result.exit_code == 0, result.stderr
    assert "United States - all partners (USA-WLD)" in result.stdout
    data = json.loads(out.read_text(encoding="utf-8"), parse_constant=pytest.fail)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["pair"] == ["USA", "WLD"] and data["priced"] is True
    linked = {m["mention"]["products"]: m["measure"] for m in data["measures"]}
    assert linked["semi-finished copper products"] == "232-COPPER-50"
    assert linked["steel"] == "232-STEEL-50"
    assert data["deadline"]["date"] == "2025-08-01"
    assert any(o["key"] == "threat:232-COPPER-50" for o in data["outcomes"])
    assert {r["country"] for r in data["economy"]["rows"] if r["role"] == "party"} == {
        "USA",
        "WLD",
    }
    asked = CliRunner().invoke(app, ["brief", str(SYNTHETIC), "--pair", "USA-WLD", "--draws", "0"])
    assert asked.exit_code == 0 and "do not concern" not in asked.stderr


@pytest.mark.slow
def test_cli_briefs_a_story_that_names_no_negotiation(tmp_path: Path) -> None:
    path = tmp_path / "synthetic-one-party.txt"
    path.write_text(
        "title: Indonesia's exports slow\npublished: 2025-09-02\n\n"
        "Indonesia's exports grew more slowly in July, the statistics office in Jakarta said "
        "on Tuesday, as shipments of palm oil fell.\n",
        encoding="utf-8",
    )
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(
        app, ["brief", str(path), "--json", str(out), "--draws", "0", "--ge", "none"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"), parse_constant=pytest.fail)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["pair"] == ["IDN", "WLD"] and data["priced"] is False
    assert any("name no negotiation" in w for w in data["warnings"])


@pytest.mark.slow
def test_the_timeline_of_a_party_with_all_partners(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(SYNTHETIC), "--db", str(db)]).exit_code == 0
    result = runner.invoke(app, ["timeline", "--pair", "USA-WLD", "--db", str(db), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["parties"] == ["USA", "WLD"]
    assert {m["target"] for m in data["measures"]} == {"WLD"} and len(data["articles"]) == 1
